#!/usr/bin/env bash
# Checks that the pages of a report fit GitHub's 980 px README column: renders every .md of DIR
# with a GitHub-flavoured markdown renderer (marked) and GitHub's stylesheet
# (github-markdown-css), opens each page in headless Chromium and prints, per page, every table,
# paragraph, list item or heading whose scrollWidth exceeds its clientWidth. Plan tables
# (header "QUERY PLAN") and code blocks are exempt: they scroll by design.
#
#   apt-get install chromium          # once
#   scripts/report-width.sh reports   # exit 1 when a page has something too wide
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/report-width"
dir="${1:-reports}"
if [[ ! -d "$here/node_modules" ]]; then
  (cd "$here" && npm install --silent --no-audit --no-fund) >&2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
node "$here/render.js" "$dir" "$out"
status=0
for page in "$out"/*.html; do
  result="$(chromium --headless --no-sandbox --disable-gpu --window-size=1280,1000 \
      --virtual-time-budget=2000 --dump-dom "file://$page" 2>/dev/null \
    | grep -o 'data-result="[^"]*"' | sed 's/&quot;/"/g; s/&gt;/>/g; s/^data-result="//; s/"$//')"
  echo "$result"
  [[ "$result" == *'"wide":[]'* ]] || status=1
done
exit $status
