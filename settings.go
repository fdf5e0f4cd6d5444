package otellint

//go:generate go run ./internal/cmd/gen-checks-doc

import (
	"errors"

	"golang.org/x/tools/go/analysis"
)

// Configure applies settings to the flags of the suite's analyzers exactly
// as the golangci-lint plugin does, and returns the analyzers left enabled,
// in the order of Analyzers. settings has the schema of the plugin's
// settings section (see plugin.go): a mapping from analyzer names to their
// options, "enabled" and the analyzer's flags under their own names, as
// decoded from YAML or JSON; nil means defaults. Every flag is first reset
// to its default, so the result does not depend on earlier calls.
//
// It is how cmd/otellint applies .otellint.yml: one decoder serves the file
// and the plugin, so one block of YAML configures both. An error names the
// offending key ("spanend: unknown option \"start-func\" (known: ...)") and
// leaves every flag at its default.
func Configure(settings any) ([]*analysis.Analyzer, error) {
	enabled, err := configure(Analyzers(), settings)
	var se settingsError
	if errors.As(err, &se) {
		return nil, se.err
	}
	return enabled, err
}
