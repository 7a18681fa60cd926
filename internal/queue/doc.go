// Package queue distributes coding over NATS JetStream: a work-queue
// stream of documents that any number of workers consume, code and store,
// acknowledging a message only after its transaction commits. A message
// that fails repeatedly goes to a dead-letter stream with the reason.
// Workers report themselves in a key-value bucket that annals status
// reads. Embedded starts a single-node JetStream server in process.
package queue
