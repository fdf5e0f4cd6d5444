// Package webhook receives webhook deliveries and hands each one to the
// handler it was built with.
package webhook

import "net/http"

// Receiver serves deliveries.
type Receiver struct {
	handle http.HandlerFunc
}

// NewReceiver returns a receiver that passes every delivery to handle.
func NewReceiver(handle func(w http.ResponseWriter, r *http.Request)) *Receiver {
	return &Receiver{handle: handle}
}

func (rc *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rc.handle(w, r)
}
