package embedded_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/graphtest"
)

func BenchmarkDurable(b *testing.B) {
	graphtest.BenchStore(b, func(b *testing.B) graph.Store { return mustOpen(b, b.TempDir()) })
}

func BenchmarkMemory(b *testing.B) {
	graphtest.BenchStore(b, func(b *testing.B) graph.Store { return embedded.OpenMemory() })
}

// BenchmarkReopen measures Open of a 100k-edge store: from its snapshot
// (after Close) and from its log alone (after a crash before any snapshot).
func BenchmarkReopen(b *testing.B) {
	docs := graphtest.BenchDocs(100_000)
	for _, crash := range []bool{false, true} {
		b.Run(fmt.Sprintf("edges=100000/fromLog=%v", crash), func(b *testing.B) {
			dir := b.TempDir()
			s, err := embedded.Open(dir, embedded.SnapshotEvery(1<<40))
			if err != nil {
				b.Fatal(err)
			}
			for i := range docs {
				graphtest.MustApply(b, s, &docs[i])
			}
			if crash {
				s.Crash()
			} else if err := s.Close(); err != nil {
				b.Fatal(err)
			}
			var total, cpu time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start, cpu0 := time.Now(), graphtest.CPUTime()
				s, err := embedded.Open(dir, embedded.SnapshotEvery(1<<40))
				if err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
				cpu += graphtest.CPUTime() - cpu0
				b.StopTimer()
				s.Crash() // keep the log as it is for the next iteration
				b.StartTimer()
			}
			b.ReportMetric(total.Seconds()*1000/float64(b.N), "ms/open")
			b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "ms-cpu/open")
		})
	}
}

// BenchmarkCalibrate builds a map of 100k string keys: not a store figure,
// a yardstick of how fast the host is while the other benchmarks run (on a
// shared host the same code can run several times slower).
func BenchmarkCalibrate(b *testing.B) {
	for i := 0; i < b.N; i++ {
		m := map[string]int{}
		for j := 0; j < 100_000; j++ {
			m["key|"+strconv.Itoa(j)] = j
		}
	}
}
