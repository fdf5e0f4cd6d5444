package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
)

// modulePath is the module cmd/otellint belongs to.
const modulePath = "github.com/otellint/otellint"

// moduleVersion returns otellint's module version from the build
// information: a release such as v0.3.0 when installed with go install
// module@version, "(devel)" when built from a checkout, or the version of
// the requirement when otellint is built as a dependency of another module.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if bi.Main.Path == modulePath {
		return orDevel(bi.Main.Version)
	}
	for _, dep := range bi.Deps {
		if dep.Path == modulePath {
			if dep.Replace != nil {
				return orDevel(dep.Replace.Version)
			}
			return orDevel(dep.Version)
		}
	}
	return "(devel)"
}

func orDevel(v string) string {
	if v == "" {
		return "(devel)"
	}
	return v
}

// vcsRevision returns the commit the binary was built from, when the
// build recorded it (a build in a git checkout without -buildvcs=false).
func vcsRevision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && dirty {
		rev += "+dirty"
	}
	return rev
}

// versionText is what -version, -V and "otellint version" print.
func versionText() string {
	s := fmt.Sprintf("otellint %s, built with %s %s/%s", moduleVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if rev := vcsRevision(); rev != "" {
		s += ", commit " + rev
	}
	return s
}

// vetVersionLine is the answer to -V=full, the go command's protocol for
// tools it caches results of: "<name> version devel ... buildID=<id>". The
// go command keys its vet cache on <id>, which hashes this executable and,
// since the tool reads it, the configuration file found from the working
// directory: editing .otellint.yml re-runs go vet instead of replaying
// results of the old settings.
func vetVersionLine(configPath string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return "", err
	}
	if configPath != "" {
		fmt.Fprintf(h, "\nconfig %s\n", configPath)
		if err := hashFile(h, configPath); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%s version devel otellint=%s %s buildID=%x", exe, moduleVersion(), runtime.Version(), h.Sum(nil)), nil
}

func hashFile(w io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
