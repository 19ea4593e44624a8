package gazetteer

import (
	"strings"
	"testing"
)

// benchText is about 1 MB of review-like prose written for this benchmark:
// country names, adjectives, compounds, bodies, acronyms and plenty of
// ordinary words that match nothing.
func benchText() string {
	paras := []string{
		"On 12 March the Brazilian Minister of Science, Technology and Innovation met her Chinese counterpart in Beijing, " +
			"where the two sides reviewed a decade of Sino-Brazilian cooperation on Earth observation satellites built by INPE and CAST.",
		"The Australian Academy of Science (AAS) and the National Natural Science Foundation of China (NSFC) agreed to refine " +
			"their joint funding calls, while the African Academy of Sciences sent observers from Nairobi.",
		"Researchers from the Institute of Automation of the Chinese Academy of Sciences, together with colleagues at " +
			"Tsinghua University and the Technical University of Denmark, released an open model for solar flare forecasting.",
		"At the ministerial meeting of the China-CELAC Forum, delegations from Argentina, Chile, Mexico and the Caribbean " +
			"discussed laboratories for agriculture, radio spectrum and geoscience training across Latin America.",
		"Roscosmos and the China National Space Administration (CNSA) briefed UNESCO, the UN Office for Outer Space Affairs " +
			"and ESA on lunar research station plans; the US and Japan were not part of the talks.",
		"Meanwhile, a Danish cluster for water technology and a university in Shenzhen signed a memorandum to connect " +
			"start-ups with industrial parks, and the Saudi Space Agency announced a payload on a Chinese mission.",
	}
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkMatch measures MatchAll, which walks countries, regions and
// bodies together; the MB/s column is the extraction throughput.
func BenchmarkMatch(b *testing.B) {
	g := Default()
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(g.MatchAll(text)) == 0 {
			b.Fatal("no matches")
		}
	}
}

// BenchmarkLoad measures building the gazetteer from the embedded files.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := LoadWithRegions(mustOpen("data/countries.tsv"), mustOpen("data/bodies.tsv"), mustOpen("data/regions.tsv")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchOneLine runs MatchAll on the same text with no line breaks,
// the worst case for the all-capitals heading check.
func BenchmarkMatchOneLine(b *testing.B) {
	g := Default()
	text := strings.ReplaceAll(benchText(), "\n", " ")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.MatchAll(text)
	}
}
