// Package otelzapsvc is a payment service that logs with otelzap, which
// records trace_id and span_id only when the call carries the context.
package otelzapsvc

import (
	"context"
	"net/http"

	"github.com/uptrace/opentelemetry-go-extra/otelzap"
	"go.uber.org/zap"
)

// Payments charges cards.
type Payments struct {
	log   *otelzap.Logger
	sugar *otelzap.SugaredLogger
	plain *zap.Logger
}

// New wraps the process's zap logger with otelzap.
func New(z *zap.Logger) *Payments {
	l := otelzap.New(z)
	return &Payments{log: l, sugar: l.Sugar(), plain: z}
}

// Charge charges a card.
func (p *Payments) Charge(ctx context.Context, card string, cents int) error {
	p.log.Info("charging", zap.Int("cents", cents)) // want `^p\.log\.Info logs without the span context although ctx \(parameter of Charge\) is in scope: use p\.log\.Ctx\(ctx\)\.Info so otelzap records trace_id and span_id \(logmix/missing-context\)$`
	p.log.Ctx(ctx).Info("charged", zap.Int("cents", cents))
	p.log.InfoContext(ctx, "receipt sent")
	p.sugar.Infow("card checked", "last4", card[len(card)-4:]) // want `^p\.sugar\.Infow logs without the span context although ctx \(parameter of Charge\) is in scope: use p\.sugar\.Ctx\(ctx\)\.Infow`
	p.sugar.Errorf("declined: %s", card[:4])                   // want `^p\.sugar\.Errorf logs without the span context although ctx \(parameter of Charge\) is in scope: use p\.sugar\.Ctx\(ctx\)\.Errorf`
	// The sugared logger's Info has no context-aware twin in otelzap.
	p.sugar.Info("plain sugar")
	// zap and otelzap are one family: no mixing; plain zap has no context API.
	p.plain.Info("plain zap is not reported")
	return nil
}

// Refund handles an HTTP refund request.
func (p *Payments) Refund(w http.ResponseWriter, r *http.Request) {
	l := otelzap.New(p.plain) // want `^otelzap\.New builds a new otelzap logger on every request in HTTP handler Refund: build it once at startup and reuse it, logging per request with logger\.Ctx\(ctx\) \(logmix/hot-path-logger\)$`
	l.Ctx(r.Context()).Debug("refund logger built")
	p.log.Warn("refund requested") // want `^p\.log\.Warn logs without the span context although r\.Context\(\) is in scope: use p\.log\.Ctx\(r\.Context\(\)\)\.Warn`
	log := p.log.Ctx(r.Context())
	log.Info("refund accepted")
	w.WriteHeader(http.StatusAccepted)
}

// audited embeds an otelzap logger: its promoted zap methods are otelzap's.
type audited struct {
	*otelzap.Logger
	name string
}

// Audit writes an audit line.
func (a audited) Audit(ctx context.Context, what string) {
	a.Error("audit", zap.String("what", what)) // want `^a\.Error logs without the span context although ctx \(parameter of Audit\) is in scope: use a\.Ctx\(ctx\)\.Error`
}

// Startup has no context: nothing to pass.
func (p *Payments) Startup() {
	p.log.Info("payments ready")
}
