// Package plain is framework code checked without -ctxprop.context-types:
// a framework type alone does not make a context reachable.
package plain

import (
	"context"
	"database/sql"

	"otellint.test/ctxprop/carriers/fw"
)

type API struct{ db *sql.DB }

func (a *API) load(ctx context.Context, id string) error { return ctx.Err() }

func (a *API) Show(c *fw.Ctx) error {
	return a.load(context.Background(), c.Param("id"))
}

func (a *API) Native(c *fw.Native) {
	_, _ = a.db.Exec("UPDATE hits SET n = n + 1")
}
