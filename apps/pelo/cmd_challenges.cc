// pelo challenges [current|upcoming|past], pelo challenges join|leave ID.
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "lookup.h"
#include "mutation.h"
#include "render.h"

namespace pelo::cli {
namespace {

struct ChallengesFlags {
  std::string status = "current";
  bool joined = false;
  bool json = false;
};

struct MembershipFlags {
  std::string challenge_id;
  MutationFlags mutation;
};

StatusOr<model::ChallengeStatus> ParseStatus(const std::string& s) {
  if (s == "current") return model::ChallengeStatus::kCurrent;
  if (s == "upcoming") return model::ChallengeStatus::kUpcoming;
  if (s == "past") return model::ChallengeStatus::kPast;
  return Status(ErrorCode::kInvalidArgument,
                "challenges: '" + s + "' is not one of current, upcoming, past, join, leave");
}

Status RunChallenges(const Context& ctx, const ChallengesFlags& flags) {
  PELO_ASSIGN_OR_RETURN(model::ChallengeStatus status, ParseStatus(flags.status));
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(std::string me, MyUserId(conn));
  PELO_ASSIGN_OR_RETURN(
      auto challenges,
      conn.client->Challenges(me, status, flags.joined ? std::optional<bool>(true) : std::nullopt));
  if (flags.json) {
    PrintJsonBody(challenges.raw, std::cout);
    return OkStatus();
  }
  Table table({{"title", 36},
               {"status", 10},
               {"start", 10},
               {"end", 10},
               {"members", 9, true},
               {"joined", 6},
               {"progress", 16},
               {"id", 32}});
  for (const model::Challenge& c : challenges.value) {
    const model::ChallengeProgress& p = c.progress;
    std::string progress = p.metric_display_value;
    if (!progress.empty() && !p.metric_display_unit.empty())
      progress += " " + p.metric_display_unit;
    table.Add({c.title, c.status, DateCell(c.start_time), DateCell(c.end_time),
               IntCell(c.participants), YesNo(p.has_joined), progress, c.id});
  }
  if (table.empty()) {
    std::cout << "No " << flags.status << (flags.joined ? " joined" : "") << " challenges.\n";
    return OkStatus();
  }
  table.Print(std::cout);
  return OkStatus();
}

Status RunMembership(const Context& ctx, const MembershipFlags& flags, bool join) {
  PELO_RETURN_IF_ERROR(CheckIdArgument("CHALLENGE_ID", flags.challenge_id));
  std::string me;
  return RunMutation(
      ctx, flags.mutation,
      std::string("pelo challenges ") + (join ? "join " : "leave ") + flags.challenge_id,
      [&](app::Connection& conn) -> StatusOr<PlannedRequest> {
        PELO_ASSIGN_OR_RETURN(me, MyUserId(conn));
        return PlanFromCatalogue(join ? "Join Challenge" : "Leave Challenge",
                                 {{"user_id", me}, {"challenge_id", flags.challenge_id}});
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(api::Done done,
                              join ? conn.client->JoinChallenge(me, flags.challenge_id)
                                   : conn.client->LeaveChallenge(me, flags.challenge_id));
        return Outcome{done.raw, std::string(join ? "Joined" : "Left") + " challenge " +
                                     flags.challenge_id + "."};
      });
}

void AddMembershipCommand(CLI::App* parent, Context& ctx, const char* name, const char* help,
                          bool join) {
  auto flags = std::make_shared<MembershipFlags>();
  CLI::App* cmd = parent->add_subcommand(name, help);
  cmd->add_option("challenge_id", flags->challenge_id, "The challenge id")->required();
  AddMutationFlags(cmd, flags->mutation);
  OnRun(cmd, ctx, [&ctx, flags, join] { return RunMembership(ctx, *flags, join); });
}

}  // namespace

void AddChallengesCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ChallengesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "challenges", "List challenges (current, upcoming or past), or join or leave one");
  Suggest(cmd->add_option("status", flags->status, "current (default), upcoming or past"),
          {"current", "upcoming", "past"});
  cmd->add_flag("--joined", flags->joined, "Only the challenges you joined");
  cmd->add_flag("--json", flags->json, "The API's answer as JSON (pretty on a terminal)");
  cmd->require_subcommand(0, 1);
  OnRun(cmd, ctx, [&ctx, flags] { return RunChallenges(ctx, *flags); });
  AddMembershipCommand(cmd, ctx, "join", "Join a challenge", true);
  AddMembershipCommand(cmd, ctx, "leave", "Leave a challenge", false);
}

}  // namespace pelo::cli
