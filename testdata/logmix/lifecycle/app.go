// Package lifecycle wires an order service with fx. Its start hooks wait
// for the database and start the server, its stop hook drains it: each runs
// once, with a context that bounds the start or the stop, and their logs
// have no trace to join. The logs of a hook that traces its own work, and
// of the requests the service serves, do.
package lifecycle

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.uber.org/fx"
)

var tracer = otel.Tracer("lifecycle")

// waitForDB holds the start until the database answers.
func waitForDB(lc fx.Lifecycle, db *sql.DB, logger *slog.Logger) {
	lc.Append(fx.StartHook(func(ctx context.Context) error {
		for {
			err := db.PingContext(ctx)
			if err == nil {
				logger.Info("database is up")
				return nil
			}
			logger.Warn("database is down", "err", err)
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
			}
		}
	}))
}

// serve starts the server with the application and stops it with it.
func serve(lc fx.Lifecycle, srv *http.Server, logger *slog.Logger) {
	lc.Append(fx.Hook{
		OnStart: func(ctx context.Context) error {
			go func() {
				if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
					logger.Error("server stopped", "err", err)
				}
			}()
			return nil
		},
		OnStop: func(ctx context.Context) error {
			if err := srv.Shutdown(ctx); err != nil {
				logger.Error("shutdown did not finish", "err", err)
				return err
			}
			return nil
		},
	})
}

// warmCache is a start hook that traces its work: its log joins that trace.
func warmCache(lc fx.Lifecycle, db *sql.DB, logger *slog.Logger) {
	lc.Append(fx.StartHook(func(ctx context.Context) error {
		ctx, span := tracer.Start(ctx, "cache.warm")
		defer span.End()
		if _, err := db.ExecContext(ctx, "SELECT warm_cache()"); err != nil {
			logger.Error("cache warm-up failed", "err", err) // want `^logger\.Error drops the context although ctx is in scope: use ErrorContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
			return err
		}
		return nil
	}))
}

// withRetry runs op until it succeeds or ctx ends; it is the package's
// own helper, not a lifecycle hook, and its callers pass request contexts.
func withRetry(ctx context.Context, op func(ctx context.Context) error) error {
	for {
		err := op(ctx)
		if err == nil || ctx.Err() != nil {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Orders serves order requests.
type Orders struct {
	db     *sql.DB
	logger *slog.Logger
}

// Cancel cancels an order on the request's context.
func (o *Orders) Cancel(ctx context.Context, id string) error {
	return withRetry(ctx, func(ctx context.Context) error {
		_, err := o.db.ExecContext(ctx, "UPDATE orders SET state = 'cancelled' WHERE id = ?", id)
		if err != nil {
			o.logger.Warn("cancel failed, retrying", "order", id, "err", err) // want `^o\.logger\.Warn drops the context although ctx is in scope: use WarnContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
		}
		return err
	})
}
