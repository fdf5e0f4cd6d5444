// Package services runs a component through its lifecycle: it calls the
// starting function, then the running function until the component is
// stopped, then the stopping function.
package services

import "context"

type (
	StartingFn func(ctx context.Context) error
	RunningFn  func(ctx context.Context) error
	StoppingFn func(failure error) error
)

// BasicService keeps the functions of one component.
type BasicService struct {
	start  StartingFn
	run    RunningFn
	stop   StoppingFn
	cancel context.CancelFunc
}

// NewBasicService builds a service from its lifecycle functions; any of
// them may be nil.
func NewBasicService(start StartingFn, run RunningFn, stop StoppingFn) *BasicService {
	return &BasicService{start: start, run: run, stop: stop}
}

// StartAsync starts the service; its running function gets a context
// that lives until StopAsync.
func (s *BasicService) StartAsync(parent context.Context) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(parent))
	s.cancel = cancel
	go func() {
		if s.start != nil && s.start(ctx) != nil {
			return
		}
		var err error
		if s.run != nil {
			err = s.run(ctx)
		}
		if s.stop != nil {
			_ = s.stop(err)
		}
	}()
}

// StopAsync stops the service.
func (s *BasicService) StopAsync() {
	if s.cancel != nil {
		s.cancel()
	}
}
