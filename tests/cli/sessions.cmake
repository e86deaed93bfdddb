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

add_test(NAME cli.kill9
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kill9.sh $<TARGET_FILE:npsim-cli> ${NPSIM_SOURCE_SCENARIO_DIR}
                 ${NPSIM_SESSION_DATA_DIR} 20)
set_tests_properties(cli.kill9 PROPERTIES TIMEOUT 120)

foreach(session_case good truncated wrong_version edited_scenario edited_hash edited_journal_entry bad_action
                     observations no_password resume_other_scenario snapshot)
  add_test(NAME cli.session.${session_case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/session_cases.sh $<TARGET_FILE:npsim-cli> ${NPSIM_SOURCE_SCENARIO_DIR}
                   ${NPSIM_SESSION_DATA_DIR} ${session_case})
endforeach()
