// Package convention uses a third-party client whose API pairs F with
// FContext. The types prove the twin, so the call is reported with a fix.
package convention

import (
	"context"
	"time"

	"otellint.test/ctxprop/convention/applog"
	"otellint.test/ctxprop/convention/kv"
	"otellint.test/ctxprop/convention/netprobe"
)

type Sessions struct {
	kv    *kv.Client
	store kv.Store
	pool  *kv.Pool
}

func (s *Sessions) Lookup(ctx context.Context, id string) ([]byte, error) {
	return s.kv.Get("session:" + id) // want `\(\*kv\.Client\)\.Get cannot carry ctx \(parameter of Lookup\); call GetContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}

func (s *Sessions) LookupOK(ctx context.Context, id string) ([]byte, error) {
	return s.kv.GetContext(ctx, "session:"+id)
}

func (s *Sessions) Save(ctx context.Context, id string, v []byte) error {
	return s.kv.Set("session:"+id, v, time.Hour) // want `\(\*kv\.Client\)\.Set cannot carry ctx \(parameter of Save\); call SetContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}

func (s *Sessions) Connect(ctx context.Context, addr string) error {
	c, err := kv.Dial(addr) // want `kv\.Dial cannot carry ctx \(parameter of Connect\); call kv\.DialContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
	if err != nil {
		return err
	}
	s.kv = c
	return nil
}

func (s *Sessions) FromStore(ctx context.Context, id string) ([]byte, error) {
	return s.store.Load(id) // want `\(kv\.Store\)\.Load cannot carry ctx \(parameter of FromStore\); call LoadContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}

func (s *Sessions) Pooled(ctx context.Context, pattern string) []string {
	return s.pool.Scan(pattern, "COUNT", "100") // want `\(\*kv\.Client\)\.Scan cannot carry ctx \(parameter of Pooled\); call ScanContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}

// NotProven: the twins differ in parameters, results or order, or are not
// accessible.
func (s *Sessions) NotProven(ctx context.Context, keys []string) error {
	_, _ = s.kv.MGet(keys...)
	if err := s.kv.Del(keys[0]); err != nil {
		return err
	}
	_ = s.kv.Keys("session:")
	_ = s.kv.Flush()
	return s.kv.Close()
}

// NoContext has nothing to pass.
func (s *Sessions) NoContext(id string) ([]byte, error) {
	return s.kv.Get("session:" + id)
}

// cache is a same-package client whose twin is unexported but usable here.
type cache struct{}

func (cache) fetch(key string) string                             { return key }
func (cache) fetchContext(ctx context.Context, key string) string { return key }

func (s *Sessions) Local(ctx context.Context, c cache) string {
	return c.fetch("k") // want `\(convention\.cache\)\.fetch cannot carry ctx \(parameter of Local\); call fetchContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}

// Adapter implements the twin in terms of the context-less form: rewriting
// the call inside the twin itself would recurse, so it is not reported.
type Adapter struct{ c *kv.Client }

func (a Adapter) Get(key string) ([]byte, error) { return a.c.Get(key) }

func (a Adapter) GetContext(ctx context.Context, key string) ([]byte, error) {
	return a.Get(key)
}

// Listen logs through the framework's logging package: whether a log call
// carries its context is logmix's question (missing-context), which asks
// for evidence of a trace; the start-up context here has none.
func (s *Sessions) Listen(ctx context.Context, addr string) error {
	applog.Info("sessions listening", "addr", addr)
	if err := ctx.Err(); err != nil {
		applog.Errorf("sessions not started: %v", err)
		return err
	}
	return nil
}

// Drain logs through the logger the context carries: Trace and Notice are
// levels of that logger like Info, so whether they carry the context is
// logmix's question too.
func (s *Sessions) Drain(ctx context.Context, ids []string) {
	log := applog.From(ctx)
	for _, id := range ids {
		log.Trace("draining session", "id", id)
	}
	log.Notice("sessions drained", "count", len(ids))
}

// Route diagnoses the network path to a session's host: the prober's Trace
// is a traceroute, which the request's context should bound.
func Route(ctx context.Context, p *netprobe.Prober, host string) (int, error) {
	hops, err := p.Trace(host) // want `\(\*netprobe\.Prober\)\.Trace cannot carry ctx \(parameter of Route\); call TraceContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
	return len(hops), err
}
