// Package unusual holds valid but unusual Go that every analyzer must walk
// without a panic and without a finding.
package unusual

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"strings"
	"unsafe"

	. "strconv"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	oteltrace "go.opentelemetry.io/otel/trace"

	trace "otellint.test/robust/trace"
)

var tracer = otel.Tracer("unusual")

// Number is a constraint with a method.
type Number interface {
	~int | ~int64 | ~float64
	fmt.Stringer
}

type Celsius int

func (c Celsius) String() string { return Itoa(int(c)) + "C" }

// Sum is generic with a constrained type parameter.
func Sum[T Number](ctx context.Context, xs ...T) T {
	_, span := tracer.Start(ctx, "Math.Sum")
	defer span.End()
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

// Box is a generic type with methods.
type Box[T any] struct{ v T }

func (b *Box[T]) Get(ctx context.Context) T {
	_, span := tracer.Start(ctx, "Box.Get")
	defer span.End()
	return b.v
}

// Seq is a range-over-func iterator.
func Seq(ctx context.Context, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		_, span := tracer.Start(ctx, "Seq.Yield")
		defer span.End()
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func useIterators(ctx context.Context) int {
	total := 0
	for v := range Seq(ctx, 3) {
		total += v
	}
	b := &Box[Celsius]{v: 3}
	get := b.Get                // method value
	get2 := (*Box[Celsius]).Get // method expression
	return total + int(get(ctx)) + int(get2(b, ctx)) + int(Sum[Celsius](ctx, 1, 2))
}

// Labeled control flow, goto and select{}.
func labeled(ctx context.Context, rows [][]int) (n int, err error) {
	_, span := tracer.Start(ctx, "Rows.Scan")
	defer span.End()
outer:
	for i, row := range rows {
		for _, v := range row {
			switch {
			case v < 0:
				continue outer
			case v == 0:
				break outer
			case v > 100:
				goto fail
			}
			n += v
		}
		_ = i
	}
	return n, nil
fail:
	err = errors.New("too large")
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
	return 0, err
}

func forever() {
	select {}
}

// Defers in loops over closures in closures.
func nested(ctx context.Context, items []string) error {
	ctx, span := tracer.Start(ctx, "Items.Process")
	defer span.End()
	process := func(item string) error {
		check := func() error {
			_, inner := tracer.Start(ctx, "Items.Check")
			defer inner.End()
			if item == "" {
				return errors.New("empty")
			}
			return nil
		}
		return check()
	}
	for _, it := range items {
		func() {
			defer fmt.Sprint(it)
		}()
		if err := process(it); err != nil {
			return err
		}
	}
	return nil
}

// Type switches and a shadowed ctx.
func describe(ctx context.Context, v any) string {
	switch x := v.(type) {
	case fmt.Stringer:
		return x.String()
	case error:
		ctx := context.WithValue(ctx, key{}, x.Error())
		return fmt.Sprint(ctx.Value(key{}))
	default:
		return ""
	}
}

type key struct{}

// The local "trace" package has a Span and a Tracer that are not OTel's.
func localTrace(ctx context.Context) {
	var t trace.Tracer
	_, s := t.Start(ctx, "anything goes")
	s.SetAttributes("k", "v")
	var l trace.Logger
	l.Info("local logger")
}

// Local types named Span, Tracer and Logger.
type Span struct{}

func (Span) End() {}

type Tracer interface{ Start(string) Span }

type Logger struct{}

func (Logger) Info(string) {}

func localTypes(t Tracer) {
	s := t.Start("x")
	_ = s
	Logger{}.Info("hello")
}

// Calls through interfaces of the matched APIs.
type starter interface {
	Start(ctx context.Context, spanName string, opts ...oteltrace.SpanStartOption) (context.Context, oteltrace.Span)
}

func viaInterface(ctx context.Context, s starter) {
	_, span := s.Start(ctx, "Orders.List")
	defer span.End()
	span.SetAttributes(attribute.Int("orders.count", 3))
}

func unsafeSize() uintptr {
	var x struct {
		a int32
		b string
	}
	return unsafe.Sizeof(x) + unsafe.Offsetof(x.b)
}

func handler(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "HTTP GET /unusual")
	defer span.End()
	_ = useIterators(ctx)
	fmt.Fprintln(w, strings.ToUpper("ok"))
}

// closeAll defers directly in a loop body: valid, if often a smell.
func closeAll(ctx context.Context, files []interface{ Close() error }) {
	_, span := tracer.Start(ctx, "Files.CloseAll")
	defer span.End()
	for _, f := range files {
		defer f.Close()
	}
}
