package gazetteer

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// codes returns the country codes of a list of matches or countries.
func matchCodes(ms []Match) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Code)
	}
	return out
}

func countryCodes(cs []Country) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Code)
	}
	return out
}

// matchTexts returns "text=CODE" or "text=Body Name" for each match.
func matchTexts(ms []Match) []string {
	out := []string{}
	for _, m := range ms {
		if m.Body != nil {
			out = append(out, m.Text+"="+m.Body.Name)
			continue
		}
		out = append(out, m.Text+"="+m.Code)
	}
	return out
}

func TestDefaultIsParsedOnce(t *testing.T) {
	if Default() != Default() {
		t.Fatal("Default returned two different gazetteers")
	}
}

func TestCountry(t *testing.T) {
	g := Default()
	tests := []struct {
		code, name, alpha3 string
		ok                 bool
	}{
		{"CN", "China", "CHN", true},
		{"cn", "China", "CHN", true},
		{"XK", "Kosovo", "XKX", true},
		{"TW", "Taiwan", "TWN", true},
		{"ZZ", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := g.Country(tt.code)
			if ok != tt.ok || c.Name != tt.name || c.Alpha3 != tt.alpha3 {
				t.Fatalf("Country(%q) = %q %q %v, want %q %q %v", tt.code, c.Name, c.Alpha3, ok, tt.name, tt.alpha3, tt.ok)
			}
		})
	}
}

func TestCountriesAreSortedAndCopied(t *testing.T) {
	g := Default()
	cs := g.Countries()
	if !sort.SliceIsSorted(cs, func(i, j int) bool { return cs[i].Code < cs[j].Code }) {
		t.Fatal("Countries() is not sorted by Code")
	}
	cs[0].Name = "changed"
	if g.Countries()[0].Name == "changed" {
		t.Fatal("Countries() exposes the gazetteer's own slice")
	}
}

func TestCountryByName(t *testing.T) {
	g := Default()
	tests := []struct {
		in, want string // want "" for no country
	}{
		{"China", "CN"},
		{"china", "CN"},
		{"People's Republic of China", "CN"},
		{"people’s republic of china", "CN"},
		{"PRC", "CN"},
		{"China's", "CN"},
		{"Chinese", "CN"},
		{"the Netherlands", "NL"},
		{"THE NETHERLANDS", "NL"},
		{"Dutch", "NL"},
		{"Cote d'Ivoire", "CI"},
		{"Côte d’Ivoire", "CI"},
		{"Ivory Coast", "CI"},
		{"Turkiye", "TR"},
		{"Turkey", "TR"},
		{"US", "US"},
		{"U.S.", "US"},
		{"us", ""},
		{"United States of America", "US"},
		{"UK", "GB"},
		{"Britain", "GB"},
		{"UAE", "AE"},
		{"Emirati", "AE"},
		{"DRC", "CD"},
		{"Danes", "DK"},
		{"Dane", "DK"},
		{"Argentinian", "AR"},
		{"Argentine", "AR"},
		{"Saudi", "SA"},
		{"Russian Federation", "RU"},
		{"Korea", "KR"},
		{"North Korea", "KP"},
		{"DPRK", "KP"},
		{"Niger", "NE"},
		{"Nigerian", "NG"},
		{"Viet Nam", "VN"},
		{"Kosovo", "XK"},
		{"Hong Kong", "HK"},
		{"Macau", "MO"},
		{"Palestine", "PS"},
		{"Congo", ""},
		{"Latin America", ""},
		{"Sino", ""},
		{"Atlantis", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := g.CountryByName(tt.in)
			if ok != (tt.want != "") || c.Code != tt.want {
				t.Fatalf("CountryByName(%q) = %q, %v; want %q", tt.in, c.Code, ok, tt.want)
			}
		})
	}
}

func TestRegionByName(t *testing.T) {
	g := Default()
	if r, ok := g.RegionByName("Latin American"); !ok || r != "Latin America" {
		t.Fatalf("RegionByName(Latin American) = %q, %v", r, ok)
	}
	if _, ok := g.RegionByName("Brazil"); ok {
		t.Fatal("Brazil is not a region")
	}
}

func TestCountriesInCompound(t *testing.T) {
	g := Default()
	tests := []struct {
		in   string
		want []string
	}{
		{"Sino-Danish", []string{"CN", "DK"}},
		{"China-Denmark", []string{"CN", "DK"}},
		{"China–Denmark", []string{"CN", "DK"}},
		{"China-CELAC", []string{"CN"}},
		{"CELAC-China", []string{"CN"}},
		{"Indo-Pacific", []string{}},
		{"Anglo-Saxon", []string{}},
		{"Sino-US", []string{"CN", "US"}},
		{"Sino-U.S.", []string{"CN", "US"}},
		{"Franco-German", []string{"FR", "DE"}},
		{"Indo-Pakistani", []string{"IN", "PK"}},
		{"Austro-Hungarian", []string{"AT", "HU"}},
		{"Russo-Japanese", []string{"RU", "JP"}},
		{"Sino-Indo-Pakistani", []string{"CN", "IN", "PK"}},
		{"Brazil-China-Brazil", []string{"BR", "CN"}},
		{"China-Latin America", []string{"CN"}},
		{"South Africa-China", []string{"ZA", "CN"}},
		{"Sino- and Indo-European", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := countryCodes(g.CountriesInCompound(tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("CountriesInCompound(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMatchCountries(t *testing.T) {
	g := Default()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"names and adjectives", "Brazilian and Chinese scientists met in Denmark.", []string{"Brazilian=BR", "Chinese=CN", "Denmark=DK"}},
		{"possessive", "China's partner Brazil's agency", []string{"China=CN", "Brazil=BR"}},
		{"US capitals only", "Let us thank the US and the U.S. team", []string{"US=US", "U.S=US"}},
		{"Niger is not Nigeria", "Niger and Nigeria and Nigerien and Nigerian", []string{"Niger=NE", "Nigeria=NG", "Nigerien=NE", "Nigerian=NG"}},
		{"longest Guinea", "Guinea, Equatorial Guinea, Papua New Guinea, Guinea-Bissau and the Gulf of Guinea", []string{"Guinea=GN", "Equatorial Guinea=GQ", "Papua New Guinea=PG", "Guinea-Bissau=GW"}},
		{"capitalised only", "a turkey in jordan; Turkey and Jordan", []string{"Turkey=TR", "Jordan=JO"}},
		{"South Georgia is not Georgia", "South Georgia and Georgia", []string{"South Georgia=GS", "Georgia=GE"}},
		{"regions hide countries", "Latin American and Caribbean states and the Indo-Pacific and New South Wales", []string{}},
		{"combining forms", "Sino-Danish and Franco-German ties", []string{"Sino=CN", "Danish=DK", "Franco=FR", "German=DE"}},
		{"combining form without partner", "the Indo-Pacific and Anglo-Saxon law", []string{}},
		{"Korea", "Korea and North Korea and the Korean side", []string{"Korea=KR", "North Korea=KP", "Korean=KR"}},
		{"Congo is ambiguous", "the Congo and the Democratic Republic of the Congo and DRC", []string{"Democratic Republic of the Congo=CD", "DRC=CD"}},
		{"accents and apostrophes", "Côte d’Ivoire and Cote d'Ivoire and São Tomé and Príncipe", []string{"Côte d’Ivoire=CI", "Cote d'Ivoire=CI", "São Tomé and Príncipe=ST"}},
		{"heading in capitals", "# CHINA", []string{"CHINA=CN"}},
		{"official name", "the People's Republic of China and the Russian Federation", []string{"People's Republic of China=CN", "Russian Federation=RU"}},
		{"Taiwan and Republic of China", "Republic of China and People’s Republic of China", []string{"Republic of China=TW", "People’s Republic of China=CN"}},
		{"demonyms", "Danes, Emiratis and Saudis", []string{"Danes=DK", "Emiratis=AE", "Saudis=SA"}},
		{"adjective inside a body name", "the Chinese Academy of Sciences", []string{"Chinese=CN"}},
		{"American but not Latin American", "American and Latin American partners", []string{"American=US"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matchTexts(g.MatchCountries(tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("MatchCountries(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMatchOffsets(t *testing.T) {
	g := Default()
	text := "Über – the Sino-Danish centre, with Chinese Academy of Sciences."
	for _, m := range append(g.MatchCountries(text), g.MatchBodies(text)...) {
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("match %q has offsets %d:%d that cut %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
}

func TestMatchBodies(t *testing.T) {
	g := Default()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"name then acronym", "the Chinese Academy of Sciences (CAS) and CASIA", []string{
			"Chinese Academy of Sciences=Chinese Academy of Sciences", "CAS=Chinese Academy of Sciences", "CASIA=Institute of Automation"}},
		{"acronyms exact case", "WHO asked who; MOST said most; Cas and cas", []string{"WHO=World Health Organization", "MOST=Ministry of Science and Technology"}},
		{"acronym as whole word", "CASC and CAS-led work and UNESCO's centre", []string{
			"CASC=China Aerospace Science and Technology Corporation", "CAS=Chinese Academy of Sciences",
			"UNESCO=United Nations Educational, Scientific and Cultural Organization"}},
		{"inner words any case", "the Community of Latin American and Caribbean states", []string{
			"Community of Latin American and Caribbean states=Community of Latin American and Caribbean States"}},
		{"optional the", "University of the Chinese Academy of Sciences", []string{
			"University of the Chinese Academy of Sciences=University of Chinese Academy of Sciences"}},
		{"forum longer than country", "the China-CELAC Forum and the CELAC-China Forum", []string{
			"China-CELAC Forum=China-CELAC Forum", "CELAC-China Forum=China-CELAC Forum"}},
		{"adjective before a national body", "the Chinese Ministry of Education", []string{"Chinese Ministry of Education=Ministry of Education"}},
		{"other countries", "Roscosmos, CONAE, KACST, A*STAR and Innovation Fund Denmark", []string{
			"Roscosmos=Roscosmos", "CONAE=National Commission on Space Activities", "KACST=King Abdulaziz City for Science and Technology",
			"A*STAR=Agency for Science, Technology and Research", "Innovation Fund Denmark=Innovation Fund Denmark"}},
		{"lower-case name is no body", "an institute of automation", []string{}},
		{"no acronyms in capitals headings", "THE MOST IMPORTANT NEWS FROM WHO\nMOST and WHO\nCNSA", []string{
			"MOST=Ministry of Science and Technology", "WHO=World Health Organization", "CNSA=China National Space Administration"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matchTexts(g.MatchBodies(tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("MatchBodies(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMatchBodiesMarksSharedAcronyms(t *testing.T) {
	g := Default()
	ms := g.MatchBodies("AAS and CAS")
	if len(ms) != 2 || !ms[0].Ambiguous || ms[1].Ambiguous {
		t.Fatalf("MatchBodies = %+v, want AAS ambiguous and CAS not", ms)
	}
	if n := len(g.BodiesByAcronym(ms[0].Text)); n != 2 {
		t.Fatalf("BodiesByAcronym(AAS) has %d bodies, want 2", n)
	}
	// the body listed first in the data is the one reported
	if ms := g.MatchBodies("built by CAST"); len(ms) != 1 || ms[0].Body.Name != "China Academy of Space Technology" {
		t.Fatalf("MatchBodies(CAST) = %v, want the China Academy of Space Technology first", matchTexts(ms))
	}
}

func TestMatchAllPrefersTheLongerBody(t *testing.T) {
	g := Default()
	got := matchTexts(g.MatchAll("Chinese and Danish experts at the Chinese Academy of Sciences and the China-CELAC Forum"))
	want := []string{"Chinese=CN", "Danish=DK", "Chinese Academy of Sciences=Chinese Academy of Sciences", "China-CELAC Forum=China-CELAC Forum"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("MatchAll = %v, want %v", got, want)
	}
}

func TestBodiesByAcronym(t *testing.T) {
	g := Default()
	tests := []struct {
		acr  string
		want []string
	}{
		{"AAS", []string{"Australian Academy of Science", "African Academy of Sciences"}},
		{"CAST", []string{"China Association for Science and Technology", "China Academy of Space Technology"}},
		{"CAS", []string{"Chinese Academy of Sciences"}},
		{"cas", nil},
		{"NOPE", nil},
	}
	for _, tt := range tests {
		t.Run(tt.acr, func(t *testing.T) {
			var got []string
			for _, b := range g.BodiesByAcronym(tt.acr) {
				got = append(got, b.Name)
			}
			sort.Strings(got)
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("BodiesByAcronym(%q) = %v, want %v", tt.acr, got, want)
			}
		})
	}
}

func TestBodyByName(t *testing.T) {
	g := Default()
	tests := []struct {
		in, want, country, parent string
	}{
		{"Chinese Academy of Sciences", "Chinese Academy of Sciences", "CN", ""},
		{"the chinese academy of sciences", "Chinese Academy of Sciences", "CN", ""},
		{"University of the Chinese Academy of Sciences", "University of Chinese Academy of Sciences", "CN", "Chinese Academy of Sciences"},
		{"Institute of Automation", "Institute of Automation", "CN", "Chinese Academy of Sciences"},
		{"UN Environment", "United Nations Environment Programme", "", "United Nations"},
		{"Forum on China–Africa Cooperation", "Forum on China-Africa Cooperation", "", ""},
		{"Royal Society Te Aparangi", "Royal Society Te Apārangi", "NZ", ""},
		{"CAS", "", "", ""},
		{"Ministry of Magic", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			b, ok := g.BodyByName(tt.in)
			if ok != (tt.want != "") || b.Name != tt.want || b.Country != tt.country || b.Parent != tt.parent {
				t.Fatalf("BodyByName(%q) = %+v, %v; want %q in %q under %q", tt.in, b, ok, tt.want, tt.country, tt.parent)
			}
		})
	}
}

// unMembers are the ISO codes of the 193 UN member states, typed from the
// UN's member list, independently of data/countries.tsv.
const unMembers = `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY
HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM
MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA
SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN
YE ZM ZW`

func TestDataCountries(t *testing.T) {
	g := Default()
	cs := g.Countries()
	if len(cs) < 245 || len(cs) > 255 {
		t.Fatalf("%d countries, want about 250", len(cs))
	}
	members := strings.Fields(unMembers)
	if len(members) != 193 {
		t.Fatalf("the test lists %d UN members, want 193", len(members))
	}
	for _, code := range append(members, "TW", "HK", "MO", "PS", "XK", "VA") {
		c, ok := g.Country(code)
		if !ok {
			t.Errorf("country %s is missing", code)
			continue
		}
		if got, ok := g.CountryByName(c.Name); !ok || got.Code != code {
			t.Errorf("CountryByName(%q) = %q, want %s", c.Name, got.Code, code)
		}
	}
	alpha3 := map[string]bool{}
	for _, c := range cs {
		if alpha3[c.Alpha3] {
			t.Errorf("alpha-3 %s repeats", c.Alpha3)
		}
		alpha3[c.Alpha3] = true
	}
}

func TestDataBodies(t *testing.T) {
	g := Default()
	bs := g.Bodies()
	if len(bs) < 250 {
		t.Fatalf("%d bodies, want at least 250", len(bs))
	}
	names := map[string]bool{}
	for _, b := range bs {
		if names[b.Name] {
			t.Errorf("body name %q repeats", b.Name)
		}
		names[b.Name] = true
		if b.Country != "" {
			if _, ok := g.Country(b.Country); !ok {
				t.Errorf("%s: country %q does not exist", b.Name, b.Country)
			}
		}
		if !validType(b.Type) {
			t.Errorf("%s: type %q", b.Name, b.Type)
		}
		if got, ok := g.BodyByName(b.Name); !ok || got.Name != b.Name {
			t.Errorf("BodyByName(%q) = %q, %v", b.Name, got.Name, ok)
		}
	}
	for _, b := range bs {
		if b.Parent != "" && !names[b.Parent] {
			t.Errorf("%s: parent %q does not exist", b.Name, b.Parent)
		}
		if b.Type == "intergovernmental" && b.Country != "" {
			t.Errorf("%s: intergovernmental body with country %s", b.Name, b.Country)
		}
	}
}

func TestDataBodiesFindThemselves(t *testing.T) {
	g := Default()
	for _, b := range g.Bodies() {
		for _, name := range append([]string{b.Name}, b.Aliases...) {
			ms := g.MatchBodies(name)
			// a leading "The" and a final full stop are not part of a match
			want := strings.TrimSuffix(strings.TrimPrefix(name, "The "), ".")
			if len(ms) != 1 || ms[0].Text != want || ms[0].Body.Name != b.Name {
				t.Errorf("MatchBodies(%q) = %v, want the whole name as %q", name, matchTexts(ms), b.Name)
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	const ch = "code\talpha3\tname\tofficial\taliases\tadjectives\tdemonyms\tcombining\n"
	const cn = "CN\tCHN\tChina\tPeople's Republic of China\tPRC\tChinese\tChinese\tSino\n"
	const bh = "name\tacronyms\taliases\tcountry\ttype\tparent\n"
	tests := []struct {
		name, countries, bodies string
		want                    []string // substrings of the error
	}{
		{"bad header", "code\tname\n", bh, []string{"countries line 1", "header"}},
		{"bad code", ch + "C1\tCHN\tChina\t\t\t\t\t\n", bh, []string{"countries line 2", `"code"`, "C1"}},
		{"bad alpha3", ch + "CN\tCH\tChina\t\t\t\t\t\n", bh, []string{"countries line 2", `"alpha3"`}},
		{"empty name", ch + "CN\tCHN\t\t\t\t\t\t\n", bh, []string{"countries line 2", `"name"`}},
		{"too many fields", ch + "# comment\n" + cn + "DK\tDNK\tDenmark\t\t\t\t\t\textra\n", bh, []string{"countries line 4", "9 fields"}},
		{"duplicate code", ch + cn + cn, bh, []string{"CN", "twice"}},
		{"clashing names", ch + cn + "TW\tTWN\tTaiwan\t\tChina\t\t\t\n", bh, []string{"China", "belongs to CN"}},
		{"combining form with space", ch + "CN\tCHN\tChina\t\t\t\t\tSino X\n", bh, []string{`"combining"`}},
		{"no bodies header", ch + cn, "", []string{"bodies", "no header"}},
		{"bad type", ch + cn, bh + "Chinese Academy of Sciences\tCAS\t\tCN\tthinktank\t\n", []string{"bodies line 2", `"type"`, "thinktank"}},
		{"unknown country", ch + cn, bh + "Danish Academy\t\t\tDK\tacademy\t\n", []string{"bodies line 2", `"country"`, "DK"}},
		{"unknown parent", ch + cn, bh + "Institute of Automation\t\t\tCN\tinstitute\tChinese Academy of Sciences\n", []string{"bodies line 2", `"parent"`}},
		{"duplicate alias", ch + cn, bh + "A Body\t\tShared Name\tCN\tinstitute\t\nB Body\t\tShared Name\tCN\tinstitute\t\n", []string{"bodies line 3", "Shared Name", "A Body"}},
		{"acronym with space", ch + cn, bh + "A Body\tA B\t\tCN\tinstitute\t\n", []string{"bodies line 2", `"acronyms"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tt.countries), strings.NewReader(tt.bodies))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Fatalf("error code %q, want EINVALID: %v", graph.ErrorCode(err), err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestLoadNilReader(t *testing.T) {
	if _, err := Load(nil, strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "countries") {
		t.Fatalf("Load(nil, ...) = %v, want an error naming the countries file", err)
	}
}

func TestLoadSmallGazetteer(t *testing.T) {
	countries := "code\talpha3\tname\tofficial\taliases\tadjectives\tdemonyms\tcombining\n" +
		"CN\tCHN\tChina\tPeople's Republic of China\tPRC\tChinese\tChinese\tSino\n" +
		"DK\tDNK\tDenmark\t\t\tDanish\tDanes\tDano\n"
	bodies := "name\tacronyms\taliases\tcountry\ttype\tparent\n" +
		"Chinese Academy of Sciences\tCAS\t\tCN\tacademy\t\n" +
		"Institute of Automation\tCASIA\t\tCN\tinstitute\tChinese Academy of Sciences\n"
	g, err := Load(strings.NewReader(countries), strings.NewReader(bodies))
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := g.Country("DK"); c.Official != "Denmark" {
		t.Fatalf("an empty official name defaults to the name; got %q", c.Official)
	}
	got := matchTexts(g.MatchAll("Sino-Danish work at the CASIA of the Chinese Academy of Sciences"))
	want := []string{"Sino=CN", "Danish=DK", "CASIA=Institute of Automation", "Chinese Academy of Sciences=Chinese Academy of Sciences"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("MatchAll = %v, want %v", got, want)
	}
}

func TestConcurrentUse(t *testing.T) {
	g := Default()
	want := matchTexts(g.MatchAll("Sino-Danish work at the Chinese Academy of Sciences (CAS)"))
	done := make(chan []string)
	for i := 0; i < 4; i++ {
		go func() { done <- matchTexts(g.MatchAll("Sino-Danish work at the Chinese Academy of Sciences (CAS)")) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Fatalf("concurrent MatchAll = %v, want %v", got, want)
		}
	}
}
