package syntax

import (
	"strconv"
	"strings"
	"testing"

	"github.com/annals-events/annals"
)

// treeOf reads "form/TAG/head/rel ..." (head 1-based, 0 the root) into
// tokens.
func treeOf(t *testing.T, s string) []annals.Token {
	var toks []annals.Token
	for _, w := range strings.Fields(s) {
		p := strings.Split(w, "/")
		if len(p) != 4 {
			t.Fatalf("bad word %q", w)
		}
		h, err := strconv.Atoi(p[2])
		if err != nil {
			t.Fatal(err)
		}
		toks = append(toks, annals.Token{Text: p[0], Lower: strings.ToLower(p[0]), Tag: p[1], Head: h - 1, Rel: p[3]})
	}
	return toks
}

func heads(toks []annals.Token) string {
	var b []string
	for _, tk := range toks {
		b = append(b, strconv.Itoa(tk.Head+1)+":"+tk.Rel)
	}
	return strings.Join(b, " ")
}

// TestRepairRelative checks the repair of a comma-set relative clause
// read as the main verb, and that trees without the garden path stay.
func TestRepairRelative(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"relative clause read as the main verb",
			"Students/NNS/4/nsubj ,/,/4/punct who/WP/4/nsubj accuse/VBP/0/root the/DT/6/det police/NNS/4/obj ,/,/8/punct protested/VBD/4/parataxis outside/IN/10/case parliament/NN/8/obl ././4/punct",
			"8:nsubj 4:punct 4:nsubj 1:acl:relcl 6:det 4:obj 8:punct 0:root 10:case 8:obl 8:punct"},
		{"conj, passive main verb",
			"Villagers/NNS/4/nsubj ,/,/4/punct who/WP/4/nsubj fled/VBD/0/root ,/,/8/punct were/VBD/8/aux:pass later/RB/8/advmod rescued/VBN/4/conj ././4/punct",
			"8:nsubj:pass 4:punct 4:nsubj 1:acl:relcl 8:punct 8:aux:pass 8:advmod 0:root 8:punct"},
		{"the clause after the comma has a subject of its own: left",
			"Students/NNS/4/nsubj ,/,/4/punct who/WP/4/nsubj protested/VBD/0/root ,/,/7/punct police/NNS/7/nsubj said/VBD/4/parataxis ././4/punct",
			"4:nsubj 4:punct 4:nsubj 0:root 7:punct 7:nsubj 4:parataxis 4:punct"},
		{"no comma before the relative pronoun: left",
			"Students/NNS/3/nsubj who/WP/3/nsubj protested/VBD/0/root ,/,/5/punct marched/VBD/3/conj ././3/punct",
			"3:nsubj 3:nsubj 0:root 5:punct 3:conj 3:punct"},
		{"the noun made the root, the main verb a conj of its relative clause",
			"Supporters/NNS/0/root in/IN/3/case Dhaka/NNP/1/nmod ,/,/6/punct who/WP/6/nsubj accuse/VBP/1/acl:relcl the/DT/8/det party/NN/6/obj ,/,/10/punct rallied/VBD/6/conj outside/IN/12/case parliament/NN/10/obl ././1/punct",
			"10:nsubj 3:case 1:nmod 6:punct 6:nsubj 1:acl:relcl 8:det 6:obj 10:punct 0:root 12:case 10:obl 10:punct"},
		{"a root noun whose relative clause has no verb after it: left",
			"Supporters/NNS/0/root ,/,/4/punct who/WP/4/nsubj rallied/VBD/1/acl:relcl ././1/punct",
			"0:root 4:punct 4:nsubj 1:acl:relcl 1:punct"},
		{"one subject: left",
			"Students/NNS/2/nsubj protested/VBD/0/root ,/,/4/punct marched/VBD/2/conj ././2/punct",
			"2:nsubj 0:root 4:punct 2:conj 2:punct"},
	} {
		toks := treeOf(t, c.in)
		repairTree(toks)
		if got := heads(toks); got != c.want {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.want)
		}
	}
}

// TestRepairPunctuationAndQuotes checks the repairs of a punctuation root,
// of dependents under punctuation, of a root left inside a quotation and
// of a second clausal complement.
func TestRepairPunctuationAndQuotes(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"opening quotation mark as the root",
			"\"/``/0/root Rebels/NNS/3/nsubj won/VBD/1/acl:relcl ././1/punct",
			"3:punct 3:nsubj 0:root 3:punct"},
		{"a noun under a comma",
			"Police/NNS/2/nsubj fired/VBD/0/root ,/,/2/punct shots/NNS/3/obj ././2/punct",
			"2:nsubj 0:root 2:punct 2:obj 2:punct"},
		{"root inside the quotation, the reporting verb a conj; then the gerund after it",
			"\"/``/3/punct We/PRP/3/nsubj won/VBD/0/root ,/,/3/punct \"/''/3/punct he/PRP/7/nsubj said/VBD/3/conj ,/,/9/punct leaving/VBG/7/ccomp ././3/punct",
			"3:punct 3:nsubj 7:ccomp 3:punct 3:punct 7:nsubj 0:root 9:punct 7:advcl 7:punct"},
		{"a participle after the subject read as a clause of its own",
			"Police/NNS/2/nsubj firing/VBG/5/advcl live/JJ/4/amod rounds/NNS/5/nsubj killed/VBD/0/root protesters/NNS/5/obj ././5/punct",
			"5:nsubj 1:acl 4:amod 2:obj 0:root 5:obj 5:punct"},
		{"a progressive clause of its own: left",
			"NASA/NNP/3/nsubj is/VBZ/3/aux looking/VBG/6/advcl ,/,/6/punct it/PRP/6/nsubj announced/VBD/0/root ././6/punct",
			"3:nsubj 3:aux 6:advcl 6:punct 6:nsubj 0:root 6:punct"},
		{"no quotation: left",
			"We/PRP/2/nsubj won/VBD/0/root ,/,/2/punct he/PRP/5/nsubj said/VBD/2/parataxis ././2/punct",
			"2:nsubj 0:root 2:punct 5:nsubj 2:parataxis 2:punct"},
	} {
		toks := treeOf(t, c.in)
		repairTree(toks)
		if got := heads(toks); got != c.want {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.want)
		}
	}
}
