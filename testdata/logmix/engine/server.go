package engine

import (
	"context"
	"log/slog"
)

// Serve loads the components, runs the engine until ctx ends and reports
// the shutdown: it returns only once Run has seen ctx end, so it runs for
// ctx's lifetime too.
func Serve(ctx context.Context, logger *slog.Logger, load func() ([]Component, error)) error {
	parts, err := load()
	if err != nil {
		logger.Error("cannot load components", "err", err) // ok: Serve waits for Run, which blocks until ctx ends
		return err
	}
	if err := Run(ctx, logger, parts); err != nil {
		logger.Error("engine failed", "err", err) // ok
		return err
	}
	logger.Info("engine shut down") // ok
	return nil
}

// Restart hands ctx to a poller on a goroutine of its own and returns at
// once: it does not wait for ctx to end.
func Restart(ctx context.Context, p *Poller, logger *slog.Logger) {
	go p.Run(ctx)
	logger.Info("poller restarted") // want `^logger\.Info drops the context although ctx \(parameter of Restart\) is in scope: use InfoContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
}

// Trigger hands ctx to WaitReply, which waits for one reply only.
func (c *Client) Trigger(ctx context.Context, id string) {
	if _, err := c.WaitReply(ctx, id); err != nil {
		c.logger.Warn("no reply", "id", id) // want `^c\.logger\.Warn drops the context although ctx \(parameter of Trigger\) is in scope: use WarnContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
	}
}
