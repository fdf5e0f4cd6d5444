// Command cobracli is an index maintenance tool built on cobra. Its
// subcommands, and the helpers only they call, print their results to
// standard output for the person who ran them, and main reports a failed
// command before exiting: that is the tool's output, not a second logging
// library next to zap, nor is the banner printed while the command line is
// built. And since the tool serves nothing, its stray log and fmt lines
// reach the terminal of the person running it, not a production log
// pipeline that must parse one format: nothing here is reported.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"
)

var logger, _ = zap.NewProduction()

func main() {
	root := &cobra.Command{
		Use:   "indexctl",
		Short: "indexctl maintains the search indices",
	}
	root.AddCommand(listCommand(), pruneCommand(), statusCommand(), versionCommand())
	go reportUsage()
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

const version = "1.4.2"

// versionCommand announces the build while the command line is set up,
// before any command has run.
func versionCommand() *cobra.Command {
	log.Println("indexctl", version)
	return &cobra.Command{
		Use: "version",
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Println(version)
		},
	}
}

func listCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "list the indices and their sizes",
		RunE: func(cmd *cobra.Command, args []string) error {
			indices, err := loadIndices()
			if err != nil {
				return err
			}
			for _, ix := range indices {
				fmt.Printf("%-40s %8d docs\n", ix.name, ix.docs)
			}
			logger.Debug("listed indices", zap.Int("count", len(indices)))
			return nil
		},
	}
}

func pruneCommand() *cobra.Command {
	var days int
	cmd := &cobra.Command{Use: "prune", Short: "delete indices older than --days"}
	cmd.Flags().IntVar(&days, "days", 7, "age in days")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		cutoff := time.Now().AddDate(0, 0, -days)
		n, err := prune(cutoff)
		if err != nil {
			return err
		}
		fmt.Println("deleted", n, "indices older than", cutoff.Format(time.DateOnly))
		log.Printf("prune finished after deleting %d indices", n)
		return nil
	}
	return cmd
}

func statusCommand() *cobra.Command {
	return &cobra.Command{Use: "status", Short: "show the cluster health", RunE: runStatus}
}

func runStatus(cmd *cobra.Command, args []string) error {
	healthy, err := clusterHealthy()
	if err != nil {
		return err
	}
	if healthy {
		fmt.Println("cluster: green")
	} else {
		fmt.Println("cluster: degraded")
	}
	return nil
}

type index struct {
	name string
	docs int
}

func loadIndices() ([]index, error) {
	logger.Info("loading indices")
	return nil, nil
}

// prune is called by the prune command only: its progress message is
// part of the command's output.
func prune(cutoff time.Time) (int, error) {
	fmt.Printf("pruning indices before %s\n", cutoff.Format(time.DateOnly))
	logger.Info("pruning", zap.Time("cutoff", cutoff))
	return 0, nil
}

// reportUsage runs in the background whatever the command; its line goes
// to the same terminal.
func reportUsage() {
	for range time.Tick(time.Hour) {
		fmt.Printf("usage report sent at %s\n", time.Now().Format(time.RFC3339))
	}
}

func clusterHealthy() (bool, error) {
	logger.Info("checking cluster health")
	return true, nil
}
