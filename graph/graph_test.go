package graph

import "testing"

func TestEdgeTypeAllows(t *testing.T) {
	tests := []struct {
		t        EdgeType
		from, to Kind
		want     bool
	}{
		{Signed, Person, Agreement, true},
		{Signed, Place, Agreement, false},
		{PartOf, Agreement, Event, true},
		{PartOf, Agreement, Institution, false},
		{PartOf, Project, Mission, true},
		{AffiliatedWith, Person, Country, true},
		{AffiliatedWith, Institution, Country, false},
		{CollaboratedWith, Country, Institution, true},
	}
	for _, tt := range tests {
		if got := tt.t.Allows(tt.from, tt.to); got != tt.want {
			t.Errorf("%s.Allows(%s, %s) = %v, want %v", tt.t, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestFactsValidate(t *testing.T) {
	ok := func() Facts {
		return Facts{
			Document: Document{ID: "d1"},
			Nodes:    []Node{{ID: "p:a", Kind: Person, Name: "A"}, {ID: "a:x", Kind: Agreement, Name: "X"}},
			Edges:    []Edge{{Type: Signed, From: "p:a", To: "a:x", Date: "2025-05-13", Confidence: 0.9}},
		}
	}
	tests := []struct {
		name   string
		mutate func(*Facts)
		code   string
	}{
		{"OK", func(*Facts) {}, ""},
		{"ErrEmptyDocument", func(f *Facts) { f.Document.ID = "" }, EINVALID},
		{"ErrUnknownKind", func(f *Facts) { f.Nodes[0].Kind = "Alien" }, EINVALID},
		{"ErrEmptyID", func(f *Facts) { f.Nodes[0].ID = "" }, EINVALID},
		{"ErrDuplicateID", func(f *Facts) { f.Nodes[1].ID = "p:a" }, EINVALID},
		{"ErrDangling", func(f *Facts) { f.Edges[0].To = "a:missing" }, EINVALID},
		{"ErrBadEndpoints", func(f *Facts) { f.Edges[0].Type = BasedIn }, EINVALID},
		{"ErrBadDate", func(f *Facts) { f.Edges[0].Date = "2025-13" }, EINVALID},
		{"ErrConfidence", func(f *Facts) { f.Edges[0].Confidence = 1.5 }, EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ok()
			tt.mutate(&f)
			if got := ErrorCode(f.Validate()); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, f.Validate())
			}
		})
	}
}

func TestFilterAdmitsDate(t *testing.T) {
	f := Filter{From: "2025-05", To: "2025-05"}
	for date, want := range map[string]bool{
		"2025-05-13": true, "2025": true, "2025-06-01": false, "2024-12": false, "": true,
	} {
		if got := f.AdmitsDate(date); got != want {
			t.Errorf("AdmitsDate(%q) = %v, want %v", date, got, want)
		}
	}
	f.DatedOnly = true
	if f.AdmitsDate("") {
		t.Error("DatedOnly admitted an undated edge")
	}
}

func TestComputeHashIgnoresOrder(t *testing.T) {
	a := Facts{Document: Document{ID: "d"}, Nodes: []Node{{ID: "x", Kind: Person, Name: "X"}, {ID: "y", Kind: Person, Name: "Y"}}}
	b := Facts{Document: Document{ID: "d"}, Nodes: []Node{a.Nodes[1], a.Nodes[0]}}
	if a.ComputeHash() != b.ComputeHash() {
		t.Fatal("hash depends on node order")
	}
	b.Nodes[0].Name = "Z"
	if a.ComputeHash() == b.ComputeHash() {
		t.Fatal("hash ignores a changed name")
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"The Chinese Academy of Sciences": "chinese academy of sciences",
		"Chang'e-6":                       "change 6",
		"  São  Paulo ":                   "sao paulo",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	c := EncodeCursor("2025-05-13", "SIGNED|a|b|")
	parts, err := DecodeCursor(c, 2)
	if err != nil || parts[0] != "2025-05-13" || parts[1] != "SIGNED|a|b|" {
		t.Fatalf("DecodeCursor = %v, %v", parts, err)
	}
	if _, err := DecodeCursor("!!", 2); ErrorCode(err) != EINVALID {
		t.Fatalf("malformed cursor: %v", err)
	}
}

func TestValidDate(t *testing.T) {
	for _, c := range []struct {
		date string
		ok   bool
	}{
		{"", true}, {"2025", true}, {"0000", true}, {"2025-05", true}, {"2025-12-31", true}, {"2024-02-01", true},
		{"202", false}, {"20255", false}, {"2025-5", false}, {"2025-00", false}, {"2025-13", false},
		{"2025-05-00", false}, {"2025-05-32", false}, {"2025-05-1", false}, {"2025/05/01", false},
		{"2025-05-", false}, {"+202", false}, {"2025-+1", false}, {"20x5", false}, {"2025-05-01T", false},
	} {
		if got := ValidDate(c.date); got != c.ok {
			t.Errorf("ValidDate(%q) = %v, want %v", c.date, got, c.ok)
		}
	}
}
