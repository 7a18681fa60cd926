//go:build !natsserver

package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedQueueNotBuilt checks the default binary refuses
// --embedded-queue with a message that says how to get it.
func TestEmbeddedQueueNotBuilt(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	_, errs, code := runCLI(t, "", "serve", "--db", filepath.Join(t.TempDir(), "e.db"), "--embedded-queue", "--addr", "127.0.0.1:0")
	if code != exitFatal || !strings.Contains(errs, "-tags natsserver") || !strings.Contains(errs, "nats-server -js") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}
