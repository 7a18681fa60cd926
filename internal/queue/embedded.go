//go:build natsserver

package queue

import (
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// EmbeddedAvailable reports whether this binary carries the NATS server.
const EmbeddedAvailable = true

// Embedded starts a single-node JetStream server on host:port (port 0 for
// any) storing its data in dir, and returns it with its client URL.
func Embedded(host string, port int, dir string) (EmbeddedServer, string, error) {
	s, err := server.NewServer(&server.Options{ServerName: "annals-embedded", Host: host, Port: port, JetStream: true, StoreDir: dir, NoSigs: true})
	if err != nil {
		return nil, "", fmt.Errorf("start nats: %w", err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		return nil, "", fmt.Errorf("start nats: not ready after 10 s")
	}
	return s, s.ClientURL(), nil
}
