package zerologsvc

import (
	"github.com/rs/zerolog"
	"go.opentelemetry.io/otel/trace"
)

// traceHook adds the trace and span ids of an event's context.
type traceHook struct{}

func (traceHook) Run(e *zerolog.Event, _ zerolog.Level, _ string) {
	sc := trace.SpanContextFromContext(e.GetCtx())
	if sc.IsValid() {
		e.Str("trace_id", sc.TraceID().String()).Str("span_id", sc.SpanID().String())
	}
}

// NewLogger builds the service's logger with the trace hook.
func NewLogger() zerolog.Logger {
	return zerolog.New(nil).Hook(traceHook{})
}
