package lint

import (
	"strings"
	"testing"
)

func TestExtractDoc(t *testing.T) {
	src := "// Package demo is a rule.\n//\n// # Analyzer demo\n//\n// demo: find things\n//\n// Details here.\npackage demo\n"
	got, err := extractDoc(src, "demo")
	if err != nil {
		t.Fatal(err)
	}
	if want := "find things\n\nDetails here."; got != want {
		t.Errorf("extractDoc = %q, want %q", got, want)
	}
	for _, bad := range []string{
		"package demo\n",
		"// Package demo.\npackage demo\n",
		"// # Analyzer demo\n//\n// other: x\npackage demo\n",
	} {
		if _, err := extractDoc(bad, "demo"); err == nil {
			t.Errorf("extractDoc(%q) succeeded, want an error", bad)
		}
	}
}

func TestChecks(t *testing.T) {
	c := NewChecks([]string{"a", "b", "c"}, "c")
	if !c.Enabled("a") || !c.Enabled("b") || c.Enabled("c") {
		t.Fatalf("defaults wrong: %s", c)
	}
	if err := c.Set("all,-b"); err != nil {
		t.Fatal(err)
	}
	if !c.Enabled("a") || c.Enabled("b") || !c.Enabled("c") {
		t.Errorf("after all,-b: %s", c)
	}
	if err := c.Set("a"); err != nil || c.Enabled("b") || !c.Enabled("a") {
		t.Errorf("after a: %s, %v", c, err)
	}
	err := c.Set("a,nope")
	if err == nil || !strings.Contains(err.Error(), `unknown check "nope"`) {
		t.Errorf("Set(a,nope) error = %v, want unknown check", err)
	}
}
