package orders

import (
	"context"
	"time"
)

// Expire runs a batch job with a lifetime of its own.
func Expire(ctx context.Context, s *Store) error {
	//otellint:ignore ctxprop the batch must finish even when the request is cancelled
	bctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return s.Save(bctx, "expired")
}

// Archive carries directives that are wrong in every way the command checks.
func Archive(ctx context.Context, s *Store) error {
	//otellint:ignore ctxprp misspelled, so the finding below is still reported
	actx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	//otellint:ignore ctxprop/backgrnd a check that does not exist
	_ = s.Save(actx, "a")
	//otellint:ignore ctxprop
	bctx, cancel2 := context.WithTimeout(context.Background(), time.Minute)
	defer cancel2()
	//otellint:ignore logmix nothing here is logged
	return s.Save(bctx, "b")
}
