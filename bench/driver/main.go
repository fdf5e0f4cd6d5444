// Command driver measures otellint against the load floor. It is run by
// bench/run.sh; see bench/README.md.
//
// For every package set it runs, interleaved and repeated: the no-op
// analyzer (bench/noop, the floor), otellint with all rules, and otellint
// with each rule alone. It records wall time, user+system CPU and peak RSS of
// each child process, prints medians with min/max, each ratio to the floor,
// and a verdict line against the targets. It also fails when otellint
// panics or reports an internal error on any set (the robustness check).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"
)

type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

type config struct {
	name string // "floor", "all", or a rule name
	bin  string
	args []string
}

func main() {
	var (
		otellint = flag.String("otellint", "", "otellint binary")
		noop     = flag.String("noop", "", "no-op floor binary")
		costBin  = flag.String("cost", "", "in-process cost binary (bench/cost); empty: judge single rules on whole-process wall time")
		costRuns = flag.Int("cost-runs", 5, "repetitions of the in-process measurement")
		dir      = flag.String("dir", ".", "directory to run in (the bench module)")
		runs     = flag.Int("runs", 3, "repetitions per configuration")
		rules    = flag.String("rules", "spanend,ctxprop,spanname,cardinality,logmix,pii,sdksetup,propagation", "rules to measure alone")
		sets     = flag.String("sets", "std;go.opentelemetry.io/otel/...;go.opentelemetry.io/contrib/instrumentation/...", "package sets, ';'-separated (a set may hold several space-separated patterns)")
		maxAll   = flag.Float64("max-all-wall", 1.15, "target: all rules, wall time ratio to the floor")
		maxAllM  = flag.Float64("max-all-rss", 1.20, "target: all rules, peak RSS ratio to the floor")
		maxRule  = flag.Float64("max-rule", 1.05, "target: any rule alone, wall time ratio to the floor")
	)
	flag.Parse()
	if *otellint == "" || *noop == "" {
		fmt.Fprintln(os.Stderr, "driver: -otellint and -noop are required")
		os.Exit(2)
	}
	configs := []config{{"floor", *noop, nil}, {"all", *otellint, nil}}
	for _, r := range strings.Split(*rules, ",") {
		if r = strings.TrimSpace(r); r != "" {
			configs = append(configs, config{r, *otellint, []string{"-" + r}})
		}
	}

	failed := false
	var verdicts []string
	for _, set := range strings.Split(*sets, ";") {
		patterns := strings.Fields(set)
		results := map[string][]sample{}
		findings := 0
		for i := 0; i < *runs; i++ {
			for _, c := range configs {
				s, nfind, err := measure(*dir, c, patterns)
				if err != nil {
					fmt.Fprintf(os.Stderr, "FAIL %s on %s: %v\n", c.name, set, err)
					failed = true
					continue
				}
				if c.name == "all" {
					findings = nfind
				}
				results[c.name] = append(results[c.name], s)
			}
		}
		floor := median(results["floor"])
		var added map[string]time.Duration
		if *costBin != "" {
			var err error
			if added, err = measureCost(*costBin, *dir, *costRuns, patterns); err != nil {
				fmt.Fprintf(os.Stderr, "FAIL cost on %s: %v\n", set, err)
				failed = true
			}
		}
		fmt.Printf("\n## %s   (%d runs each; median [min–max]; otellint findings: %d)\n\n", set, *runs, findings)
		fmt.Printf("| config | wall s | ×floor | user+sys s | ×floor | peak RSS MiB | ×floor |\n|---|---|---|---|---|---|---|\n")
		for _, c := range configs {
			ss := results[c.name]
			if len(ss) == 0 {
				continue
			}
			m := median(ss)
			lo, hi := minmax(ss)
			fmt.Printf("| %s | %.2f [%.2f–%.2f] | %.2f | %.2f | %.2f | %.0f | %.2f |\n", c.name,
				m.wall.Seconds(), lo.wall.Seconds(), hi.wall.Seconds(), ratio(m.wall, floor.wall),
				m.cpu.Seconds(), ratio(m.cpu, floor.cpu),
				float64(m.rssKB)/1024, float64(m.rssKB)/float64(max(floor.rssKB, 1)))
			switch r := ratio(m.wall, floor.wall); {
			case c.name == "all" && r > *maxAll:
				verdicts = append(verdicts, fmt.Sprintf("%s: all rules %.2f× floor wall > %.2f", set, r, *maxAll))
			case c.name == "all" && float64(m.rssKB)/float64(max(floor.rssKB, 1)) > *maxAllM:
				verdicts = append(verdicts, fmt.Sprintf("%s: all rules %.2f× floor RSS > %.2f", set, float64(m.rssKB)/float64(floor.rssKB), *maxAllM))
			case added == nil && c.name != "all" && c.name != "floor" && r > *maxRule:
				verdicts = append(verdicts, fmt.Sprintf("%s: %s alone %.2f× floor wall > %.2f", set, c.name, r, *maxRule))
			}
		}
		if added != nil {
			fmt.Printf("\nAdded work, timed in one process over the preloaded packages (median of %d), against the floor's %.2f s of CPU:\n\n", *costRuns, floor.cpu.Seconds())
			fmt.Printf("| config | added CPU ms | floor + added, ×floor |\n|---|---|---|\n")
			for _, c := range configs {
				d, ok := added[c.name]
				if !ok {
					continue
				}
				r := 1 + ratio(d, floor.cpu)
				fmt.Printf("| %s | %.1f | %.3f |\n", c.name, float64(d)/1e6, r)
				switch {
				case c.name == "all" && r > *maxAll:
					verdicts = append(verdicts, fmt.Sprintf("%s: all rules add %.3f× the floor's work > %.2f", set, r, *maxAll))
				case c.name != "all" && r > *maxRule:
					verdicts = append(verdicts, fmt.Sprintf("%s: %s alone adds %.3f× the floor's work > %.2f", set, c.name, r, *maxRule))
				}
			}
		}
	}
	fmt.Println()
	switch {
	case failed:
		fmt.Println("VERDICT: FAIL (a run crashed or reported an internal error; see above)")
		os.Exit(1)
	case len(verdicts) > 0:
		fmt.Printf("VERDICT: FAIL (targets: all ≤ %.2f× wall, ≤ %.2f× RSS; each rule ≤ %.2f× the floor)\n", *maxAll, *maxAllM, *maxRule)
		for _, v := range verdicts {
			fmt.Println("  -", v)
		}
		os.Exit(1)
	default:
		how := "whole-process wall time"
		if *costBin != "" {
			how = "its added work timed in process"
		}
		fmt.Printf("VERDICT: PASS (all rules ≤ %.2f× the floor's wall time and ≤ %.2f× its peak RSS, and add ≤ %.2f× its work; each rule ≤ %.2f× the floor by %s)\n", *maxAll, *maxAllM, *maxAll, *maxRule, how)
	}
}

// measure runs one configuration and returns its resource use and the number
// of findings it printed. Exit codes 0 (clean) and 3 (findings) are success;
// anything else, or a panic or internal error in the output, is an error.
func measure(dir string, c config, patterns []string) (sample, int, error) {
	args := append(append([]string{"-test=false"}, c.args...), patterns...)
	cmd := exec.Command(c.bin, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return sample{}, 0, err
		}
		code = ee.ExitCode()
	}
	text := out.String()
	if code != 0 && code != 3 || strings.Contains(text, "panic:") || strings.Contains(text, "internal error") {
		return sample{}, 0, fmt.Errorf("exit %d:\n%s", code, tail(text, 40))
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	s := sample{wall: wall}
	if ru != nil {
		s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		s.rssKB = ru.Maxrss // kilobytes on Linux
	}
	return s, strings.Count(text, "\n"), nil
}

// measureCost runs the in-process cost binary on patterns and returns the
// median added time of each configuration ("all" and each rule).
func measureCost(bin, dir string, runs int, patterns []string) (map[string]time.Duration, error) {
	cmd := exec.Command(bin, append([]string{"-runs", fmt.Sprint(runs)}, patterns...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v\n%s", err, tail(stderr.String(), 20))
	}
	added := map[string]time.Duration{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var name string
		var med, lo, hi int64
		if _, err := fmt.Sscan(line, &name, &med, &lo, &hi); err != nil {
			return nil, fmt.Errorf("unexpected line %q", line)
		}
		added[name] = time.Duration(med)
	}
	return added, nil
}

func median(ss []sample) sample {
	if len(ss) == 0 {
		return sample{}
	}
	pick := func(get func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = get(s)
		}
		sort.Slice(v, func(i, j int) bool { return v[i] < v[j] })
		return v[len(v)/2]
	}
	return sample{
		wall:  time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:   time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		rssKB: pick(func(s sample) int64 { return s.rssKB }),
	}
}

func minmax(ss []sample) (lo, hi sample) {
	lo, hi = ss[0], ss[0]
	for _, s := range ss[1:] {
		if s.wall < lo.wall {
			lo = s
		}
		if s.wall > hi.wall {
			hi = s
		}
	}
	return lo, hi
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
