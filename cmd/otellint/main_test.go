package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testdataModule returns the repository's testdata module with its
// requirements downloaded (the CLI runs the go command there).
func testdataModule(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	return dir
}

// buildCLI builds cmd/otellint into a temporary directory.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "otellint")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs the CLI in dir and returns its exit code, stdout and stderr.
func run(t *testing.T, bin, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %v", bin, err)
	}
	return code, stdout.String(), stderr.String()
}

func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExitCodes(t *testing.T) {
	bin := buildCLI(t)
	testdata := testdataModule(t)

	t.Run("findings exit 3 and name the leak", func(t *testing.T) {
		code, stdout, stderr := run(t, bin, testdata, "./cli/leak")
		if code != 3 {
			t.Fatalf("exit code = %d, want 3\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		if !strings.HasPrefix(stdout, "cli/leak/orders.go:16:2: ") || !strings.Contains(stdout, "spanend/not-ended") {
			t.Errorf("diagnostic missing or misplaced; stdout:\n%s", stdout)
		}
	})

	t.Run("clean code exits 0", func(t *testing.T) {
		code, stdout, stderr := run(t, bin, testdata, "./cli/clean")
		if code != 0 {
			t.Fatalf("exit code = %d, want 0\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})

	t.Run("syntax error exits 1 with the compiler's message", func(t *testing.T) {
		dir := writeModule(t, map[string]string{
			"go.mod":    "module example.com/broken\n\ngo 1.24\n",
			"broken.go": "package broken\n\nfunc Broken() {\n\treturn 1 +\n}\n",
		})
		code, stdout, stderr := run(t, bin, dir, "./...")
		if code != 1 {
			t.Fatalf("exit code = %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		if !strings.Contains(stderr, "broken.go:") || strings.Contains(stderr, "panic") {
			t.Errorf("want the compiler's message and no panic; stderr:\n%s", stderr)
		}
	})

	t.Run("type error exits 1 with the compiler's message", func(t *testing.T) {
		dir := writeModule(t, map[string]string{
			"go.mod":   "module example.com/typeerr\n\ngo 1.24\n",
			"typed.go": "package typeerr\n\nfunc Count() int {\n\treturn \"three\"\n}\n",
		})
		code, stdout, stderr := run(t, bin, dir, "./...")
		if code != 1 {
			t.Fatalf("exit code = %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		if !strings.Contains(stderr, "typed.go:4") || !strings.Contains(stderr, "cannot use") || strings.Contains(stderr, "panic") {
			t.Errorf("want the type checker's message and no panic; stderr:\n%s", stderr)
		}
	})

	t.Run("missing package exits 1", func(t *testing.T) {
		code, _, stderr := run(t, bin, testdata, "./cli/doesnotexist")
		if code != 1 || stderr == "" {
			t.Fatalf("exit code = %d, want 1 with a message; stderr:\n%s", code, stderr)
		}
	})

	t.Run("bad flag value exits 1 naming the value", func(t *testing.T) {
		code, _, stderr := run(t, bin, testdata, "-spanend.checks=nosuchcheck", "./cli/clean")
		if code != 1 || !strings.Contains(stderr, "nosuchcheck") {
			t.Fatalf("exit code = %d, want 1 naming the bad value; stderr:\n%s", code, stderr)
		}
	})

	t.Run("unknown flag exits 1 naming the flag", func(t *testing.T) {
		code, _, stderr := run(t, bin, testdata, "-nosuchflag", "./cli/clean")
		if code != 1 || !strings.Contains(stderr, "-nosuchflag") || strings.Count(stderr, "\n") > 3 {
			t.Fatalf("exit code = %d, want 1 with a short message naming the flag; stderr:\n%s", code, stderr)
		}
	})

	t.Run("json output carries the diagnostic", func(t *testing.T) {
		code, stdout, stderr := run(t, bin, testdata, "-json", "./cli/leak")
		if code != 3 {
			// One exit-code contract in every format.
			t.Fatalf("exit code = %d, want 3 with -json\nstderr:\n%s", code, stderr)
		}
		// {"<pkg>": {"<analyzer>": [{"posn": ..., "message": ..., "category": ...}]}}
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
			t.Fatalf("-json output is not JSON: %v\n%s", err, stdout)
		}
		raw, ok := tree["otellint.test/cli/leak"]["spanend"]
		if !ok {
			t.Fatalf("no spanend entry for otellint.test/cli/leak in:\n%s", stdout)
		}
		var diags []struct {
			Posn     string `json:"posn"`
			Message  string `json:"message"`
			Category string `json:"category"`
		}
		if err := json.Unmarshal(raw, &diags); err != nil {
			t.Fatalf("spanend entry is not a diagnostic list: %v\n%s", err, raw)
		}
		if len(diags) != 1 || diags[0].Category != "spanend/not-ended" || !strings.Contains(diags[0].Posn, "orders.go:16") {
			t.Errorf("diagnostics = %+v, want one spanend/not-ended at orders.go:16", diags)
		}
	})

	t.Run("go vet -vettool runs the rules", func(t *testing.T) {
		vet := func(args ...string) (int, string) {
			cmd := exec.Command("go", append([]string{"vet", "-vettool=" + bin}, args...)...)
			cmd.Dir = testdata
			cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				return exit.ExitCode(), string(out)
			} else if err != nil {
				t.Fatalf("go vet: %v", err)
			}
			return 0, string(out)
		}
		if code, out := vet("./cli/leak"); code == 0 || !strings.Contains(out, "orders.go:16:2: span \"OrderRepository.FindOrder\" started here is not ended") {
			t.Errorf("go vet on the leak: exit %d, want non-zero with the finding\n%s", code, out)
		}
		if code, out := vet("./cli/clean"); code != 0 {
			t.Errorf("go vet on clean code: exit %d, want 0\n%s", code, out)
		}
		if code, out := vet("-spanend.checks=discarded", "./cli/leak"); code != 0 {
			t.Errorf("go vet with not-ended switched off: exit %d, want 0\n%s", code, out)
		}
	})

	t.Run("help prints a rule's documentation", func(t *testing.T) {
		code, stdout, stderr := run(t, bin, testdata, "help", "spanend")
		if code != 0 || !strings.Contains(stdout+stderr, "spanend") {
			t.Fatalf("help spanend: exit %d\n%s%s", code, stdout, stderr)
		}
	})
}

// TestSelfClean runs otellint over this repository: our own code must be clean.
func TestSelfClean(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole repository")
	}
	bin := buildCLI(t)
	code, stdout, stderr := run(t, bin, filepath.Join("..", ".."), "./...")
	if code != 0 {
		t.Fatalf("otellint ./... on this repository: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
