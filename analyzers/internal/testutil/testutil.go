// Package testutil locates the analyzers' testdata module and makes sure the
// modules it requires are in the module cache before analysistest loads it
// (analysistest runs the go command with GOPROXY=off).
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

var (
	once    sync.Once
	dir     string
	loadErr error
	output  []byte
)

// TestData returns the absolute path of the repository's testdata module,
// downloading its requirements through the configured module proxy first.
func TestData(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		output, loadErr = cmd.CombinedOutput()
	})
	if loadErr != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, loadErr, output)
	}
	return dir
}
