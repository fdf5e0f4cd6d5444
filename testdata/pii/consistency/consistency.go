// Package consistency picks the revision a read is served at. Clients send
// back the consistency token of an earlier write: an encoded revision the
// server handed out, not a credential.
package consistency

import (
	"context"
	"errors"

	"github.com/rs/zerolog/log"
)

// ConsistencyToken is an opaque revision returned with every write.
type ConsistencyToken struct {
	Token string
}

// Revision is a decoded token.
type Revision struct {
	Datastore string
	Value     uint64
}

var errWrongDatastore = errors.New("consistency token was issued by another datastore")

// Pick returns the revision to read at: the one requested, or the head
// when the token names another datastore.
func Pick(ctx context.Context, requested *ConsistencyToken, datastore string, head Revision) (Revision, error) {
	if requested == nil {
		return head, nil
	}
	rev, err := decode(requested.Token)
	if err != nil {
		log.Ctx(ctx).Warn().Str("consistency_token", requested.Token).Msg("token does not decode; reading at head")
		return head, nil
	}
	if rev.Datastore != datastore {
		log.Ctx(ctx).Warn().Str("token", requested.Token).Str("datastore", rev.Datastore).Msg("token names another datastore")
		return Revision{}, errWrongDatastore
	}
	return rev, nil
}

func decode(token string) (Revision, error) {
	if token == "" {
		return Revision{}, errors.New("empty token")
	}
	return Revision{Datastore: token[:1], Value: uint64(len(token))}, nil
}
