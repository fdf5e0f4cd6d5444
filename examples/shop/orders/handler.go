package orders

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"

	"example.com/shop/payments"
)

// Handler serves the order API.
type Handler struct {
	repo *Repository
	pay  *payments.Client
	inst *instruments
}

// NewHandler builds the API; instruments are created here, once.
func NewHandler(repo *Repository, pay *payments.Client) *Handler {
	inst, err := newInstruments()
	if err != nil {
		slog.Error("creating order instruments", "error", err)
	}
	return &Handler{repo: repo, pay: pay, inst: inst}
}

// Server returns the HTTP server of the API, listening on addr.
func (h *Handler) Server(addr string) *http.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", h.getOrder)
	mux.HandleFunc("POST /orders", h.placeOrder)
	mux.HandleFunc("POST /orders/{id}/pay", h.payOrder)
	return &http.Server{Addr: addr, Handler: mux} // MISTAKE(propagation): incoming traceparent headers are ignored
}

func (h *Handler) getOrder(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	ctx, span := tracer.Start(r.Context(), "GET /orders/{id}")
	defer span.End()

	id := r.PathValue("id")
	o, err := h.repo.Find(ctx, id)
	if errors.Is(err, ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		slog.ErrorContext(ctx, "loading order failed", "order_id", id, "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h.inst.duration.Record(ctx, time.Since(start).Seconds(),
		metric.WithAttributes(attribute.String("http.route", r.Pattern), attribute.String("http.request.method", r.Method)))
	_ = json.NewEncoder(w).Encode(o)
}

type placeOrderRequest struct {
	CustomerID string `json:"customer_id"`
	Email      string `json:"email"`
	TotalCents int64  `json:"total_cents"`
}

func (h *Handler) placeOrder(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), fmt.Sprintf("POST %s", r.URL.Path)) // MISTAKE(spanname): the raw path makes one span name per URL
	defer span.End()

	var req placeOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	o := &Order{ID: newID(), CustomerID: req.CustomerID, Email: req.Email, TotalCents: req.TotalCents, Status: "pending"}
	if err := h.repo.Create(ctx, o); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	slog.Info("order placed", "order_id", o.ID)                                                       // MISTAKE(logmix): use slog.InfoContext so the record carries the trace
	slog.InfoContext(ctx, "order confirmation queued", "email", req.Email)                            // MISTAKE(pii): a customer's e-mail address in a log record
	h.inst.placed.Add(ctx, 1, metric.WithAttributes(attribute.String("customer_id", req.CustomerID))) // MISTAKE(cardinality): one time series per customer
	span.SetAttributes(attribute.String("order.id", o.ID), attribute.String("customer.id", req.CustomerID))
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(o)
}

func (h *Handler) payOrder(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "POST /orders/{id}/pay")
	defer span.End()

	id := r.PathValue("id")
	o, err := h.repo.Find(ctx, id)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if err := h.pay.Charge(ctx, o.ID, o.TotalCents); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		log.Printf("charging order %s failed: %v", o.ID, err) // MISTAKE(logmix): this package logs with slog, not log
		http.Error(w, "payment failed", http.StatusBadGateway)
		return
	}
	if err := h.repo.MarkPaid(ctx, o.ID); err != nil {
		slog.ErrorContext(ctx, "marking order paid failed", "order_id", o.ID, "error", err)
	}
	w.WriteHeader(http.StatusNoContent)
}

func newID() string { return fmt.Sprintf("ord_%d", time.Now().UnixNano()) }
