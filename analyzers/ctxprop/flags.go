package ctxprop

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

func init() {
	fs := &Analyzer.Flags
	fs.Var(checks, "checks", "comma-separated checks to run: background, loop, goroutine, ctxless, convention; \"all\", or \"all,-name\"")
	fs.BoolVar(&includeTests, "tests", false, "also check _test.go files (top-level Test, Benchmark, Fuzz and Example functions are never checked)")
	fs.Var(carrierFlag{}, "context-types", "comma-separated context-carrying types, written import/path.TypeName (e.g. a framework's request context); a parameter of such a type makes a context reachable")
	fs.Var(pairsFlag{}, "pairs", "comma-separated extra context-less → context-taking pairs, written fullname=TwinName, e.g. (*example.com/kv.Client).Get=GetCtx")
}

// carrierFlag sets api.SetContextCarriers.
type carrierFlag struct{}

func (carrierFlag) String() string { return strings.Join(api.ContextCarriers(), ",") }

func (carrierFlag) Set(s string) error {
	names := api.SplitList(s)
	for _, n := range names {
		if i := strings.LastIndexByte(n, '.'); i <= 0 || i == len(n)-1 {
			return fmt.Errorf("context type %q: want import/path.TypeName", n)
		}
	}
	api.SetContextCarriers(names)
	return nil
}

// pairsFlag sets api.SetCtxlessPairs.
type pairsFlag struct{}

func (pairsFlag) String() string { return strings.Join(api.CtxlessPairs(), ",") }

func (pairsFlag) Set(s string) error {
	m := map[string]string{}
	for _, p := range api.SplitTopLevel(s) {
		i := strings.LastIndexByte(p, '=')
		name, twin := strings.TrimSpace(p[:max(i, 0)]), strings.TrimSpace(p[i+1:])
		if i <= 0 || twin == "" || !token.IsIdentifier(twin) {
			return fmt.Errorf("pair %q: want fullname=TwinName, e.g. (*example.com/kv.Client).Get=GetCtx", p)
		}
		m[name] = twin
	}
	api.SetCtxlessPairs(m)
	return nil
}
