package queue

import "errors"

// EmbeddedServer is the in-process JetStream server Embedded starts.
type EmbeddedServer interface {
	Shutdown()
}

// ErrNoEmbedded is returned by Embedded in a binary built without the NATS
// server. The server is left out of the default build because it doubles
// the time a first `go run ./cmd/annals` or `go install` takes to compile;
// the distributed setup runs NATS as its own server anyway.
var ErrNoEmbedded = errors.New("this annals binary was built without the embedded NATS server: " +
	"run a NATS server (nats-server -js) and pass its URL to --queue, " +
	"or rebuild with: go install -tags natsserver ./cmd/annals")
