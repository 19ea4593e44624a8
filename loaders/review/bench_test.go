package review

import (
	"fmt"
	"strings"
	"testing"
)

// generatedDocument builds a review of about size bytes in the layouts
// Parse reads: headed sections with markup, page breaks, wire datelines,
// digest-style lists and a table.
func generatedDocument(size int) string {
	var b strings.Builder
	b.WriteString("SAMPLE INSTITUTE FOR\nOCEAN STUDIES\n\n# OCEAN\n\n## RESEARCH MONTHLY\n\nJune 2024\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## Section %d on **Reef Cooperation**\n\n", i)
		fmt.Fprintf(&b, "SUVA, June %d -- On %d May the Fiji Marine Agency (FMA) and the Chile Ocean Office [signed](#) a memorandum on tide data. ", i%28+1, i%28+1)
		b.WriteString("Dr. Ana Ruiz, head of the office, said “the work begins now.” It runs (2024-2027) and builds on talks held in March 2021.\n\n")
		b.WriteString("The *Haiyan-3* probe, built by the U.S. and Fijian teams, reached 6,000 metres and carried the 3<sup>rd</sup> generation sonar of the coastal\n\n")
		b.WriteString("shelf survey, which Prof. Lena Marsh led with 33 participating institutes in 2019.\n\n")
		b.WriteString("- A list item on joint training, e.g. courses on reef monitoring.\n\n")
		if i%10 == 0 {
			b.WriteString("| Date | Parties | Agreement |\n|---|---|---|\n| 2024-06-03 | FMA; Chile Ocean Office | Accord on Reef Data |\n\n")
		}
	}
	return b.String()
}

func BenchmarkParse(b *testing.B) {
	text := []byte(generatedDocument(1 << 20))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindDates(b *testing.B) {
	s := "On 13 May the ministers met in Beijing and adopted a plan (2025-2027) building on the accord of March 2021, and 33 countries joined."
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		FindDates(s, "2025-05")
	}
}

func TestGeneratedDocumentParses(t *testing.T) {
	doc := mustParse(t, generatedDocument(64<<10), Options{})
	checkOffsets(t, doc)
	if doc.Issued != "2024-06" || len(doc.Entries) < 50 {
		t.Errorf("issued %q, %d entries", doc.Issued, len(doc.Entries))
	}
	for _, e := range doc.Entries {
		if e.Date == "" || len(e.Sentences) != 5 {
			t.Fatalf("entry %s: date %q, %d sentences %q", e.ID, e.Date, len(e.Sentences), sentences(&Document{Entries: []Entry{e}}))
		}
	}
}
