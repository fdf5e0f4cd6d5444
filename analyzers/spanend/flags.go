package spanend

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/cfg"
)

// flags are the values of local boolean variables known on one path: a
// flag set to a constant (spanStarted = true) and not changed since. A loop
// that restarts its span only when a flag says the last one was ended
//
//	if !spanStarted { ctx, span = tracer.Start(ctx, "poll"); spanStarted = true }
//
// takes the branch the flag decides, so a path that ended the span and
// cleared the flag always starts a new one.
type flags map[*types.Var]bool

// key identifies a set of flags for the walkers' visited sets.
func (f flags) key() string {
	if len(f) == 0 {
		return ""
	}
	parts := make([]string, 0, len(f))
	for v, b := range f {
		parts = append(parts, strconv.Itoa(int(v.Pos()))+"="+strconv.FormatBool(b))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

func (f flags) with(v *types.Var, val bool, known bool) flags {
	if old, ok := f[v]; ok == known && (!known || old == val) {
		return f
	}
	out := make(flags, len(f)+1)
	for k, x := range f {
		out[k] = x
	}
	if known {
		out[v] = val
	} else {
		delete(out, v)
	}
	return out
}

// flagInfo is what the walkers of one body know about its flags.
type flagInfo struct {
	tracked map[*types.Var]bool         // local bools whose address is never taken
	funcs   map[*types.Var]*ast.FuncLit // local variables holding one function literal
}

// flagInfoOf indexes the local boolean variables and function-literal
// variables of body.
func (c *checker) flagInfoOf(body *ast.BlockStmt) *flagInfo {
	if fi, ok := c.flagInfos[body]; ok {
		return fi
	}
	info := &flagInfo{tracked: map[*types.Var]bool{}, funcs: map[*types.Var]*ast.FuncLit{}}
	addressed := map[*types.Var]bool{}
	assigned := map[*types.Var]int{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v, ok := c.info.Uses[id].(*types.Var); ok {
					addressed[v] = true
				}
			}
		case *ast.Ident:
			if v, ok := c.info.Defs[n].(*types.Var); ok && isBool(v.Type()) {
				info.tracked[v] = true
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				v := c.assignedVar(l)
				if v == nil {
					continue
				}
				assigned[v]++
				if len(n.Rhs) == len(n.Lhs) {
					if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.FuncLit); ok {
						info.funcs[v] = lit
					}
				}
			}
		}
		return true
	})
	for v := range addressed {
		delete(info.tracked, v)
	}
	for v := range info.funcs {
		if assigned[v] != 1 {
			delete(info.funcs, v)
		}
	}
	c.flagInfos[body] = info
	return info
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// boolConst returns the value of a constant boolean expression.
func (c *checker) boolConst(e ast.Expr) (val, ok bool) {
	tv, found := c.info.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// stepFlags returns the flags after node n runs.
func (c *checker) stepFlags(fl *flagInfo, n ast.Node, f flags) flags {
	if len(fl.tracked) == 0 {
		return f
	}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				v := c.assignedVar(l)
				if v == nil || !fl.tracked[v] {
					continue
				}
				val, known := false, false
				if len(x.Rhs) == len(x.Lhs) {
					val, known = c.boolConst(x.Rhs[i])
				}
				f = f.with(v, val, known)
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				v, ok := c.info.Defs[name].(*types.Var)
				if !ok || !fl.tracked[v] {
					continue
				}
				val, known := false, len(x.Values) == 0 // the zero value
				if i < len(x.Values) {
					val, known = c.boolConst(x.Values[i])
				}
				f = f.with(v, val, known)
			}
		case *ast.CallExpr:
			f = c.callFlags(fl, x, f)
		}
		return true
	})
	return f
}

// callFlags applies a call of a local function literal (reset()) to the
// flags: its top-level constant assignments set them, any other assignment
// in it forgets them. A literal passed as an argument may run inside the
// call: what it assigns is forgotten.
func (c *checker) callFlags(fl *flagInfo, call *ast.CallExpr, f flags) flags {
	litOf := func(e ast.Expr) *ast.FuncLit {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				return fl.funcs[v]
			}
		}
		return nil
	}
	if lit := litOf(call.Fun); lit != nil {
		f = c.forgetAssigned(fl, lit, f)
		for _, st := range lit.Body.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, l := range as.Lhs {
				if v := c.assignedVar(l); v != nil && fl.tracked[v] {
					if val, known := c.boolConst(as.Rhs[i]); known {
						f = f.with(v, val, true)
					}
				}
			}
		}
	}
	for _, a := range call.Args {
		if lit := litOf(a); lit != nil {
			f = c.forgetAssigned(fl, lit, f)
		}
	}
	return f
}

// forgetAssigned drops the flags that lit assigns.
func (c *checker) forgetAssigned(fl *flagInfo, lit *ast.FuncLit, f flags) flags {
	ast.Inspect(lit.Body, func(x ast.Node) bool {
		if as, ok := x.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if v := c.assignedVar(l); v != nil && fl.tracked[v] {
					f = f.with(v, false, false)
				}
			}
		}
		return true
	})
	return f
}

// feasibleByFlags returns the successors of a conditional block (true
// first) that the known flags allow: the condition is a flag or its
// negation.
func (c *checker) feasibleByFlags(cond ast.Expr, succs []*cfg.Block, f flags) []*cfg.Block {
	if len(f) == 0 || len(succs) != 2 {
		return succs
	}
	holds := true
	e := ast.Unparen(cond)
	for {
		u, ok := e.(*ast.UnaryExpr)
		if !ok || u.Op != token.NOT {
			break
		}
		holds = !holds
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return succs
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return succs
	}
	val, known := f[v]
	if !known {
		return succs
	}
	if val == holds {
		return succs[:1]
	}
	return succs[1:]
}
