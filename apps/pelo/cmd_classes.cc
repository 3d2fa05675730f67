// pelo instructors, classes, class, favorite, unfavorite: the class library.
#include <algorithm>
#include <iostream>
#include <map>

#include "commands.h"
#include "flags.h"
#include "lookup.h"
#include "mutation.h"
#include "render.h"

namespace pelo::cli {
namespace {

struct InstructorsFlags {
  std::string id;
  bool json = false;
};

struct ClassesFlags {
  std::string discipline;
  std::string instructor;
  std::vector<int> durations;
  std::string sort = "new";
  bool favorites = false;
  int limit = -1;  // -1: 20 per page, 100 per request with --all
  int page = 0;
  bool all = false;
  bool json = false;
};

struct ClassFlags {
  std::string ride_id;
  bool json = false;
};

struct FavoriteFlags {
  std::string ride_id;
  MutationFlags mutation;
};

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

nlohmann::json InstructorJson(const model::Instructor& i) {
  return {{"id", i.id},
          {"name", i.name},
          {"first_name", i.first_name},
          {"last_name", i.last_name},
          {"username", i.username},
          {"fitness_disciplines", i.fitness_disciplines},
          {"image_url", i.image_url},
          {"bio", i.bio}};
}

Status RunInstructors(const Context& ctx, const InstructorsFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  if (!flags.id.empty()) {
    PELO_RETURN_IF_ERROR(CheckIdArgument("ID", flags.id));
    PELO_ASSIGN_OR_RETURN(auto one, conn.client->Instructor(flags.id));
    if (flags.json) {
      PrintJsonBody(one.raw, std::cout);
      return OkStatus();
    }
    const model::Instructor& i = one.value;
    PrintFields({{"name", i.name},
                 {"id", i.id},
                 {"username", i.username},
                 {"disciplines", Join(i.fitness_disciplines)},
                 {"bio", i.bio}},
                std::cout);
    return OkStatus();
  }
  auto all = conn.client->AllInstructors();
  if (flags.json) {
    JsonArrayStream array(std::cout);
    for (const model::Instructor& i : all) array.Add(InstructorJson(i));
    array.Finish();
    return all.status();
  }
  Table table({{"name", 28}, {"disciplines", 40}, {"id", 32}});
  for (const model::Instructor& i : all) table.Add({i.name, Join(i.fitness_disciplines), i.id});
  PELO_RETURN_IF_ERROR(all.status());
  table.Print(std::cout);
  return OkStatus();
}

// --sort as the web app names it -> the API's sort_by (always descending).
StatusOr<std::string> SortBy(const std::string& sort) {
  static const std::map<std::string, std::string> kSorts = {{"new", "original_air_time"},
                                                            {"popular", "popularity"},
                                                            {"trending", "trending"},
                                                            {"top_rated", "top_rated"},
                                                            {"difficulty", "difficulty"}};
  auto it = kSorts.find(sort);
  if (it == kSorts.end()) {
    return Status(ErrorCode::kInvalidArgument,
                  "--sort: '" + sort +
                      "' is not one of new, popular, trending, top_rated, "
                      "difficulty");
  }
  return it->second;
}

std::vector<Column> ClassColumns() {
  return {{"aired", 10},      {"discipline", 12},       {"min", 3, true}, {"title", 40},
          {"instructor", 22}, {"difficulty", 10, true}, {"id", 32}};
}

std::vector<std::string> ClassRow(const model::Ride& r, const std::string& instructor) {
  return {DateCell(r.original_air_time),
          r.fitness_discipline,
          MinutesCell(r.duration),
          r.title,
          instructor,
          NumberCell(r.difficulty_estimate, 1),
          r.id};
}

nlohmann::json RideJson(const model::Ride& r, const std::string& instructor) {
  auto opt = [](const auto& v) -> nlohmann::json {
    if (v) return *v;
    return nullptr;
  };
  return {{"id", r.id},
          {"title", r.title},
          {"description", r.description},
          {"fitness_discipline", r.fitness_discipline},
          {"instructor_id", r.instructor_id},
          {"instructor", instructor},
          {"duration", opt(r.duration)},
          {"length", opt(r.length)},
          {"original_air_time", opt(r.original_air_time)},
          {"difficulty_estimate", opt(r.difficulty_estimate)},
          {"content_format", r.content_format},
          {"image_url", r.image_url}};
}

// Instructor names by id, fetched once and only when a class does not name its instructor.
class InstructorNames {
 public:
  explicit InstructorNames(api::Client& client) : client_(client) {}
  void Add(const model::Instructor& i) { names_[i.id] = i.name; }
  std::string Of(const model::Ride& r) {
    if (r.instructor && !r.instructor->name.empty()) return r.instructor->name;
    if (r.instructor_id.empty()) return "";
    if (names_.find(r.instructor_id) == names_.end() && !fetched_) {
      fetched_ = true;
      for (const model::Instructor& i : client_.AllInstructors()) Add(i);
    }
    auto it = names_.find(r.instructor_id);
    return it == names_.end() ? "" : it->second;
  }

 private:
  api::Client& client_;
  std::map<std::string, std::string> names_;
  bool fetched_ = false;
};

Status RunClasses(const Context& ctx, const ClassesFlags& flags) {
  model::ClassQuery query;
  PELO_ASSIGN_OR_RETURN(query.sort_by, SortBy(flags.sort));
  query.desc = true;
  query.browse_category = flags.discipline;
  query.durations = flags.durations;
  if (flags.favorites) query.is_favorite_ride = true;
  query.page = flags.page;
  query.limit = flags.limit != -1 ? flags.limit : flags.all ? 100 : 20;
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  if (!flags.instructor.empty()) {
    PELO_ASSIGN_OR_RETURN(query.instructor_id, ResolveInstructorId(conn, flags.instructor));
  }
  InstructorNames names(*conn.client);
  if (flags.all) {
    auto all = conn.client->AllArchivedClasses(query);
    if (flags.json) {
      JsonArrayStream array(std::cout);
      for (const model::Ride& r : all) array.Add(RideJson(r, names.Of(r)));
      array.Finish();
    } else {
      TableStream table(ClassColumns(), std::cout);
      for (const model::Ride& r : all) table.Add(ClassRow(r, names.Of(r)));
    }
    return all.status();
  }
  PELO_ASSIGN_OR_RETURN(auto page, conn.client->ArchivedClasses(query));
  if (flags.json) {
    PrintJsonBody(page.raw, std::cout);
    return OkStatus();
  }
  for (const model::Instructor& i : page.value.instructors) names.Add(i);
  Table table(ClassColumns());
  for (const model::Ride& r : page.value.rides.data) table.Add(ClassRow(r, names.Of(r)));
  table.Print(std::cout);
  const auto& p = page.value.rides;
  if (p.show_next) {
    std::cout << "(page " << p.page
              << (p.page_count > 0 ? " of pages 0-" + std::to_string(p.page_count - 1)
                                   : std::string())
              << "; --page " << p.page + 1 << " for the next, --all for all)\n";
  }
  return OkStatus();
}

Status RunClass(const Context& ctx, const ClassFlags& flags) {
  PELO_RETURN_IF_ERROR(CheckIdArgument("ID", flags.ride_id));
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(auto details, conn.client->RideDetails(flags.ride_id));
  if (flags.json) {
    PrintJsonBody(details.raw, std::cout);
    return OkStatus();
  }
  const model::RideDetails& d = details.value;
  const model::Ride& r = d.ride;
  PrintFields({{"title", r.title},
               {"id", r.id},
               {"discipline", r.fitness_discipline},
               {"instructor", r.instructor ? r.instructor->name : r.instructor_id},
               {"minutes", MinutesCell(r.duration)},
               {"aired", WhenCell(r.original_air_time)},
               {"difficulty", NumberCell(r.difficulty_estimate, 2)},
               {"description", r.description}},
              std::cout);
  if (!d.segments.empty()) {
    Table segments({{"start", 6, true}, {"length", 6, true}, {"segment", 40}});
    for (const model::Segment& s : d.segments) {
      segments.Add({ClockCell(s.start_time_offset), ClockCell(s.length), s.name});
    }
    std::cout << "\nSegments\n";
    segments.Print(std::cout);
  }
  if (!d.playlist.empty()) {
    Table songs({{"at", 6, true}, {"title", 40}, {"artists", 40}});
    for (const model::Song& s : d.playlist) {
      songs.Add({s.start_time_offset ? ClockCell(*s.start_time_offset) : "", s.title, s.artists});
    }
    std::cout << "\nPlaylist\n";
    songs.Print(std::cout);
  }
  return OkStatus();
}

Status RunFavorite(const Context& ctx, const FavoriteFlags& flags, bool favorite) {
  PELO_RETURN_IF_ERROR(CheckIdArgument("RIDE_ID", flags.ride_id));
  const std::string body = nlohmann::json{{"ride_id", flags.ride_id}}.dump();
  return RunMutation(
      ctx, flags.mutation,
      std::string(favorite ? "pelo favorite " : "pelo unfavorite ") + flags.ride_id,
      [&](app::Connection&) {
        return PlanFromCatalogue(favorite ? "Favorite Class" : "Unfavorite Class", {}, body);
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(api::Done done, favorite ? conn.client->Favorite(flags.ride_id)
                                                       : conn.client->Unfavorite(flags.ride_id));
        return Outcome{done.raw, std::string(favorite ? "Added class " : "Removed class ") +
                                     flags.ride_id + (favorite ? " to" : " from") +
                                     " your favorites."};
      });
}

void AddFavoriteCommand(CLI::App& app, Context& ctx, const char* name, const char* help,
                        bool favorite) {
  auto flags = std::make_shared<FavoriteFlags>();
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_option("ride_id", flags->ride_id, "The class id (see `pelo classes`)")->required();
  AddMutationFlags(cmd, flags->mutation);
  OnRun(cmd, ctx, [&ctx, flags, favorite] { return RunFavorite(ctx, *flags, favorite); });
}

}  // namespace

void AddClassCommands(CLI::App& app, Context& ctx) {
  auto instructors = std::make_shared<InstructorsFlags>();
  CLI::App* cmd = app.add_subcommand("instructors", "List the instructors, or show one");
  cmd->add_option("id", instructors->id, "An instructor id");
  cmd->add_flag("--json", instructors->json,
                "JSON: the API's answer for one instructor; one array for the list");
  OnRun(cmd, ctx, [&ctx, instructors] { return RunInstructors(ctx, *instructors); });

  auto classes = std::make_shared<ClassesFlags>();
  cmd = app.add_subcommand("classes", "Browse the on-demand class library");
  Suggest(cmd->add_option("--discipline", classes->discipline,
                          "cycling, running, walking, strength, yoga, meditation, stretching, ..."),
          ClassCategories());
  cmd->add_option("--instructor", classes->instructor, "Instructor id or name (any case)");
  cmd->add_option("--duration", classes->durations, "Class length in minutes (repeatable)")
      ->check(AtLeast(1));
  Suggest(
      cmd->add_option("--sort", classes->sort, "new, popular, trending, top_rated or difficulty")
          ->capture_default_str(),
      {"new", "popular", "trending", "top_rated", "difficulty"});
  cmd->add_flag("--favorites", classes->favorites, "Only your favorite classes");
  cmd->add_option("--limit", classes->limit, "Classes per page (default 20; 100 with --all)")
      ->check(AtLeast(1));
  CLI::Option* page = cmd->add_option("--page", classes->page, "Page number, from 0")
                          ->capture_default_str()
                          ->check(AtLeast(0));
  cmd->add_flag("--all", classes->all, "Every matching class (fetched as the listing goes)")
      ->excludes(page);
  cmd->add_flag("--json", classes->json,
                "The API's answer as JSON; with --all one array of the classes");
  OnRun(cmd, ctx, [&ctx, classes] { return RunClasses(ctx, *classes); });

  auto one = std::make_shared<ClassFlags>();
  cmd = app.add_subcommand("class", "Show a class: details, segments and playlist");
  cmd->add_option("id", one->ride_id, "The class id")->required();
  cmd->add_flag("--json", one->json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(cmd, ctx, [&ctx, one] { return RunClass(ctx, *one); });

  AddFavoriteCommand(app, ctx, "favorite", "Add a class to your favorites", true);
  AddFavoriteCommand(app, ctx, "unfavorite", "Remove a class from your favorites", false);
}

}  // namespace pelo::cli
