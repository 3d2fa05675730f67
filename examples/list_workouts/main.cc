// Signs in to a Peloton API, here a running pelo-sim, and lists the account's workouts, newest
// first, through libpelo's API client. The password comes from $PELOTON_PASSWORD or standard
// input, never from the command line (where `ps` would show it).
//
//   pelo-sim --port 8080 &
//   echo demo | list_workouts http://127.0.0.1:8080 demo@example.com
#include <cstdlib>
#include <iostream>
#include <string>

#include "pelo/app/connection.h"
#include "pelo/app/workspace.h"
#include "pelo/common/time.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: list_workouts URL EMAIL   (password on stdin or in PELOTON_PASSWORD)\n";
    return 2;
  }
  pelo::auth::LoginInput login;  // Auth0's PKCE flow, as the Peloton web app signs in
  login.email = argv[2];
  if (const char* password = std::getenv("PELOTON_PASSWORD"); password && *password) {
    login.password = password;
  } else {
    std::getline(std::cin, login.password);
  }

  pelo::app::WorkspaceOptions options;
  options.user_agent = "pelo-example/0.1";
  const pelo::app::Workspace workspace(options);
  // The simulator serves the API, the login and GraphQL on one host; Peloton itself is
  // pelo::auth::Endpoints{}.
  const pelo::auth::Endpoints endpoints = pelo::auth::EndpointsOnOneHost(argv[1]);
  auto connection = pelo::app::SignIn(workspace, endpoints, login);  // nothing is saved
  if (!connection.ok()) {
    std::cerr << "list_workouts: " << connection.status().ToString() << "\n";
    return 1;
  }
  pelo::api::Client& client = *connection->client;
  auto me = client.Me();
  if (!me.ok()) {
    std::cerr << "list_workouts: " << me.status().ToString() << "\n";
    return 1;
  }

  // A lazy range: one page of the list in memory at a time, however long the history.
  auto workouts = client.AllWorkouts(me->value.id);
  for (const pelo::model::Workout& workout : workouts) {
    const std::string day = workout.start_time ? pelo::FormatUtcDate(*workout.start_time) : "";
    const std::string title = workout.ride ? workout.ride->title : workout.name;
    std::cout << workout.id << "\t" << day << "\t" << workout.fitness_discipline << "\t" << title
              << "\n";
  }
  if (!workouts.status().ok()) {
    std::cerr << "list_workouts: " << workouts.status().ToString() << "\n";
    return 1;
  }
  return 0;
}
