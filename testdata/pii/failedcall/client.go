// Package failedcall is a client of a rules API and of an identity
// service. When a call fails, the answer's body is the server's error
// message and reporting it is how the client explains the failure; the
// body of a successful answer is the data itself, and an incoming request's
// body is what a user sent, whatever branch logs it.
package failedcall

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"

	"github.com/sirupsen/logrus"
)

// Client calls the rules API.
type Client struct {
	http *http.Client
	base string
}

// Push uploads a rule group; a rejected upload is explained by the
// server's answer.
func (c *Client) Push(ctx context.Context, req *http.Request) error {
	resp, err := c.http.Do(req.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		body, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("push returned %d: %s", resp.StatusCode, body)
	}
	return nil
}

// Fetch retries until the server answers; each error answer is logged.
func (c *Client) Fetch(req *http.Request) ([]byte, error) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.http.Do(req)
		if err != nil {
			log.Println("fetch failed:", err)
			continue
		}
		if resp.StatusCode >= 400 {
			buf, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			log.Printf("server answered %d: %s", resp.StatusCode, buf)
			continue
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	return nil, fmt.Errorf("no answer after 3 attempts")
}

// RuleGroup fetches a rule group; an answer that does not decode is logged
// for the operator to see what the server sent.
func (c *Client) RuleGroup(ctx context.Context, name string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/rules/"+name, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var group map[string]any
	if err := json.Unmarshal(body, &group); err != nil {
		logrus.WithField("body", string(body)).Debug("rule group does not decode")
		return nil, err
	}
	return group, nil
}

// Profile fetches a user's profile from the identity service and logs the
// answer whole: that is the user's data, not an error message.
func (c *Client) Profile(ctx context.Context, userID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/users/"+userID, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		profile, _ := io.ReadAll(resp.Body)
		slog.InfoContext(ctx, "profile fetched", "profile", string(profile)) // want `^string\(profile\) \(built from io\.ReadAll\(resp\.Body\), the whole response body\) reaches slog field "profile"; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
	}
	return nil
}

// Import accepts a rule upload from a user; a body that does not decode is
// still the user's upload.
func Import(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "cannot read", http.StatusBadRequest)
		return
	}
	var group map[string]any
	if err := json.Unmarshal(body, &group); err != nil {
		slog.WarnContext(r.Context(), "upload does not decode", "body", string(body)) // want `^string\(body\) \(built from io\.ReadAll\(r\.Body\), the whole request body\) reaches slog field "body"; record only the fields you need, never whole bodies, forms or header maps \(pii/body-dump\)$`
		http.Error(w, "bad upload", http.StatusBadRequest)
	}
}
