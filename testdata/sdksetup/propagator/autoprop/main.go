// Command autoprop builds its propagator from OTEL_PROPAGATORS with
// autoprop and hands it to the instrumentation.
package main

import (
	"context"
	"log"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/propagators/autoprop"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(context.Background())
	otel.SetTracerProvider(tp) // ok: the package uses autoprop
	handler := otelhttp.NewHandler(http.NewServeMux(), "server",
		otelhttp.WithPropagators(autoprop.NewTextMapPropagator()))
	log.Fatal(http.ListenAndServe(":8080", handler))
}
