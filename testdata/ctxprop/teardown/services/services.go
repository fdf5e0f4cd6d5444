// Package services is a small service framework: services are started
// with a context that becomes their lifetime, and stopped.
package services

import "context"

type Service interface {
	StartAsync(ctx context.Context) error
	AwaitRunning(ctx context.Context) error
	StopAsync()
	AwaitTerminated(ctx context.Context) error
}

// StartAndAwaitRunning starts s with ctx as its lifetime and waits until
// it runs.
func StartAndAwaitRunning(ctx context.Context, s Service) error {
	if err := s.StartAsync(ctx); err != nil {
		return err
	}
	return s.AwaitRunning(ctx)
}

// StopAndAwaitTerminated stops s and waits until it has terminated.
func StopAndAwaitTerminated(ctx context.Context, s Service) error {
	s.StopAsync()
	return s.AwaitTerminated(ctx)
}
