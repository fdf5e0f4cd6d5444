package pii

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// The answer of a failed outgoing call is its error message: a backend's
// "400 Bad Request: field x is required", a proxy's HTML error page, a
// payload that would not decode. Reading it whole and logging it is how a
// client reports the failure, not a dump of a user's data, so a response
// body read — or logged — on a failure path is not reported. Request
// bodies are reported wherever they go: they are what users send.

// recordFailureBranch records the branch of ifs that runs only when an
// outgoing call failed: its body when the condition says the response
// status is not a success or an error is not nil
// (if resp.StatusCode != http.StatusOK, if err != nil), its else branch when
// the condition says the opposite (if resp.StatusCode/100 == 2).
func (c *checker) recordFailureBranch(ifs *ast.IfStmt) {
	thenFails, elseFails := c.failureTest(ifs.Cond)
	if thenFails {
		c.failures = append(c.failures, span{ifs.Body.Pos(), ifs.Body.End()})
	}
	if elseFails && ifs.Else != nil {
		c.failures = append(c.failures, span{ifs.Else.Pos(), ifs.Else.End()})
	}
}

// onFailurePath reports whether pos lies in a branch recorded by
// recordFailureBranch.
func (c *checker) onFailurePath(pos token.Pos) bool {
	for _, s := range c.failures {
		if s.contains(pos) {
			return true
		}
	}
	return false
}

// failureTest decides a condition: whether it holds only when a call
// failed (thenFails), or fails to hold whenever a call failed (elseFails).
func (c *checker) failureTest(cond ast.Expr) (thenFails, elseFails bool) {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false, false
	}
	switch bin.Op {
	case token.LOR:
		// if resp.StatusCode < 200 || resp.StatusCode >= 300
		x, _ := c.failureTest(bin.X)
		y, _ := c.failureTest(bin.Y)
		return x || y, false
	case token.LAND:
		// if err != nil && !errors.Is(err, io.EOF)
		x, _ := c.failureTest(bin.X)
		y, _ := c.failureTest(bin.Y)
		return x || y, false
	}
	if then, els, ok := c.errorTest(bin); ok {
		return then, els
	}
	return c.statusTest(bin)
}

// errorTest decides err != nil and err == nil for a value of type error.
func (c *checker) errorTest(bin *ast.BinaryExpr) (thenFails, elseFails, ok bool) {
	x, y := bin.X, bin.Y
	if c.isNil(x) {
		x, y = y, x
	}
	if !c.isNil(y) || !isErrorType(api.TypeOf(c.info, x)) {
		return false, false, false
	}
	switch bin.Op {
	case token.NEQ:
		return true, false, true
	case token.EQL:
		return false, true, true
	}
	return false, false, true
}

// isErrorType reports whether t is the error interface.
func isErrorType(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// statusTest decides a comparison of an HTTP response's status code with a
// constant: resp.StatusCode != http.StatusOK, resp.StatusCode >= 400,
// resp.StatusCode/100 != 2, res.StatusCode == http.StatusOK.
func (c *checker) statusTest(bin *ast.BinaryExpr) (thenFails, elseFails bool) {
	x, y, op := bin.X, bin.Y, bin.Op
	if _, isConst := c.constInt(x); isConst {
		x, y = y, x
		switch op { // 300 <= s reads s >= 300
		case token.LSS:
			op = token.GTR
		case token.GTR:
			op = token.LSS
		case token.LEQ:
			op = token.GEQ
		case token.GEQ:
			op = token.LEQ
		}
	}
	n, ok := c.constInt(y)
	if !ok {
		return false, false
	}
	scale := int64(1)
	if q, ok := ast.Unparen(x).(*ast.BinaryExpr); ok && q.Op == token.QUO {
		if d, ok := c.constInt(q.Y); ok && d == 100 {
			scale, x = 100, q.X
		}
	}
	if !c.isStatusCode(x) {
		return false, false
	}
	lo, hi := 200/scale, 299/scale // the success range, in the compared unit
	switch op {
	case token.NEQ:
		return lo <= n && n <= hi, false
	case token.EQL:
		return n > hi, lo <= n && n <= hi
	case token.GEQ:
		return n > hi, n <= lo
	case token.GTR:
		return n >= hi, n < lo
	case token.LSS:
		return n <= lo, n > hi
	case token.LEQ:
		return n < lo, n >= hi
	}
	return false, false
}

// isStatusCode reports whether e is the StatusCode of an *http.Response.
func (c *checker) isStatusCode(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "StatusCode" {
		return false
	}
	return api.IsNamed(api.TypeOf(c.info, sel.X), "net/http", "Response")
}

func (c *checker) constInt(e ast.Expr) (int64, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}
