// Package logrustesthook is a billing service logging with logrus through
// the standard formatters: no hook reads an entry's context in the
// program, so WithContext(ctx) would attach no trace and nothing is
// reported. Its tests capture entries with a hook; that hook runs only in
// the tests.
package logrustesthook

import (
	"context"
	"errors"

	"github.com/sirupsen/logrus"
)

var ErrDeclined = errors.New("card declined")

type Gateway interface {
	Charge(ctx context.Context, account string, cents int64) error
}

type Billing struct {
	gw Gateway
}

// Charge bills an account and logs the outcome.
func (b *Billing) Charge(ctx context.Context, account string, cents int64) error {
	if err := b.gw.Charge(ctx, account, cents); err != nil {
		logrus.WithError(err).WithField("account", account).Warn("charge failed")
		return err
	}
	logrus.WithField("account", account).Infof("charged %d cents", cents)
	return nil
}
