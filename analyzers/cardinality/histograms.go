package cardinality

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// durationWords mark an instrument name as measuring a duration.
var durationWords = map[string]bool{"duration": true, "latency": true, "time": true, "elapsed": true, "rtt": true}

// unitWords map a unit word ending a metric name to its UCUM unit.
var unitWords = map[string]string{
	"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
	"ms": "ms", "msec": "ms", "millis": "ms", "millisecond": "ms", "milliseconds": "ms",
	"us": "us", "usec": "us", "micros": "us", "microsecond": "us", "microseconds": "us",
	"ns": "ns", "nsec": "ns", "nanos": "ns", "nanosecond": "ns", "nanoseconds": "ns",
	"minutes": "min", "hours": "h",
}

// perSecond is the number of units in one second, for the time units whose
// buckets are checked.
var perSecond = map[string]float64{"s": 1, "ms": 1e3, "us": 1e6, "µs": 1e6, "ns": 1e9}

func isDurationName(name string) bool {
	for _, w := range nameWords(name) {
		if durationWords[w] {
			return true
		}
	}
	return false
}

// unitOfName returns the unit a metric name ends with ("_seconds" -> "s"),
// or that comes right before a breakdown the name ends with
// ("queue_time_seconds_by_workflow" -> "s"): the unit is written, only
// not last.
func unitOfName(name string) string {
	ws := nameWords(name)
	if len(ws) < 2 {
		return ""
	}
	if u := unitWords[ws[len(ws)-1]]; u != "" {
		return u
	}
	for i := len(ws) - 2; i >= 1; i-- {
		if ws[i+1] == "by" {
			return unitWords[ws[i]]
		}
	}
	return ""
}

// checkInstruments checks the label names of vectors and the units and
// buckets of histograms, once every variable's initialiser is known.
func (c *checker) checkInstruments() {
	for _, in := range c.instruments {
		if in.Vec {
			c.checkVecLabelNames(in)
		}
		switch {
		case in.Kind != api.Histogram:
		case in.Prometheus:
			c.checkPromHistogram(in)
		default:
			c.checkOTelHistogram(in)
		}
	}
}

// otelOptions expands the options of an instrument constructor: written
// in the call, or spread from a local or package-level slice literal. The
// second result is false when some options cannot be seen.
func (c *checker) otelOptions(in api.Instrument) ([]*ast.CallExpr, bool) {
	var out []*ast.CallExpr
	complete := true
	for i, o := range in.Options {
		exprs := []ast.Expr{o}
		if i == len(in.Options)-1 && in.Call.Ellipsis.IsValid() {
			lit := c.resolveLiteral(o, in.Call.Pos())
			if lit == nil {
				complete = false
				continue
			}
			exprs = lit.Elts
		}
		for _, e := range exprs {
			call, ok := ast.Unparen(e).(*ast.CallExpr)
			if !ok {
				complete = false
				continue
			}
			if _, ok := api.MetricOptionOf(c.info, call); !ok {
				complete = false
				continue
			}
			out = append(out, call)
		}
	}
	return out, complete
}

func (c *checker) checkOTelHistogram(in api.Instrument) {
	name, ok := api.StringConst(c.info, in.Name)
	if !ok {
		return
	}
	opts, complete := c.otelOptions(in)
	unit, hasUnit := "", false
	var bounds *ast.CallExpr
	for _, o := range opts {
		switch opt, _ := api.MetricOptionOf(c.info, o); opt {
		case "WithUnit":
			hasUnit = true
			if len(o.Args) == 1 {
				unit, _ = api.StringConst(c.info, o.Args[0])
			}
		case "WithExplicitBucketBoundaries":
			bounds = o
		}
	}
	if !hasUnit && complete && isDurationName(name) {
		hint := `metric.WithUnit("s") (or "ms")`
		if u := unitOfName(name); u != "" {
			hint = fmt.Sprintf("metric.WithUnit(%q) to match its name", u)
		}
		c.report(checkUnit, in.Name, "histogram %s measures a duration but has no unit; add %s so that backends can convert and compare it", quote(name), hint)
	}
	if bounds == nil {
		return
	}
	if !hasUnit {
		unit = unitOfName(name)
		if unit == "" && !isDurationName(name) {
			return
		}
	}
	values, ok := c.floatList(bounds.Args, bounds.Ellipsis.IsValid(), bounds.Pos())
	if !ok {
		return
	}
	c.checkBoundaries(bounds, name, unit, values)
}

func (c *checker) checkPromHistogram(in api.Instrument) {
	name := c.promName(in)
	if name == "" {
		return
	}
	f := c.promOpts(in)
	unit := unitOfName(name)
	if unit == "" && isDurationName(name) {
		c.report(checkUnit, f["Name"], "histogram %s measures a duration but its name has no unit suffix; name it %s and observe seconds (the Prometheus naming convention)", quote(name), quote(name+"_seconds"))
	}
	b := f["Buckets"]
	if b == nil || (unit == "" && !isDurationName(name)) || hasNativeBuckets(f) {
		return
	}
	values, ok := c.promBuckets(b, in.Call.Pos())
	if !ok {
		return
	}
	if unit == "" {
		unit = "s" // Prometheus uses base units
	}
	c.checkBoundaries(b, name, unit, values)
}

// longRunning is the boundary, in seconds, past which a histogram measures
// operations that run for minutes (background batch jobs, compactions,
// syncs, long queries) rather than request latency: its authors care about
// seconds to minutes, and 10ms against 100ms is no distinction they need.
const longRunning = 60.0

// hasNativeBuckets reports whether Prometheus histogram options ask for
// native (sparse, exponential) buckets, whose resolution the
// NativeHistogramBucketFactor sets: the classic Buckets are the fallback
// for scrapers without native histograms.
func hasNativeBuckets(opts map[string]ast.Expr) bool {
	return opts["NativeHistogramBucketFactor"] != nil
}

// checkBoundaries reports bucket boundaries of a duration histogram that
// cannot tell 10 ms from 100 ms: none lies strictly between the two, while
// the smallest is below one second (the histogram is meant for
// sub-second values). An empty unit means seconds or milliseconds, and
// the boundaries must be too coarse read either way.
func (c *checker) checkBoundaries(at ast.Node, name, unit string, bounds []float64) {
	if len(bounds) == 0 || api.InExampleTree(c.pass.Pkg.Path()) {
		return // an example's buckets illustrate an API, they measure nothing
	}
	if scale, ok := perSecond[unit]; ok && slices.Max(bounds) > longRunning*scale {
		return // a batch job, compaction or long query: not request latency
	}
	units := []string{unit}
	if unit == "" {
		units = []string{"s", "ms"}
	}
	for _, u := range units {
		scale, ok := perSecond[u]
		if !ok || !coarse(bounds, scale) {
			return
		}
	}
	list := formatBounds(bounds)
	if unit == "" {
		c.report(checkBuckets, at, "bucket boundaries %s of histogram %s cannot tell 10ms from 100ms, whether read as seconds or milliseconds; add boundaries between them (e.g. 0.025, 0.05, 0.075 s) and a unit", list, quote(name))
		return
	}
	scale := perSecond[unit]
	c.report(checkBuckets, at, "bucket boundaries %s of histogram %s cannot tell 10ms from 100ms: none lies between %s and %s %s; add boundaries such as %s, %s and %s", list, quote(name),
		num(0.01*scale), num(0.1*scale), unit, num(0.025*scale), num(0.05*scale), num(0.075*scale))
}

func coarse(bounds []float64, scale float64) bool {
	lo, hi := 0.01*scale, 0.1*scale
	min := math.Inf(1)
	for _, b := range bounds {
		if b > lo && b < hi {
			return false
		}
		min = math.Min(min, b)
	}
	return min < scale
}

// num formats a boundary for messages, rounding away float noise
// (0.15000000000000002 from ExponentialBuckets reads 0.15).
func num(f float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 6, 64), 64)
	return strconv.FormatFloat(r, 'g', -1, 64)
}

func formatBounds(bs []float64) string {
	parts := make([]string, 0, len(bs))
	for i, b := range bs {
		if i == 8 {
			parts = append(parts, "...")
			break
		}
		parts = append(parts, num(b))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// floatList reads constant float arguments, or a spread slice literal.
func (c *checker) floatList(args []ast.Expr, spread bool, pos token.Pos) ([]float64, bool) {
	if spread && len(args) == 1 {
		lit := c.resolveLiteral(args[0], pos)
		if lit == nil {
			return nil, false
		}
		args = lit.Elts
	}
	out := make([]float64, 0, len(args))
	for _, a := range args {
		f, ok := c.floatConst(a)
		if !ok {
			return nil, false
		}
		out = append(out, f)
	}
	return out, true
}

func (c *checker) floatConst(e ast.Expr) (float64, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToFloat(tv.Value)
	if v.Kind() != constant.Float && v.Kind() != constant.Int {
		return 0, false
	}
	f, _ := constant.Float64Val(v)
	return f, true
}

// promBuckets reads a HistogramOpts.Buckets value: a literal (or a
// variable holding one), or prometheus.LinearBuckets, ExponentialBuckets
// or ExponentialBucketsRange with constant arguments.
func (c *checker) promBuckets(e ast.Expr, pos token.Pos) ([]float64, bool) {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		fn := api.Callee(c.info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != api.PrometheusPath || len(call.Args) != 3 {
			return nil, false
		}
		a, ok1 := c.floatConst(call.Args[0])
		b, ok2 := c.floatConst(call.Args[1])
		n, ok3 := c.floatConst(call.Args[2])
		if !ok1 || !ok2 || !ok3 || n < 1 || n > 1000 {
			return nil, false
		}
		var out []float64
		switch fn.Name() {
		case "LinearBuckets":
			for i := 0; i < int(n); i++ {
				out = append(out, a+b*float64(i))
			}
		case "ExponentialBuckets":
			for i, v := 0, a; i < int(n); i, v = i+1, v*b {
				out = append(out, v)
			}
		case "ExponentialBucketsRange":
			if n < 2 || a <= 0 {
				return nil, false
			}
			factor := math.Pow(b/a, 1/(n-1))
			for i, v := 0, a; i < int(n); i, v = i+1, v*factor {
				out = append(out, v)
			}
		default:
			return nil, false
		}
		return out, true
	}
	lit := c.resolveLiteral(e, pos)
	if lit == nil {
		return nil, false
	}
	return c.floatList(lit.Elts, false, pos)
}
