// Package deferstatus is an accounts service that sets span status in
// deferred functions: only a deferred function that sets the status on the
// path where the function fails counts.
package deferstatus

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("accounts")

var errFrozen = errors.New("account frozen")

func debit(ctx context.Context, id string, n int) error { return nil }
func audit(ctx context.Context, id string) error        { return nil }

// Debit sets the status in a deferred function whenever it returns an
// error.
func Debit(ctx context.Context, id string, n int) (err error) {
	ctx, span := tracer.Start(ctx, "Debit")
	defer func() {
		if err != nil {
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	if err = debit(ctx, id, n); err != nil {
		span.RecordError(err)
		return err
	}
	return nil
}

// DebitFrozenOnly sets the status in the deferred function only for frozen
// accounts: every other error is returned with the status left unset.
func DebitFrozenOnly(ctx context.Context, id string, n int) (err error) {
	ctx, span := tracer.Start(ctx, "Debit")
	defer func() {
		if errors.Is(err, errFrozen) {
			span.SetStatus(codes.Error, "frozen")
		}
		span.End()
	}()
	if err = debit(ctx, id, n); err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 52, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	return nil
}

// DebitAudited sets the status in the deferred function only when the audit
// fails; the debit error it records is returned without one.
func DebitAudited(ctx context.Context, id string, n int) error {
	ctx, span := tracer.Start(ctx, "Debit")
	defer span.End()
	var auditErr error
	defer func() {
		if auditErr != nil {
			span.SetStatus(codes.Error, auditErr.Error())
		}
	}()
	if err := debit(ctx, id, n); err != nil {
		span.RecordError(err) // want `span.RecordError records an error that is returned at line 70, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		return err
	}
	auditErr = audit(ctx, id)
	return auditErr
}

// Credit records the error it returns in the deferred function and never
// sets the status.
func Credit(ctx context.Context, id string, n int) (err error) {
	ctx, span := tracer.Start(ctx, "Credit")
	defer func() {
		if err != nil {
			span.RecordError(err) // want `span.RecordError records the error that Credit returns, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		}
		span.End()
	}()
	return debit(ctx, id, -n)
}

// CreditMarked records and sets the status in the deferred function.
func CreditMarked(ctx context.Context, id string, n int) (err error) {
	ctx, span := tracer.Start(ctx, "Credit")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	return debit(ctx, id, -n)
}

// Transfer records a cancellation in the deferred function without
// failing the span, and sets the status for every other error.
func Transfer(ctx context.Context, from, to string, n int) (err error) {
	ctx, span := tracer.Start(ctx, "Transfer")
	defer span.End()
	defer func() {
		if errors.Is(err, context.Canceled) {
			span.RecordError(err)
			return
		}
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
	}()
	if err = debit(ctx, from, n); err != nil {
		return err
	}
	return debit(ctx, to, -n)
}

func parseID(r *http.Request) (string, error)             { return "", nil }
func balance(ctx context.Context, id string) (int, error) { return 0, nil }
func refresh(ctx context.Context, id string) error        { return nil }

// BalanceHandler records, when it returns, the error it answered with; a
// cancelled request is noted without failing the span, but the span of a
// failed request is never marked as failed either.
func BalanceHandler(w http.ResponseWriter, r *http.Request) {
	var err error
	ctx, span := tracer.Start(r.Context(), "BalanceHandler")
	defer span.End()
	defer func() {
		if errors.Is(err, context.Canceled) {
			span.RecordError(err)
			return
		}
		if ctx.Err() != nil {
			span.RecordError(ctx.Err())
			return
		}
		if err != nil {
			span.RecordError(err) // want `span.RecordError records the error on which BalanceHandler gives up at line 150, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		}
	}()
	id, err := parseID(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	n, err := balance(ctx, id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%d", n)
}

// CachedBalanceHandler notes a failed cache refresh when it returns; the
// answer is served either way.
func CachedBalanceHandler(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "CachedBalanceHandler")
	defer span.End()
	var refreshErr error
	defer func() {
		if refreshErr != nil {
			span.RecordError(refreshErr)
		}
	}()
	id := r.URL.Query().Get("id")
	refreshErr = refresh(ctx, id)
	n, _ := balance(ctx, id)
	fmt.Fprintf(w, "%d", n)
}
