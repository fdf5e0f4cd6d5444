// Package pairs calls the legacy client; its pairs are configured with
// -ctxprop.pairs.
package pairs

import (
	"context"

	"otellint.test/ctxprop/pairs/legacy"
)

func Sync(ctx context.Context, c *legacy.Client, id string) error {
	v, err := c.Fetch(id) // want `\(\*legacy\.Client\)\.Fetch cannot carry ctx \(parameter of Sync\); call FetchCtx\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	if err != nil {
		return err
	}
	if err := c.Send(v); err != nil { // want `\(\*legacy\.Client\)\.Send cannot carry ctx \(parameter of Sync\); call SendWithContext with ctx instead \(ctxprop/ctxless\)`
		return err
	}
	return legacy.Publish("synced") // want `legacy\.Publish cannot carry ctx \(parameter of Sync\); call legacy\.PublishCtx\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
}

func SyncOK(ctx context.Context, c *legacy.Client, id string) error {
	v, err := c.FetchCtx(ctx, id)
	if err != nil {
		return err
	}
	if err := c.SendWithContext(ctx, v, legacy.Options{}); err != nil {
		return err
	}
	return legacy.PublishCtx(ctx, "synced")
}

// Boot has no context.
func Boot(c *legacy.Client) error {
	_, err := c.Fetch("boot")
	return err
}
