// Package testutil locates the analyzers' testdata module and makes sure the
// modules it requires are in the module cache before analysistest loads it
// (analysistest runs the go command with GOPROXY=off).
package testutil

import (
	"encoding/json"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// download is one testdata module's `go mod download`, run once per
// process.
type download struct {
	once   sync.Once
	err    error
	output []byte
}

var (
	mu        sync.Mutex
	downloads = map[string]*download{}
)

// root is the repository's testdata directory.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
}

// TestData returns the absolute path of the repository's testdata module,
// downloading its requirements through the configured module proxy first.
func TestData(t testing.TB) string {
	t.Helper()
	return moduleDir(t, root())
}

// Module returns the absolute path of the testdata module testdata/<name>
// (an analyzer whose testdata needs heavy dependencies keeps them in a
// module of its own, so that the other analyzers' tests do not download
// or type-check them), downloading its requirements first.
func Module(t testing.TB, name string) string {
	t.Helper()
	return moduleDir(t, filepath.Join(root(), name))
}

func moduleDir(t testing.TB, dir string) string {
	t.Helper()
	mu.Lock()
	d := downloads[dir]
	if d == nil {
		d = &download{}
		downloads[dir] = d
	}
	mu.Unlock()
	d.once.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		d.output, d.err = cmd.CombinedOutput()
	})
	if d.err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, d.err, d.output)
	}
	return dir
}

// BuildGolden checks that the code a suggested fix produces compiles: it
// builds each testdata package (paths relative to the testdata module, e.g.
// "spanend/fixes") with every file.go replaced by its file.go.golden through
// a go build overlay. A package without golden files is an error, so the
// check cannot pass vacuously.
func BuildGolden(t testing.TB, pkgs ...string) {
	t.Helper()
	BuildGoldenIn(t, TestData(t), pkgs...)
}

// BuildGoldenIn is BuildGolden for the testdata module at root (see
// Module).
func BuildGoldenIn(t testing.TB, root string, pkgs ...string) {
	t.Helper()
	for _, pkg := range pkgs {
		goldens, err := filepath.Glob(filepath.Join(root, pkg, "*.go.golden"))
		if err != nil || len(goldens) == 0 {
			t.Fatalf("BuildGolden: no .go.golden files in %s", pkg)
		}
		replace := map[string]string{}
		for _, g := range goldens {
			replace[strings.TrimSuffix(g, ".golden")] = g
		}
		data, err := json.Marshal(map[string]any{"Replace": replace})
		if err != nil {
			t.Fatal(err)
		}
		overlay := filepath.Join(t.TempDir(), "overlay.json")
		if err := os.WriteFile(overlay, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// -o os.DevNull: a main package must not leave its binary behind.
		cmd := exec.Command("go", "build", "-o", os.DevNull, "-overlay", overlay, "./"+pkg)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("the fixed code of %s does not compile: %v\n%s", pkg, err, out)
		}
	}
}

// SetFlag sets the flag name of analyzer a to value for the rest of the test
// and restores its previous value when the test ends.
func SetFlag(t testing.TB, a *analysis.Analyzer, name, value string) {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("%s has no flag -%s", a.Name, name)
	}
	old := f.Value.String()
	if err := a.Flags.Set(name, value); err != nil {
		t.Fatalf("-%s.%s=%s: %v", a.Name, name, value, err)
	}
	t.Cleanup(func() {
		if err := a.Flags.Set(name, old); err != nil {
			t.Errorf("restoring -%s.%s=%s: %v", a.Name, name, old, err)
		}
	})
}

// PackageWithImports returns a package with the given path and name that
// imports packages of the given paths: enough for the decisions made from
// a package's imports alone.
func PackageWithImports(path, name string, imports ...string) *types.Package {
	p := types.NewPackage(path, name)
	var imps []*types.Package
	for _, i := range imports {
		imps = append(imps, types.NewPackage(i, "x"))
	}
	p.SetImports(imps)
	return p
}
