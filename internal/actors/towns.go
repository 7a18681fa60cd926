package actors

import (
	"strings"

	"github.com/annals-events/annals"
)

// Towns the dictionaries lack but the gazetteer knows stand for their
// country as places do ("Russian artillery pounded Kherson" is aimed at
// Ukraine), where the words around the name say it is a place: after a
// preposition of place or as a verb's object. A name elsewhere (a
// sentence's subject, beside other names) stays an unknown name: many
// towns share their name with people.

// townBefore are the words after which a name is read as a place.
var townBefore = map[string]bool{"in": true, "near": true, "at": true, "into": true, "from": true, "outside": true,
	"around": true, "across": true, "towards": true, "toward": true, "over": true, "on": true, "of": true, "to": true,
	"inside": true, "through": true, "throughout": true}

// town returns a place unit for the unknown name [i, j) when the
// gazetteer knows it as a town and its context reads as a place.
func (c *context) town(s annals.Sentence, i, j int) (unit, bool) {
	if c.d.town == nil {
		return unit{}, false
	}
	toks := c.doc.Tokens
	if i == s.First || j < s.Last && (toks[j].Tag == "NNP" || toks[j].Lower == "'s") {
		return unit{}, false
	}
	prev := &toks[i-1]
	if !townBefore[prev.Lower] && !strings.HasPrefix(prev.Tag, "VB") {
		return unit{}, false
	}
	if j-i == 1 && c.d.personWords[toks[i].Lower] {
		return unit{}, false // "condemned Lai": a person's name the dictionaries know
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	cc, ok := c.d.town(b.String())
	if !ok {
		return unit{}, false
	}
	e := &entry{toks: nil, rows: []row{{code: cc, loc: "gazetteer: town"}}, place: true}
	return unit{first: i, last: j, e: e, r: &e.rows[0]}, true
}
