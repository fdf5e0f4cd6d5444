package spanname

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// named is a span start whose name is a known constant, with the function
// it is written in: the input of the duplicate check.
type named struct {
	site
	name string
	fn   *types.Func
}

// maxCallDepth bounds how far down the package's call chain the duplicate
// check looks for a child span named like its parent.
const maxCallDepth = 4

// callGraph holds the same-package calls of each function of the package.
type callGraph struct {
	x     *index
	calls map[*types.Func][]call
}

// call is a call from one function of the package to another.
type call struct {
	pos    token.Pos
	callee *types.Func
}

func newCallGraph(x *index) *callGraph {
	return &callGraph{x: x, calls: map[*types.Func][]call{}}
}

// callsOf returns the calls fn's body makes to functions of the package,
// including those in its function literals.
func (g *callGraph) callsOf(fn *types.Func) []call {
	if cs, ok := g.calls[fn]; ok {
		return cs
	}
	var cs []call
	if decl := g.x.funcs[fn]; decl != nil {
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if callee := api.Callee(g.x.info, c); callee != nil && g.x.funcs[callee.Origin()] != nil {
					cs = append(cs, call{pos: c.Pos(), callee: callee.Origin()})
				}
			}
			return true
		})
	}
	g.calls[fn] = cs
	return cs
}

// reachable returns the functions fn calls within the package, directly or
// through up to maxCallDepth calls, counting only fn's own calls made after
// pos, each with the first function on the way (the call fn makes).
func (g *callGraph) reachable(fn *types.Func, after token.Pos) map[*types.Func]*types.Func {
	via := map[*types.Func]*types.Func{}
	type item struct {
		fn, first *types.Func
	}
	frontier := []item{}
	for _, c := range g.callsOf(fn) {
		if c.pos > after && c.callee != fn {
			if _, seen := via[c.callee]; !seen {
				via[c.callee] = c.callee
				frontier = append(frontier, item{c.callee, c.callee})
			}
		}
	}
	for depth := 1; depth < maxCallDepth && len(frontier) > 0; depth++ {
		var next []item
		for _, it := range frontier {
			for _, c := range g.callsOf(it.fn) {
				if _, seen := via[c.callee]; !seen && c.callee != fn {
					via[c.callee] = it.first
					next = append(next, item{c.callee, it.first})
				}
			}
		}
		frontier = next
	}
	return via
}

// reaches reports whether from calls to within the package.
func (g *callGraph) reaches(from, to *types.Func) bool {
	if from == to {
		return true
	}
	_, ok := g.reachable(from, token.NoPos)[to]
	return ok
}

// checkDuplicates reports span names that make two operations one in the
// back end: a child started with its parent's name further down the
// package's call chain, names that differ only in letter case or
// separators, and a name that belongs to one function reused in another.
// Each finding is at the second site and names the first.
func (c *checker) checkDuplicates(sites []named) (reported map[token.Pos]bool) {
	done := map[token.Pos]bool{}
	if !c.r.Enabled(checkDuplicate) || len(sites) < 2 {
		return done
	}
	sort.SliceStable(sites, func(i, j int) bool { return sites[i].expr.Pos() < sites[j].expr.Pos() })
	g := newCallGraph(c.ev.x)
	byName := map[string][]named{}
	byNorm := map[string][]named{}
	for _, s := range sites {
		byName[s.name] = append(byName[s.name], s)
		byNorm[spellingKey(s.name)] = append(byNorm[spellingKey(s.name)], s)
	}
	report := func(at named, format string, args ...any) {
		if done[at.expr.Pos()] {
			return
		}
		done[at.expr.Pos()] = true
		c.r.Reportf(checkDuplicate, at.expr, format, args...)
	}
	// A child named like its parent, further down the call chain.
	for _, parent := range sites {
		if parent.fn == nil {
			continue
		}
		via := g.reachable(parent.fn, parent.expr.Pos())
		for _, child := range byNorm[spellingKey(parent.name)] {
			first, ok := via[child.fn]
			if !ok || child.fn == parent.fn || g.reaches(child.fn, parent.fn) {
				continue // not below the parent, or a recursion: one operation at every level
			}
			chain := funcName(parent.fn) + " → " + funcName(first)
			if first != child.fn {
				chain += " → … → " + funcName(child.fn)
			}
			what := "a span of the same name"
			if child.name != parent.name {
				what = fmt.Sprintf("span %q", parent.name)
			}
			report(child, "span %q is started inside %s started at %s (%s): two layers under one name are mixed in every query by name; name this span after what %s does", child.name, what, c.where(parent), chain, funcName(child.fn))
		}
	}
	// Names that differ only in letter case or separators.
	for _, group := range byNorm {
		first := group[0]
		for _, s := range group[1:] {
			if s.name != first.name {
				report(s, "span name %q differs from %q (started at %s) only in letter case or separators: a back end shows two operations that read as one; use one spelling for one operation, or a distinct name for a distinct one", s.name, first.name, c.where(first))
			}
		}
	}
	// A name that belongs to one function, reused in another operation.
	for _, group := range byName {
		var owner *named
		for i, s := range group {
			if s.fn != nil && namedAfter(s.name, s.fn) {
				owner = &group[i]
				break
			}
		}
		if owner == nil {
			continue // the name is nobody's: maybe one operation at several sites
		}
		for _, s := range group {
			if s.fn == nil || s.fn == owner.fn || namedAfter(s.name, s.fn) || g.reaches(s.fn, owner.fn) || g.reaches(owner.fn, s.fn) {
				continue
			}
			report(s, "span name %q is the name of %s's span (started at %s), reused here in %s, a different operation: name this span after what %s does", s.name, funcName(owner.fn), c.where(*owner), funcName(s.fn), funcName(s.fn))
		}
	}
	return done
}

// spellingKey is what two spellings of one name share: the name without
// letter case and separators, or, for a name of symbols only ("+", "&",
// "-": a set operation's union, intersection and difference), the name as
// written.
func spellingKey(name string) string {
	if n := normalize(name); n != "" {
		return n
	}
	return name
}

// namedAfter reports whether a span name is the function's own, ignoring
// case and separators: its last segment is the function's name of two
// words or more ("PlaceOrder" in PlaceOrder), or the receiver type and the
// method ("UserService.Create" in UserService.Create). A one-word name
// alone ("db.query" in query) names a step, not a function.
func namedAfter(name string, fn *types.Func) bool {
	last, rest := name, ""
	if i := strings.LastIndexAny(name, "./ "); i >= 0 {
		last, rest = name[i+1:], name[:i]
	}
	if normalize(last) == "" || normalize(last) != normalize(fn.Name()) {
		return false
	}
	if len(api.Words(fn.Name())) > 1 {
		return true
	}
	recv := funcName(fn)
	if i := strings.LastIndex(recv, "."); i >= 0 {
		recv = recv[:i]
	} else {
		return false
	}
	if j := strings.LastIndexAny(rest, "./ "); j >= 0 {
		rest = rest[j+1:]
	}
	return normalize(rest) == normalize(recv)
}

// funcName names a function as the user wrote it: Orders.Place, place.
func funcName(fn *types.Func) string {
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}

// where is the file and line of a site: "orders.go:42".
func (c *checker) where(s named) string {
	p := c.pass.Fset.Position(s.expr.Pos())
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
