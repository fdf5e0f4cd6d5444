package detached

import (
	"context"
	"net/http"
	"time"
)

type delayKey struct{}

// WithDelayCancel lets a handler down the chain call off the delay.
func WithDelayCancel(ctx context.Context, cancel context.CancelFunc) context.Context {
	return context.WithValue(ctx, delayKey{}, cancel)
}

// Delay holds each answer back until minimum has passed since the
// request arrived, unless a handler down the chain calls the delay off.
// delayCtx only says whether that happened: no work runs under it.
func Delay(minimum time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx := r.Context()
		delayCtx := context.Background()
		if minimum > 0 {
			var cancel context.CancelFunc
			delayCtx, cancel = context.WithCancel(delayCtx)
			defer cancel()
			ctx = WithDelayCancel(ctx, cancel)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
		if delayCtx.Err() != nil {
			return // called off down the chain
		}
		if left := minimum - time.Since(start); left > 0 {
			time.Sleep(left)
		}
	})
}

// Audit runs the audit write under a fresh root: the request's trace and
// cancellation are lost for it.
func Audit(write func(context.Context, string) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auditCtx := context.Background() // want `^use r\.Context\(\) \(request of the enclosing function literal\) instead of context\.Background\(\) \(ctxprop/background\)$`
		if err := write(auditCtx, r.URL.Path); err != nil {
			http.Error(w, "audit failed", http.StatusInternalServerError)
		}
	})
}
