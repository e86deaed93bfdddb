// app/views/resume_prompt.hpp — the question at start when the last session was interrupted.
#pragma once

#include "app/views/view_context.hpp"

namespace app {

// A modal over everything while SessionStatus::interrupted: "Resume" (ResumeSession) or "Start
// fresh" (StartFresh: the interrupted run moves to the sessions folder, nothing is lost).
void draw_resume_prompt(const ViewContext& ctx, CommandQueue& out);

}  // namespace app
