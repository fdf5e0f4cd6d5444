package tracedsvc

import (
	"log"
	"net/http"

	prom "github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type config struct {
	OpenMetrics bool
}

// adminHandlers serves several registries.
func adminHandlers(reg *prom.Registry, cfg config, logger *log.Logger) []http.Handler {
	opts := promhttp.HandlerOpts{Registry: reg}
	return []http.Handler{
		promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}), // want `promhttp.HandlerFor serves the Prometheus text format, which drops exemplars \(ObserveWithExemplar at line \d+ records one\): a latency bucket cannot link to a trace that shows it; set EnableOpenMetrics: true in its HandlerOpts \(cardinality/exemplars\)`
		promhttp.HandlerFor(prom.DefaultGatherer, promhttp.HandlerOpts{ // want `promhttp.HandlerFor serves the Prometheus text format.* \(cardinality/exemplars\)`
			ErrorLog:      logger,
			ErrorHandling: promhttp.ContinueOnError,
		}),
		promhttp.HandlerFor(reg, promhttp.HandlerOpts{}), // want `promhttp.HandlerFor serves the Prometheus text format.* \(cardinality/exemplars\)`

		// Negatives: OpenMetrics chosen by the user.
		promhttp.HandlerFor(reg, promhttp.HandlerOpts{EnableOpenMetrics: cfg.OpenMetrics, Registry: reg}),
		promhttp.HandlerFor(reg, promhttp.HandlerOpts{EnableOpenMetrics: false}),
		promhttp.HandlerFor(reg, opts),
		promhttp.InstrumentMetricHandler(reg, http.NotFoundHandler()),
	}
}
