// Command realworld runs otellint over local copies of public OpenTelemetry-instrumented
// Go repositories pinned in repos.tsv and compares what it finds with the hand-made triage
// verdicts in ledger.tsv.
//
//	go run ./eval/realworld unpack -mirror /work/.mirror -dir /work/rw
//	go run ./eval/realworld run    -dir /work/rw [-repos a,b] [-rules spanend,ctxprop]
//	go run ./eval/realworld report [-findings eval/realworld/out/findings.tsv] [-rules ...]
//
// It is a developer tool, not part of CI: the repositories are brought with the search
// tool's fetch and none of their code is committed here. See README.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	here := evalDir()
	var err error
	switch os.Args[1] {
	case "unpack":
		err = unpackCmd(here, os.Args[2:])
	case "run":
		err = runCmd(here, os.Args[2:])
	case "report":
		err = reportCmd(here, os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: realworld unpack|run|report [flags]  (see eval/realworld/README.md)")
	os.Exit(1)
}

// evalDir is the folder of this command's source, where repos.tsv and ledger.tsv live.
func evalDir() string {
	_, file, _, ok := runtime.Caller(0)
	if ok {
		if _, err := os.Stat(filepath.Join(filepath.Dir(file), "repos.tsv")); err == nil {
			return filepath.Dir(file)
		}
	}
	return filepath.Join("eval", "realworld")
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	return fs
}
