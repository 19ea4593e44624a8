package review

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// blockKind classifies a run of lines.
type blockKind int

const (
	blockPara    blockKind = iota // consecutive text lines
	blockBullet                   // a list item with its continuation lines
	blockTable                    // consecutive table rows
	blockHeading                  // one heading line
)

// block is a run of lines: a paragraph, a list item, a table or a heading.
type block struct {
	kind        blockKind
	first, last int // line indexes, inclusive
	start, end  int // bytes of the content: first line's body to last line's end
	level       int // heading level
}

// buildBlocks groups lines into blocks. Blank lines separate paragraphs; a
// text line right after a list item continues it.
func buildBlocks(lines []line) []block {
	var blocks []block
	open := false
	for i, l := range lines {
		cur := len(blocks) - 1
		switch {
		case l.kind == lineBlank:
			open = false
			continue
		case l.kind == lineHeading:
			blocks = append(blocks, block{kind: blockHeading, first: i, last: i, start: l.body, end: l.bodyEnd, level: l.level})
			open = false
			continue
		case open && continues(blocks[cur].kind, l.kind):
			blocks[cur].last, blocks[cur].end = i, l.bodyEnd
			continue
		}
		kind := blockPara
		switch l.kind {
		case lineBullet:
			kind = blockBullet
		case lineTable:
			kind = blockTable
		}
		blocks = append(blocks, block{kind: kind, first: i, last: i, start: l.body, end: l.bodyEnd})
		open = true
	}
	return blocks
}

// continues reports whether a line of kind lk extends an open block of kind bk.
func continues(bk blockKind, lk lineKind) bool {
	switch bk {
	case blockPara, blockBullet:
		return lk == lineText
	case blockTable:
		return lk == lineTable
	}
	return false
}

// blockInfo is what the layout needs to know of a block's text.
type blockInfo struct {
	prose bool // reads as running text, not a title line or a bare list of headings
	latin bool // mostly Latin script (English)
}

// describe reads the raw text of a block.
func describe(raw string) blockInfo {
	words, lowerInitial := 0, 0
	latin, other := 0, 0
	inWord := false
	for _, r := range raw {
		if unicode.IsLetter(r) {
			if r < 0x250 {
				latin++
			} else {
				other++
			}
			if !inWord {
				words++
				if unicode.IsLower(r) {
					lowerInitial++
				}
			}
			inWord = true
			continue
		}
		if r == ' ' || r == '\n' || r == '\t' {
			inWord = false
		}
	}
	info := blockInfo{latin: latin >= other}
	if isAllBold(raw) {
		return info
	}
	terminal := endsTerminal(raw)
	info.prose = words >= 4 && terminal || words >= 2 && terminal && lowerInitial > 0 ||
		words >= 12 && lowerInitial*10 >= words*3
	return info
}

// isAllBold reports whether s is one bold span ("**China Science Diplomacy**").
func isAllBold(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) > 4 && strings.HasPrefix(s, "**") && strings.HasSuffix(s, "**") && strings.Count(s, "**") == 2
}

// endsTerminal reports whether s ends with ".", "!", "?" or "…", allowing
// closing quotes, brackets and emphasis after it.
func endsTerminal(s string) bool {
	s = strings.TrimRight(s, " \t\r\n*_\"')]”’")
	last, _ := utf8.DecodeLastRuneInString(s)
	return last == '.' || last == '!' || last == '?' || last == '…'
}
