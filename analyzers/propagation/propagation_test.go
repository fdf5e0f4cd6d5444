package propagation_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/propagation"
)

// The propagation testdata is a module of its own (testdata/propagation):
// it imports the real messaging, gRPC and router libraries, which the other
// analyzers' tests should not have to download or type-check. Every
// package is checked in one load (type-checking grpc and the Kafka clients
// from source is most of this test's time); RunWithSuggestedFixes also
// compares the gRPC fixes with their .golden files.
func TestAnalyzer(t *testing.T) {
	dir := testutil.Module(t, "propagation")
	analysistest.RunWithSuggestedFixes(t, dir, propagation.Analyzer,
		"./grpcclients",
		"./grpcserver",
		"./realtime",
		"./edgeproxy",
		"./gateway",
		"./httpclients",
		"./injectingclient",
		"./kafkaproducer",
		"./kafkainjected",
		"./saramaproducer",
		"./saramafield",
		"./saramaconsumer",
		"./franzplain",
		"./franzhooked",
		"./franzconsumer",
		"./amqpworker",
		"./amqppublisher",
		"./amqpoutput",
		"./natsservice",
		"./natsconsumer",
		"./carriers",
		"./batchqueue",
		"./retryqueue",
		"./mainsetup",
		"./helperqueue",
		"./natsinjected",
		"./natsenvelope",
		"./testkafka",
		"./integration/harness",
		"./collectorconn",
		"./otlpforward",
		"./flagcli",
	)
	testutil.BuildGoldenIn(t, dir, "grpcclients", "grpcserver", "flagcli")
}

type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestChecksFlag switches the client check off: the client finding of
// checksflag goes missing, the server finding stays.
func TestChecksFlag(t *testing.T) {
	dir := testutil.Module(t, "propagation")
	testutil.SetFlag(t, propagation.Analyzer, "checks", "all,-client")
	var rec recorder
	analysistest.Run(&rec, dir, propagation.Analyzer, "./checksflag")
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "no diagnostic was reported matching `http.DefaultClient sends a request`") {
		t.Errorf("with -propagation.checks=all,-client want exactly the client finding missing; complaints: %q", rec.errs)
	}
}
