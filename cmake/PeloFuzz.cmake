# The libFuzzer targets, one fuzz/<name>_fuzzer.cc each (docs/adr/0010-fuzzing.md). With
# PELO_FUZZ (the `fuzz` preset, clang) each is a libFuzzer binary <name>_fuzzer; in every other
# build they are compiled into pelo_fuzz_replay_test (tests/fuzz), which replays their corpora.
set(PELO_FUZZ_TARGETS
    user workout_page workout performance_graph ride_details instructor catalogue graphql
    token_response html_form jwt csv archive_key file_name redact)
# What the targets call: the parsers (api, auth, oauth2), the CSV writer (export), archive paths (sync),
# the redactor in each sink's form (common, http, store: through sync);
# simdjson checks that what graphql::Quote writes reads back.
set(PELO_FUZZ_DEPS pelo::api pelo::auth pelo::oauth2 pelo::export pelo::sync simdjson::simdjson)
