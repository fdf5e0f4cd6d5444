// Package failedjobs is a usage reporter whose background jobs record the
// error they fail on without marking their span as failed, next to jobs
// that tolerate an error and go on.
package failedjobs

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("reporter")

type Org struct{ ID string }

func listOrgs(ctx context.Context) ([]Org, error) { return nil, nil }
func license(ctx context.Context, o Org) error    { return nil }
func report(ctx context.Context, o Org) error     { return nil }
func sendAll(ctx context.Context) error           { return nil }

// Collect gives up on the whole run when the organizations cannot be
// listed: the run failed.
func Collect(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "Collect")
	defer span.End()
	orgs, err := listOrgs(ctx)
	if err != nil {
		span.RecordError(err) // want `span.RecordError records an error on which the function gives up at line 34, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
		slog.ErrorContext(ctx, "cannot list organizations", "err", err)
		return
	}
	for _, o := range orgs {
		if err := report(ctx, o); err != nil {
			// One organization failing does not fail the run.
			span.RecordError(err)
			slog.WarnContext(ctx, "report failed", "org", o.ID, "err", err)
		}
	}
}

// CollectLicensed gives up from inside the loop: the run stops there.
func CollectLicensed(ctx context.Context, orgs []Org) {
	ctx, span := tracer.Start(ctx, "CollectLicensed")
	defer span.End()
	for _, o := range orgs {
		if err := license(ctx, o); err != nil {
			span.RecordError(err) // want `span.RecordError records an error on which the function gives up at line 53, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
			slog.ErrorContext(ctx, "cannot read license", "org", o.ID, "err", err)
			return
		}
		_ = report(ctx, o)
	}
}

// Loop starts a span per tick; the tick's only work failed, and the span
// ends with it.
func Loop(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			ctx, span := tracer.Start(ctx, "Report")
			if err := sendAll(ctx); err != nil {
				span.RecordError(err) // want `span.RecordError records an error with which the span ends at line 74, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
				slog.WarnContext(ctx, "report failed", "err", err)
			}
			span.End()
		}
	}
}

// LoopMarked marks the tick's span as failed.
func LoopMarked(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			ctx, span := tracer.Start(ctx, "Report")
			if err := sendAll(ctx); err != nil {
				span.RecordError(err)
				span.SetStatus(codes.Error, err.Error())
			}
			span.End()
		}
	}
}

// Sweep goes on with the next organizations after one fails to report,
// then with a final send: the errors are tolerated.
func Sweep(ctx context.Context, orgs []Org) {
	ctx, span := tracer.Start(ctx, "Sweep")
	defer span.End()
	for _, o := range orgs {
		if err := report(ctx, o); err != nil {
			span.RecordError(err)
		}
	}
	if err := sendAll(ctx); err != nil {
		span.RecordError(err)
		slog.WarnContext(ctx, "send failed", "err", err)
	}
	slog.InfoContext(ctx, "sweep done")
}

// Poll falls back to listing when the index cannot be read, and fails only
// when there is no fallback: the finding names the failing return, and no
// fix is offered because a status set right after RecordError would mark the
// fallback path failed too.
func Poll(ctx context.Context, fallback bool) ([]Org, error) {
	ctx, span := tracer.Start(ctx, "Poll")
	defer span.End()
	idx, err := readIndex(ctx)
	if err == nil {
		return idx, nil
	}
	span.RecordError(err) // want `span.RecordError records an error that is returned at line 128, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
	if !fallback {
		return nil, fmt.Errorf("read index: %w", err)
	}
	slog.ErrorContext(ctx, "falling back to listing", "err", err)
	return listOrgs(ctx)
}

func readIndex(ctx context.Context) ([]Org, error) { return nil, nil }

// Run reports on every tick until it is stopped; each tick has its own span,
// which ends with the error of the tick's only work.
func Run(ctx context.Context, every time.Duration, stop <-chan struct{}) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return nil
		case <-t.C:
			ctx, span := tracer.Start(ctx, "Report")
			if err := sendAll(ctx); err != nil {
				span.RecordError(err) // want `span.RecordError records an error with which the span ends at line 151, but span.SetStatus\(codes.Error, ...\) is not called on that path, so the span is not marked as failed; set the status after recording the error \(spanend/recorderror\)`
				slog.WarnContext(ctx, "report failed", "err", err)
			}
			span.End()
		}
	}
}

// Drain gives up on the first failed send and returns no error: the caller
// chose to treat a failed drain as done.
func Drain(ctx context.Context, orgs []Org) error {
	for _, o := range orgs {
		ctx, span := tracer.Start(ctx, "Drain")
		if err := report(ctx, o); err != nil {
			span.RecordError(err)
			span.End()
			return nil
		}
		span.End()
	}
	return nil
}
