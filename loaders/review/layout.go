package review

import "strings"

// parser holds the state of one Parse call.
type parser struct {
	text   string
	lines  []line
	blocks []block
	info   []blockInfo
	dated  map[int]datedItem // digest items by block index
	issued string
	c      cleaner
	spans  []span
}

// datedItem is a list item that opens with its own date ("- **12 April
// 2024** — text").
type datedItem struct {
	date      rawDate // year 0 when the item names none
	textStart int     // source offset of the item's text after the date
}

// segment is the blocks of one entry: head is the block that opens it (a
// heading or a dated item), or -1 for text before the first heading.
type segment struct {
	head        int
	first, last int // content blocks, inclusive; first > last when none
}

// describeBlocks fills p.info and p.dated.
func (p *parser) describeBlocks() {
	p.info = make([]blockInfo, len(p.blocks))
	p.dated = map[int]datedItem{}
	for i, b := range p.blocks {
		if b.kind == blockHeading {
			continue
		}
		p.info[i] = describe(p.text[b.start:b.end])
		if b.kind == blockBullet {
			if d, ok := datedPrefix(p.text, b); ok {
				p.dated[i] = d
			}
		}
	}
}

// isContent reports whether block i starts the body of a document: running
// text, a table, or a dated item.
func (p *parser) isContent(i int) bool {
	b := p.blocks[i]
	switch b.kind {
	case blockTable:
		return b.last > b.first
	case blockPara, blockBullet:
		_, dated := p.dated[i]
		return dated || p.info[i].prose && p.info[i].latin
	}
	return false
}

// isSection reports whether block i is a heading that opens an entry.
func (p *parser) isSection(i int) bool {
	return p.blocks[i].kind == blockHeading && p.blocks[i].level <= 3
}

// firstContent returns the first content block, or -1.
func (p *parser) firstContent() int {
	for i := range p.blocks {
		if p.isContent(i) {
			return i
		}
	}
	return -1
}

// sectionOf returns the section heading above block i, or -1.
func (p *parser) sectionOf(i int) int {
	for j := i - 1; j >= 0; j-- {
		if p.isSection(j) {
			return j
		}
	}
	return -1
}

// isDigest reports whether dated items outnumber sections of running text.
func (p *parser) isDigest() bool {
	if len(p.dated) < 2 {
		return false
	}
	sections, prose := 0, false
	for i, b := range p.blocks {
		if p.isSection(i) {
			prose = false
			continue
		}
		if b.kind == blockPara && p.info[i].prose && !prose {
			prose = true
			sections++
		}
	}
	return len(p.dated) >= sections
}

// bodyStart returns the block where entries begin: the heading of the first
// content, unless that heading is the document's title.
func (p *parser) bodyStart(first int) int {
	h := p.sectionOf(first)
	if h < 0 || p.isTitleHeading(h) {
		return first
	}
	return h
}

// isTitleHeading reports whether section heading h names the document: it is
// the first heading and shallower than every later section heading.
func (p *parser) isTitleHeading(h int) bool {
	for j := 0; j < h; j++ {
		if p.blocks[j].kind == blockHeading {
			return false
		}
	}
	for j := h + 1; j < len(p.blocks); j++ {
		if p.isSection(j) && p.blocks[j].level <= p.blocks[h].level {
			return false
		}
	}
	return true
}

// segments cuts blocks[start:] into entries at section headings and, in a
// digest, at dated items.
func (p *parser) segments(start int, digest bool) []segment {
	var segs []segment
	cur := segment{head: -1, first: start}
	if p.isSection(start) {
		cur = segment{head: start, first: start + 1}
	}
	for i := cur.first; i < len(p.blocks); i++ {
		_, dated := p.dated[i]
		if !p.isSection(i) && !(digest && dated) {
			continue
		}
		cur.last = i - 1
		segs = append(segs, cur)
		cur = segment{head: i, first: i + 1}
		if !p.isSection(i) {
			cur.first = i
		}
	}
	cur.last = len(p.blocks) - 1
	return append(segs, cur)
}

// hasBody reports whether a segment holds any text or table.
func (p *parser) hasBody(s segment) bool {
	for i := s.first; i <= s.last; i++ {
		if p.blocks[i].kind != blockHeading {
			return true
		}
	}
	return false
}

// datedPrefix reads the date that opens a list item: "**12 April 2024** —",
// "12 April 2024:", "2024-04-12 -".
func datedPrefix(text string, b block) (datedItem, bool) {
	s := text[b.start:b.end]
	head, rest, ok := splitDateHead(s)
	if !ok {
		return datedItem{}, false
	}
	raws := scanDates(head)
	if len(raws) != 1 || raws[0].start != 0 || raws[0].end != len(head) || raws[0].prec != precDay || raws[0].until != 0 {
		return datedItem{}, false
	}
	return datedItem{date: raws[0], textStart: b.start + rest}, true
}

// splitDateHead splits a list item into its leading date and the offset of
// the text after the separator.
func splitDateHead(s string) (head string, rest int, ok bool) {
	if strings.HasPrefix(s, "**") || strings.HasPrefix(s, "__") {
		k := strings.Index(s[2:], s[:2])
		if k < 0 || k > 40 {
			return "", 0, false
		}
		head, rest = strings.TrimSpace(s[2:2+k]), 2+k+2
		head = strings.TrimRight(head, ":—–- ")
		rest = skipSeparator(s, rest)
		return head, rest, rest < len(s)
	}
	limit := min(len(s), 40)
	for _, sep := range []string{" — ", " – ", " -- ", " - ", ": ", "—", "–"} {
		if k := strings.Index(s[:limit], sep); k > 0 {
			return strings.TrimSpace(s[:k]), skipSeparator(s, k), true
		}
	}
	return "", 0, false
}

// skipSeparator skips spaces, a dash or colon, and spaces.
func skipSeparator(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	for _, sep := range []string{"—", "–", "--", "-", ":"} {
		if strings.HasPrefix(s[i:], sep) {
			i += len(sep)
			break
		}
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}
