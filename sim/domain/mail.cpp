// sim/mail.cpp — inbox queries and marking mail read.
#include "sim/mail.hpp"

#include "sim/journey.hpp"

namespace sim {

std::vector<const Mail*> inbox(const World& w, std::string_view upn) {
    std::vector<const Mail*> out;
    const Person* p = w.find_person(upn);
    if (p == nullptr) return out;
    for (auto it = p->inbox.rbegin(); it != p->inbox.rend(); ++it) out.push_back(&*it);
    return out;
}

int unread_count(const World& w, std::string_view upn) {
    int n = 0;
    for (const Mail* m : inbox(w, upn))
        if (!m->read) ++n;
    return n;
}

const Mail* find_mail(const World& w, std::string_view upn, std::string_view subject_key) {
    for (const Mail* m : inbox(w, upn))
        if (m->subject_key == subject_key) return m;
    return nullptr;
}

static ActionResult op_mark_read(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* p = require_actor(w, a, fail);
    if (p == nullptr) return fail;
    const std::string id = a.arg<std::string>("mail", "");
    for (auto& m : p->inbox) {
        if (m.id == id) {
            m.read = a.arg<bool>("read", true);
            return ActionResult::success({{"mail", id}, {"read", m.read}});
        }
    }
    return ActionResult::failure("mail.unknown_mail", {{"mail", id}});
}

void register_mail(Registry& r) {
    r.add(make_operation("mail.mark_read", {{"mail"}, {"read", ArgType::Boolean}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "mail.unknown_mail"}, {}, {},
                         started<op_mark_read>, nullptr, Delay::uniform(Duration{50, 0}, Duration{300, 0})));
}

}  // namespace sim
