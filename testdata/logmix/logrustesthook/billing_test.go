package logrustesthook

import (
	"context"
	"testing"

	"github.com/sirupsen/logrus"

	"otellint.test/logmix/logrustesthook/logcapture"
)

type declining struct{}

func (declining) Charge(ctx context.Context, account string, cents int64) error { return ErrDeclined }

// levelCounter counts entries per level.
type levelCounter map[logrus.Level]int

func (c levelCounter) Levels() []logrus.Level { return logrus.AllLevels }

func (c levelCounter) Fire(e *logrus.Entry) error { c[e.Level]++; return nil }

func TestChargeDeclined(t *testing.T) {
	hook := logcapture.Install()
	counts := levelCounter{}
	logrus.AddHook(counts)
	b := &Billing{gw: declining{}}
	if err := b.Charge(context.Background(), "acct-1", 500); err != ErrDeclined {
		t.Fatalf("err = %v", err)
	}
	if len(hook.Entries) != 1 || counts[logrus.WarnLevel] != 1 {
		t.Fatalf("entries = %d, warnings = %d", len(hook.Entries), counts[logrus.WarnLevel])
	}
}
