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
}

// Result is what loading one file did.
type Result struct {
	Path    string
	Summary graph.ApplySummary
	Err     error
}

// Load expands directories to their *.md, *.txt and *.json files (sorted),
// extracts each file and applies its facts through store.Apply, one
// atomic transaction per document, so nothing is half-written. It goes on
// past a bad file and returns one Result per file and, when any failed, an
// EINVALID error listing every failed file. A cancelled ctx stops the
// load and returns ctx.Err().
func Load(ctx context.Context, store graph.Store, paths []string, opt LoadOptions) ([]Result, error) {
	files, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	results := make([]Result, 0, len(files))
	var failed []string
	for i, path := range files {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		r := loadOne(ctx, store, path, opt.Review)
		results = append(results, r)
		if r.Err != nil {
			failed = append(failed, graph.ErrorMessage(r.Err))
		}
		if opt.Progress != nil {
			opt.Progress(i+1, len(files), r)
		}
	}
	if len(failed) > 0 {
		return results, graph.Errorf(graph.EINVALID, "%d of %d files failed: %s", len(failed), len(files), strings.Join(failed, "; "))
	}
	return results, nil
}

// loadOne extracts and applies one file.
func loadOne(ctx context.Context, store graph.Store, path string, opt review.Options) Result {
	opt.ID, opt.Source = "", path
	f, err := ExtractFile(path, opt)
	if err != nil {
		return Result{Path: path, Err: err}
	}
	sum, err := store.Apply(ctx, f)
	if err != nil {
		return Result{Path: path, Err: graph.Wrap(graph.ErrorCode(err), err, "%s: %s", path, graph.ErrorMessage(err))}
	}
	return Result{Path: path, Summary: sum}
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
