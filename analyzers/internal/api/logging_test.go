package api

import (
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The tests load testdata/logmix/apicalls from the repository's testdata
// module, which requires the real zap, otelzap, logrus and zerolog, so that
// every table row is checked against the libraries themselves.

var (
	apiOnce sync.Once
	apiPkg  *packages.Package
	apiErr  error
)

func loadAPICalls(t *testing.T) *packages.Package {
	t.Helper()
	if testing.Short() {
		t.Skip("loads real logging libraries")
	}
	apiOnce.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
		cfg := &packages.Config{
			Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo |
				packages.NeedImports | packages.NeedDeps,
			Dir: dir,
			Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
		}
		pkgs, err := packages.Load(cfg, "./logmix/apicalls")
		if err != nil {
			apiErr = err
			return
		}
		apiPkg = pkgs[0]
		// otelzap v0.3.2's dependency otelutil does not compile against the
		// otel/log version the testdata module resolves; its API types are
		// complete, so only errors in apicalls itself matter.
		for _, e := range apiPkg.Errors {
			apiErr = e
		}
	})
	if apiErr != nil {
		t.Fatalf("loading apicalls: %v", apiErr)
	}
	return apiPkg
}

// rowCalls maps each "// row: name" marker to the outermost call on its line.
func rowCalls(t *testing.T, pkg *packages.Package) map[string]*ast.CallExpr {
	rows := map[string]*ast.CallExpr{}
	for _, f := range pkg.Syntax {
		lines := map[int]string{}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if name, ok := strings.CutPrefix(c.Text, "// row: "); ok {
					lines[pkg.Fset.Position(c.Pos()).Line] = name
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name, ok := lines[pkg.Fset.Position(call.Pos()).Line]
			if ok && rows[name] == nil {
				rows[name] = call
			}
			return true
		})
	}
	if len(rows) == 0 {
		t.Fatal("no rows found")
	}
	return rows
}

func TestLogCallOf(t *testing.T) {
	pkg := loadAPICalls(t)
	rows := rowCalls(t, pkg)
	type want struct {
		lib         LogLibrary
		method      string
		msg         int
		format      bool
		fields      int
		kv          bool
		hasCtx      bool
		contextForm string
	}
	tests := map[string]*want{
		"fmt.Println":             {LibFmt, "Println", -1, false, -1, false, false, ""},
		"fmt.Printf":              {LibFmt, "Printf", 0, true, -1, false, false, ""},
		"fmt.Fprintf-stderr":      {LibFmt, "Fprintf", 1, true, -1, false, false, ""},
		"fmt.Fprintln-stdout":     {LibFmt, "Fprintln", -1, false, -1, false, false, ""},
		"fmt.Fprintf-buffer":      nil,
		"fmt.Fprintln-writer":     nil,
		"fmt.Sprintf":             nil,
		"fmt.Errorf":              nil,
		"log.Printf":              {LibLog, "Printf", 0, true, -1, false, false, ""},
		"log.Fatal":               {LibLog, "Fatal", -1, false, -1, false, false, ""},
		"(*log.Logger).Println":   {LibLog, "Println", -1, false, -1, false, false, ""},
		"(*log.Logger).Output":    {LibLog, "Output", 1, false, -1, false, false, ""},
		"slog.Info":               {LibSlog, "Info", 0, false, 1, true, false, "InfoContext"},
		"slog.WarnContext":        {LibSlog, "WarnContext", 1, false, 2, true, true, ""},
		"slog.Log":                {LibSlog, "Log", 2, false, 3, true, true, ""},
		"(*slog.Logger).Error":    {LibSlog, "Error", 0, false, 1, true, false, "ErrorContext"},
		"(*slog.Logger).LogAttrs": {LibSlog, "LogAttrs", 2, false, 3, false, true, ""},
		"zap.Info":                {LibZap, "Info", 0, false, 1, false, false, ""},
		"zap.Log":                 {LibZap, "Log", 1, false, 2, false, false, ""},
		"sugar.Infow":             {LibZap, "Infow", 0, false, 1, true, false, ""},
		"sugar.Infof":             {LibZap, "Infof", 0, true, -1, false, false, ""},
		"sugar.Infoln":            {LibZap, "Infoln", -1, false, -1, false, false, ""},
		"sugar.Logw":              {LibZap, "Logw", 1, false, 2, true, false, ""},
		"embedded-zap":            {LibZap, "Warn", 0, false, 1, false, false, ""},
		// otelzap.Logger embeds *zap.Logger: o.Info resolves to
		// (*zap.Logger).Info with an otelzap receiver.
		"otelzap.Info":            {LibOtelzap, "Info", 0, false, 1, false, false, "Ctx(ctx).Info"},
		"otelzap.InfoContext":     {LibOtelzap, "InfoContext", 1, false, 2, false, true, ""},
		"otelzap.Ctx.Info":        {LibOtelzap, "Info", 0, false, 1, false, true, ""},
		"otelzap.sugar.Infow":     {LibOtelzap, "Infow", 0, false, 1, true, false, "Ctx(ctx).Infow"},
		"otelzap.sugar.Info":      {LibOtelzap, "Info", -1, false, -1, false, false, ""}, // SugaredLoggerWithCtx has no Info
		"otelzap.sugar.Ctx.Infof": {LibOtelzap, "Infof", 0, true, -1, false, true, ""},
		"embedded-otelzap":        {LibOtelzap, "Error", 0, false, 1, false, false, "Ctx(ctx).Error"},
		"otelzap.Log":             {LibOtelzap, "Log", 1, false, 2, false, false, ""}, // LoggerWithCtx has no Log
		"logrus.Info":             {LibLogrus, "Info", -1, false, -1, false, false, "WithContext(ctx).Info"},
		"logrus.Warnf":            {LibLogrus, "Warnf", 0, true, -1, false, false, "WithContext(ctx).Warnf"},
		"logrus.InfoFn":           {LibLogrus, "InfoFn", -1, false, -1, false, false, ""},
		"(*logrus.Logger).Error":  {LibLogrus, "Error", -1, false, -1, false, false, "WithContext(ctx).Error"},
		"logrus.WithField.Info":   {LibLogrus, "Info", -1, false, -1, false, false, "WithContext(ctx).Info"},
		"logrus.WithContext.Info": {LibLogrus, "Info", -1, false, -1, false, true, ""},
		"(*logrus.Entry).Info":    {LibLogrus, "Info", -1, false, -1, false, true, ""}, // an Entry variable may carry a context
		"(*logrus.Entry).Logf":    {LibLogrus, "Logf", 1, true, -1, false, true, ""},
		"zerolog.log.Info.Msg":    {LibZerolog, "Msg", 0, false, -1, false, false, "Ctx(ctx)"},
		"zerolog.Msgf":            {LibZerolog, "Msgf", 0, true, -1, false, false, "Ctx(ctx)"},
		"zerolog.Ctx.Send":        {LibZerolog, "Send", -1, false, -1, false, true, ""},
		"zerolog.Ctx.logger":      {LibZerolog, "Msg", 0, false, -1, false, true, ""},
		"zerolog.event-var":       {LibZerolog, "Msg", 0, false, -1, false, true, ""},
		"zerolog.Print":           {LibZerolog, "Print", -1, false, -1, false, false, ""},
		"zerolog.log.Printf":      {LibZerolog, "Printf", 0, true, -1, false, false, ""},
		"not-a-logger.Info":       nil,
		"not-a-logger.Printf":     nil,
		"span-trace-id":           nil,
	}
	for name, w := range tests {
		call := rows[name]
		if call == nil {
			t.Errorf("%s: no row in apicalls", name)
			continue
		}
		lc, ok := LogCallOf(pkg.TypesInfo, call)
		if w == nil {
			if ok {
				t.Errorf("%s: LogCallOf = %+v, want no log call", name, lc)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: not a log call", name)
			continue
		}
		got := want{lc.Library, lc.Method, lc.Msg, lc.Format, lc.Fields, lc.KeyValues, lc.HasContext, lc.ContextForm}
		if got != *w {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, *w)
		}
	}
	for name, call := range rows {
		if _, ok := tests[name]; ok {
			continue
		}
		// Rows of the other tests (adapters, fields, constructors) are
		// not log calls.
		if !strings.HasPrefix(name, "adapter-") && !strings.HasPrefix(name, "field-") && !strings.HasPrefix(name, "ctor-") {
			t.Errorf("row %s has no expectation", name)
		} else if lc, ok := LogCallOf(pkg.TypesInfo, call); ok {
			t.Errorf("%s: LogCallOf = %+v, want no log call", name, lc)
		}
	}
}

func TestSpanContextIDOf(t *testing.T) {
	pkg := loadAPICalls(t)
	rows := rowCalls(t, pkg)
	call := rows["span-trace-id"]
	if id, ok := SpanContextIDOf(pkg.TypesInfo, call); !ok || id != "TraceID" {
		t.Errorf("SpanContextIDOf(span-trace-id) = %q, %v", id, ok)
	}
	if _, ok := SpanContextIDOf(pkg.TypesInfo, rows["zap.Info"]); ok {
		t.Error("SpanContextIDOf(zap.Info) = true")
	}
}

// TestTablesNameRealAPIs checks that every function the tables name exists
// in the real library with that receiver.
func TestTablesNameRealAPIs(t *testing.T) {
	pkg := loadAPICalls(t)
	var names []string
	for n := range logTable {
		names = append(names, n)
	}
	for n := range loggerConstructors {
		names = append(names, n)
	}
	for n := range logAdapters {
		names = append(names, n)
	}
	for _, n := range names {
		if !resolves(pkg.Types, n) {
			t.Errorf("%s does not exist in the loaded libraries", n)
		}
	}
	for _, b := range logBackendIfaces {
		p := findPackage(pkg.Types, b.path)
		if lookupInterface(p, b.name) == nil {
			t.Errorf("back end %s.%s not found", b.path, b.name)
		}
	}
	if got := len(LogBackends(pkg.Types)); got != len(logBackendIfaces) {
		t.Errorf("LogBackends found %d interfaces, want %d", got, len(logBackendIfaces))
	}
}

// resolves looks up a full name as go/types prints it: "pkg.F",
// "(pkg.T).M" or "(*pkg.T).M".
func resolves(root *types.Package, full string) bool {
	if strings.HasPrefix(full, "(") {
		end := strings.Index(full, ").")
		recv, method := full[1:end], full[end+2:]
		ptr := strings.HasPrefix(recv, "*")
		recv = strings.TrimPrefix(recv, "*")
		dot := strings.LastIndex(recv, ".")
		p := findPackage(root, recv[:dot])
		if p == nil {
			return false
		}
		tn, ok := p.Scope().Lookup(recv[dot+1:]).(*types.TypeName)
		if !ok {
			return false
		}
		var t types.Type = tn.Type()
		if ptr {
			t = types.NewPointer(t)
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, p, method)
		fn, ok := obj.(*types.Func)
		return ok && fn.FullName() == full
	}
	dot := strings.LastIndex(full, ".")
	p := findPackage(root, full[:dot])
	if p == nil {
		return false
	}
	_, ok := p.Scope().Lookup(full[dot+1:]).(*types.Func)
	return ok
}

func TestLogLibraryFamily(t *testing.T) {
	if LibOtelzap.Family() != LibZap || LibZap.Family() != LibZap || LibSlog.Family() != LibSlog {
		t.Error("otelzap must belong to the zap family, the others to their own")
	}
}

func TestLogCallOfWithoutTypes(t *testing.T) {
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("log"), Sel: ast.NewIdent("Printf")}}
	if _, ok := LogCallOf(nil, call); ok {
		t.Error("LogCallOf without type information reported a log call")
	}
	if _, ok := LogCallOf(&types.Info{}, call); ok {
		t.Error("LogCallOf with empty type information reported a log call")
	}
	if _, ok := LoggerConstructorOf(&types.Info{}, call); ok {
		t.Error("LoggerConstructorOf with empty type information reported a constructor")
	}
	if _, ok := LogBackendOf(nil, nil); ok {
		t.Error("LogBackendOf(nil) reported a back end")
	}
}

func TestLoggerTypeOf(t *testing.T) {
	pkg := loadAPICalls(t)
	fn := pkg.Types.Scope().Lookup("calls").(*types.Func)
	params := fn.Type().(*types.Signature).Params()
	want := map[string]LogLibrary{"z": LibZap, "o": LibOtelzap, "l": LibLogrus, "e": LibLogrus, "zl": LibZerolog, "sl": LibSlog, "std": LibLog}
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		lib, ok := LoggerTypeOf(p.Type())
		if w, isLogger := want[p.Name()]; lib != w || ok != isLogger {
			t.Errorf("LoggerTypeOf(%s %s) = %q, %v; want %q", p.Name(), p.Type(), lib, ok, w)
		}
	}
}

func TestAdaptersFieldsConstructors(t *testing.T) {
	pkg := loadAPICalls(t)
	rows := rowCalls(t, pkg)
	info := pkg.TypesInfo
	for _, name := range []string{"adapter-zap.NewStdLog", "adapter-slog.NewLogLogger", "adapter-logrus.Writer"} {
		if !IsLogAdapter(info, rows[name]) {
			t.Errorf("%s: IsLogAdapter = false", name)
		}
	}
	if IsLogAdapter(info, rows["zap.Info"]) {
		t.Error("zap.Info: IsLogAdapter = true")
	}
	fields := map[string]struct {
		lib    LogLibrary
		hasKey bool
	}{
		"field-zap.String":       {LibZap, true},
		"field-zap.Error":        {LibZap, false},
		"field-slog.Any":         {LibSlog, true},
		"field-logrus.WithField": {LibLogrus, true},
		"field-zerolog.Str":      {LibZerolog, true},
	}
	for name, w := range fields {
		f, ok := LogFieldOf(info, rows[name])
		if !ok || f.Library != w.lib || (f.Key != nil) != w.hasKey || f.Value == nil {
			t.Errorf("%s: LogFieldOf = %+v, %v; want library %s, key %v", name, f, ok, w.lib, w.hasKey)
		}
	}
	ctors := map[string]LogLibrary{"ctor-zap.NewExample": LibZap, "ctor-otelzap.New": LibOtelzap, "ctor-slog.New": LibSlog}
	for name, w := range ctors {
		if lib, ok := LoggerConstructorOf(info, rows[name]); !ok || lib != w {
			t.Errorf("%s: LoggerConstructorOf = %q, %v; want %q", name, lib, ok, w)
		}
	}
	backends := LogBackends(pkg.Types)
	h := pkg.Types.Scope().Lookup("slogToZap").Type()
	if b, ok := LogBackendOf(backends, h); !ok || b.Name != "slog.Handler" {
		t.Errorf("LogBackendOf(slogToZap) = %+v, %v; want slog.Handler", b, ok)
	}
	if _, ok := LogBackendOf(backends, pkg.Types.Scope().Lookup("notALogger").Type()); ok {
		t.Error("LogBackendOf(notALogger) = true")
	}
}

func TestLoggerOrWrapperOf(t *testing.T) {
	logrusPkg := types.NewPackage(LogrusPath, "logrus")
	entry := types.NewNamed(types.NewTypeName(0, logrusPkg, "Entry", nil), types.NewStruct(nil, nil), nil)
	own := types.NewPackage("example.com/svc/reqlog", "reqlog")
	wrapper := func(name string, embedded bool) types.Type {
		fields := []*types.Var{
			types.NewField(0, own, "Entry", types.NewPointer(entry), embedded),
			types.NewField(0, own, "RequestID", types.Typ[types.String], false),
		}
		return types.NewPointer(types.NewNamed(types.NewTypeName(0, own, name, nil), types.NewStruct(fields, nil), nil))
	}
	for _, tc := range []struct {
		name string
		t    types.Type
		want bool
	}{
		{"logrus entry", types.NewPointer(entry), true},
		{"struct embedding an entry", wrapper("Entry", true), true},
		{"struct with an entry field among others", wrapper("Holder", false), false},
		{"struct holding only an entry", types.NewPointer(types.NewNamed(types.NewTypeName(0, own, "logEntry", nil),
			types.NewStruct([]*types.Var{types.NewField(0, own, "Entry", types.NewPointer(entry), false)}, nil), nil)), true},
		{"string", types.Typ[types.String], false},
		{"nil", nil, false},
	} {
		lib, ok := LoggerOrWrapperOf(tc.t)
		if ok != tc.want || ok && lib != LibLogrus {
			t.Errorf("%s: LoggerOrWrapperOf = %q, %v; want %v", tc.name, lib, ok, tc.want)
		}
	}
}
