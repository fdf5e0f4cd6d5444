package otellint

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/otellint/otellint/internal/cmd/gen-golangci-example/gen"
)

const regenerate = "regenerate with: go generate . (go run ./internal/cmd/gen-golangci-example)"

// exampleSettings reads .golangci.example.yml and returns the otellint
// plugin settings as golangci-lint passes them to New: decoded YAML with
// every key lowercased (viper lowercases keys).
func exampleSettings(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile(".golangci.example.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf(".golangci.example.yml: %v", err)
	}
	if v := doc["version"]; v != "2" {
		t.Errorf(`.golangci.example.yml: version = %#v, want "2"`, v)
	}
	var node any = doc
	for _, key := range []string{"linters", "settings", "custom", "otellint"} {
		m, ok := node.(map[string]any)
		if !ok || m[key] == nil {
			t.Fatalf(".golangci.example.yml: no linters.settings.custom.otellint (missing %q)", key)
		}
		node = m[key]
	}
	plugin := node.(map[string]any)
	if plugin["type"] != "module" {
		t.Errorf(".golangci.example.yml: otellint type = %#v, want module", plugin["type"])
	}
	if d, _ := plugin["description"].(string); d == "" {
		t.Error(".golangci.example.yml: otellint has no description")
	}
	if en, _ := doc["linters"].(map[string]any)["enable"].([]any); !containsString(en, "otellint") {
		t.Errorf(".golangci.example.yml: linters.enable = %v, want it to list otellint", en)
	}
	settings, ok := lowerKeys(plugin["settings"]).(map[string]any)
	if !ok {
		t.Fatalf(".golangci.example.yml: otellint settings = %#v, want a mapping", plugin["settings"])
	}
	return settings
}

func containsString(list []any, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func lowerKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, x := range v {
			m[strings.ToLower(k)] = lowerKeys(x)
		}
		return m
	case []any:
		for i := range v {
			v[i] = lowerKeys(v[i])
		}
	}
	return v
}

// TestExampleConfigCoversEveryFlag: every analyzer has its section, enabled,
// and every flag of every analyzer is written with its current default.
// When you add or change a flag, this test asks you to regenerate the file.
func TestExampleConfigCoversEveryFlag(t *testing.T) {
	settings := exampleSettings(t)
	for _, a := range Analyzers() {
		sec, ok := settings[a.Name].(map[string]any)
		if !ok {
			t.Errorf(".golangci.example.yml: no section for analyzer %s; %s", a.Name, regenerate)
			continue
		}
		if sec["enabled"] != true {
			t.Errorf(".golangci.example.yml: %s.enabled = %#v, want true (the default)", a.Name, sec["enabled"])
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			v, ok := sec[strings.ToLower(f.Name)]
			if !ok {
				t.Errorf(".golangci.example.yml: %s has no option %q (flag -%s.%s); %s", a.Name, f.Name, a.Name, f.Name, regenerate)
				return
			}
			raw, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			got, err := flagText(raw)
			if err != nil {
				t.Errorf(".golangci.example.yml: %s.%s: %v", a.Name, f.Name, err)
				return
			}
			if got != f.DefValue {
				t.Errorf(".golangci.example.yml: %s.%s = %q, but the flag's default is %q; %s", a.Name, f.Name, got, f.DefValue, regenerate)
			}
		})
	}
}

// TestExampleConfigDecodes: the example goes through New as golangci-lint
// would pass it, enables every analyzer and leaves every flag at its default.
func TestExampleConfigDecodes(t *testing.T) {
	settings := exampleSettings(t)
	t.Cleanup(func() { _, _ = New(nil) })
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(.golangci.example.yml settings): %v", err)
	}
	as, _ := p.BuildAnalyzers()
	if got, want := names(as), names(Analyzers()); got != want {
		t.Errorf("analyzers enabled by the example = %s, want %s", got, want)
	}
	for _, a := range Analyzers() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if got := f.Value.String(); got != f.DefValue {
				t.Errorf("after New(example), %s.%s = %q, want its default %q", a.Name, f.Name, got, f.DefValue)
			}
		})
	}
}

// TestGeneratedFilesCurrent: .golangci.example.yml and the settings
// reference of docs/golangci.md are what the generator writes today, so
// usage strings and new flags reach the comments too.
func TestGeneratedFilesCurrent(t *testing.T) {
	got, err := os.ReadFile(".golangci.example.yml")
	if err != nil {
		t.Fatal(err)
	}
	if want := gen.Example(Analyzers()); !bytes.Equal(got, want) {
		t.Errorf(".golangci.example.yml is stale; %s", regenerate)
	}
	doc, err := os.ReadFile("docs/golangci.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := gen.ReplaceReference(doc, gen.Reference(Analyzers()))
	if err != nil {
		t.Fatalf("docs/golangci.md: %v", err)
	}
	if !bytes.Equal(doc, want) {
		t.Errorf("the settings reference in docs/golangci.md is stale; %s", regenerate)
	}
}
