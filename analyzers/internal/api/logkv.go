package api

import (
	"go/ast"
	"go/types"
)

// LogKeyValues is a call that attaches structured data to a logger or a
// record without emitting one, in a form LogFieldOf does not cover: loosely
// typed key/value lists (slog's Logger.With and Group, zap's
// SugaredLogger.With) and field maps (logrus's WithFields, zerolog's Fields).
type LogKeyValues struct {
	Call    *ast.CallExpr
	Library LogLibrary
	// Args are alternating key, value arguments (slog also accepts Attr
	// values and zap zap.Field values among them), or nil.
	Args []ast.Expr
	// Map is a map argument of key → value (logrus.Fields, or zerolog's
	// Fields argument), or nil.
	Map ast.Expr
}

var logKVTable = map[string]struct {
	lib  LogLibrary
	from int  // index of the first key/value argument
	m    bool // the argument at from is a map
}{
	"(*log/slog.Logger).With":                   {LibSlog, 0, false},
	"log/slog.Group":                            {LibSlog, 1, false},
	"(*go.uber.org/zap.SugaredLogger).With":     {LibZap, 0, false},
	"(*go.uber.org/zap.SugaredLogger).WithLazy": {LibZap, 0, false},
	"(*" + OtelzapPath + ".SugaredLogger).With": {LibOtelzap, 0, false},
	LogrusPath + ".WithFields":                  {LibLogrus, 0, true},
	"(*" + LogrusPath + ".Logger).WithFields":   {LibLogrus, 0, true},
	"(*" + LogrusPath + ".Entry).WithFields":    {LibLogrus, 0, true},
	"(*" + ZerologPath + ".Event).Fields":       {LibZerolog, 0, true},
	"(" + ZerologPath + ".Context).Fields":      {LibZerolog, 0, true},
}

// LogKeyValuesOf reports whether call attaches key/value data to a logger
// or log record (see LogKeyValues).
func LogKeyValuesOf(info *types.Info, call *ast.CallExpr) (LogKeyValues, bool) {
	spec, ok := logKVTable[CalleeName(info, call)]
	if !ok || len(call.Args) <= spec.from {
		return LogKeyValues{}, false
	}
	kv := LogKeyValues{Call: call, Library: spec.lib}
	if spec.m {
		kv.Map = call.Args[spec.from]
	} else {
		kv.Args = call.Args[spec.from:]
	}
	return kv, true
}

// LogContextFieldOf reports whether call adds a typed field to a zerolog
// Context (log.With().Str("k", v)), the logger-building twin of the Event
// methods LogFieldOf knows, and returns its key and value.
func LogContextFieldOf(info *types.Info, call *ast.CallExpr) (LogField, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != ZerologPath {
		return LogField{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !IsNamed(sig.Recv().Type(), ZerologPath, "Context") {
		return LogField{}, false
	}
	if len(call.Args) < 2 || sig.Params().Len() < 2 || !isStringType(sig.Params().At(0).Type()) {
		return LogField{}, false
	}
	return LogField{Call: call, Library: LibZerolog, Key: call.Args[0], Value: call.Args[1]}, true
}

// IsLogFieldMap reports whether t is a map type logging libraries take as a
// set of fields: logrus.Fields.
func IsLogFieldMap(t types.Type) bool {
	return IsNamed(t, LogrusPath, "Fields")
}

// IsPromLabelsMap reports whether t is prometheus.Labels.
func IsPromLabelsMap(t types.Type) bool {
	return IsNamed(t, PrometheusPath, "Labels")
}

var logErrorFields = map[string]LogLibrary{
	LogrusPath + ".WithError":                LibLogrus,
	"(*" + LogrusPath + ".Logger).WithError": LibLogrus,
	"(*" + LogrusPath + ".Entry).WithError":  LibLogrus,
	"(*" + ZerologPath + ".Event).Err":       LibZerolog,
	"(" + ZerologPath + ".Context).Err":      LibZerolog,
}

// LogErrorFieldOf reports whether call attaches an error under the
// library's implicit key (logrus's WithError, zerolog's Err), the
// one-argument twins of zap.Error, and returns it as a LogField without a
// key.
func LogErrorFieldOf(info *types.Info, call *ast.CallExpr) (LogField, bool) {
	lib, ok := logErrorFields[CalleeName(info, call)]
	if !ok || len(call.Args) != 1 {
		return LogField{}, false
	}
	return LogField{Call: call, Library: lib, Value: call.Args[0]}, true
}
