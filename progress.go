package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders"
)

// progress is a progress bar on a terminal and nothing elsewhere.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(total int) progress {
	if !term.IsTerminal(int(os.Stderr.Fd())) {
		return progress{}
	}
	return progress{progressbar.NewOptions(total, progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription("loading"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())}
}

func (p progress) Add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

func (p progress) Finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// printSummaries writes one line per document: what Apply added, kept and
// removed, or why the file failed.
func printSummaries(w io.Writer, res []loaders.Result) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "file\tdocument\tnodes +/=/-\tedges +/=/-\tstatus")
	var total graph.ApplySummary
	for _, r := range res {
		if r.Err != nil {
			fmt.Fprintf(tw, "%s\t-\t-\t-\terror: %s\n", r.Path, graph.ErrorMessage(r.Err))
			continue
		}
		s := r.Summary
		status := "loaded"
		if s.Unchanged {
			status = "unchanged"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d/%d/%d\t%d/%d/%d\t%s\n", r.Path, s.Document,
			s.NodesAdded, s.NodesKept, s.NodesRemoved, s.EdgesAdded, s.EdgesKept, s.EdgesRemoved, status)
		total.NodesAdded += s.NodesAdded
		total.EdgesAdded += s.EdgesAdded
	}
	fmt.Fprintf(tw, "total\t%d files\t+%d nodes\t+%d edges\t\n", len(res), total.NodesAdded, total.EdgesAdded)
	tw.Flush()
}
