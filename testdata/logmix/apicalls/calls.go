// Package apicalls holds one logging call per marked line for the unit
// tests of analyzers/internal/api/logging.go (it is not an analysistest
// package). Each "// row: name" marks the line of the call the test looks
// up.
package apicalls

import (
	"bytes"
	"context"
	"fmt"
	stdlog "log"
	"log/slog"
	"net/http"
	"os"

	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"github.com/uptrace/opentelemetry-go-extra/otelzap"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/zap"
)

type embedsOtelzap struct{ *otelzap.Logger }

type embedsZap struct{ *zap.Logger }

// slogToZap implements slog.Handler by embedding one.
type slogToZap struct{ slog.Handler }

// notALogger has logging-shaped methods of its own.
type notALogger struct{}

func (notALogger) Info(string, ...any)   {}
func (notALogger) Printf(string, ...any) {}

func calls(ctx context.Context, w http.ResponseWriter, z *zap.Logger, o *otelzap.Logger, l *logrus.Logger, e *logrus.Entry, zl zerolog.Logger, ev *zerolog.Event, sl *slog.Logger, std *stdlog.Logger) {
	var buf bytes.Buffer
	s := z.Sugar()
	os_ := o.Sugar()
	fmt.Println("x")                                   // row: fmt.Println
	fmt.Printf("%d", 1)                                // row: fmt.Printf
	fmt.Fprintf(os.Stderr, "%d", 1)                    // row: fmt.Fprintf-stderr
	fmt.Fprintln(os.Stdout, 1)                         // row: fmt.Fprintln-stdout
	fmt.Fprintf(&buf, "%d", 1)                         // row: fmt.Fprintf-buffer
	fmt.Fprintln(w, "x")                               // row: fmt.Fprintln-writer
	_ = fmt.Sprintf("%d", 1)                           // row: fmt.Sprintf
	_ = fmt.Errorf("x")                                // row: fmt.Errorf
	stdlog.Printf("%d", 1)                             // row: log.Printf
	stdlog.Fatal("x")                                  // row: log.Fatal
	std.Println("x")                                   // row: (*log.Logger).Println
	_ = std.Output(2, "x")                             // row: (*log.Logger).Output
	slog.Info("m", "k", 1)                             // row: slog.Info
	slog.WarnContext(ctx, "m")                         // row: slog.WarnContext
	slog.Log(ctx, slog.LevelInfo, "m")                 // row: slog.Log
	sl.Error("m", slog.Int("k", 1))                    // row: (*slog.Logger).Error
	sl.LogAttrs(ctx, slog.LevelInfo, "m")              // row: (*slog.Logger).LogAttrs
	z.Info("m", zap.Int("k", 1))                       // row: zap.Info
	z.Log(zap.InfoLevel, "m")                          // row: zap.Log
	s.Infow("m", "k", 1)                               // row: sugar.Infow
	s.Infof("%d", 1)                                   // row: sugar.Infof
	s.Infoln("x")                                      // row: sugar.Infoln
	s.Logw(zap.InfoLevel, "m", "k", 1)                 // row: sugar.Logw
	embedsZap{z}.Warn("m")                             // row: embedded-zap
	o.Info("m")                                        // row: otelzap.Info
	o.InfoContext(ctx, "m")                            // row: otelzap.InfoContext
	o.Ctx(ctx).Info("m")                               // row: otelzap.Ctx.Info
	os_.Infow("m", "k", 1)                             // row: otelzap.sugar.Infow
	os_.Info("m")                                      // row: otelzap.sugar.Info
	os_.Ctx(ctx).Infof("%d", 1)                        // row: otelzap.sugar.Ctx.Infof
	embedsOtelzap{o}.Error("m")                        // row: embedded-otelzap
	o.Log(zap.InfoLevel, "m")                          // row: otelzap.Log
	logrus.Info("x")                                   // row: logrus.Info
	logrus.Warnf("%d", 1)                              // row: logrus.Warnf
	logrus.InfoFn(func() []any { return nil })         // row: logrus.InfoFn
	l.Error("x")                                       // row: (*logrus.Logger).Error
	l.WithField("k", 1).Info("x")                      // row: logrus.WithField.Info
	l.WithContext(ctx).Info("x")                       // row: logrus.WithContext.Info
	e.Info("x")                                        // row: (*logrus.Entry).Info
	e.Logf(logrus.InfoLevel, "%d", 1)                  // row: (*logrus.Entry).Logf
	zlog.Info().Str("k", "v").Msg("m")                 // row: zerolog.log.Info.Msg
	zl.Warn().Msgf("%d", 1)                            // row: zerolog.Msgf
	zl.Info().Ctx(ctx).Send()                          // row: zerolog.Ctx.Send
	zerolog.Ctx(ctx).Info().Msg("m")                   // row: zerolog.Ctx.logger
	ev.Msg("m")                                        // row: zerolog.event-var
	zl.Print("x")                                      // row: zerolog.Print
	zlog.Printf("%d", 1)                               // row: zerolog.log.Printf
	notALogger{}.Info("m")                             // row: not-a-logger.Info
	notALogger{}.Printf("m")                           // row: not-a-logger.Printf
	_ = trace.SpanContextFromContext(ctx).TraceID()    // row: span-trace-id
	_ = zap.NewStdLog(z)                               // row: adapter-zap.NewStdLog
	_ = slog.NewLogLogger(slogToZap{}, slog.LevelInfo) // row: adapter-slog.NewLogLogger
	_ = l.Writer()                                     // row: adapter-logrus.Writer
	_ = zap.String("k", "v")                           // row: field-zap.String
	_ = zap.Error(nil)                                 // row: field-zap.Error
	_ = slog.Any("k", 1)                               // row: field-slog.Any
	_ = l.WithField("k", 1)                            // row: field-logrus.WithField
	_ = zl.Info().Str("k", "v")                        // row: field-zerolog.Str
	_ = zap.NewExample()                               // row: ctor-zap.NewExample
	_ = otelzap.New(z)                                 // row: ctor-otelzap.New
	_ = slog.New(slogToZap{})                          // row: ctor-slog.New
}
