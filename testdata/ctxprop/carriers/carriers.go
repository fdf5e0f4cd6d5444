// Package carriers has handlers written against a web framework whose
// request context type is configured with -ctxprop.context-types.
package carriers

import (
	"context"
	"database/sql"

	"otellint.test/ctxprop/carriers/fw"
)

type API struct{ db *sql.DB }

func (a *API) load(ctx context.Context, id string) error { return ctx.Err() }

func (a *API) Show(c *fw.Ctx) error {
	return a.load(context.Background(), c.Param("id")) // want `use c\.Context\(\) \(from a parameter of Show\) instead of context\.Background\(\) \(ctxprop/background\)`
}

func (a *API) ShowOK(c *fw.Ctx) error {
	return a.load(c.Context(), c.Param("id"))
}

func (a *API) Echo(c fw.Echo) error {
	if err := a.load(context.TODO(), "x"); err != nil { // want `use c\.Request\(\)\.Context\(\) \(from a parameter of Echo\) instead of context\.TODO\(\) \(ctxprop/background\)`
		return err
	}
	return c.String(200, "ok")
}

func (a *API) Native(c *fw.Native) {
	_, _ = a.db.Exec("UPDATE hits SET n = n + 1") // want `\(\*sql\.DB\)\.Exec cannot carry c \(from a parameter of Native\); call ExecContext\(c, \.\.\.\) instead \(ctxprop/ctxless\)`
	c.JSON(200, nil)
}

func (a *API) NativeOK(c *fw.Native) {
	_, _ = a.db.ExecContext(c, "UPDATE hits SET n = n + 1")
}

func (a *API) Opaque(o fw.Opaque) {
	_ = a.load(context.Background(), "x") // want `use the context carried by o \(parameter of Opaque\) instead of context\.Background\(\) \(ctxprop/background\)`
	o.Reply("ok")
}

// OpaqueAsync starts a goroutine from a fresh root.
func (a *API) OpaqueAsync(o fw.Opaque) {
	go a.load(context.Background(), "async") // want `goroutine starts from context\.Background\(\) and loses the trace of the context carried by o \(parameter of OpaqueAsync\); pass context\.WithoutCancel\(that context\) for work that must outlive it, or that context to stop with it \(ctxprop/goroutine\)`
	go func() {
		_, _ = a.db.Exec("DELETE FROM sessions") // want `\(\*sql\.DB\)\.Exec cannot carry the context carried by o \(parameter of OpaqueAsync\); call ExecContext with that context instead \(ctxprop/ctxless\)`
	}()
}

// A real context parameter wins over the carrier.
func (a *API) Both(ctx context.Context, c *fw.Ctx) error {
	return a.load(context.Background(), c.Param("id")) // want `use ctx \(parameter of Both\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// Helpers without a carrier are left alone.
func (a *API) Helper(id string) error {
	return a.load(context.Background(), id)
}

// Session is the service's own request context, configured as a carrier
// too. Its accessor falls back on a fresh root for a session built outside
// a request: that is no finding (the accessor is how the session's context
// is reached). Its other methods have the session's context at hand.
type Session struct {
	ctx context.Context
	api *API
}

// Context returns the session's context.
func (s *Session) Context() context.Context {
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// Reload re-reads the session's user.
func (s *Session) Reload(id string) error {
	return s.api.load(context.Background(), id) // want `use s\.Context\(\) \(from the receiver of Reload\) instead of context\.Background\(\) \(ctxprop/background\)`
}
