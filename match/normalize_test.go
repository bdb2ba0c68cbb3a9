package match

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzASCIIForms: Normalize skips the Unicode forms for ASCII because they change nothing
// but case there.
func FuzzASCIIForms(f *testing.F) {
	f.Add("Hikvision Co., Ltd. K")
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got, want := decompose(s), strings.ToLower(s); got != want {
			t.Fatalf("decompose(%q)=%q, want %q", s, got, want)
		}
		if got := norm.NFC.String(s); got != s {
			t.Fatalf("NFC(%q)=%q", s, got)
		}
	})
}
