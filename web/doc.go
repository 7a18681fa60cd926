// Package web holds the dashboard: static HTML, CSS and JavaScript with the
// vendored front-end libraries (Leaflet, Leaflet.markercluster,
// cytoscape.js, topojson-client and world-atlas's Natural Earth country
// shapes), embedded in the binary so the dashboard works with no network.
// vendor.sh refreshes the libraries from the npm registry with their
// licences.
package web
