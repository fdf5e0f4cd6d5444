// Package payments is the client of the payment provider.
package payments

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("example.com/shop/payments")

// Client calls the payment provider.
type Client struct {
	base string
	http *http.Client
}

// NewClient returns a Client for the provider at base.
func NewClient(base string, hc *http.Client) *Client { return &Client{base: base, http: hc} }

// Charge charges an order.
func (c *Client) Charge(ctx context.Context, orderID string, cents int64) error {
	ctx, span := tracer.Start(ctx, "Payments.Charge", trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()

	form := url.Values{"order": {orderID}, "amount": {strconv.FormatInt(cents, 10)}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/charges", nil)
	if err != nil {
		return err
	}
	req.URL.RawQuery = form.Encode()
	propagation.TraceContext{}.Inject(ctx, propagation.HeaderCarrier(req.Header))
	resp, err := c.http.Do(req)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return fmt.Errorf("charge %s: %w", orderID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		err := fmt.Errorf("charge %s: provider answered %s", orderID, resp.Status)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

// Refund asks the provider to refund an order.
func (c *Client) Refund(ctx context.Context, orderID string) error {
	_, span := tracer.Start(ctx, "Payments.Refund", trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()
	req, err := http.NewRequest(http.MethodPost, c.base+"/refunds?order="+url.QueryEscape(orderID), nil) // MISTAKE(ctxprop): the request does not carry ctx
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
