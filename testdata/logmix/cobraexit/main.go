// Command cobraexit builds its logger inside the command that runs the
// server; main can only report with the standard library that the command
// tree failed to run.
package main

import (
	"log"
	"net/http"

	"github.com/spf13/cobra"
	"go.uber.org/zap"
)

func main() {
	cmd := &cobra.Command{
		Use: "collector",
		RunE: func(cmd *cobra.Command, args []string) error {
			logger, err := zap.NewProduction()
			if err != nil {
				return err
			}
			defer logger.Sync()
			logger.Info("collector starting")
			return serve(logger)
		},
	}
	err := cmd.Execute()
	if err != nil {
		log.Fatalln(err)
	}
}

func serve(logger *zap.Logger) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/traces", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) })
	logger.Info("serving")
	log.Println("serving on :4317") // want `^package uses zap for logging \(\d+ calls\); this log\.Println call uses log: use zap \(logmix/mixed-libraries\)$`
	return http.ListenAndServe(":4317", mux)
}
