package logmix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// outputPlaces are the parts of a package that print the program's output
// for a person or a CI runner rather than log: what a command-line tool
// prints is its product, and a second logging library it is not.
type outputPlaces struct {
	// commandBodies are function literals that carry out a command of a
	// command-line framework (cobra's Run and RunE, urfave/cli's Action);
	// commandFuncs the same-package functions named there.
	commandBodies []ast.Node
	commandFuncs  map[*types.Func]bool
	// exitBranches are the bodies of if statements checking the error of
	// a command run (if err := root.Execute(); err != nil {...}): the
	// program reports its failure to the user and exits.
	exitBranches []ast.Node
}

// addCommandLiteral records the body functions of a command literal:
// &cobra.Command{RunE: func(...) error {...}}.
func (o *outputPlaces) addCommandLiteral(info *types.Info, lit *ast.CompositeLit) {
	t := api.TypeOf(info, lit)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && api.IsCommandBodyField(t, key.Name) {
			o.addCommandBody(info, kv.Value)
		}
	}
}

// addCommandBodyAssign records a body function assigned to a command's
// field: cmd.RunE = runStatus.
func (o *outputPlaces) addCommandBodyAssign(info *types.Info, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if ok && api.IsCommandBodyField(api.TypeOf(info, sel.X), sel.Sel.Name) {
			o.addCommandBody(info, as.Rhs[i])
		}
	}
}

func (o *outputPlaces) addCommandBody(info *types.Info, e ast.Expr) {
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		o.commandBodies = append(o.commandBodies, x)
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := api.ObjectOf(info, x).(*types.Func); ok {
			if o.commandFuncs == nil {
				o.commandFuncs = map[*types.Func]bool{}
			}
			o.commandFuncs[fn] = true
		}
	}
}

// followsCommandRun reports whether the if statement checks the outcome of
// running a command tree (its init, or the statement before it, calls
// cobra's Execute or urfave/cli's Run).
func followsCommandRun(info *types.Info, ifs *ast.IfStmt, stack []ast.Node) bool {
	return checksOutcomeOf(ifs, stack, func(s ast.Stmt) bool {
		as, ok := s.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return false
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		return ok && api.IsCommandRun(info, call)
	})
}

// mark sets output on the calls that print the program's output: fmt in a
// command's body or in a function that writes CI workflow commands, and fmt
// or log reporting a failed command run.
func (o *outputPlaces) mark(info *types.Info, calls []*logCall) {
	ci := map[ast.Node]bool{}
	for _, c := range calls {
		if c.Library == api.LibFmt && c.fn != nil && printsWorkflowCommand(info, c) {
			ci[c.fn] = true
		}
	}
	for _, c := range calls {
		switch c.Library.Family() {
		case api.LibFmt:
			c.output = ci[c.fn] || o.inCommandBody(info, c) || within(o.exitBranches, c.Call.Pos())
		case api.LibLog:
			c.output = within(o.exitBranches, c.Call.Pos())
		}
	}
}

// inCommandBody reports whether the call lies in a command's body: a
// function literal given to a command, or a same-package function named
// as one.
func (o *outputPlaces) inCommandBody(info *types.Info, c *logCall) bool {
	if within(o.commandBodies, c.Call.Pos()) {
		return true
	}
	if fd, ok := c.fn.(*ast.FuncDecl); ok && len(o.commandFuncs) > 0 {
		fn, _ := info.Defs[fd.Name].(*types.Func)
		return o.commandFuncs[fn]
	}
	return false
}

// workflowCommands are the GitHub Actions workflow commands a program
// writes to standard output as "::name::" or "::name ...::".
var workflowCommands = []string{
	"group", "endgroup", "error", "warning", "notice", "debug", "add-mask",
	"stop-commands", "set-output", "save-state", "add-matcher", "remove-matcher",
}

// printsWorkflowCommand reports whether a fmt call prints a CI workflow
// command (fmt.Println("::group::" + name)): the function it is in writes
// for the CI runner, which folds and annotates its output.
func printsWorkflowCommand(info *types.Info, c *logCall) bool {
	first := 0
	if strings.HasPrefix(c.Method, "Fprint") {
		first = 1
	}
	if first >= len(c.Call.Args) {
		return false
	}
	s, ok := leadingString(info, c.Call.Args[first])
	if !ok || !strings.HasPrefix(s, "::") {
		return false
	}
	name := s[2:]
	for _, w := range workflowCommands {
		if rest, ok := strings.CutPrefix(name, w); ok && (strings.HasPrefix(rest, "::") || strings.HasPrefix(rest, " ")) {
			return true
		}
	}
	return false
}

// leadingString returns the constant start of a string expression: the
// value of a constant, or of the left-most constant operand of a
// concatenation.
func leadingString(info *types.Info, e ast.Expr) (string, bool) {
	for {
		if s, ok := api.StringConst(info, e); ok {
			return s, true
		}
		bin, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok {
			return "", false
		}
		e = bin.X
	}
}

// within reports whether pos lies in one of nodes.
func within(nodes []ast.Node, pos token.Pos) bool {
	for _, n := range nodes {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}
