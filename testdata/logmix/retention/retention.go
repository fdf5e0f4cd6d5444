// Package retention applies data-retention settings to a store. Changing a
// table's retention runs for minutes, so the work goes to goroutines the
// call leaves running, on the context the caller hands in: callers give a
// root or the service's lifetime context, never a request's, whose end
// would cancel the work half done. That context carries no span, and the
// goroutines' logs are not reported. Work the call waits for, and work on a
// context the function traced or detached from a request, is.
package retention

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("retention")

// Store holds the tables.
type Store struct {
	db     *sql.DB
	logger *slog.Logger
}

// SetRetention starts the retention change of one table and returns.
func (s *Store) SetRetention(ctx context.Context, table string, days int) error {
	if days <= 0 {
		s.logger.ErrorContext(ctx, "bad retention", "days", days)
		return nil
	}
	go func() {
		if _, err := s.db.ExecContext(ctx, "ALTER TABLE "+table+" SET TTL ?", days); err != nil {
			s.logger.Error("retention change failed", "table", table, "err", err) // ok: the goroutine outlives the call on ctx
			return
		}
		s.logger.Info("retention changed", "table", table)
	}()
	return nil
}

// ApplyAll starts one change per table.
func (s *Store) ApplyAll(ctx context.Context, tables []string, days int) {
	apply := func(table string) {
		if _, err := s.db.ExecContext(ctx, "ALTER TABLE "+table+" SET TTL ?", days); err != nil {
			s.logger.Warn("retention change failed", "table", table, "err", err) // ok: started with go only
		}
	}
	for _, t := range tables {
		go apply(t)
	}
}

// Export copies the tables and waits for every copy: the copies are part
// of the caller's work.
func (s *Store) Export(ctx context.Context, tables []string) {
	var wg sync.WaitGroup
	for _, t := range tables {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.db.ExecContext(ctx, "COPY "+t); err != nil {
				s.logger.Error("export failed", "table", t) // want `^s\.logger\.Error drops the context although ctx \(parameter of Export\) is in scope: use ErrorContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
			}
		}()
	}
	wg.Wait()
}

// Reindex traces the rebuild it starts: the goroutine's context has the
// span.
func (s *Store) Reindex(ctx context.Context, table string) {
	ctx, span := tracer.Start(ctx, "reindex")
	go func() {
		defer span.End()
		if _, err := s.db.ExecContext(ctx, "REINDEX "+table); err != nil {
			s.logger.Error("reindex failed", "table", table) // want `^s\.logger\.Error drops the context although ctx \(parameter of Reindex\) is in scope: use ErrorContext\(ctx, \.\.\.\)`
		}
	}()
}

// Purge runs after the request that asked for it, on the request's
// context without its cancellation: the request's trace is kept on
// purpose.
func (s *Store) Purge(ctx context.Context, table string) {
	go func() {
		if _, err := s.db.ExecContext(context.WithoutCancel(ctx), "TRUNCATE "+table); err != nil {
			s.logger.Error("purge failed", "table", table) // want `^s\.logger\.Error drops the context although ctx \(parameter of Purge\) is in scope: use ErrorContext\(ctx, \.\.\.\)`
		}
	}()
}

// Notify reports a finished change in the background; the goroutine does
// not use the context, so nothing says the caller's context is not a
// request's.
func (s *Store) Notify(ctx context.Context, table string) {
	go func() {
		s.logger.Info("retention change requested", "table", table) // want `^s\.logger\.Info drops the context although ctx \(parameter of Notify\) is in scope: use InfoContext\(ctx, \.\.\.\)`
	}()
}

// ScheduleCleanup cleans the table up once the grace period is over, on
// the context it captured: the timer runs the cleanup after the call.
func (s *Store) ScheduleCleanup(ctx context.Context, table string, grace time.Duration) {
	time.AfterFunc(grace, func() {
		s.cleanup(ctx, table)
	})
}

func (s *Store) cleanup(ctx context.Context, table string) {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE expired"); err != nil {
		s.logger.Error("cleanup failed", "table", table) // ok: only ever run by a timer, on the context it captured
	}
}

// VacuumNow vacuums the table for the caller, who waits.
func (s *Store) VacuumNow(ctx context.Context, table string) {
	s.vacuum(ctx, table)
}

// ScheduleVacuum vacuums the table later.
func (s *Store) ScheduleVacuum(ctx context.Context, table string, after time.Duration) {
	time.AfterFunc(after, func() { s.vacuum(ctx, table) })
}

func (s *Store) vacuum(ctx context.Context, table string) {
	if _, err := s.db.ExecContext(ctx, "VACUUM "+table); err != nil {
		s.logger.Warn("vacuum failed", "table", table) // want `^s\.logger\.Warn drops the context although ctx \(parameter of vacuum\) is in scope: use WarnContext\(ctx, \.\.\.\)`
	}
}

// Admin serves the retention API.
type Admin struct {
	srv    *http.Server
	logger *slog.Logger
}

// Start starts serving and returns; its logs are the server's start and
// exit, not a request's.
func (a *Admin) Start(ctx context.Context) error {
	go func() {
		a.logger.Info("admin API listening", "addr", a.srv.Addr) // ok: the server's start
		if err := a.srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			a.logger.Error("admin API stopped", "err", err) // ok: the server's exit
		}
	}()
	return nil
}
