package httpdump

import (
	"context"
	"io"
	"log/slog"
	"net/http"
)

// RPCBridge turns JSON requests into RPC calls.
type RPCBridge struct {
	log *slog.Logger
}

func (b *RPCBridge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	payload, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	b.call(r.Context(), payload)
	b.audit(r.Context(), payload) // want `^payload \(built from io\.ReadAll\(r\.Body\), the whole request body\) reaches slog field "payload" through audit; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	w.WriteHeader(http.StatusAccepted)
}

// call dumps the payload at debug level, for whoever turns debug on to
// see what the bridge forwards.
func (b *RPCBridge) call(ctx context.Context, payload []byte) {
	b.log.DebugContext(ctx, "forwarding rpc", "request_json", string(payload))
}

// audit records every payload at info level.
func (b *RPCBridge) audit(ctx context.Context, payload []byte) {
	b.log.InfoContext(ctx, "rpc received", "payload", string(payload))
}
