package loaders

import (
	"context"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/review"
)

// Ingester extracts a document given as text and applies its facts to
// Store: the API's ingestDocument mutation.
type Ingester struct {
	Store graph.Store
}

// Ingest extracts text (facts JSON when format is "facts" or the text starts
// with "{"; a document otherwise, whose title and issue date may be
// overridden) and applies it in one transaction. Source names the document
// in errors and provenance. Bad text is EINVALID and nothing is written.
func (in Ingester) Ingest(ctx context.Context, text, format, title, issued, source string) (graph.ApplySummary, error) {
	if source == "" {
		source = "ingested document"
	}
	if len(text) > MaxFileBytes {
		return graph.ApplySummary{}, graph.Errorf(graph.EINVALID, "%s: document too large: %d bytes, the limit is %d bytes", source, len(text), MaxFileBytes)
	}
	if format == "facts" && (len(text) == 0 || text[0] != '{') {
		return graph.ApplySummary{}, graph.Errorf(graph.EINVALID, "%s: format facts needs a JSON object", source)
	}
	f, err := ExtractBytes(source, []byte(text), review.Options{Title: title, Issued: issued, Source: source})
	if err != nil {
		return graph.ApplySummary{}, err
	}
	return in.Store.Apply(ctx, f)
}
