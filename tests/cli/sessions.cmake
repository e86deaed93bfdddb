# Session files through the command line (tools/cli_session.cpp, docs/sessions.md): every shipped
# scenario records and replays, kill -9 at random moments then --resume, and damaged files.
set(NPSIM_SESSION_DATA_DIR ${PROJECT_SOURCE_DIR}/tests/data/sessions)

# Each script exits 0 only when every check passed (no PASS_REGULAR_EXPRESSION: it would hide the exit code).
# scenario.<name>.replay: the reference solution recorded to a session file replays bit for bit.
file(GLOB NPSIM_REPLAY_SCENARIOS CONFIGURE_DEPENDS ${NPSIM_SOURCE_SCENARIO_DIR}/*.json)
foreach(scenario_file ${NPSIM_REPLAY_SCENARIOS})
  get_filename_component(scenario_name ${scenario_file} NAME_WE)
  add_test(NAME scenario.${scenario_name}.replay
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/record_and_replay.sh $<TARGET_FILE:npsim-cli> ${scenario_file})
endforeach()

# cli.kill9: every iteration kills a run in the middle (at a point taken from the run's own progress,
# never from wall-clock time) and resumes it. Under a sanitizer (the asan preset) each run is many times
# slower, so fewer iterations; NPSIM_KILL9_ITERATIONS overrides the count. The timeout only catches a hang.
if(CMAKE_CXX_FLAGS MATCHES "sanitize")
  set(NPSIM_KILL9_DEFAULT_ITERATIONS 6)
else()
  set(NPSIM_KILL9_DEFAULT_ITERATIONS 20)
endif()
set(NPSIM_KILL9_ITERATIONS "" CACHE STRING "Iterations of the cli.kill9 test (empty: 20, or 6 under a sanitizer)")
if(NPSIM_KILL9_ITERATIONS)
  set(NPSIM_KILL9_DEFAULT_ITERATIONS ${NPSIM_KILL9_ITERATIONS})
endif()
add_test(NAME cli.kill9
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kill9.sh $<TARGET_FILE:npsim-cli> ${NPSIM_SOURCE_SCENARIO_DIR}
                 ${NPSIM_SESSION_DATA_DIR} ${NPSIM_KILL9_DEFAULT_ITERATIONS})
set_tests_properties(cli.kill9 PROPERTIES TIMEOUT 3600)

foreach(session_case good truncated wrong_version edited_scenario edited_hash edited_journal_entry bad_action
                     observations observe_after_answer no_password resume_other_scenario snapshot)
  add_test(NAME cli.session.${session_case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/session_cases.sh $<TARGET_FILE:npsim-cli> ${NPSIM_SOURCE_SCENARIO_DIR}
                   ${NPSIM_SESSION_DATA_DIR} ${session_case})
endforeach()
