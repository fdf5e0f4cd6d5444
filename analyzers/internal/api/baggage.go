package api

import (
	"go/ast"
	"go/types"
)

// BaggageEntry is a call that builds a baggage member or property from a
// key and a value: baggage.NewMember, NewMemberRaw, NewKeyValueProperty,
// NewKeyValuePropertyRaw. Baggage is propagated in a header to every
// downstream service.
type BaggageEntry struct {
	Call  *ast.CallExpr
	Func  *types.Func
	Key   ast.Expr
	Value ast.Expr
	// Member is true for members, false for properties.
	Member bool
}

var baggageEntries = map[string]bool{
	BaggagePath + ".NewMember":              true,
	BaggagePath + ".NewMemberRaw":           true,
	BaggagePath + ".NewKeyValueProperty":    false,
	BaggagePath + ".NewKeyValuePropertyRaw": false,
}

// BaggageEntryOf reports whether call builds a baggage member or property,
// and returns its key and value.
func BaggageEntryOf(info *types.Info, call *ast.CallExpr) (BaggageEntry, bool) {
	fn := Callee(info, call)
	member, ok := baggageEntries[FullName(fn)]
	if !ok || len(call.Args) < 2 {
		return BaggageEntry{}, false
	}
	return BaggageEntry{Call: call, Func: fn, Key: call.Args[0], Value: call.Args[1], Member: member}, true
}
