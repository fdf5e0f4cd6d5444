// Package testfiles has tests: top-level test functions start contexts,
// helpers that take one should pass it on.
package testfiles

import "context"

type Orders struct{}

func (Orders) Place(ctx context.Context, id string) error { return ctx.Err() }
