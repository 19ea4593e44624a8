package neo4j

import (
	"encoding/json"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

func TestEvidenceTextRoundTrip(t *testing.T) {
	cases := []graph.Evidence{
		{},
		{Document: "doc-1", Entry: "e2", Sentence: "A plain sentence.", Start: 10, End: 27},
		{Document: "d\x1fx", Entry: "\x1e", Sentence: "separators \x1f\x1e inside, quotes \" and ünïcode", Start: 0, End: 3},
		{Sentence: "only a sentence", Start: 5, End: 1 << 40},
	}
	for _, e := range cases {
		got, ok := decodeEvidenceText(evidenceText(e))
		if !ok || got != e {
			t.Fatalf("round trip of %+v = %+v, %v", e, got, ok)
		}
		// What earlier versions stored, JSON, still reads.
		b, _ := json.Marshal(e)
		if got, ok := decodeEvidenceText(string(b)); !ok || got != e {
			t.Fatalf("JSON %s read as %+v, %v", b, got, ok)
		}
	}
}

func TestEvidenceTextRejectsDamage(t *testing.T) {
	good := evidenceText(graph.Evidence{Document: "doc", Entry: "e", Sentence: "s", Start: 1, End: 2})
	for _, bad := range []string{good[:4], evidenceMark + "1\x1f2\x1f99\x1f0\x1fdoc", evidenceMark + "x\x1f", "{not json"} {
		if e, ok := decodeEvidenceText(bad); ok {
			t.Fatalf("damaged %q decoded as %+v", bad, e)
		}
	}
}
