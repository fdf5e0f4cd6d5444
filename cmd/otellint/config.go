package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint"
)

// configNames are the names of the configuration file, in order of
// preference within one directory.
var configNames = []string{".otellint.yml", ".otellint.yaml"}

// findConfig looks for the configuration file in dir and its parents, up to
// and including the module root (the nearest directory with a go.mod).
// Outside a module only dir is searched. It returns "" when there is none.
func findConfig(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	root := moduleRoot(dir)
	for {
		for _, name := range configNames {
			path := filepath.Join(dir, name)
			st, err := os.Stat(path)
			if err == nil && !st.IsDir() {
				return path, nil
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		parent := filepath.Dir(dir)
		if root == "" || dir == root || parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// moduleRoot returns the nearest directory from dir upward that has a
// go.mod, or "".
func moduleRoot(dir string) string {
	for {
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// readConfig decodes a configuration file. Its schema is the settings
// section of the golangci-lint plugin (one section per rule, with enabled
// and the rule's flags as keys); otellint.Configure checks it.
func readConfig(path string) (any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var settings any
	if err := yaml.Unmarshal(data, &settings); err != nil {
		return nil, err
	}
	return settings, nil
}

// configure resets every analyzer flag, applies the configuration file at
// path ("" for none) and returns the analyzers it leaves enabled. Errors
// name the file and the offending key.
func configure(path string) ([]*analysis.Analyzer, error) {
	var settings any
	if path != "" {
		var err error
		if settings, err = readConfig(path); err != nil {
			return nil, fmt.Errorf("%s: %v", displayPath(path), err)
		}
	}
	enabled, err := otellint.Configure(settings)
	if err != nil {
		if path == "" {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %v", displayPath(path), err)
	}
	return enabled, nil
}

// configPath returns the configuration file of a run: -config, else the
// one found from the working directory.
func configPath(explicit string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("-config: %v", err)
		}
		return explicit, nil
	}
	return findConfig(".")
}
