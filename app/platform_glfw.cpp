// app/platform_glfw.cpp — GLFW + OpenGL 3 implementation of app/platform.hpp.
//
// [SECTION] Helpers and callbacks
// [SECTION] GlfwWindow
// [SECTION] Window::open
#include "app/platform.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"

namespace app::platform {

//-----------------------------------------------------------------------------
// [SECTION] Helpers and callbacks
//-----------------------------------------------------------------------------

namespace {

constexpr int kFramesAfterInput = 3;  // ImGui settles hover/press/release over a few frames

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0';
}

struct InputState {
    int frames_to_poll = kFramesAfterInput;
    std::vector<Shortcut> shortcuts;
};

InputState& input_of(GLFWwindow* w) {
    return *static_cast<InputState*>(glfwGetWindowUserPointer(w));
}
void mark_input(GLFWwindow* w) {
    input_of(w).frames_to_poll = kFramesAfterInput;
}

// Installed before the ImGui backend, which chains to these after its own handling.
void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    mark_input(w);
    if (key == GLFW_KEY_F9 && action == GLFW_PRESS)
        input_of(w).shortcuts.push_back(Shortcut::ToggleInstructor);
    if (action == GLFW_RELEASE || (mods & GLFW_MOD_CONTROL) == 0) return;
    const char* name = glfwGetKeyName(key, scancode);  // the character on the key, layout aware
    const auto is = [name](const char* c) { return name != nullptr && std::strcmp(name, c) == 0; };
    if (key == GLFW_KEY_KP_ADD || is("+") || is("=")) input_of(w).shortcuts.push_back(Shortcut::ZoomIn);
    if (key == GLFW_KEY_KP_SUBTRACT || is("-")) input_of(w).shortcuts.push_back(Shortcut::ZoomOut);
    if (key == GLFW_KEY_KP_0 || is("0")) input_of(w).shortcuts.push_back(Shortcut::ZoomReset);
}
void on_char(GLFWwindow* w, unsigned int) {
    mark_input(w);
}
void on_mouse_button(GLFWwindow* w, int, int, int) {
    mark_input(w);
}
void on_scroll(GLFWwindow* w, double, double) {
    mark_input(w);
}
void on_cursor_pos(GLFWwindow* w, double, double) {
    mark_input(w);
}
void on_size(GLFWwindow* w, int, int) {
    mark_input(w);
}
void on_refresh(GLFWwindow* w) {
    mark_input(w);
}

}  // namespace

bool has_display_env() {
    return env_set("DISPLAY") || env_set("WAYLAND_DISPLAY");
}

//-----------------------------------------------------------------------------
// [SECTION] GlfwWindow
//-----------------------------------------------------------------------------

namespace {

class GlfwWindow final : public Window {
public:
    explicit GlfwWindow(GLFWwindow* window) : window_(window) {
        glfwSetWindowUserPointer(window_, &input_);
        glfwSetKeyCallback(window_, on_key);
        glfwSetCharCallback(window_, on_char);
        glfwSetMouseButtonCallback(window_, on_mouse_button);
        glfwSetScrollCallback(window_, on_scroll);
        glfwSetCursorPosCallback(window_, on_cursor_pos);
        glfwSetFramebufferSizeCallback(window_, on_size);
        glfwSetWindowRefreshCallback(window_, on_refresh);
        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        ImGui_ImplOpenGL3_Init("#version 130");
    }

    ~GlfwWindow() override {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        glfwDestroyWindow(window_);
        glfwTerminate();
    }

    bool should_close() const override { return glfwWindowShouldClose(window_) != 0; }

    void wait_events(std::optional<double> timeout_seconds) override {
        if (input_.frames_to_poll > 0) {
            --input_.frames_to_poll;
            glfwPollEvents();
        } else if (glfwGetWindowAttrib(window_, GLFW_ICONIFIED) != 0 || !timeout_seconds) {
            glfwWaitEvents();
        } else if (*timeout_seconds > 0.0) {
            glfwWaitEventsTimeout(*timeout_seconds);
        } else {
            glfwPollEvents();
        }
    }

    double time() const override { return glfwGetTime(); }

    float content_scale() const override {
        float x = 1.0f, y = 1.0f;
        glfwGetWindowContentScale(window_, &x, &y);
        return x > 0.0f ? x : 1.0f;
    }

    void logical_size(float& width, float& height) const override {
        int w = 0, h = 0;
        glfwGetFramebufferSize(window_, &w, &h);
        const float scale = content_scale();
        width = static_cast<float>(w) / scale;
        height = static_cast<float>(h) / scale;
    }

    void new_frame() override {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
    }

    void render() override {
        int width = 0, height = 0;
        glfwGetFramebufferSize(window_, &width, &height);
        glViewport(0, 0, width, height);
        glClearColor(clear_[0], clear_[1], clear_[2], 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }

    void swap() override { glfwSwapBuffers(window_); }

    void reload_fonts() override {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    bool save_screenshot(const std::string& path, std::string* error) override {
        int width = 0, height = 0;
        glfwGetFramebufferSize(window_, &width, &height);
        const std::size_t stride = static_cast<std::size_t>(width) * 4;
        std::vector<unsigned char> pixels(stride * static_cast<std::size_t>(height));
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        // OpenGL's rows start at the bottom; PNG's at the top.
        stbi_flip_vertically_on_write(1);
        const std::string tmp = path + ".tmp";
        if (stbi_write_png(tmp.c_str(), width, height, 4, pixels.data(), static_cast<int>(stride)) == 0) {
            if (error) *error = "cannot write " + tmp;
            return false;
        }
        std::error_code ec;
        std::filesystem::rename(tmp, path, ec);
        if (ec) {
            if (error) *error = "cannot rename " + tmp + " to " + path + ": " + ec.message();
            std::filesystem::remove(tmp, ec);
            return false;
        }
        return true;
    }

    std::vector<Shortcut> take_shortcuts() override { return std::exchange(input_.shortcuts, {}); }

    void set_clear_colour(float r, float g, float b) override {
        clear_[0] = r;
        clear_[1] = g;
        clear_[2] = b;
    }

private:
    GLFWwindow* window_;
    InputState input_;
    float clear_[3] = {1.0f, 1.0f, 1.0f};
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Window::open
//-----------------------------------------------------------------------------

std::unique_ptr<Window> Window::open(const WindowOptions& options, std::string* error) {
    if (!has_display_env() || glfwInit() == GLFW_FALSE) {
        if (error) *error = "no display found";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // HiDPI: window size follows the content scale
    GLFWwindow* window =
        glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (window == nullptr) {
        glfwTerminate();
        if (error) *error = "cannot create an OpenGL 3 window";
        return nullptr;
    }
    glfwSetWindowSizeLimits(window, kMinWindowWidth, kMinWindowHeight, GLFW_DONT_CARE, GLFW_DONT_CARE);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    return std::make_unique<GlfwWindow>(window);
}

}  // namespace app::platform
