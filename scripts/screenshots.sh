#!/usr/bin/env bash
# scripts/screenshots.sh — regenerate the README's screenshots (docs/screenshots/*.png) under Xvfb.
#   bash scripts/screenshots.sh            all of them, 1280×800
#   PRESET=ci bash scripts/screenshots.sh  with the build of another preset (it renders the same)
# Each entry: <file name> <screen> <language> [scenario file]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh >/dev/null
PRESET="${PRESET:-release}"
cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" --target npsim npsim-cli >/dev/null
mkdir -p docs/screenshots
APPROVED=scenarios/seed-article-reader.json
[ -f "$APPROVED" ] || APPROVED=scenarios/full-journey.json
while read -r name screen lang scenario; do
  [ -z "$name" ] && continue
  args=(--screenshot "docs/screenshots/$name.png" --screen "$screen" --lang "$lang" --size 1280x800)
  [ -n "${scenario:-}" ] && args+=(--scenario "$scenario")
  xvfb-run -a -s "-screen 0 1280x800x24" ./build/$PRESET/app/npsim "${args[@]}"
  echo "docs/screenshots/$name.png"
done <<LIST
shell-en                shell                   en
portal-register-de      portal.register         de
portal-registration-en  portal.registration     en
portal-status-de        portal.status           de  scenarios/verification-information-requested.json
portal-offers-en        portal.offers           en  $APPROVED
admin-users-en          admin.users             en  scenarios/staff-without-usage-location.json
admin-user-add-de       admin.users.add         de  $APPROVED
admin-purchase-de       admin.billing.purchase  de  $APPROVED
admin-licenses-en       admin.billing.licenses  en  $APPROVED
myaccount-de            myaccount.apps          de  $APPROVED
mail-en                 mail.inbox              en  scenarios/declined-reapply.json
scenario-de             scenario.overview       de
admin-domains-verify-de admin.settings.domains.verify de scenarios/c16-domain-wont-verify.json
dns-zone-de             dns.zone                de  scenarios/domain-setup-journey.json
signin-more-info-de     signin.more_info        de  scenarios/c20-mfa-after-14-days.json
teams-members-de        teams.team.members      de  scenarios/c28-guest-access-off.json
admin-roles-de          admin.roles             de  scenarios/second-global-admin.json
admin-usage-de          admin.reports.usage     de  scenarios/c22-grant-usage-warning.json
portal-support-de       portal.support          de  scenarios/c04-pending-mail-in-spam.json
admin-support-de        admin.support           de  scenarios/c06-offer-not-in-marketplace.json
LIST

# The instructor console (Advanced open) and the session viewer on a recorded chaos-workshop run.
shoot() { xvfb-run -a -s "-screen 0 1280x800x24" ./build/$PRESET/app/npsim --size 1280x800 "$@"; }
shoot --screenshot docs/screenshots/instructor-de.png --screen admin.users --lang de --mode guided --instructor-advanced
echo docs/screenshots/instructor-de.png
session="$(mktemp -d)/chaos-workshop.npsim.json"
./build/$PRESET/tools/npsim-cli run scenarios/chaos-workshop.json --solution --session "$session" >/dev/null
shoot --screenshot docs/screenshots/replay-en.png --open "$session" --lang en
echo docs/screenshots/replay-en.png
rm -rf "$(dirname "$session")"

# Light and dark side by side (README): the same page in both themes, 1280×800 each.
tmp="$(mktemp -d)"
for theme in light dark; do
  shoot --screenshot "$tmp/$theme.png" --screen admin.users --lang de --theme "$theme" \
    --scenario scenarios/staff-without-usage-location.json
done
python3 scripts/side-by-side.py "$tmp/light.png" "$tmp/dark.png" docs/screenshots/admin-users-light-dark-de.png
rm -rf "$tmp"
echo docs/screenshots/admin-users-light-dark-de.png
