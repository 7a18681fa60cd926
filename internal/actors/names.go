package actors

import (
	"strings"

	"github.com/annals-events/annals"
)

// People an article introduces with their office keep that office when
// it names them again: "Taiwan President Lai Ching-te ... China denounced
// Lai", "Pakistani Prime Minister Shehbaz Sharif ... Sharif thanked". The
// dictionary cannot know every official, and a bare surname on its own
// names no one; within one article it names the person introduced.

// nameRef is what an introduced name stands for in the article.
type nameRef struct {
	code, entry string
	ambiguous   bool // two people of different codes share the name
}

// names maps the lower-cased full name and its last word to what they
// stand for.
type names map[string]nameRef

// honorifics may stand before a surname the article introduced: "Mr
// Chakwera", "Dr. Tedros".
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "mr.": true, "mrs.": true,
	"ms.": true, "dr.": true, "sir": true, "dame": true, "madam": true, "mme": true, "m.": true}

// nameKey is the lower-cased text of tokens [first, last).
func nameKey(toks []annals.Token, first, last int) string {
	var b strings.Builder
	for k := first; k < last; k++ {
		if k > first {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Lower)
	}
	return b.String()
}

// introduce remembers the person named by tokens of u, coded as m: the
// full name, and its first and last words (a family name comes first in
// "Lai Ching-te", last in "Shehbaz Sharif"). A word two people share is
// ambiguous and names neither.
func (c *context) introduce(u unit, m annals.Mention) {
	toks := c.doc.Tokens
	c.remember(nameKey(toks, u.first, u.last), m)
	if u.last-u.first > 1 {
		for _, k := range [...]int{u.first, u.last - 1} {
			if w := toks[k].Lower; len(w) >= 3 && capitalized(toks[k].Text) {
				c.remember(w, m)
			}
		}
	}
}

// remember records that the lower-cased name key stands for mention m's
// actor ("Hagari" after "IDF spokesperson Daniel Hagari", or after an
// apposition that places him).
func (c *context) remember(key string, m annals.Mention) {
	if c.introduced == nil {
		c.introduced = names{}
	}
	c.introduced.put(key, m.Code, m.Entry)
}

func (n names) put(key, code, entry string) {
	if o, ok := n[key]; ok {
		if o.code != code {
			o.ambiguous = true
			n[key] = o
		}
		return
	}
	n[key] = nameRef{code: code, entry: entry}
}

// lookup returns what the name unit u stands for: its full text, else,
// for a one-word name, the last word of a name introduced before.
func (n names) lookup(toks []annals.Token, u unit) (nameRef, bool) {
	r, ok := n[nameKey(toks, u.first, u.last)]
	if !ok && u.last-u.first > 1 && honorifics[toks[u.first].Lower] {
		r, ok = n[nameKey(toks, u.first+1, u.last)] // "Mr Chakwera"
	}
	if !ok || r.ambiguous {
		return nameRef{}, false
	}
	return r, true
}

// known reports whether the article has introduced the name unit u.
func (c *context) known(u unit) bool {
	_, ok := c.introduced.lookup(c.doc.Tokens, u)
	return ok
}

// titledName returns a unit for the one-word name [i, j) when the unit
// just before it is a title (an office's role word: "President Yoon") or
// a country's possessive ("South Korea's Yoon"), and the dictionaries name
// exactly one person by that word who holds that office or an office of
// that country on day.
func (c *context) titledName(units []unit, i, j, day int) (unit, bool) {
	if j-i != 1 || len(units) == 0 {
		return unit{}, false
	}
	toks := c.doc.Tokens
	p := units[len(units)-1]
	country, role := "", ""
	switch {
	case p.isAgent() && p.last == i && len(roleOf(p)) == 3 && titleWords[toks[i-1].Lower]:
		role = roleOf(p)
	case p.isCountry() && p.last+1 == i && toks[p.last].Lower == "'s" && len(p.r.code) == 3:
		country = p.r.code
	default:
		return unit{}, false
	}
	u, ok := c.d.titled(toks[i].Lower, day, country, role)
	if !ok {
		return unit{}, false
	}
	u.first, u.last = i, j
	return u, true
}
