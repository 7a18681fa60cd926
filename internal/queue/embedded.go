package queue

import (
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Embedded starts a single-node JetStream server on addr ("127.0.0.1:4222",
// or port 0 for any) storing its data in dir, and returns it with its URL.
func Embedded(host string, port int, dir string) (*server.Server, string, error) {
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
