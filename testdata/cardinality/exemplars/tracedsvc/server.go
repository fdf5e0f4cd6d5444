package tracedsvc

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func routes(mux *http.ServeMux) {
	mux.Handle("/metrics", promhttp.Handler()) // want `promhttp.Handler\(\) serves the Prometheus text format, which drops exemplars \(ObserveWithExemplar at line \d+ records one\): a latency bucket cannot link to a trace that shows it; serve promhttp.HandlerFor\(prometheus.DefaultGatherer, promhttp.HandlerOpts\{EnableOpenMetrics: true\}\), wrapped in promhttp.InstrumentMetricHandler\(prometheus.DefaultRegisterer, ...\) as Handler\(\) is \(cardinality/exemplars\)`
}
