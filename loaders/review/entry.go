package review

import (
	"regexp"
	"strconv"
	"strings"
)

// para is a byte range of the source that forms one paragraph.
type para struct {
	a, b int
	last int // start of the last block joined into it
	kind blockKind
}

// buildEntry turns a segment into an entry; ok is false when it has no text.
func (p *parser) buildEntry(s segment) (Entry, bool) {
	var e Entry
	e.Start = p.segmentStart(s)
	e.End = e.Start
	paras := p.entryParas(s, &e)
	for i, pr := range paras {
		p.addSentences(&e, pr, i)
	}
	if len(e.Sentences) == 0 && len(e.Rows) == 0 {
		return e, false
	}
	return e, true
}

// segmentStart is the source offset of the segment's first line.
func (p *parser) segmentStart(s segment) int {
	first := s.first
	if s.head >= 0 {
		first = s.head
	}
	if first >= len(p.blocks) {
		return len(p.text)
	}
	return p.lines[p.blocks[first].first].start
}

// entryParas reads the heading, date, table rows and paragraphs of a
// segment into e and returns the paragraphs, with paragraphs broken across
// a page boundary joined again.
func (p *parser) entryParas(s segment, e *Entry) []para {
	var paras []para
	if s.head >= 0 {
		hb := p.blocks[s.head]
		e.End = hb.end
		if hb.kind == blockHeading {
			e.Heading = cleanText(p.text[hb.start:hb.end])
		}
	}
	for i := s.first; i <= s.last; i++ {
		b := p.blocks[i]
		e.End = max(e.End, b.end)
		pr := para{a: b.start, b: b.end, last: b.start, kind: b.kind}
		switch {
		case b.kind == blockHeading:
			paras = append(paras, para{kind: blockHeading})
			continue
		case b.kind == blockTable:
			p.readTable(e, b)
			continue
		case !p.info[i].latin:
			continue
		}
		if d, ok := p.dated[i]; ok && i == s.head {
			e.Date = p.resolveRaw(d.date)
			pr.a = d.textStart
		} else if len(paras) == 0 && b.kind == blockPara && e.Date == "" {
			pr.a = p.readDateline(e, b)
		}
		if n := len(paras); n > 0 && p.joins(paras[n-1], pr) {
			paras[n-1].b, paras[n-1].last = pr.b, pr.a
			continue
		}
		paras = append(paras, pr)
	}
	return dropSeparators(paras)
}

// joins reports whether paragraph next continues prev across a page break:
// prev is running text that stops mid-sentence and next is plain text.
func (p *parser) joins(prev, next para) bool {
	if prev.kind != blockPara || next.kind != blockPara {
		return false
	}
	if !p.paraEndsOpen(prev) {
		return false
	}
	first := strings.TrimLeft(p.text[next.a:next.b], "*_[")
	return strings.Count(p.text[max(prev.a, prev.b-400):prev.b], " ") >= 5 || first != "" && first[0] >= 'a' && first[0] <= 'z'
}

// paraEndsOpen applies endsOpen to a paragraph, reading the raw text when
// it ends in a plain character and cleaning its last block only when it
// ends in markup.
func (p *parser) paraEndsOpen(pr para) bool {
	raw := p.text[pr.last:pr.b]
	if raw == "" {
		return false
	}
	switch c := raw[len(raw)-1]; {
	case c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || isWordByte(c) && c < 0x80:
		return endsOpen(raw[max(0, len(raw)-64):])
	}
	s, _ := p.c.clean(p.text, pr.last, pr.b)
	return endsOpen(s)
}

func dropSeparators(paras []para) []para {
	out := paras[:0]
	for _, pr := range paras {
		if pr.kind != blockHeading && pr.b > pr.a {
			out = append(out, pr)
		}
	}
	return out
}

// addSentences cleans a paragraph, splits it and appends its sentences with
// their source offsets.
func (p *parser) addSentences(e *Entry, pr para, index int) {
	s, orig := p.c.clean(p.text, pr.a, pr.b)
	p.spans = splitSentences(s, p.spans[:0])
	for _, sp := range p.spans {
		e.Sentences = append(e.Sentences, Sentence{
			Text:  s[sp[0]:sp[1]],
			Start: p.sourceStart(orig, sp[0], pr.a),
			End:   p.sourceEnd(orig, sp[1], len(s), pr.b),
			Para:  index,
		})
	}
}

// sourceStart maps the start of a sentence in the cleaned text to the
// source: just after the space that precedes it, so that markup opening the
// sentence ("*Shijian-21*", "[signed](#)") is inside.
func (p *parser) sourceStart(orig []int32, cs, a int) int {
	if cs == 0 {
		return a
	}
	i := int(orig[cs-1]) + 1
	for i < len(p.text) && isSpaceByte(p.text[i]) {
		i++
	}
	return i
}

// sourceEnd maps the end of a sentence to the source: up to the space that
// follows it, so that closing markup is inside.
func (p *parser) sourceEnd(orig []int32, ce, n, b int) int {
	i := b
	if ce < n {
		i = int(orig[ce])
	}
	for i > 0 && isSpaceByte(p.text[i-1]) {
		i--
	}
	return i
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// resolveRaw resolves a date read from the layout against the issue date.
func (p *parser) resolveRaw(r rawDate) string {
	m, ok := resolve(r, p.issued)
	if !ok {
		return ""
	}
	return m.Value
}

// datelineRE matches a wire dateline: "BEIJING, Sept. 18 --", "NAIROBI,
// Kenya, Sept. 20 (Xinhua) —", "GENEVA, June 3, 2024 --".
var datelineRE = regexp.MustCompile(`^(?:\*\*)?([A-Z][A-Za-z'.\- ]{1,40}?)(?:, ([A-Z][A-Za-z'.\- ]{1,30}?))?, ([A-Z][a-z]{2,8}\.?) (\d{1,2})(?:, (\d{4}))?(?:\*\*)?(?: \(([^)\n]{1,40})\))? ?(?:--|—|–|-) ?`)

// readDateline sets e.Date and e.Place from a dateline that opens block b and
// returns where the story's text begins.
func (p *parser) readDateline(e *Entry, b block) int {
	m := datelineRE.FindStringSubmatchIndex(p.text[b.start:min(b.end, b.start+200)])
	if m == nil {
		return b.start
	}
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return p.text[b.start+m[2*k] : b.start+m[2*k+1]]
	}
	month := monthNumber(strings.TrimSuffix(sub(3), "."))
	day, _ := strconv.Atoi(sub(4))
	if month == 0 || day < 1 || day > 31 {
		return b.start
	}
	if y, err := strconv.Atoi(sub(5)); err == nil && validDay(y, month, day) {
		e.Date = isoDay(y, month, day)
	} else {
		e.Date = ResolveDayMonth(day, month, p.issued)
	}
	e.Place = titleCase(sub(1))
	return b.start + m[1]
}
