// Package cigroup starts the service binary for end-to-end checks and logs
// with zap. When a check fails it replays the binary's captured output to
// standard output inside a CI workflow group, so that the runner folds it:
// that is output for the CI log viewer, not logging. A plain progress
// message printed with fmt elsewhere is still mixing.
package cigroup

import (
	"fmt"
	"os"
	"os/exec"

	"go.uber.org/zap"
)

const (
	beginGroup = "::group::"
	endGroup   = "::endgroup::"
)

// Service is a binary started for a test run.
type Service struct {
	Name    string
	cmd     *exec.Cmd
	logs    string
	logger  *zap.Logger
	started bool
}

// Start runs the binary.
func (s *Service) Start() error {
	s.cmd = exec.Command(s.Name)
	if err := s.cmd.Start(); err != nil {
		s.logger.Error("starting service", zap.String("name", s.Name), zap.Error(err))
		s.replayLogs()
		return err
	}
	s.started = true
	fmt.Printf("started %s\n", s.Name) // want `^package uses zap for logging \(\d+ calls\); this fmt\.Printf call uses fmt: use zap \(logmix/mixed-libraries\)$`
	s.logger.Info("service started", zap.String("name", s.Name))
	return nil
}

// replayLogs copies what the binary wrote into a foldable group.
func (s *Service) replayLogs() {
	fmt.Println(beginGroup + s.Name + " output")
	out, err := os.ReadFile(s.logs)
	if err != nil {
		fmt.Printf("cannot read %s: %v\n", s.logs, err)
	} else {
		fmt.Printf("%s\n", out)
	}
	fmt.Println(endGroup)
}

// annotate marks a failed check in the pull request's diff view.
func annotate(file string, line int, msg string) {
	fmt.Printf("::error file=%s,line=%d::%s\n", file, line, msg)
}

var _ = annotate
