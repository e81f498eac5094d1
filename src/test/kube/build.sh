#!/usr/bin/env bash
# Builds the test cluster (etcd, kube-apiserver, kube-controller-manager, kubectl) from the Go modules pinned in
# go.mod and go.sum, into a cache outside the work tree keyed by those pins. A second run finds them and costs
# nothing. Prints the directory holding the binaries on its last line.
#
#   build.sh --check           only says whether the cache has them (exit 0 and the directory, or exit 1)
#
#   KINSTA_TEST_CLUSTER_CACHE  cache root (default: ${XDG_CACHE_HOME:-~/.cache}/kinsta-operator/test-cluster)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

kube_version="$(awk '$1 == "k8s.io/kubernetes" { print $2; exit }' go.mod)"
etcd_version="$(awk '$1 == "go.etcd.io/etcd/server/v3" { print $2; exit }' go.mod)"
pins="$(cat go.mod go.sum | sha256sum | cut -c1-12)"
root="${KINSTA_TEST_CLUSTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kinsta-operator/test-cluster}"
dir="$root/kube-${kube_version}-etcd-${etcd_version}-${pins}"
binaries=(etcd kube-apiserver kube-controller-manager kubectl)

if [[ "${1:-}" == "--check" ]]; then
  [[ -f "$dir/.complete" ]] && echo "$dir" && exit 0
  exit 1
fi

if [[ -f "$dir/.complete" ]]; then
  echo "test cluster ${kube_version} (etcd ${etcd_version}) cached" >&2
  echo "$dir"
  exit 0
fi

echo "building test cluster ${kube_version} (etcd ${etcd_version}) into $dir; the first build takes several minutes" >&2
start=$SECONDS
mkdir -p "$root"
staging="$(mktemp -d "$root/.build-XXXXXX")"
trap 'rm -rf "$staging"' EXIT

# The binaries report the pinned release as their version (kubectl's skew check and /version read it).
minor="${kube_version#v1.}"; minor="${minor%%.*}"
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=${kube_version} -X $pkg.gitMajor=1 -X $pkg.gitMinor=${minor}"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

export CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false"
go mod download
go build -trimpath -ldflags "$ldflags" -o "$staging/" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kubectl
go build -trimpath -ldflags "-s -w" -o "$staging/etcd" go.etcd.io/etcd/server/v3

for b in "${binaries[@]}"; do
  "$staging/$b" --version >/dev/null 2>&1 || "$staging/$b" version --client >/dev/null
done
printf '%s\n' "kubernetes=${kube_version}" "etcd=${etcd_version}" > "$staging/.complete"
rm -rf "$dir"
mv "$staging" "$dir"
trap - EXIT
echo "built in $((SECONDS - start)) s" >&2
echo "$dir"
