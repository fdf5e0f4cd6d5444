package emptyroots

import (
	"context"
	"testing"
)

type memSender struct{ n int }

func (m *memSender) Send(ctx context.Context, payload []byte) error { m.n++; return ctx.Err() }

// sendAll is a test helper whose only context is the test's own.
func sendAll(t *testing.T, s Sender, payloads [][]byte) {
	ctx := t.Context()
	for _, pl := range payloads {
		if err := s.Send(context.Background(), pl); err != nil {
			t.Fatal(err)
		}
	}
	_ = ctx
}

func TestSend(t *testing.T) {
	sendAll(t, &memSender{}, [][]byte{[]byte("a")})
}
