#!/usr/bin/env bash
# Tests the OSCAR provider: vet and unit tests, then the acceptance tests (TF_ACC=1), once under
# OpenTofu and once under Terraform, against a sandbox of the real OSCAR manager v4.1.2 (with OIDC: a
# Keycloak issuer, for the tests that deploy as an OIDC user), started for this run and always stopped.
#   usage: provider/test.sh [go test flags...]   e.g. provider/test.sh -run TestAccServiceSet
# Needs Go, Node (the repository's npm dependencies) and the testenv components
# (bash testenv/build.sh). Exits non-zero when anything fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export GOTOOLCHAIN=local

log() { printf '[provider/test.sh] %s\n' "$*" >&2; }

cd "$here"
log "gofmt, go vet, golangci-lint and unit tests"
unformatted=$(gofmt -l .)
[ -z "$unformatted" ] || { log "not gofmt-formatted (run gofmt -w on them): $unformatted"; exit 1; }
go vet ./...
# The scaffolding's linters (.golangci.yml), at the version tools/go.mod pins (built once, then cached by Go).
log "golangci-lint"
go tool -modfile=tools/go.mod golangci-lint run ./...
go test -count=1 ./...
# The registry docs are generated from the schema: stale ones fail here (and are regenerated in place).
log "docs drift"
committed=$(mktemp -d)
cp -r "$here/docs" "$committed/"
bash "$here/generate-docs.sh" 2>/dev/null
diff -r "$committed/docs" "$here/docs" >/dev/null || { log "provider/docs was stale: it is regenerated now, commit it"; exit 1; }
rm -rf "$committed"

# acceptance CLI LOG [go test flags...]: the acceptance suite under CLI, its full output in LOG; the
# console gets each test's result and its first error lines. Returns go test's status.
# -p 1: each package's tests are a process of their own, and the provider serialises its writes to a
# manager within a process only; two packages creating services at once made the manager v4.1.2
# restart MinIO under itself and crash (seen in CI: one 502, then the manager restarted).
acceptance() {
  TF_ACC=1 TF_ACC_TERRAFORM_PATH=$1 go test -p 1 -count=1 -timeout 45m -v "${@:3}" ./internal/... 2>&1 | tee "$2" \
    | grep --line-buffered -E '^(=== RUN|--- (PASS|FAIL|SKIP)|PASS|FAIL|ok |panic:)|^\s+\S+_test\.go:[0-9]+:'
  return "${PIPESTATUS[0]}"
}

# On its own (a repository of the provider alone), the acceptance tests run against the OSCAR the
# environment names (OSCAR_ENDPOINT, OSCAR_USERNAME, OSCAR_PASSWORD, MINIO_*, KUBECONFIG, as
# `oscar-cdktf sandbox start` prints them), under TF_ACC_TERRAFORM_PATH (else tofu on PATH); the tests
# that kill the manager skip. Without such an OSCAR, this is the end.
if [ ! -f "$root/bin/oscar-cdktf.js" ]; then
  if [ -z "${OSCAR_ENDPOINT:-}" ]; then
    log "unit tests, lint and docs passed; acceptance tests skipped: set OSCAR_ENDPOINT and the rest of a control plane's settings to run them"
    exit 0
  fi
  cli=${TF_ACC_TERRAFORM_PATH:-${TOFU:-$(command -v tofu || true)}}
  [ -n "$cli" ] || { log "no CLI for the acceptance tests: set TF_ACC_TERRAFORM_PATH (OpenTofu or Terraform >= 1.11)"; exit 1; }
  log "acceptance tests under $cli against $OSCAR_ENDPOINT"
  acceptance "$cli" /dev/null "$@"
  exit 0
fi

cd "$root"
npm run --silent build
# A sandbox of our own, so a developer's running sandbox is neither reused nor stopped.
export OSCAR_SANDBOX_DIR
OSCAR_SANDBOX_DIR=$(mktemp -d "${TMPDIR:-/tmp}/oscar-provider-test.XXXXXX")
stop_sandbox() {
  (cd "$root" && node bin/oscar-cdktf.js sandbox stop >/dev/null 2>&1) || true
  log "sandbox stopped; its logs are in $OSCAR_SANDBOX_DIR/logs"
}
trap stop_sandbox EXIT
log "starting a sandbox in $OSCAR_SANDBOX_DIR"
settings=$(node bin/oscar-cdktf.js sandbox start --oidc)
eval "$settings"

cd "$here"
# The whole suite under each CLI users run: OpenTofu (testenv's), then Terraform (>= 1.11, on PATH).
terraform=$(command -v terraform) || { log "Terraform (>= 1.11) is not on PATH: the acceptance tests run under it too"; exit 1; }
status=0
tofu=$(cd "$root" && node -e 'console.log(require("./dist/src/sandbox/testenv").componentBinary("tofu"))')
[ -x "$tofu" ] || { log "OpenTofu is not built ($tofu): bash testenv/build.sh tofu"; exit 1; }
for cli in "$tofu" "$terraform"; do
  name=$(basename "$cli")
  log "acceptance tests under $name ($("$cli" version 2>/dev/null | grep -m1 -oE '(OpenTofu|Terraform) v[0-9.]+')) against $OSCAR_ENDPOINT"
  result=0
  acceptance "$cli" "$OSCAR_SANDBOX_DIR/acceptance-$name.log" "$@" || result=$?
  if [ "$result" -ne 0 ]; then
    log "acceptance tests under $name FAILED (full output: $OSCAR_SANDBOX_DIR/acceptance-$name.log)"
    status=$result
  fi
done
[ "$status" -eq 0 ] || exit "$status"
log "acceptance tests passed under OpenTofu and Terraform"
