// Package routed serves its API through bunrouter, whose OpenTelemetry
// middleware renames the server span otelhttp starts after the matched
// route ("GET /orders/:id"): the empty operation is a placeholder.
package routed

import (
	"net/http"

	"github.com/uptrace/bunrouter"
	"github.com/uptrace/bunrouter/extra/bunrouterotel"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func newRouter() *bunrouter.Router {
	router := bunrouter.New(bunrouter.WithMiddleware(bunrouterotel.NewMiddleware()))
	router.GET("/orders/:id", func(w http.ResponseWriter, req bunrouter.Request) error {
		return nil
	})
	return router
}

// Handler wraps the router.
func Handler() http.Handler {
	return otelhttp.NewHandler(newRouter(), "")
}
