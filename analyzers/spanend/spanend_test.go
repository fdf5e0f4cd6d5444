package spanend_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanend"
)

// packages are the testdata situations checked with the default flags.
var packages = []string{
	"./spanend/branches",
	"./spanend/closures",
	"./spanend/defererr",
	"./spanend/discarded",
	"./spanend/earlyreturn",
	"./spanend/generics",
	"./spanend/goroutines",
	"./spanend/helpers",
	"./spanend/loops",
	"./spanend/methods",
	"./spanend/noreturn",
	"./spanend/overwritten",
	"./spanend/recorderror",
	"./spanend/returned",
	"./spanend/usedafterend",
}

func TestSpanend(t *testing.T) {
	analysistest.Run(t, testutil.TestData(t), spanend.Analyzer, packages...)
}
