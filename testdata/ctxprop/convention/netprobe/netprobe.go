// Package netprobe traces the network route to a host: Trace is a
// traceroute, not a log level, and its twin takes the context that bounds
// the probe.
package netprobe

import "context"

type Hop struct {
	Addr string
	RTT  float64
}

type Prober struct{}

// Trace probes the route to host.
func (p *Prober) Trace(host string) ([]Hop, error) { return nil, nil }

// TraceContext probes the route to host until ctx is done.
func (p *Prober) TraceContext(ctx context.Context, host string) ([]Hop, error) { return nil, nil }
