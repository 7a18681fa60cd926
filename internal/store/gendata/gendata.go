package gendata

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"time"
)

// Country codes by weight: a few dense countries, a long tail.
var countries = []string{"USA", "RUS", "CHN", "ISR", "UKR", "IRN", "PAK", "IND", "TUR", "SYR", "AFG", "IRQ", "SAU", "EGY", "GBR",
	"FRA", "DEU", "JPN", "PRK", "KOR", "YEM", "LBN", "PSE", "SDN", "LBY", "NGA", "ETH", "SOM", "MLI", "VEN",
	"COL", "MEX", "BRA", "ARG", "CUB", "BLR", "GEO", "ARM", "AZE", "KAZ", "UZB", "TJK", "KGZ", "MMR", "THA",
	"PHL", "IDN", "MYS", "VNM", "BGD", "LKA", "NPL", "KEN", "UGA", "COD", "CAF", "TCD", "NER", "BFA", "ZWE"}

var roles = []string{"", "GOV", "MIL", "GOV", "REB", "OPP", "BUS", "MED", "CVL", "COP", "LEG", ""}

var names = map[string]string{"GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "BUS": "business",
	"MED": "media", "CVL": "civilians", "COP": "police", "LEG": "parliament", "": "officials"}

type code struct {
	code, root, plover, verb string
	quad                     int
	g                        float64
}

var codes = []code{
	{"010", "01", "", "commented on", 1, 0}, {"020", "02", "", "appealed to", 1, 3}, {"036", "03", "CONSULT", "offered talks with", 1, 4},
	{"040", "04", "CONSULT", "met", 1, 1}, {"042", "04", "CONSULT", "visited", 1, 1.9}, {"043", "04", "CONSULT", "hosted", 1, 2.8},
	{"046", "04", "CONSULT", "negotiated with", 1, 7}, {"051", "05", "COOPERATE", "praised", 1, 3.4}, {"057", "05", "AGREE", "signed an agreement with", 1, 8},
	{"061", "06", "COOPERATE", "traded with", 2, 6.4}, {"070", "07", "AID", "sent aid to", 2, 7}, {"071", "07", "AID", "funded", 2, 7.4},
	{"111", "11", "ACCUSE", "criticised", 3, -2}, {"112", "11", "ACCUSE", "accused", 3, -2}, {"130", "13", "THREATEN", "threatened", 3, -4.4},
	{"141", "14", "PROTEST", "protested against", 3, -6.5}, {"163", "16", "SANCTION", "imposed sanctions on", 4, -8}, {"172", "17", "COERCE", "arrested members of", 4, -5},
	{"183", "18", "ASSAULT", "bombed", 4, -10}, {"190", "19", "ASSAULT", "struck", 4, -10}, {"193", "19", "ASSAULT", "fought", 4, -10}, {"195", "19", "ASSAULT", "shelled", 4, -10},
}

type place struct {
	name, country, adm1 string
	lat, lon            float64
}

var places = []place{
	{"Kabul", "AFG", "AF13", 34.53, 69.17}, {"Quetta", "PAK", "PK02", 30.18, 66.99}, {"Islamabad", "PAK", "PK08", 33.69, 73.06},
	{"Tehran", "IRN", "IR26", 35.69, 51.39}, {"Zahedan", "IRN", "IR04", 29.5, 60.86}, {"Gaza", "PSE", "GZ", 31.5, 34.47},
	{"Jerusalem", "ISR", "IS06", 31.77, 35.21}, {"Kyiv", "UKR", "UP12", 50.45, 30.52}, {"Kharkiv", "UKR", "UP07", 49.99, 36.23},
	{"Moscow", "RUS", "RS48", 55.76, 37.62}, {"Beijing", "CHN", "CH22", 39.9, 116.4}, {"Washington", "USA", "US11", 38.9, -77.04},
	{"New Delhi", "IND", "IN07", 28.61, 77.21}, {"Ankara", "TUR", "TU68", 39.93, 32.86}, {"Damascus", "SYR", "SY13", 33.51, 36.29},
	{"Aleppo", "SYR", "SY09", 36.2, 37.16}, {"Baghdad", "IRQ", "IZ07", 33.31, 44.36}, {"Riyadh", "SAU", "SA10", 24.71, 46.68},
	{"Cairo", "EGY", "EG11", 30.04, 31.24}, {"Khartoum", "SDN", "SU29", 15.5, 32.56}, {"Tripoli", "LBY", "LY77", 32.89, 13.19},
	{"Sanaa", "YEM", "YM26", 15.37, 44.19}, {"Beirut", "LBN", "LE04", 33.89, 35.5}, {"Mogadishu", "SOM", "SO02", 2.05, 45.32},
	{"Bamako", "MLI", "ML08", 12.64, -8}, {"Caracas", "VEN", "VE25", 10.49, -66.88}, {"Bogota", "COL", "CO34", 4.71, -74.07},
	{"Minsk", "BLR", "BO04", 53.9, 27.56}, {"Tbilisi", "GEO", "GG51", 41.72, 44.78}, {"Yangon", "MMR", "BM17", 16.87, 96.2},
}

// zipf picks index i of n with weight 1/(i+1).
type zipf struct{ cum []float64 }

func newZipf(n int, s float64) *zipf {
	z := &zipf{cum: make([]float64, n)}
	t := 0.0
	for i := range n {
		t += 1 / math.Pow(float64(i+1), s)
		z.cum[i] = t
	}
	for i := range z.cum {
		z.cum[i] /= t
	}
	return z
}

func (z *zipf) pick(r *rand.Rand) int {
	x := r.Float64()
	lo, hi := 0, len(z.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if z.cum[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// batch is a multi-row INSERT.
type batch struct {
	tx     *sql.Tx
	head   string
	cols   int
	dollar bool
	rows   int
	args   []any
}

// add queues a row; the caller flushes every batch, in the order of
// their foreign keys, once one is full.
func (b *batch) add(_ context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	b.rows++
	return nil
}

func (b *batch) full() bool { return b.rows*b.cols >= 12000 }

func (b *batch) flush(ctx context.Context) error {
	if b.rows == 0 {
		return nil
	}
	var q strings.Builder
	q.WriteString(b.head)
	q.WriteString(" VALUES ")
	n := 0
	for r := range b.rows {
		if r > 0 {
			q.WriteByte(',')
		}
		q.WriteByte('(')
		for c := range b.cols {
			if c > 0 {
				q.WriteByte(',')
			}
			n++
			if b.dollar {
				q.WriteString("$" + strconv.Itoa(n))
			} else {
				q.WriteByte('?')
			}
		}
		q.WriteByte(')')
	}
	_, err := b.tx.ExecContext(ctx, q.String(), b.args...)
	b.rows, b.args = 0, b.args[:0]
	return err
}

func flushAll(ctx context.Context, bs ...*batch) error {
	for _, b := range bs {
		if err := b.flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Generate writes n events (ids 1..n) with about n/2 documents into an
// empty store's tables through db, an SQLite (dialect "sqlite") or
// PostgreSQL ("postgres") handle.
func Generate(ctx context.Context, db *sql.DB, dialect string, n int, seed int64) error {
	r := rand.New(rand.NewSource(seed))
	pg := dialect == "postgres"
	cz := newZipf(len(countries), 1.1)
	kz := newZipf(len(codes), 0.6)
	pz := newZipf(len(places), 0.8)
	ndocs := max(1, n/2)
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	const chunk = 50000
	actor := func() string {
		c := countries[cz.pick(r)]
		if r.Intn(50) == 0 {
			c = "---"
		}
		return c + roles[r.Intn(len(roles))]
	}
	human := func(a string) string { return a[:3] + " " + names[a[3:]] }
	modes := func() string {
		switch x := r.Intn(100); {
		case x < 85:
			return "asserted"
		case x < 91:
			return "reported"
		case x < 95:
			return "intended"
		case x < 98:
			return "negated"
		}
		return "hypothetical"
	}
	type ev struct {
		id                   int64
		src, tgt, srcT, tgtT string
		k                    code
		mode, date           string
		pl                   *place
	}
	for lo := 0; lo < n; lo += chunk {
		hi := min(n, lo+chunk)
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		mk := func(head string, cols int) *batch { return &batch{tx: tx, head: head, cols: cols, dollar: pg} }
		docs := mk(`INSERT INTO documents (id, url, title, source, published, content_hash, text, ingested_at)`, 8)
		sents := mk(`INSERT INTO sentences (doc_id, idx, start_off, end_off, text)`, 5)
		events := mk(`INSERT INTO events (id, source, target, code, root, quad_class, goldstein, plover, mode, event_date, date_precision,
			loc_name, country, adm1, lat, lon, loc_precision, confidence, rule, source_text, target_text, num_mentions, num_sources, num_articles)`, 24)
		evid := mk(`INSERT INTO evidence (event_id, doc_id, sentence_index, mentions, source_text, target_text, source_start, source_end,
			target_start, target_end, trigger_start, trigger_end, rule, confidence, mode)`, 15)
		// events lo..hi-1 belong to documents lo/2..(hi-1)/2: two each
		for d := lo / 2; d <= (hi-1)/2 && d < ndocs; d++ {
			day := base.AddDate(0, 0, d*3650/ndocs)
			var evs []ev
			var text strings.Builder
			type span struct{ s, e int }
			var sp []span
			for j := 0; j < 2; j++ {
				i := 2*d + j
				if i < lo || i >= hi {
					continue
				}
				e := ev{id: int64(i + 1), src: actor(), tgt: actor(), k: codes[kz.pick(r)], mode: modes(),
					date: day.AddDate(0, 0, -r.Intn(3)).Format("2006-01-02")}
				for e.tgt[:3] == e.src[:3] && r.Intn(4) != 0 {
					e.tgt = actor()
				}
				e.srcT, e.tgtT = human(e.src), human(e.tgt)
				if r.Intn(2) == 0 {
					p := places[pz.pick(r)]
					e.pl = &p
				}
				evs = append(evs, e)
			}
			for j, e := range evs {
				if text.Len() > 0 {
					text.WriteByte(' ')
				}
				s := text.Len()
				fmt.Fprintf(&text, "The %s %s the %s", e.srcT, e.k.verb, e.tgtT)
				if e.pl != nil {
					text.WriteString(" near " + e.pl.name)
				}
				text.WriteString(" on " + e.date + ".")
				sp = append(sp, span{s, text.Len()})
				_ = j
			}
			s := text.Len()
			fmt.Fprintf(&text, " Report %d of the archive.", d)
			sp = append(sp, span{s + 1, text.Len()})
			txt := text.String()
			id := fmt.Sprintf("gen-%08d", d)
			src := fmt.Sprintf("Wire %d", d%30)
			if err := docs.add(ctx, id, "https://example.org/"+id, "Report "+strconv.Itoa(d), src, day.Format("2006-01-02"),
				fmt.Sprintf("%016x", uint64(d)*0x9E3779B97F4A7C15), txt, day.Format(time.RFC3339)); err != nil {
				return err
			}
			for k, x := range sp {
				if err := sents.add(ctx, id, k, x.s, x.e, txt[x.s:x.e]); err != nil {
					return err
				}
			}
			for j, e := range evs {
				// one event in five is also told by the document six
				// before, from another wire
				arts := 1
				if e.id%5 == 0 && d >= 6 {
					arts = 2
				}
				conf := 0.6 + float64(e.id%40)/100
				var ln, cc, adm, lp any
				var lat, lon any
				if e.pl != nil {
					ln, cc, adm, lat, lon, lp = e.pl.name, e.pl.country, e.pl.adm1, e.pl.lat, e.pl.lon, "city"
				}
				if err := events.add(ctx, e.id, e.src, e.tgt, e.k.code, e.k.root, e.k.quad, e.k.g, e.k.plover, e.mode, e.date, "day",
					ln, cc, adm, lat, lon, lp, conf, "gen", e.srcT, e.tgtT, arts, arts, arts); err != nil {
					return err
				}
				x := sp[j]
				for a := 0; a < arts; a++ {
					doc, sent := id, j
					if a == 1 {
						doc, sent = fmt.Sprintf("gen-%08d", d-6), 2
					}
					if err := evid.add(ctx, e.id, doc, sent, 1, e.srcT, e.tgtT, x.s+4, x.s+4+len(e.srcT), x.e-len(e.tgtT)-1, x.e-1,
						x.s+5+len(e.srcT), x.s+5+len(e.srcT)+len(e.k.verb), "gen", conf, e.mode); err != nil {
						return err
					}
				}
			}
			if docs.full() || sents.full() || events.full() || evid.full() {
				if err := flushAll(ctx, docs, sents, events, evid); err != nil {
					return err
				}
			}
		}
		if err := flushAll(ctx, docs, sents, events, evid); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		if hi%1000000 == 0 {
			log.Printf("gendata: %d events", hi)
		}
	}
	if pg {
		if _, err := db.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('events', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM events)))`); err != nil {
			return err
		}
	}
	_, err := db.ExecContext(ctx, `ANALYZE`)
	return err
}

// loaded are the tables Generate fills.
var loaded = []string{"documents", "sentences", "events", "evidence"}

// GenerateBulk is Generate with the secondary indexes of the tables it
// fills dropped first and made again after the load, each in one pass
// over sorted keys instead of one insertion per row: the same rows and
// the same indexes, sooner. Indexes that back a key or a constraint stay.
func GenerateBulk(ctx context.Context, db *sql.DB, dialect string, n int, seed int64) error {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('` + strings.Join(loaded, "','") + `') ORDER BY name`
	if dialect == "postgres" {
		// on the partitioned events, the parent's indexes (dropping one
		// drops its partitions')
		q = `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename IN ('` + strings.Join(loaded, "','") + `')
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass) ORDER BY i.indexname`
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return err
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range names {
		if _, err := db.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return err
		}
	}
	if err := Generate(ctx, db, dialect, n, seed); err != nil {
		return err
	}
	for _, def := range defs {
		// PostgreSQL shows a partitioned index as made ON ONLY the parent,
		// which would leave the partitions without theirs
		def = strings.Replace(def, " ON ONLY ", " ON ", 1)
		if _, err := db.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("gendata: %s: %w", def, err)
		}
	}
	_, err = db.ExecContext(ctx, `ANALYZE`)
	return err
}
