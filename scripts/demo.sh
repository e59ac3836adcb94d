#!/usr/bin/env bash
# The whole setup on the bundled samples: the Okta form values, the metadata check, the patch of a
# temporary copy of the deployment config (diff, then write), and the CI lint of the result.
set -euo pipefail
cd "$(dirname "$0")/.."
cli() { echo; echo "\$ polyaxon-sso $*"; node bin/polyaxon-sso.js "$@"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp fixtures/demo/values.yaml "$tmp/values.yaml"
metadata=fixtures/metadata/valid/okta-acme.xml
now=2026-06-01T00:00:00Z # the sample certificate's clock; drop --now for real files

cli urls --config "$tmp/values.yaml" --org acme
cli validate-metadata "$metadata" --now "$now"
cli patch "$tmp/values.yaml" --metadata "$metadata" --now "$now" --diff
cli patch "$tmp/values.yaml" --metadata "$metadata" --now "$now"
cli lint "$tmp/values.yaml" --now "$now" --host polyaxon.acme.com --org acme
echo
echo "demo: done (the patched copy was in $tmp)"
