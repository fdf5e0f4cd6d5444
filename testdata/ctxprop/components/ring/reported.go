package ring

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"otellint.test/ctxprop/components/services"
	"otellint.test/ctxprop/components/webhook"
)

// Tokens is a second service whose sync the package also runs on demand,
// with the caller's context.
type Tokens struct {
	*services.BasicService
	kv KV
}

func NewTokens(kv KV) *Tokens {
	t := &Tokens{kv: kv}
	t.BasicService = services.NewBasicService(nil, t.sync, nil)
	return t
}

// Resync runs a sync for the caller.
func (t *Tokens) Resync(ctx context.Context) error {
	return t.sync(ctx)
}

func (t *Tokens) sync(ctx context.Context) error {
	return t.kv.CAS(context.Background(), "tokens", func(old []byte) ([]byte, error) { return old, nil }) // want `^use ctx \(parameter of sync\) instead of context\.Background\(\) \(ctxprop/background\)$`
}

// Forwarder relays deliveries to the ring owner; each delivery is its own
// request.
func Forwarder(ctx context.Context, owner string) *webhook.Receiver {
	return webhook.NewReceiver(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		req, err := http.NewRequest(http.MethodPost, owner, bytes.NewReader(body)) // want `http\.NewRequest .*`
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		resp.Body.Close()
	})
}
