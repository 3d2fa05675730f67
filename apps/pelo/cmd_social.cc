// pelo followers, following, search, follow, unfollow: other members.
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "lookup.h"
#include "mutation.h"
#include "render.h"

namespace pelo::cli {
namespace {

struct ListFlags {
  std::string user;
  bool all = false;
  int page = 0;
  int limit = -1;  // -1: 20 per page, 100 per request with --all
  bool json = false;
};

struct RelationshipFlags {
  std::string user;
  MutationFlags mutation;
};

std::vector<Column> ProfileColumns() {
  return {{"username", 24},
          {"location", 20},
          {"workouts", 8, true},
          {"followers", 9, true},
          {"following", 9, true},
          {"you follow", 10},
          {"id", 32}};
}

std::vector<std::string> ProfileRow(const model::UserProfile& p) {
  std::string you_follow;
  if (p.relationship) {
    you_follow = p.relationship->me_to_user;
  } else if (p.authed_user_follows) {
    you_follow = YesNo(*p.authed_user_follows);
  }
  return {p.username,
          p.location,
          IntCell(p.total_workouts),
          IntCell(p.total_followers),
          IntCell(p.total_following),
          you_follow,
          p.id};
}

// One page of members; `pageable`: the command takes --page and --all.
void PrintProfilePage(const StatusOr<api::Fetched<model::Page<model::UserProfile>>>& page,
                      bool json, bool pageable) {
  if (json) {
    PrintJsonBody(page->raw, std::cout);
    return;
  }
  Table table(ProfileColumns());
  for (const model::UserProfile& p : page->value.data) table.Add(ProfileRow(p));
  table.Print(std::cout);
  if (page->value.show_next && pageable) {
    std::cout << "(page " << page->value.page << "; --page " << page->value.page + 1
              << " for the next, --all for all)\n";
  }
}

// Every item of `all`, streamed as rows or as one JSON array of the items' own JSON.
Status PrintAllProfiles(api::Paged<model::UserProfile> all, bool json) {
  if (json) {
    JsonArrayStream array(std::cout);
    for (const model::UserProfile& p : all) array.AddRaw(p.json);
    array.Finish();
    return all.status();
  }
  TableStream table(ProfileColumns(), std::cout);
  for (const model::UserProfile& p : all) table.Add(ProfileRow(p));
  return all.status();
}

Status RunList(const Context& ctx, const ListFlags& flags, bool followers) {
  const int limit = flags.limit != -1 ? flags.limit : flags.all ? 100 : 20;
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(std::string id, ResolveUserId(conn, flags.user));
  if (flags.all) {
    return PrintAllProfiles(
        followers ? conn.client->AllFollowers(id, limit) : conn.client->AllFollowing(id, limit),
        flags.json);
  }
  auto page = followers ? conn.client->Followers(id, flags.page, limit)
                        : conn.client->Following(id, flags.page, limit);
  if (!page.ok()) return page.status();
  PrintProfilePage(page, flags.json, /*pageable=*/true);
  return OkStatus();
}

Status RunSearch(const Context& ctx, const ListFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  auto page = conn.client->SearchUsers(flags.user, flags.limit);
  if (!page.ok()) return page.status();
  PrintProfilePage(page, flags.json, /*pageable=*/false);
  return OkStatus();
}

Status RunRelationship(const Context& ctx, const RelationshipFlags& flags, bool follow) {
  const char* action = follow ? "follow" : "unfollow";
  PELO_RETURN_IF_ERROR(CheckIdArgument("USER", flags.user, "id or username"));
  std::string id;
  return RunMutation(
      ctx, flags.mutation, std::string("pelo ") + action + " " + flags.user,
      [&](app::Connection& conn) -> StatusOr<PlannedRequest> {
        PELO_ASSIGN_OR_RETURN(id, ResolveUserId(conn, flags.user));
        const nlohmann::json body = {{"action", action}, {"user_id", id}};
        return PlanFromCatalogue("Follow or Unfollow User", {}, body.dump());
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(auto r, follow ? conn.client->Follow(id) : conn.client->Unfollow(id));
        return Outcome{r.raw, std::string(follow ? "Followed " : "Unfollowed ") + flags.user +
                                  " (you: " + r.value.me_to_user + ", them: " + r.value.user_to_me +
                                  ")"};
      });
}

void AddListCommand(CLI::App& app, Context& ctx, const char* name, const char* help,
                    bool followers) {
  auto flags = std::make_shared<ListFlags>();
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_option("user", flags->user, "User id or username (default: you)");
  CLI::Option* all = cmd->add_flag("--all", flags->all, "Every page (fetched as the listing goes)");
  cmd->add_option("--page", flags->page, "Page number, from 0")
      ->capture_default_str()
      ->check(AtLeast(0))
      ->excludes(all);
  cmd->add_option("--limit", flags->limit, "Members per page (default 20; 100 with --all)")
      ->check(AtLeast(1));
  cmd->add_flag("--json", flags->json,
                "The API's answer as JSON; with --all one array of the members");
  OnRun(cmd, ctx, [&ctx, flags, followers] { return RunList(ctx, *flags, followers); });
}

void AddRelationshipCommand(CLI::App& app, Context& ctx, const char* name, const char* help,
                            bool follow) {
  auto flags = std::make_shared<RelationshipFlags>();
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_option("user", flags->user, "User id or username")->required();
  AddMutationFlags(cmd, flags->mutation);
  OnRun(cmd, ctx, [&ctx, flags, follow] { return RunRelationship(ctx, *flags, follow); });
}

}  // namespace

void AddSocialCommands(CLI::App& app, Context& ctx) {
  AddListCommand(app, ctx, "followers", "Who follows a member (default: you)", true);
  AddListCommand(app, ctx, "following", "Whom a member follows (default: you)", false);

  auto search = std::make_shared<ListFlags>();
  search->limit = 40;
  CLI::App* cmd = app.add_subcommand("search", "Find members by username");
  cmd->add_option("username", search->user, "Text to look for in usernames")->required();
  cmd->add_option("--limit", search->limit, "At most this many members")
      ->capture_default_str()
      ->check(AtLeast(1));
  cmd->add_flag("--json", search->json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(cmd, ctx, [&ctx, search] { return RunSearch(ctx, *search); });

  AddRelationshipCommand(app, ctx, "follow", "Follow a member", true);
  AddRelationshipCommand(app, ctx, "unfollow", "Stop following a member", false);
}

}  // namespace pelo::cli
