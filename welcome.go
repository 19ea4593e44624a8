package main

import (
	"fmt"
	"io"
)

// exampleQueries are printed at start so a first user has something to run.
var exampleQueries = []struct{ what, query string }{
	{"edges per year", `{ stats(groupBy: YEAR) { key count } }`},
	{"find an entity", `{ search(text: "Academy of Sciences", first: 5) { edges { node { id name kind } } } }`},
	{"China's partners in 2024 at country level", `{ network(seeds: ["country:CN"], depth: 2, level: COUNTRY, filter: {from: "2024", to: "2024"}) { nodes { id label } edges { source target weight years } } }`},
}

func printWelcome(w io.Writer, addr string) {
	fmt.Fprintf(w, "sdkg is serving\n  GraphQL:    http://%s/graphql\n  playground: http://%s/playground\n\nTry:\n", addr, addr)
	for _, q := range exampleQueries {
		fmt.Fprintf(w, "  # %s\n  %s\n", q.what, q.query)
	}
	fmt.Fprintln(w)
}
