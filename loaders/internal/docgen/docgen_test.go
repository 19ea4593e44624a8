package docgen

import (
	"strings"
	"testing"
)

// TestDocumentDeterministic checks a document depends only on seed and
// number, and that different numbers give different documents.
func TestDocumentDeterministic(t *testing.T) {
	a, b, c := Document(1, 5), Document(1, 5), Document(1, 6)
	if a != b {
		t.Fatal("same seed and number give different documents")
	}
	if a == c {
		t.Fatal("different numbers give the same document")
	}
	if !strings.HasPrefix(a, "# ") || strings.Count(a, "\n## ") != 5 {
		t.Fatalf("unexpected layout:\n%s", a)
	}
}
