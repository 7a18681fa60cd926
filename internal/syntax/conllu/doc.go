// Package conllu reads and writes CoNLL-U files
// (https://universaldependencies.org/format.html), the format of the
// Universal Dependencies treebanks the syntax stage is trained and
// evaluated on.
//
// Only the basic tree is kept: multiword-token lines ("1-2") and empty
// nodes ("8.1") are skipped on reading, so the words of a sentence are
// numbered 1..n without gaps. Comment lines are kept; "# text = ..." is
// kept apart in Sentence.Text. MISC is kept verbatim, so SpaceAfter=No
// survives a round trip.
package conllu
