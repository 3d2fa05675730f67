// pelo tags [mine | search TEXT | browse CATEGORY | show NAME | add|remove|primary NAME].
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "mutation.h"
#include "render.h"

namespace pelo::cli {
namespace {

struct TagsFlags {
  std::string text;  // the search text, category or tag name
  bool all = false;
  bool json = false;
};

struct TagChangeFlags {
  std::string name;
  MutationFlags mutation;
};

// "#PelotonDads" and "PelotonDads" name the same tag.
StatusOr<std::string> TagName(const std::string& text) {
  std::string name = text;
  if (!name.empty() && name.front() == '#') name.erase(0, 1);
  if (name.empty() || name.find_first_of(" \t\r\n") != std::string::npos) {
    return Status(ErrorCode::kInvalidArgument, "NAME: '" + text + "' is not a tag name");
  }
  return name;
}

nlohmann::json TagJson(const model::Tag& t) {
  nlohmann::json j = {{"name", t.name},
                      {"exists", t.exists},
                      {"following_count", t.following_count},
                      {"total_users", t.total_users},
                      {"background_image", t.background_image},
                      {"is_primary", t.is_primary},
                      {"meta_tag", t.meta_tag}};
  j["has_added"] = t.has_added ? nlohmann::json(*t.has_added) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json TagUserJson(const model::TagUser& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"image_url", u.image_url},
          {"follow_status", u.follow_status},
          {"total_workouts", u.total_workouts ? nlohmann::json(*u.total_workouts) : nullptr}};
}

std::vector<Column> TagColumns() {
  return {{"tag", 32}, {"members", 8, true}, {"following", 9, true}, {"yours", 5}, {"group", 20}};
}

std::vector<std::string> TagRow(const model::Tag& t) {
  return {"#" + t.name, std::to_string(t.total_users), std::to_string(t.following_count),
          t.has_added ? YesNo(*t.has_added) : "", t.meta_tag};
}

std::vector<Column> MemberColumns() {
  return {{"username", 24}, {"workouts", 8, true}, {"you follow", 14}, {"id", 32}};
}

std::vector<std::string> MemberRow(const model::TagUser& u) {
  return {u.username, IntCell(u.total_workouts), u.follow_status, u.id};
}

// Every tag of a lazy listing, as rows or one JSON array.
Status PrintAllTags(api::Paged<model::Tag> all, bool json) {
  if (json) {
    JsonArrayStream array(std::cout);
    for (const model::Tag& t : all) array.Add(TagJson(t));
    array.Finish();
  } else {
    TableStream table(TagColumns(), std::cout);
    for (const model::Tag& t : all) table.Add(TagRow(t));
  }
  return all.status();
}

void PrintFirstPage(const model::CursorPage<model::Tag>& page, const model::Tag* exact) {
  Table table(TagColumns());
  if (exact != nullptr) table.Add(TagRow(*exact));
  for (const model::Tag& t : page.items) {
    if (exact == nullptr || t.name != exact->name) table.Add(TagRow(t));
  }
  table.Print(std::cout);
  if (page.has_next_page) std::cout << "(more with --all)\n";
}

Status RunMine(const Context& ctx, bool json) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(auto mine, conn.client->MyTags());
  if (json) {
    PrintJsonBody(mine.raw, std::cout);
    return OkStatus();
  }
  Table table({{"tag", 32}, {"primary", 7}, {"members", 8, true}, {"following", 9, true}});
  for (const model::Tag& t : mine.value.tags) {
    table.Add({"#" + t.name, t.is_primary ? "primary" : "", std::to_string(t.total_users),
               std::to_string(t.following_count)});
  }
  if (table.empty()) {
    std::cout << "You have no tags (add one with `pelo tags add NAME`).\n";
  } else {
    table.Print(std::cout);
  }
  if (mine.value.remaining_slots) {
    std::cout << *mine.value.remaining_slots << " tag slots left\n";
  }
  return OkStatus();
}

Status RunSearch(const Context& ctx, const TagsFlags& flags) {
  if (flags.text.empty()) return Status(ErrorCode::kInvalidArgument, "TEXT is empty");
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  if (flags.all) return PrintAllTags(conn.client->AllSearchTags(flags.text), flags.json);
  PELO_ASSIGN_OR_RETURN(auto found, conn.client->SearchTags(flags.text));
  if (flags.json) {
    PrintJsonBody(found.raw, std::cout);
    return OkStatus();
  }
  const model::TagSearch& s = found.value;
  PrintFirstPage(s.results, s.exact && s.exact->exists ? &*s.exact : nullptr);
  return OkStatus();
}

Status RunBrowse(const Context& ctx, const TagsFlags& flags) {
  const std::optional<model::TagCategory> category = api::ParseTagCategory(flags.text);
  if (!category) {
    return Status(
        ErrorCode::kInvalidArgument,
        "CATEGORY: '" + flags.text + "' is not one of featured, friends, popular, trending");
  }
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  if (flags.all) return PrintAllTags(conn.client->AllBrowseTags(*category), flags.json);
  PELO_ASSIGN_OR_RETURN(auto page, conn.client->BrowseTags(*category));
  if (flags.json) {
    PrintJsonBody(page.raw, std::cout);
    return OkStatus();
  }
  PrintFirstPage(page.value, nullptr);
  return OkStatus();
}

Status RunShow(const Context& ctx, const TagsFlags& flags) {
  PELO_ASSIGN_OR_RETURN(std::string name, TagName(flags.text));
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  if (flags.all && flags.json) {
    auto all = conn.client->AllTagUsers(name);
    JsonArrayStream array(std::cout);
    for (const model::TagUser& u : all) array.Add(TagUserJson(u));
    array.Finish();
    return all.status();
  }
  PELO_ASSIGN_OR_RETURN(auto detail, conn.client->TagDetail(name));
  if (flags.json) {
    PrintJsonBody(detail.raw, std::cout);
    return OkStatus();
  }
  // TagDetail answers an unknown name with an empty tag (its query does not select `exists`).
  const model::Tag& t = detail.value.tag;
  PrintFields({{"tag", "#" + t.name},
               {"members", std::to_string(t.total_users)},
               {"following", std::to_string(t.following_count)},
               {"yours", t.has_added ? YesNo(*t.has_added) : ""}},
              std::cout);
  std::cout << "\n";
  if (flags.all) {
    auto all = conn.client->AllTagUsers(name);
    TableStream table(MemberColumns(), std::cout);
    for (const model::TagUser& u : all) table.Add(MemberRow(u));
    return all.status();
  }
  if (detail.value.users.items.empty()) {
    std::cout << "Nobody has #" << TerminalText(name) << ".\n";
    return OkStatus();
  }
  Table members(MemberColumns());
  for (const model::TagUser& u : detail.value.users.items) members.Add(MemberRow(u));
  members.Print(std::cout);
  if (detail.value.users.has_next_page) std::cout << "(more members with --all)\n";
  return OkStatus();
}

enum class Change { kAdd, kRemove, kPrimary };

Status RunChange(const Context& ctx, const TagChangeFlags& flags, Change change) {
  PELO_ASSIGN_OR_RETURN(std::string name, TagName(flags.name));
  static constexpr const char* kOperation[] = {"AddTagToUser", "RemoveTagFromUser",
                                               "SetTagAsPrimary"};
  static constexpr const char* kVerb[] = {"add", "remove", "primary"};
  const int i = static_cast<int>(change);
  return RunMutation(
      ctx, flags.mutation, std::string("pelo tags ") + kVerb[i] + " #" + name,
      [&](app::Connection&) {
        return PlanGraphqlOperation(kOperation[i], {{"input", {{"tagName", name}}}});
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        auto done = change == Change::kAdd      ? conn.client->AddTag(name)
                    : change == Change::kRemove ? conn.client->RemoveTag(name)
                                                : conn.client->SetPrimaryTag(name);
        if (!done.ok()) return done.status();
        const std::string tag = "#" + (done->value.name.empty() ? name : done->value.name);
        const std::string message = change == Change::kAdd ? "Added " + tag + " to your tags."
                                    : change == Change::kRemove
                                        ? "Removed " + tag + " from your tags."
                                        : tag + " is now your primary tag.";
        return Outcome{done->raw, message};
      });
}

void AddLookup(CLI::App* tags, Context& ctx, const char* name, const char* arg, const char* help,
               const char* arg_help, Status (*run)(const Context&, const TagsFlags&),
               const std::vector<std::string>& values = {}) {
  auto flags = std::make_shared<TagsFlags>();
  CLI::App* cmd = tags->add_subcommand(name, help);
  CLI::Option* text = cmd->add_option(arg, flags->text, arg_help)->required();
  if (!values.empty()) Suggest(text, values);
  cmd->add_flag("--all", flags->all, "Every page (fetched as the listing goes)");
  cmd->add_flag("--json", flags->json,
                "The API's answer as JSON; with --all one array of the items");
  OnRun(cmd, ctx, [&ctx, flags, run] { return run(ctx, *flags); });
}

void AddChange(CLI::App* tags, Context& ctx, const char* name, const char* help, Change change) {
  auto flags = std::make_shared<TagChangeFlags>();
  CLI::App* cmd = tags->add_subcommand(name, help);
  cmd->add_option("name", flags->name, "The tag, with or without '#'")->required();
  AddMutationFlags(cmd, flags->mutation);
  OnRun(cmd, ctx, [&ctx, flags, change] { return RunChange(ctx, *flags, change); });
}

}  // namespace

void AddTagsCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  CLI::App* tags = app.add_subcommand("tags", "Your tags (default), or find, show and change tags");
  tags->add_flag("--json", *json, "The API's answer as JSON (pretty on a terminal)");
  tags->require_subcommand(0, 1);
  OnRun(tags, ctx, [&ctx, json] { return RunMine(ctx, *json); });

  auto mine_json = std::make_shared<bool>(false);
  CLI::App* mine = tags->add_subcommand("mine", "Your tags and which is primary");
  mine->add_flag("--json", *mine_json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(mine, ctx, [&ctx, json, mine_json] { return RunMine(ctx, *json || *mine_json); });

  AddLookup(tags, ctx, "search", "text", "Find tags by name", "Text to look for", RunSearch);
  AddLookup(tags, ctx, "browse", "category", "Browse tags by category",
            "featured, friends, popular or trending (any case)", RunBrowse,
            {"featured", "friends", "popular", "trending"});
  AddLookup(tags, ctx, "show", "name", "A tag and its members", "The tag, with or without '#'",
            RunShow);

  AddChange(tags, ctx, "add", "Add a tag to your profile", Change::kAdd);
  AddChange(tags, ctx, "remove", "Remove a tag from your profile", Change::kRemove);
  AddChange(tags, ctx, "primary", "Make one of your tags the primary one", Change::kPrimary);
}

}  // namespace pelo::cli
