// Package schematool holds the commands of an authorization service's
// command line, which logs its diagnostics with slog. The coverage report
// it prints in colour for the person running it is the command's output;
// a stray print while loading the schema is a log line with the wrong
// library.
package schematool

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/gookit/color"
	"github.com/spf13/cobra"
)

// Coverage is what a schema's tests exercise.
type Coverage struct {
	Entities []EntityCoverage
	Total    int
}

type EntityCoverage struct {
	Name                 string
	UncoveredRelations   []string
	UncoveredPermissions []string
	AssertionsPercent    int
	RelationshipsPercent int
}

// NewCoverageCommand builds "schema coverage".
func NewCoverageCommand() *cobra.Command {
	return &cobra.Command{
		Use:  "coverage <file>",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cov, err := LoadCoverage(args[0])
			if err != nil {
				slog.Error("cannot compute coverage", "file", args[0], "err", err)
				return err
			}
			PrintCoverage(cov)
			if cov.Total < 100 {
				color.Danger.Println("FAILED")
				os.Exit(1)
			}
			return nil
		},
	}
}

// PrintCoverage prints the report for a person at a terminal.
func PrintCoverage(cov Coverage) {
	color.Notice.Println("schema coverage:")
	for _, e := range cov.Entities {
		color.Notice.Printf("entity: %s\n", e.Name)
		fmt.Printf("  uncovered relations:\n")
		for _, r := range e.UncoveredRelations {
			fmt.Printf("    - %v\n", r)
		}
		fmt.Printf("  uncovered permissions:\n")
		for _, p := range e.UncoveredPermissions {
			fmt.Printf("    - %v\n", p)
		}
		fmt.Printf("  assertions: %d%%, relationships: %d%%\n", e.AssertionsPercent, e.RelationshipsPercent)
	}
	color.Success.Printf("total coverage: %d%%\n", cov.Total)
}

// LoadCoverage computes the coverage of the schema at path; the server
// calls it too.
func LoadCoverage(path string) (Coverage, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Coverage{}, err
	}
	fmt.Printf("loaded %d bytes of schema\n", len(data)) // want `package uses slog for logging \(2 calls\); this fmt.Printf call uses fmt: use slog \(logmix/mixed-libraries\)`
	slog.Debug("schema loaded", "path", path)
	return Coverage{Total: 100}, nil
}
