package promvec

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

// The partition a consumer owns is exported as an info gauge. Its label is
// called just "id": the name says nothing about what is identified, and
// the value set is the partition number, one per process.
var assignedPartition = prometheus.NewGaugeVec(prometheus.GaugeOpts{
	Name: "partition_reader_partition",
	Help: "The partition assigned to this reader.",
}, []string{"id"})

func init() {
	prometheus.MustRegister(assignedPartition)
}

func assigned(partition int32) {
	assignedPartition.Reset()
	assignedPartition.WithLabelValues(strconv.Itoa(int(partition))).Set(1)
}

// A bare "id" label given each visitor's session is reported where the
// value is set.
var visits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "visits_total"}, []string{"id"})

// RecordVisit is called by the session middleware with each visitor's
// session.
func RecordVisit(sessionID string) {
	visits.WithLabelValues(sessionID).Inc() // want `^label "id" of visits_total gets sessionID \(named like a session id\): every distinct value is a new time series; move it to a span attribute or log field \(cardinality/value\)$`
}
