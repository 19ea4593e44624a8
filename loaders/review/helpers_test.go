package review

import (
	"strings"
	"testing"
)

// mustParse parses text or fails the test.
func mustParse(tb testing.TB, text string, opt Options) *Document {
	tb.Helper()
	doc, err := Parse([]byte(text), opt)
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return doc
}

// headings lists the entry headings of doc.
func headings(doc *Document) []string {
	var hs []string
	for _, e := range doc.Entries {
		hs = append(hs, e.Heading)
	}
	return hs
}

// sentences lists the sentence texts of doc.
func sentences(doc *Document) []string {
	var ss []string
	for _, e := range doc.Entries {
		for _, s := range e.Sentences {
			ss = append(ss, s.Text)
		}
	}
	return ss
}

// checkOffsets asserts that entries and sentences lie inside the text, in
// order, and that each sentence's source slice holds the first and last
// words of its cleaned text.
func checkOffsets(tb testing.TB, doc *Document) {
	tb.Helper()
	prevEnd := 0
	for _, e := range doc.Entries {
		if e.Start < prevEnd || e.Start > e.End || e.End > len(doc.Text) {
			tb.Errorf("entry %s: bad range [%d,%d] after %d", e.ID, e.Start, e.End, prevEnd)
			continue
		}
		prevEnd = e.End
		last := e.Start
		for _, s := range e.Sentences {
			if s.Start < last || s.Start >= s.End || s.End > e.End {
				tb.Errorf("entry %s: sentence [%d,%d] outside [%d,%d] or before %d: %q", e.ID, s.Start, s.End, e.Start, e.End, last, s.Text)
				continue
			}
			last = s.End
			checkSentenceSlice(tb, doc.Text[s.Start:s.End], s.Text)
		}
	}
}

// checkSentenceSlice asserts that src holds the first and last words of text.
func checkSentenceSlice(tb testing.TB, src, text string) {
	tb.Helper()
	words := strings.Fields(text)
	if len(words) == 0 {
		tb.Errorf("empty sentence for source %q", src)
		return
	}
	for _, w := range []string{words[0], words[len(words)-1]} {
		w = strings.Trim(w, `.,;:!?"“”‘’()[]*_`)
		if !strings.Contains(src, w) {
			tb.Errorf("word %q of sentence %q is not in its source slice %q", w, text, src)
		}
	}
}
