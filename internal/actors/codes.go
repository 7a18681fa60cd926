package actors

// International and transnational actor prefixes (CAMEO and Phoenix), and
// historic or non-ISO country codes the PETRARCH dictionaries use.
var otherPrefixes = map[string]string{
	"IGO": "intergovernmental organisation", "NGO": "non-governmental organisation",
	"IMG": "international militarised group", "MNC": "multinational corporation",
	"INT": "international or unspecified", "UIS": "unidentified state actor",
	"AFR": "Africa", "ASA": "Asia", "CAS": "Central Asia", "EAF": "East Africa", "EEU": "Eastern Europe",
	"EUR": "Europe", "LAM": "Latin America", "MEA": "Middle East", "NAF": "North Africa",
	"SAF": "Southern Africa", "SAM": "South America", "SAS": "South Asia", "SEA": "Southeast Asia",
	"WAF": "West Africa", "WEU": "Western Europe", "WST": "the West", "BAH": "Bahamas (old code)",
	"CSK": "Czechoslovakia", "DDR": "East Germany", "USR": "Soviet Union", "YUG": "Yugoslavia",
	"SCG": "Serbia and Montenegro", "KSV": "Kosovo", "FRY": "Federal Republic of Yugoslavia",
	"ANG": "Angola (old code)", "CFR": "Central Africa", "EIN": "East Indies", "FRN": "France (old code)",
	"KKL": "Kashmir", "KNT": "Kurdistan", "KRJ": "Iraqi Kurdistan", "MOS": "Muslim world",
	"NMR": "North America", "SRP": "Republika Srpska", "TMP": "East Timor", "SUN": "Sunni",
	"HIN": "Hindu", "BUD": "Buddhist", "ELI": "elites", "MED": "media", "---": "unknown country",
}

// Roles are the CAMEO role codes that follow a country code. The first
// block is the core list; the rest are the secondary codes PETRARCH uses.
var Roles = map[string]string{
	"GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
	"OPP": "political opposition", "REB": "rebels", "INS": "insurgents", "SEP": "separatists",
	"UAF": "unaligned armed forces", "SPY": "intelligence", "BUS": "business", "MED": "media",
	"CVL": "civilians", "EDU": "education", "HLH": "health", "REF": "refugees", "LAB": "labour",
	"REL": "religious", "ELI": "elites", "CRM": "criminals",
	"AGR": "agriculture", "ENV": "environment", "HRI": "human rights", "DEV": "development",
	"PTY": "political party", "MOD": "moderate", "RAD": "radical", "IGO": "intergovernmental",
	"NGO": "non-governmental", "IMG": "international militarised group", "MNC": "multinational",
	"UNO": "United Nations", "MUS": "Muslim", "CHR": "Christian", "JEW": "Jewish", "HIN": "Hindu",
	"BUD": "Buddhist", "SHI": "Shia", "SUN": "Sunni", "PPL": "people", "SPP": "separatist party",
	"NON": "non-state", "MNT": "militia", "TER": "terrorist", "PRO": "protesters", "NAT": "national",
}

// KnownRole reports whether r is a role code.
func KnownRole(r string) bool { _, ok := Roles[r]; return ok }

// KnownActorPrefix reports whether p is an ISO 3166-1 alpha-3 country or a
// known international, regional or historic code.
func KnownActorPrefix(p string) bool {
	if isoCountries[p] {
		return true
	}
	_, ok := otherPrefixes[p]
	return ok
}

// Groups are the named-group and organisation blocks that may follow a
// prefix (IMGMUSISI is an international militarised Muslim group, the
// Islamic State; IGOEUREEC the European Union).
var Groups = map[string]string{
	"ISI": "Islamic State", "ALQ": "al-Qaeda", "HMS": "Hamas", "TAL": "Taliban", "HEZ": "Hezbollah",
	"EEC": "European Union", "NAT": "NATO", "GZA": "Gaza", "WBK": "West Bank", "AFB": "African Development Bank",
}

// knownBlock reports whether a block after the prefix is a role, a region
// or a named group.
func knownBlock(b string) bool {
	if KnownRole(b) || KnownActorPrefix(b) {
		return true
	}
	_, ok := Groups[b]
	return ok
}
