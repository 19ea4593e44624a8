// Command eval extracts the source document of every gold file and prints
// the scorer's table for it.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/sdkg/sdkg/loaders/extract"
	"github.com/sdkg/sdkg/loaders/gazetteer"
	"github.com/sdkg/sdkg/loaders/review"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	d, err := review.Parse(b, review.Options{Source: os.Args[1]})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f := extract.Extract(d, gazetteer.Default())
	if len(os.Args) > 2 {
		for _, e := range d.Entries {
			for _, s := range e.Sentences {
				fmt.Fprintln(os.Stderr, "S:", s.Text)
			}
		}
	}
	if err := f.Validate(); err != nil {
		fmt.Fprintln(os.Stderr, "invalid:", err)
	}
	json.NewEncoder(os.Stdout).Encode(f)
}
