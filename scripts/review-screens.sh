#!/usr/bin/env bash
# scripts/review-screens.sh — a screenshot of every named screen, in English and German, at 1280×800,
# under Xvfb, for a human (or agent) to look at: build/review/<screen>[~<variant>]-<lang>.png.
#   bash scripts/review-screens.sh [build dir]      default: build/dev-g
#   SIZE=1920x1080 bash scripts/review-screens.sh   another window size
# Every screen is shown with a scenario in which it has content; a few screens get extra variants
# (the portal status page pending / information requested / approved / declined).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build/dev-g}
NPSIM="$BUILD/app/npsim"
SIZE=${SIZE:-1280x800}
OUT=build/review
[ -x "$NPSIM" ] || { echo "review-screens: $NPSIM not built" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "review-screens: xvfb-run is missing" >&2; exit 1; }
mkdir -p "$OUT"

FRESH=scenarios/full-journey.json                       # no tenant yet
APPROVED=scenarios/seed-article-reader.json             # approved, Anna with the portal licence
PEOPLE=scenarios/staff-without-usage-location.json      # approved, nine people, a subscription
SEATS=scenarios/out-of-seats.json                       # approved, a donation with every seat taken
DECLINED=scenarios/declined-reapply.json                # declined, the decline mail
INFO=scenarios/verification-information-requested.json # pending → information requested
NOACCESS=scenarios/offers-invisible-without-portal-licence.json

# The scenario in which a screen has something to show.
scenario_for() {
  case "$1" in
    shell | portal.home | portal.register | scenario.*) echo "$FRESH" ;;
    portal.registration) echo "$DECLINED" ;;
    portal.status) echo "$INFO" ;;
    portal.no_access) echo "$NOACCESS" ;;
    admin.users | admin.users.detail) echo "$PEOPLE" ;;
    admin.billing.products | admin.billing.licenses | myaccount.apps) echo "$SEATS" ;;
    mail.inbox) echo "$DECLINED" ;;
    *) echo "$APPROVED" ;;
  esac
}

shoot() {  # shoot <file stem> <screen> <lang> <scenario>
  local png="$OUT/$1-$3.png"
  xvfb-run -a -s "-screen 0 1920x1080x24" "$NPSIM" --screenshot "$png" --screen "$2" --lang "$3" \
    --size "$SIZE" --scenario "$4" >/dev/null
  echo "$png"
}

count=0
while read -r screen; do
  [ -z "$screen" ] && continue
  for lang in en de; do
    shoot "$screen" "$screen" "$lang" "$(scenario_for "$screen")"
    count=$((count + 1))
  done
done < <("$NPSIM" --list-screens)

# Extra variants: the status page in its other states.
for lang in en de; do
  shoot "portal.status~approved" portal.status "$lang" "$APPROVED"
  shoot "portal.status~declined" portal.status "$lang" "$DECLINED"
  shoot "portal.offers~no-licence" portal.offers "$lang" "$NOACCESS"
  count=$((count + 3))
done
echo "review-screens: $count screenshots in $OUT/"
