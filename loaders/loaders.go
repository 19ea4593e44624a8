// Package loaders turns documents into facts and loads them into a store:
// review.Parse splits a document into entries and sentences, extract finds
// entities and relations, resolve gives each entity one node, and
// graph.Store.Apply stores the facts of each document atomically.
//
// It imports package graph and the loaders' own sub-packages.
package loaders

import (
	"bytes"
	"encoding/json"
	"os"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/extract"
	"github.com/sdkg/sdkg/loaders/gazetteer"
	"github.com/sdkg/sdkg/loaders/resolve"
	"github.com/sdkg/sdkg/loaders/review"
)

// MaxFileBytes is the largest file ExtractFile reads.
const MaxFileBytes = 16 << 20

// ExtractFile returns the facts of one file. A file whose first non-space
// byte is "{" is facts JSON (ONTOLOGY.md) and is returned as is after
// validation; any other file is parsed as a document (package review),
// extracted and resolved. Errors are EINVALID (or ENOTFOUND for a missing
// file) and name the file and the problem.
func ExtractFile(path string, opt review.Options) (*graph.Facts, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return ExtractBytes(path, data, opt)
}

// ExtractBytes is ExtractFile over a document already read; name is used in
// errors and as the default Source.
func ExtractBytes(path string, data []byte, opt review.Options) (*graph.Facts, error) {
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return readFacts(path, t)
	}
	if opt.Source == "" {
		opt.Source = path
	}
	doc, err := review.Parse(data, opt)
	if err != nil {
		return nil, graph.Wrap(graph.ErrorCode(err), err, "%s: %s", path, graph.ErrorMessage(err))
	}
	f := resolve.Resolve(extract.Extract(doc, gazetteer.Default()))
	if err := f.Validate(); err != nil {
		return nil, graph.Wrap(graph.EINTERNAL, err, "%s: extracted facts are invalid: %s", path, graph.ErrorMessage(err))
	}
	return f, nil
}

// readFile reads a file of at most MaxFileBytes.
func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case os.IsNotExist(err):
		return nil, graph.Errorf(graph.ENOTFOUND, "%s: no such file", path)
	case err != nil:
		return nil, graph.Wrap(graph.EINVALID, err, "%s: cannot read", path)
	case st.IsDir():
		return nil, graph.Errorf(graph.EINVALID, "%s: is a directory", path)
	case st.Size() > MaxFileBytes:
		return nil, graph.Errorf(graph.EINVALID, "%s: file too large: %d bytes, the limit is %d bytes", path, st.Size(), MaxFileBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "%s: cannot read", path)
	}
	return data, nil
}

// readFacts decodes and validates facts JSON.
func readFacts(path string, data []byte) (*graph.Facts, error) {
	var f graph.Facts
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "%s: not valid facts JSON: %v", path, err)
	}
	if f.Document.Source == "" {
		f.Document.Source = path
	}
	if f.Document.Format == "" {
		f.Document.Format = "facts"
	}
	for i := range f.Nodes {
		if f.Nodes[i].Aliases == nil {
			f.Nodes[i].Aliases = []string{}
		}
	}
	if err := f.Validate(); err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "%s: %s", path, graph.ErrorMessage(err))
	}
	return &f, nil
}

// ExtractMerged extracts every file and resolves them together into one
// set of facts (one node per entity across the files); the result does not
// depend on the order of paths. It fails on the first bad file.
func ExtractMerged(paths []string, opt review.Options) (*graph.Facts, error) {
	var all []*graph.Facts
	for _, p := range paths {
		f, err := ExtractFile(p, opt)
		if err != nil {
			return nil, err
		}
		all = append(all, f)
	}
	return resolve.Merge(all...), nil
}
