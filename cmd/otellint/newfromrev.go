package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changedLines is the set of lines added or changed since a revision, by
// file (absolute, symlinks resolved); whole marks files that are new
// (untracked or added), where every line counts as changed.
type changedLines struct {
	lines map[string]map[int]bool
	whole map[string]bool
}

// contains reports whether line of file changed.
func (c *changedLines) contains(file string, line int) bool {
	file = realPath(file)
	return c.whole[file] || c.lines[file][line]
}

// gitChangedLines asks git which lines of the working tree differ from rev:
// committed, staged and unstaged changes, and untracked files that are not
// ignored, as golangci-lint's --new-from-rev does. A renamed file's
// unchanged lines are not changed.
func gitChangedLines(rev string) (*changedLines, error) {
	top, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top = strings.TrimSpace(top)
	if _, err := git(top, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%q is not a revision of the repository at %s", rev, top)
	}
	diff, err := git(top, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0", "-M",
		"--src-prefix=a/", "--dst-prefix=b/", rev, "--")
	if err != nil {
		return nil, err
	}
	c, err := parseUnifiedDiff(diff, top)
	if err != nil {
		return nil, err
	}
	untracked, err := git(top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(untracked, "\x00") {
		if name != "" {
			c.whole[realPath(filepath.Join(top, filepath.FromSlash(name)))] = true
		}
	}
	return c, nil
}

// parseUnifiedDiff reads the output of git diff --unified=0: the new side
// of each hunk ("@@ -a,b +c,d @@") is lines c to c+d-1 of the file named
// by the preceding "+++ b/<path>" line, relative to top.
func parseUnifiedDiff(diff, top string) (*changedLines, error) {
	c := &changedLines{lines: map[string]map[int]bool{}, whole: map[string]bool{}}
	var file string
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if strings.HasPrefix(name, `"`) {
				if uq, err := strconv.Unquote(name); err == nil {
					name = uq
				}
			}
			if name == "/dev/null" {
				file = "" // deleted
				continue
			}
			name = strings.TrimPrefix(name, "b/")
			file = realPath(filepath.Join(top, filepath.FromSlash(name)))
		case strings.HasPrefix(line, "@@ ") && file != "":
			start, count, err := hunkNewSide(line)
			if err != nil {
				return nil, err
			}
			set := c.lines[file]
			if set == nil {
				set = map[int]bool{}
				c.lines[file] = set
			}
			for l := start; l < start+count; l++ {
				set[l] = true
			}
		}
	}
	return c, sc.Err()
}

// hunkNewSide parses "@@ -a[,b] +c[,d] @@ ..." and returns c and d (1 when
// omitted).
func hunkNewSide(header string) (start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("malformed hunk header %q", header)
	}
	spec := strings.TrimPrefix(fields[2], "+")
	startText, countText, hasCount := strings.Cut(spec, ",")
	if start, err = strconv.Atoi(startText); err != nil {
		return 0, 0, fmt.Errorf("malformed hunk header %q", header)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(countText); err != nil {
			return 0, 0, fmt.Errorf("malformed hunk header %q", header)
		}
	}
	return start, count, nil
}

// git runs git in dir and returns its standard output; an error carries
// git's message.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		var exit *exec.ExitError
		if msg == "" || !errors.As(err, &exit) {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out.String(), nil
}

// realPath resolves symbolic links in an absolute path, so that paths from
// git and from the go command compare equal; a path that cannot be
// resolved is returned as it is.
func realPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return path
}
