// Package annot reads the project's annotated coder sentences
// (internal/coder/testdata/*.tsv) and checks events against them: the
// regression suite, the held-out measurements and the confidence
// calibration (tools/genconf) all read rows the same way.
//
// A row is three tab-separated columns: the publication date
// (YYYY-MM-DD), the text, and the expected events joined by " | ". An
// expected event is SOURCE>TARGET:CODE:MODE; each part is matched by
// Like (exact, "*", a prefix ending in "*", a suffix after "*", or "-" for
// empty). A "!" before an item means no such event may be emitted; "none"
// means no countable event (other than the "!" items after it).
package annot
