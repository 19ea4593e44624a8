package review

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to Parse: it must not panic, and what it
// returns must keep its contract (entries and sentences inside the text,
// valid UTF-8 sentence text, dates that FindDates can re-read).
func FuzzParse(f *testing.F) {
	for _, s := range []string{pdfReview, wire, digest, tableDoc, briefing,
		"# T\nMay 2020\n\n## A\n\n[x](#) *y* _z_ <sup>1</sup> “q.” Prof.\n\nnext.",
		"- **1 May** — a.\n- **2 May** — b.", "| a |\n|---|\n| 2024-01-01 |", "\uFEFF#\n##  \n###", "X, Jan. 1 -- y."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, Options{})
		if err != nil {
			return
		}
		if len(doc.Entries) == 0 {
			t.Fatal("no error and no entries")
		}
		for _, e := range doc.Entries {
			if e.Start < 0 || e.Start > e.End || e.End > len(doc.Text) {
				t.Fatalf("entry %q range [%d,%d] of %d", e.ID, e.Start, e.End, len(doc.Text))
			}
			for _, s := range e.Sentences {
				if s.Start < 0 || s.Start >= s.End || s.End > len(doc.Text) || !utf8.ValidString(s.Text) {
					t.Fatalf("sentence [%d,%d] of %d: %q", s.Start, s.End, len(doc.Text), s.Text)
				}
				for _, m := range FindDates(s.Text, doc.Issued) {
					if m.Start < 0 || m.End > len(s.Text) || s.Text[m.Start:m.End] != m.Text || m.Value == "" {
						t.Fatalf("date %+v in %q", m, s.Text)
					}
				}
			}
		}
	})
}

// FuzzFindDates: any string and issue date, no panic, offsets that slice
// the sentence, values of a valid ISO shape.
func FuzzFindDates(f *testing.F) {
	f.Add("On 13 May the plan (2025-2027) of March 2021 was signed, Sept. 18.", "2025-05")
	f.Add("from 16 to 20 September, on Monday, mid-2024", "2019-09-18")
	f.Fuzz(func(t *testing.T, s, issued string) {
		for _, m := range FindDates(s, issued) {
			if m.Start < 0 || m.Start >= m.End || m.End > len(s) || s[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v in %q", m, s)
			}
			if _, _, _, ok := parseISO(m.Value); !ok {
				t.Fatalf("value %q of %q is not ISO", m.Value, m.Text)
			}
		}
	})
}
