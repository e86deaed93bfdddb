#!/usr/bin/env bash
# tests/cli/layers.sh CXX SOURCE_DIR — the core's layers (docs/architecture.md) as the compiler sees them.
#
# Each layer sees only its own include root and those below it: engine <- domain <- scenario <- io.
# For every layer this compiles one of its own headers with exactly those roots (must work) and one
# header of the layer above (must fail with "No such file" (GCC) or "file not found" (clang)), so an upward #include cannot compile.
# It also checks that the three pure layers touch no file, clock, thread or environment.
set -uo pipefail
cxx=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
sys_flags=(-std=c++17 -fsyntax-only -x c++)

probe() {  # probe EXPECT ROOTS HEADER
    local expect=$1 roots=$2 header=$3 flags=() r
    for r in $roots; do flags+=(-I "$src/sim/$r/include"); done
    printf '#include "%s"\nint main() { return 0; }\n' "$header" >"$work/probe.cpp"
    if "$cxx" "${sys_flags[@]}" "${flags[@]}" "$work/probe.cpp" >"$work/out.txt" 2>&1; then
        if [ "$expect" = fail ]; then
            echo "FAIL: $header compiled with the include roots of [$roots]: an upward include would compile"
            fail=1
        else
            echo "ok: $header compiles with [$roots]"
        fi
    else
        if [ "$expect" = ok ]; then
            echo "FAIL: $header does not compile with only [$roots]:"
            head -5 "$work/out.txt"
            fail=1
        elif grep -qE "No such file|file not found" "$work/out.txt"; then
            echo "ok: $header is out of reach of [$roots]"
        else
            echo "FAIL: $header failed with [$roots], but not because it is out of reach:"
            head -5 "$work/out.txt"
            fail=1
        fi
    fi
}

probe ok "engine" sim/faults.hpp
probe ok "engine" sim/journal.hpp
probe fail "engine" sim/world.hpp
probe ok "engine domain" sim/simulation.hpp
probe fail "engine domain" sim/scenario.hpp
probe ok "engine domain scenario" sim/scenario.hpp
probe fail "engine domain scenario" sim/bundle.hpp
probe fail "engine domain scenario" sim/input_file.hpp
probe ok "engine domain scenario io" sim/bundle.hpp
probe ok "engine domain scenario io" sim/data_files.hpp
probe fail "engine domain scenario io" app/ui/shell.hpp

# The pure layers: no files, clock, threads, environment or unseeded randomness.
pattern='#include <(fstream|filesystem|thread|chrono|ctime|unistd\.h|fcntl\.h|sys/|random>)|std::getenv|/proc/self|std::random_device|\bfopen\('
if hits=$(grep -nE "$pattern" "$src"/sim/{engine,domain,scenario}/*.cpp "$src"/sim/{engine,domain,scenario}/include/sim/*.hpp); then
    echo "FAIL: the pure layers (engine, domain, scenario) use files, the clock, threads or the environment:"
    echo "$hits"
    fail=1
else
    echo "ok: engine, domain and scenario use no file, clock, thread or environment"
fi
exit $fail
