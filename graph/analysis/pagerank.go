package analysis

import "math"

// PageRank parameters: gonum's customary damping, and the L2 change between
// two iterations below which the power iteration stops.
const (
	damping      = 0.85
	rankTol      = 1e-12
	maxRankIters = 10_000
)

// pageRank is gonum's edge-weighted PageRankSparse over the symmetric
// directed graph of the adjacency (each pair an arc both ways, of the pair's
// weight): a node passes damping × its rank to its neighbours in proportion
// to the weights, an isolated node spreads it over every node, and every
// node receives (1-damping)/n of the total. Unlike gonum's it starts from
// the uniform vector instead of a random one and works over arrays; the
// fixed point, rounded to Precision, is the same.
func (x *indexed) pageRank() []float64 {
	adj := &x.adj
	n := adj.nodes()
	if n == 0 {
		return []float64{}
	}
	coef, dangling := x.rankCoefficients()
	rank, next := make([]float64, n), make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	df, dt := damping/float64(n), (1-damping)/float64(n)
	for range maxRankIters {
		var with, total float64
		for _, j := range dangling {
			with += df * rank[j]
		}
		for _, r := range rank {
			total += r
		}
		add := with + dt*total
		for i := range n {
			var s float64
			for k := adj.start[i]; k < adj.start[i+1]; k++ {
				s += coef[k] * rank[adj.nbr[k]]
			}
			next[i] = s + add
		}
		rank, next = next, rank
		if normDiff(rank, next) < rankTol {
			break
		}
	}
	for i := range rank {
		rank[i] = round(rank[i])
	}
	return rank
}

// rankCoefficients returns, for each adjacency entry i→j, the share of j's
// rank that flows to i (damping × w / j's total weight), and the nodes
// without neighbours.
func (x *indexed) rankCoefficients() (coef []float64, dangling []int) {
	adj := &x.adj
	n := adj.nodes()
	z := make([]float64, n)
	for j := range n {
		for k := adj.start[j]; k < adj.start[j+1]; k++ {
			z[j] += adj.w[k]
		}
		if z[j] == 0 {
			dangling = append(dangling, j)
		}
	}
	coef = make([]float64, len(adj.nbr))
	for k, j := range adj.nbr {
		coef[k] = (adj.w[k] * damping) / z[j]
	}
	return coef, dangling
}

func normDiff(x, y []float64) float64 {
	var sum float64
	for i, v := range x {
		d := v - y[i]
		sum += d * d
	}
	return math.Sqrt(sum)
}
