package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestUnifiedDiff: the edit script turns old into new and is minimal on
// small cases; hunks carry three lines of context and correct ranges.
func TestUnifiedDiff(t *testing.T) {
	apply := func(a, b []string, ops []diffOp) []string {
		var out []string
		for _, op := range ops {
			switch op.kind {
			case ' ':
				if a[op.a] != b[op.b] {
					t.Fatalf("kept line differs: %q vs %q", a[op.a], b[op.b])
				}
				out = append(out, a[op.a])
			case '+':
				out = append(out, b[op.b])
			}
		}
		return out
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		a := randomLines(rng, rng.Intn(12))
		b := mutate(rng, a)
		ops := diffLines(a, b)
		if got := apply(a, b, ops); strings.Join(got, "") != strings.Join(b, "") {
			t.Fatalf("case %d: applying the script gives %q, want %q", i, got, b)
		}
		dels := 0
		for _, op := range ops {
			if op.kind == '-' {
				dels++
			}
		}
		if kept := len(ops) - dels - countKind(ops, '+'); len(a)-dels != kept {
			t.Fatalf("case %d: %d lines of a, %d deleted, %d kept", i, len(a), dels, kept)
		}
	}

	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	new := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	want := `--- a/x.go
+++ b/x.go
@@ -1,7 +1,7 @@
 a
 b
 c
-d
+D
 e
 f
 g
@@ -11,3 +11,4 @@
 k
 l
 m
+n
`
	if got := unifiedDiff("a/x.go", "b/x.go", old, new); got != want {
		t.Errorf("unifiedDiff:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("a", "b", "x\n", "x\n"); got != "" {
		t.Errorf("equal texts: %q, want no diff", got)
	}
	if got := unifiedDiff("a", "b", "", "x\n"); got != "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("insertion into an empty file: %q", got)
	}
	if got := unifiedDiff("a", "b", "x", "y"); !strings.Contains(got, "-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n") {
		t.Errorf("no final newline: %q", got)
	}
}

func countKind(ops []diffOp, k byte) int {
	n := 0
	for _, op := range ops {
		if op.kind == k {
			n++
		}
	}
	return n
}

func randomLines(rng *rand.Rand, n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, string(rune('a'+rng.Intn(4)))+"\n")
	}
	return out
}

func mutate(rng *rand.Rand, a []string) []string {
	b := append([]string(nil), a...)
	for k := rng.Intn(4); k > 0; k-- {
		switch i := rng.Intn(len(b) + 1); rng.Intn(3) {
		case 0:
			b = append(b[:i], append([]string{string(rune('a'+rng.Intn(4))) + "\n"}, b[i:]...)...)
		case 1:
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		case 2:
			if i < len(b) {
				b[i] = "x\n"
			}
		}
	}
	return b
}

// TestParseUnifiedDiff: added and changed lines of git diff -U0, including
// a pure deletion (no new lines), a one-line hunk, a new file and a quoted
// file name.
func TestParseUnifiedDiff(t *testing.T) {
	diff := `diff --git a/a.go b/a.go
index 1..2 100644
--- a/a.go
+++ b/a.go
@@ -3 +3 @@ func A() {
-	old()
+	new()
@@ -10,2 +9,0 @@ func B() {
-	gone()
-	gone()
@@ -20,0 +19,3 @@
+	added1()
+	added2()
+	added3()
diff --git a/new.go b/new.go
new file mode 100644
--- /dev/null
+++ b/new.go
@@ -0,0 +1,2 @@
+package x
+
diff --git a/old.go b/old.go
deleted file mode 100644
--- a/old.go
+++ /dev/null
@@ -1 +0,0 @@
-package x
--- "a/we\"ird.go"
+++ "b/we\"ird.go"
@@ -1 +1 @@
-x
+y
`
	c, err := parseUnifiedDiff(diff, "/repo")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		line int
		want bool
	}{
		{"/repo/a.go", 3, true},
		{"/repo/a.go", 4, false},
		{"/repo/a.go", 9, false}, // after the deletion
		{"/repo/a.go", 18, false},
		{"/repo/a.go", 19, true},
		{"/repo/a.go", 21, true},
		{"/repo/a.go", 22, false},
		{"/repo/new.go", 1, true},
		{"/repo/new.go", 2, true},
		{"/repo/old.go", 1, false},
		{`/repo/we"ird.go`, 1, true},
	} {
		if got := c.contains(tc.file, tc.line); got != tc.want {
			t.Errorf("%s:%d changed = %v, want %v", tc.file, tc.line, got, tc.want)
		}
	}
	if _, err := parseUnifiedDiff("+++ b/a.go\n@@ nonsense @@\n", "/repo"); err == nil {
		t.Error("a malformed hunk header was accepted")
	}
}

// TestFingerprint: a baseline identity ignores positions and the numbers of
// a message, and names the top-level function, also from a closure or a
// generic method.
func TestFingerprint(t *testing.T) {
	src := `package p

var top = func() int { return 1 }()

func Plain() {}

type List[T any] struct{}

func (l *List[T]) Push(v T) {
	go func() {
		_ = v
	}()
}

func (l List[T]) Len() int { return 0 }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "/src/p/p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	at := func(needle string) token.Pos {
		return f.FileStart + token.Pos(strings.Index(src, needle))
	}
	files := []*ast.File{f}
	for needle, want := range map[string]string{
		"return 1": "",
		"Plain":    "Plain",
		"_ = v":    "(*List).Push",
		"return 0": "List.Len",
	} {
		if got := enclosingFunction(fset, files, at(needle)); got != want {
			t.Errorf("enclosingFunction at %q = %q, want %q", needle, got, want)
		}
	}
	mk := func(line int, msg string) *finding {
		return &finding{rule: "spanend", check: "not-ended", posn: token.Position{Filename: "/src/p/p.go", Line: line, Column: 2}, message: msg, function: "(*List).Push"}
	}
	a := fingerprint(mk(10, "span started here is not ended at line 12 (spanend/not-ended)"), "/src")
	b := fingerprint(mk(30, "span started here is not ended at line 32 (spanend/not-ended)"), "/src")
	if a != b || a.file != "p/p.go" || strings.ContainsAny(a.message, "0123456789") {
		t.Errorf("fingerprints %+v and %+v: want equal, file relative to the baseline, numbers masked", a, b)
	}
	if c := fingerprint(mk(10, "another message"), "/src"); c == a {
		t.Error("a different message has the same fingerprint")
	}
	// A baseline kept outside the tree (a CI cache): files relative to the
	// working directory.
	inWD := &finding{rule: "spanend", check: "not-ended", posn: token.Position{Filename: filepath.Join(workDir, "orders", "x.go"), Line: 3}}
	if k := fingerprint(inWD, "/var/cache/ci"); k.file != "orders/x.go" {
		t.Errorf("baseline outside the tree: file %q, want orders/x.go", k.file)
	}
}

// TestProgressLine: the line appears only after the delay, counts packages,
// and is erased at the end; disabled, it writes nothing.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, enabled: true, delay: time.Hour}
	p.startLoading()
	p.mu.Lock()
	if s := p.line(time.Now()); s != "" {
		t.Errorf("before the delay: %q", s)
	}
	if s := p.line(time.Now().Add(2 * time.Hour)); s != "loading packages..." {
		t.Errorf("loading: %q", s)
	}
	p.mu.Unlock()
	p.startAnalysis(3)
	p.packageDone()
	p.mu.Lock()
	if s := p.line(time.Now().Add(2 * time.Hour)); s != "analyzing 1/3 packages" {
		t.Errorf("analyzing: %q", s)
	}
	p.delay = 0
	p.mu.Unlock()
	p.draw()
	p.done()
	if out := buf.String(); !strings.Contains(out, "\r\x1b[Kanalyzing 1/3 packages") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("terminal output %q: want the line drawn, then erased", out)
	}

	buf.Reset()
	off := &progress{w: &buf, enabled: false, delay: 0}
	off.startLoading()
	off.startAnalysis(1)
	off.packageDone()
	off.done()
	if buf.Len() != 0 {
		t.Errorf("disabled progress wrote %q", buf.String())
	}
}

// TestSplitPosition: the compiler's "file.go:line:col: message" lines.
func TestSplitPosition(t *testing.T) {
	pos, msg, ok := splitPosition("./x/y.go:4:9: cannot use x: y")
	if !ok || pos != "./x/y.go:4:9" || msg != "cannot use x: y" {
		t.Errorf("splitPosition = %q, %q, %v", pos, msg, ok)
	}
	if _, _, ok := splitPosition("note: module requires Go 1.30"); ok {
		t.Error("a line without a Go file position was split")
	}
}
