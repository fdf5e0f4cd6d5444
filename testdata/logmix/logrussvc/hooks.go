package logrussvc

import (
	"github.com/sirupsen/logrus"
	"go.opentelemetry.io/otel/trace"
)

// traceHook adds the trace and span ids of an entry's context.
type traceHook struct{}

func (traceHook) Levels() []logrus.Level { return logrus.AllLevels }

func (traceHook) Fire(e *logrus.Entry) error {
	if e.Context == nil {
		return nil
	}
	if sc := trace.SpanContextFromContext(e.Context); sc.IsValid() {
		e.Data["trace_id"] = sc.TraceID().String()
		e.Data["span_id"] = sc.SpanID().String()
	}
	return nil
}

// NewLogger builds the service's logger with the trace hook.
func NewLogger() *logrus.Logger {
	l := logrus.New()
	l.AddHook(traceHook{})
	return l
}
