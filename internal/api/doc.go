// Package api serves the JSON API under /api/v1/ (events with their
// evidence, dyad timelines, actors, the actor network, documents with every
// mention and event marked, and authenticated ingestion), the OpenAPI
// document, health and Prometheus metrics, and the embedded dashboard.
// Handlers return values; one wrapper writes JSON and one function maps
// errors to HTTP statuses. Every handler runs under a timeout and request
// bodies are bounded.
package api
