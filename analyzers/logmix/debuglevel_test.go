package logmix_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/logmix"
)

// TestDebugLevel runs the debug-level check on loggers built by a service
// (reported) next to levels taken from flags, the environment, branches,
// tests and command-line tools (not reported).
func TestDebugLevel(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.Run(t, dir, logmix.Analyzer,
		"./logmix/applog",
		"./logmix/slogsetup",
		"./logmix/levelsvc",
		"./logmix/zerologtool",
		"./logmix/zerologsetup",
		"./logmix/logtest",
		"./logmix/logintool",
	)
}
