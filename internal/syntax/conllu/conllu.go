package conllu

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word: the ten CoNLL-U columns. ID and Head follow
// the file's convention: words count from 1 and Head 0 is the root.
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the word is followed by a space, that is
// whether MISC lacks SpaceAfter=No.
func (w *Word) SpaceAfter() bool {
	for _, f := range strings.Split(w.Misc, "|") {
		if f == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// Sentence is one sentence of a treebank.
type Sentence struct {
	// Comments are the comment lines other than "# text = ...", without
	// the leading "# " (e.g. "sent_id = weblog-1").
	Comments []string
	// Text is the sentence text from "# text = ...", empty when absent.
	Text  string
	Words []Word
}

// ReadFile reads a CoNLL-U file, gzip-compressed or plain.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads CoNLL-U from r, gunzipping it when it starts with the gzip
// magic bytes. name is used in error messages, which read "name:line:
// message".
func Read(r io.Reader, name string) ([]Sentence, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var (
		out    []Sentence
		cur    Sentence
		lineNo int
		start  int // line of the current sentence's first line
		open   bool
	)
	flush := func() error {
		if !open {
			return nil
		}
		open = false
		if len(cur.Words) == 0 {
			return fmt.Errorf("%s:%d: sentence without words", name, start)
		}
		for i := range cur.Words {
			if h := cur.Words[i].Head; h > len(cur.Words) {
				return fmt.Errorf("%s:%d: word %d: head %d out of range (%d words)", name, start, cur.Words[i].ID, h, len(cur.Words))
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if !open {
			open = true
			start = lineNo
		}
		if line[0] == '#' {
			c := strings.TrimSpace(line[1:])
			if t, ok := strings.CutPrefix(c, "text"); ok && strings.HasPrefix(strings.TrimSpace(t), "=") {
				cur.Text = strings.TrimSpace(strings.TrimSpace(t)[1:])
			} else {
				cur.Comments = append(cur.Comments, c)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, lineNo, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multiword token or empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("%s:%d: word id %q, want %d", name, lineNo, cols[0], len(cur.Words)+1)
		}
		head := -1
		if cols[6] != "_" {
			head, err = strconv.Atoi(cols[6])
			if err != nil || head < 0 {
				return nil, fmt.Errorf("%s:%d: bad head %q", name, lineNo, cols[6])
			}
		}
		if cols[1] == "" {
			return nil, fmt.Errorf("%s:%d: empty form", name, lineNo)
		}
		cur.Words = append(cur.Words, Word{
			ID: id, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
			Feats: cols[5], Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// Write writes sentences in CoNLL-U: the comments, "# text = ..." (when
// Text is set), one line of ten tab-separated columns per word (empty
// fields written as "_", a Head below 0 as "_"), and a blank line.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	var b bytes.Buffer
	for i := range sents {
		s := &sents[i]
		b.Reset()
		for _, c := range s.Comments {
			b.WriteString("# ")
			b.WriteString(c)
			b.WriteByte('\n')
		}
		if s.Text != "" {
			b.WriteString("# text = ")
			b.WriteString(s.Text)
			b.WriteByte('\n')
		}
		for j := range s.Words {
			wd := &s.Words[j]
			b.WriteString(strconv.Itoa(j + 1))
			for _, f := range [...]string{wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats} {
				b.WriteByte('\t')
				b.WriteString(field(f))
			}
			b.WriteByte('\t')
			if wd.Head < 0 {
				b.WriteByte('_')
			} else {
				b.WriteString(strconv.Itoa(wd.Head))
			}
			for _, f := range [...]string{wd.Deprel, wd.Deps, wd.Misc} {
				b.WriteByte('\t')
				b.WriteString(field(f))
			}
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
		if _, err := bw.Write(b.Bytes()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func field(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// TokenText rebuilds a sentence's text from its forms and SpaceAfter,
// for sentences that lack "# text".
func TokenText(s *Sentence) string {
	var b strings.Builder
	for i := range s.Words {
		b.WriteString(s.Words[i].Form)
		if i+1 < len(s.Words) && s.Words[i].SpaceAfter() {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
