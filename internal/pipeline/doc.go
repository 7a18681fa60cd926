// Package pipeline wires the stages (front-end, actors, coder) into one
// synchronous Process call and runs many articles through a single worker
// pool, emitting results in input order.
package pipeline
