// Package review parses documents (monthly reviews as converted from PDF or
// written in Markdown, wire news with datelines, bulleted digests, briefings,
// Markdown tables of agreements) into document metadata, entries, paragraphs
// and sentences with byte offsets into the original text, and resolves the
// date phrases they contain. It knows nothing of entities or relations.
//
// It imports the standard library and package graph only.
package review

// Format names a recognised document layout.
type Format string

// Formats.
const (
	FormatReview   Format = "review"   // headings with sections (the seed's layout)
	FormatWire     Format = "wire"     // stories with datelines ("BEIJING, Sept. 18 --")
	FormatDigest   Format = "digest"   // bullets, each with its own date
	FormatBriefing Format = "briefing" // headed sections, acronyms, coreference
	FormatTable    Format = "table"    // contains Markdown tables of agreements
)

// Options override what Parse reads from the text.
type Options struct {
	ID        string // document id; default: derived from title and issue month
	Title     string
	Publisher string
	Issued    string // "2025-05"; default: read from the title block
	Source    string // file path or URL, kept as provenance
}

// Document is a parsed document.
type Document struct {
	ID        string
	Title     string
	Publisher string
	Issued    string // YYYY-MM (or YYYY-MM-DD, YYYY), "" if unknown
	Source    string
	Format    Format
	Text      string // the original text, as given
	Entries   []Entry
}

// Entry is one item: a section, a wire story, a digest bullet, a table row.
type Entry struct {
	ID        string // slug of the heading, unique in the document
	Heading   string // cleaned heading text ("" for digest items)
	Date      string // the entry's own date (dateline, digest date, table date), ISO
	Start     int    // byte offsets of the entry in Document.Text
	End       int
	Sentences []Sentence
	// Rows holds the rows of a Markdown table in this entry, cells cleaned,
	// header row excluded; nil when the entry has no table.
	Rows   []Row
	Header []string
	// Place is the city of a wire story's dateline ("BEIJING" → "Beijing"),
	// "" when the entry has none.
	Place string
}

// Sentence is one sentence, cleaned for extraction: link markers such as
// "[signed](#)" reduced to their text, emphasis markers and <sup> tags
// removed, a paragraph broken across a page boundary rejoined.
type Sentence struct {
	Text  string // cleaned text
	Start int    // byte offsets of the sentence in Document.Text
	End   int
	// Para is the index of the paragraph within the entry.
	Para int
}

// Row is one table row: cells cleaned, with the offsets of the row.
type Row struct {
	Cells []string
	Start int
	End   int
	// Date is the row's date column (the column headed "Date", or else the
	// first cell that is a date) as ISO, "" when it has none.
	Date string
}

// DateMention is a date phrase found in a sentence.
type DateMention struct {
	Start, End int    // byte offsets in the cleaned sentence text
	Text       string // as written ("on 13 May", "in 2011", "(2025-2027)")
	Value      string // ISO at the precision stated ("2025-05-13", "2011")
	// Until is the end of a period ("(2025-2027)" → Value "2025", Until "2027").
	Until string
}
