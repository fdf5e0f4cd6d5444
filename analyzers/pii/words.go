package pii

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// concept is a kind of personal or secret data.
type concept struct {
	id   string
	desc string // "an email address", for messages
	// numeric concepts are identifiers that are PII whatever their integer
	// type (a CVV stored as an int is still a CVV).
	numeric bool
	// optional concepts are off unless -pii.optional names them.
	optional bool
	// identity concepts say who the user is or how to reach them (an
	// email address, a phone number, a name, a client IP): the semantic
	// conventions record them on spans (user.email, enduser.id,
	// client.address) and the observability guide sends a phone number to
	// span attributes rather than baggage, so they are reported in logs,
	// metrics, baggage and span names but not in span attributes, recorded
	// errors and status descriptions. Secrets, card data and government
	// identifiers are reported in every sink.
	identity bool
	// needsEvidence concepts are named by a word too common to trust
	// alone: a bare "token" is as often a page, consistency, challenge or
	// lexical token as a credential, so such a name is reported only with
	// evidence that the value authenticates (see tokens.go).
	needsEvidence bool
	phrases       []string // space-separated tokens; matched at the end of a name
}

var concepts = []*concept{
	{id: "email", desc: "an email address", identity: true, phrases: []string{
		"email", "e mail", "email address", "email addr", "mail address", "emailaddress"}},
	{id: "phone", desc: "a phone number", identity: true, numeric: true, phrases: []string{
		"phone", "phone number", "phone num", "phone no", "phone nr", "phonenumber",
		"mobile", "mobile number", "mobile phone", "mobile no", "telephone", "telephone number",
		"msisdn", "cellphone", "cell phone", "cell number"}},
	{id: "password", desc: "a password", phrases: []string{
		"password", "passwd", "pwd", "passphrase", "pass phrase", "pin code"}},
	{id: "secret", desc: secretDesc, phrases: []string{
		"secret", "client secret", "secret key", "private key", "signing key", "encryption key",
		"access key", "secret access key", "privatekey", "ingestion key", "ingest key", "license key"}},
	{id: "token", desc: "a token", phrases: []string{
		"access token", "refresh token", "id token", "bearer token", "bearer",
		"auth token", "session token", "api token", "jwt", "oauth token", "ingest token",
		"ingestion token", "personal access token", "service account token", "bot token",
		"reset token", "csrf token", "xsrf token"}},
	bareToken,
	{id: "apikey", desc: "an API key", phrases: []string{"api key", "apikey", "x api key"}},
	{id: "credentials", desc: "credentials", phrases: []string{"credential", "credentials", "creds"}},
	{id: "dsn", desc: "a connection string (it embeds credentials)", phrases: []string{
		"dsn", "connection string", "conn string", "conn str", "connstr", "connection str",
		"database url", "db url", "database uri", "db uri"}},
	{id: "authorization", desc: "an Authorization header", phrases: []string{
		"authorization", "auth header", "authorization header", "proxy authorization"}},
	{id: "cookie", desc: "a cookie", phrases: []string{"cookie", "cookies", "set cookie", "session cookie"}},
	{id: "card", desc: "a card number", numeric: true, phrases: []string{
		"card number", "cardnumber", "card num", "card no", "credit card", "credit card number",
		"pan", "card pan", "primary account number", "ccn", "cc number", "iban"}},
	{id: "cvv", desc: "a card security code", numeric: true, phrases: []string{
		"cvv", "cvc", "cvv2", "cvc2", "card cvv", "card cvc", "card security code", "card verification code"}},
	{id: "ssn", desc: "a social security number", numeric: true, phrases: []string{
		"ssn", "social security number", "social security no", "social security"}},
	{id: "nationalid", desc: "a national identity number", phrases: []string{
		"national id", "national identifier", "national id number", "national identity number",
		"nationalid", "national insurance number", "nino"}},
	{id: "passport", desc: "a passport number", phrases: []string{
		"passport", "passport number", "passport no", "passport id"}},
	{id: "dob", desc: "a date of birth", phrases: []string{
		"dob", "date of birth", "birth date", "birthdate", "birthday", "birth day"}},
	{id: "ip", desc: "an IP address", identity: true, optional: true, phrases: []string{
		"ip", "ip address", "ip addr", "ipaddr", "ipaddress", "client ip", "remote ip", "remote addr",
		"remote address", "ipv4", "ipv6", "x forwarded for", "x real ip"}},
	{id: "address", desc: "a postal address", identity: true, optional: true, phrases: []string{
		"street address", "street", "home address", "postal address", "billing address",
		"shipping address", "mailing address", "address line", "address line1", "address line2",
		"postcode", "postal code", "zip code", "zipcode"}},
	{id: "name", desc: "a person's name", identity: true, optional: true, phrases: []string{
		"full name", "fullname", "first name", "firstname", "last name", "lastname", "surname",
		"given name", "family name", "legal name", "middle name"}},
}

// secretDesc describes the secret concept in messages.
const secretDesc = "a secret"

// bareToken is the concept of a name whose head is the word "token" (or
// "tokens") alone, without a qualifier that says what the token opens.
var bareToken = &concept{id: "token", desc: "a token", needsEvidence: true, phrases: []string{"token"}}

// customConcept is the concept of words added with -pii.words.
var customConcept = &concept{id: "custom", desc: "personal data (configured with -pii.words)"}

// transparent are trailing words that describe a value's representation,
// not what it is: emailStr, rawPassword's "raw" is leading, tokenValue,
// authorizationHeader.
var transparent = map[string]bool{
	"str": true, "string": true, "val": true, "value": true, "raw": true, "plain": true,
	"plaintext": true, "clear": true, "cleartext": true, "text": true, "txt": true,
	"input": true, "param": true, "arg": true, "bytes": true, "header": true, "hdr": true,
	"field": true,
}

// redactedMarkers are words besides the redactor words that say a value
// is already a digest or ciphertext: emailSHA256, tokenDigest.
var redactedMarkers = map[string]bool{
	"sha1": true, "sha256": true, "sha512": true, "md5": true, "hmac": true, "digest": true,
	"fingerprint": true, "encrypted": true, "ciphertext": true, "hashed": true,
}

// notSensitive are phrases that end like a PII phrase but are not personal
// or secret data: pagination tokens, and lexical tokens — the pieces a
// name, a word or a source text is split into (nameTokens, lexerToken).
var notSensitive = [][]string{
	{"page", "token"}, {"next", "token"}, {"pagination", "token"}, {"continuation", "token"},
	{"cursor", "token"}, {"sync", "token"}, {"resume", "token"},
	{"name", "token"}, {"word", "token"}, {"lexer", "token"}, {"lexical", "token"},
	{"parser", "token"}, {"syntax", "token"},
}

// vocab is the vocabulary in force for one package: the built-in concepts,
// the optional ones enabled, extra words, words to ignore; and a cache of
// verdicts, so that each identifier is tokenised once.
type vocab struct {
	phrases []phrase // longest first
	ignore  [][]string
	words   map[string]bool // every token of every phrase, for plurals
	cache   map[string]*concept
}

type phrase struct {
	toks []string
	c    *concept
}

// vocabFor returns a vocabulary for one package: the phrases, words and
// ignored phrases for these settings are built once per process and shared
// (they are read-only); the cache of verdicts is the package's own.
func vocabFor(optional, extra, ignore []string) *vocab {
	key := strings.Join(optional, "\x01") + "\x00" + strings.Join(extra, "\x01") + "\x00" + strings.Join(ignore, "\x01")
	base, ok := vocabs.Load(key)
	if !ok {
		base, _ = vocabs.LoadOrStore(key, newVocab(optional, extra, ignore))
	}
	b := base.(*vocab)
	return &vocab{phrases: b.phrases, ignore: b.ignore, words: b.words, cache: map[string]*concept{}}
}

// vocabs holds the shared part of the vocabularies built by vocabFor, by
// their settings.
var vocabs sync.Map

func newVocab(optional, extra, ignore []string) *vocab {
	v := &vocab{words: map[string]bool{}, cache: map[string]*concept{}}
	on := map[string]bool{}
	for _, o := range optional {
		on[strings.ToLower(o)] = true
	}
	add := func(p string, c *concept) {
		toks := api.Words(p)
		if len(toks) == 0 {
			return
		}
		v.phrases = append(v.phrases, phrase{toks, c})
		for _, t := range toks {
			v.words[t] = true
		}
	}
	for _, c := range concepts {
		if c.optional && !on[c.id] && !on["all"] {
			continue
		}
		for _, p := range c.phrases {
			add(p, c)
		}
	}
	for _, w := range extra {
		add(w, customConcept)
	}
	// Longest phrase first, so that "credit card number" wins over "number".
	for i := 1; i < len(v.phrases); i++ {
		for j := i; j > 0 && len(v.phrases[j].toks) > len(v.phrases[j-1].toks); j-- {
			v.phrases[j], v.phrases[j-1] = v.phrases[j-1], v.phrases[j]
		}
	}
	v.ignore = append(v.ignore, notSensitive...)
	for _, w := range ignore {
		if toks := api.Words(w); len(toks) > 0 {
			v.ignore = append(v.ignore, toks)
		}
	}
	return v
}

// conceptOf returns the kind of personal or secret data a name denotes, or
// nil. A name denotes PII when its head — its last words, less words that
// only describe the representation (Str, Value, Raw) — is a PII phrase:
// userEmail, X-Api-Key, card_number and dateOfBirth do; emailEnabled,
// passwordPolicyVersion, tokenCount and phoneVerified do not (their heads
// are enabled, version, count, verified). A name that mentions redaction
// (phone_hash, maskedEmail, tokenSHA256... see api.ContainsRedactorWord) or
// an ignored word denotes no PII.
func (v *vocab) conceptOf(name string) *concept {
	if name == "" || name == "_" {
		return nil
	}
	if c, ok := v.cache[name]; ok {
		return c
	}
	c := v.judge(name)
	v.cache[name] = c
	return c
}

func (v *vocab) judge(name string) *concept {
	if api.ContainsRedactorWord(strings.ToLower(name)) {
		return nil
	}
	toks := api.Words(name)
	for _, t := range toks {
		if redactedMarkers[t] {
			return nil
		}
	}
	for _, ig := range v.ignore {
		if containsSeq(toks, ig) {
			return nil
		}
	}
	// Try the whole name, then without the trailing words that only
	// describe the representation: connectionString matches as such,
	// emailStr as email.
	for len(toks) > 0 {
		if c := v.match(toks); c != nil {
			return c
		}
		if len(toks) == 1 || !transparent[toks[len(toks)-1]] {
			return nil
		}
		toks = toks[:len(toks)-1]
	}
	return nil
}

// match returns the concept of the PII phrase toks ends with, reading a
// plural last word as its singular (emails, tokens, passports).
func (v *vocab) match(toks []string) *concept {
	for _, p := range v.phrases {
		if hasSuffix(toks, p.toks) {
			return p.c
		}
	}
	last := toks[len(toks)-1]
	if s := strings.TrimSuffix(last, "s"); s != last && len(s) > 2 && v.words[s] {
		singular := append(toks[:len(toks)-1:len(toks)-1], s)
		for _, p := range v.phrases {
			if hasSuffix(singular, p.toks) {
				return p.c
			}
		}
	}
	return nil
}

func hasSuffix(toks, suffix []string) bool {
	if len(suffix) > len(toks) {
		return false
	}
	off := len(toks) - len(suffix)
	for i, s := range suffix {
		if toks[off+i] != s {
			return false
		}
	}
	return true
}

// containsSeq reports whether toks contains the phrase seq, whose last
// word may be in the plural (nameTokens contains "name token").
func containsSeq(toks, seq []string) bool {
	n := len(seq)
	if n == 0 {
		return false
	}
	for i := 0; i+n <= len(toks); i++ {
		last := toks[i+n-1]
		if hasSuffix(toks[:i+n-1], seq[:n-1]) && (last == seq[n-1] || last == seq[n-1]+"s") {
			return true
		}
	}
	return false
}

// shorten returns s cut to about n bytes, for messages.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
