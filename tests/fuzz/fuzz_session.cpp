// tests/fuzz/fuzz_session.cpp — no session file or support case may crash the reader, the verified
// replay or the debrief (they are files people hand each other).
#include "session_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_session_input(data, size);
}
