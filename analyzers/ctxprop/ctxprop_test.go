package ctxprop_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/ctxprop"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestCtxprop(t *testing.T) {
	dir := testutil.TestData(t)
	analysistest.Run(t, dir, ctxprop.Analyzer, "otellint.test/ctxprop/handlers", "otellint.test/ctxprop/repository", "otellint.test/ctxprop/workers", "otellint.test/ctxprop/goroutines", "otellint.test/ctxprop/closures", "otellint.test/ctxprop/httpclient", "otellint.test/ctxprop/consumers", "otellint.test/ctxprop/shutdown", "otellint.test/ctxprop/convention", "otellint.test/ctxprop/generics")
}
