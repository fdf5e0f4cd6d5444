package main

import (
	"fmt"
	"strings"
)

// unifiedDiff returns a unified diff (three lines of context) turning old
// into new, with the given file names in its header, or "" when they are
// equal. It finds a shortest edit script with Myers' algorithm over lines.
func unifiedDiff(oldName, newName, old, new string) string {
	if old == new {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)

	const context = 3
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	// Group the edit script into hunks separated by more than 2*context
	// unchanged lines.
	i := 0
	for i < len(ops) {
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(i-context, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(end+context, len(ops))
				break
			}
			end = run
		}
		writeHunk(&sb, ops[start:end], a, b)
		i = end
	}
	return sb.String()
}

type diffOp struct {
	kind byte // ' ', '-', '+'
	a, b int  // line indexes in old and new (the index the line would have)
}

func writeHunk(sb *strings.Builder, ops []diffOp, a, b []string) {
	aStart, bStart := ops[0].a, ops[0].b
	var aLen, bLen int
	for _, op := range ops {
		if op.kind != '+' {
			aLen++
		}
		if op.kind != '-' {
			bLen++
		}
	}
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
	for _, op := range ops {
		line := ""
		switch op.kind {
		case '-':
			line = a[op.a]
		default:
			line = b[op.b]
		}
		sb.WriteByte(op.kind)
		sb.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// maxEditDistance bounds the work of diffLines; beyond it the changed
// middle of the file is shown as one replaced block.
const maxEditDistance = 2000

// diffLines returns an edit script from a to b: a shortest sequence of
// kept, deleted and inserted lines (Myers, "An O(ND) Difference Algorithm
// and Its Variations", 1986; the frontier of each step is kept to walk the
// path back). Common leading and trailing lines are matched first.
func diffLines(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []diffOp
	for i := 0; i < pre; i++ {
		ops = append(ops, diffOp{' ', i, i})
	}
	mid := myers(a[pre:len(a)-suf], b[pre:len(b)-suf])
	for _, op := range mid {
		ops = append(ops, diffOp{op.kind, op.a + pre, op.b + pre})
	}
	for i := 0; i < suf; i++ {
		ops = append(ops, diffOp{' ', len(a) - suf + i, len(b) - suf + i})
	}
	return ops
}

func myers(a, b []string) []diffOp {
	n, m := len(a), len(b)
	maxD := n + m
	if maxD > maxEditDistance {
		return replaceAll(n, m)
	}
	offset := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] is v[offset-d-1 : offset+d+2] before step d: the diagonals
	// step d reads.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
				x = v[offset+k+1] // down: an insertion
			} else {
				x = v[offset+k-1] + 1 // right: a deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[offset+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m)
			}
		}
	}
	return replaceAll(n, m) // not reached
}

// backtrack walks the path found by myers from its end to its start.
func backtrack(trace [][]int, n, m int) []diffOp {
	var ops []diffOp
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		at := func(k int) int { return trace[d][k+d+1] }
		k := x - y
		var prevK int
		if k == -d || k != d && at(k-1) < at(k+1) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			ops = append(ops, diffOp{' ', x, y})
		}
		if d > 0 {
			if x == prevX {
				ops = append(ops, diffOp{'+', x, prevY})
			} else {
				ops = append(ops, diffOp{'-', prevX, y})
			}
		}
		x, y = prevX, prevY
	}
	for i, j := 0, len(ops)-1; i < j; i, j = i+1, j-1 {
		ops[i], ops[j] = ops[j], ops[i]
	}
	return ops
}

// replaceAll deletes all n lines and inserts all m.
func replaceAll(n, m int) []diffOp {
	var ops []diffOp
	for i := 0; i < n; i++ {
		ops = append(ops, diffOp{'-', i, 0})
	}
	for j := 0; j < m; j++ {
		ops = append(ops, diffOp{'+', n, j})
	}
	return ops
}
