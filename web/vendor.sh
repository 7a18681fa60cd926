#!/usr/bin/env bash
# Refreshes the dashboard's vendored front-end libraries from the npm
# registry, keeping each one's licence beside its built files. Run from the
# repository root; the files are committed, so building annals needs no npm.
set -euo pipefail
out=web/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pkgs=(leaflet@1.9.4 leaflet.markercluster@1.5.3 cytoscape@3.35.0 topojson-client@3.1.0 world-atlas@2.0.2)
(cd "$tmp" && npm pack --silent "${pkgs[@]}" >/dev/null)
rm -rf "$out" && mkdir -p "$out"
for p in "${pkgs[@]}"; do
  name=${p%@*}; ver=${p##*@}
  d="$tmp/$name"; mkdir -p "$d"; tar xzf "$tmp/${name}-${ver}.tgz" -C "$d"
  mkdir -p "$out/$name"
  cp "$d"/package/LICENSE* "$d"/package/MIT-LICENCE* "$d"/package/MIT-LICENSE* "$out/$name/" 2>/dev/null || true
  echo "$p" > "$out/$name/VERSION"
done
cp "$tmp/leaflet/package/dist/leaflet.js" "$tmp/leaflet/package/dist/leaflet.css" "$out/leaflet/"
cp "$tmp/leaflet.markercluster/package/dist/leaflet.markercluster.js" "$tmp/leaflet.markercluster/package/dist/MarkerCluster.css" "$tmp/leaflet.markercluster/package/dist/MarkerCluster.Default.css" "$out/leaflet.markercluster/"
cp "$tmp/cytoscape/package/dist/cytoscape.min.js" "$out/cytoscape/"
cp "$tmp/topojson-client/package/dist/topojson-client.min.js" "$out/topojson-client/"
cp "$tmp/world-atlas/package/countries-110m.json" "$out/world-atlas/"
echo "vendored into $out:"; du -sh "$out"/*
