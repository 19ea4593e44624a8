package gazetteer

import (
	"io"
	"strings"
)

// Body is a known institution: an intergovernmental body, a standing forum,
// a ministry, an agency, an academy, a university, an institute, a funder or
// a company.
type Body struct {
	Name     string   // canonical name ("Chinese Academy of Sciences")
	Acronyms []string // exact-case acronyms ("CAS"); shared acronyms are allowed
	Aliases  []string // other names, normalised on lookup ("CAS Institute of Automation")
	Country  string   // ISO alpha-2 of the country it is based in; "" for intergovernmental bodies and forums
	Type     string   // one of BodyTypes
	Parent   string   // canonical name of the body it is part of, or ""
}

// BodyTypes lists the allowed values of Body.Type.
var BodyTypes = []string{
	"ministry", "agency", "academy", "association", "university", "institute",
	"funder", "intergovernmental", "forum", "company",
}

var bodyColumns = []string{"name", "acronyms", "aliases", "country", "type", "parent"}

// parseBodies reads the bodies file and checks each line on its own; the
// checks that need other lines (country, parent, duplicates) run in Load.
func parseBodies(r io.Reader) ([]Body, []row, error) {
	rows, err := readTSV("bodies", r, bodyColumns)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Body, 0, len(rows))
	for _, rw := range rows {
		b, err := bodyFromRow(rw)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, b)
	}
	return out, rows, nil
}

func bodyFromRow(rw row) (Body, error) {
	b := Body{
		Name: rw.get("name"), Acronyms: rw.list("acronyms"), Aliases: rw.list("aliases"),
		Country: rw.get("country"), Type: rw.get("type"), Parent: rw.get("parent"),
	}
	if b.Name == "" {
		return b, rw.errorf("name", "empty")
	}
	if b.Country != "" && !alpha2RE.MatchString(b.Country) {
		return b, rw.errorf("country", "%q is not an ISO alpha-2 code", b.Country)
	}
	if !validType(b.Type) {
		return b, rw.errorf("type", "%q is not one of %s", b.Type, strings.Join(BodyTypes, ", "))
	}
	for _, a := range b.Acronyms {
		if strings.ContainsAny(a, " \t") {
			return b, rw.errorf("acronyms", "%q contains a space", a)
		}
	}
	return b, nil
}

func validType(t string) bool {
	for _, v := range BodyTypes {
		if v == t {
			return true
		}
	}
	return false
}
