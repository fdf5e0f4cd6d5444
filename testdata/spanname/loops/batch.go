// Package loops processes order batches: spans started in loops.
package loops

import (
	"context"
	"fmt"
	"path"
	"strconv"
	"strings"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("shop/batch")

type Item struct {
	SKU      string
	Name     string
	Quantity int
}

type Stage string

const (
	StageValidate Stage = "Validate"
	StageReserve  Stage = "Reserve"
	StageShip     Stage = "Ship"
)

var pipeline = []Stage{StageValidate, StageReserve, StageShip}

var regions = []string{"Eu", "Us"}

const maxWorkers = 4

type Batch struct{}

func (Batch) Process(ctx context.Context, items []Item) {
	for i := range items {
		_, span := tracer.Start(ctx, fmt.Sprintf("Batch.Item%d", i)) // want `^span name is built from i \(a loop index\), which has unbounded cardinality; use a fixed name such as "Batch\.Item" and record i as a span attribute \(spanname/dynamic\)$`
		span.End()
	}
	for idx, item := range items {
		_, span := tracer.Start(ctx, "Batch.Item."+strconv.Itoa(idx)) // want `^span name is built from idx \(a loop index\), .* \(spanname/dynamic\)$`
		_ = item
		span.End()
	}
	for n := 0; n < len(items); n++ {
		_, span := tracer.Start(ctx, "Batch.Step-"+strconv.Itoa(n)) // want `^span name is built from n \(a loop index\), .* \(spanname/dynamic\)$`
		span.End()
	}
	// The item's fields are not IDs: their cardinality is unknown.
	for _, item := range items {
		_, span := tracer.Start(ctx, "Batch.Process."+item.Name)
		span.End()
	}
}

func (Batch) Pipeline(ctx context.Context) {
	for _, stage := range pipeline {
		_, span := tracer.Start(ctx, "Batch.Pipeline."+string(stage))
		span.End()
	}
	for i, region := range regions {
		_, span := tracer.Start(ctx, fmt.Sprintf("Batch.Region%d.%s", i, region))
		span.End()
	}
	for _, step := range []string{"Prepare", "Commit"} {
		_, span := tracer.Start(ctx, "Batch.TwoPhase."+step)
		span.End()
	}
	for w := 0; w < maxWorkers; w++ {
		_, span := tracer.Start(ctx, fmt.Sprintf("Batch.Worker%d", w))
		span.End()
	}
	for i := range 3 {
		_, span := tracer.Start(ctx, "Batch.Shard"+strconv.Itoa(i))
		span.End()
	}
}

func (Batch) Ship(ctx context.Context, orderIDs []string, workers int) {
	for _, orderID := range orderIDs {
		_, span := tracer.Start(ctx, "Batch.Ship "+orderID) // want `^span name is built from orderID \(an ID\), which has unbounded cardinality; use a fixed name such as "Batch\.Ship" and record orderID as a span attribute \(spanname/dynamic\)$`
		span.End()
	}
	// A counter bounded by a configured count (a flag, a field of the
	// load generator's config) names a few spans: its bound is out of
	// sight, so the rule stays quiet.
	for w := 0; w < workers; w++ {
		_, span := tracer.Start(ctx, fmt.Sprintf("Batch.Worker%d", w))
		span.End()
	}
	for _, id := range []string{"primary", "replica"} {
		_, span := tracer.Start(ctx, "Batch.Ship."+id)
		span.End()
	}
}

// Summaries names each span with a name built in the loop body.
func (Batch) Summaries(ctx context.Context, items []Item) {
	for i := range items {
		name := "Batch.Summary"
		if items[i].Quantity > 100 {
			name += "." + strconv.Itoa(i)
		}
		_, span := tracer.Start(ctx, name) // want `^span name is built from i \(a loop index\), .* \(spanname/dynamic\)$`
		span.End()
	}
}

// Export names spans with joined and formatted parts.
func (Batch) Export(ctx context.Context, items []Item, orderIDs []string) {
	parts := []string{"Batch", "Export"}
	for _, id := range orderIDs {
		parts = append(parts, id)
	}
	_, span := tracer.Start(ctx, strings.Join(parts, ".")) // want `^span name is built from id \(an ID\), .* \(spanname/dynamic\)$`
	span.End()

	_, s2 := tracer.Start(ctx, strings.Join([]string{"Batch", "Export", "Summary"}, "."))
	s2.End()
	_, s3 := tracer.Start(ctx, strings.Join([]string{"batch", "export"}, "_"))
	s3.End()

	for i := 0; i < len(pipeline); i++ {
		_, span := tracer.Start(ctx, fmt.Sprintf("Batch.Export.Stage%d", i))
		span.End()
	}
	for i := 0; i < len(items); i += 10 {
		_, span := tracer.Start(ctx, fmt.Sprintf("Batch.Export.Chunk%[1]d", i)) // want `^span name is built from i \(a loop index\), .* \(spanname/dynamic\)$`
		span.End()
	}
	_, s4 := tracer.Start(ctx, path.Join("/exports", "daily"))
	s4.End()
	for _, it := range items {
		_, span := tracer.Start(ctx, path.Join("/exports", it.SKU, "items"))
		span.End()
	}
}
