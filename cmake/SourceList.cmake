# cmake/SourceList.cmake — sources are listed explicitly (one file per line, sorted); this check makes
# a .cpp that is on disk but in no list fail loudly instead of being silently left out of the build.
#
#   npsim_check_source_list(<target> [GLOB <pattern>...] [GLOB_RECURSE <pattern>...])
#
# Patterns are relative to the calling CMakeLists.txt's folder. Every file they match must be among
# <target>'s SOURCES (call it after the last target_sources). The globs run at configure time; with
# CONFIGURE_DEPENDS the build re-runs them, so a new file that no list names stops the next build too.
function(npsim_check_source_list target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "GLOB;GLOB_RECURSE")
  if(ARG_UNPARSED_ARGUMENTS OR NOT (ARG_GLOB OR ARG_GLOB_RECURSE))
    message(FATAL_ERROR "npsim_check_source_list(${target} GLOB|GLOB_RECURSE <pattern>...): bad arguments")
  endif()
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  set(listed "")
  foreach(source IN LISTS sources)
    if(source MATCHES "^\\$<")  # a generator expression: not a file of ours
      continue()
    endif()
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" NORMALIZE OUTPUT_VARIABLE absolute)
    list(APPEND listed "${absolute}")
  endforeach()
  set(on_disk "")
  foreach(pattern IN LISTS ARG_GLOB)
    file(GLOB found CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${pattern}")
    list(APPEND on_disk ${found})
  endforeach()
  foreach(pattern IN LISTS ARG_GLOB_RECURSE)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${pattern}")
    list(APPEND on_disk ${found})
  endforeach()
  set(missing "")
  foreach(file IN LISTS on_disk)
    cmake_path(NORMAL_PATH file)
    if(NOT file IN_LIST listed)
      file(RELATIVE_PATH shown "${PROJECT_SOURCE_DIR}" "${file}")
      string(APPEND missing "\n  ${shown} is not in the source list of ${target}")
    endif()
  endforeach()
  if(missing)
    file(RELATIVE_PATH here "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_LIST_FILE}")
    message(FATAL_ERROR "npsim: sources are listed explicitly:${missing}\n"
                        "Add each to ${here} (one file per line, sorted), or delete it.")
  endif()
endfunction()
