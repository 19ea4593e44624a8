package analysis

import (
	"math"
	"math/rand/v2"
)

// deltaQTol is the smallest gain of modularity for which a node moves
// (gonum's).
const deltaQTol = 1e-15

// communities numbers the Louvain communities of the nodes, in the order of
// their smallest member.
func (x *indexed) communities(opt Options) []int {
	n := x.adj.nodes()
	if n == 0 {
		return []int{}
	}
	seed, res := opt.Seed, opt.Resolution
	if seed == 0 {
		seed = DefaultSeed
	}
	if res == 0 {
		res = 1
	}
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)).IntN
	top := louvain(level{self: make([]float64, n), adj: x.adj}, res, rnd)
	return numberBySmallest(top)
}

// numberBySmallest renumbers group labels 0, 1, ... in the order of each
// group's smallest member.
func numberBySmallest(label []int) []int {
	out := make([]int, len(label))
	seen := make(map[int]int, len(label))
	for i, l := range label {
		c, ok := seen[l]
		if !ok {
			c = len(seen)
			seen[l] = c
		}
		out[i] = c
	}
	return out
}

// level is one level of the Louvain hierarchy: a weighted undirected graph
// whose nodes are the communities found at the level below, self holding the
// weight inside each (twice each inner pair's, as gonum counts it).
type level struct {
	self []float64
	adj  adjacency
}

// louvain is gonum's louvainUndirected: local moving at each level until no
// node moves, then the communities become the nodes of the next level, until
// a level where nothing moves. It returns the top-level node of each node of
// g. All weights being whole numbers, every sum is exact whatever its order,
// so the moves, and thus the communities, are gonum's for the same random
// source.
func louvain(g level, resolution float64, rnd func(int) int) []int {
	top := make([]int, len(g.self))
	for i := range top {
		top[i] = i
	}
	for {
		m := newMover(g, resolution)
		if m == nil || !m.localMoving(rnd) {
			return top
		}
		next, of := m.reduce()
		for i, t := range top {
			top[i] = of[t]
		}
		g = next
	}
}

// mover is the local-moving state of one level.
type mover struct {
	g      level
	gamma  float64
	k      []float64 // weighted degree of each node, self weight included
	m2     float64   // sum of k
	member []int     // community of each node
	tot    []float64 // sum of k over each community
	size   []int     // members of each community
	order  []int     // visiting order, reshuffled before each sweep

	kC      []float64 // scratch: weight from the moving node to each community
	marked  []bool    // scratch: whether a community is in touched
	touched []int     // scratch: the communities with an entry in kC
}

// newMover starts each node in a community of its own; nil when the level
// has no weight at all.
func newMover(g level, gamma float64) *mover {
	n := len(g.self)
	m := &mover{g: g, gamma: gamma, k: make([]float64, n), member: make([]int, n),
		tot: make([]float64, n), size: make([]int, n), order: make([]int, n), kC: make([]float64, n), marked: make([]bool, n)}
	for u := range n {
		w := g.self[u]
		for k := g.adj.start[u]; k < g.adj.start[u+1]; k++ {
			w += g.adj.w[k]
		}
		m.k[u], m.m2 = w, m.m2+w
		m.member[u], m.tot[u], m.size[u], m.order[u] = u, w, 1, u
	}
	if m.m2 == 0 {
		return nil
	}
	return m
}

// localMoving sweeps the nodes in random order, moving each to the
// neighbouring community of largest modularity gain, until a sweep moves
// none; it reports whether any node moved.
func (m *mover) localMoving(rnd func(int) int) (changed bool) {
	for {
		m.shuffle(rnd)
		moved := false
		for _, u := range m.order {
			dQ, dst := m.deltaQ(u)
			if dQ <= deltaQTol {
				continue
			}
			m.move(u, dst)
			moved, changed = true, true
		}
		if !moved {
			return changed
		}
	}
}

// shuffle is gonum's forward Fisher-Yates over the current order.
func (m *mover) shuffle(rnd func(int) int) {
	for i := range len(m.order) - 1 {
		j := i + rnd(len(m.order)-i)
		m.order[i], m.order[j] = m.order[j], m.order[i]
	}
}

// deltaQ returns the modularity gain of moving u to the best neighbouring
// community (the lowest numbered of equal gains) and that community; -Inf
// and -1 when u has no neighbour outside its own community.
func (m *mover) deltaQ(u int) (float64, int) {
	own := m.member[u]
	aUU, kU := m.g.self[u], m.k[u]
	m.touch(own, aUU)
	for k := m.g.adj.start[u]; k < m.g.adj.start[u+1]; k++ {
		m.touch(m.member[m.g.adj.nbr[k]], m.g.adj.w[k])
	}
	var dQremove float64
	dQadd, dst := math.Inf(-1), -1
	for _, c := range m.touched {
		kUC, sigma := m.kC[c], m.tot[c]
		m.kC[c], m.marked[c] = 0, false
		if c == own {
			dQremove = kUC - aUU - m.gamma*kU*(sigma-kU)/m.m2
			continue
		}
		// gonum scans candidates in ascending order and keeps the first
		// best: the lowest numbered of equal gains.
		if dQ := kUC - m.gamma*kU*sigma/m.m2; dQ > dQadd || dQ == dQadd && c < dst {
			dQadd, dst = dQ, c
		}
	}
	m.touched = m.touched[:0]
	return 2 * (dQadd - dQremove) / m.m2, dst
}

// touch adds w to the weight from the moving node to community c.
func (m *mover) touch(c int, w float64) {
	if !m.marked[c] {
		m.marked[c] = true
		m.touched = append(m.touched, c)
	}
	m.kC[c] += w
}

func (m *mover) move(u, dst int) {
	src := m.member[u]
	m.member[u] = dst
	m.tot[src] -= m.k[u]
	m.tot[dst] += m.k[u]
	m.size[src]--
	m.size[dst]++
}

// reduce builds the next level, one node per non-empty community, numbered
// as gonum numbers them (an empty community's slot taken by the last one),
// and returns the next-level node of each node.
func (m *mover) reduce() (level, []int) {
	slots := make([]int, len(m.size))
	for i := range slots {
		slots[i] = i
	}
	for i := 0; i < len(slots); {
		if m.size[slots[i]] == 0 {
			slots[i] = slots[len(slots)-1]
			slots = slots[:len(slots)-1]
			continue
		}
		i++
	}
	newID := make([]int, len(m.size))
	for i, c := range slots {
		newID[c] = i
	}
	of := make([]int, len(m.member))
	for u, c := range m.member {
		of[u] = newID[c]
	}
	return m.g.collapse(of, len(slots)), of
}

// collapse merges the nodes of g into n nodes by of, summing the weights
// between merged nodes and the weight inside each.
func (g level) collapse(of []int, n int) level {
	next := level{self: make([]float64, n)}
	var pairs []pair
	for u := range g.self {
		cu := of[u]
		next.self[cu] += g.self[u]
		for k := g.adj.start[u]; k < g.adj.start[u+1]; k++ {
			v := g.adj.nbr[k]
			if v <= u {
				continue
			}
			if cv := of[v]; cv == cu {
				next.self[cu] += 2 * g.adj.w[k]
			} else {
				pairs = append(pairs, pair{min(cu, cv), max(cu, cv), g.adj.w[k]})
			}
		}
	}
	next.adj = adjacencyOf(n, pairs)
	return next
}
