// pelo live, reserve, unreserve: the live schedule and your reservations.
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "lookup.h"
#include "mutation.h"
#include "render.h"

namespace pelo::cli {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

struct LiveFlags {
  std::string discipline;
  std::string from;
  std::string to;
  bool json = false;
};

struct ReservationFlags {
  std::string id;
  MutationFlags mutation;
};

Status RunLive(const Context& ctx, const LiveFlags& flags) {
  model::LiveQuery query;
  query.browse_category = flags.discipline;
  if (!flags.from.empty()) {
    PELO_ASSIGN_OR_RETURN(query.start, ParseDateArgument("--from", flags.from));
  }
  if (!flags.to.empty()) {
    PELO_ASSIGN_OR_RETURN(int64_t to, ParseDateArgument("--to", flags.to));
    // A date includes its whole day.
    query.end = flags.to.find('-') != std::string::npos ? to + kDay : to;
  }
  if (query.start && query.end && *query.end <= *query.start) {
    return Status(ErrorCode::kInvalidArgument, "--to must be after --from");
  }
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(auto live, conn.client->LiveClasses(query));
  if (flags.json) {
    PrintJsonBody(live.raw, std::cout);
    return OkStatus();
  }
  Table table({{"start (UTC)", 16},
               {"status", 11},
               {"min", 3, true},
               {"title", 40},
               {"instructor", 22},
               {"reserved", 8, true},
               {"peloton id", 32}});
  for (const model::LiveSession& s : live.value) {
    const std::optional<model::Ride>& r = s.ride;
    std::string title = r ? r->title : s.ride_id;
    if (s.is_encore) title += " (encore)";
    table.Add({WhenCell(s.scheduled_start_time ? s.scheduled_start_time : s.start_time), s.status,
               r ? MinutesCell(r->duration) : "", title,
               r && r->instructor ? r->instructor->name : "", IntCell(s.total_home_reservations),
               s.id});
  }
  if (table.empty()) {
    std::cout << "No live classes scheduled.\n";
    return OkStatus();
  }
  table.Print(std::cout);
  return OkStatus();
}

Status RunReserve(const Context& ctx, const ReservationFlags& flags) {
  PELO_RETURN_IF_ERROR(CheckIdArgument("PELOTON_ID", flags.id));
  std::string me;
  return RunMutation(
      ctx, flags.mutation, "pelo reserve " + flags.id,
      [&](app::Connection& conn) -> StatusOr<PlannedRequest> {
        PELO_ASSIGN_OR_RETURN(me, MyUserId(conn));
        const nlohmann::json body = {
            {"location", "remote"}, {"peloton_id", flags.id}, {"user_id", me}};
        return PlanFromCatalogue("Create Reservation", {}, body.dump());
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(auto r, conn.client->Reserve(flags.id, me));
        return Outcome{r.raw, "Reserved " + flags.id + ": reservation " + r.value.id +
                                  " (cancel with `pelo unreserve " + r.value.id + "`)"};
      });
}

Status RunUnreserve(const Context& ctx, const ReservationFlags& flags) {
  PELO_RETURN_IF_ERROR(CheckIdArgument("RESERVATION_ID", flags.id));
  return RunMutation(
      ctx, flags.mutation, "pelo unreserve " + flags.id,
      [&](app::Connection&) {
        // The catalogue names the path variable peloton_id (the Postman name); DovOps and the
        // API take the reservation id there.
        return PlanFromCatalogue("Remove Reservation", {{"peloton_id", flags.id}});
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(api::Done done, conn.client->Unreserve(flags.id));
        return Outcome{done.raw, "Cancelled reservation " + flags.id + "."};
      });
}

}  // namespace

void AddLiveCommands(CLI::App& app, Context& ctx) {
  auto live = std::make_shared<LiveFlags>();
  CLI::App* cmd = app.add_subcommand("live", "The live class schedule");
  Suggest(
      cmd->add_option("--discipline", live->discipline, "cycling, running, strength, yoga, ..."),
      ClassCategories());
  cmd->add_option("--from", live->from, "From this date (YYYY-MM-DD, UTC) or epoch second");
  cmd->add_option("--to", live->to, "Up to this date, included (YYYY-MM-DD, UTC) or epoch second");
  cmd->add_flag("--json", live->json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(cmd, ctx, [&ctx, live] { return RunLive(ctx, *live); });

  auto reserve = std::make_shared<ReservationFlags>();
  cmd = app.add_subcommand("reserve", "Reserve a spot in a scheduled live class");
  cmd->add_option("peloton_id", reserve->id, "The session's peloton id (see `pelo live`)")
      ->required();
  AddMutationFlags(cmd, reserve->mutation);
  OnRun(cmd, ctx, [&ctx, reserve] { return RunReserve(ctx, *reserve); });

  auto unreserve = std::make_shared<ReservationFlags>();
  cmd = app.add_subcommand("unreserve", "Cancel a reservation");
  cmd->add_option("reservation_id", unreserve->id, "The reservation id `pelo reserve` printed")
      ->required();
  AddMutationFlags(cmd, unreserve->mutation);
  OnRun(cmd, ctx, [&ctx, unreserve] { return RunUnreserve(ctx, *unreserve); });
}

}  // namespace pelo::cli
