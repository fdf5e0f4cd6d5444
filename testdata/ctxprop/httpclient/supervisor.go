package httpclient

import (
	"context"
	"os"
	"os/exec"
	"sync"
)

// Supervisor restarts a local worker process when its sources change. The
// child lives until Restart or Stop kills it, not until the ctx of the
// call that started it is done.
type Supervisor struct {
	mu   sync.Mutex
	argv []string
	proc *exec.Cmd
}

// Restart kills the running child and starts a fresh one. The command is
// kept in a field: its lifetime is the supervisor's, and CommandContext
// would kill it as soon as the caller's context ends.
func (s *Supervisor) Restart(ctx context.Context) error {
	s.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.proc = exec.Command(s.argv[0], s.argv[1:]...)
	s.proc.Stdout, s.proc.Stderr = os.Stdout, os.Stderr
	return s.proc.Start()
}

// Stop kills the child, if any.
func (s *Supervisor) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc != nil && s.proc.Process != nil {
		_ = s.proc.Process.Kill()
		s.proc = nil
	}
}

// Build runs a one-off build step and waits for it: it is the call's own
// work, and should stop with the call.
func (s *Supervisor) Build(ctx context.Context, dir string) error {
	build := exec.Command("go", "build", "./...") // want `exec\.Command cannot carry ctx \(parameter of Build\); call exec\.CommandContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	build.Dir = dir
	return build.Run()
}

// Pool starts its helper process once and keeps it in the pool it returns.
type Pool struct{ helper *exec.Cmd }

func StartPool(ctx context.Context, bin string) (*Pool, error) {
	p := &Pool{helper: exec.Command(bin, "--serve")}
	return p, p.helper.Start()
}
