// Package pii is an otellint rule.
//
// # Analyzer pii
//
// pii: report personal and secret data put into logs, spans, metrics or baggage in the clear
//
// Telemetry is copied to many systems and kept for weeks: a phone number in
// a log line or a card number in a span attribute is a compliance incident.
// The observability guide asks for sensitive fields to be masked or hashed,
// for whole request and response bodies never to be logged, and for
// personal data to stay out of baggage, which is sent in a header to every
// downstream service.
//
// The rule follows values within each function — through assignments,
// conversions, fmt.Sprintf and fmt.Errorf, string concatenation,
// strings.Builder and bytes.Buffer writes, struct field reads and range
// loops — from a source of personal data to a telemetry sink. It also
// follows same-package calls both ways: a helper's result carries what its
// return statements carry (validate(req) returning fmt.Errorf("bad card
// %s", req.Card.Number)), and a helper that passes a parameter on to a sink
// — a logger wrapper's Info(msg, kv...), Infof(format, args...), a Tag(ctx,
// key, value) that sets a span attribute — is checked at its calls, where
// the personal data comes from; the message names the wrapper.
//
// Sinks: the message, printed operands and fields of every logging call the
// suite knows (log, log/slog, zap and its sugared logger, logrus, zerolog,
// otelzap; slog and sugared key/value pairs, logger.With, logrus.Fields,
// zerolog contexts; fmt.Print* is left out, being a command's output as
// often as a log); attributes (attribute.String and friends, named
// "span attribute" under span.SetAttributes or trace.WithAttributes and
// "metric attribute" under metric.WithAttributes); span names, event
// names, status descriptions and errors recorded on spans; Prometheus label
// values; baggage members and properties.
//
// What is a defect depends on the sink. Secrets (passwords, tokens, keys,
// credentials, connection strings, Authorization and Cookie headers), card
// data (numbers, CVVs), government identifiers (SSN, national id,
// passport), dates of birth, whole bodies and header maps, and tagged
// fields are reported in every sink. Identities — who the user is or how
// to reach them: email addresses, phone numbers, and the optional IP
// address, postal address and name vocabularies — are reported in logs,
// metric attributes and Prometheus labels (kept for months, aggregated,
// shown on dashboards), baggage (sent in a header to every downstream
// service; the guide sends a phone number to span attributes instead) and
// span and event names (back ends group and count spans by them), but not
// in span data: attributes set on a span or its events, attributes whose
// span or instrument the rule cannot see, recorded errors and status
// descriptions. There the semantic conventions put them (enduser.id,
// user.email, client.address): the span describes that user's request.
// A struct shown whole in span data is reported when it exposes more than
// identities (Credentials{Email, Password}), and the message names that
// field.
//
// Sources, each a check:
//
//   - named-value: a value whose name denotes personal or secret data. The
//     name is a local, parameter, struct field, map key (claims["email"]),
//     header, form or environment key (r.Header.Get("Authorization"),
//     r.FormValue("email"), os.Getenv("DB_PASSWORD")), or a function or
//     getter (req.GetEmail(), cfg.Password()). The vocabulary: phone and
//     mobile numbers, email addresses, passwords (passwd, pwd, passphrase),
//     secrets and private keys, tokens (access, refresh, bearer, JWT), API,
//     ingestion and license keys, credentials, DSNs and connection strings, Authorization and
//     Cookie headers (and http.Cookie values), card numbers (PAN), CVVs,
//     SSNs, national ids, passport numbers and dates of birth. Names are
//     split into words (camelCase, PascalCase, snake_case, kebab-case,
//     dots, acronyms: userEmail, X-Api-Key, userSSN) and judged by their
//     head, their last words: emailEnabled, passwordPolicyVersion,
//     tokenCount and phoneVerified are not personal data, nor are
//     pagination tokens (nextPageToken) and lexical tokens (nameTokens, or
//     any "tokens" cut from a string with strings.Split or Fields: what was
//     split decides), nor the name of a secret the package fetches: a
//     field, local or parameter it passes to a secret fetch — a function
//     whose name starts with get, load, fetch, read, lookup, find or
//     resolve and mentions a secret (GetSecret, loadSecretValue), or such a
//     method of a type named for secrets (client-go's SecretInterface.Get)
//     — followed back through string splits, dereferences and the
//     package's own functions (loadCA(ns, *spec.CASecret) calling
//     GetSecret(ns, secretName)): spec.Secret names the Kubernetes Secret
//     holding the credentials, and "secret %s/%s not found" says which one
//     is missing; so is the key of an entry read from the data of a value
//     of a type named for secrets (secret.Data[secretKey]). A local the
//     package fetches a secret by is its name whatever key it was read
//     under (secretName := params[authSecretParam]), unless its own name
//     or what it was assigned says it is another credential (a token
//     handed to the fetch to authenticate it), and a field it fetches one
//     by is not exposed when its struct is logged whole. What is read out
//     of the fetched secret is still a secret: an entry of a secret's data
//     (secret.Data[key]) is reported whatever the local holding it is
//     called.
//     A bare "token" (token, Token, requestedToken: no qualifier such as
//     access, refresh, auth, session, API or ingest) names a consistency
//     or page token, an ACME challenge token or a lexical token as often
//     as a credential, so it is reported only with evidence that it
//     authenticates: a field of a struct that keeps credentials (a
//     password, secret, key or qualified token beside it, or a name such
//     as Credentials, AuthConfig or Session), or hidden from encoders
//     (json:"-"); a local assigned from a source that is secret by itself
//     (an Authorization header); a value read under the key "token" from
//     the environment, a header or a map, where credentials are kept. A
//     bare token parameter, a log key "token" alone and type Token string
//     say too little.
//     A field is also read with its struct's name
//     (Card.Number is a card number). The value must be able to hold the
//     data: strings, byte slices, fmt.Stringers and named string types do;
//     booleans, floats, time.Time and time.Duration never; integers only
//     for identifiers that are numbers by nature (card number, CVV, SSN,
//     phone number: a CVV recorded with attribute.Int is still a CVV).
//     The same holds where a value reaches a sink: a number or boolean
//     computed from an e-mail address or a token — one byte or rune of it
//     (log.Printf("invalid byte %q", v[i])), a hash bucket — is not
//     personal data; one computed from a card number or CVV is.
//     Compile-time constants are never personal data.
//   - tagged-field: a struct field tagged sensitive, `otellint:"pii"`,
//     whatever its name and type (bar booleans).
//   - sensitive-key: an attribute, log or baggage key that names personal
//     data (attribute.String("user.email", v)) given a value the rule cannot
//     trace and that is not known to be redacted.
//   - struct-dump: a struct whose fields include a sensitive one (by name
//     or tag, or a whole http.Header or url.Values map), formatted or
//     logged whole: with a fmt verb other than %T and
//     %p (log.Printf("%+v", user), fmt.Sprintf, fmt.Errorf), as zap.Any,
//     zap.Reflect, slog.Any, a slog or sugared key/value, logrus WithField,
//     zerolog Interface, or through json.Marshal. The message names the
//     field. The rule knows what each sink shows: fmt prints every field and
//     nested pointers as addresses; encoding/json, zap and zerolog show
//     exported fields only, follow pointers and honour json:"-". A type
//     that renders itself is trusted: a String, Error or Format method for
//     fmt and logrus, LogValue for slog, MarshalLogObject for zap,
//     MarshalJSON for JSON encoders; the message suggests that method for
//     types of the package under analysis.
//   - body-dump: a whole request or response — httputil.DumpRequest,
//     DumpRequestOut and DumpResponse results, io.ReadAll(r.Body) (also
//     through io.LimitReader and http.MaxBytesReader), r.Form, r.PostForm,
//     r.MultipartForm, and the header maps r.Header and resp.Header —
//     logged or put on spans. Single headers and form values read by name
//     are judged by the name. The answer of a failed outgoing call is its
//     error message: a response body or dump read, or logged, in a branch
//     taken when the response status is not a success (if
//     resp.StatusCode/100 != 2) or an error is set (if err != nil after the
//     body failed to decode) is not reported. A request body is what a user
//     sent and is reported on every path. A dump in a debug or trace record
//     (Debug, Debugf, DebugContext, a zerolog Debug() event, a Log call at
//     a debug level constant), or in a function or method named for
//     debugging (debugDump, a DebugTransport's RoundTrip), also through a
//     same-package function that dumps its parameter so, is not reported
//     either: such records are off where production logs run, and whoever
//     switches them on wants the payload to diagnose. A named secret or
//     identity at debug level is still reported: dropping it costs the
//     diagnosis nothing.
//
// Redaction: a value that passes through a redaction helper is clean:
// functions whose name, receiver type or package name contains hash, mask,
// redact, anonymize (anonymise), obfuscate, truncate or last4, the
// crypto/sha256, sha512, sha1 and md5 sums, hash.Hash's Sum (sha256.New,
// hmac.New), url.URL's Redacted, and a function whose name removes a
// secret: a removal verb (strip, remove, drop, omit, hide, elide) followed
// by password, secret, token, credentials or userinfo (StripPassword,
// removeCredentials). Sanitize is not among the words:
// sanitizing (sanitizeCookieValue, sanitizeInput) drops invalid
// characters and keeps the secret; a same-package helper is followed into
// its body, so one that does mask is recognised whatever its name, and
// -pii.redactors adds words. A value logged whole whose type, declared in
// the package under analysis, renders itself through a method the sink
// calls (String for fmt, LogValue or String for slog, String or
// MarshalLogObject for zap, MarshalJSON for JSON encoders) is clean when
// that method's body returns nothing personal: type Secret string with
// String() returning "****", credentials whose String shows the user name
// only. A method that returns the value itself (return string(e)) does not
// mask; methods of other packages are not trusted (url.URL's String shows
// a DSN's password). Slicing a string (token[:8],
// pan[len(pan)-4:]) keeps a part and counts as truncation. A name that
// says the value is redacted (phone_hash, maskedEmail, emailSHA256) is not
// personal data, as a variable or as a key — but a raw value under such a
// key is still reported: zap.String("phone_hash", phone).
//
// Constants: a constant is no one's personal data, nor is an unexported
// field of a struct type of the package that every write in the package
// (composite literals and assignments) sets to a constant — the fixed
// accounts a seed command creates and reports (u.email of a slice of
// literals). A field whose address is given to a call (fmt.Sscan(line,
// &u.email)) may hold anything.
//
// Bad:
//
//	logger.Info("user login", zap.String("phone", req.Phone))
//	span.SetAttributes(attribute.Int("card.cvv", card.CVV))
//	member, _ := baggage.NewMember("user.email", u.Email)
//	counter.Add(ctx, 1, metric.WithAttributes(attribute.String("user", u.Email)))
//	body, _ := io.ReadAll(r.Body)
//	slog.Debug("request", "body", string(body))
//	log.Printf("signup: %+v", user) // User has an Email field
//
// Good:
//
//	logger.Info("user login", zap.String("phone_hash", hashPhone(req.Phone)))
//	span.SetAttributes(attribute.String("card.last4", last4(card.Number)))
//	member, _ := baggage.NewMember("tenant.id", u.TenantID)
//	span.SetAttributes(attribute.String("enduser.id", u.Email)) // span data
//	slog.Debug("request", "sku", order.SKU, "quantity", order.Quantity)
//	log.Printf("signup: user %s", user.ID)
//
// Flags:
//
//	-pii.checks     checks to run (default: all of named-value, tagged-field,
//	                sensitive-key, struct-dump, body-dump; "all,-struct-dump"
//	                switches one off)
//	-pii.words      extra words or phrases that denote personal data, comma
//	                separated, in any spelling: loyalty_number,medicalRecord
//	-pii.ignore     words or phrases whose presence in a name makes it not
//	                personal data: pwd (a working directory), session token
//	-pii.optional   optional vocabularies, off by default: ip (IP addresses,
//	                remote addresses), address (street and postal addresses),
//	                name (full, first and last names), or all
//	-pii.tag        the struct tag key marking sensitive fields (default
//	                otellint, value pii); key:value changes the value too, as
//	                in gdpr:personal
//	-pii.redactors  extra redaction helpers, added to the defaults: words their
//	                name contains (scrub), or full function names as go/types
//	                prints them ((*example.com/vault.Client).Seal)
//
// Findings are silenced with //otellint:ignore pii/<check> <reason> on the
// line or the line above. The rule offers no fixes: how to mask a value is
// a decision, not an edit.
//
// Limits: values are followed within one package, flow-insensitively but
// for assignments after a use, inside blocks that return (or call a
// function that never returns, such as log.Fatal or os.Exit) before it,
// overwritten on every path to it, or proven nil by a guard: after
//
//	resp, err := fetch(ctx)
//	if err != nil {
//		return err
//	}
//
// err is nil in the rest of the block until it is assigned again, whatever
// fetch put into its errors. Functions of other packages are known only
// from the tables above; interface method calls and function values are
// not followed; a time.Time date of birth is not reported.
//
// _test.go files and test-support packages (a package importing testing or
// a test framework under a path segment such as testutil, testenv,
// testing, e2e or integration) are not checked: a harness logs the
// throwaway credentials and fixtures of a test run. Neither are examples
// and demos (a path segment naming an example or a demo: examples/,
// shop-demo/): they record synthetic data on purpose, to show it.
package pii
