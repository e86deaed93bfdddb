// sim/mail.hpp — every person's inbox (domain.md §1.5, §3.2, §4.2): mails arrive at their sim time,
// as i18n keys + parameters ("mail.<what>.subject" / "mail.<what>.body…").
//
// Operation: mail.mark_read {mail, read (default true)} — by the inbox's owner.
#pragma once

#include <string_view>
#include <vector>

#include "sim/world.hpp"

namespace sim {

// The inbox of `upn`, newest first (empty for an unknown person). A pure query.
std::vector<const Mail*> inbox(const World& w, std::string_view upn);
int unread_count(const World& w, std::string_view upn);
// The newest mail whose subject key is `subject_key`, or nullptr.
const Mail* find_mail(const World& w, std::string_view upn, std::string_view subject_key);

}  // namespace sim
