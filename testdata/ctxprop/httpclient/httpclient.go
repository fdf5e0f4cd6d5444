// Package httpclient calls other services. An outbound request built
// without the caller's context carries no traceparent header downstream.
package httpclient

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
)

type Client struct {
	base string
	http *http.Client
}

func New(base string) *Client {
	return &Client{base: base, http: &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}}
}

func (c *Client) Fetch(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil) // want `http\.NewRequest cannot carry ctx \(parameter of Fetch\); call http\.NewRequestWithContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

func (c *Client) FetchOK(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// Rebound builds the request first and gives it the context right after.
func (c *Client) Rebound(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	req = req.WithContext(ctx)
	return c.http.Do(req)
}

// Cloned uses Clone(ctx) instead.
func (c *Client) Cloned(ctx context.Context, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req.Clone(ctx))
}

// doer sends a request with a context, the way many API clients do.
type doer interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, error)
}

// Delegated hands the request to a client together with the context: the
// client attaches it.
func Delegated(ctx context.Context, d doer, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return d.Do(ctx, req)
}

// Proxy forwards an incoming request.
func (c *Client) Proxy(w http.ResponseWriter, r *http.Request) {
	out, err := http.NewRequest(r.Method, c.base+r.URL.Path, r.Body) // want `http\.NewRequest cannot carry r\.Context\(\) \(request of Proxy\); call http\.NewRequestWithContext\(r\.Context\(\), \.\.\.\) instead \(ctxprop/ctxless\)`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp, err := c.http.Do(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// Shortcuts cannot take a context at all: the fix is more than one call.
func (c *Client) Shortcuts(ctx context.Context, form url.Values) {
	_, _ = http.Get(c.base + "/a")                                     // want `http\.Get cannot carry ctx \(parameter of Shortcuts\); build the request with http\.NewRequestWithContext\(ctx, http\.MethodGet, url, nil\) and send it with http\.DefaultClient\.Do \(ctxprop/ctxless\)`
	_, _ = http.Head(c.base + "/b")                                    // want `http\.Head cannot carry ctx \(parameter of Shortcuts\); build the request with http\.NewRequestWithContext\(ctx, http\.MethodHead, url, nil\) and send it with http\.DefaultClient\.Do \(ctxprop/ctxless\)`
	_, _ = http.Post(c.base+"/c", "text/plain", strings.NewReader("")) // want `http\.Post cannot carry ctx \(parameter of Shortcuts\); build the request with http\.NewRequestWithContext\(ctx, http\.MethodPost, url, body\), set its Content-Type and send it with http\.DefaultClient\.Do \(ctxprop/ctxless\)`
	_, _ = http.PostForm(c.base+"/d", form)                            // want `http\.PostForm cannot carry ctx .*application/x-www-form-urlencoded and send it with http\.DefaultClient\.Do \(ctxprop/ctxless\)`
	_, _ = c.http.Get(c.base + "/e")                                   // want `\(\*http\.Client\)\.Get cannot carry ctx \(parameter of Shortcuts\); build the request with http\.NewRequestWithContext\(ctx, http\.MethodGet, url, nil\) and send it with the client's Do \(ctxprop/ctxless\)`
	_, _ = c.http.Post(c.base+"/f", "text/plain", nil)                 // want `\(\*http\.Client\)\.Post cannot carry ctx .* send it with the client's Do \(ctxprop/ctxless\)`
}

// Startup has no context: shortcuts are fine here.
func (c *Client) Startup() error {
	resp, err := http.Get(c.base + "/healthz")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Dial opens a raw connection.
func Dial(ctx context.Context, addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want `net\.Dial cannot carry ctx \(parameter of Dial\); call \(&net\.Dialer\{\}\)\.DialContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
}

func DialOK(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr)
}

// DialWith uses a configured dialer.
func DialWith(ctx context.Context, d *net.Dialer, addr string) (net.Conn, error) {
	return d.Dial("tcp", addr) // want `\(\*net\.Dialer\)\.Dial cannot carry ctx \(parameter of DialWith\); call DialContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
}

// Resolve looks a host up.
func Resolve(ctx context.Context, host string) ([]string, error) {
	return net.LookupHost(host) // want `net\.LookupHost cannot carry ctx \(parameter of Resolve\); call net\.DefaultResolver\.LookupHost\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
}

func ResolveOK(ctx context.Context, host string) ([]string, error) {
	return net.DefaultResolver.LookupHost(ctx, host)
}

// Convert shells out.
func Convert(ctx context.Context, in, out string) error {
	return exec.Command("convert", in, out).Run() // want `exec\.Command cannot carry ctx \(parameter of Convert\); call exec\.CommandContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
}

func ConvertOK(ctx context.Context, in, out string) error {
	return exec.CommandContext(ctx, "convert", in, out).Run()
}

// ConvertManaged hands the command to a runner that watches the context.
func ConvertManaged(ctx context.Context, in, out string) error {
	cmd := exec.Command("convert", in, out)
	cmd.Dir = "/tmp"
	return runWithContext(ctx, cmd)
}

func runWithContext(ctx context.Context, cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		_ = cmd.Process.Kill()
	}()
	return cmd.Wait()
}

// NewRequest builds a request under ctx when the caller has one: callers
// of the SDK may pass a nil context, which cannot be used.
func (c *Client) NewRequest(ctx context.Context, method, path string) (*http.Request, error) {
	if ctx == nil {
		return http.NewRequest(method, c.base+path, nil)
	}
	return http.NewRequestWithContext(ctx, method, c.base+path, nil)
}

// NewRequestStrict refuses a nil context; past the check, ctx is usable.
func (c *Client) NewRequestStrict(ctx context.Context, method, path string) (*http.Request, error) {
	if ctx == nil {
		return nil, context.Canceled
	}
	req, err := http.NewRequest(method, c.base+path, nil) // want `http\.NewRequest cannot carry ctx \(parameter of NewRequestStrict\); call http\.NewRequestWithContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	return req, err
}

// Tool runs a command under ctx when there is one.
func Tool(ctx context.Context, name string, args ...string) *exec.Cmd {
	var cmd *exec.Cmd
	if ctx != nil {
		cmd = exec.CommandContext(ctx, name, args...)
	} else {
		cmd = exec.Command(name, args...)
	}
	return cmd
}

// RequestContext is how helpers shared with background jobs, which pass
// no request, get a context.
func RequestContext(r *http.Request) context.Context {
	if r == nil {
		return context.Background()
	}
	return r.Context()
}

// Probe checks a dependency under its own deadline, then retries once
// without it: the only context at hand is an empty root (cancelled by
// then), so there is no trace to lose and nothing to report.
func (c *Client) Probe(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	_, err := c.http.Do(req)
	cancel()
	if err == nil {
		return nil
	}
	resp, err := c.http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Sync runs from a scheduler and traces itself: once its root carries a
// span, a call that cannot take the context loses the trace.
func (c *Client) Sync(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ctx, span := otel.Tracer("sync").Start(ctx, "Sync")
	defer span.End()
	resp, err := c.http.Get(url) // want `\(\*http\.Client\)\.Get cannot carry ctx \(local variable of Sync\); build the request with http\.NewRequestWithContext\(ctx, http\.MethodGet, url, nil\) and send it with the client's Do \(ctxprop/ctxless\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type clientKey struct{}

// tokenTransport signs requests with a token it refreshes under the
// context it was built with.
type tokenTransport struct {
	ctx context.Context
	key string
}

func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return http.DefaultTransport.RoundTrip(req)
}

// newPartnerClient builds the long-lived client of a partner API: it keeps
// ctx for its whole life (the way oauth2's Config.Client does).
func newPartnerClient(ctx context.Context, key string) *http.Client {
	return &http.Client{Transport: &tokenTransport{ctx: ctx, key: key}}
}

// Partners caches one client per API key, built on first use inside a
// request: a request's context would be cancelled under the cached client,
// so a fresh root (here carrying the HTTP client, as with oauth2.HTTPClient)
// is right.
type Partners struct{ clients map[string]*http.Client }

func (p *Partners) For(r *http.Request, key string) *http.Client {
	if cl, ok := p.clients[key]; ok {
		return cl
	}
	ctx := context.WithValue(context.Background(), clientKey{}, http.DefaultClient)
	cl := newPartnerClient(ctx, key)
	p.clients[key] = cl
	return cl
}

// ForNow builds a throwaway client directly from a fresh root: also its
// lifetime context.
func (p *Partners) ForNow(r *http.Request, key string) *http.Client {
	return newPartnerClient(context.Background(), key)
}

// Lookup is no client constructor: its fresh root loses the request's trace.
func (p *Partners) Lookup(r *http.Request, key string) error {
	return p.lookup(context.Background(), key) // want `use r\.Context\(\) \(request of Lookup\) instead of context\.Background\(\) \(ctxprop/background\)`
}

func (p *Partners) lookup(ctx context.Context, key string) error { return ctx.Err() }

// Captured runs a job whose context a callback reports back. Before the
// callback runs, the captured variable is nil: the request is the context
// at hand.
func (p *Partners) Captured(r *http.Request, run func(func(context.Context))) error {
	var jobCtx context.Context
	if err := p.lookup(context.Background(), "warmup"); err != nil { // want `use r\.Context\(\) \(request of Captured\) instead of context\.Background\(\) \(ctxprop/background\)`
		return err
	}
	run(func(ctx context.Context) { jobCtx = ctx })
	return p.lookup(jobCtx, "after")
}

// Collect has no context at hand: got is nil until the callback runs.
func Collect(run func(func(context.Context))) (seed, got context.Context) {
	var reported context.Context
	seed = context.WithValue(context.Background(), clientKey{}, "seed")
	run(func(ctx context.Context) { reported = ctx })
	return seed, reported
}

// Rerun runs a job twice and reports the context of the last run; the
// callbacks' assignments say nothing of when last is set, and setting it
// to nil does not set it.
func (p *Partners) Rerun(r *http.Request, run func(func(context.Context))) error {
	var last context.Context
	run(func(ctx context.Context) { last = ctx })
	last = nil
	run(func(ctx context.Context) { last = ctx })
	if err := p.lookup(context.Background(), "between"); err != nil { // want `use r\.Context\(\) \(request of Rerun\) instead of context\.Background\(\) \(ctxprop/background\)`
		return err
	}
	return p.lookup(last, "after")
}
