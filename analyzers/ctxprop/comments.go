package ctxprop

import (
	"go/ast"
	"go/token"
	"strings"
)

// This file decides when a comment explains a fresh root context as
// deliberate.

// detachmentComment reports whether a comment on the line of pos, or the
// comment directly above the statement holding it (or above the statement
// whose body that one opens), says the fresh context is deliberate: it
// detaches, outlives the caller or survives its cancellation, is a
// background or new context on purpose, or silences contextcheck. A
// comment with TODO or FIXME is no such evidence: it marks a known gap.
func (c *collector) detachmentComment(stack []ast.Node, pos token.Pos) bool {
	file, ok := stack[0].(*ast.File)
	if !ok {
		return false
	}
	idx := c.commentIndex(file)
	fset := c.pass.Fset
	if saysDetached(idx.onLine[fset.Position(pos).Line]) {
		return true
	}
	// A goroutine documented as detached where it starts (go func() {
	// // decoupled from the request ...), on its line or the line above,
	// covers the fresh contexts of its body.
	for _, n := range stack {
		if g, ok := n.(*ast.GoStmt); ok {
			line := fset.Position(g.Pos()).Line
			if saysDetached(idx.onLine[line]) || saysDetached(idx.endingOn[line-1]) {
				return true
			}
		}
	}
	// The innermost statement, then the statements it opens the body of.
	for i := len(stack) - 2; i >= 0; i-- {
		s, ok := stack[i].(ast.Stmt)
		if !ok {
			if _, isFunc := stack[i].(*ast.FuncDecl); isFunc {
				return false
			}
			continue
		}
		if _, isBlock := s.(*ast.BlockStmt); isBlock {
			continue
		}
		if saysDetached(c.paragraphComment(idx, stack[:i], s)) {
			return true
		}
		if !firstInBody(stack[:i], s) {
			return c.inDocumentedBlock(idx, stack[:i])
		}
		if saysDetached(c.openingComment(idx, stack[i-1], s)) {
			return true
		}
	}
	return false
}

// openingComment returns the comments that open the block or clause body
// (the lines after its { or case ...:) before its first statement first,
// also across a blank line:
//
//	case job := <-q.jobs:
//		// A new context the worker's cancellation does not reach.
//
//		jobCtx := context.Background()
func (c *collector) openingComment(idx *fileComments, body ast.Node, first ast.Stmt) string {
	line := func(p token.Pos) int { return c.pass.Fset.Position(p).Line }
	var open token.Pos
	switch b := body.(type) {
	case *ast.BlockStmt:
		open = b.Lbrace
	case *ast.CaseClause:
		open = b.Colon
	case *ast.CommClause:
		open = b.Colon
	default:
		return ""
	}
	var text strings.Builder
	for l := line(open) + 1; l < line(first.Pos()); l++ {
		text.WriteString(idx.endingOn[l])
	}
	return text.String()
}

// inDocumentedBlock reports whether the top of stack lies in a bare block
// (a { ... } of its own among statements, not the body of an if, a loop
// or a function) that opens with a comment saying its contexts are
// detached on purpose:
//
//	{
//		// Must complete regardless of the caller's cancellation.
//
//		if err := c.store(context.Background(), conn); err != nil {
func (c *collector) inDocumentedBlock(idx *fileComments, stack []ast.Node) bool {
	for k := len(stack) - 1; k > 0; k-- {
		switch b := stack[k].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			switch stack[k-1].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			default:
				continue // the body of an if, a loop, a function
			}
			if len(b.List) > 0 && saysDetached(c.openingComment(idx, b, b.List[0])) {
				return true
			}
		}
	}
	return false
}

// paragraphComment returns the comment that heads the paragraph of code
// holding s: the comment directly above s, or above an earlier statement of
// the same block that s follows without a blank line or a comment between
// them:
//
//	// From here on the commit must finish even if the caller gives up.
//	if ctx.Err() != nil {
//		return ctx.Err()
//	}
//	commitCtx := context.Background()
func (c *collector) paragraphComment(idx *fileComments, stack []ast.Node, s ast.Stmt) string {
	line := func(p token.Pos) int { return c.pass.Fset.Position(p).Line }
	list := blockStmts(stack)
	at := -1
	for j, st := range list {
		if st == s {
			at = j
		}
	}
	for j := at; ; j-- {
		if text, ok := idx.endingOn[line(s.Pos())-1]; ok || j <= 0 {
			return text
		}
		prev := list[j-1]
		if line(prev.End())+1 != line(s.Pos()) {
			return "" // a blank line ends the paragraph
		}
		s = prev
	}
}

// blockStmts returns the statements of the block or case clause at the
// top of stack.
func blockStmts(stack []ast.Node) []ast.Stmt {
	if len(stack) == 0 {
		return nil
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.BlockStmt:
		return p.List
	case *ast.CaseClause:
		return p.Body
	case *ast.CommClause:
		return p.Body
	}
	return nil
}

// firstInBody reports whether s is the first statement of the block or
// case clause at the top of stack (so that a comment above that block's
// statement is directly above s too).
func firstInBody(stack []ast.Node, s ast.Stmt) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.BlockStmt:
		return len(p.List) > 0 && p.List[0] == s
	case *ast.CaseClause:
		return len(p.Body) > 0 && p.Body[0] == s
	case *ast.CommClause:
		return len(p.Body) > 0 && p.Body[0] == s
	}
	return false
}

// fileComments indexes a file's comment groups by the line they end on and
// the lines they share with code (a trailing comment).
type fileComments struct {
	endingOn map[int]string
	onLine   map[int]string
}

func (c *collector) commentIndex(f *ast.File) *fileComments {
	if idx, ok := c.comments[f]; ok {
		return idx
	}
	idx := &fileComments{endingOn: map[int]string{}, onLine: map[int]string{}}
	for _, g := range f.Comments {
		start, end := c.pass.Fset.Position(g.Pos()).Line, c.pass.Fset.Position(g.End()).Line
		var text strings.Builder
		for _, cm := range g.List {
			if isExpectation(cm.Text) || isOwnDirective(cm.Text) {
				continue
			}
			text.WriteString(cm.Text)
			text.WriteByte('\n')
		}
		idx.endingOn[end] += text.String()
		for l := start; l <= end; l++ {
			idx.onLine[l] += text.String()
		}
	}
	c.comments[f] = idx
	return idx
}

// detachWords say on their own that a context is detached on purpose.
var detachWords = []string{"detach", "outlive", "outlast", "survive", "contextcheck", "intentional", "deliberate", "on purpose"}

// contextChoiceWords say it when the comment talks about a context.
var contextChoiceWords = []string{"background", "fresh", "new context", "separate", "independent", "not used", "not use", "don't use", "propagat", "shutdown", "even if", "even when", "regardless"}

// saysDetached reports whether a comment's text explains a fresh context
// as deliberate (see detachmentComment).
func saysDetached(text string) bool {
	if text == "" {
		return false
	}
	t := strings.ToLower(text)
	if strings.Contains(t, "todo") || strings.Contains(t, "fixme") {
		return false
	}
	for _, w := range detachWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	if !strings.Contains(t, "context") && !strings.Contains(t, "ctx") {
		return false
	}
	for _, w := range contextChoiceWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// isExpectation reports whether a comment is an analysistest expectation
// (// want `...`), which describes a finding and is no author's comment.
func isExpectation(text string) bool {
	rest, ok := strings.CutPrefix(text, "// want ")
	return ok && (strings.HasPrefix(rest, "`") || strings.HasPrefix(rest, `"`))
}

// isOwnDirective reports whether a comment is an //otellint: directive.
// The directive's reason is for the command, which silences the finding
// and reports a directive that silences nothing; were ctxprop to read that
// reason as evidence, the finding would vanish, the directive would be
// reported as unused, and removing it would bring the finding back.
func isOwnDirective(text string) bool {
	return strings.HasPrefix(text, "//otellint:")
}
