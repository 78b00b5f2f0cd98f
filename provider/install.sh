#!/usr/bin/env bash
# Builds the OSCAR provider from this folder and makes `tofu`, `terraform` and `cdktf deploy` find it,
# until it is published in a registry. Writes a CLI configuration of its own (your ~/.terraformrc is
# not touched) and prints the setting to export.
#   usage: provider/install.sh [--dev-overrides] [--format shell|env]
#     (default)         a filesystem mirror at version $OSCAR_PROVIDER_VERSION (default 0.1.0): `init`
#                       (which `cdktf deploy` runs) installs it like a published provider
#     --dev-overrides   the binary used as is, no version and no `init` for it (plain tofu/terraform
#                       during provider development; `init` and so `cdktf deploy` fail with it)
#     --format env      print KEY=value (for CI environment files such as $GITHUB_ENV) instead of export
#   eval "$(bash provider/install.sh)"
# Environment: OSCAR_PROVIDER_HOME (default ~/.local/share/oscar-cdktf/provider) holds the binary, the
# mirror and the CLI configuration. Needs Go (1.25.8 or newer).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${OSCAR_PROVIDER_HOME:-$HOME/.local/share/oscar-cdktf/provider}
version=${OSCAR_PROVIDER_VERSION:-0.1.0}
source_address=oscar-cdktf/oscar
mode=mirror
format=shell
while [ $# -gt 0 ]; do
  case "$1" in
    --dev-overrides) mode=dev_overrides ;;
    --mirror) mode=mirror ;;
    --format) format=${2:-}; shift ;;
    *) echo "usage: $0 [--dev-overrides] [--format shell|env]" >&2; exit 2 ;;
  esac
  shift
done
case "$format" in shell|env) ;; *) echo "install.sh: --format must be shell or env" >&2; exit 2 ;; esac

command -v go >/dev/null || { echo "install.sh: Go is needed to build the provider (https://go.dev/dl/, 1.25.8 or newer)" >&2; exit 1; }
mkdir -p "$home"
config="$home/cli.tfrc"
os_arch="$(go env GOOS)_$(go env GOARCH)"
build() { (cd "$here" && GOTOOLCHAIN=local CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$version" -o "$1" .); }

if [ "$mode" = dev_overrides ]; then
  build "$home/bin/terraform-provider-oscar"
  cat >"$config" <<CONFIG
# Written by provider/install.sh --dev-overrides: use the locally built OSCAR provider.
provider_installation {
  dev_overrides {
    "$source_address" = "$home/bin"
  }
  direct {}
}
CONFIG
else
  # Terraform and OpenTofu look the source up under their own registry host: fill in both (and name
  # both in the patterns: Terraform refuses a wildcard host with a fixed namespace and type).
  build "$home/terraform-provider-oscar"
  for host in registry.terraform.io registry.opentofu.org; do
    dir="$home/mirror/$host/$source_address/$version/$os_arch"
    mkdir -p "$dir"
    install -m 0755 "$home/terraform-provider-oscar" "$dir/terraform-provider-oscar_v$version"
  done
  cat >"$config" <<CONFIG
# Written by provider/install.sh: the OSCAR provider $version from a local mirror, every other
# provider from its registry.
provider_installation {
  filesystem_mirror {
    path    = "$home/mirror"
    include = ["registry.terraform.io/$source_address", "registry.opentofu.org/$source_address"]
  }
  direct {
    exclude = ["registry.terraform.io/$source_address", "registry.opentofu.org/$source_address"]
  }
}
CONFIG
fi

echo "install.sh: built the OSCAR provider $version ($mode) for $os_arch into $home." >&2
if [ "$format" = env ]; then
  echo "TF_CLI_CONFIG_FILE=$config"
else
  echo "install.sh: use it from tofu, terraform and cdktf by exporting (add it to your shell profile):" >&2
  echo "export TF_CLI_CONFIG_FILE='$config'"
fi
