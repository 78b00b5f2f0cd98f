#!/usr/bin/env bash
# Regenerates docs/ (the Terraform registry's tfplugindocs format) from the provider's schema, the
# templates/ and the examples/. The schema is read with OpenTofu from a fresh build, so no Terraform
# download is needed.
#   usage: provider/generate-docs.sh     (TOFU=path/to/tofu to choose the binary)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export GOTOOLCHAIN=local
tfplugindocs=github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@v0.25.0

# OpenTofu: $TOFU, else oscar-cdktf's testenv build when this folder sits in that repository, else PATH's.
tofu=${TOFU:-}
if [ -z "$tofu" ] && [ -f "$root/testenv/versions.env" ]; then
  version=$(sed -n 's/^OPENTOFU_VERSION=//p' "$root/testenv/versions.env")
  tofu="${OSCAR_CDKTF_CACHE:-$HOME/.cache/oscar-cdktf}/tofu/$version/tofu"
fi
[ -n "$tofu" ] && [ -x "$tofu" ] || tofu=$(command -v tofu) || { echo "OpenTofu not found: set TOFU or put tofu on PATH" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here" && CGO_ENABLED=0 go build -o "$work/bin/terraform-provider-oscar" .)
printf 'provider_installation {\n  dev_overrides {\n    "oscar-cdktf/oscar" = "%s"\n  }\n  direct {}\n}\n' "$work/bin" >"$work/tofurc"
printf 'terraform {\n  required_providers {\n    oscar = { source = "oscar-cdktf/oscar" }\n  }\n}\n' >"$work/main.tf"
(cd "$work" && TF_CLI_CONFIG_FILE="$work/tofurc" "$tofu" providers schema -json >"$work/schema.json")
# tfplugindocs finds a schema under the provider's short name (or hashicorp's namespace), not OpenTofu's address.
sed -i 's#"registry\.opentofu\.org/oscar-cdktf/oscar"#"oscar"#' "$work/schema.json"

cd "$here"
go run "$tfplugindocs" generate --provider-name oscar --rendered-provider-name OSCAR --providers-schema "$work/schema.json"
echo "wrote $here/docs" >&2
