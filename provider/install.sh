#!/usr/bin/env bash
# Builds the OSCAR provider from this folder and installs it into a filesystem mirror that Terraform,
# OpenTofu and `cdktf deploy` (which runs `init`) all find, until the provider is published in a
# registry. Prints the setting that points them at it, for eval or a CI environment file:
#   eval "$(bash provider/install.sh)"                      # shell: export TF_CLI_CONFIG_FILE=…
#   bash provider/install.sh --format env >> "$GITHUB_ENV"  # KEY=value lines
# Environment: OSCAR_PROVIDER_MIRROR (default ~/.terraform.d/oscar-cdktf-mirror), OSCAR_PROVIDER_VERSION.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
format=shell
[ "${1:-}" = "--format" ] && format=${2:?--format needs shell or env}
case $format in shell|env) ;; *) echo "install.sh: --format must be shell or env" >&2; exit 2 ;; esac

command -v go >/dev/null || { echo "install.sh: Go is needed to build the provider (https://go.dev/dl)" >&2; exit 1; }
version=${OSCAR_PROVIDER_VERSION:-0.1.0}
mirror=${OSCAR_PROVIDER_MIRROR:-$HOME/.terraform.d/oscar-cdktf-mirror}
platform="$(go env GOOS)_$(go env GOARCH)"

echo "install.sh: building terraform-provider-oscar $version for $platform..." >&2
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
(cd "$here" && GOTOOLCHAIN=local CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$version" -o "$build/provider" .)

# The source `oscar-cdktf/oscar` means registry.terraform.io/… to Terraform and registry.opentofu.org/…
# to OpenTofu: install under both names.
hosts=(registry.terraform.io registry.opentofu.org)
for host in "${hosts[@]}"; do
  dir="$mirror/$host/oscar-cdktf/oscar/$version/$platform"
  mkdir -p "$dir"
  install -m 0755 "$build/provider" "$dir/terraform-provider-oscar_v$version"
done

config="$mirror/oscar.tfrc"
addresses=$(printf '"%s/oscar-cdktf/oscar", ' "${hosts[@]}")
cat > "$config" <<TFRC
# Written by provider/install.sh: the OSCAR provider from the local mirror, every other provider from
# its registry. Merge this block into your own CLI configuration if you have one.
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = [${addresses%, }]
  }
  direct {
    exclude = [${addresses%, }]
  }
}
TFRC
echo "install.sh: installed in $mirror; CLI configuration $config" >&2
if [ "$format" = env ]; then echo "TF_CLI_CONFIG_FILE=$config"; else echo "export TF_CLI_CONFIG_FILE='$config'"; fi
