#!/usr/bin/env bash
# Builds the OSCAR provider from this folder and makes `tofu`, `terraform` and `cdktf deploy` find it,
# until it is published in a registry. Writes a CLI configuration of its own (your ~/.terraformrc is
# not touched) and prints the line to export.
#   usage: provider/install.sh              dev_overrides: the binary is used as is, no version, no
#                                            `init` needed for it (the CLI prints a reminder warning)
#          provider/install.sh --mirror     a filesystem mirror at version $OSCAR_PROVIDER_VERSION
#                                            (default 0.1.0): `init` installs it and pins it in the lock file
# Environment: OSCAR_PROVIDER_HOME (default ~/.local/share/oscar-cdktf/provider) holds the binary
# and the CLI configuration. Needs Go (1.25.8 or newer).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${OSCAR_PROVIDER_HOME:-$HOME/.local/share/oscar-cdktf/provider}
version=${OSCAR_PROVIDER_VERSION:-0.1.0}
source_address=oscar-cdktf/oscar
mode=dev_overrides
case "${1:-}" in
  "") ;;
  --mirror) mode=mirror ;;
  *) echo "usage: $0 [--mirror]" >&2; exit 2 ;;
esac

command -v go >/dev/null || { echo "install.sh: Go is needed to build the provider (https://go.dev/dl/, 1.25.8 or newer)" >&2; exit 1; }
mkdir -p "$home"
config="$home/cli.tfrc"
os_arch="$(go env GOOS)_$(go env GOARCH)"
build() { (cd "$here" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$version" -o "$1" .); }

if [ "$mode" = dev_overrides ]; then
  build "$home/bin/terraform-provider-oscar"
  cat >"$config" <<CONFIG
# Written by provider/install.sh: use the locally built OSCAR provider.
provider_installation {
  dev_overrides {
    "$source_address" = "$home/bin"
  }
  direct {}
}
CONFIG
else
  # Terraform and OpenTofu look the source up under their own registry host: fill in both.
  for host in registry.terraform.io registry.opentofu.org; do
    dir="$home/mirror/$host/$source_address/$version/$os_arch"
    mkdir -p "$dir"
    build "$dir/terraform-provider-oscar_v$version"
  done
  cat >"$config" <<CONFIG
# Written by provider/install.sh --mirror: the OSCAR provider $version from a local mirror.
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

echo "Built the OSCAR provider ($mode) for $os_arch into $home." >&2
echo "Use it from tofu, terraform and cdktf by exporting (add it to your shell profile):" >&2
echo "export TF_CLI_CONFIG_FILE='$config'"
