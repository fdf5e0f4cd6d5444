package otellint

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// checksValue stands in for lint.Checks (which the root package may not
// import): a comma-separated subset of known names, "all" and "-name".
type checksValue struct {
	known []string
	on    map[string]bool
}

func newChecks(known []string, off string) *checksValue {
	c := &checksValue{known: known, on: map[string]bool{}}
	for _, k := range known {
		c.on[k] = k != off
	}
	return c
}

func (c *checksValue) String() string {
	var on []string
	for _, k := range c.known {
		if c.on[k] {
			on = append(on, k)
		}
	}
	return strings.Join(on, ",")
}

func (c *checksValue) Set(s string) error {
	on := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		if part == "" {
			continue
		}
		v := !strings.HasPrefix(part, "-")
		part = strings.TrimPrefix(part, "-")
		if part == "all" {
			for _, k := range c.known {
				on[k] = v
			}
			continue
		}
		if !slices.Contains(c.known, part) {
			return fmt.Errorf("unknown check %q (known: %s)", part, strings.Join(c.known, ", "))
		}
		on[part] = v
	}
	c.on = on
	return nil
}

// testAnalyzers returns two fresh analyzers standing in for the real ones,
// with flags of every kind the plugin must handle: alpha has a -checks flag
// (like lint.Checks), a list-valued string flag, a bool and an int; beta has none.
func testAnalyzers() (alpha, beta *analysis.Analyzer) {
	run := func(*analysis.Pass) (any, error) { return nil, nil }
	alpha = &analysis.Analyzer{Name: "alpha", Doc: "alpha: test", Run: run}
	alpha.Flags.Var(newChecks([]string{"one", "two", "three"}, "three"), "checks", "checks to run")
	alpha.Flags.String("start-funcs", "", "comma-separated extra span start functions")
	alpha.Flags.Bool("tests", false, "also check _test.go files")
	alpha.Flags.Int("max", 5, "a limit")
	beta = &analysis.Analyzer{Name: "beta", Doc: "beta: test", Run: run}
	return alpha, beta
}

// flagValues returns name=value of every flag of a, for comparisons.
func flagValues(a *analysis.Analyzer) map[string]string {
	m := map[string]string{}
	a.Flags.VisitAll(func(f *flag.Flag) { m[f.Name] = f.Value.String() })
	return m
}

var alphaDefaults = map[string]string{"checks": "one,two", "start-funcs": "", "tests": "false", "max": "5"}

func names(as []*analysis.Analyzer) string {
	var s []string
	for _, a := range as {
		s = append(s, a.Name)
	}
	return strings.Join(s, ",")
}

// section builds settings as golangci-lint hands them over (viper's
// map[string]any with YAML-decoded values).
func section(name string, opts map[string]any) map[string]any {
	return map[string]any{name: opts}
}

func TestNewDecodes(t *testing.T) {
	tests := []struct {
		name     string
		settings any
		enabled  string            // names of the analyzers BuildAnalyzers returns
		alpha    map[string]string // flag values of alpha that differ from the defaults
	}{
		{name: "nil settings are the defaults", settings: nil, enabled: "alpha,beta"},
		{name: "empty settings", settings: map[string]any{}, enabled: "alpha,beta"},
		{name: "empty section", settings: map[string]any{"alpha": nil, "beta": map[string]any{}}, enabled: "alpha,beta"},
		{name: "enabled true", settings: section("alpha", map[string]any{"enabled": true}), enabled: "alpha,beta"},
		{name: "enabled false", settings: section("beta", map[string]any{"enabled": false}), enabled: "alpha"},
		{
			name:     "enabled false keeps options decoded",
			settings: section("alpha", map[string]any{"enabled": false, "max": 9}),
			enabled:  "beta", alpha: map[string]string{"max": "9"},
		},
		{
			name:     "list joined with commas",
			settings: section("alpha", map[string]any{"start-funcs": []any{"example.com/x.Start", "(*example.com/y.T).Begin"}}),
			enabled:  "alpha,beta", alpha: map[string]string{"start-funcs": "example.com/x.Start,(*example.com/y.T).Begin"},
		},
		{
			name:     "string passed as is",
			settings: section("alpha", map[string]any{"start-funcs": "a.F,b.G"}),
			enabled:  "alpha,beta", alpha: map[string]string{"start-funcs": "a.F,b.G"},
		},
		{
			name:     "empty list",
			settings: section("alpha", map[string]any{"checks": []any{}}),
			enabled:  "alpha,beta", alpha: map[string]string{"checks": ""},
		},
		{
			name:     "checks list",
			settings: section("alpha", map[string]any{"checks": []any{"three", "one"}}),
			enabled:  "alpha,beta", alpha: map[string]string{"checks": "one,three"},
		},
		{
			name:     "checks string with negation",
			settings: section("alpha", map[string]any{"checks": "all,-two"}),
			enabled:  "alpha,beta", alpha: map[string]string{"checks": "one,three"},
		},
		{
			name:     "bool",
			settings: section("alpha", map[string]any{"tests": true}),
			enabled:  "alpha,beta", alpha: map[string]string{"tests": "true"},
		},
		{
			name:     "bool written as a string",
			settings: section("alpha", map[string]any{"tests": "true"}),
			enabled:  "alpha,beta", alpha: map[string]string{"tests": "true"},
		},
		{
			name:     "int",
			settings: section("alpha", map[string]any{"max": 12}),
			enabled:  "alpha,beta", alpha: map[string]string{"max": "12"},
		},
		{
			name:     "large int keeps its digits",
			settings: section("alpha", map[string]any{"max": int64(1) << 53}),
			enabled:  "alpha,beta", alpha: map[string]string{"max": "9007199254740992"},
		},
		{
			name:     "keys match whatever their case",
			settings: map[string]any{"Alpha": map[string]any{"Start-Funcs": "x.F", "ENABLED": true}},
			enabled:  "alpha,beta", alpha: map[string]string{"start-funcs": "x.F"},
		},
		{
			name:     "typed map as given by other callers",
			settings: map[string]map[string]any{"alpha": {"max": 1}},
			enabled:  "alpha,beta", alpha: map[string]string{"max": "1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alpha, beta := testAnalyzers()
			p, err := newPlugin([]*analysis.Analyzer{alpha, beta}, tt.settings)
			if err != nil {
				t.Fatalf("newPlugin: %v", err)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatal(err)
			}
			if got := names(as); got != tt.enabled {
				t.Errorf("BuildAnalyzers = %s, want %s", got, tt.enabled)
			}
			want := map[string]string{}
			for k, v := range alphaDefaults {
				want[k] = v
			}
			for k, v := range tt.alpha {
				want[k] = v
			}
			got := flagValues(alpha)
			for k, v := range want {
				if got[k] != v {
					t.Errorf("flag %s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name     string
		settings any
		want     string
	}{
		{"settings not a mapping", "spanend", `otellint: settings: want a mapping from analyzer names (alpha, beta) to their options`},
		{"settings a list", []any{"alpha"}, `otellint: settings: want a mapping from analyzer names (alpha, beta)`},
		{"unknown analyzer", map[string]any{"alpah": map[string]any{}}, `otellint: settings: unknown analyzer "alpah" (known: alpha, beta)`},
		{"section not a mapping", map[string]any{"alpha": true}, `otellint: settings: alpha: want a mapping of options (known: enabled, checks, max, start-funcs, tests), got true`},
		{"section a list", map[string]any{"alpha": []any{"x"}}, `otellint: settings: alpha: want a mapping of options (known: enabled, checks, max, start-funcs, tests), got a list`},
		{"unknown option", section("alpha", map[string]any{"start-func": "x.F"}), `otellint: settings: alpha: unknown option "start-func" (known: enabled, checks, max, start-funcs, tests)`},
		{"option of another analyzer", section("beta", map[string]any{"checks": "one"}), `otellint: settings: beta: unknown option "checks" (known: enabled)`},
		{"enabled not a bool", section("alpha", map[string]any{"enabled": "maybe"}), `otellint: settings: alpha: option "enabled": want true or false, got the string "maybe"`},
		{"enabled a number", section("alpha", map[string]any{"enabled": 1}), `otellint: settings: alpha: option "enabled": want true or false, got 1`},
		{"bad bool", section("alpha", map[string]any{"tests": "yes"}), `otellint: settings: alpha: option "tests": invalid value "yes": parse error`},
		{"bad int", section("alpha", map[string]any{"max": "many"}), `otellint: settings: alpha: option "max": invalid value "many": parse error`},
		{"float for an int", section("alpha", map[string]any{"max": 1.5}), `otellint: settings: alpha: option "max": invalid value "1.5"`},
		{"list for a bool", section("alpha", map[string]any{"tests": []any{true, false}}), `otellint: settings: alpha: option "tests": invalid value "true,false"`},
		{"unknown check", section("alpha", map[string]any{"checks": []any{"one", "nope"}}), `otellint: settings: alpha: option "checks": invalid value "one,nope": unknown check "nope" (known: one, two, three)`},
		{"option without a value", section("alpha", map[string]any{"start-funcs": nil}), `otellint: settings: alpha: option "start-funcs": has no value (write "" or [] for an empty value)`},
		{"option a mapping", section("alpha", map[string]any{"start-funcs": map[string]any{"a": "b"}}), `otellint: settings: alpha: option "start-funcs": want a string, number, boolean or list, got a mapping`},
		{"list of mappings", section("alpha", map[string]any{"start-funcs": []any{"a.F", map[string]any{}}}), `otellint: settings: alpha: option "start-funcs": list element 2: want a string, number or boolean, got a mapping`},
		{"list of lists", section("alpha", map[string]any{"start-funcs": []any{[]any{"a.F"}}}), `otellint: settings: alpha: option "start-funcs": list element 1: want a string, number or boolean, got a list`},
		{"list element with a comma", section("alpha", map[string]any{"start-funcs": []any{"a.F,b.G"}}), `otellint: settings: alpha: option "start-funcs": list element 1 ("a.F,b.G") contains a comma, which separates list elements`},
		{"settings that cannot be encoded", map[string]any{"alpha": map[string]any{"max": func() {}}}, `otellint: settings: want a mapping from analyzer names (alpha, beta) to their options: encoding settings`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alpha, beta := testAnalyzers()
			p, err := newPlugin([]*analysis.Analyzer{alpha, beta}, tt.settings)
			if err == nil {
				t.Fatalf("newPlugin succeeded (analyzers %s), want error containing %q", names(p.analyzers), tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant it to contain %q", err, tt.want)
			}
			// A failed New leaves no option half-applied.
			for k, v := range flagValues(alpha) {
				if alphaDefaults[k] != v {
					t.Errorf("after the error, flag %s = %q, want its default %q", k, v, alphaDefaults[k])
				}
			}
		})
	}
}

// TestNewResetsFlags: flags are package state, so each New starts from the
// defaults rather than from the previous configuration.
func TestNewResetsFlags(t *testing.T) {
	alpha, beta := testAnalyzers()
	as := []*analysis.Analyzer{alpha, beta}
	if _, err := newPlugin(as, section("alpha", map[string]any{"checks": "three", "tests": true, "max": 1, "start-funcs": "x.F"})); err != nil {
		t.Fatal(err)
	}
	if got := flagValues(alpha); got["checks"] != "three" || got["tests"] != "true" || got["max"] != "1" || got["start-funcs"] != "x.F" {
		t.Fatalf("settings not applied: %v", got)
	}
	// A CLI-style change made outside the plugin is reset too.
	if err := alpha.Flags.Set("max", "40"); err != nil {
		t.Fatal(err)
	}
	if _, err := newPlugin(as, nil); err != nil {
		t.Fatal(err)
	}
	for k, v := range flagValues(alpha) {
		if alphaDefaults[k] != v {
			t.Errorf("after New(nil), flag %s = %q, want its default %q", k, v, alphaDefaults[k])
		}
	}
}

func TestNewRejectsReservedFlag(t *testing.T) {
	a := &analysis.Analyzer{Name: "gamma", Doc: "gamma: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	a.Flags.Bool("enabled", true, "clashes with the plugin's key")
	_, err := newPlugin([]*analysis.Analyzer{a}, nil)
	want := `otellint: analyzer gamma defines a flag "enabled", which the golangci-lint plugin reserves`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// TestPluginRegistered checks the plugin as golangci-lint finds it, with the
// real analyzers.
func TestPluginRegistered(t *testing.T) {
	newFn, err := register.GetPlugin("otellint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newFn(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(as), names(Analyzers()); got != want {
		t.Errorf("BuildAnalyzers = %s, want every analyzer: %s", got, want)
	}
	first := Analyzers()[0].Name
	p, err = newFn(map[string]any{first: map[string]any{"enabled": false}})
	if err != nil {
		t.Fatal(err)
	}
	as, _ = p.BuildAnalyzers()
	for _, a := range as {
		if a.Name == first {
			t.Errorf("%s: {enabled: false} still returned by BuildAnalyzers", first)
		}
	}
	if len(as) != len(Analyzers())-1 {
		t.Errorf("BuildAnalyzers returned %d analyzers, want %d", len(as), len(Analyzers())-1)
	}
}

// TestEveryRealOptionDecodes sets every flag of every real analyzer through
// the plugin, to its default, as golangci-lint would pass it: no flag may
// reject its own default text, and none may be named "enabled".
func TestEveryRealOptionDecodes(t *testing.T) {
	t.Cleanup(func() {
		if _, err := New(nil); err != nil {
			t.Errorf("reset: %v", err)
		}
	})
	for _, a := range Analyzers() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			settings := section(a.Name, map[string]any{f.Name: f.DefValue})
			if _, err := New(settings); err != nil {
				t.Errorf("%s.%s = %q (its default): %v", a.Name, f.Name, f.DefValue, err)
				return
			}
			if got := f.Value.String(); got != f.DefValue {
				t.Errorf("%s.%s: after setting its default %q the flag reads %q", a.Name, f.Name, f.DefValue, got)
			}
		})
	}
}

// pickyValue accepts only "a" and "b", so it cannot be reset to its
// registration-time default "".
type pickyValue struct{ v string }

func (p *pickyValue) String() string { return p.v }
func (p *pickyValue) Set(s string) error {
	if s != "a" && s != "b" {
		return fmt.Errorf("want a or b")
	}
	p.v = s
	return nil
}

func TestNewReportsFlagThatCannotBeReset(t *testing.T) {
	a := &analysis.Analyzer{Name: "delta", Doc: "delta: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	a.Flags.Var(&pickyValue{}, "mode", "a or b")
	if _, err := newPlugin([]*analysis.Analyzer{a}, section("delta", map[string]any{"mode": "a"})); err != nil {
		t.Fatal(err)
	}
	_, err := newPlugin([]*analysis.Analyzer{a}, nil)
	want := `otellint: resetting flag delta.mode to its default "": want a or b`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
