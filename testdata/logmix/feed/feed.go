// Package feed streams events to clients over Connect. A streaming handler
// runs until its client goes away, waiting on the request's context in an
// endless loop like a component's Run does; but its context is the
// request's, with the request's span, and its logs should carry it.
package feed

import (
	"context"
	"log/slog"

	"connectrpc.com/connect"
)

// WatchRequest asks for one topic's events.
type WatchRequest struct{ Topic string }

// Event is one event of a topic.
type Event struct{ ID, Topic string }

// Server serves the feed.
type Server struct {
	logger *slog.Logger
	events chan Event
}

// Watch streams the topic's events until the client goes away.
func (s *Server) Watch(ctx context.Context, req *connect.Request[WatchRequest], stream *connect.ServerStream[Event]) error {
	for {
		select {
		case <-ctx.Done():
			s.logger.Debug("watcher left", "topic", req.Msg.Topic) // want `^s\.logger\.Debug drops the context although ctx \(parameter of Watch\) is in scope: use DebugContext\(ctx, \.\.\.\) so the handler can attach trace_id and span_id \(logmix/missing-context\)$`
			return nil
		case ev := <-s.events:
			if ev.Topic != req.Msg.Topic {
				continue
			}
			if err := stream.Send(&ev); err != nil {
				s.logger.Warn("send failed", "topic", ev.Topic, "err", err) // want `^s\.logger\.Warn drops the context although ctx \(parameter of Watch\) is in scope: use WarnContext\(ctx, \.\.\.\)`
				return err
			}
		}
	}
}

// Pump moves events from the source to the server until ctx ends; it runs
// for the server's lifetime.
func (s *Server) Pump(ctx context.Context, source <-chan Event) {
	for {
		select {
		case <-ctx.Done():
			s.logger.Info("pump stopped") // ok: the server's lifetime
			return
		case ev := <-source:
			s.events <- ev
		}
	}
}

// WatchServer is the generated server stream of the gRPC Feed service.
type WatchServer interface {
	Send(*Event) error
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

// WatchGRPC is the gRPC twin of Watch.
func (s *Server) WatchGRPC(req *WatchRequest, stream WatchServer) error {
	return s.relay(stream.Context(), req.Topic, stream)
}

// relay forwards a topic's events to a gRPC watcher until its stream ends.
func (s *Server) relay(ctx context.Context, topic string, stream WatchServer) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev := <-s.events:
			if ev.Topic != topic {
				continue
			}
			if err := stream.Send(&ev); err != nil {
				s.logger.Warn("relay failed", "topic", topic, "err", err) // want `^s\.logger\.Warn drops the context although ctx \(parameter of relay\) is in scope: use WarnContext\(ctx, \.\.\.\)`
				return err
			}
		}
	}
}

// Bus delivers the events of a topic to each subscriber.
type Bus interface {
	Subscribe(ctx context.Context, topic string) (<-chan Event, error)
}

// Follow streams a topic from the bus, one subscription per client.
func (s *Server) Follow(ctx context.Context, req *connect.Request[WatchRequest], stream *connect.ServerStream[Event], bus Bus) error {
	events, err := bus.Subscribe(ctx, req.Msg.Topic)
	if err != nil {
		return err
	}
	for ev := range events {
		if err := stream.Send(&ev); err != nil {
			s.logger.Warn("follow send failed", "topic", ev.Topic) // want `^s\.logger\.Warn drops the context although ctx \(parameter of Follow\) is in scope: use WarnContext\(ctx, \.\.\.\)`
			return err
		}
	}
	return nil
}
