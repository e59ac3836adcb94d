#!/usr/bin/env bash
# The Lint step of action.yml. Inputs arrive as PSSO_* environment variables (never interpolated
# into this script). Writes the SARIF log, prints the chosen format to the job log, and reports the
# exit code through $GITHUB_OUTPUT; the Result step decides whether the job fails.
set -uo pipefail
set -f # globs in PSSO_PATHS are for polyaxon-sso to expand, not the shell

read -r -d '' -a paths <<<"${PSSO_PATHS:-.}" || true
read -r -d '' -a pins <<<"${PSSO_FINGERPRINTS:-}" || true
[ ${#paths[@]} -gt 0 ] || paths=(.)

args=()
case "${PSSO_FAIL_ON:-errors}" in
  errors | never) ;;
  warnings) args+=(--strict) ;;
  *) echo "::error::fail-on must be errors, warnings or never (got '${PSSO_FAIL_ON}')"; echo "exit-code=2" >>"$GITHUB_OUTPUT"; exit 0 ;;
esac
[ -n "${PSSO_MAX_WARNINGS:-}" ] && args+=(--max-warnings "$PSSO_MAX_WARNINGS")
[ -n "${PSSO_MIN_DAYS:-}" ] && args+=(--min-days "$PSSO_MIN_DAYS")
[ -n "${PSSO_HOST:-}" ] && args+=(--host "$PSSO_HOST")
[ -n "${PSSO_ORG:-}" ] && args+=(--org "$PSSO_ORG")
[ "${PSSO_REQUIRE_OKTA:-false}" = true ] && args+=(--require-okta)
for pin in ${pins[@]+"${pins[@]}"}; do args+=(--fingerprint "$pin"); done

sarif="${PSSO_SARIF_FILE:-polyaxon-sso.sarif}"
node "$PSSO_BIN" lint "${paths[@]}" ${args[@]+"${args[@]}"} --format sarif >"$sarif"
code=$?
format="${PSSO_FORMAT:-github}"
if [ "$format" = sarif ]; then
  cat "$sarif"
else
  # Same inputs, same answer: this run only renders for the log; the SARIF run's code counts.
  node "$PSSO_BIN" lint "${paths[@]}" ${args[@]+"${args[@]}"} --format "$format" || true
fi

written=false
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$sarif" 2>/dev/null && written=true
{
  echo "exit-code=$code"
  echo "sarif-file=$sarif"
  echo "sarif-written=$written"
} >>"$GITHUB_OUTPUT"
exit 0
