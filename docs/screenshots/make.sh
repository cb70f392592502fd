#!/usr/bin/env bash
# The README's screenshots: builds the three-language fixture archive with the reader's report laid over it, serves it, and
# photographs the article, its parallel mode and a search on a phone (390 x 844) and a desktop (1366 x 900) in Debian's
# Chromium, into docs/screenshots/. Run it after a change of the look, and commit the pictures with the change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -x /usr/bin/chromium ] || { echo "needs Debian's Chromium and CJK fonts: apt-get install chromium fonts-noto-cjk" >&2; exit 1; }
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm ci --no-audit --no-fund --silent)

fixtures="$repo/tests/ReportArchive.Tests/Fixtures"
mkdir -p "$work/input"
cp -r "$fixtures/trilingual/." "$work/input/"
cp -r "$fixtures/reader/." "$work/input/"
dotnet run --project "$repo/site" -- build --input "$work/input" --output "$work/site" --base-url https://example.github.io/ReportArchive/ >/dev/null
node "$here/shoot.js" "$work/site" "$here"
