package graphtest

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sdkg/sdkg/graph"
)

// BenchSizes are the edge counts the standard benchmarks run at.
var BenchSizes = []int{10_000, 100_000}

var (
	benchMu   sync.Mutex
	benchDocs = map[[2]int][]graph.Facts{}
)

// BenchDocs returns the generated documents (100 edges each) of a graph of
// edges edges, generated once per process.
func BenchDocs(edges int) []graph.Facts { return benchDocsOf(edges, 100) }

func benchDocsOf(edges, perDoc int) []graph.Facts {
	benchMu.Lock()
	defer benchMu.Unlock()
	k := [2]int{edges, perDoc}
	if docs, ok := benchDocs[k]; ok {
		return docs
	}
	docs := Generated(edges, perDoc)
	benchDocs[k] = docs
	return docs
}

// releaseBenchDocs drops the cached documents of a graph of edges edges.
func releaseBenchDocs(edges int) {
	benchMu.Lock()
	defer benchMu.Unlock()
	for k := range benchDocs {
		if k[0] == edges {
			delete(benchDocs, k)
		}
	}
}

// BenchStore runs the standard benchmarks at each of BenchSizes: Apply
// (edges/s), Neighbourhood depth 2, ShortestPaths and Rollup (each
// reporting the median latency of its queries). newStore returns an empty
// store and arranges its closing.
func BenchStore(b *testing.B, newStore func(b *testing.B) graph.Store) {
	for _, size := range BenchSizes {
		docs := BenchDocs(size)
		b.Run(fmt.Sprintf("Apply/edges=%d", size), func(b *testing.B) { benchApply(b, newStore, docs) })
		big := benchDocsOf(size, 1000) // one commit per 1000 edges
		b.Run(fmt.Sprintf("ApplyBigDocs/edges=%d", size), func(b *testing.B) { benchApply(b, newStore, big) })
		b.Run(fmt.Sprintf("ApplyBatch/edges=%d", size), func(b *testing.B) { benchApplyBatch(b, newStore, docs, BenchBatch) })
		fx := NewFixture(docs...)
		seeds, from, to := sample(fx, 200, 1), sample(fx, 50, 2), sample(fx, 50, 3)
		fx = nil
		// One loaded store serves the read benchmarks of this size; it is
		// made with the parent b so that it outlives each sub-benchmark run.
		// Once it is loaded the generated documents are let go, so that
		// the reads measure the store, not the collector marking the
		// harness's hundreds of megabytes of documents.
		var s graph.Store
		parent := b
		loaded := func(b *testing.B) graph.Store {
			if s == nil {
				s = newStore(parent)
				for _, batch := range batches(docs, BenchBatch) {
					if _, err := s.ApplyBatch(bg, batch); err != nil {
						b.Fatalf("ApplyBatch: %v", err)
					}
				}
				docs, big = nil, nil
				releaseBenchDocs(size)
				runtime.GC()
			}
			return s
		}
		b.Run(fmt.Sprintf("Neighbourhood2/edges=%d", size), func(b *testing.B) {
			s := loaded(b)
			medianOf(b, len(seeds), func(i int) error {
				_, err := s.Neighbourhood(bg, []string{seeds[i]}, 2, graph.Filter{}, 0)
				return err
			})
		})
		b.Run(fmt.Sprintf("ShortestPaths/edges=%d", size), func(b *testing.B) {
			s := loaded(b)
			medianOf(b, len(from), func(i int) error {
				if from[i] == to[i] {
					return nil
				}
				_, err := s.ShortestPaths(bg, from[i], to[i], graph.Filter{}, 4, 3)
				return err
			})
		})
		b.Run(fmt.Sprintf("Rollup/edges=%d", size), func(b *testing.B) {
			s := loaded(b)
			medianOf(b, 3, func(int) error {
				_, err := s.Rollup(bg, graph.LevelCountry, graph.Filter{From: "2018", To: "2022"})
				return err
			})
		})
	}
}

// BenchBatch is the number of 100-edge documents per ApplyBatch in the
// ApplyBatch benchmark.
const BenchBatch = 100

// benchApplyBatch applies the documents to a fresh store per iteration,
// per documents at a time through ApplyBatch, and reports edges per second.
func benchApplyBatch(b *testing.B, newStore func(b *testing.B) graph.Store, docs []graph.Facts, per int) {
	all := batches(docs, per)
	timeApply(b, newStore, docs, func(s graph.Store) {
		for _, batch := range all {
			if _, err := s.ApplyBatch(bg, batch); err != nil {
				b.Fatalf("ApplyBatch: %v", err)
			}
		}
	})
}

// batches cuts docs into batches of per documents.
func batches(docs []graph.Facts, per int) [][]*graph.Facts {
	var out [][]*graph.Facts
	for i := 0; i < len(docs); i += per {
		batch := make([]*graph.Facts, 0, per)
		for j := i; j < min(i+per, len(docs)); j++ {
			batch = append(batch, &docs[j])
		}
		out = append(out, batch)
	}
	return out
}

// benchApply applies every document to a fresh store per iteration and
// reports edges per second.
func benchApply(b *testing.B, newStore func(b *testing.B) graph.Store, docs []graph.Facts) {
	timeApply(b, newStore, docs, func(s graph.Store) {
		for j := range docs {
			MustApply(b, s, &docs[j])
		}
	})
}

// timeApply runs apply (which writes docs) on a fresh store per iteration
// and reports edges per second of wall-clock and of CPU time.
func timeApply(b *testing.B, newStore func(b *testing.B) graph.Store, docs []graph.Facts, apply func(graph.Store)) {
	edges := 0
	for i := range docs {
		edges += len(docs[i].Edges)
	}
	var elapsed, cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := newStore(b)
		b.StartTimer()
		start, cpu0 := time.Now(), CPUTime()
		apply(s)
		elapsed += time.Since(start)
		cpu += CPUTime() - cpu0
	}
	b.ReportMetric(float64(edges*b.N)/elapsed.Seconds(), "edges/s")
	b.ReportMetric(float64(edges*b.N)/cpu.Seconds(), "edges/cpu-s")
}

// CPUTime returns the CPU time (user and system) the process has used:
// on a shared machine edges per CPU second say more about the code than
// edges per wall-clock second.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// medianOf runs n queries per iteration and reports their median latency.
func medianOf(b *testing.B, n int, query func(i int) error) {
	var lat []time.Duration
	b.ResetTimer()
	cpu0 := CPUTime()
	for it := 0; it < b.N; it++ {
		for i := 0; i < n; i++ {
			start := time.Now()
			if err := query(i); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
	}
	b.ReportMetric(float64((CPUTime()-cpu0).Microseconds())/1000/float64(len(lat)), "ms-cpu/op")
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms/median")
	b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "ms/p90")
}

// sample picks n node ids of the fixture uniformly (a fixed seed per
// stream), so that queries hit typical nodes, not only hubs.
func sample(fx *Fixture, n int, stream uint64) []string {
	ids := make([]string, 0, len(fx.Nodes))
	for id := range fx.Nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rng := rand.New(rand.NewPCG(7, stream))
	out := make([]string, n)
	for i := range out {
		out[i] = ids[rng.IntN(len(ids))]
	}
	return out
}
