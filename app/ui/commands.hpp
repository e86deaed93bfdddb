// app/ui/commands.hpp — the requests views make; the app loop applies them between frames.
//
// Views never change the simulation or the UI state themselves: they push one of these plain
// values and the Shell applies the queue after the frame (see Shell::apply_commands). That keeps
// every change in one place and makes a frame's effects testable.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/ui/ui_state.hpp"
#include "sim/action.hpp"

namespace app {

struct Pause {};
struct Resume {};
struct SetSpeed {
    int multiplier = 1;  // simulated seconds per wall second; also resumes a paused clock
};
struct SkipToNextEvent {};
struct SetLanguage {
    std::string lang;  // "en" | "de"
};
struct SetTheme {
    Theme theme = Theme::Light;
};
struct SetFontScale {
    float scale = 1.0f;  // clamped to [kMinFontScale, kMaxFontScale]
};
struct ShowScreen {
    std::string name;  // a name from the screen registry (screens.hpp); no history entry
};
struct Navigate {
    std::string name;  // like a link: the current screen goes on the back stack
};
struct Back {};
struct Forward {};
struct SetWorkAccount {
    std::string upn;  // who is signed in to the portal and the admin center ("" = sign out)
};
struct SetAccountUser {
    std::string upn;  // whose My Account is shown
};
struct SetMailUser {
    std::string upn;  // whose inbox is shown
};
struct SubmitAction {
    sim::Action action;
    std::string tag;  // optional: the view that asked (e.g. "admin.users.add"), so it can show the
                      // spinner and the result (ViewState::actions[tag] = the handle)
};
struct ReloadScenario {};  // load the scenario file again (after the instructor fixed it)

using Command = std::variant<Pause, Resume, SetSpeed, SkipToNextEvent, SetLanguage, SetTheme, SetFontScale,
                             ShowScreen, Navigate, Back, Forward, SetWorkAccount, SetAccountUser, SetMailUser,
                             SubmitAction, ReloadScenario>;

class CommandQueue {
  public:
    void push(Command c) { commands_.push_back(std::move(c)); }
    bool empty() const { return commands_.empty(); }
    std::size_t size() const { return commands_.size(); }
    const std::vector<Command>& peek() const { return commands_; }
    // Hands over everything queued so far, in order, and leaves the queue empty.
    std::vector<Command> take_all() { return std::exchange(commands_, {}); }

  private:
    std::vector<Command> commands_;
};

}  // namespace app
