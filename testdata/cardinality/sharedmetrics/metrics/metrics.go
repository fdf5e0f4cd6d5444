// Package metrics declares the service's collectors in one place.
package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Requests counts requests by route.
var Requests = promauto.NewCounterVec(prometheus.CounterOpts{Name: "shop_requests_total"}, []string{"route"})
