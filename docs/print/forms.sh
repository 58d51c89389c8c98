#!/usr/bin/env bash
# Prints the blank Excel forms as LibreOffice prints them: a PDF of each form and a small picture of
# its first page (docs/print/README.md). Needs LibreOffice Calc (soffice), poppler-utils (pdftoppm)
# and, for the Chinese text, fonts-noto-cjk.
#
#   docs/print/forms.sh [OUT]     PDFs and workbooks into OUT (default target/print/forms),
#                                 the pictures into docs/print/ (first pages, 50 dpi)
#
# Uses app/target/aftersales.jar (build it first: mvn -q -o package -pl app -am -DskipTests),
# or the jar named by $AFTERSALES_JAR.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${AFTERSALES_JAR:-app/target/aftersales.jar}"
out="${1:-target/print/forms}"
for tool in java soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "forms.sh: $tool is not installed (Debian: libreoffice-calc, poppler-utils)" >&2; exit 2; }
done
[ -f "$jar" ] || { echo "forms.sh: $jar not found: build it with mvn -q -o package -pl app -am -DskipTests" >&2; exit 2; }
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# scheme:variant for each form: GB/T 27922's self-assessment form and annexes, ZG025, the combined grade, CQM
forms="gbt27922:form gbt27922:annex-a1 gbt27922:annex-a2 gbt27922:annex-b zg025:items zg025-combined:combined cqm:star"
for form in $forms; do
  scheme="${form%%:*}" variant="${form##*:}" name="${form%%:*}-${form##*:}"
  java -jar "$jar" template --scheme "$scheme" --variant "$variant" --format xlsx -o "$out/$name.xlsx" --force
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" "$out/$name.xlsx" >/dev/null 2>&1
  [ -s "$out/$name.pdf" ] || { echo "forms.sh: LibreOffice made no $out/$name.pdf" >&2; exit 1; }
  pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$out/$name.pdf" "docs/print/$name"
  pages="$(pdfinfo "$out/$name.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
  echo "$out/$name.pdf ${pages:+(pages: $pages) }docs/print/$name.png"
done
