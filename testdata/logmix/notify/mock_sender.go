package notify

import (
	"context"
	"fmt"
	"log"
	"sync"
)

// MockSender records messages instead of sending them; the package's
// tests and the local demo use it.
type MockSender struct {
	mu   sync.Mutex
	Sent []string
	Fail bool
}

func (m *MockSender) Send(ctx context.Context, to, body string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Fail {
		log.Printf("mock sender: refusing message to %s", to)
		return fmt.Errorf("mock failure")
	}
	fmt.Printf("mock sender: to=%s body=%q\n", to, body)
	m.Sent = append(m.Sent, to+": "+body)
	return nil
}
