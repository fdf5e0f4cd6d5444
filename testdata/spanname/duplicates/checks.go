package duplicates

import (
	"context"
	"errors"
)

// resolve recurses: every level is the same operation, one name is right.
func resolve(ctx context.Context, depth int) error {
	ctx, span := tracer.Start(ctx, "resolveCheck")
	defer span.End()
	if depth == 0 {
		return nil
	}
	return resolve(ctx, depth-1)
}

// dispatch and resolveUnion call each other: a recursion through two
// functions under one name.
func dispatch(ctx context.Context, n int) {
	ctx, span := tracer.Start(ctx, "checkUnion")
	defer span.End()
	resolveUnion(ctx, n)
}

func resolveUnion(ctx context.Context, n int) {
	ctx, span := tracer.Start(ctx, "checkUnion")
	defer span.End()
	if n > 0 {
		dispatch(ctx, n-1)
	}
}

// The same operation in two branches of one function.
func (st *userStore) Save(ctx context.Context, insert bool) error {
	if insert {
		_, span := tracer.Start(ctx, "userStore.Save")
		defer span.End()
		return nil
	}
	_, span := tracer.Start(ctx, "userStore.Save")
	defer span.End()
	return errors.New("not found")
}

// Two implementations of one operation use its name.
type memStore struct{}

type sqlStore struct{}

func (memStore) Get(ctx context.Context) {
	_, span := tracer.Start(ctx, "store.Get")
	defer span.End()
}

func (sqlStore) Get(ctx context.Context) {
	_, span := tracer.Start(ctx, "store.Get")
	defer span.End()
}

// A name that belongs to no function: one step at several sites.
func (st *userStore) Count(ctx context.Context) {
	_, span := tracer.Start(ctx, "db.query")
	defer span.End()
}

// Steps named through a helper's parameter are not constants here.
func (s *UserService) Import(ctx context.Context) {
	step := func(name string) {
		_, span := tracer.Start(ctx, name)
		span.End()
	}
	step("Import.Parse")
	step("Import.Store")
}

// rewrite is one kind of a set rewrite of a permission check.
type rewrite int

const (
	union rewrite = iota
	intersection
	exclusion
)

// runRewrite names each set operation by its symbol: three names, not
// three spellings of one.
func runRewrite(ctx context.Context, op rewrite) {
	switch op {
	case union:
		_, span := tracer.Start(ctx, "+")
		defer span.End()
	case intersection:
		_, span := tracer.Start(ctx, "&")
		defer span.End()
	case exclusion:
		_, span := tracer.Start(ctx, "-")
		defer span.End()
	}
}
