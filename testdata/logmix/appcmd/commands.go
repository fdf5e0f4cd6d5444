// Package appcmd is the command line of a web server. Its subcommands are
// functions of its own type, turned into cobra commands by an adapter;
// what they print is the command's output. The server it starts logs
// with zap, and so must the code the server runs.
package appcmd

import (
	"fmt"
	"log"
	"os"

	"github.com/spf13/cobra"
	"go.uber.org/zap"
)

// Flags are a subcommand's parsed flags.
type Flags struct{ values map[string]string }

// String returns the flag's value.
func (f Flags) String(name string) string { return f.values[name] }

// CommandFunc runs a subcommand and returns the process's exit code.
type CommandFunc func(Flags) (int, error)

// wrap turns a CommandFunc into a cobra RunE.
func wrap(f CommandFunc) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		code, err := f(Flags{values: map[string]string{}})
		if code != 0 {
			os.Exit(code)
		}
		return err
	}
}

// Root builds the command line.
func Root(logger *zap.Logger) *cobra.Command {
	root := &cobra.Command{Use: "webd"}
	version := &cobra.Command{Use: "version"}
	version.RunE = wrap(cmdVersion)
	adapt := &cobra.Command{Use: "adapt"}
	adapt.RunE = wrap(cmdAdapt)
	root.AddCommand(version, adapt)
	for _, sc := range subcommands {
		root.AddCommand(&cobra.Command{Use: sc.Name, RunE: wrap(sc.Func)})
	}
	return root
}

// subcommand is a subcommand registered by name.
type subcommand struct {
	Name string
	Func CommandFunc
}

var subcommands = []subcommand{{Name: "build-info", Func: cmdBuildInfo}}

// cmdBuildInfo prints the build's settings: the command's output.
func cmdBuildInfo(_ Flags) (int, error) {
	fmt.Printf("go: %s\n", "go1.26")
	return 0, nil
}

var buildVersion = "v1.4.2"

// cmdVersion prints the version: the command's output.
func cmdVersion(_ Flags) (int, error) {
	fmt.Println(buildVersion)
	return 0, nil
}

// cmdAdapt prints the configuration it converted.
func cmdAdapt(fl Flags) (int, error) {
	out, warnings := convert(fl.String("config"))
	for _, w := range warnings {
		fmt.Fprintf(os.Stderr, "warning: %s\n", w)
	}
	fmt.Println(out)
	return 0, nil
}

func convert(cfg string) (string, []string) {
	return "{}", []string{"no listener in " + cfg}
}

// Reload is what the running server calls when its configuration changes:
// server code, which logs with zap.
func Reload(logger *zap.Logger, path string) error {
	out, warnings := convert(path)
	logger.Debug("reloading", zap.String("path", path))
	for _, w := range warnings {
		log.Printf("reload warning: %s", w) // want `^package uses zap for logging \(2 calls\); this log\.Printf call uses log: use zap \(logmix/mixed-libraries\)$`
	}
	logger.Info("configuration reloaded", zap.Int("bytes", len(out)))
	return nil
}

// Main is the program's main, which a tiny main package calls: it checks
// its arguments before any logger exists and runs the command tree.
func Main() {
	if len(os.Args) == 0 {
		fmt.Println("no arguments: args[0] must name the command")
		os.Exit(2)
	}
	if err := Root(zap.NewNop()).Execute(); err != nil {
		os.Exit(1)
	}
}
