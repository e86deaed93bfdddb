// app/views/signin/recovery_state.hpp — UI-only state of "Request administrator access" (recovery.cpp):
// the contact address and the proof the trainee ticks. Nothing here is part of the world.
#pragma once

#include <string>

namespace app {

struct RecoveryViewState {
    std::string contact;             // where Microsoft's Data Protection team answers
    bool registration_docs = false;  // Vereinsregisterauszug / registration documents
    bool tax_exemption = false;      // Freistellungsbescheid (helps, never enough on its own)
    bool dns_txt = false;            // a DNS TXT record on the association's domain
};

}  // namespace app
