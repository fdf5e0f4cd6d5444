package goroutines

import (
	stdctx "context"
	"database/sql"
)

// Aliased imports are the same API: matching is by type, and the fixes
// spell the package the way the file does.
func (n *Notifier) Aliased(ctx stdctx.Context, db *sql.DB) {
	go n.send(stdctx.TODO(), "aliased") // want `goroutine starts from context\.TODO\(\) and loses the trace of ctx \(parameter of Aliased\); pass stdctx\.WithoutCancel\(ctx\) for work that must outlive it, or ctx to stop with it \(ctxprop/goroutine\)`
	go func() {
		_ = db.Ping() // want `\(\*sql\.DB\)\.Ping cannot carry ctx \(parameter of Aliased\); call PingContext\(stdctx\.WithoutCancel\(ctx\)\) instead \(ctxprop/ctxless\)`
	}()
	//otellint:ignore ctxprop/goroutine the audit trail is written by a detached worker on purpose
	go n.send(stdctx.Background(), "ignored")
}
