// Package tiedstructured writes and parses a step's termination message.
// The writer runs in the step's container and logs with slog; the parser
// runs in the controller and logs with the zap logger its caller passes
// in. One call each: nothing says which library the package logs with.
package tiedstructured

import (
	"encoding/json"
	"log/slog"
	"os"

	"go.uber.org/zap"
)

// Result is one entry of a termination message.
type Result struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Write stores the results where the kubelet reads the termination message.
func Write(path string, results []Result) error {
	b, err := json.Marshal(results)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		slog.Error("cannot write the termination message", "path", path, "error", err)
		return err
	}
	return nil
}

// Parse reads a termination message in the controller.
func Parse(logger *zap.SugaredLogger, msg string) ([]Result, error) {
	var r []Result
	if err := json.Unmarshal([]byte(msg), &r); err != nil {
		logger.Errorf("termination message %q is not valid JSON: %v", msg, err)
		return nil, err
	}
	return r, nil
}
