package logmix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"github.com/otellint/otellint/analyzers/internal/api"
	"github.com/otellint/otellint/analyzers/internal/lint"
)

// outputPlaces are the parts of a package that print the program's output
// for a person or a CI runner rather than log: what a command-line tool
// prints is its product, and a second logging library it is not.
type outputPlaces struct {
	// exitBranches are the bodies of if statements checking the error of
	// a command run (if err := root.Execute(); err != nil {...}): the
	// program reports its failure to the user and exits.
	exitBranches []ast.Node
	// terminal are the functions that also print through a terminal
	// package (colours, tables) or read what the person types (prompts):
	// their fmt calls are the same screen.
	terminal map[ast.Node]bool
	// command decides which functions are the code of a command.
	command *lint.CommandCode
}

func newOutputPlaces() outputPlaces {
	return outputPlaces{terminal: map[ast.Node]bool{}, command: lint.NewCommandCode()}
}

// addCall records what a call tells about the function it is in: that it
// prints through a terminal package, or calls an unexported function of
// the package.
func (o *outputPlaces) addCall(info *types.Info, pkg *types.Package, call *ast.CallExpr, fn *types.Func, caller ast.Node) {
	if caller == nil {
		return
	}
	o.command.NoteCall(info, pkg, call, fn, caller)
	if fn != nil && api.IsTerminalOutput(fn) || api.ReadsTerminal(info, call) {
		o.terminal[caller] = true
	}
}

// followsCommandRun reports whether the if statement checks the outcome of
// running a command tree (its init, or the statement before it, calls
// cobra's Execute, urfave/cli's Run or kingpin's Parse).
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

// mark sets output on the calls that print the program's output: fmt in
// the code of a command or in a function that writes CI workflow commands,
// lays out a screen (printsLayout) or prints through a terminal package;
// fmt and log in a function that
// builds the command line (there is no logger yet) or that reports a
// failed command run.
func (o *outputPlaces) mark(info *types.Info, calls []*logCall) {
	ci := map[ast.Node]bool{}
	screen := map[ast.Node]bool{}
	for _, c := range calls {
		if c.Library != api.LibFmt || c.fn == nil {
			continue
		}
		if printsWorkflowCommand(info, c) {
			ci[c.fn] = true
		}
		if printsLayout(info, c) {
			screen[c.fn] = true
		}
	}
	for _, c := range calls {
		exit := within(o.exitBranches, c.Call.Pos())
		switch c.Library.Family() {
		case api.LibFmt:
			c.output = exit || ci[c.fn] || screen[c.fn] || o.terminal[c.fn] || o.command.Is(info, c.fn) || o.buildsCommand(info, c.fn)
		case api.LibLog:
			c.output = exit || o.buildsCommand(info, c.fn)
		}
	}
}

// buildsCommand reports whether fn builds the program's command line
// (func versionCommand() *cobra.Command): it runs while the program sets
// up, before it has a logger. The function literals nested in it (a
// command's RunE) run later, when the command runs.
func (o *outputPlaces) buildsCommand(info *types.Info, fn ast.Node) bool {
	return fn != nil && api.BuildsCommand(lint.SignatureOf(info, fn))
}

// printsData reports whether a fmt call prints values only, with no text
// of its own (fmt.Println(value), fmt.Print(string(out)), fmt.Printf("%s\n",
// report)): it writes data, a command's result, not a message.
func printsData(info *types.Info, c *logCall) bool {
	first := 0
	if strings.HasPrefix(c.Method, "Fprint") {
		first = 1
	}
	args := c.Call.Args
	if first >= len(args) {
		return false
	}
	if strings.HasSuffix(c.Method, "f") {
		format, ok := api.StringConst(info, args[first])
		return ok && !hasWords(stripVerbs(format))
	}
	for _, a := range args[first:] {
		if s, ok := api.StringConst(info, a); ok && hasWords(s) {
			return false
		}
	}
	return true
}

// printsLayout reports whether a fmt call prints layout only: a blank line
// (fmt.Println(), fmt.Print("\n")), a rule ("-----", "=====") or a
// progress mark ("*", "+", "."): a constant with no letter or digit. A log
// record never carries layout; a function that draws it is laying out a
// screen or a progress line for a person at a terminal, such as a start-up
// banner of links or a retry loop's dots, and its other fmt calls are that
// screen's text.
func printsLayout(info *types.Info, c *logCall) bool {
	first := 0
	if strings.HasPrefix(c.Method, "Fprint") {
		first = 1
	}
	args := c.Call.Args
	if first > len(args) {
		return false
	}
	if first == len(args) {
		return c.Method == "Println" || c.Method == "Fprintln"
	}
	if len(args) != first+1 {
		return false
	}
	s, ok := api.StringConst(info, args[first])
	return ok && strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// stripVerbs removes the formatting verbs of a printf format.
func stripVerbs(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0 {
			i++
		}
	}
	return b.String()
}

func hasWords(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
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
