// Package report prints the results of the benchtool load generator. It
// lives in the tool's cmd tree, serves nothing and traces nothing: its
// progress lines and its summary go to the terminal of the person running
// the benchmark, so mixing slog progress with a printed table is fine.
package report

import (
	"fmt"
	"log/slog"
	"sort"
	"time"
)

// Summary prints latency percentiles of one run.
func Summary(name string, samples []time.Duration) {
	if len(samples) == 0 {
		slog.Warn("no samples recorded", "run", name)
		return
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	slog.Info("run finished", "run", name, "samples", len(samples))
	fmt.Printf("%-12s p50=%v p95=%v p99=%v\n", name,
		samples[len(samples)/2], samples[len(samples)*95/100], samples[len(samples)*99/100])
	fmt.Println("throughput:", float64(len(samples))/samples[len(samples)-1].Seconds(), "req/s")
}
