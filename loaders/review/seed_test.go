package review

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const seedName = "000_17e0c0e76aac70b7.txt"

// findUp walks up from the package directory to the first directory that
// holds rel, and returns the joined path, or "".
func findUp(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// mustReadShared reads a file under the shared directory next to the
// module; a missing file fails under CI=true and skips otherwise.
func mustReadShared(tb testing.TB, rel string) []byte {
	tb.Helper()
	p := findUp(tb, filepath.Join("shared", rel))
	if p == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("shared/%s not found above the package directory", rel)
		}
		tb.Skipf("shared/%s not found above the package directory", rel)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// tocRE matches a table-of-contents item: a list item that is one bold span.
var tocRE = regexp.MustCompile(`(?m)^- \*\*(.+?)\*\*\s*$`)

func TestParseSeed(t *testing.T) {
	text := mustReadShared(t, filepath.Join("seeds", seedName))
	doc := mustParse(t, string(text), Options{})
	checkOffsets(t, doc)
	if doc.Issued != "2025-05" || doc.Format != FormatReview {
		t.Errorf("issued %q, format %q", doc.Issued, doc.Format)
	}
	if doc.Title == "" || doc.Publisher == "" || !isLatin(doc.Publisher) {
		t.Errorf("title %q, publisher %q", doc.Title, doc.Publisher)
	}
	var toc []string
	for _, m := range tocRE.FindAllStringSubmatch(string(text), -1) {
		toc = append(toc, m[1])
	}
	if len(toc) != 5 || strings.Join(headings(doc), "|") != strings.Join(toc, "|") {
		t.Errorf("entry headings %q, want the table of contents %q", headings(doc), toc)
	}
	for _, e := range doc.Entries {
		if len(e.Sentences) == 0 {
			t.Errorf("entry %s has no sentences", e.ID)
		}
	}
	checkPageBreaksRejoined(t, doc)
	t.Logf("seed: %d entries, %d sentences", len(doc.Entries), len(sentences(doc)))
}

// pageBreakRE matches a paragraph that stops mid-sentence (a letter, comma
// or title abbreviation before the blank line) followed by plain text.
var pageBreakRE = regexp.MustCompile(`(?m)(?:[a-z,]|\b(?:Prof|Dr|Mr|Ms|Mrs)\.)[ \t]*\n\n[A-Za-z]`)

// checkPageBreaksRejoined asserts that every page break inside an entry's
// text lies inside one sentence, and that no sentence ends with a title.
func checkPageBreaksRejoined(tb testing.TB, doc *Document) {
	tb.Helper()
	breaks := 0
	for _, loc := range pageBreakRE.FindAllStringIndex(doc.Text, -1) {
		e := entryAt(doc, loc[0])
		lineStart := strings.LastIndexByte(doc.Text[:loc[0]], '\n') + 1
		if e == nil || doc.Text[lineStart] == '#' {
			continue
		}
		breaks++
		if !spanned(e, loc[0]+1) {
			tb.Errorf("page break at %d (%q) splits a sentence", loc[0], doc.Text[max(0, loc[0]-30):loc[1]+20])
		}
	}
	if testing.Verbose() {
		tb.Logf("%d page breaks inside entries", breaks)
	}
	if breaks == 0 {
		tb.Errorf("no page breaks found inside entries; the check is vacuous")
	}
	for _, s := range sentences(doc) {
		if titleEndRE.MatchString(s) {
			tb.Errorf("sentence ends with a title: %q", s)
		}
	}
}

var titleEndRE = regexp.MustCompile(`\b(Prof|Dr|Mr|Ms|Mrs)\.$`)

func entryAt(doc *Document, pos int) *Entry {
	for i := range doc.Entries {
		if e := &doc.Entries[i]; e.Start <= pos && pos < e.End {
			return e
		}
	}
	return nil
}

func spanned(e *Entry, pos int) bool {
	for _, s := range e.Sentences {
		if s.Start < pos && pos < s.End {
			return true
		}
	}
	return false
}

// corpusNameRE matches the documents of corpus/: YYYY-MM-style.md or .txt.
var corpusNameRE = regexp.MustCompile(`^\d{4}-\d{2}-[a-z0-9-]+\.(md|txt)$`)

func TestParseCorpus(t *testing.T) {
	dir := findUp(t, "corpus")
	if dir == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no corpus directory above the package")
		}
		t.Skip("no corpus directory above the package")
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if f.IsDir() || !corpusNameRE.MatchString(f.Name()) {
			continue
		}
		n++
		t.Run(f.Name(), func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(dir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			checkCorpusDoc(t, string(text))
		})
	}
	t.Logf("%d corpus documents", n)
}

// checkCorpusDoc asserts what every corpus document must give.
func checkCorpusDoc(t *testing.T, text string) {
	t.Helper()
	doc := mustParse(t, text, Options{})
	checkOffsets(t, doc)
	if len(doc.Issued) < len("2006-01") {
		t.Errorf("issued %q: want a month", doc.Issued)
	}
	if n := len(doc.Entries); n < 4 || n > 8 {
		t.Errorf("%d entries, want 4 to 8: %q", n, headings(doc))
	}
	for _, e := range doc.Entries {
		if len(e.Sentences) == 0 && len(e.Rows) == 0 {
			t.Errorf("entry %s has neither sentences nor table rows", e.ID)
		}
		if (doc.Format == FormatWire || doc.Format == FormatDigest) && e.Date == "" {
			t.Errorf("%s entry %s has no date", doc.Format, e.ID)
		}
	}
}
