package ctxprop

import (
	"fmt"
	"go/ast"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// describeCtxless builds the message and, when fixable and the rewrite is
// one call edit, the fix. ctxText is the context expression to pass, or ""
// when there is none (a carrier whose context cannot be named).
func describeCtxless(cl api.CtxlessCall, src api.ContextSource, ctxText string, fixable bool, twin string) (string, []analysis.SuggestedFix) {
	call := cl.Call
	head := fmt.Sprintf("%s cannot carry %s; ", api.ShortFuncName(cl.Func), src.Describe())
	if ctxText == "" {
		if cl.Rewrite == api.RewriteNone {
			return head + fmt.Sprintf(cl.Hint, "that context"), nil
		}
		return head + fmt.Sprintf("call %s with that context instead", twin), nil
	}
	if cl.Rewrite == api.RewriteNone {
		return head + fmt.Sprintf(cl.Hint, ctxText), nil
	}
	args := ctxText
	if cl.Extra != "" {
		args += ", " + cl.Extra
	}
	insert := args
	if len(call.Args) > 0 {
		args += ", ..."
		insert += ", "
	}
	msg := head + fmt.Sprintf("call %s(%s) instead", twin, args)
	if !fixable {
		return msg, nil
	}
	var edits []analysis.TextEdit
	switch cl.Rewrite {
	case api.RewriteTwin:
		id := api.CalleeIdent(call.Fun)
		if id == nil {
			return msg, nil
		}
		edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(cl.Twin)})
	case api.RewriteDialer, api.RewriteResolver:
		edits = append(edits, analysis.TextEdit{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(twin)})
	}
	edits = append(edits, analysis.TextEdit{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(insert)})
	return msg, []analysis.SuggestedFix{{Message: "call " + twin, TextEdits: edits}}
}

// qualifiedTwin writes the replacement callee as the fix spells it:
// "QueryContext" for a method, "http.NewRequestWithContext" for a package
// function (with the file's own qualifier), "(&net.Dialer{}).DialContext".
func (c *collector) qualifiedTwin(cl api.CtxlessCall) string {
	q := ""
	if sel, ok := ast.Unparen(cl.Call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			if _, isPkg := c.pass.TypesInfo.Uses[id].(*types.PkgName); isPkg {
				q = id.Name + "."
			}
		}
	}
	switch cl.Rewrite {
	case api.RewriteDialer:
		return "(&" + q + "Dialer{})." + cl.Twin
	case api.RewriteResolver:
		return q + "DefaultResolver." + cl.Twin
	}
	if sig, ok := cl.Func.Type().(*types.Signature); ok && sig.Recv() != nil {
		return cl.Twin
	}
	return q + cl.Twin
}

// qualifier returns the spelling of the context package at a
// context.Background() call: "context." (or the import's alias), or "" for
// a dot import.
func qualifier(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name + "."
		}
	}
	return ""
}

func withoutCancel(qual, ctx string) string {
	return qual + "WithoutCancel(" + ctx + ")"
}

// contextQualifier returns how the file at the bottom of stack spells the
// context package, if it imports it.
func (c *collector) contextQualifier(stack []ast.Node) (string, bool) {
	file, ok := stack[0].(*ast.File)
	if !ok {
		return "", false
	}
	if q, ok := c.ctxImport[file]; ok {
		return q, q != "-"
	}
	q := "-"
	for _, imp := range file.Imports {
		if imp.Path.Value != `"context"` {
			continue
		}
		switch {
		case imp.Name == nil:
			q = "context."
		case imp.Name.Name == ".":
			q = ""
		case imp.Name.Name != "_":
			q = imp.Name.Name + "."
		}
	}
	c.ctxImport[file] = q
	return q, q != "-"
}

// goAtLeast reports whether the module's go directive (not a file's
// language version: it says which standard library the module builds with)
// is at least v, e.g. "go1.21" for context.WithoutCancel.
func (c *collector) goAtLeast(v string) bool {
	have := c.pass.Pkg.GoVersion()
	return v == "" || have == "" || version.Compare(have, v) >= 0
}
