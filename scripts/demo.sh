#!/usr/bin/env bash
# The whole setup on the bundled samples: the Okta form values, the metadata check, the patch of a
# temporary copy of the deployment config (diff, then write), and the CI lint of the result.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cli() { echo; echo "\$ polyaxon-sso $*"; node "$repo/bin/polyaxon-sso.js" "$@"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$repo/fixtures/demo/values.yaml" "$tmp/values.yaml"
cp "$repo/fixtures/metadata/valid/okta-acme.xml" "$tmp/okta-metadata.xml"
cd "$tmp"
now=2026-06-01T00:00:00Z # the sample certificate is a fixture: pin the clock; drop --now for real files

cli urls --config values.yaml --org acme
cli validate-metadata okta-metadata.xml --now "$now"
cli patch values.yaml --metadata okta-metadata.xml --now "$now" --diff
cli patch values.yaml --metadata okta-metadata.xml --now "$now"
cli patch values.yaml --metadata okta-metadata.xml --now "$now" --check
cli lint values.yaml --now "$now" --host polyaxon.acme.com --org acme
echo
echo "demo: done (in a temporary copy, removed now)"
