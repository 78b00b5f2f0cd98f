#!/usr/bin/env bash
# Builds the real test components from the Go module proxy into a version-keyed cache outside the
# repository. A component whose binary is already cached is not rebuilt.
#   usage: testenv/build.sh [component...]   (default: the components the test suite needs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"

cache=${OSCAR_CDKTF_CACHE:-$HOME/.cache/oscar-cdktf}
export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=0

log() { printf '[testenv] %s\n' "$*" >&2; }

# build_once NAME VERSION OUTPUT RECIPE: runs RECIPE with $out set, unless $out/OUTPUT exists.
build_once() {
  local name=$1 version=$2 binary=$3 recipe=$4
  out="$cache/$name/$version"
  component=$name
  if [ -e "$out/$binary" ]; then
    log "$name $version: cached ($out/$binary)"
    return
  fi
  local work start
  work=$(mktemp -d)
  start=$(date +%s)
  log "$name $version: building..."
  mkdir -p "$out"
  ( cd "$work" && "$recipe" ) >"$out/build.log" 2>&1 || {
    log "$name $version: FAILED, see $out/build.log"; tail -20 "$out/build.log" >&2; rm -rf "$work"; return 1; }
  rm -rf "$work"
  log "$name $version: built in $(( $(date +%s) - start ))s"
  echo "$(( $(date +%s) - start ))" >"$out/build-seconds"
}

# etcd: its go.mod replaces siblings with ../ paths, so build it as a dependency of a scratch module.
recipe_etcd() {
  go mod init scratch/etcd
  go get "$ETCD_MODULE@$ETCD_VERSION"
  go build -trimpath -o "$out/etcd" "$ETCD_MODULE"
}

# Kubernetes commands: the root go.mod replaces ~30 staging modules with local paths; pin each to its
# published v0.X.Y in a scratch module instead, reading the list from the downloaded go.mod.
#   build_kubernetes_command NAME   (a folder under k8s.io/kubernetes/cmd)
build_kubernetes_command() {
  local name=$1 gomod staging minor
  gomod=$(go mod download -json "$KUBERNETES_MODULE@$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  staging="v0.${KUBERNETES_VERSION#v1.}"
  minor=$(echo "$KUBERNETES_VERSION" | cut -d. -f2)
  go mod init scratch/kube
  local args=("$KUBERNETES_MODULE@$KUBERNETES_VERSION")
  while read -r mod; do args+=("$mod@$staging"); done < <(
    go mod edit -json "$gomod" | node -e '
      const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
      for (const r of m.Require ?? []) if (r.Version === "v0.0.0") console.log(r.Path);')
  go mod edit $(printf -- '-require=%s ' "${args[@]}")
  go get -tool "$KUBERNETES_MODULE/cmd/$name@$KUBERNETES_VERSION"
  go build -trimpath -o "$out/$name" -ldflags "-s -w \
    -X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION \
    -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor \
    -X k8s.io/component-base/version.gitTreeState=clean" "$KUBERNETES_MODULE/cmd/$name"
}

recipe_kube_apiserver() { build_kubernetes_command kube-apiserver; }
# Runs the controllers that keep object status (DaemonSets, service accounts) as a real cluster does.
recipe_kube_controller_manager() { build_kubernetes_command kube-controller-manager; }

recipe_minio() {
  GOBIN="$out" go install -trimpath -ldflags "-s -w" "$MINIO_MODULE@$MINIO_VERSION"
}

# Builds PACKAGE inside a writable copy of MODULE@VERSION's download (for modules whose go.mod has a
# replace directive, which a scratch module or `go install` would not honour).
#   build_in_module_copy MODULE VERSION OUTPUT PACKAGE [go build flags...]
build_in_module_copy() {
  local module=$1 version=$2 output=$3 package=$4 dir
  shift 4
  dir=$(go mod download -json "$module@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  cp -r "$dir" src && chmod -R u+w src && cd src
  go build -trimpath "$@" -o "$output" "$package"
}

# OpenTofu: one replace to a published fork.
recipe_tofu() {
  build_in_module_copy "$OPENTOFU_MODULE" "$OPENTOFU_VERSION" "$out/tofu" ./cmd/tofu \
    -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no"
}

# The same, at the last version without write-only attributes.
recipe_tofu_legacy() {
  build_in_module_copy "$OPENTOFU_MODULE" "$OPENTOFU_LEGACY_VERSION" "$out/tofu-legacy" ./cmd/tofu \
    -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no"
}

# The AWS provider: about 120 MB of source.
recipe_terraform_provider_aws() {
  build_in_module_copy "$AWS_PROVIDER_MODULE" "$AWS_PROVIDER_VERSION" "$out/terraform-provider-aws" . -ldflags "-s -w"
}

recipe_terraform_provider_kubernetes() {
  build_in_module_copy "$KUBERNETES_PROVIDER_MODULE" "$KUBERNETES_PROVIDER_VERSION" "$out/terraform-provider-kubernetes" . -ldflags "-s -w"
}

recipe_terraform_provider_helm() {
  build_in_module_copy "$HELM_PROVIDER_MODULE" "$HELM_PROVIDER_VERSION" "$out/terraform-provider-helm" . -ldflags "-s -w"
}

# Not a binary: the NVIDIA device-plugin Helm chart folder, copied from its Go module download.
recipe_nvidia_device_plugin_chart() {
  local dir
  dir=$(go mod download -json "$NVIDIA_DEVICE_PLUGIN_MODULE@$NVIDIA_DEVICE_PLUGIN_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  cp -r "$dir/deployments/helm/nvidia-device-plugin" "$out/nvidia-device-plugin-chart" && chmod -R u+w "$out/nvidia-device-plugin-chart"
}

# The OSCAR manager, from a writable copy of its source folder (see versions.env for the kueue pin).
recipe_oscar_manager() {
  local src=${OSCAR_SOURCE_DIR:-$here/../../shared/third-party/oscar-$OSCAR_VERSION}
  [ -f "$src/go.mod" ] || { echo "OSCAR source not found at $src (set OSCAR_SOURCE_DIR)"; return 1; }
  cp -r "$src" src && chmod -R u+w src && cd src
  go mod edit -replace "sigs.k8s.io/kueue=sigs.k8s.io/kueue@$OSCAR_KUEUE_VERSION"
  # Stamped as OSCAR's release build does, so /system/info reports the version.
  GOFLAGS="$GOFLAGS -mod=mod" go build -trimpath -o "$out/oscar-manager" -ldflags "-s -w \
    -X github.com/grycap/oscar/v4/pkg/version.Version=$OSCAR_VERSION -X github.com/grycap/oscar/v4/pkg/version.GitCommit=$OSCAR_COMMIT" .
}

# oscar-cli, from a writable copy of its source folder, with github.com/grycap/oscar/v3 replaced by the
# v3 packages beside it (the proxy refuses that module). Stamped as its release build does.
recipe_oscar_cli() {
  local src=$third_party/oscar-cli-$OSCAR_CLI_VERSION v3=$third_party/oscar-$OSCAR_CLI_OSCAR_V3_VERSION-pkg
  [ -f "$src/go.mod" ] || { echo "oscar-cli source not found at $src (set OSCAR_THIRD_PARTY_DIR)"; return 1; }
  [ -f "$v3/go.mod" ] || { echo "OSCAR v3 packages not found at $v3 (set OSCAR_THIRD_PARTY_DIR)"; return 1; }
  cp -r "$src" src && chmod -R u+w src && cd src
  go mod edit -replace "github.com/grycap/oscar/v3=$(cd "$v3" && pwd)"
  GOFLAGS="$GOFLAGS -mod=mod" go build -trimpath -o "$out/oscar-cli" -ldflags "-s -w \
    -X github.com/grycap/oscar-cli/cmd.Version=$OSCAR_CLI_VERSION -X github.com/grycap/oscar-cli/cmd.GitCommit=$OSCAR_CLI_COMMIT" .
}

# Not a binary: the Knative Serving CRD folder, copied from its Go module download.
recipe_knative_serving_crds() {
  local dir
  dir=$(go mod download -json "$KNATIVE_SERVING_MODULE@$KNATIVE_SERVING_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  mkdir -p "$out/knative-serving-crds"
  cp "$dir"/config/core/300-resources/*.yaml "$out/knative-serving-crds/" && chmod -R u+w "$out/knative-serving-crds"
}

# Helm charts the platform test installs, each copied into the cache as a chart folder. Charts from the
# third-party folder beside the project (see versions.env) or from Go module downloads; a chart whose
# release fills placeholders (version, image tag) is filled the same way in the copy.
third_party=${OSCAR_THIRD_PARTY_DIR:-$here/../../shared/third-party}

# copy_chart SOURCE_FOLDER: copies a chart folder to $out/<component>, writable.
copy_chart() {
  cp -r "$1" "$out/$component" && chmod -R u+w "$out/$component"
}
module_dir() { go mod download -json "$1@$2" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p'; }

recipe_oscar_chart() { copy_chart "$third_party/oscar-chart-$OSCAR_CHART_VERSION/oscar"; }
recipe_traefik_chart() { copy_chart "$third_party/traefik-chart-$TRAEFIK_CHART_VERSION/traefik"; }
# Knative's release fills {{ version }} in Chart.yaml and {{ tag }} in values.yaml.
recipe_knative_operator_chart() {
  copy_chart "$third_party/knative-operator-chart-${KNATIVE_OPERATOR_CHART_VERSION#v}/config/charts/knative-operator"
  sed -i "s/{{ version }}/$KNATIVE_OPERATOR_CHART_VERSION/" "$out/$component/Chart.yaml"
  sed -i "s/{{ tag }}/$KNATIVE_OPERATOR_CHART_VERSION/" "$out/$component/values.yaml"
}
recipe_minio_chart() { copy_chart "$(module_dir "$MINIO_MODULE" "$MINIO_VERSION")/helm/minio"; }
recipe_metrics_server_chart() { copy_chart "$(module_dir "$METRICS_SERVER_MODULE" "$METRICS_SERVER_MODULE_VERSION")/charts/metrics-server"; }
recipe_kueue_chart() { copy_chart "$(module_dir "$KUEUE_MODULE" "$KUEUE_CHART_VERSION")/charts/kueue"; }
# Kueue's CRDs as plain YAML (the chart's are templates with its conversion webhook): the sandbox's API.
recipe_kueue_crds() { copy_chart "$(module_dir "$KUEUE_MODULE" "$KUEUE_CHART_VERSION")/config/components/crd/bases"; }
# KServe ships its CRDs as a chart of their own, installed before the controller's chart.
recipe_kserve_crd_chart() { copy_chart "$(module_dir "$KSERVE_MODULE" "$KSERVE_CHART_VERSION")/charts/kserve-crd"; }
recipe_kserve_chart() { copy_chart "$(module_dir "$KSERVE_MODULE" "$KSERVE_CHART_VERSION")/charts/kserve-resources"; }
# cert-manager's and Envoy Gateway's release tools set version and appVersion in Chart.yaml.
recipe_cert_manager_chart() {
  copy_chart "$(module_dir "$CERT_MANAGER_MODULE" "$CERT_MANAGER_VERSION")/deploy/charts/cert-manager"
  sed -i "s/^version: .*/version: $CERT_MANAGER_VERSION/; s/^appVersion: .*/appVersion: $CERT_MANAGER_VERSION/" "$out/$component/Chart.yaml"
}
# The Gateway API release manifest (standard-install.yaml), as the release builds it: the standard CRDs
# in config/crd/kustomization.yaml order, as one multi-document file.
recipe_gateway_api_crds() {
  local dir
  dir=$(module_dir "$GATEWAY_API_MODULE" "$GATEWAY_API_VERSION")/config/crd
  for f in $(sed -n 's/^- \(standard\/.*\.yaml\)$/\1/p' "$dir/kustomization.yaml"); do
    printf -- '---\n'; cat "$dir/$f"
  done >"$out/$component"
}

# Keycloak: the release zip from Maven Central, checked against the pinned SHA-256, unpacked. Its first
# start (dev mode) writes a build of its Quarkus application into lib/, so start it once here.
recipe_keycloak() {
  local url="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  curl -sSfL --retry 3 -o keycloak.zip "$url"
  echo "$KEYCLOAK_SHA256  keycloak.zip" | sha256sum -c -
  unzip -q keycloak.zip
  rm -rf "${out:?}/$component"
  mv "keycloak-$KEYCLOAK_VERSION" "$out/$component"
  "$out/$component/bin/kc.sh" build --db=dev-mem --cache=local --health-enabled=true
}

declare -A recipes=([etcd]=recipe_etcd [kube-apiserver]=recipe_kube_apiserver [kube-controller-manager]=recipe_kube_controller_manager [minio]=recipe_minio [tofu]=recipe_tofu [tofu-legacy]=recipe_tofu_legacy
  [terraform-provider-aws]=recipe_terraform_provider_aws
  [nvidia-device-plugin-chart]=recipe_nvidia_device_plugin_chart
  [terraform-provider-kubernetes]=recipe_terraform_provider_kubernetes [terraform-provider-helm]=recipe_terraform_provider_helm
  [oscar-manager]=recipe_oscar_manager [oscar-cli]=recipe_oscar_cli [knative-serving-crds]=recipe_knative_serving_crds
  [oscar-chart]=recipe_oscar_chart [traefik-chart]=recipe_traefik_chart [knative-operator-chart]=recipe_knative_operator_chart
  [minio-chart]=recipe_minio_chart [metrics-server-chart]=recipe_metrics_server_chart [cert-manager-chart]=recipe_cert_manager_chart
  [kueue-chart]=recipe_kueue_chart [kueue-crds]=recipe_kueue_crds [gateway-api-crds]=recipe_gateway_api_crds [keycloak]=recipe_keycloak
  [kserve-crd-chart]=recipe_kserve_crd_chart [kserve-chart]=recipe_kserve_chart)
declare -A versions=([etcd]=$ETCD_VERSION [kube-apiserver]=$KUBERNETES_VERSION [kube-controller-manager]=$KUBERNETES_VERSION [minio]=$MINIO_VERSION [tofu]=$OPENTOFU_VERSION [tofu-legacy]=$OPENTOFU_LEGACY_VERSION
  [terraform-provider-aws]=$AWS_PROVIDER_VERSION
  [nvidia-device-plugin-chart]=$NVIDIA_DEVICE_PLUGIN_VERSION
  [terraform-provider-kubernetes]=$KUBERNETES_PROVIDER_VERSION [terraform-provider-helm]=$HELM_PROVIDER_VERSION
  [oscar-manager]=$OSCAR_VERSION [oscar-cli]=$OSCAR_CLI_VERSION [knative-serving-crds]=$KNATIVE_SERVING_VERSION
  [oscar-chart]=$OSCAR_CHART_VERSION [traefik-chart]=$TRAEFIK_CHART_VERSION [knative-operator-chart]=$KNATIVE_OPERATOR_CHART_VERSION
  [minio-chart]=$MINIO_VERSION [metrics-server-chart]=$METRICS_SERVER_MODULE_VERSION [cert-manager-chart]=$CERT_MANAGER_VERSION
  [kueue-chart]=$KUEUE_CHART_VERSION [kueue-crds]=$KUEUE_CHART_VERSION [gateway-api-crds]=$GATEWAY_API_VERSION [keycloak]=$KEYCLOAK_VERSION
  [kserve-crd-chart]=$KSERVE_CHART_VERSION [kserve-chart]=$KSERVE_CHART_VERSION)
components=("$@")
# Default: what the test suite needs (terraform-provider-aws is opt-in: a long build, and its test is
# skipped without it; oscar-cli is built by `npm run bench`, which needs it).
[ ${#components[@]} -gt 0 ] || components=(etcd kube-apiserver kube-controller-manager minio oscar-manager knative-serving-crds
  tofu tofu-legacy nvidia-device-plugin-chart terraform-provider-kubernetes terraform-provider-helm
  oscar-chart traefik-chart knative-operator-chart minio-chart metrics-server-chart cert-manager-chart kueue-chart kueue-crds gateway-api-crds keycloak
  kserve-crd-chart kserve-chart)
total_start=$(date +%s)
# oidc-agent is a C program Debian ships (oidc-agent-cli); the provider's oidc_account acceptance test
# runs it. Installed with the system's package manager when the default set is built and it is missing.
if [ $# -eq 0 ] && ! command -v oidc-agent >/dev/null; then
  log "installing oidc-agent (Debian's oidc-agent-cli)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y --no-install-recommends oidc-agent-cli >/dev/null ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends oidc-agent-cli >/dev/null; }
fi
for c in "${components[@]}"; do
  [ -n "${recipes[$c]:-}" ] || { log "unknown component '$c' (known: ${!recipes[*]})"; exit 2; }
  build_once "$c" "${versions[$c]}" "$c" "${recipes[$c]}"
done
log "done in $(( $(date +%s) - total_start ))s; binaries under $cache"
