package otellint

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// This file is the golangci-lint v2 module plugin. Its settings have one
// section per analyzer, named after it:
//
//	linters:
//	  settings:
//	    custom:
//	      otellint:
//	        type: module
//	        settings:
//	          spanend:
//	            enabled: true
//	            checks: [not-ended, discarded]
//
// A section holds "enabled" (default true) and the analyzer's options under
// the names of its flags (the CLI's -spanend.checks is "checks" in the
// spanend section). The plugin knows no option names itself: it reads them
// from each Analyzer.Flags and sets the flags, so the CLI, go vet and
// golangci-lint share one implementation of every option. A YAML list is
// joined with commas; booleans and numbers are passed as their text.
//
// Flags are package state of the analyzers: New resets every flag to its
// default before applying the settings, so one process sees one
// configuration at a time (golangci-lint calls New once per run).

//go:generate go run ./internal/cmd/gen-golangci-example

func init() { register.Plugin("otellint", New) }

// enabledKey is the per-section key that switches an analyzer on or off. No
// analyzer may define a flag with this name.
const enabledKey = "enabled"

// New is the golangci-lint plugin constructor. settings is the value of
// linters.settings.custom.otellint.settings in the golangci-lint config; nil
// means defaults.
func New(settings any) (register.LinterPlugin, error) {
	return newPlugin(Analyzers(), settings)
}

// plugin is the configured plugin: the analyzers left enabled.
type plugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the enabled analyzers.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode reports that the analyzers need type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// newPlugin decodes settings for the given analyzers and applies them to
// their flags. It is New with the analyzer list as a parameter, for tests.
func newPlugin(analyzers []*analysis.Analyzer, settings any) (*plugin, error) {
	enabled, err := configure(analyzers, settings)
	if err != nil {
		return nil, fmt.Errorf("otellint: %w", err)
	}
	return &plugin{analyzers: enabled}, nil
}

// configure resets every flag of analyzers to its default, applies
// settings to them and returns the analyzers left enabled. An error in
// settings is a settingsError and leaves every flag at its default. The
// plugin and the CLI's configuration file (Configure) both go through it.
func configure(analyzers []*analysis.Analyzer, settings any) ([]*analysis.Analyzer, error) {
	if err := checkReserved(analyzers); err != nil {
		return nil, err
	}
	if err := resetFlags(analyzers); err != nil {
		return nil, err
	}
	enabled, err := applySettings(analyzers, settings)
	if err != nil {
		// Leave no half-applied configuration behind.
		_ = resetFlags(analyzers)
		return nil, settingsError{err}
	}
	var on []*analysis.Analyzer
	for _, a := range analyzers {
		if enabled[a.Name] {
			on = append(on, a)
		}
	}
	return on, nil
}

// settingsError is an error in the settings themselves (an unknown key, a
// bad value), as opposed to a broken analyzer.
type settingsError struct{ err error }

func (e settingsError) Error() string { return "settings: " + e.err.Error() }
func (e settingsError) Unwrap() error { return e.err }

// checkReserved rejects an analyzer flag named like a plugin key.
func checkReserved(analyzers []*analysis.Analyzer) error {
	for _, a := range analyzers {
		if a.Flags.Lookup(enabledKey) != nil {
			return fmt.Errorf("analyzer %s defines a flag %q, which the golangci-lint plugin reserves", a.Name, enabledKey)
		}
	}
	return nil
}

// resetFlags sets every flag that differs from its default back to it.
func resetFlags(analyzers []*analysis.Analyzer) error {
	var errs []error
	for _, a := range analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Value.String() == f.DefValue {
				return
			}
			if err := f.Value.Set(f.DefValue); err != nil {
				errs = append(errs, fmt.Errorf("resetting flag %s.%s to its default %q: %v", a.Name, f.Name, f.DefValue, err))
			}
		})
	}
	return errors.Join(errs...)
}

// applySettings decodes settings, sets the analyzers' flags, and returns
// which analyzers are enabled.
func applySettings(analyzers []*analysis.Analyzer, settings any) (map[string]bool, error) {
	enabled := map[string]bool{}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range analyzers {
		enabled[a.Name] = true
		byName[strings.ToLower(a.Name)] = a
	}
	if settings == nil {
		return enabled, nil
	}
	sections, err := register.DecodeSettings[map[string]json.RawMessage](settings)
	if err != nil {
		return nil, fmt.Errorf("want a mapping from analyzer names (%s) to their options: %v", knownAnalyzers(analyzers), err)
	}
	for _, name := range sortedKeys(sections) {
		a := byName[strings.ToLower(name)]
		if a == nil {
			return nil, fmt.Errorf("unknown analyzer %q (known: %s)", name, knownAnalyzers(analyzers))
		}
		on, err := applySection(a, sections[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.Name, err)
		}
		enabled[a.Name] = on
	}
	return enabled, nil
}

// applySection applies one analyzer's section and reports whether the
// analyzer is enabled.
func applySection(a *analysis.Analyzer, raw json.RawMessage) (bool, error) {
	if isNull(raw) {
		return true, nil // "spanend:" with nothing under it
	}
	var opts map[string]json.RawMessage
	if err := json.Unmarshal(raw, &opts); err != nil {
		return false, fmt.Errorf("want a mapping of options (known: %s), got %s", knownOptions(a), kindOf(raw))
	}
	on := true
	for _, key := range sortedKeys(opts) {
		val := opts[key]
		if strings.EqualFold(key, enabledKey) {
			b, err := decodeBool(val)
			if err != nil {
				return false, fmt.Errorf("option %q: %v", key, err)
			}
			on = b
			continue
		}
		f := lookupFlag(a, key)
		if f == nil {
			return false, fmt.Errorf("unknown option %q (known: %s)", key, knownOptions(a))
		}
		text, err := flagText(val)
		if err != nil {
			return false, fmt.Errorf("option %q: %v", key, err)
		}
		if err := f.Value.Set(text); err != nil {
			return false, fmt.Errorf("option %q: invalid value %q: %v", key, text, err)
		}
	}
	return on, nil
}

// lookupFlag finds a's flag named key, ignoring case: golangci-lint
// lowercases the keys of plugin settings.
func lookupFlag(a *analysis.Analyzer, key string) *flag.Flag {
	if f := a.Flags.Lookup(key); f != nil {
		return f
	}
	var found *flag.Flag
	a.Flags.VisitAll(func(f *flag.Flag) {
		if found == nil && strings.EqualFold(f.Name, key) {
			found = f
		}
	})
	return found
}

// flagText converts a settings value to the text of a flag value: strings
// as they are, booleans and numbers as written, lists joined with commas.
func flagText(raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", errors.New(`has no value (write "" or [] for an empty value)`)
	}
	if s, ok := scalarText(raw); ok {
		return s, nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return "", fmt.Errorf("want a string, number, boolean or list, got %s", kindOf(raw))
	}
	parts := make([]string, len(list))
	for i, el := range list {
		s, ok := scalarText(el)
		if !ok {
			return "", fmt.Errorf("list element %d: want a string, number or boolean, got %s", i+1, kindOf(el))
		}
		if strings.Contains(s, ",") {
			return "", fmt.Errorf("list element %d (%q) contains a comma, which separates list elements", i+1, s)
		}
		parts[i] = s
	}
	return strings.Join(parts, ","), nil
}

// scalarText returns the text of a JSON string, number or boolean.
func scalarText(raw json.RawMessage) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", false
	}
	switch v := v.(type) {
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		if v {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

func decodeBool(raw json.RawMessage) (bool, error) {
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		return false, fmt.Errorf("want true or false, got %s", kindOf(raw))
	}
	return b, nil
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(bytes.TrimSpace(raw)) == "null"
}

// kindOf describes a JSON value for an error message.
func kindOf(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "a mapping"
	case '[':
		return "a list"
	case '"':
		return "the string " + string(raw)
	case 'n':
		return "null"
	}
	return string(raw)
}

func knownAnalyzers(analyzers []*analysis.Analyzer) string {
	names := make([]string, len(analyzers))
	for i, a := range analyzers {
		names[i] = a.Name
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// knownOptions lists a section's keys: enabled, then the flags in order.
func knownOptions(a *analysis.Analyzer) string {
	names := []string{enabledKey}
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
