package review

import "strings"

// readTable appends the rows of a Markdown table block to e: the row above
// the delimiter row ("|---|---|") is the header; cells are cleaned; the
// date column is resolved into Row.Date.
func (p *parser) readTable(e *Entry, b block) {
	var rows []Row
	header := -1
	for i := b.first; i <= b.last; i++ {
		l := p.lines[i]
		cells := splitCells(p.text[l.body:l.bodyEnd])
		if isDelimiterRow(cells) {
			if len(rows) == 1 && header < 0 {
				header = 0
			}
			continue
		}
		rows = append(rows, Row{Cells: cells, Start: l.start, End: l.bodyEnd})
	}
	if header == 0 {
		e.Header, rows = rows[0].Cells, rows[1:]
	}
	col := dateColumn(e.Header)
	for i := range rows {
		rows[i].Date = p.rowDate(rows[i].Cells, col)
	}
	e.Rows = append(e.Rows, rows...)
}

// splitCells splits "| a | b |" into cleaned cells; "\|" is a literal bar.
func splitCells(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == '|' {
			cells = append(cells, cleanText(s[start:i]))
			start = i + 1
		}
	}
	return append(cells, cleanText(s[start:]))
}

// isDelimiterRow reports whether cells are all like "---", ":--:".
func isDelimiterRow(cells []string) bool {
	for _, c := range cells {
		c = strings.Trim(c, ": ")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
}

// dateColumn returns the index of the header cell naming a date, or -1.
func dateColumn(header []string) int {
	for i, h := range header {
		if strings.Contains(strings.ToLower(h), "date") {
			return i
		}
	}
	return -1
}

// rowDate resolves the date of a row: the date column, or else the first
// cell that is nothing but a date.
func (p *parser) rowDate(cells []string, col int) string {
	if col >= 0 && col < len(cells) {
		return p.cellDate(cells[col])
	}
	for _, c := range cells {
		if isDateOnly(c) {
			if d := p.cellDate(c); d != "" {
				return d
			}
		}
	}
	return ""
}

// cellDate resolves the first date phrase of a cell.
func (p *parser) cellDate(c string) string {
	if ms := FindDates(c, p.issued); len(ms) > 0 {
		return ms[0].Value
	}
	if y, ok := atoiN(strings.TrimSpace(c)); ok && y >= 1900 && y <= 2100 {
		return strings.TrimSpace(c)
	}
	return ""
}
