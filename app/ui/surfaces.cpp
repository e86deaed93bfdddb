// app/ui/surfaces.cpp — which surface a screen belongs to, and where each surface starts.
#include "app/ui/ui_state.hpp"

namespace app {

Surface surface_of(const std::string& screen_name) {
    const std::string prefix = screen_name.substr(0, screen_name.find('.'));
    if (prefix == "portal") return Surface::Portal;
    if (prefix == "admin") return Surface::Admin;
    if (prefix == "myaccount") return Surface::Account;
    if (prefix == "mail") return Surface::Mail;
    if (prefix == "dns") return Surface::Dns;
    if (prefix == "scenario") return Surface::Scenario;
    if (prefix == "signin") return Surface::Signin;
    if (prefix == "teams") return Surface::Teams;
    return Surface::Welcome;
}

const char* surface_key(Surface s) {
    switch (s) {
        case Surface::Portal:
            return "portal";
        case Surface::Admin:
            return "admin";
        case Surface::Account:
            return "myaccount";
        case Surface::Mail:
            return "mail";
        case Surface::Dns:
            return "dns";
        case Surface::Scenario:
            return "scenario";
        case Surface::Signin:
            return "signin";
        case Surface::Teams:
            return "teams";
        case Surface::Welcome:
            return "shell";
    }
    return "shell";
}

const char* surface_home(Surface s) {
    switch (s) {
        case Surface::Portal:
            return "portal.home";
        case Surface::Admin:
            return "admin.home";
        case Surface::Account:
            return "myaccount.apps";
        case Surface::Mail:
            return "mail.inbox";
        case Surface::Dns:
            return "dns.zone";
        case Surface::Scenario:
            return "scenario.overview";
        case Surface::Signin:
            return "signin";
        case Surface::Teams:
            return "teams.list";
        case Surface::Welcome:
            return "shell";
    }
    return "shell";
}

}  // namespace app
