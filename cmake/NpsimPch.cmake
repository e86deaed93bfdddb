# Precompiled headers (issue 11, "a faster build"): the heavy third-party headers (nlohmann/json, fmt,
# Dear ImGui, Catch2) and the most used standard headers are parsed once per target, not once per file.
# Every target lists them PRIVATE, so nothing propagates to the targets that link it.
# NPSIM_PCH=OFF builds without them: the way to check that every file includes what it uses.
option(NPSIM_PCH "Precompile the heavy third-party headers (nlohmann/json, fmt, Dear ImGui, Catch2)" ON)

# What the core, the CLI and the tests share; npsim_ui adds <imgui.h>, the tests <catch2/catch.hpp>.
set(NPSIM_PCH_HEADERS <algorithm> <filesystem> <map> <optional> <string> <vector> <nlohmann/json.hpp> <fmt/format.h>)

# npsim_precompile_headers(<target> HEADERS <header>...)
#   <target> builds its own precompiled header from the headers.
# npsim_precompile_headers(<target> REUSE_FROM <other> HEADERS <header>...)
#   <target> uses <other>'s precompiled header when the compiler is GCC. Both must have the same -D
#   values: GCC refuses a PCH built with a macro the user does not define ("not used because X not
#   defined"; -Winvalid-pch, which CMake adds, fails a -Werror build, and without -Werror the header
#   is silently parsed again). Clang is stricter still, so under clang (the fuzz preset) <target>
#   builds its own from HEADERS.
function(npsim_precompile_headers target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "REUSE_FROM" "HEADERS")
  if(NOT NPSIM_PCH)
    return()
  endif()
  if(arg_REUSE_FROM AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_precompile_headers(${target} REUSE_FROM ${arg_REUSE_FROM})
  else()
    target_precompile_headers(${target} PRIVATE ${arg_HEADERS})
  endif()
endfunction()
