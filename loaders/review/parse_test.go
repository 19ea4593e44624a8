package review

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// A review converted from PDF: publisher lines, a line in another script,
// a title split over two headings, an issue month, a table of contents,
// markup, and paragraphs broken across page boundaries.
const pdfReview = `

OCEAN POLICY  
FORUM OF THE PACIFIC

海洋政策论坛

# OCEAN

## RESEARCH MONTHLY

March 2022

- **Tide Gauge Accord**
- **Deep Sea Probe**

## Tide Gauge Accord

On 4 March the marine agencies of Fiji and Chile [signed](#) an accord on tide gauges. The accord covers data sharing, training and joint surveys of the coastal

shelf and the outer reefs.

Dr. Ana Ruiz, head of the Chilean agency, said the work would start in April.

### **Deep Sea Probe**

The *Haiyan-3* probe, built by the institute, reached 6,000 metres on 28 February. It was guided by a team headed by Prof.

Lena Marsh of the Deep Ocean Lab and carried the 3<sup>rd</sup> generation sonar.
`

func TestParseReviewFromPDF(t *testing.T) {
	doc := mustParse(t, pdfReview, Options{Source: "x.txt"})
	checkOffsets(t, doc)
	if doc.Title != "Ocean Research Monthly" || doc.Publisher != "Ocean Policy Forum of the Pacific" || doc.Issued != "2022-03" {
		t.Errorf("title %q, publisher %q, issued %q", doc.Title, doc.Publisher, doc.Issued)
	}
	if doc.Format != FormatReview || doc.Source != "x.txt" || doc.ID != "ocean-research-monthly-2022-03" {
		t.Errorf("format %q, source %q, id %q", doc.Format, doc.Source, doc.ID)
	}
	if got := fmt.Sprintf("%q", headings(doc)); got != `["Tide Gauge Accord" "Deep Sea Probe"]` {
		t.Errorf("headings %s", got)
	}
	if doc.Entries[0].ID != "tide-gauge-accord" || doc.Entries[1].ID != "deep-sea-probe" {
		t.Errorf("ids %s, %s", doc.Entries[0].ID, doc.Entries[1].ID)
	}
	want := []string{
		"On 4 March the marine agencies of Fiji and Chile signed an accord on tide gauges.",
		"The accord covers data sharing, training and joint surveys of the coastal shelf and the outer reefs.",
		"Dr. Ana Ruiz, head of the Chilean agency, said the work would start in April.",
		"The Haiyan-3 probe, built by the institute, reached 6,000 metres on 28 February.",
		"It was guided by a team headed by Prof. Lena Marsh of the Deep Ocean Lab and carried the 3rd generation sonar.",
	}
	if got := sentences(doc); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	paras := []int{}
	for _, s := range doc.Entries[0].Sentences {
		paras = append(paras, s.Para)
	}
	if fmt.Sprint(paras) != "[0 0 1]" {
		t.Errorf("paragraph indexes %v, want [0 0 1]", paras)
	}
	s := doc.Entries[0].Sentences[0]
	if src := doc.Text[s.Start:s.End]; !strings.Contains(src, "[signed](#)") {
		t.Errorf("source of first sentence %q lacks its link marker", src)
	}
}

func TestParseTitleBlockWithDateOnPublisherLine(t *testing.T) {
	doc := mustParse(t, "# Coastal Science Review\nsample publisher — January 2020\n\n## Reef Survey Ends\n\nThe survey ended on 28 December after six weeks at sea.\n", Options{})
	checkOffsets(t, doc)
	if doc.Title != "Coastal Science Review" || doc.Publisher != "sample publisher" || doc.Issued != "2020-01" {
		t.Errorf("title %q, publisher %q, issued %q", doc.Title, doc.Publisher, doc.Issued)
	}
	if ms := FindDates(doc.Entries[0].Sentences[0].Text, doc.Issued); len(ms) != 1 || ms[0].Value != "2019-12-28" {
		t.Errorf("dates %v, want 28 December of the previous year", ms)
	}
}

const wire = "# Ocean Wire — October 2023\nsample publisher\n\n" +
	"## Fiji opens a reef lab\n\nSUVA, Sept. 28 -- Fiji opened a reef laboratory on Tuesday. Officials from Chile attended.\n\nThe lab has 12 staff.\n\n" +
	"## Kenya joins tide network\n\nNAIROBI, Kenya, Oct. 2 (Xinhua) — Kenya joined the regional tide network. The network began in 2019.\n\n" +
	"## Lisbon hosts ocean talks\n\nLISBON, Oct. 5, 2023 -- Ministers met in Lisbon.\n"

func TestParseWire(t *testing.T) {
	doc := mustParse(t, wire, Options{})
	checkOffsets(t, doc)
	if doc.Format != FormatWire || doc.Title != "Ocean Wire" || doc.Issued != "2023-10" {
		t.Fatalf("format %q, title %q, issued %q", doc.Format, doc.Title, doc.Issued)
	}
	var got []string
	for _, e := range doc.Entries {
		got = append(got, e.Date+" "+e.Place+" / "+e.Sentences[0].Text)
	}
	want := []string{
		"2023-09-28 Suva / Fiji opened a reef laboratory on Tuesday.",
		"2023-10-02 Nairobi / Kenya joined the regional tide network.",
		"2023-10-05 Lisbon / Ministers met in Lisbon.",
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("stories\n got %q\nwant %q", got, want)
	}
	first := doc.Entries[0]
	if ms := FindDates(first.Sentences[0].Text, first.Date); len(ms) != 1 || ms[0].Value != "2023-09-26" {
		t.Errorf("weekday against dateline: %v, want Tuesday 2023-09-26", ms)
	}
}

const digest = "# Ocean Digest — Q2 2024\nsample publisher — June 2024\n\nThis digest lists the quarter's items.\n\n" +
	"- **12 April 2024** — Fiji and Chile signed a reef accord. It runs (2024-2026).\n" +
	"- **3 May** — Kenya joined the tide network.\n  Talks had begun in 2022.\n" +
	"- **3 May** — Peru hosted a workshop.\n" +
	"- **April 30, 2024**: Samoa opened a station.\n"

func TestParseDigest(t *testing.T) {
	doc := mustParse(t, digest, Options{})
	checkOffsets(t, doc)
	if doc.Format != FormatDigest || doc.Title != "Ocean Digest" || doc.Issued != "2024-06" {
		t.Fatalf("format %q, title %q, issued %q", doc.Format, doc.Title, doc.Issued)
	}
	var got []string
	for _, e := range doc.Entries {
		got = append(got, fmt.Sprintf("%s %s %q %d", e.ID, e.Date, e.Heading, len(e.Sentences)))
	}
	want := []string{`intro  "" 1`, `2024-04-12 2024-04-12 "" 2`, `2024-05-03 2024-05-03 "" 2`, `2024-05-03-2 2024-05-03 "" 1`, `2024-04-30 2024-04-30 "" 1`}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("entries\n got %q\nwant %q", got, want)
	}
	if s := doc.Entries[1].Sentences[0].Text; s != "Fiji and Chile signed a reef accord." {
		t.Errorf("first item sentence %q still holds its date", s)
	}
}

func TestParseIssueQuarterOnly(t *testing.T) {
	doc := mustParse(t, "# Ocean Digest — Q3 2021\n\n- **2 July** — Fiji signed.\n- **9 August** — Chile signed.\n", Options{})
	if doc.Issued != "2021-09" || doc.Entries[0].Date != "2021-07-02" {
		t.Errorf("issued %q, first date %q", doc.Issued, doc.Entries[0].Date)
	}
}

const tableDoc = "# Ocean Review\nsample publisher — June 2024\n\n## Reef Accord Signed\n\nFiji and Chile signed a reef accord on 3 June.\n\n" +
	"## Agreements signed this month\n\n| Date | Parties | Agreement | Place |\n|---|---|---|---|\n" +
	"| 2024-06-03 | Fiji Marine Agency; Chile Ocean Office | Accord on **Reef** Monitoring | Suva |\n" +
	"| 14 June | Kenya Tide Service; Peru Sea Institute | MoU on Tide Data | Lima |\n"

func TestParseTable(t *testing.T) {
	doc := mustParse(t, tableDoc, Options{})
	checkOffsets(t, doc)
	if doc.Format != FormatTable || len(doc.Entries) != 2 {
		t.Fatalf("format %q, %d entries", doc.Format, len(doc.Entries))
	}
	e := doc.Entries[1]
	if fmt.Sprintf("%q", e.Header) != `["Date" "Parties" "Agreement" "Place"]` || len(e.Rows) != 2 || len(e.Sentences) != 0 {
		t.Fatalf("header %q, %d rows, %d sentences", e.Header, len(e.Rows), len(e.Sentences))
	}
	r := e.Rows[0]
	if r.Date != "2024-06-03" || r.Cells[1] != "Fiji Marine Agency; Chile Ocean Office" || r.Cells[2] != "Accord on Reef Monitoring" {
		t.Errorf("row 0: %s %q", r.Date, r.Cells)
	}
	if !strings.HasPrefix(doc.Text[r.Start:r.End], "| 2024-06-03") || e.Rows[1].Date != "2024-06-14" {
		t.Errorf("row 0 source %q, row 1 date %q", doc.Text[r.Start:r.End], e.Rows[1].Date)
	}
}

const briefing = "# Briefing: Reef Science Ties\nsample publisher — November 2022\n\n" +
	"Reef science links Fiji and Chile. This note sums them up.\n\n" +
	"## Background\n\nThe Fiji Marine Agency (FMA) works with Chile. The agency signed an accord.\n\n" +
	"## Outlook\n\nThe FMA plans more surveys.\n"

func TestParseBriefingWithIntro(t *testing.T) {
	doc := mustParse(t, briefing, Options{})
	checkOffsets(t, doc)
	if doc.Format != FormatBriefing || doc.Title != "Briefing: Reef Science Ties" || doc.Issued != "2022-11" {
		t.Fatalf("format %q, title %q, issued %q", doc.Format, doc.Title, doc.Issued)
	}
	if got := fmt.Sprintf("%q", headings(doc)); got != `["" "Background" "Outlook"]` || doc.Entries[0].ID != "intro" {
		t.Errorf("headings %s, first id %s", got, doc.Entries[0].ID)
	}
}

func TestParsePlainText(t *testing.T) {
	doc := mustParse(t, "Reef Notes\nSample Publisher\nMay 2021\n\nFiji signed an accord with Chile. It covers reef data.\n\nA second paragraph follows here.\n", Options{})
	checkOffsets(t, doc)
	if doc.Title != "Reef Notes" || doc.Publisher != "Sample Publisher" || doc.Issued != "2021-05" {
		t.Errorf("title %q, publisher %q, issued %q", doc.Title, doc.Publisher, doc.Issued)
	}
	if len(doc.Entries) != 1 || len(doc.Entries[0].Sentences) != 3 {
		t.Errorf("%d entries, sentences %q", len(doc.Entries), sentences(doc))
	}
}

func TestParsePageBreaks(t *testing.T) {
	text := "# R\nMay 2020\n\n## A\n\n" +
		"The delegation was led by the Deputy Director of the Lunar\n\nExploration Centre, who spoke first.\n\n" +
		"It ended with a statement.\n\nA new paragraph starts here.\n\n" +
		"Short caption\n\nNext paragraph is separate.\n"
	doc := mustParse(t, text, Options{})
	checkOffsets(t, doc)
	want := []string{
		"The delegation was led by the Deputy Director of the Lunar Exploration Centre, who spoke first.",
		"It ended with a statement.", "A new paragraph starts here.", "Short caption", "Next paragraph is separate.",
	}
	if got := sentences(doc); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	s := doc.Entries[0].Sentences[0]
	if !strings.Contains(doc.Text[s.Start:s.End], "Lunar\n\nExploration") {
		t.Errorf("rejoined sentence source %q does not span the break", doc.Text[s.Start:s.End])
	}
}

func TestParseEntryIDsAreUnique(t *testing.T) {
	doc := mustParse(t, "# R\nMay 2020\n\n## News\n\nOne thing.\n\n## News\n\nTwo things.\n\n## News!\n\nThree things.\n", Options{})
	var ids []string
	for _, e := range doc.Entries {
		ids = append(ids, e.ID)
	}
	if fmt.Sprintf("%q", ids) != `["news" "news-2" "news-3"]` {
		t.Errorf("ids %v", ids)
	}
}

func TestParseGroupingHeadingIsNotAnEntry(t *testing.T) {
	doc := mustParse(t, "# R\nMay 2020\n\n## Asia\n\n### Fiji\n\nFiji signed.\n\n### Chile\n\nChile signed.\n", Options{})
	if got := fmt.Sprintf("%q", headings(doc)); got != `["Fiji" "Chile"]` {
		t.Errorf("headings %s", got)
	}
}

func TestParseOptionsOverride(t *testing.T) {
	doc := mustParse(t, digest, Options{ID: "d1", Title: "T", Publisher: "P", Issued: "2025-06", Source: "s"})
	if doc.ID != "d1" || doc.Title != "T" || doc.Publisher != "P" || doc.Issued != "2025-06" || doc.Source != "s" {
		t.Errorf("got %q %q %q %q %q", doc.ID, doc.Title, doc.Publisher, doc.Issued, doc.Source)
	}
	if d := doc.Entries[2].Date; d != "2025-05-03" {
		t.Errorf("yearless item date %q, want it resolved against the overriding issue month", d)
	}
}

func TestParseLineEndingsAndBOM(t *testing.T) {
	text := "\uFEFF# Reef Review\r\nMay 2020\r\n\r\n## Fiji\r\n\r\nFiji signed an accord.\r\nIt runs to 2030.\r\n"
	doc := mustParse(t, text, Options{})
	checkOffsets(t, doc)
	if doc.Title != "Reef Review" || fmt.Sprintf("%q", sentences(doc)) != `["Fiji signed an accord." "It runs to 2030."]` {
		t.Errorf("title %q, sentences %q", doc.Title, sentences(doc))
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opt  Options
		want string
	}{
		{"Empty", nil, Options{}, "empty document"},
		{"WhitespaceOnly", []byte(" \n\t\n"), Options{}, "empty document"},
		{"NULByte", []byte("# T\n\x00\x01binary"), Options{}, "binary data, not text: NUL byte at offset 4"},
		{"ControlCharacters", []byte(strings.Repeat("\x01\x02ab", 50)), Options{}, "binary data"},
		{"InvalidUTF8", []byte("# Title\nab\xffcd"), Options{}, "invalid UTF-8 at byte offset 10"},
		{"TooLarge", []byte(strings.Repeat("a", MaxBytes+1)), Options{}, fmt.Sprintf("%d bytes, the limit is %d bytes", MaxBytes+1, MaxBytes)},
		{"NoEntriesTitleOnly", []byte("# Title\n\nMay 2024\n"), Options{}, "no entries found"},
		{"NoEntriesListOfHeadings", []byte("- **One**\n- **Two**\n"), Options{}, "no entries found"},
		{"BadIssuedOption", []byte(digest), Options{Issued: "June 2024"}, `issued "June 2024"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.in, tt.opt)
			if err == nil {
				t.Fatalf("Parse returned %d entries and no error", len(doc.Entries))
			}
			if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q (code %s), want EINVALID containing %q", err, graph.ErrorCode(err), tt.want)
			}
		})
	}
}

func TestIssueDate(t *testing.T) {
	tests := []struct{ line, want string }{
		{"May 2025", "2025-05"},
		{"Q2 2024 / June 2024", "2024-06"},
		{"Cooperation Digest — Q3 2021", "2021-09"},
		{"sample publisher — January 2019", "2019-01"},
		{"Published 3 June 2024", "2024-06-03"},
		{"Sept. 2023 issue", "2023-09"},
		{"Issue 2024", ""},
		{"SCIENCE AND TECHNOLOGY REVIEW", ""},
	}
	for _, tt := range tests {
		if got := issueDate(tt.line); got != tt.want {
			t.Errorf("issueDate(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestStripDates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sample publisher — June 2024", "sample publisher"},
		{"Science Wire — September 2023", "Science Wire"},
		{"Ocean Digest — January to April 2024", "Ocean Digest"},
		{"Q2 2024 / June 2024", ""},
		{"Vision 2035 Institute", "Vision 2035 Institute"},
	}
	for _, tt := range tests {
		if got := stripDates(tt.in); got != tt.want {
			t.Errorf("stripDates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseSkipsOtherScriptsAndSubheadings(t *testing.T) {
	text := "# R\nMay 2020\n\n## Reef Accord\n\nFiji signed an accord\n\n#### Details\n\nwith Chile on 3 May.\n\n海洋政策论坛签署了协议。\n\nThe accord took effect.\n"
	doc := mustParse(t, text, Options{})
	checkOffsets(t, doc)
	want := `["Fiji signed an accord" "with Chile on 3 May." "The accord took effect."]`
	if got := fmt.Sprintf("%q", sentences(doc)); got != want {
		t.Errorf("sentences %s\nwant %s (no join across a sub-heading, no other-script paragraph)", got, want)
	}
}
