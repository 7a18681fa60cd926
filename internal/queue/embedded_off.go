//go:build !natsserver

package queue

// EmbeddedAvailable reports whether this binary carries the NATS server.
const EmbeddedAvailable = false

// Embedded reports ErrNoEmbedded: this binary was built without the NATS
// server (build with -tags natsserver to include it).
func Embedded(host string, port int, dir string) (EmbeddedServer, string, error) {
	return nil, "", ErrNoEmbedded
}
