package server

import (
	"context"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders"
	"github.com/sdkg/sdkg/loaders/review"
)

// textLoader ingests text with package loaders: ExtractBytes parses,
// extracts and resolves it, Store.Apply stores the facts. It is the
// ingestDocument Loader of the end-to-end test, built only from exported
// parts of package loaders.
type textLoader struct{ store graph.Store }

func (l textLoader) Ingest(ctx context.Context, text, format, title, issued, source string) (graph.ApplySummary, error) {
	name := source
	if name == "" {
		name = "ingestDocument"
	}
	f, err := loaders.ExtractBytes(name, []byte(text), review.Options{Title: title, Issued: issued, Source: source})
	if err != nil {
		return graph.ApplySummary{}, err
	}
	if format != "" && f.Document.Format != format {
		return graph.ApplySummary{}, graph.Errorf(graph.EINVALID, "the text reads as a %q document, not %q", f.Document.Format, format)
	}
	return l.store.Apply(ctx, f)
}

func init() {
	newLoader = func(s graph.Store) Loader { return textLoader{store: s} }
}
