package loaders

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/review"
)

// LoadOptions configure Load.
type LoadOptions struct {
	// Review overrides document metadata (publisher, issue month); its ID
	// and Source are per file and ignored here.
	Review review.Options
	// Progress, when set, is called after each file with the number of
	// files done, the total and the file's result.
	Progress func(done, total int, r Result)
	// Batch is the most documents applied together (one Store.ApplyBatch:
	// one transaction on Neo4j, one log sync embedded); 0 means
	// DefaultBatch, 1 applies each document alone. A batch is also cut at
	// BatchEdges edges.
	Batch int
}

// DefaultBatch and BatchEdges bound a batch of Load.
const (
	DefaultBatch = 64
	BatchEdges   = 20_000
)

// Result is what loading one file did.
type Result struct {
	Path    string
	Summary graph.ApplySummary
	Err     error
}

// Load expands directories to their *.md, *.txt and *.json files (sorted),
// extracts them (while the store writes the previous batch) and applies
// their facts in batches through store.ApplyBatch. Each document stays
// atomic, so nothing is half-written. It goes on past a bad file (one that
// fails extraction, validation or a conflict with what is stored) and
// returns one Result per file, in file order, and, when any failed, an
// EINVALID error listing every failed file. A cancelled ctx stops the load
// and returns ctx.Err() with the results of the files done.
func Load(ctx context.Context, store graph.Store, paths []string, opt LoadOptions) ([]Result, error) {
	files, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	per := opt.Batch
	if per <= 0 {
		per = DefaultBatch
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	extracted := extractAll(ctx, files, opt.Review, per)
	results := make([]Result, 0, len(files))
	var failed []string
	done := func(batch []pending) {
		for _, p := range applyBatch(ctx, store, batch) {
			results = append(results, p)
			if p.Err != nil {
				failed = append(failed, graph.ErrorMessage(p.Err))
			}
			if opt.Progress != nil {
				opt.Progress(len(results), len(files), p)
			}
		}
	}
	var batch []pending
	edges := 0
	for p := range extracted {
		batch = append(batch, p)
		if p.facts != nil {
			edges += len(p.facts.Edges)
		}
		if len(batch) >= per || edges >= BatchEdges {
			done(batch)
			batch, edges = nil, 0
		}
		if err := ctx.Err(); err != nil {
			return results, err
		}
	}
	if len(batch) > 0 {
		done(batch)
	}
	if err := ctx.Err(); err != nil {
		return results, err
	}
	if len(failed) > 0 {
		return results, graph.Errorf(graph.EINVALID, "%d of %d files failed: %s", len(failed), len(files), strings.Join(failed, "; "))
	}
	return results, nil
}

// pending is an extracted file on its way to the store: its facts, or the
// error that stopped it (Err set).
type pending struct {
	Result
	facts *graph.Facts
}

// extractAll extracts files in order on a goroutine of its own, at most
// ahead documents ahead of the consumer; it stops early when ctx ends.
func extractAll(ctx context.Context, files []string, opt review.Options, ahead int) <-chan pending {
	out := make(chan pending, ahead)
	go func() {
		defer close(out)
		for _, path := range files {
			p := pending{Result: Result{Path: path}}
			o := opt
			o.ID, o.Source = "", path
			f, err := ExtractFile(path, o)
			if err == nil {
				err = f.Validate()
			}
			if err != nil {
				p.Err = graph.Wrap(graph.ErrorCode(err), err, "%s: %s", path, graph.ErrorMessage(err))
			} else {
				p.facts = f
			}
			select {
			case out <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// applyBatch applies the extracted documents of batch and returns their
// results in order. A document that conflicts with the store fails alone:
// the batch goes on after it. A failure of the store fails the documents
// not yet stored.
func applyBatch(ctx context.Context, store graph.Store, batch []pending) []Result {
	var facts []*graph.Facts
	var at []int // at[i]: the batch index of facts[i]
	for i, p := range batch {
		if p.facts != nil {
			facts, at = append(facts, p.facts), append(at, i)
		}
	}
	for len(facts) > 0 {
		sums, err := store.ApplyBatch(ctx, facts)
		for i, sum := range sums {
			batch[at[i]].Summary = sum
		}
		if err == nil {
			break
		}
		bad := len(sums)
		conflict := graph.ErrorCode(err) == graph.ECONFLICT && bad < len(facts)
		last := len(facts)
		if conflict {
			last = bad + 1
		}
		for i := bad; i < last; i++ {
			p := &batch[at[i]]
			p.Err = graph.Wrap(graph.ErrorCode(err), err, "%s: %s", p.Path, graph.ErrorMessage(err))
		}
		facts, at = facts[last:], at[last:]
	}
	out := make([]Result, len(batch))
	for i, p := range batch {
		out[i] = p.Result
	}
	return out
}

// Expand returns the files named by paths: files as given, directories
// walked for documents (see isDocument), in sorted order per directory.
// A missing path is ENOTFOUND.
func Expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, graph.Errorf(graph.ENOTFOUND, "%s: no such file or directory", p)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && isDocument(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, graph.Wrap(graph.EINVALID, err, "%s: cannot list", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	if len(out) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "no documents (*.md, *.txt, *.json) in %s", strings.Join(paths, ", "))
	}
	return out, nil
}

// isDocument reports whether a file found in a directory is a document:
// *.md, *.txt or *.json, but not gold facts (*.gold.json, evaluation data)
// nor a directory's README.md or SOURCES.md.
func isDocument(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(base, ".gold.json") || base == "readme.md" || base == "sources.md" {
		return false
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".txt", ".json":
		return true
	}
	return false
}
