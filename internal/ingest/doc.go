// Package ingest reads news articles from files, directories and standard
// input. The reader is chosen by content and extension: plain text (with a
// line filter that drops page furniture), JSON Lines, HTML pages (main text
// extracted with go-trafilatura), RSS/Atom feeds (gofeed), and WARC files,
// plain or gzip (gowarc). Every problem is reported as an *InputError that
// names the input and the reason; the rest of the batch goes on.
package ingest
