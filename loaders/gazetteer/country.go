package gazetteer

import (
	"io"
	"regexp"
)

// Country is one ISO 3166-1 entry with the names a text may use for it.
type Country struct {
	Code       string   // ISO 3166-1 alpha-2 ("CN"; "XK" for Kosovo, user-assigned)
	Alpha3     string   // ISO 3166-1 alpha-3 ("CHN")
	Name       string   // common short name in English ("China")
	Official   string   // official name ("People's Republic of China")
	Aliases    []string // other names and abbreviations ("PRC", "Mainland China")
	Adjectives []string // "Chinese"
	Demonyms   []string // "Chinese"; "Danes"
	Combining  []string // prefixes of hyphenated compounds: "Sino" in "Sino-Danish"
}

var countryColumns = []string{"code", "alpha3", "name", "official", "aliases", "adjectives", "demonyms", "combining"}

var (
	alpha2RE = regexp.MustCompile(`^[A-Z]{2}$`)
	alpha3RE = regexp.MustCompile(`^[A-Z]{3}$`)
)

// parseCountries reads the countries file and checks each line.
func parseCountries(r io.Reader) ([]Country, error) {
	rows, err := readTSV("countries", r, countryColumns)
	if err != nil {
		return nil, err
	}
	out := make([]Country, 0, len(rows))
	for _, rw := range rows {
		c, err := countryFromRow(rw)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func countryFromRow(rw row) (Country, error) {
	c := Country{
		Code: rw.get("code"), Alpha3: rw.get("alpha3"), Name: rw.get("name"), Official: rw.get("official"),
		Aliases: rw.list("aliases"), Adjectives: rw.list("adjectives"), Demonyms: rw.list("demonyms"),
		Combining: rw.list("combining"),
	}
	switch {
	case !alpha2RE.MatchString(c.Code):
		return c, rw.errorf("code", "%q is not two capital letters", c.Code)
	case !alpha3RE.MatchString(c.Alpha3):
		return c, rw.errorf("alpha3", "%q is not three capital letters", c.Alpha3)
	case c.Name == "":
		return c, rw.errorf("name", "empty")
	}
	if c.Official == "" {
		c.Official = c.Name
	}
	for _, f := range c.Combining {
		if !wordRE.MatchString(f) {
			return c, rw.errorf("combining", "%q is not a single word", f)
		}
	}
	return c, nil
}

var wordRE = regexp.MustCompile(`^\p{L}+$`)

// names returns every name, alias, adjective and demonym of c: the strings
// that CountryByName accepts and MatchCountries finds.
func (c Country) names() []string {
	out := []string{c.Name, c.Official}
	out = append(out, c.Aliases...)
	out = append(out, c.Adjectives...)
	return append(out, c.Demonyms...)
}

// Region is a name that looks like a country's but is not one ("Latin
// America", "Indo-Pacific", "New South Wales"). Regions are never returned
// as countries; they stop the country words inside them from matching.
type region struct {
	Name    string
	Aliases []string
}

var regionColumns = []string{"name", "aliases"}

func parseRegions(r io.Reader) ([]region, error) {
	rows, err := readTSV("regions", r, regionColumns)
	if err != nil {
		return nil, err
	}
	out := make([]region, 0, len(rows))
	for _, rw := range rows {
		rg := region{Name: rw.get("name"), Aliases: rw.list("aliases")}
		if rg.Name == "" {
			return nil, rw.errorf("name", "empty")
		}
		out = append(out, rg)
	}
	return out, nil
}
