package syntax

import (
	"os"
	"testing"
)

// TestNewsGolden parses hand-made gold trees of news sentences
// (testdata/news.conllu, written for annals) and reports UAS and LAS.
// The floors sit five points under what the shipped model scores (UAS
// 86.9, LAS 85.1 with predicted tags),
// so the test fails on a real regression, not on noise.
func TestNewsGolden(t *testing.T) {
	if _, err := os.Stat("testdata/news.conllu"); err != nil {
		t.Skip("testdata/news.conllu not present")
	}
	gold := readTestdata(t, "news.conllu")
	p := defaultParser(t)
	sc := Evaluate(p, gold, false)
	t.Logf("news golden set: %v", sc)
	gt := Evaluate(p, gold, true)
	t.Logf("news golden set, gold tags: %v", gt)
	if sc.UASAcc() < newsFloorUAS || sc.LASAcc() < newsFloorLAS {
		t.Errorf("news golden set below floor (UAS %.1f, LAS %.1f): %v", newsFloorUAS, newsFloorLAS, sc)
	}
}

const (
	newsFloorUAS = 81.5
	newsFloorLAS = 80.0
)
