// Package kingpintool holds the "rules" commands of an operator's tool
// built on kingpin, which logs its diagnostics with logrus. What the
// commands print for the operator — a sync summary, a diff in colour, a
// failed configuration — is the tool's output. A stray print in the API
// client, which any caller may use, is a log line with the wrong library.
package kingpintool

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"github.com/alecthomas/kingpin/v2"
	"github.com/fatih/color"
	"github.com/sirupsen/logrus"
)

// RulesCommand syncs rule files with the server.
type RulesCommand struct {
	files  []string
	client *Client
	dryRun bool
}

// Register adds the rules commands to the tool.
func (r *RulesCommand) Register(app *kingpin.Application) {
	cmd := app.Command("rules", "Manage alerting rules.")
	cmd.Command("sync", "Upload changed rule groups.").Action(r.sync)
	cmd.Command("diff", "Show what a sync would change.").Action(r.diff)
}

func (r *RulesCommand) sync(_ *kingpin.ParseContext) error {
	groups, err := loadGroups(r.files)
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot load rule files: %v\n", err)
		os.Exit(1)
	}
	logrus.WithField("groups", len(groups)).Debug("loaded rule files")
	created, updated := r.apply(context.Background(), groups)
	fmt.Println()
	fmt.Printf("Sync summary: %d groups created, %d groups updated\n", created, updated)
	return nil
}

// apply is called by sync only: its lines belong to the sync's output.
func (r *RulesCommand) apply(ctx context.Context, groups []string) (created, updated int) {
	for _, g := range groups {
		if r.dryRun {
			fmt.Printf("would upload group %q\n", g)
			continue
		}
		if err := r.client.Upload(ctx, g); err != nil {
			logrus.WithError(err).WithField("group", g).Error("upload failed")
			continue
		}
		created++
	}
	return created, updated
}

func (r *RulesCommand) diff(_ *kingpin.ParseContext) error {
	groups, err := loadGroups(r.files)
	if err != nil {
		return err
	}
	PrintDiff(groups)
	return nil
}

// PrintDiff shows the groups a sync would change, in colour.
func PrintDiff(groups []string) {
	if len(groups) == 0 {
		fmt.Println("no changes detected")
		return
	}
	fmt.Println("The following groups will be uploaded:")
	for _, g := range groups {
		color.Green("  + %s", g)
	}
}

// Client talks to the rules API.
type Client struct {
	http *http.Client
	base string
}

// Upload sends one rule group.
func (c *Client) Upload(ctx context.Context, group string) error {
	path := c.base + "/rules/" + group
	fmt.Println(path) // want `^package uses logrus for logging \(\d+ calls\); this fmt\.Println call uses fmt: use logrus \(logmix/mixed-libraries\)$`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, path, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		logrus.WithContext(ctx).WithError(err).Error("rules API unreachable")
		return err
	}
	return resp.Body.Close()
}

func loadGroups(files []string) ([]string, error) {
	logrus.WithField("files", len(files)).Info("reading rule files")
	return files, nil
}
