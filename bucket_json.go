package annals

import (
	"encoding/json"
	"math"
	"strconv"
)

// MarshalJSON writes a bucket as encoding/json would from its fields,
// without reflection: a day timeline of ten years is 3,650 of them, and
// reflection was most of the time spent encoding it. A bucket whose
// strings are not plain dates, or whose score encoding/json would write
// in another form (an exponent, NaN), is left to encoding/json.
func (b Bucket) MarshalJSON() ([]byte, error) {
	g := math.Abs(b.Goldstein)
	if !plain(b.Start) || !plain(b.End) || math.IsNaN(b.Goldstein) || g >= 1e21 || g != 0 && g < 1e-6 {
		type fields Bucket // no MarshalJSON: encoding/json's own
		return json.Marshal(fields(b))
	}
	out := make([]byte, 0, 96)
	out = append(out, `{"start":"`...)
	out = append(out, b.Start...)
	out = append(out, `","end":"`...)
	out = append(out, b.End...)
	out = append(out, `","quad":[`...)
	for i, q := range b.Quad {
		if i > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendInt(out, int64(q), 10)
	}
	out = append(out, `],"events":`...)
	out = strconv.AppendInt(out, int64(b.Events), 10)
	out = append(out, `,"goldstein":`...)
	out = strconv.AppendFloat(out, b.Goldstein, 'f', -1, 64)
	return append(out, '}'), nil
}

// plain reports whether s needs no escaping in a JSON string: digits,
// ASCII letters and '-' only, as dates are.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
			return false
		}
	}
	return true
}
