package httpdump

import (
	"log"
	"net/http"
	"net/http/httputil"
	"os"
)

// DebugTransport dumps every request and response of the single sign-on
// client. It is installed only when SSO_DEBUG=1, to troubleshoot a login
// with an identity provider: dumping is its purpose.
type DebugTransport struct {
	T http.RoundTripper
}

func (d DebugTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	reqDump, err := httputil.DumpRequestOut(req, true)
	if err != nil {
		return nil, err
	}
	log.Printf("%s", reqDump)
	resp, err := d.T.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	respDump, err := httputil.DumpResponse(resp, true)
	if err != nil {
		_ = resp.Body.Close()
		return nil, err
	}
	log.Printf("%s", respDump)
	return resp, nil
}

// SSOClient is the identity provider's client, dumping its traffic when
// asked to.
func SSOClient() *http.Client {
	if os.Getenv("SSO_DEBUG") == "1" {
		return &http.Client{Transport: DebugTransport{T: http.DefaultTransport}}
	}
	return http.DefaultClient
}
