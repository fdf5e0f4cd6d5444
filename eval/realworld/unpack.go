package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// unpackCmd writes each repository's pinned commit from the bare git directories that the
// search tool's fetch brings (MIRROR/owner+name/repo) into DIR/name. Snapshots lack files of
// 4 MiB and more, so `git archive` stops at the first absent blob; this skips absent blobs
// and says how many there were.
func unpackCmd(here string, args []string) error {
	fs := newFlags("unpack")
	mirror := fs.String("mirror", "/work/.mirror", "folder holding the fetched bare git directories")
	dir := fs.String("dir", "", "folder to unpack the repositories into (required)")
	only := fs.String("repos", "", "comma-separated repository names (default all)")
	fs.Parse(args)
	if *dir == "" {
		return fmt.Errorf("unpack: -dir is required")
	}
	all, err := readRepos(here)
	if err != nil {
		return err
	}
	repos, err := selectRepos(all, *only)
	if err != nil {
		return err
	}
	for _, r := range repos {
		gitDir := filepath.Join(*mirror, strings.Replace(r.GitHub, "/", "+", 1), "repo")
		if _, err := os.Stat(gitDir); err != nil {
			fmt.Fprintf(os.Stderr, "%s: not fetched (fetch github:%s with the search tool first)\n", r.Name, r.GitHub)
			continue
		}
		dest := filepath.Join(*dir, r.Name)
		if err := os.RemoveAll(dest); err != nil {
			return err
		}
		written, absent, err := unpackCommit(gitDir, r.Commit, dest)
		if err != nil {
			return fmt.Errorf("%s: %v", r.Name, err)
		}
		fmt.Fprintf(os.Stderr, "%s: %d files at %.12s, %d absent from the snapshot\n", r.Name, written, r.Commit, absent)
		if r.Prepare != "" {
			// A dependency that no longer builds with this Go (e.g. one that links
			// against runtime internals) would hide every package that imports it.
			cmd := exec.Command("sh", "-c", r.Prepare)
			cmd.Dir = dest
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s: prepare %q: %v", r.Name, r.Prepare, err)
			}
		}
	}
	return nil
}

type treeEntry struct {
	mode, sha, path string
}

func unpackCommit(gitDir, commit, dest string) (written, absent int, err error) {
	out, err := exec.Command("git", "--git-dir", gitDir, "ls-tree", "-r", "-z", commit).Output()
	if err != nil {
		return 0, 0, fmt.Errorf("git ls-tree %s: %v (is the pinned commit in the snapshot?)", commit, err)
	}
	var entries []treeEntry
	for _, rec := range bytes.Split(out, []byte{0}) {
		meta, path, ok := bytes.Cut(rec, []byte{'\t'})
		if !ok {
			continue
		}
		f := strings.Fields(string(meta))
		if len(f) != 3 || f[1] != "blob" {
			continue // submodules
		}
		entries = append(entries, treeEntry{f[0], f[2], string(path)})
	}
	cmd := exec.Command("git", "--git-dir", gitDir, "cat-file", "--batch")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, e := range entries {
			fmt.Fprintln(w, e.sha)
		}
		w.Flush()
		stdin.Close()
	}()
	rd := bufio.NewReaderSize(stdout, 1<<20)
	for _, e := range entries {
		header, err := rd.ReadString('\n')
		if err != nil {
			return written, absent, fmt.Errorf("git cat-file: %v", err)
		}
		f := strings.Fields(header)
		if len(f) < 3 {
			absent++ // "<sha> missing"
			continue
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return written, absent, fmt.Errorf("git cat-file: bad header %q", header)
		}
		data := make([]byte, size+1)
		if _, err := io.ReadFull(rd, data); err != nil {
			return written, absent, err
		}
		data = data[:size]
		target := filepath.Join(dest, filepath.FromSlash(e.path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return written, absent, err
		}
		switch e.mode {
		case "120000":
			err = os.Symlink(string(data), target)
		case "100755":
			err = os.WriteFile(target, data, 0o755)
		default:
			err = os.WriteFile(target, data, 0o644)
		}
		if err != nil {
			return written, absent, err
		}
		written++
	}
	return written, absent, cmd.Wait()
}
