#!/bin/sh
# Prove a built Linux bundle works on its own (make package-check):
#
#     sh packaging/check-bundle.sh [dist/cxworkshop]
#
# Every run is from an empty folder outside the source tree, in an environment emptied with
# `env -i` (no PYTHONPATH, no virtual environment, no display, a fresh home and XDG folders),
# with Qt drawing offscreen, so nothing can come from anywhere but the bundle. It checks that
# the resources shipped are the source tree's; that the window opens on the demo workshop and
# the program exits cleanly; that the demo becomes a session file; that every export works
# (the PDFs need reportlab and the fonts, the PNG needs Qt's offscreen drawing); and that a
# report with Arabic and Hebrew text is written (which needs arabic-reshaper and python-bidi).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd -P)
bundle=${1:-$root/dist/cxworkshop}
if [ ! -x "$bundle/cxworkshop" ]; then
    echo "check-bundle: no bundle at $bundle; build it first with make package." >&2
    exit 2
fi
bundle=$(cd "$bundle" && pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/cxworkshop-check.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/home" "$work/run"
chmod 700 "$work/run"
cd "$work"

cxworkshop() {
    env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$work/home" \
        XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" \
        XDG_CACHE_HOME="$work/home/cache" XDG_STATE_HOME="$work/home/state" \
        XDG_RUNTIME_DIR="$work/run" QT_QPA_PLATFORM=offscreen \
        "$bundle/cxworkshop" "$@"
}

fail() {
    echo "check-bundle: $*" >&2
    exit 1
}

step() {
    printf '%s\n' "- $*"
}

echo "Checking the bundle in $bundle, from $work:"

step "the resources in the bundle are the source tree's"
diff -r -x __pycache__ "$root/cxworkshop/resources" "$bundle/_internal/cxworkshop/resources" \
    || fail "the bundle's resources differ from cxworkshop/resources; rebuild it."

step "the window opens on the demo workshop, offscreen, and the program exits"
started=$(date +%s%N)
out=$(cxworkshop --demo --exit-when-shown 2>"$work/stderr") || {
    cat "$work/stderr" >&2
    fail "cxworkshop --demo --exit-when-shown exited with code $?."
}
ended=$(date +%s%N)
shown=$(printf '%s\n' "$out" | sed -n 's/^shown \([0-9.]*\)$/\1/p')
[ -n "$shown" ] || fail "cxworkshop --demo --exit-when-shown did not say \"shown <seconds>\": $out"
[ -s "$work/home/data/cxworkshop/Demo workshop.cxw" ] \
    || fail "the demo workshop was not written to the data folder."
step "  shown after $shown s in the program; $(( (ended - started) / 1000000 )) ms from start to exit"

step "the demo workshop as a session file, and checked"
cxworkshop demo demo.cxw >/dev/null
cxworkshop check demo.cxw | grep -q "a valid CX Workshop session" || fail "check did not pass."

step "every export: JSON, report and council pack (PDF), CSV, board (PNG), JSON Canvas"
cxworkshop export demo.cxw --json demo.json --pdf report.pdf --council-pack pack.pdf \
    --csv actions.csv --png board.png --width 800 --canvas board.canvas >/dev/null
for pdf in report.pdf pack.pdf; do
    [ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "$pdf is not a PDF."
done
[ "$(head -c 4 board.png | tail -c 3)" = "PNG" ] || fail "board.png is not a PNG."
[ -s actions.csv ] && [ -s board.canvas ] && [ -s demo.json ] || fail "an export is empty."

step "a report in Arabic and Hebrew (arabic-reshaper and python-bidi)"
sed '0,/"title": "[^"]*"/s//"title": "يوم التوافق: زبون واحد، وعد واحد — יום היישור"/' \
    demo.json > rtl.json
grep -q "يوم التوافق" rtl.json || fail "the title of demo.json could not be replaced."
cxworkshop import rtl.json rtl.cxw >/dev/null
cxworkshop export rtl.cxw --pdf rtl.pdf >/dev/null
[ "$(head -c 5 rtl.pdf)" = "%PDF-" ] || fail "rtl.pdf is not a PDF."

step "a problem is one sentence and exit code 2"
set +e
cxworkshop check missing.cxw 2>"$work/stderr"
code=$?
set -e
[ "$code" -eq 2 ] || fail "check on a missing file exited with $code, not 2."

echo "The bundle works: $(du -sh "$bundle" | cut -f1) in $bundle, shown in $shown s."
