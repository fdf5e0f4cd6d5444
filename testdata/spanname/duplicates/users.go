// Package duplicates is a user directory whose service layer and storage
// layer both open spans: some names make two operations one in the back
// end.
package duplicates

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("example.com/directory")

type UserService struct{ store *userStore }

type userStore struct{}

// ListUsers opens a span, and the store method it calls opens another of
// the same name: two layers under one name.
func (s *UserService) ListUsers(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "ListUsers")
	defer span.End()
	s.store.ListUsers(ctx)
}

func (st *userStore) ListUsers(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "ListUsers") // want `^span "ListUsers" is started inside a span of the same name started at users\.go:21 \(UserService\.ListUsers → userStore\.ListUsers\): two layers under one name are mixed in every query by name; name this span after what userStore\.ListUsers does \(spanname/duplicate\)$`
	defer span.End()
	st.query(ctx)
}

func (st *userStore) query(ctx context.Context) {
	_, span := tracer.Start(ctx, "db.query")
	defer span.End()
}

// FindTraceIDs calls a helper, through another, whose span differs only in
// letter case.
func (s *UserService) FindTraceIDs(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "FindTraceIDs")
	defer span.End()
	s.lookup(ctx)
}

func (s *UserService) lookup(ctx context.Context) { s.findTraceIDs(ctx) }

func (s *UserService) findTraceIDs(ctx context.Context) {
	_, span := tracer.Start(ctx, "findTraceIDs") // want `^span "findTraceIDs" is started inside span "FindTraceIDs" started at users\.go:40 \(UserService\.FindTraceIDs → UserService\.lookup → … → UserService\.findTraceIDs\): .* \(spanname/duplicate\)$`
	defer span.End()
}

// Two unrelated operations spelled alike.
func (s *UserService) GetProfile(ctx context.Context) {
	_, span := tracer.Start(ctx, "UserService.GetProfile")
	defer span.End()
}

func (s *UserService) ExportProfile(ctx context.Context) {
	_, span := tracer.Start(ctx, "userService.getProfile") // want `^span name "userService\.getProfile" differs from "UserService\.GetProfile" \(started at users\.go:54\) only in letter case or separators: a back end shows two operations that read as one; use one spelling for one operation, or a distinct name for a distinct one \(spanname/duplicate\)$`
	defer span.End()
}

// Update was copied from Create and kept its span name.
func (s *UserService) Create(ctx context.Context) {
	_, span := tracer.Start(ctx, "UserService.Create")
	defer span.End()
}

func (s *UserService) Update(ctx context.Context) {
	_, span := tracer.Start(ctx, "UserService.Create") // want `^span name "UserService\.Create" is the name of UserService\.Create's span \(started at users\.go:65\), reused here in UserService\.Update, a different operation: name this span after what UserService\.Update does \(spanname/duplicate\)$`
	defer span.End()
}
