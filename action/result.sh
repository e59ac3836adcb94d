#!/usr/bin/env bash
# The Result step of action.yml: fail the job as `fail-on` says, after the SARIF upload ran.
# polyaxon-sso exit codes: 0 ok, 1 findings (errors, or warnings under --strict/--max-warnings), 2 could not run.
set -u
code="${PSSO_EXIT:-2}"
case "$code" in
  0) exit 0 ;;
  1)
    if [ "${PSSO_FAIL_ON:-errors}" = never ]; then
      echo "polyaxon-sso reported findings (fail-on: never)"
      exit 0
    fi
    echo "::error::polyaxon-sso lint found problems (see the annotations or the code-scanning alerts)"
    exit 1
    ;;
  *)
    echo "::error::polyaxon-sso lint could not run (exit $code)"
    exit 2
    ;;
esac
