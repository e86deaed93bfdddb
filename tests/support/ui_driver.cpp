// tests/support/ui_driver.cpp — headless ImGui context, frames and scripted input for UI tests.
#include "support/ui_driver.hpp"

#include <utility>

#include <imgui_internal.h>

namespace app::test {

UiDriver::UiDriver(ImVec2 display_size) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext only makes the first context current
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = display_size;
    io.DeltaTime = kDeltaTime;
    // imgui 1.86 reads keys through KeyMap into KeysDown[]: the identity map makes ImGuiKey_X the index.
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
    // The built-in font is enough; tests never need the font files.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    install_hook();
}

void UiDriver::install_hook() {
    widgets::set_item_hook([this](const widgets::ItemInfo& item) { drawing_.push_back(item); });
}

UiDriver::~UiDriver() {
    widgets::set_item_hook({});
    ImGui::DestroyContext(context_);
}

void UiDriver::set_gui(Fn gui) {
    gui_ = std::move(gui);
}
void UiDriver::set_between_frames(Fn fn) {
    between_frames_ = std::move(fn);
}

void UiDriver::frame() {
    ImGui::SetCurrentContext(context_);
    install_hook();  // several drivers may live at once; the one running a frame records
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = kDeltaTime;
    drawing_.clear();
    ImGui::NewFrame();
    if (gui_) gui_();
    ImGui::Render();
    items_.swap(drawing_);
    if (between_frames_) between_frames_();
}

void UiDriver::frame(Fn gui) {
    set_gui(std::move(gui));
    frame();
}

void UiDriver::frames(int n) {
    for (int i = 0; i < n; ++i) frame();
}

// An item drawn partly or wholly outside its scrolling window (a long list): scroll the window, as a
// person would with the wheel, until the item's whole height shows, then lay out again.
void UiDriver::scroll_into_view(const std::string& label) {
    ImGui::SetCurrentContext(context_);
    for (int i = 0; i < kMaxLayoutFrames; ++i) {
        const widgets::ItemInfo* item = find(label);
        if (item == nullptr || !item->scrolls_y) return;
        const float visible = item->max.y - item->min.y;
        const float whole = item->full_max.y - item->full_min.y;
        if (whole <= 0.0f || visible >= whole - 0.5f) return;
        ImGuiWindow* window = ImGui::FindWindowByName(item->window.c_str());
        if (window == nullptr) return;
        // Centre the item in the window's visible area.
        const float centre = (window->InnerClipRect.Min.y + window->InnerClipRect.Max.y) * 0.5f;
        ImGui::SetScrollY(window, window->Scroll.y + (item->full_min.y + item->full_max.y) * 0.5f - centre);
        frame();
        frame();
    }
}

bool UiDriver::click(const std::string& label) {
    // Layout frames until the item stands still: a window's first frame only measures its contents.
    frame();
    ImVec2 last_min(-1, -1);
    for (int i = 0; i < kMaxLayoutFrames; ++i) {
        const widgets::ItemInfo* item = find(label);
        if (item == nullptr || (item->min.x == last_min.x && item->min.y == last_min.y)) break;
        last_min = item->min;
        frame();
    }
    scroll_into_view(label);
    const widgets::ItemInfo* item = find(label);
    if (item == nullptr || !item->enabled || item->max.x <= item->min.x || item->max.y <= item->min.y)
        return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f);
    io.MouseDown[0] = true;  // a press and release in one frame is lost in 1.86: two frames
    frame();
    io.MouseDown[0] = false;
    frame();
    return true;
}

void UiDriver::type(const std::string& utf8) {
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

void UiDriver::press(ImGuiKey key, bool ctrl) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[io.KeyMap[key]] = true;
    frame();
    io.KeysDown[io.KeyMap[key]] = false;
    io.KeyCtrl = false;
    frame();
}

std::string UiDriver::visible_part(const std::string& label) {
    const auto hashes = label.find("##");
    return hashes == std::string::npos ? label : label.substr(0, hashes);
}

const widgets::ItemInfo* UiDriver::find(const std::string& label) const {
    for (const widgets::ItemInfo& item : items_) {
        if (item.label == label || visible_part(item.label) == label) return &item;
        const auto id = item.label.find("###");
        if (id != std::string::npos && (item.label.compare(id, std::string::npos, label) == 0 ||
                                        item.label.compare(id + 3, std::string::npos, label) == 0)) {
            return &item;
        }
    }
    return nullptr;
}

bool UiDriver::shows(const std::string& text) const {
    for (const widgets::ItemInfo& item : items_) {
        if (visible_part(item.label) == text) return true;
    }
    return false;
}

}  // namespace app::test
