// Package listindex labels series by a position in a list fixed at start-up
// (the configured shards, the stages of a pipeline): bounded by the list's
// length, however the loop variable is named.
package listindex

import (
	"context"
	"strconv"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// Shard is one configured shard.
type Shard struct{ Addr string }

// Pool flushes to its shards.
type Pool struct {
	shards  []Shard
	stages  [4]string
	flushes metric.Int64Counter
}

// Flush records one flush per shard.
func (p *Pool) Flush(ctx context.Context) {
	for i := range p.shards {
		p.flushes.Add(ctx, 1, metric.WithAttributes(attribute.String("shard", strconv.Itoa(i)))) // ok: an index of the shard list
	}
	for shardID := range p.shards {
		p.flushes.Add(ctx, 1, metric.WithAttributes(attribute.String("shard", strconv.Itoa(shardID)))) // ok: a position, whatever its name
	}
	for stageID := range p.stages {
		p.flushes.Add(ctx, 1, metric.WithAttributes(attribute.String("stage", strconv.Itoa(stageID)))) // ok: an index of an array
	}
}

// FlushOrders still reports ids that are map keys: they are the orders.
func (p *Pool) FlushOrders(ctx context.Context, pending map[int]string) {
	for orderID := range pending {
		p.flushes.Add(ctx, 1, metric.WithAttributes(attribute.String("order", strconv.Itoa(orderID)))) // want `^metric attribute "order" gets strconv\.Itoa\(orderID\) \(orderID is named like an order id\): .* \(cardinality/value\)$`
	}
}
