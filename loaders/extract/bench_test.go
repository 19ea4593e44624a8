package extract

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sdkg/sdkg/loaders/internal/docgen"
	"github.com/sdkg/sdkg/loaders/review"
)

// BenchmarkExtract measures extraction alone (parsing done beforehand) on
// generated reviews; MB/s is of document text.
func BenchmarkExtract(b *testing.B) {
	var docs []*review.Document
	size := 0
	for i := 0; i < 20; i++ {
		text := docgen.Document(1, i)
		d, err := review.Parse([]byte(text), review.Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu := cpuTime()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			if f := Extract(d, gaz); len(f.Edges) == 0 {
				b.Fatal("no edges")
			}
		}
	}
	reportCPU(b, cpuTime()-cpu, size)
}

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports throughput per second of CPU time, which a machine
// shared with other work does not slow down the way it slows wall time.
func reportCPU(b *testing.B, cpu time.Duration, size int) {
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkExtractSeed measures extraction on the seed review, a real
// document (read from ../shared, never copied into the project).
func BenchmarkExtractSeed(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_17e0c0e76aac70b7.txt"))
	if err != nil {
		b.Fatal(err)
	}
	d, err := review.Parse(data, review.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu := cpuTime()
	for n := 0; n < b.N; n++ {
		Extract(d, gaz)
	}
	reportCPU(b, cpuTime()-cpu, len(data))
}
