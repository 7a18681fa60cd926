package annals

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"testing"
)

// TestBucketJSON: a bucket's JSON is byte for byte what encoding/json
// writes from its fields, for scores and counts of every sign and size
// and for strings that need escaping, in a list as timelines are.
func TestBucketJSON(t *testing.T) {
	type fields Bucket
	r := rand.New(rand.NewSource(1))
	bs := []Bucket{{}, {Start: "2020-01-06", End: "2020-01-12", Quad: [5]int{0, 1, 2, 3, 4}, Events: 10, Goldstein: -3.45},
		{Start: "<b>&\"x\"", End: "é\u2028"}, {Goldstein: 1e-7}, {Goldstein: -2.5e22}, {Goldstein: 123456.789}, {Goldstein: -0.01},
		{Start: "2020-01-01", Quad: [5]int{-1, math.MaxInt32, 0, 0, 0}, Events: -5}}
	for range 1000 {
		bs = append(bs, Bucket{Start: "2021-03-01", End: "2021-03-07", Quad: [5]int{0, r.Intn(1000), r.Intn(10), r.Intn(100000), r.Intn(3)},
			Events: r.Intn(1 << 20), Goldstein: math.Round((r.Float64()*20-10)*100) / 100})
	}
	for _, b := range bs {
		got, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(fields(b))
		if !bytes.Equal(got, want) {
			t.Errorf("%+v: %s, encoding/json %s", b, got, want)
		}
	}
	var list, want bytes.Buffer
	json.NewEncoder(&list).Encode(map[string]any{"buckets": bs})
	ff := make([]fields, len(bs))
	for i, b := range bs {
		ff[i] = fields(b)
	}
	json.NewEncoder(&want).Encode(map[string]any{"buckets": ff})
	if !bytes.Equal(list.Bytes(), want.Bytes()) {
		t.Error("a list of buckets differs from encoding/json's")
	}
	if _, err := json.Marshal(Bucket{Goldstein: math.NaN()}); err == nil {
		t.Error("a NaN score encoded")
	}
}
