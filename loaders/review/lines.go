package review

import "strings"

// lineKind classifies one line of the source text.
type lineKind int

const (
	lineBlank   lineKind = iota // empty, whitespace only, or a horizontal rule
	lineText                    // ordinary text
	lineHeading                 // an ATX heading: "#" to "######"
	lineBullet                  // a list item: "- ", "* ", "+ ", "• ", "1. "
	lineTable                   // a Markdown table row: "| a | b |"
)

// line is one line of the source text. Offsets are bytes into the text.
type line struct {
	kind       lineKind
	start, end int // the line without its newline and trailing "\r"
	body       int // where the content begins (after indent, "#"s or the bullet marker)
	bodyEnd    int // where the content ends (before closing "#"s and trailing spaces)
	level      int // heading level, 1 to 6
}

// splitLines cuts text[from:] into classified lines.
func splitLines(text string, from int) []line {
	lines := make([]line, 0, strings.Count(text[from:], "\n")+1)
	for pos := from; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		end, next := len(text), len(text)
		if nl >= 0 {
			end, next = pos+nl, pos+nl+1
		}
		if end > pos && text[end-1] == '\r' {
			end--
		}
		lines = append(lines, classify(text, pos, end))
		pos = next
	}
	return lines
}

// classify builds the line text[start:end].
func classify(text string, start, end int) line {
	l := line{kind: lineText, start: start, end: end, body: start, bodyEnd: trimRightSpace(text, start, end)}
	i := skipSpaces(text, start, end)
	if i >= l.bodyEnd || isRule(text[i:l.bodyEnd]) {
		l.kind = lineBlank
		return l
	}
	l.body = i
	switch {
	case text[i] == '#':
		classifyHeading(text, &l, i)
	case text[i] == '|':
		l.kind = lineTable
	default:
		if n := bulletMarker(text[i:l.bodyEnd]); n > 0 {
			l.kind = lineBullet
			l.body = skipSpaces(text, i+n, l.bodyEnd)
		}
	}
	return l
}

// classifyHeading makes l a heading when text[i:] is "#"s, a space and text.
func classifyHeading(text string, l *line, i int) {
	j := i
	for j < l.bodyEnd && text[j] == '#' {
		j++
	}
	level := j - i
	if level > 6 || j >= l.bodyEnd || (text[j] != ' ' && text[j] != '\t') {
		return
	}
	end := l.bodyEnd
	for end > j && text[end-1] == '#' { // closing sequence "## Title ##"
		end--
	}
	end = trimRightSpace(text, j, end)
	body := skipSpaces(text, j, end)
	if body >= end {
		return
	}
	l.kind, l.level, l.body, l.bodyEnd = lineHeading, level, body, end
}

// bulletMarker returns the length of a list marker at the start of s, with
// its following space, or 0.
func bulletMarker(s string) int {
	if strings.HasPrefix(s, "• ") {
		return len("• ")
	}
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		return 2
	}
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t') {
		return n + 2
	}
	return 0
}

// isRule reports whether s is a thematic break ("---", "***", "___", "===").
func isRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	c := s[0]
	if c != '-' && c != '*' && c != '_' && c != '=' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != c && s[i] != ' ' {
			return false
		}
	}
	return true
}

func skipSpaces(text string, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

func trimRightSpace(text string, start, end int) int {
	for end > start && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r') {
		end--
	}
	return end
}
