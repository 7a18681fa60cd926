package syntax

import "strings"

// irregularVerbs lists English irregular verbs as "base past participle"
// (alternatives joined by '/'). The treebank has too few of them, and
// too few of their forms, for the tagger and lemmatizer to learn from
// news text ("withdrew", "overran", "shot"): the lemmatizer reads a past
// form's lemma here when the treebank does not have it, and the tagger's
// ambiguity class of a form that is both past tense and participle holds
// both tags.
const irregularVerbs = `arise arose arisen
awake awoke awoken
be was/were been
bear bore borne/born
beat beat beaten
become became become
begin began begun
bend bent bent
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt/burned burnt/burned
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamt/dreamed dreamt/dreamed
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got got/gotten
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
lean leant/leaned leant/leaned
leap leapt/leaped leapt/leaped
learn learnt/learned learnt/learned
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
overcome overcame overcome
overrun overran overrun
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid paid
prove proved proven/proved
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
redo redid redone
repay repaid repaid
rethink rethought rethought
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
speak spoke spoken
speed sped sped
spend spent spent
spill spilt/spilled spilt/spilled
spin spun spun
spit spat spat
split split split
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
undo undid undone
upset upset upset
uphold upheld upheld
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written`

// irregularForm is what the table says of a lowercase past or
// participle form: its verb's base form, and whether it is a past tense,
// a participle, or both ("struck"). A form that is also a base form
// ("run", "cut") is neither past only nor participle only.
type irregularForm struct {
	base       string
	past, part bool
	alsoBase   bool
}

// both reports a form that may be past tense or participle.
func (f irregularForm) both() bool { return f.past && f.part || f.alsoBase }

// class is the form's class for the tagger (lex.irr): 0 not in the
// table, 1 past only ("spoke"), 2 participle only ("spoken"), 3 either.
func (f irregularForm) class() uint8 {
	switch {
	case f.base == "":
		return 0
	case f.alsoBase || f.past && f.part:
		return 3
	case f.past:
		return 1
	}
	return 2
}

var irregular = func() map[string]irregularForm {
	m := map[string]irregularForm{}
	bases := map[string]bool{}
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		bases[f[0]] = true
		for _, p := range strings.Split(f[1], "/") {
			e := m[p]
			e.base, e.past = f[0], true
			m[p] = e
		}
		for _, p := range strings.Split(f[2], "/") {
			e := m[p]
			e.base, e.part = f[0], true
			m[p] = e
		}
	}
	for w, e := range m {
		if bases[w] {
			e.alsoBase = true
			m[w] = e
		}
	}
	return m
}()

// irregularClass is the tagger class of each table form, by hash.
var irregularClass = func() map[uint64]uint8 {
	m := map[uint64]uint8{}
	for w, f := range irregular {
		m[hashString(w)] = f.class()
	}
	return m
}()
