package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A repo is one row of repos.tsv: a public repository at a pinned commit, and the
// modules of it that otellint is run in.
type repo struct {
	Name    string   // short name, also the folder under -dir
	GitHub  string   // owner/name
	Commit  string   // pinned commit
	Modules []string // module folders relative to the repository root
	Prepare string   // optional shell command run in the root after unpacking
	Rules   []string // the rules run on it; empty: every rule
}

// rulesFor returns the rules to run on r given the rules asked for (empty: all), and
// whether any remain. A repository added as evidence for some rules only is run for those.
func (r repo) rulesFor(asked []string) ([]string, bool) {
	switch {
	case len(r.Rules) == 0:
		return asked, true
	case len(asked) == 0:
		return r.Rules, true
	}
	var both []string
	for _, a := range asked {
		if contains(r.Rules, a) {
			both = append(both, a)
		}
	}
	return both, len(both) > 0
}

func readRepos(here string) ([]repo, error) {
	f, err := os.Open(filepath.Join(here, "repos.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var repos []repo
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 {
			return nil, fmt.Errorf("repos.tsv:%d: want name, owner/name, commit, modules[, prepare[, rules]] separated by tabs", n)
		}
		r := repo{
			Name:    cols[0],
			GitHub:  cols[1],
			Commit:  cols[2],
			Modules: strings.Split(cols[3], ","),
		}
		if len(cols) > 4 {
			r.Prepare = cols[4]
		}
		if len(cols) > 5 {
			r.Rules = splitList(cols[5])
		}
		repos = append(repos, r)
	}
	return repos, sc.Err()
}

// selectRepos keeps the repositories named in list (comma-separated); all when empty.
func selectRepos(repos []repo, list string) ([]repo, error) {
	if list == "" {
		return repos, nil
	}
	var out []repo
	for _, name := range strings.Split(list, ",") {
		found := false
		for _, r := range repos {
			if r.Name == name {
				out = append(out, r)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("no repository %q in repos.tsv", name)
		}
	}
	return out, nil
}
