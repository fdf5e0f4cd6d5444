package teardown

import (
	"context"
	"errors"
	"fmt"
)

// SecretStore keeps the secrets of a workflow run.
type SecretStore interface {
	Create(ctx context.Context, name string, data map[string]string) error
	Delete(ctx context.Context, name string) error
	Notify(ctx context.Context, msg string) error
}

// InsertBatch creates every secret of a batch, or none: when one create
// fails — perhaps because ctx was cancelled — the ones already created are
// deleted on a root of their own.
func InsertBatch(ctx context.Context, s SecretStore, batch map[string]map[string]string) error {
	var created []string
	for name, data := range batch {
		err := s.Create(ctx, name, data)
		if err != nil {
			errs := []error{err}
			for _, c := range created {
				if derr := s.Delete(context.Background(), c); derr != nil {
					errs = append(errs, fmt.Errorf("deleting %s: %w", c, derr))
				}
			}
			_ = s.Notify(context.Background(), "batch failed") // want `context\.Background\(\) starts a new root context on every iteration of this loop; use ctx \(parameter of InsertBatch\)`
			return errors.Join(errs...)
		}
		created = append(created, name)
	}
	return nil
}

// Rotate deletes the old secret once the new one exists: nothing failed,
// and the delete belongs to the caller's work.
func Rotate(ctx context.Context, s SecretStore, old, name string, data map[string]string) error {
	if err := s.Create(ctx, name, data); err != nil {
		return err
	}
	return s.Delete(context.Background(), old) // want `use ctx \(parameter of Rotate\) instead of context\.Background\(\)`
}
