// Package attrslices is a checkout service that gathers metric attributes
// in slices, sets, helpers and wrappers before recording them.
package attrslices

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

var (
	meter     = otel.Meter("shop/checkout")
	checkouts metric.Int64Counter
	amounts   metric.Float64Histogram
	baseAttrs = []attribute.KeyValue{attribute.String("service.tier", "web")}
	staticSet = attribute.NewSet(attribute.String("region", "eu"))
)

func init() {
	checkouts, _ = meter.Int64Counter("checkouts")
	amounts, _ = meter.Float64Histogram("checkout.amount", metric.WithUnit("{EUR}"))
}

type Cart struct {
	ID        string
	AccountID string
	Total     float64
	Currency  string
}

func Checkout(w http.ResponseWriter, r *http.Request, cart Cart) {
	ctx := r.Context()

	attrs := []attribute.KeyValue{
		attribute.String("currency", cart.Currency),
		attribute.String("account_id", cart.AccountID), // want `metric attribute "account_id" names an account id.* \(cardinality/key\)`
	}
	if r.Header.Get("X-Mobile") != "" {
		attrs = append(attrs, attribute.String("client", "mobile"))
	}
	attrs = append(attrs, attribute.String("cart", cart.ID)) // want `metric attribute "cart" gets cart.ID \(named like a cart id\).* \(cardinality/value\)`
	checkouts.Add(ctx, 1, metric.WithAttributes(attrs...))

	set := attribute.NewSet(
		attribute.String("currency", cart.Currency),
		attribute.String("session", r.Header.Get("X-Session-ID")), // want `metric attribute "session" gets r.Header.Get\("X-Session-ID"\) \(a session id from "X-Session-ID"\).* \(cardinality/value\)`
	)
	amounts.Record(ctx, cart.Total, metric.WithAttributeSet(set))
	amounts.Record(ctx, cart.Total, metric.WithAttributeSet(staticSet))
	checkouts.Add(ctx, 1, metric.WithAttributes(baseAttrs...))

	kv := attribute.String("email", r.FormValue("email")) // want `metric attribute "email" names an email address.* \(cardinality/key\)`
	opt := metric.WithAttributes(kv)
	checkouts.Add(ctx, 1, opt)

	checkouts.Add(ctx, 1, metric.WithAttributes(requestAttrs(r)...))
	record(ctx, "checkout", attribute.String("url.full", r.URL.String())) // want `metric attribute "url.full" \(recorded through record\) names a full URL.* \(cardinality/key\)`
	recordRoute(ctx, r.URL.Path)                                          // want `metric attribute "http.route" through recordRoute gets r.URL.Path \(a raw request path\).* \(cardinality/value\)`
	recordRoute(ctx, r.Pattern)

	// Span attributes built from the same kinds of values: no finding.
	spanAttrs := []attribute.KeyValue{
		attribute.String("account_id", cart.AccountID),
		attribute.String("url.path", r.URL.Path),
	}
	trace.SpanFromContext(ctx).SetAttributes(spanAttrs...)
	trace.SpanFromContext(ctx).AddEvent("checkout", trace.WithAttributes(attribute.String("cart.id", cart.ID)))
}

// requestAttrs is a helper whose result is recorded on a metric.
func requestAttrs(r *http.Request) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("method", r.Method),
		attribute.String("client.address", r.RemoteAddr), // want `metric attribute "client.address" \(recorded through requestAttrs\) names a client address.* \(cardinality/key\)`
	}
}

// record is a wrapper that records its attributes on a metric.
func record(ctx context.Context, op string, attrs ...attribute.KeyValue) {
	attrs = append(attrs, attribute.String("op", op))
	checkouts.Add(ctx, 1, metric.WithAttributes(attrs...))
}

// recordRoute is a wrapper that records its argument as an attribute value.
func recordRoute(ctx context.Context, route string) {
	checkouts.Add(ctx, 1, metric.WithAttributes(attribute.String("http.route", route)))
}

// spanOnly gathers attributes that only reach a span: no finding.
func spanOnly(ctx context.Context, r *http.Request) {
	set := attribute.NewSet(attribute.String("user_id", r.Header.Get("X-User-ID")))
	trace.SpanFromContext(ctx).SetAttributes(set.ToSlice()...)
}

var _ = spanOnly
