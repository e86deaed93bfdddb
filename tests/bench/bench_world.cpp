// tests/bench/bench_world.cpp — benchmarks of the simulated world (filled in below).
#include <benchmark/benchmark.h>
