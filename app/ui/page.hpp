// app/ui/page.hpp — the typography of a content page (portal, My Account, mail, scenario): a
// readable column, a page heading, section titles and framed notes with a coloured edge.
#pragma once

#include <string>

#include <imgui.h>

namespace app {

float page_column_width();                   // the content width, at most ~46 ems (readable lines)
float page_field_width();                    // a text field's width: the content width, at most 28 ems
void page_heading(const std::string& text);  // a page title in the heading font, wrapped
void page_section(const std::string& text);  // an accent-coloured section title with a rule
void page_note(const std::string& text, const ImVec4& accent);  // a tinted box with a coloured left edge

}  // namespace app
