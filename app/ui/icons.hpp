// app/ui/icons.hpp — icon glyphs of the Material Icons font (Debian: fonts-material-design-icons-iconfont),
// merged into the UI font's atlas by app/ui/fonts.cpp (only the glyphs listed in kAll). Each constant is
// the UTF-8 text of one glyph, to put in a label: icons::kHome + std::string(" ") + text. Codepoints from
// the font's own ligature table (the name a glyph is spelled by); without the font installed the glyphs
// draw as "?" boxes, so views keep a text label next to every icon.
#pragma once

namespace app::icons {

inline constexpr unsigned kIconFirst = 0xE000;
inline constexpr unsigned kIconLast = 0xF8FF;

inline constexpr const char* kHome = "\xee\xa2\x8a";                // U+E88A home
inline constexpr const char* kGroup = "\xee\x9f\xaf";               // U+E7EF group
inline constexpr const char* kPerson = "\xee\x9f\xbd";              // U+E7FD person
inline constexpr const char* kPersonAdd = "\xee\x9f\xbe";           // U+E7FE person_add
inline constexpr const char* kSettings = "\xee\xa2\xb8";            // U+E8B8 settings
inline constexpr const char* kSearch = "\xee\xa2\xb6";              // U+E8B6 search
inline constexpr const char* kMenu = "\xee\x97\x92";                // U+E5D2 menu
inline constexpr const char* kMenuOpen = "\xee\xa6\xbd";            // U+E9BD menu_open
inline constexpr const char* kCreditCard = "\xee\xa1\xb0";          // U+E870 credit_card
inline constexpr const char* kReceiptLong = "\xee\xbd\xae";         // U+EF6E receipt_long
inline constexpr const char* kShoppingCart = "\xee\xa3\x8c";        // U+E8CC shopping_cart
inline constexpr const char* kMail = "\xee\x85\x98";                // U+E158 mail
inline constexpr const char* kInbox = "\xee\x85\x96";               // U+E156 inbox
inline constexpr const char* kDns = "\xee\xa1\xb5";                 // U+E875 dns
inline constexpr const char* kLanguage = "\xee\xa2\x94";            // U+E894 language
inline constexpr const char* kSchool = "\xee\xa0\x8c";              // U+E80C school
inline constexpr const char* kSupportAgent = "\xef\x83\xa2";        // U+F0E2 support_agent
inline constexpr const char* kHelpOutline = "\xee\xa3\xbd";         // U+E8FD help_outline
inline constexpr const char* kApps = "\xee\x97\x83";                // U+E5C3 apps
inline constexpr const char* kChevronLeft = "\xee\x97\x8b";         // U+E5CB chevron_left
inline constexpr const char* kChevronRight = "\xee\x97\x8c";        // U+E5CC chevron_right
inline constexpr const char* kClose = "\xee\x97\x8d";               // U+E5CD close
inline constexpr const char* kAdd = "\xee\x85\x85";                 // U+E145 add
inline constexpr const char* kRefresh = "\xee\x97\x95";             // U+E5D5 refresh
inline constexpr const char* kMoreVert = "\xee\x97\x94";            // U+E5D4 more_vert
inline constexpr const char* kDashboard = "\xee\xa1\xb1";           // U+E871 dashboard
inline constexpr const char* kAccountCircle = "\xee\xa1\x93";       // U+E853 account_circle
inline constexpr const char* kAdminPanelSettings = "\xee\xbc\xbd";  // U+EF3D admin_panel_settings
inline constexpr const char* kBarChart = "\xee\x89\xab";            // U+E26B bar_chart
inline constexpr const char* kReplay = "\xee\x81\x82";              // U+E042 replay
inline constexpr const char* kPlayArrow = "\xee\x80\xb7";           // U+E037 play_arrow
inline constexpr const char* kPause = "\xee\x80\xb4";               // U+E034 pause
inline constexpr const char* kSkipNext = "\xee\x81\x84";            // U+E044 skip_next
inline constexpr const char* kCheckCircle = "\xee\xa1\xac";         // U+E86C check_circle
inline constexpr const char* kError = "\xee\x80\x80";               // U+E000 error
inline constexpr const char* kWarning = "\xee\x80\x82";             // U+E002 warning
inline constexpr const char* kInfo = "\xee\xa2\x8e";                // U+E88E info
inline constexpr const char* kLock = "\xee\xa2\x97";                // U+E897 lock
inline constexpr const char* kPublic = "\xee\xa0\x8b";              // U+E80B public
inline constexpr const char* kStorefront = "\xee\xa8\x92";          // U+EA12 storefront
inline constexpr const char* kBadge = "\xee\xa9\xa7";               // U+EA67 badge
inline constexpr const char* kDescription = "\xee\xa1\xb3";         // U+E873 description
inline constexpr const char* kKey = "\xee\x9c\xbc";                 // U+E73C key
inline constexpr const char* kManageAccounts = "\xef\x80\xae";      // U+F02E manage_accounts
inline constexpr const char* kDarkMode = "\xee\x94\x9c";            // U+E51C dark_mode
inline constexpr const char* kLightMode = "\xee\x94\x98";           // U+E518 light_mode
inline constexpr const char* kTranslate = "\xee\xa3\xa2";           // U+E8E2 translate
inline constexpr const char* kFactCheck = "\xef\x83\x85";           // U+F0C5 fact_check
inline constexpr const char* kChecklist = "\xee\x9a\xb1";           // U+E6B1 checklist
inline constexpr const char* kHistory = "\xee\xa2\x89";             // U+E889 history
inline constexpr const char* kTimeline = "\xee\xa4\xa2";            // U+E922 timeline
inline constexpr const char* kVolunteerActivism = "\xee\xa9\xb0";   // U+EA70 volunteer_activism
inline constexpr const char* kComputer = "\xee\x8c\x8a";            // U+E30A computer
inline constexpr const char* kHeadsetMic = "\xee\x8c\x91";          // U+E311 headset_mic
inline constexpr const char* kEdit = "\xee\x8f\x89";                // U+E3C9 edit
inline constexpr const char* kDelete = "\xee\xa1\xb2";              // U+E872 delete
inline constexpr const char* kFilterList = "\xee\x85\x92";          // U+E152 filter_list
inline constexpr const char* kExpandMore = "\xee\x97\x8f";          // U+E5CF expand_more
inline constexpr const char* kTune = "\xee\x90\xa9";                // U+E429 tune
inline constexpr const char* kNotifications = "\xee\x9f\xb4";       // U+E7F4 notifications
inline constexpr const char* kSync = "\xee\x98\xa7";                // U+E627 sync
inline constexpr const char* kVpnKey = "\xee\x83\x9a";              // U+E0DA vpn_key
inline constexpr const char* kGroups = "\xef\x88\xb3";              // U+F233 groups
inline constexpr const char* kWorkspacePremium = "\xee\x9e\xaf";    // U+E7AF workspace_premium

// Every constant above, in order: app/ui/fonts.cpp merges exactly these glyphs into the atlas (a
// constant missing here draws as a box; tests/ui/test_fonts.cpp checks each "U+" comment of this file).
inline constexpr const char* kAll[] = {
    kHome,         kGroup,       kPerson,        kPersonAdd,
    kSettings,     kSearch,      kMenu,          kMenuOpen,
    kCreditCard,   kReceiptLong, kShoppingCart,  kMail,
    kInbox,        kDns,         kLanguage,      kSchool,
    kSupportAgent, kHelpOutline, kApps,          kChevronLeft,
    kChevronRight, kClose,       kAdd,           kRefresh,
    kMoreVert,     kDashboard,   kAccountCircle, kAdminPanelSettings,
    kBarChart,     kReplay,      kPlayArrow,     kPause,
    kSkipNext,     kCheckCircle, kError,         kWarning,
    kInfo,         kLock,        kPublic,        kStorefront,
    kBadge,        kDescription, kKey,           kManageAccounts,
    kDarkMode,     kLightMode,   kTranslate,     kFactCheck,
    kChecklist,    kHistory,     kTimeline,      kVolunteerActivism,
    kComputer,     kHeadsetMic,  kEdit,          kDelete,
    kFilterList,   kExpandMore,  kTune,          kNotifications,
    kSync,         kVpnKey,      kGroups,        kWorkspacePremium,
};

}  // namespace app::icons
