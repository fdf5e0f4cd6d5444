// Package conn keeps a connection to a metrics agent open, redialling with
// the dial function it was built with whenever a write fails.
package conn

import (
	"net"
	"sync"
)

// Dialer opens a connection.
type Dialer func(network, address string) (net.Conn, error)

// Manager holds the current connection.
type Manager struct {
	mu      sync.Mutex
	dial    Dialer
	network string
	address string
	conn    net.Conn
}

// NewManager returns a manager that dials lazily.
func NewManager(dial Dialer, network, address string) *Manager {
	return &Manager{dial: dial, network: network, address: address}
}

// Write sends p, dialling first if needed.
func (m *Manager) Write(p []byte) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.conn == nil {
		c, err := m.dial(m.network, m.address)
		if err != nil {
			return 0, err
		}
		m.conn = c
	}
	n, err := m.conn.Write(p)
	if err != nil {
		m.conn.Close()
		m.conn = nil
	}
	return n, err
}
