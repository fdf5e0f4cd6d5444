package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress keeps one updating status line on a terminal while a run is slow
// to show anything: "loading packages..." then "analyzing 87/138
// packages". It writes nothing unless enabled, which only a terminal on
// stderr outside CI makes it, and nothing before delay has passed.
type progress struct {
	w       io.Writer
	enabled bool
	delay   time.Duration

	mu      sync.Mutex
	start   time.Time
	phase   string // "loading", "analyzing"
	count   int
	total   int
	shown   bool   // a line is on the screen
	last    string // the line on the screen
	stop    chan struct{}
	stopped chan struct{}
}

// newProgress returns the progress line of a run on stderr.
func newProgress(w *os.File) *progress {
	return &progress{w: w, enabled: isInteractive(w), delay: 2 * time.Second}
}

// isInteractive reports whether f is a terminal and the run is not in CI:
// CI logs and pipes must not collect carriage returns.
func isInteractive(f *os.File) bool {
	if os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// startLoading begins the first phase and the ticker that redraws the line.
func (p *progress) startLoading() {
	if p == nil || !p.enabled {
		return
	}
	p.mu.Lock()
	p.start, p.phase = time.Now(), "loading"
	p.stop, p.stopped = make(chan struct{}), make(chan struct{})
	p.mu.Unlock()
	go func() {
		defer close(p.stopped)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
}

func (p *progress) startAnalysis(total int) {
	if p == nil || !p.enabled {
		return
	}
	p.mu.Lock()
	p.phase, p.total, p.count = "analyzing", total, 0
	p.mu.Unlock()
}

func (p *progress) packageDone() {
	if p == nil || !p.enabled {
		return
	}
	p.mu.Lock()
	p.count++
	p.mu.Unlock()
}

// line is the text of the status line, or "" before the delay.
func (p *progress) line(now time.Time) string {
	if p.phase == "" || now.Sub(p.start) < p.delay {
		return ""
	}
	if p.phase == "loading" {
		return "loading packages..."
	}
	return fmt.Sprintf("analyzing %d/%d packages", min(p.count, p.total), p.total)
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s := p.line(time.Now()); s != "" && s != p.last {
		fmt.Fprintf(p.w, "\r\033[K%s", s)
		p.shown, p.last = true, s
	}
}

// done stops the ticker and erases the line, before any output.
func (p *progress) done() {
	if p == nil || !p.enabled || p.stop == nil {
		return
	}
	close(p.stop)
	<-p.stopped
	p.stop = nil
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown, p.last = false, ""
	}
}
