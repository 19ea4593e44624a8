// Package score compares extracted facts with a gold file the way
// ../shared/eval/score.go does: nodes match one to one when their kinds
// agree and a normalised name or alias is shared (events, agreements and
// projects also on mostly shared words); edges match on type and matched
// endpoints (COLLABORATED_WITH either way); names in the gold's optional
// list, and edges touching them, are left out.
package score

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sdkg/sdkg/graph"
)

// Result holds the figures of one comparison.
type Result struct {
	NodesF1, EdgesP, EdgesR, EdgesF1, Dates float64
	MissedEdges, ExtraEdges                 []string
}

// Compare scores pred against gold.
func Compare(pred, gold *graph.Facts) Result {
	optional := map[string]bool{}
	for _, o := range gold.Optional {
		optional[norm(o)] = true
	}
	ignored := map[string]bool{}
	for _, p := range pred.Nodes {
		for _, n := range names(p) {
			if optional[n] {
				ignored[p.ID] = true
			}
		}
	}
	predTo, matchedNodes, predNodes := matchNodes(pred, gold, ignored)
	res := Result{NodesF1: f1(ratio(matchedNodes, predNodes), ratio(matchedNodes, len(gold.Nodes)))}
	scoreEdges(pred, gold, predTo, ignored, &res)
	return res
}

type pair struct {
	p, g int
	s    float64
}

// matchNodes pairs nodes one to one, best similarity first.
func matchNodes(pred, gold *graph.Facts, ignored map[string]bool) (map[string]string, int, int) {
	var pairs []pair
	n := 0
	for i, p := range pred.Nodes {
		if ignored[p.ID] {
			continue
		}
		n++
		for j, g := range gold.Nodes {
			if s := similarity(p, g); s > 0 {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].s > pairs[b].s })
	predTo := map[string]string{}
	usedP, usedG := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if usedP[pr.p] || usedG[pr.g] {
			continue
		}
		usedP[pr.p], usedG[pr.g] = true, true
		predTo[pred.Nodes[pr.p].ID] = gold.Nodes[pr.g].ID
	}
	return predTo, len(predTo), n
}

func key(t graph.EdgeType, a, b string) string {
	if t == graph.CollaboratedWith && a > b {
		a, b = b, a
	}
	return string(t) + "|" + a + "|" + b
}

// scoreEdges counts matched edges and correct dates.
func scoreEdges(pred, gold *graph.Facts, predTo map[string]string, ignored map[string]bool, res *Result) {
	goldEdges := map[string]graph.Edge{}
	for _, e := range gold.Edges {
		goldEdges[key(e.Type, e.From, e.To)] = e
	}
	seen := map[string]bool{}
	matched, predN, datesAsked, datesRight := 0, 0, 0, 0
	for _, e := range pred.Edges {
		if ignored[e.From] || ignored[e.To] {
			continue
		}
		gf, okF := predTo[e.From]
		gt, okT := predTo[e.To]
		k := key(e.Type, gf, gt)
		if !okF || !okT {
			k = key(e.Type, "?"+e.From, "?"+e.To)
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		predN++
		g, ok := goldEdges[k]
		if !ok || !okF || !okT {
			res.ExtraEdges = append(res.ExtraEdges, k)
			continue
		}
		matched++
		if g.Date != "" {
			datesAsked++
			if e.Date == g.Date {
				datesRight++
			}
		}
	}
	for k := range goldEdges {
		if !seen[k] {
			res.MissedEdges = append(res.MissedEdges, k)
		}
	}
	sort.Strings(res.MissedEdges)
	sort.Strings(res.ExtraEdges)
	res.EdgesP, res.EdgesR = ratio(matched, predN), ratio(matched, len(goldEdges))
	res.EdgesF1 = f1(res.EdgesP, res.EdgesR)
	res.Dates = ratio(datesRight, datesAsked)
}

var stop = map[string]bool{"the": true, "of": true, "and": true, "on": true, "in": true, "for": true, "between": true, "a": true, "an": true, "to": true, "with": true}

// norm folds a name like the reference scorer: lower case, letters and
// digits only, a leading "the " dropped.
func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(foldAccent(r))
		} else {
			b.WriteRune(' ')
		}
	}
	return strings.TrimPrefix(strings.Join(strings.Fields(b.String()), " "), "the ")
}

func foldAccent(r rune) rune {
	const from, to = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"
	if i := strings.IndexRune(from, r); i >= 0 {
		return []rune(to)[len([]rune(from[:i]))]
	}
	return r
}

func names(n graph.Node) []string {
	out := []string{norm(n.Name)}
	for _, a := range n.Aliases {
		out = append(out, norm(a))
	}
	return out
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		if !stop[w] {
			m[w] = true
		}
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return ratio(inter, len(a)+len(b)-inter)
}

// similarity is 1 for a shared name, the best word overlap (at least 0.5)
// for events, agreements and projects, else 0.
func similarity(p, g graph.Node) float64 {
	if p.Kind != g.Kind {
		return 0
	}
	pn, gn := names(p), names(g)
	for _, a := range pn {
		for _, b := range gn {
			if a == b && a != "" {
				return 1
			}
		}
	}
	if g.Kind != graph.Event && g.Kind != graph.Agreement && g.Kind != graph.Project {
		return 0
	}
	best := 0.0
	for _, a := range pn {
		for _, b := range gn {
			best = max(best, jaccard(words(a), words(b)))
		}
	}
	if best < 0.5 {
		return 0
	}
	return best
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
