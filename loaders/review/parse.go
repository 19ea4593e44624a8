package review

import (
	"bytes"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sdkg/sdkg/graph"
)

// MaxBytes is the largest document Parse accepts.
const MaxBytes = 10 << 20

// Parse reads a document in any of the supported layouts (see Format) into
// its metadata and entries. A facts JSON file is not a document: callers
// check for a leading "{" first.
//
// Title, publisher and issue month come from the title block (the lines
// before the first entry); Options override each of them, and the issue
// month resolves the day phrases of datelines, digest items and table rows.
// Entries are the headed sections (a table of contents or the title block
// is not an entry), the stories of a wire, or the dated items of a digest.
// Every sentence carries byte offsets such that text[Start:End] holds it
// with its markup.
//
// Errors are EINVALID: empty input, binary data, invalid UTF-8 (with the
// byte offset), input over MaxBytes, an Options.Issued that is not YYYY,
// YYYY-MM or YYYY-MM-DD, and a document with no entries. Parse does not
// panic on any input.
func Parse(text []byte, opt Options) (*Document, error) {
	start, err := checkText(text)
	if err != nil {
		return nil, err
	}
	if opt.Issued != "" && !validIssued(opt.Issued) {
		return nil, graph.Errorf(graph.EINVALID, "issued %q: want YYYY, YYYY-MM or YYYY-MM-DD", opt.Issued)
	}
	p := &parser{text: string(text)}
	p.lines = splitLines(p.text, start)
	p.blocks = buildBlocks(p.lines)
	p.describeBlocks()
	first := p.firstContent()
	if first < 0 {
		return nil, graph.Errorf(graph.EINVALID, "no entries found: no headed sections, stories, dated items or paragraphs of text")
	}
	body := p.bodyStart(first)
	doc := p.document(p.readMeta(body), opt)
	p.issued = doc.Issued
	digest := p.isDigest()
	doc.Entries = p.entries(body, digest)
	if len(doc.Entries) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "no entries found: no section holds a sentence or a table row")
	}
	doc.Format = p.format(doc, digest)
	return doc, nil
}

// checkText rejects input Parse cannot read and returns the offset after a
// byte order mark.
func checkText(text []byte) (int, error) {
	if len(text) > MaxBytes {
		return 0, graph.Errorf(graph.EINVALID, "document too large: %d bytes, the limit is %d bytes", len(text), MaxBytes)
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return 0, graph.Errorf(graph.EINVALID, "empty document")
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return 0, graph.Errorf(graph.EINVALID, "binary data, not text: NUL byte at offset %d", i)
	}
	if i := invalidUTF8(text); i >= 0 {
		return 0, graph.Errorf(graph.EINVALID, "invalid UTF-8 at byte offset %d", i)
	}
	if controlShare(text) > 0.05 {
		return 0, graph.Errorf(graph.EINVALID, "binary data, not text: %.0f%% control characters", 100*controlShare(text))
	}
	return len(text) - len(bytes.TrimPrefix(text, []byte("\uFEFF"))), nil
}

// invalidUTF8 returns the offset of the first invalid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// controlShare is the share of control characters other than whitespace.
func controlShare(b []byte) float64 {
	control, total := 0, 0
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		i += n
		total++
		if (r < ' ' || r >= 0x7f && r < 0xa0) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
	}
	return float64(control) / float64(total)
}

// document builds the Document from the title block and the options.
func (p *parser) document(m meta, opt Options) *Document {
	doc := &Document{Title: m.title, Publisher: m.publisher, Issued: m.issued, Source: opt.Source, Text: p.text}
	if opt.Title != "" {
		doc.Title = opt.Title
	}
	if opt.Publisher != "" {
		doc.Publisher = opt.Publisher
	}
	if opt.Issued != "" {
		doc.Issued = opt.Issued
	}
	doc.ID = opt.ID
	if doc.ID == "" {
		doc.ID = p.documentID(doc)
	}
	return doc
}

// documentID derives an id from title and issue date, or from the text.
func (p *parser) documentID(doc *Document) string {
	if s := slug(strings.TrimSpace(doc.Title + " " + doc.Issued)); s != "" {
		return s
	}
	h := fnv.New64a()
	h.Write([]byte(p.text))
	return "doc-" + strconv.FormatUint(h.Sum64(), 16)
}

// entries builds the entries from block body on, with unique ids.
func (p *parser) entries(body int, digest bool) []Entry {
	var out []Entry
	ids := map[string]int{}
	for _, s := range p.segments(body, digest) {
		if !p.hasBody(s) && s.head < 0 {
			continue
		}
		e, ok := p.buildEntry(s)
		if !ok {
			continue
		}
		e.ID = uniqueID(ids, p.entryID(e, s))
		out = append(out, e)
	}
	return out
}

// entryID is the slug of the heading, the date of a dated item, or "intro".
func (p *parser) entryID(e Entry, s segment) string {
	if id := slug(e.Heading); id != "" {
		return id
	}
	if _, ok := p.dated[s.head]; ok && e.Date != "" {
		return e.Date
	}
	if s.head >= 0 {
		return "item"
	}
	return "intro"
}

// uniqueID suffixes id with -2, -3... when it was used before.
func uniqueID(seen map[string]int, id string) string {
	seen[id]++
	if n := seen[id]; n > 1 {
		return uniqueID(seen, id+"-"+strconv.Itoa(n))
	}
	return id
}

// format names the layout: digest items, wire stories (most entries have a
// dateline), a table, a briefing (by its title), else a review.
func (p *parser) format(doc *Document, digest bool) Format {
	datelines, rows := 0, false
	for _, e := range doc.Entries {
		if e.Place != "" {
			datelines++
		}
		rows = rows || len(e.Rows) > 0
	}
	switch {
	case digest:
		return FormatDigest
	case datelines > 0 && 2*datelines >= len(doc.Entries):
		return FormatWire
	case rows:
		return FormatTable
	case strings.Contains(strings.ToLower(doc.Title), "briefing"):
		return FormatBriefing
	}
	return FormatReview
}

// slug lower-cases s and joins its letters and digits with hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
