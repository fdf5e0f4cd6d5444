package tenantqueue

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func TestTrack(t *testing.T) {
	q := New(
		prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "test_queue_length"}, []string{"user"}),
		prometheus.NewCounterVec(prometheus.CounterOpts{Name: "test_discarded"}, []string{"user"}),
	)
	q.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "test_requests_by_id"}, []string{"request_id"})
	q.Track("r-1")
	if err := q.Enqueue("tenant-a", func() {}); err != nil {
		t.Fatal(err)
	}
}
