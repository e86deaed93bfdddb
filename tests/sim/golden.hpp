#pragma once
// Golden values of sim/random.cpp (seed 42, stream "delays"). Never edit to make a test pass.
#define GOLDEN_U64_0 0xdf5e062616eb8559ull
#define GOLDEN_U64_1 0xad546bb3778b3b2cull
#define GOLDEN_DIE 1
#define GOLDEN_BELOW 323ull
#define GOLDEN_FAULTS_SEED 0x9f91bd40294b8e94ull
