package engine

import (
	"context"
	"log/slog"
	"testing"
)

func TestPollOnce(t *testing.T) {
	p := &Poller{logger: slog.Default(), poll: func(context.Context) (int, error) { return 1, nil }}
	p.pollOnce(context.Background())
}
