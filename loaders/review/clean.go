package review

import "strings"

// cleaner turns a byte range of the source into the text extraction reads:
// link markers reduced to their text, emphasis markers and HTML tags
// removed, whitespace collapsed. It records for every output byte the offset
// of the source byte it came from. Its buffers are reused between calls.
type cleaner struct {
	out   []byte
	orig  []int32
	links []linkTail
}

// linkTail is the part of a Markdown link to drop: "](url)" from at to skip.
type linkTail struct{ at, skip int }

// clean returns the cleaned text of text[a:b] and, for each of its bytes,
// the source offset. The slice is valid until the next call.
func (c *cleaner) clean(text string, a, b int) (string, []int32) {
	c.out, c.orig, c.links = c.out[:0], c.orig[:0], c.links[:0]
	pending := -1 // source offset of the first whitespace not yet emitted
	for i := a; i < b; {
		if n := len(c.links); n > 0 && i == c.links[n-1].at {
			i = c.links[n-1].skip
			c.links = c.links[:n-1]
			continue
		}
		ch := text[i]
		if n, space := c.markup(text, i, a, b); n > 0 {
			if space >= 0 && pending < 0 {
				pending = space
			}
			i += n
			continue
		}
		if ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v' {
			if pending < 0 {
				pending = i
			}
			i++
			continue
		}
		if ch == 0xC2 && i+1 < b && text[i+1] == 0xA0 { // no-break space
			if pending < 0 {
				pending = i
			}
			i += 2
			continue
		}
		if ch == '\\' && i+1 < b && isASCIIPunct(text[i+1]) {
			i++
			ch = text[i]
		}
		if pending >= 0 {
			if len(c.out) > 0 {
				c.out = append(c.out, ' ')
				c.orig = append(c.orig, int32(pending))
			}
			pending = -1
		}
		c.out = append(c.out, ch)
		c.orig = append(c.orig, int32(i))
		i++
	}
	return string(c.out), c.orig
}

// markup returns how many source bytes at i are markup to drop (0 if none),
// and the source offset of a space the markup stands for (-1 if none).
func (c *cleaner) markup(text string, i, a, b int) (int, int) {
	switch text[i] {
	case '*', '`':
		return 1, -1
	case '_':
		left := i > a && isWordByte(text[i-1])
		right := i+1 < b && isWordByte(text[i+1])
		if left && right {
			return 0, -1
		}
		return 1, -1
	case '!':
		if i+1 < b && text[i+1] == '[' {
			if _, _, ok := linkAt(text, i+1, b); ok {
				return 1, -1
			}
		}
	case '[':
		if at, skip, ok := linkAt(text, i, b); ok {
			c.links = append(c.links, linkTail{at, skip})
			return 1, -1
		}
	case '<':
		if n, brk := tagAt(text, i, b); n > 0 {
			if brk {
				return n, i + n - 1
			}
			return n, -1
		}
	}
	return 0, -1
}

// linkAt recognises a Markdown link "[text](url)" opening at i: at is the
// offset of "]", skip the offset after ")".
func linkAt(text string, i, b int) (at, skip int, ok bool) {
	limit := min(b, i+400)
	j := i + 1
	for j < limit && text[j] != ']' && text[j] != '[' {
		j++
	}
	if j+1 >= limit || text[j] != ']' || text[j+1] != '(' {
		return 0, 0, false
	}
	k := j + 2
	end := min(b, k+300)
	for k < end && text[k] != ')' && text[k] != ' ' && text[k] != '\n' && text[k] != '(' {
		k++
	}
	if k >= end || text[k] != ')' {
		return 0, 0, false
	}
	return j, k + 1, true
}

// tagAt recognises an HTML tag ("<sup>", "</sup>", "<br/>", "<a href=...>")
// at i and returns its length and whether it breaks the line.
func tagAt(text string, i, b int) (int, bool) {
	j := i + 1
	if j < b && text[j] == '/' {
		j++
	}
	nameStart := j
	for j < b && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z' || j > nameStart && text[j] >= '0' && text[j] <= '9') {
		j++
	}
	if j == nameStart {
		return 0, false
	}
	name := strings.ToLower(text[nameStart:j])
	limit := min(b, i+200)
	for j < limit && text[j] != '>' && text[j] != '<' && text[j] != '\n' {
		j++
	}
	if j >= limit || text[j] != '>' {
		return 0, false
	}
	switch name {
	case "br", "p", "div", "li", "tr", "td", "hr":
		return j + 1 - i, true
	}
	return j + 1 - i, false
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isWordByte(c)
}

// cleanText returns the cleaned form of s (headings, table cells).
func cleanText(s string) string {
	var c cleaner
	out, _ := c.clean(s, 0, len(s))
	return out
}
