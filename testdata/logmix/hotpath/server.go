// Package hotpath builds loggers in places that run on every request or
// every iteration, next to the places where building one is right.
package hotpath

import (
	"bytes"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
	"sync"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// Server serves requests.
type Server struct {
	logger  *zap.Logger
	handler slog.Handler
	out     io.Writer
}

// ServeHTTP builds a zap logger per request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	logger, err := zap.NewProduction() // want `^zap\.NewProduction builds a new zap logger on every request in HTTP handler ServeHTTP: build it once at startup and reuse it, adding per-call fields with logger\.With\(\.\.\.\) \(logmix/hot-path-logger\)$`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	logger.Info("request", zap.String("path", r.URL.Path))
	reqLog := s.logger.With(zap.String("path", r.URL.Path))
	reqLog.Debug("reused the shared logger")
}

// Orders is a handler function.
func (s *Server) Orders(w http.ResponseWriter, r *http.Request) {
	l := slog.New(slog.NewJSONHandler(os.Stdout, nil)) // want `^slog\.New builds a new slog logger on every request in HTTP handler Orders: build it once at startup and reuse it, adding per-call attributes with logger\.With\(\.\.\.\)`
	l.InfoContext(r.Context(), "orders")
	entry := logrus.New() // want `^logrus\.New builds a new logrus logger on every request in HTTP handler Orders: build it once at startup and reuse it, adding per-call fields with logger\.WithFields\(\.\.\.\)`
	entry.WithContext(r.Context()).Info("orders listed")
	zl := zerolog.New(os.Stderr) // want `^zerolog\.New builds a new zerolog logger on every request in HTTP handler Orders`
	zl.Info().Ctx(r.Context()).Msg("orders")
	std := log.New(os.Stderr, "orders ", 0) // want `^log\.New builds a new log logger on every request in HTTP handler Orders: build it once at startup and reuse it \(logmix/hot-path-logger\)$`
	std.Println("orders")
}

// Routes registers closures: the ones that run per request are reported,
// the factory that runs once is not.
func (s *Server) Routes(mux *http.ServeMux) {
	base := zap.NewExample()
	mux.HandleFunc("/pay", func(w http.ResponseWriter, r *http.Request) {
		cfg := zap.NewDevelopmentConfig()
		dev, _ := cfg.Build() // want `^cfg\.Build builds a new zap logger on every request in this HTTP handler`
		dev.Info("pay")
		base.Info("pay with the shared logger")
	})
	mux.Handle("/refund", s.refundHandler())
}

func (s *Server) refundHandler() http.HandlerFunc {
	logger := s.logger.Named("refund") // built once, when the route is registered
	return func(w http.ResponseWriter, r *http.Request) {
		logger.Info("refund", zap.String("path", r.URL.Path))
	}
}

// Stream writes a per-request log to the response: log.New and slog.New
// over request-local writers are not the service's logger.
func (s *Server) Stream(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	audit := log.New(&buf, "", 0)
	audit.Print("streamed")
	toClient := slog.New(slog.NewTextHandler(w, nil))
	toClient.InfoContext(r.Context(), "progress")
	shared := slog.New(s.handler) // wraps the shared handler: as cheap as With
	shared.InfoContext(r.Context(), "stream")
	nop := zap.NewNop()
	nop.Info("no-op loggers cost nothing")
	var once sync.Once
	once.Do(func() {
		s.logger = zap.Must(zap.NewProduction())
	})
	_, _ = w.Write(buf.Bytes())
}

// Consume builds a logger for every message.
func (s *Server) Consume(msgs <-chan string) {
	for m := range msgs {
		l := zap.NewExample() // want `^zap\.NewExample builds a new zap logger on every iteration of this loop: build it once at startup and reuse it, adding per-call fields with logger\.With\(\.\.\.\)`
		l.Info("message", zap.String("body", m))
		go func() {
			w := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr}) // want `^zerolog\.New builds a new zerolog logger on every iteration of this loop`
			w.Info().Msg(m)
		}()
	}
}

// Modules builds one logger per module at start-up: stored per element.
func Modules(names []string) map[string]*zap.Logger {
	loggers := map[string]*zap.Logger{}
	var list []*zap.Logger
	for _, n := range names {
		loggers[n] = zap.NewExample().Named(n)
		list = append(list, zap.NewExample())
	}
	_ = list
	return loggers
}

// Writers reuses one logger inside the loop.
func (s *Server) Writers(items []string) {
	l := log.New(s.out, "item ", 0)
	for _, it := range items {
		l.Println(it)
		perItem := log.New(&bytes.Buffer{}, it, 0) // a private buffer per item
		perItem.Print(it)
	}
}
