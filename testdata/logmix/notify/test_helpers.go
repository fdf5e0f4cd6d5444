package notify

import (
	"fmt"
	"os"
)

// DumpSent prints what a MockSender recorded, for a failing test to show.
func DumpSent(m *MockSender) {
	for _, s := range m.Sent {
		fmt.Fprintln(os.Stderr, "sent:", s)
	}
}
