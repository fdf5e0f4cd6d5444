// Package httpdump logs HTTP traffic: whole dumps, bodies, forms and header
// maps are personal data in bulk; the guide asks for a whitelist of fields.
package httpdump

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// OrderHandler takes orders and logs what it receives.
type OrderHandler struct {
	log    *slog.Logger
	tracer trace.Tracer
	client *http.Client
}

// Order is the body of POST /orders.
type Order struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// ServeHTTP logs the incoming request.
func (d *OrderHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, span := d.tracer.Start(r.Context(), "orders.Create")
	defer span.End()

	dump, err := httputil.DumpRequest(r, true)
	if err == nil {
		d.log.InfoContext(ctx, "request", "dump", string(dump)) // want `^string\(dump\) \(built from httputil\.DumpRequest\(r, true\), the whole request, headers and body\) reaches slog field "dump"; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
		d.log.InfoContext(ctx, "request", "dump_bytes", len(dump))
		// At debug level the dump is a diagnosis someone switches on.
		d.log.DebugContext(ctx, "request", "dump", string(dump))
	}

	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	span.SetAttributes(attribute.String("http.request.body", string(body))) // want `^string\(body\) \(built from io\.ReadAll\(io\.LimitReader\(r\.Body, 1 << 20\)\), the whole request body\) reaches span attribute "http\.request\.body"; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	log.Printf("create order: %s", body)                                    // want `^body \(built from io\.ReadAll\(io\.LimitReader\(r\.Body, 1 << 20\)\), the whole request body\) reaches the log message of log\.Printf; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	span.SetAttributes(attribute.Int("http.request.body.size", len(body)))

	var o Order
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&o); err != nil {
		http.Error(w, "bad order", http.StatusBadRequest)
		return
	}
	d.log.InfoContext(ctx, "order", "sku", o.SKU, "quantity", o.Quantity)

	if err := r.ParseForm(); err == nil {
		d.log.InfoContext(ctx, "form", "values", r.Form)               // want `^r\.Form \(every submitted form value\) reaches slog field "values"; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
		d.log.InfoContext(ctx, "form", "encoded", r.PostForm.Encode()) // want `^r\.PostForm\.Encode\(\) \(built from r\.PostForm, every submitted form value\) reaches slog field "encoded"; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
		d.log.InfoContext(ctx, "form", "sku", r.Form.Get("sku"), "fields", len(r.Form))
	}
	fmt.Fprintf(w, "ok")
}

// Call logs an outgoing call.
func (d *OrderHandler) Call(req *http.Request) (*http.Response, error) {
	resp, err := d.client.Do(req)
	if err != nil {
		return nil, err
	}
	dump, _ := httputil.DumpResponse(resp, true)
	log.Println("upstream replied", string(dump))   // want `^string\(dump\) \(built from httputil\.DumpResponse\(resp, true\), the whole response, headers and body\) reaches the log message of log\.Println; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	log.Printf("upstream headers: %v", resp.Header) // want `^resp\.Header \(every response header, Set-Cookie included\) reaches the log message of log\.Printf; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	log.Printf("upstream replied %d (%s)", resp.StatusCode, resp.Header.Get("Content-Type"))
	for name, values := range req.Header {
		log.Printf("header %s: %v", name, values) // want `^values \(built from req\.Header, every request header, Authorization and Cookie included\) reaches the log message of log\.Printf; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	}
	log.Printf("upstream request %+v", req) // want `^req \(of type net/http\.Request\) reaches the log message of log\.Printf whole and exposes field Header \(every header, Authorization and Cookie included\); log only the fields you need \(pii/struct-dump\)$`
	log.Printf("upstream request %s %s", req.Method, req.URL.Redacted())
	for name := range req.Header {
		log.Printf("header %s present", name)
	}
	return resp, nil
}
