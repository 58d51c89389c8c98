#!/usr/bin/env bash
# Writes the plan examples of this folder with the CLI (evaluate --plan) from the bundled examples;
# app's PlanCliTest fails when one differs from what the CLI writes now, and names this script.
#   mvn -q -o package -pl app -am -DskipTests && examples/plans/generate.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${AFTERSALES_JAR:-app/target/aftersales.jar}
plan() { out=$1; shift; java -jar "$jar" evaluate --plan "$@" > "examples/plans/$out"; echo "examples/plans/$out"; }
plan gbt27922-form.txt examples/gbt27922-form.json
plan zg025-combined.txt examples/zg025-combined.json
plan zg025-combined.md --format md examples/zg025-combined.json
plan cqm-face-to-face-75.txt examples/cqm/note1-example1-face-to-face-75.json
plan cqm-rectified-complaint.txt examples/cqm/note1-example2-rectified-complaint.json
