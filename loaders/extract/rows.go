package extract

import (
	"strings"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/review"
)

// readRows reads a Markdown table of agreements (columns such as Date,
// Parties, Agreement, Place): every party signed the row's agreement on
// the row's date. Parties are separated by ";".
func (x *extractor) readRows(e *review.Entry) {
	if len(e.Rows) == 0 {
		return
	}
	col := columns(e.Header)
	for _, row := range e.Rows {
		x.readRow(e, row, col)
	}
}

// columns finds the columns of a table by their header words.
func columns(header []string) map[string]int {
	col := map[string]int{"date": -1, "parties": -1, "agreement": -1}
	for i, h := range header {
		h = strings.ToLower(h)
		switch {
		case strings.Contains(h, "date"):
			col["date"] = i
		case strings.Contains(h, "part") || strings.Contains(h, "signator") || strings.Contains(h, "signed by"):
			col["parties"] = i
		case strings.Contains(h, "agreement") || strings.Contains(h, "title") || strings.Contains(h, "document"):
			col["agreement"] = i
		}
	}
	return col
}

// cell returns column c of a row, "" when absent.
func cell(row review.Row, c int) string {
	if c < 0 || c >= len(row.Cells) {
		return ""
	}
	return strings.TrimSpace(row.Cells[c])
}

// readRow emits the SIGNED edges of one row.
func (x *extractor) readRow(e *review.Entry, row review.Row, col map[string]int) {
	title := cell(row, col["agreement"])
	parties := strings.Split(cell(row, col["parties"]), ";")
	if title == "" || len(parties) == 0 {
		return
	}
	date := x.rowDate(cell(row, col["date"]))
	ev := graph.Evidence{Document: x.doc.ID, Entry: e.ID, Sentence: strings.Join(row.Cells, " | "), Start: row.Start, End: row.End}
	a := x.reg.add(graph.Agreement, title)
	for _, p := range parties {
		if p = strings.TrimSpace(p); p != "" {
			x.emitEntities("table-row-signed", 0.9, graph.Signed, x.party(p, ev), a, date, map[string]string{"act": "signed"}, ev)
		}
	}
}

// rowDate reads the date cell: ISO as written, else the first date phrase.
func (x *extractor) rowDate(s string) string {
	if graph.ValidDate(s) {
		return s
	}
	for _, d := range review.FindDates(s, x.doc.Issued) {
		return d.Value
	}
	return ""
}

// party resolves a party cell: a country, a known body, else an
// institution by that name (its country read from its name).
func (x *extractor) party(name string, ev graph.Evidence) *entity {
	if x.g != nil {
		if c, ok := x.g.CountryByName(name); ok {
			return x.country(c.Code, name)
		}
	}
	if e := x.reg.find(graph.Institution, name); e != nil {
		return e
	}
	if b, ok := x.body(name); ok {
		e := x.reg.add(graph.Institution, b.Name, append(append([]string{name}, b.Acronyms...), b.Aliases...)...)
		if e.country == "" {
			e.country = b.Country
		}
		return e
	}
	e := x.reg.add(graph.Institution, name)
	for _, c := range x.countryMatches(name) {
		before, after := name[:c.Start], name[c.End:]
		if strings.HasSuffix(before, "-") || strings.HasPrefix(after, "-") {
			continue
		}
		ce := x.country(c.Code, "")
		e.country = c.Code
		x.emitEntities("based-in-name", 0.9, graph.BasedIn, e, ce, "", nil, ev)
	}
	return e
}
