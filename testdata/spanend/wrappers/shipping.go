// Package wrappers is a shipping service that starts spans only through the
// in-house tracing package, configured with -spanend.start-funcs. It does not
// import OpenTelemetry itself.
package wrappers

import (
	"context"
	"errors"

	"otellint.test/spanend/wrappers/tracing"
)

var errNoAddress = errors.New("no address")

type Parcel struct {
	ID      string
	Address string
}

func book(ctx context.Context, p Parcel) error { return nil }

// Ship leaks the wrapper's span when the address is missing.
func Ship(ctx context.Context, p Parcel) error {
	ctx, span := tracing.StartSpan(ctx, "Ship") // want `span "Ship" started here is not ended on the path through the return at line 26; add defer span.End\(\) \(spanend/not-ended\)`
	if p.Address == "" {
		return errNoAddress
	}
	defer span.End()
	return book(ctx, p)
}

// ShipEnded ends the wrapper's span with defer.
func ShipEnded(ctx context.Context, p Parcel) error {
	ctx, span := tracing.StartSpan(ctx, "Ship")
	defer span.End()
	return book(ctx, p)
}

// Track discards the span of a wrapper that returns only a span.
func Track(ctx context.Context, p Parcel) {
	tracing.Begin(ctx, "Track") // want `span "Track" started here is discarded, so it can never be ended; assign it \(span := ...\) and add defer span.End\(\) \(spanend/discarded\)`
}

// TrackEnded keeps and ends it.
func TrackEnded(ctx context.Context, p Parcel) {
	span := tracing.Begin(ctx, "Track")
	defer span.End()
}

var tr = tracing.New("shipping")

// Label uses a wrapper method and leaks at the closing brace.
func Label(ctx context.Context, p Parcel) {
	ctx, span := tr.Span(ctx, "Label") // want `span "Label" started here is not ended on the path that reaches the end of the function at line 57; add defer span.End\(\) \(spanend/not-ended\)`
	span.AddEvent("label printed")
	_ = book(ctx, p)
}

// LabelEnded uses the wrapper method and ends the span.
func LabelEnded(ctx context.Context, p Parcel) {
	ctx, span := tr.Span(ctx, "Label")
	defer span.End()
	_ = book(ctx, p)
}

// Annotated calls a function of the wrapper package that is not configured.
func Annotated(ctx context.Context) context.Context {
	return tracing.Annotate(ctx, "k", "v")
}
