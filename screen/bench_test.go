package screen_test

import (
	"context"
	"os"
	"testing"

	"github.com/oversight-project/oversight/rules"
)

// BenchmarkScreen measures warm screening of one transfer: registry and pack loaded, party
// resolution, fact derivation and rule evaluation included.
func BenchmarkScreen(b *testing.B) {
	s := newScreener(b)
	src, err := os.ReadFile("../examples/shanghai-psb-face-recognition.yaml")
	if err != nil {
		b.Fatal(err)
	}
	tr, err := s.Program.DecodeTransfer("example", bytesReader(src))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Screen(context.Background(), tr, rules.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
