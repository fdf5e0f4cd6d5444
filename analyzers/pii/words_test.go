package pii

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/lint"
)

func TestConceptOf(t *testing.T) {
	v := newVocab(nil, nil, nil)
	for name, want := range map[string]string{
		// PII: the head of the name is a PII phrase.
		"email": "email", "userEmail": "email", "EmailAddress": "email", "emails": "email",
		"phone": "phone", "phoneNumber": "phone", "mobile_no": "phone",
		"password": "password", "newPassword": "password", "pwd": "password", "rawPassword": "password",
		"passwordStr": "password", "clientSecret": "secret", "accessToken": "token", "refresh_token": "token",
		"APIKey": "apikey", "X-Api-Key": "apikey", "credentials": "credentials", "DSN": "dsn",
		"connectionString": "dsn", "DATABASE_URL": "dsn", "Authorization": "authorization",
		"authHeader": "authorization", "Set-Cookie": "cookie", "cardNumber": "card", "PAN": "card",
		"cvv": "cvv", "CVC": "cvv", "SSN": "ssn", "nationalID": "nationalid", "passportNumber": "passport",
		"dateOfBirth": "dob", "ingestionKey": "secret", "IngestKey": "secret", "ingestToken": "token", "token": "token", "requestedToken": "token", "DOB": "dob", "birthDate": "dob",
		// Not PII: another head noun, a redaction word, an ignored phrase,
		// or an optional vocabulary that is off.
		"emailEnabled": "", "passwordPolicyVersion": "", "tokenCount": "", "phoneVerified": "",
		"phone_hash": "", "email_masked": "", "emailSHA256": "", "encryptedPassword": "", "unmaskedEmail": "email", "hashedPassword": "", "cardLast4": "", "tokenTTL": "",
		"nextPageToken": "", "pageToken": "", "nameTokens": "", "lexerToken": "", "pageTokens": "", "authTokens": "token", "secretName": "", "cookieName": "", "credentialsFile": "",
		"emailTemplate": "", "tokenType": "", "clientIP": "", "fullName": "", "street": "",
		"userID": "", "tenant.id": "", "span": "", "company": "", "passive": "",
	} {
		got := ""
		if c := v.conceptOf(name); c != nil {
			got = c.id
		}
		if got != want {
			t.Errorf("conceptOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestVocabConfig(t *testing.T) {
	v := newVocab([]string{"ip", "name"}, []string{"loyalty_number", "medical record"}, []string{"pwd", "session token"})
	for name, want := range map[string]string{
		"clientIP": "ip", "remoteAddr": "ip", "fullName": "name", "street": "",
		"loyaltyNumber": "custom", "medicalRecord": "custom", "pwd": "", "sessionToken": "", "password": "password",
	} {
		got := ""
		if c := v.conceptOf(name); c != nil {
			got = c.id
		}
		if got != want {
			t.Errorf("conceptOf(%q) = %q, want %q", name, got, want)
		}
	}
	if all := newVocab([]string{"all"}, nil, nil); all.conceptOf("shippingAddress") == nil {
		t.Errorf("-pii.optional=all does not enable the address vocabulary")
	}
}

func TestParseVerbs(t *testing.T) {
	for format, want := range map[string]string{
		"%s %d":       "sd",
		"100%% %v":    "v",
		"%+v %#v %T":  "vvT",
		"%*d %-8.*s":  "*d*s",
		"%[2]s %[1]s": "",
	} {
		verbs, ok := parseVerbs(format)
		if got := string(verbs); got != want || ok != (want != "") {
			t.Errorf("parseVerbs(%q) = %q, %v; want %q", format, got, ok, want)
		}
	}
}

func TestChecksFlag(t *testing.T) {
	if err := Analyzer.Flags.Lookup("checks").Value.Set("named-value,bogus"); err == nil {
		t.Errorf("-pii.checks accepted an unknown check")
	}
	if err := Analyzer.Flags.Lookup("optional").Value.Set("ip,phonebook"); err == nil {
		t.Errorf("-pii.optional accepted an unknown vocabulary")
	}
	if k, v := sensitiveTag(); k != "otellint" || v != "pii" {
		t.Errorf("default tag = %s:%s, want otellint:pii", k, v)
	}
}

// TestPartialTypeInfo runs the rule on an ill-typed package, with the
// partial type information golangci-lint hands over, and with none: it must
// neither panic nor report guesses about values it cannot type.
func TestPartialTypeInfo(t *testing.T) {
	const src = `package p

import "log/slog"

type User struct{ Email string }

func f(u User, l *slog.Logger) {
	l.Info("x", "email", undefinedEmail, "user", u.Missing)
	slog.Info("x", "password", broken())
	l.Info("x", "email", u.Email) // the one well-typed leak
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes: map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, info)

	for _, ti := range []*types.Info{info, nil} {
		var got []string
		pass := &analysis.Pass{
			Analyzer: Analyzer, Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: ti,
			ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New([]*ast.File{f}), lint.IgnoreAnalyzer: (*lint.Ignores)(nil)},
			Report:   func(d analysis.Diagnostic) { got = append(got, d.Category) },
		}
		if _, err := run(pass); err != nil {
			t.Fatal(err)
		}
		want := []string{"pii/named-value"}
		if ti == nil {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("with info=%v: findings %v, want %v", ti != nil, got, want)
		}
	}
}

func TestBareTokenNeedsEvidence(t *testing.T) {
	v := newVocab(nil, nil, nil)
	for name, want := range map[string]bool{
		"token": true, "Token": true, "requestedToken": true, "challengeTokens": true,
		"accessToken": false, "authTokens": false, "ingestToken": false, "X-Api-Token": false, "sessionToken": false,
	} {
		c := v.conceptOf(name)
		if c == nil || c.id != "token" {
			t.Errorf("conceptOf(%q) = %v, want a token", name, c)
			continue
		}
		if c.needsEvidence != want {
			t.Errorf("conceptOf(%q).needsEvidence = %v, want %v", name, c.needsEvidence, want)
		}
	}
}
