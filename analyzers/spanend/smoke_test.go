package spanend_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanend"
)

func TestSmoke(t *testing.T) {
	analysistest.Run(t, testutil.TestData(t), spanend.Analyzer, "./spanend/smoke")
}
