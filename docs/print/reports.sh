#!/usr/bin/env bash
# Prints the HTML reports as a browser prints them: a PDF of each single report of the bundled
# examples and of a batch of 20 generated assessments, and a small picture of the first pages
# (docs/print/README.md). Needs Chromium (Debian: chromium), poppler-utils (pdftoppm) and, for the
# Chinese text, fonts-noto-cjk.
#
#   docs/print/reports.sh [OUT]   HTML and PDFs into OUT (default target/print/reports),
#                                 the pictures into docs/print/ (50 dpi)
#
# Uses app/target/aftersales.jar (build it first: mvn -q -o package -pl app -am -DskipTests),
# or the jar named by $AFTERSALES_JAR.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${AFTERSALES_JAR:-app/target/aftersales.jar}"
out="${1:-target/print/reports}"
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$chrome" ] || { echo "reports.sh: chromium is not installed (Debian: chromium)" >&2; exit 2; }
for tool in java pdftoppm; do
  command -v "$tool" >/dev/null || { echo "reports.sh: $tool is not installed (Debian: poppler-utils)" >&2; exit 2; }
done
[ -f "$jar" ] || { echo "reports.sh: $jar not found: build it with mvn -q -o package -pl app -am -DskipTests" >&2; exit 2; }
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

print() { # name, then the evaluate arguments
  local name="$1"
  shift
  java -jar "$jar" evaluate --format html "$@" -o "$out/$name.html" --force
  "$chrome" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$out/$name.pdf" "file://$PWD/$out/$name.html" >/dev/null 2>&1
  [ -s "$out/$name.pdf" ] || { echo "reports.sh: Chromium made no $out/$name.pdf" >&2; exit 1; }
  pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$out/$name.pdf" "docs/print/report-$name"
  local pages
  pages="$(pdfinfo "$out/$name.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
  echo "$out/$name.pdf ${pages:+(pages: $pages) }docs/print/report-$name.png"
}

print gbt27922-form examples/gbt27922-form.json
print zg025-combined --lang zh examples/zg025-combined.json
print cqm-five-star --lang en examples/cqm/cqm-five-star.json
java -jar "$jar" generate --scheme gbt27922 --count 20 --seed 7 -o "$out/book.ndjson" --force >/dev/null
print batch-20 "$out/book.ndjson"
