package goroutines

import "context"

type Reloader interface {
	Reload(ctx context.Context) error
}

type Logger struct{ fields []string }

type loggerKey struct{}

func withLogger(ctx context.Context, l *Logger) context.Context {
	return context.WithValue(ctx, loggerKey{}, l)
}

func loggerFrom(ctx context.Context) *Logger {
	l, _ := ctx.Value(loggerKey{}).(*Logger)
	return l
}

// ReloadStore reloads in the background unless the caller waits. The
// detached reload gets a fresh root decorated with the request's logger: it is
// a goroutine's context, so the fix keeps the trace without the
// cancellation (ctx itself would stop the reload when the request ends).
func ReloadStore(ctx context.Context, r Reloader, wait bool) error {
	log := loggerFrom(ctx)
	if wait {
		return r.Reload(ctx)
	}
	go r.Reload(withLogger(context.Background(), log)) // want `goroutine starts from context\.Background\(\) and loses the trace of ctx \(parameter of ReloadStore\); pass context\.WithoutCancel\(ctx\) for work that must outlive it, or ctx to stop with it \(ctxprop/goroutine\)`
	return nil
}
