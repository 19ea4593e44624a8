// Command eval extracts the source document of every gold file and prints
// the scorer's table for it: gold files under ../shared/gold (sources in
// ../shared/seeds), corpus/gold (sources corpus/<base>.md|.txt) and
// loaders/testdata/gold (sources loaders/testdata/<base>.md|.txt). It
// shells out to ../shared/eval/score.go, the reference scorer.
//
//	go run ./scripts/eval [-v]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sdkg/sdkg/loaders"
	"github.com/sdkg/sdkg/loaders/review"
)

// goldDirs pairs each gold directory with the directory of its sources.
var goldDirs = [][2]string{
	{"../shared/gold", "../shared/seeds"},
	{"corpus/gold", "corpus"},
	{"loaders/testdata/gold", "loaders/testdata"},
}

func main() {
	verbose := flag.Bool("v", false, "list misses and false positives")
	flag.Parse()
	failed := false
	for _, d := range goldDirs {
		golds, _ := filepath.Glob(filepath.Join(d[0], "*.gold.json"))
		for _, g := range golds {
			if err := score(g, d[1], *verbose); err != nil {
				fmt.Fprintln(os.Stderr, "eval:", err)
				failed = true
			}
		}
	}
	if failed {
		os.Exit(1)
	}
}

// score extracts the source of one gold file and runs the scorer on it.
func score(gold, srcDir string, verbose bool) error {
	base := strings.TrimSuffix(filepath.Base(gold), ".gold.json")
	src := ""
	for _, ext := range []string{".txt", ".md"} {
		if _, err := os.Stat(filepath.Join(srcDir, base+ext)); err == nil {
			src = filepath.Join(srcDir, base+ext)
		}
	}
	if src == "" {
		return fmt.Errorf("%s: no source %s.md or %s.txt in %s", gold, base, base, srcDir)
	}
	f, err := loaders.ExtractFile(src, review.Options{})
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp("", "eval-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := json.NewEncoder(tmp).Encode(f); err != nil {
		return err
	}
	tmp.Close()
	args := []string{"run", "../shared/eval/score.go"}
	if verbose {
		args = append(args, "-v")
	}
	cmd := exec.Command("go", append(args, tmp.Name(), gold)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	fmt.Printf("== %s (%s)\n", src, gold)
	return cmd.Run()
}
