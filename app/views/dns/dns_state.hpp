// app/views/dns/dns_state.hpp — UI-only state of the DNS host's panel: which zone is shown, the
// record form (add or edit) and a delete waiting for its confirmation.
//
// Widgets edit these fields directly; they are never part of the simulated world. Changes to the
// zone go through commands (dns.record_add / record_edit / record_delete / publish).
#pragma once

#include <string>

namespace app {

struct DnsRecordForm {
    bool open = false;
    std::string id;  // the record edited; "" = a new record
    std::string type = "TXT";
    std::string host, value;
    int ttl = 3600;
    int priority = 10, weight = 1, port = 443;
    bool submitted = false;  // the form closes when its save succeeded
};

struct DnsViewState {
    std::string zone;  // the domain whose zone is shown ("" = the first zone)
    DnsRecordForm form;
    std::string confirm_delete;  // the record whose deletion waits for "Delete"
};

}  // namespace app
