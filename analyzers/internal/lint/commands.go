package lint

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// CommandCode decides which functions of a package are the code of a
// command-line command: a function given a command-line framework's command
// or parse context (cobra's RunE, a kingpin action, urfave/cli's action), a
// function literal nested in one, a function of the package handed to an
// adapter returning such a function (cmd.RunE = wrap(cmdVersion)) or of
// the signature of the named function type such an adapter takes (a
// Command{Func: cmdVersion} wrapped later), or an
// unexported function that only such code calls (the helper building a
// command's client, or printing its summary). A function that starts a server is not, nor is what only it
// calls or launches: a serve command runs a service. The analyzer's walk
// feeds it the function literals and the calls of the package.
type CommandCode struct {
	parent  map[*ast.FuncLit]ast.Node  // the function enclosing each literal
	callers map[*types.Func][]ast.Node // the functions calling each unexported function
	serves  map[ast.Node]bool          // functions that start a server
	memo    map[ast.Node]bool          // decided functions
	// adapted are the functions of the package handed to an adapter that
	// returns a command body: cmd.RunE = wrapCommand(cmdVersion).
	adapted map[*types.Func]bool
	// adaptedSigs are the named function types such an adapter takes
	// (type CommandFunc func(Flags) (int, error)): a function of that
	// signature is a subcommand, wherever it is registered.
	adaptedSigs []*types.Signature
}

// NewCommandCode returns an empty index.
func NewCommandCode() *CommandCode {
	return &CommandCode{parent: map[*ast.FuncLit]ast.Node{}, callers: map[*types.Func][]ast.Node{}, serves: map[ast.Node]bool{}, memo: map[ast.Node]bool{}, adapted: map[*types.Func]bool{}}
}

// NoteLit records the function (declaration or literal) enclosing lit.
func (c *CommandCode) NoteLit(lit *ast.FuncLit, enclosing ast.Node) {
	c.parent[lit] = enclosing
}

// NoteCall records that caller (a declaration or literal) makes call to
// fn: when fn is an unexported function of pkg, as one of its callers; when
// the call starts a server, that caller serves.
func (c *CommandCode) NoteCall(info *types.Info, pkg *types.Package, call *ast.CallExpr, fn *types.Func, caller ast.Node) {
	if caller == nil {
		return
	}
	if api.StartsServing(info, call) {
		c.serves[caller] = true
	}
	c.noteAdapter(info, pkg, call)
	if fn == nil || fn.Pkg() != pkg || fn.Exported() {
		return
	}
	c.callers[fn] = append(c.callers[fn], caller)
}

// noteAdapter records the functions of pkg that call hands to an adapter
// whose result is a command body: a framework of the program's own turns
// them into cobra commands (cmd.RunE = WrapCommandFunc(cmdVersion), with
// func cmdVersion(Flags) (int, error)), so they run as commands.
func (c *CommandCode) noteAdapter(info *types.Info, pkg *types.Package, call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	sig, ok := info.TypeOf(call).(*types.Signature)
	if !ok || !api.IsCommandBody(sig) {
		return
	}
	for _, a := range call.Args {
		if named, ok := types.Unalias(info.TypeOf(a)).(*types.Named); ok && named.Obj().Pkg() == pkg {
			if fsig, ok := named.Underlying().(*types.Signature); ok && fsig.Params().Len() > 0 {
				c.adaptedSigs = append(c.adaptedSigs, fsig)
			}
		}
		var id *ast.Ident
		switch x := ast.Unparen(a).(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		}
		if id == nil {
			continue
		}
		if f, ok := info.Uses[id].(*types.Func); ok && f.Pkg() == pkg {
			c.adapted[f.Origin()] = true
		}
	}
}

// hasAdaptedSignature reports whether fn, a plain function, has the
// signature of a function type an adapter turns into a command body.
func (c *CommandCode) hasAdaptedSignature(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil {
		return false
	}
	for _, a := range c.adaptedSigs {
		if types.Identical(sig, a) {
			return true
		}
	}
	return false
}

// Is reports whether fn, a function declaration or literal, is command code.
func (c *CommandCode) Is(info *types.Info, fn ast.Node) bool {
	return c.is(info, fn, 0)
}

func (c *CommandCode) is(info *types.Info, fn ast.Node, depth int) bool {
	if fn == nil || depth > 8 {
		return false
	}
	if v, ok := c.memo[fn]; ok {
		return v
	}
	c.memo[fn] = false // recursion guard
	if c.serves[fn] {
		return false // a command that serves runs a server, not a terminal session
	}
	v := api.IsCommandBody(SignatureOf(info, fn))
	if !v {
		switch f := fn.(type) {
		case *ast.FuncLit:
			v = c.is(info, c.parent[f], depth+1)
		case *ast.FuncDecl:
			obj, _ := info.Defs[f.Name].(*types.Func)
			if c.adapted[obj] || c.hasAdaptedSignature(obj) {
				v = true
				break
			}
			callers := c.callers[obj]
			v = len(callers) > 0
			for _, caller := range callers {
				if !c.is(info, caller, depth+1) {
					v = false
					break
				}
			}
		}
	}
	c.memo[fn] = v
	return v
}

// SignatureOf returns the signature of a function declaration or literal.
func SignatureOf(info *types.Info, fn ast.Node) *types.Signature {
	var t types.Type
	switch f := fn.(type) {
	case *ast.FuncDecl:
		if obj := info.Defs[f.Name]; obj != nil {
			t = obj.Type()
		}
	case *ast.FuncLit:
		t = info.TypeOf(f)
	}
	sig, _ := t.(*types.Signature)
	return sig
}
