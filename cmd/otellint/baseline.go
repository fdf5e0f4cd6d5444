package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// A baseline records the findings a code base already has, so that a CI
// gate can report only new ones. An entry identifies a finding by what
// survives unrelated edits: its file, the top-level function it is in, its
// rule/check and its message with every number masked (messages name lines
// and counts: "the return at line 52", "(12 calls)"). Line and column are
// not part of it. Identical findings are counted.
type baselineFile struct {
	Comment  string          `json:"comment"`
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	File     string `json:"file"` // slash-separated, relative to the baseline file's directory (see fingerprint)
	Function string `json:"function,omitempty"`
	Check    string `json:"check"`
	Message  string `json:"message"`
	Count    int    `json:"count"`
}

const baselineVersion = 1

type baselineKey struct{ file, function, check, message string }

var digits = regexp.MustCompile(`[0-9]+`)

// fingerprint returns the baseline identity of f for a baseline kept in
// dir. The file is relative to dir when it lies below it (a baseline kept
// at the repository root: the checkout may move), else relative to the
// working directory (a baseline kept elsewhere, such as a CI cache).
func fingerprint(f *finding, dir string) baselineKey {
	file := f.posn.Filename
	if rel, err := filepath.Rel(dir, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		file = rel
	} else if rel := relativeTo(workDir, file); !filepath.IsAbs(rel) {
		file = rel
	}
	return baselineKey{
		file:     filepath.ToSlash(file),
		function: f.function,
		check:    f.category(),
		message:  digits.ReplaceAllString(f.message, "N"),
	}
}

// baselineDir is the absolute directory of a baseline file.
func baselineDir(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}

// writeBaseline records findings in path and returns how many entries
// (distinct fingerprints) it wrote.
func writeBaseline(path string, findings []*finding) (int, error) {
	dir, err := baselineDir(path)
	if err != nil {
		return 0, err
	}
	counts := map[baselineKey]int{}
	for _, f := range findings {
		counts[fingerprint(f, dir)]++
	}
	bf := baselineFile{
		Comment: "otellint baseline: findings recorded by otellint -write-baseline; otellint -baseline reports only findings not in it. Regenerate it, do not edit it.",
		Version: baselineVersion,
	}
	for k, n := range counts {
		bf.Findings = append(bf.Findings, baselineEntry{File: k.file, Function: k.function, Check: k.check, Message: k.message, Count: n})
	}
	sort.Slice(bf.Findings, func(i, j int) bool {
		a, b := bf.Findings[i], bf.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Function != b.Function {
			return a.Function < b.Function
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Message < b.Message
	})
	if bf.Findings == nil {
		bf.Findings = []baselineEntry{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(bf); err != nil {
		return 0, err
	}
	return len(bf.Findings), os.WriteFile(path, buf.Bytes(), 0o644)
}

// baseline is a loaded baseline file.
type baseline struct {
	dir    string
	counts map[baselineKey]int
}

func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("%s: not an otellint baseline: %v", displayPath(path), err)
	}
	if bf.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, want %d (regenerate it with -write-baseline)", displayPath(path), bf.Version, baselineVersion)
	}
	dir, err := baselineDir(path)
	if err != nil {
		return nil, err
	}
	b := &baseline{dir: dir, counts: map[baselineKey]int{}}
	for _, e := range bf.Findings {
		n := e.Count
		if n < 1 {
			n = 1
		}
		b.counts[baselineKey{e.File, e.Function, e.Check, e.Message}] += n
	}
	return b, nil
}

// filter returns the findings the baseline does not account for, the number
// it accounts for, and the number of recorded findings that no longer occur
// (fixed since the baseline was written). Of n identical findings against
// m recorded, the first m in source order are taken as the recorded ones.
func (b *baseline) filter(findings []*finding) (kept []*finding, known, stale int) {
	left := make(map[baselineKey]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	for _, f := range findings {
		k := fingerprint(f, b.dir)
		if left[k] > 0 {
			left[k]--
			known++
			continue
		}
		kept = append(kept, f)
	}
	for _, n := range left {
		stale += n
	}
	return kept, known, stale
}

// hashStrings is a short hex digest of parts.
func hashStrings(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
