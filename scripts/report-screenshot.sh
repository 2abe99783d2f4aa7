#!/usr/bin/env bash
# Takes a screenshot of a prdarts HTML report in headless Chromium (Debian's package, installed
# with apt-get when missing).
#
#   scripts/report-screenshot.sh REPORT.html|RUN_DIR [OUT.png] [WIDTH,HEIGHT]
#
# Given a run folder, it first writes the report into a temporary folder with ./prdarts report.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ]; then
    echo "usage: $0 REPORT.html|RUN_DIR [OUT.png] [WIDTH,HEIGHT]" >&2
    exit 2
fi
target="$1"
out="${2:-report-screenshot.png}"
size="${3:-1400,3000}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -d "$target" ]; then
    "$root/prdarts" report "$target" --out "$work/report" >&2
    target="$work/report/report.html"
fi
if [ ! -f "$target" ]; then
    echo "$0: no such report: $target" >&2
    exit 2
fi

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "$0: installing chromium (Debian package)..." >&2
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo_cmd="sudo"
    fi
    $sudo_cmd apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q chromium >&2
    browser="$(command -v chromium)"
fi

abs="$(cd "$(dirname "$target")" && pwd)/$(basename "$target")"
mkdir -p "$(dirname "$out")"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$work/profile" \
    --screenshot="$out_abs" --window-size="$size" "file://$abs" >&2 2>"$work/chromium.log" || {
    cat "$work/chromium.log" >&2
    exit 1
}
if [ ! -s "$out_abs" ]; then
    echo "$0: chromium wrote no screenshot" >&2
    cat "$work/chromium.log" >&2
    exit 1
fi
echo "$out_abs"
