package mixedservice

import (
	stdlog "log"

	"go.uber.org/zap"
)

// auditf is a wrapper: the log call inside it is reported once, its callers
// are not.
func auditf(format string, args ...any) {
	stdlog.Printf("audit: "+format, args...) // want `^package uses zap for logging \(9 calls\); this stdlog\.Printf call uses log: use zap \(logmix/mixed-libraries\)$`
}

// Batch is generic; its logger is still zap.
type Batch[T any] struct {
	items []T
	log   *zap.SugaredLogger
}

// Flush flushes the batch.
func (b *Batch[T]) Flush() {
	auditf("flushing %d items", len(b.items))
	auditf("flushed")
	for i := range b.items {
		b.log.Debugf("item %d", i)
	}
}

// printer has methods named like logging functions but is not a logger.
type printer struct{ lines []string }

func (p *printer) Printf(format string, _ ...any) { p.lines = append(p.lines, format) }
func (p *printer) Info(msg string)                { p.lines = append(p.lines, msg) }

func render() []string {
	var p printer
	p.Printf("total")
	p.Info("done")
	return p.lines
}
