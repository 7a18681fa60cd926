#!/usr/bin/env bash
# Fetches iso3166-2-db from the npm registry and rebuilds
# internal/export/fips-adm1.tsv. Run from the repository root.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent iso3166-2-db@2.3.11 >/dev/null && mkdir pkg && tar xzf iso3166-2-db-2.3.11.tgz -C pkg)
go run ./tools/genfips -regions "$tmp/pkg/package/data/iso3166-2.json" -adm1-out internal/export/fips-adm1.tsv
