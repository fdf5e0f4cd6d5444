package promvec

import "github.com/prometheus/client_golang/prometheus"

// orderLabels is declared after its use, in a later file.
var orderLabels = []string{"route", "customer_id"} // want `label "customer_id" names a customer id.* \(cardinality/key\)`

func init() {
	prometheus.MustRegister(orders)
}
