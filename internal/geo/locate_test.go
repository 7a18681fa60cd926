package geo_test

import (
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/pipeline"
)

// locateCases are written for annals in the style of wire copy: the event
// is given by its cue (the trigger's words), code, actors and mode, as
// the evaluation gives gold events, so that the locator is tested apart
// from the coder. want is NAME=COUNTRY/basis, or - for no location.
var locateCases = []struct {
	text, cue, code, source, target, targetText string
	mode                                        annals.Mode
	want                                        string
}{
	// the object of in, at, near ... in the event's own clause
	{"Iran launched strikes on militant bases in Pakistan's southwestern Baluchistan province.", "launched", "195", "IRN", "PAK", "", "", "Baluchistan=PAK/clause"},
	{"Gunmen stormed a hotel in Mogadishu, killing at least ten people.", "stormed", "190", "SOMINS", "SOM", "", "", "Mogadishu=SOM/clause"},
	{"At least five people died when a bomb exploded at a market in Quetta.", "exploded", "190", "", "", "", "", "Quetta=PAK/clause"},
	{"Two children were killed in the attack in Herat on Friday.", "killed", "190", "AFGINS", "AFG", "", "", "Herat=AFG/clause"},
	{"Protesters gathered outside parliament in Tbilisi on Sunday.", "gathered", "141", "GEO", "GEOGOV", "", "", "Tbilisi=GEO/clause"},
	{"Police in the Kenyan capital Nairobi fired tear gas at protesters.", "fired", "175", "KENCOP", "KEN", "", "", "Nairobi=KEN/clause"},
	{"UN officials met in Geneva on Tuesday.", "met", "040", "IGOUNO", "", "", "", "Geneva=CHE/clause"},
	{"President Lai Ching-te met the visiting delegation in Taipei.", "met", "040", "TWNGOV", "USA", "", "", "Taipei=TWN/clause"},
	{"The army said troops killed ten militants in a raid in Khost province.", "killed", "190", "AFGMIL", "AFGINS", "", "", "Khost province=AFG/clause"},
	{"In the old quarter of Aleppo, crowds marched to the citadel and some youths tore down posters.", "tore down", "145", "SYR", "", "", "", "Aleppo=SYR/clause"},
	{"The rebels seized power in Mali in 2012 as French troops were withdrawing from the country.", "withdrawing", "0874", "FRAMIL", "MLI", "", "", "Mali=MLI/clause"},
	{"Kenya held a disputed vote on Tuesday. Protests spread across the country within hours.", "spread", "141", "KEN", "KENGOV", "", "", "Kenya=KEN/clause"},
	// a speaker's place is the statement's, not the place of what is reported
	{"The defence ministry in Kabul said that Afghan forces shelled Pakistani border posts.", "said", "010", "AFGGOV", "", "", "", "Kabul=AFG/clause"},
	{"Officials in Kandahar condemned the bombing.", "condemned", "111", "AFGGOV", "", "", "", "Kandahar=AFG/clause"},
	{"The envoy said in Islamabad that militants operating from Afghanistan had carried out the attack.", "said", "010", "PAK", "", "", "", "Islamabad=PAK/clause"},
	{"The envoy said in Islamabad that militants operating from Afghanistan had carried out the attack.", "carried out", "190", "AFGINS", "PAK", "", "", "-"},
	{"The ministry said militants based in Afghanistan attacked a checkpoint in Peshawar.", "attacked", "190", "AFGINS", "PAK", "", "", "Peshawar=PAK/clause"},
	// a verbal act is where it is said, not where its object is
	{"The UN chief condemned the bombing in Kabul.", "condemned", "111", "IGOUNO", "AFG", "", "", "-"},
	{"The foreign minister condemned the attack on a mosque in Peshawar.", "condemned", "111", "PAKGOV", "", "", "", "-"},
	// prepositions that place no event, and directional ones for the events they place
	{"India downgraded ties with Pakistan on Wednesday.", "downgraded", "161", "IND", "PAK", "", "", "-"},
	{"Pakistan reached out to India after the clashes.", "reached out", "040", "PAK", "IND", "", "", "-"},
	{"Pakistan closed its airspace to Indian airlines.", "closed", "172", "PAK", "IND", "", "", "-"},
	{"The prime minister will travel to Beijing next week.", "travel", "042", "PAKGOV", "CHN", "", annals.Intended, "Beijing=CHN/clause"},
	{"Iran fired dozens of missiles towards Israel overnight.", "fired", "195", "IRN", "ISR", "", "", "Israel=ISR/clause"},
	{"Hamas fighters crossed into Israel before dawn.", "crossed", "190", "PSEINS", "ISR", "", "", "Israel=ISR/clause"},
	{"Israeli troops will withdraw from southern Lebanon within sixty days.", "withdraw", "0871", "ISRMIL", "LBN", "", annals.Intended, "Lebanon=LBN/clause"},
	// the place struck: a target that is a place, or a site of a country
	{"Russian artillery pounded Kherson overnight.", "pounded", "195", "RUS", "UKR", "Kherson", "", "Kherson=UKR/target"},
	{"Israel struck a key Iranian nuclear site on Saturday, officials said.", "struck", "190", "ISR", "IRN", "Iranian", "", "Iran=IRN/target"},
	{"Afghan forces shelled Pakistani border posts overnight.", "shelled", "195", "AFGMIL", "PAK", "Pakistani", "", "Pakistan=PAK/target"},
	{"Troops stormed the Tulkarm refugee camp before dawn.", "stormed", "190", "ISRMIL", "", "", "", "Tulkarm=PSE/target"},
	{"Warplanes struck the port of Latakia on Sunday.", "struck", "195", "ISRMIL", "", "", "", "Latakia=SYR/target"},
	// a target actor's country is not the place of the act
	{"U.S. warships shot down several Iranian drones.", "shot down", "190", "USAMIL", "IRN", "Iranian", "", "-"},
	// relative clauses and nominals carry their event's place
	{"The strike on the consulate in Damascus, which killed seven officers, drew condemnation.", "killed", "190", "ISR", "IRN", "", "", "Damascus=SYR/clause"},
	{"The talks began in Doha on Monday.", "talks", "040", "USA", "AFGINS", "", "", "Doha=QAT/clause"},
	{"Iran launched drone strikes on what it said were bases of a militant group in Pakistan's southwestern Balochistan province on Tuesday.", "launched", "195", "IRN", "PAK", "", "", "Balochistan=PAK/clause"},
	// the dateline: for its country's actors among themselves, and for meetings
	{"ISLAMABAD (Reuters) - Pakistan's cabinet approved the budget on Tuesday.", "approved", "057", "PAKGOV", "", "", "", "Islamabad=PAK/dateline"},
	{"KABUL (AP) - Pakistani and Afghan officials met on Monday to discuss the border.", "met", "040", "PAKGOV", "AFGGOV", "", "", "Kabul=AFG/dateline"},
	{"ISLAMABAD (Reuters) - Pakistan's foreign office summoned the Iranian envoy on Tuesday.", "summoned", "111", "PAKGOV", "IRNGOV", "", "", "-"},
	{"KABUL (AP) - The Taliban said they would reopen the crossing next week.", "reopen", "036", "AFG", "", "", annals.Intended, "-"},
	{"BEIRUT (Reuters) - Israeli jets struck targets overnight, residents said.", "struck", "190", "ISRMIL", "LBN", "", "", "-"},
	// the dateline does not stand in for a place the text names but the gazetteer lacks
	{"PESHAWAR, Pakistan (AP) - Militants attacked a checkpoint in Datta Khel on Saturday.", "attacked", "190", "PAKINS", "PAKMIL", "", "", "-"},
	// the lede's scene: a later event of the same actors on the same day
	{"Pakistani troops killed five militants in Quetta on Monday. The soldiers also arrested two suspects.", "arrested", "173", "PAKMIL", "PAKINS", "", "", "Quetta=PAK/scene"},
	{"Pakistani troops killed five militants in Quetta on Monday. The soldiers also arrested two suspects.", "arrested", "173", "PAKMIL", "", "", "", "Quetta=PAK/scene"},
	{"Pakistani troops killed five militants in Quetta on Monday. On Wednesday, the soldiers arrested two suspects.", "arrested", "173", "PAKMIL", "PAKINS", "", "", "-"},
	{"Pakistani troops killed five militants in Quetta on Monday. The militants' leader denounced the army.", "denounced", "111", "PAKINS", "PAKMIL", "", "", "-"},
	{"Pakistani and Afghan officials met in Doha on Monday. The two sides signed an agreement on trade.", "signed", "057", "PAKGOV", "AFGGOV", "", "", "Doha=QAT/scene"},
	{"Pakistani and Afghan officials met in Doha on Monday. Pakistan also imposed sanctions on Afghanistan.", "imposed", "163", "PAKGOV", "AFGGOV", "", "", "-"},
	// wire datelines in their common forms (text.ParseDateline)
	{"Tehran [Iran], January 28 (IRNA) - Iranian police arrested two men.", "arrested", "173", "IRNCOP", "IRNCVL", "", "", "Tehran=IRN/dateline"},
	{"Quetta, Jan 28 (APP): Pakistani police arrested two men.", "arrested", "173", "PAKCOP", "PAKCVL", "", "", "Quetta=PAK/dateline"},
	{"WASHINGTON/BEIRUT (Reuters) -Lebanese police arrested two men.", "arrested", "173", "LBNCOP", "LBNCVL", "", "", "-"},
	// curated regions, seas and crossings (tools/gengeo/features.tsv)
	{"PESHAWAR, Pakistan (AP) - Militants attacked a checkpoint in South Waziristan on Saturday.", "attacked", "190", "PAKINS", "PAKMIL", "", "", "South Waziristan=PAK/clause"},
	{"Chinese coast guard ships rammed a Philippine vessel in the South China Sea.", "rammed", "190", "CHNCOP", "PHLGOV", "", "", "South China Sea=/clause"},
	{"PESHAWAR, Pakistan (AP) - Militants attacked a checkpoint on Saturday.", "attacked", "190", "PAKINS", "PAKMIL", "", "", "Peshawar=PAK/dateline"},
}

func TestLocate(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	for _, c := range locateCases {
		a := &annals.Article{ID: "t", Text: c.text, Published: ref}
		r := p.Process(a, ref)
		i := strings.Index(c.text, c.cue)
		if i < 0 {
			t.Fatalf("cue %q not in %q", c.cue, c.text)
		}
		e := annals.Event{Code: c.code, Root: c.code[:2], Source: c.source, Target: c.target, Mode: c.mode}
		if e.Mode == "" {
			e.Mode = annals.Asserted
		}
		if c.targetText != "" {
			k := strings.Index(c.text, c.targetText)
			e.TargetSpan, e.TargetText = annals.Span{Start: k, End: k + len(c.targetText)}, c.targetText
		}
		loc, _, ok := p.PlaceAtSpan(r, annals.Span{Start: i, End: i + len(c.cue)}, e)
		if !ok {
			t.Errorf("%q: cue %q not placed", c.text, c.cue)
			continue
		}
		got := "-"
		if loc != nil {
			got = loc.Name + "=" + loc.Country + "/" + loc.Basis
		}
		if got != c.want {
			t.Errorf("%q at %q (%s %s->%s): got %s, want %s", c.text, c.cue, c.code, c.source, c.target, got, c.want)
		}
	}
}
