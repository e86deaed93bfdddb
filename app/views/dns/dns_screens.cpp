// app/views/dns/dns_screens.cpp — the screens of the DNS host surface (a plain registrar's control
// panel, no real registrar), for the screen registry.
#include "app/ui/screens.hpp"

namespace app {

void draw_dns_zone(const ViewContext& ctx, CommandQueue& out);

namespace {

void dns_prepare_zone(const sim::Simulation*, UiState&, ViewState& state) {
    state.dns.form = DnsRecordForm{};
    state.dns.confirm_delete.clear();
}

// For --screen and the layout check: the form open on a new TXT record at the root.
void dns_prepare_form(const sim::Simulation*, UiState&, ViewState& state) {
    state.dns.form = DnsRecordForm{};
    state.dns.form.open = true;
    state.dns.confirm_delete.clear();
}

}  // namespace

std::vector<ScreenSpec> dns_screens() {
    return {
        {"dns.zone", nullptr, &draw_dns_zone, "kundenbereich.domainhosting.example/dns", &dns_prepare_zone},
        {"dns.zone.record", nullptr, &draw_dns_zone, "kundenbereich.domainhosting.example/dns/record",
         &dns_prepare_form}};
}

}  // namespace app
