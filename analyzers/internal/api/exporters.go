package api

import (
	"go/ast"
	"go/types"
	"strings"
)

// Import paths of the exporter packages a program's imports tell apart.
const (
	// StdoutExportersPath is the tree of the OpenTelemetry exporters that
	// print to standard output (stdouttrace, stdoutmetric, stdoutlog).
	StdoutExportersPath = "go.opentelemetry.io/otel/exporters/stdout"
	// PrometheusExporterPath is the OpenTelemetry Prometheus exporter: a
	// metric reader that Prometheus pulls from.
	PrometheusExporterPath = "go.opentelemetry.io/otel/exporters/prometheus"
)

// remoteExporterTrees are the import paths (and the trees below them) of
// packages that send telemetry out of the process or build an exporter from
// configuration that may: OpenTelemetry's exporters other than stdout,
// contrib's autoexport and declarative configuration.
var remoteExporterTrees = []string{
	"go.opentelemetry.io/otel/exporters",
	"go.opentelemetry.io/contrib/exporters",
	"go.opentelemetry.io/contrib/otelconf",
	"go.opentelemetry.io/contrib/config",
}

// isRemoteExporterPath reports whether path is an exporter package that
// sends telemetry outside the process (every package of remoteExporterTrees
// but the stdout exporters).
func isRemoteExporterPath(path string) bool {
	if path == StdoutExportersPath || strings.HasPrefix(path, StdoutExportersPath+"/") {
		return false
	}
	for _, t := range remoteExporterTrees {
		if path == t || strings.HasPrefix(path, t+"/") {
			return true
		}
	}
	return false
}

// ExportsOnlyToStdout reports whether pkg imports a stdout exporter
// directly and no package among its transitive imports (as the type
// information lists them) exports anywhere else: the program prints its
// telemetry and nothing leaves the process.
func ExportsOnlyToStdout(pkg *types.Package) bool {
	if !ImportsAny(pkg, StdoutExportersPath) {
		return false
	}
	remote := false
	walkImports(pkg, func(p *types.Package) bool {
		if isRemoteExporterPath(p.Path()) {
			remote = true
		}
		return !remote
	})
	return !remote
}

// IsStdoutDemo reports whether pkg is a demo program: a main package, or
// the shared set-up package of an example (a path segment example or
// examples), that prints its telemetry with the stdout exporters and
// imports, directly or not, no exporter that sends it anywhere else.
// Nothing reaches a back end: sampling would save nothing, each process
// prints its own spans, and no one queries its span names.
func IsStdoutDemo(pkg *types.Package) bool {
	return (pkg.Name() == "main" || InExampleTree(pkg.Path())) && ExportsOnlyToStdout(pkg)
}

// InExampleTree reports whether an import path has a segment that names an
// example or a demo (example, examples, demo, go-example, otel-demo, ...):
// code that shows how to use something, fed with synthetic data, not a
// service run for users.
func InExampleTree(path string) bool {
	for _, seg := range strings.Split(path, "/") {
		for _, w := range strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' }) {
			switch w {
			case "example", "examples", "demo", "demos":
				return true
			}
		}
	}
	return false
}

// IsExporterConnOption reports whether call builds an OTLP exporter's
// option that hands it a gRPC connection of the program's making
// (otlptracegrpc.WithGRPCConn(conn), and the metric and log twins), or
// the collector's OTLP export clients over one (ptraceotlp.NewGRPCClient):
// the
// program dials its collector itself, and that connection carries the
// telemetry, which must not be traced.
func IsExporterConnOption(info *types.Info, call *ast.CallExpr) bool {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	switch {
	case fn.Name() == "WithGRPCConn" && strings.HasPrefix(path, "go.opentelemetry.io/otel/exporters/"):
		return true
	case fn.Name() == "NewGRPCClient" && strings.HasPrefix(path, "go.opentelemetry.io/collector/pdata/"):
		// ptraceotlp.NewGRPCClient(conn) and its metric, log and profile
		// twins: an OTLP export client over the program's connection.
		return true
	}
	return false
}

// propagatorPaths are the packages that build a text-map propagator.
var propagatorPaths = []string{
	PropagationPath,
	"go.opentelemetry.io/contrib/propagators",
}

// ImportsPropagatorSetter reports whether a package among pkg's transitive
// imports, outside OpenTelemetry's own modules, imports both the otel
// package (which holds SetTextMapPropagator) and a propagator package: a
// set-up package of the program that may install the global propagator.
// OpenTelemetry's instrumentation libraries import propagators for their
// options and install none, so they do not count.
func ImportsPropagatorSetter(pkg *types.Package) bool {
	found := false
	walkImports(pkg, func(p *types.Package) bool {
		if p == pkg || strings.HasPrefix(p.Path(), "go.opentelemetry.io/") {
			return true
		}
		otel, prop := false, false
		for _, imp := range p.Imports() {
			otel = otel || imp.Path() == OtelPath
			prop = prop || isUnder(imp.Path(), propagatorPaths)
		}
		if otel && prop {
			found = true
		}
		return !found
	})
	return found
}

func isUnder(path string, trees []string) bool {
	for _, t := range trees {
		if path == t || strings.HasPrefix(path, t+"/") {
			return true
		}
	}
	return false
}

// walkImports calls visit for pkg and each of its transitive imports once,
// stopping when visit returns false.
func walkImports(pkg *types.Package, visit func(*types.Package) bool) {
	walkImportsSeen(pkg, map[*types.Package]bool{}, visit)
}

// walkImportsSeen is walkImports skipping, and adding to, seen: walks
// from several roots share it.
func walkImportsSeen(pkg *types.Package, seen map[*types.Package]bool, visit func(*types.Package) bool) {
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		if !visit(p) {
			return
		}
		stack = append(stack, p.Imports()...)
	}
}

// pullReaders are the metric readers that hold nothing between scrapes: a
// scrape reads the current state, so nothing is lost when the process exits
// without Shutdown.
var pullReaders = map[[2]string]bool{
	{PrometheusExporterPath, "Exporter"}: true,
}

// IsPullReader reports whether t is (a pointer to) a metric reader that is
// pulled rather than pushing on a timer: the Prometheus exporter.
func IsPullReader(t types.Type) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return pullReaders[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
}
