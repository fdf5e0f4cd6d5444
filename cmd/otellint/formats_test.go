package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/otellint/otellint/internal/checkdoc"
)

// validateSARIF validates a SARIF log against the SARIF 2.1.0 JSON schema
// vendored in testdata, with format assertions on.
func validateSARIF(t validator, doc []byte) {
	t.Helper()
	schemaFile, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("the vendored schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("-format=sarif output is not JSON: %v\n%s", err, doc)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("-format=sarif output is not valid SARIF 2.1.0: %v", err)
	}
}

// TestSARIFSchemaCatchesErrors: the validation used below rejects a log
// that breaks the schema, so a pass means something.
func TestSARIFSchemaCatchesErrors(t *testing.T) {
	ft := &fakeT{T: t}
	validateSARIF(ft, []byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"message": {"text": "x"}, "level": "loud"}]}]}`))
	if !ft.failed {
		t.Error("a log without driver.name and with level \"loud\" passed the schema")
	}
}

// fakeT records a Fatalf instead of stopping the test.
type fakeT struct {
	*testing.T
	failed bool
}

func (f *fakeT) Fatalf(format string, args ...any) { f.failed = true }
func (f *fakeT) Fatal(args ...any)                 { f.failed = true }
func (f *fakeT) Helper()                           {}

// validator is the part of testing.T validateSARIF needs.
type validator interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

var _ validator = (*fakeT)(nil)

// TestFormatJSON: the x/tools JSON shape (package → analyzer → diagnostics)
// with absolute positions, fixes, and each diagnostic's documentation link.
func TestFormatJSON(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	code, stdout, stderr := run(t, bin, dir, "-format=json", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, stderr)
	}
	var tree map[string]map[string][]struct {
		Category       string `json:"category"`
		Posn           string `json:"posn"`
		End            string `json:"end"`
		Message        string `json:"message"`
		URL            string `json:"url"`
		SuggestedFixes []struct {
			Message string
			Edits   []struct {
				Filename   string
				Start, End int
				New        string
			}
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("not the x/tools JSON shape: %v\n%s", err, stdout)
	}
	var got []string
	for pkg, byAnalyzer := range tree {
		for name, diags := range byAnalyzer {
			for _, d := range diags {
				posn := d.Posn
				if !filepath.IsAbs(posn) {
					t.Errorf("posn %q is not absolute (the x/tools shape)", posn)
				}
				rel, _ := filepath.Rel(dir, posn[:strings.Index(posn, ".go:")+3])
				line := strings.Split(posn[strings.Index(posn, ".go:")+4:], ":")[0]
				got = append(got, filepath.ToSlash(rel)+":"+line+" "+d.Category)
				rule, check, _ := strings.Cut(d.Category, "/")
				if name != rule || d.URL != checkdoc.URL(analyzerNamed(rule), rule, check) {
					t.Errorf("%s: under analyzer %q with url %q", d.Category, name, d.URL)
				}
				if d.Category == "ctxprop/ctxless" && (len(d.SuggestedFixes) != 1 || len(d.SuggestedFixes[0].Edits) == 0 || d.SuggestedFixes[0].Edits[0].New == "") {
					t.Errorf("%s in %s: want its suggested fix, got %+v", d.Category, pkg, d.SuggestedFixes)
				}
			}
		}
	}
	sortStrings(got)
	want := append([]string(nil), fixtureFindings...)
	sortStrings(want)
	if !equalLists(got, want) {
		t.Errorf("JSON findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasPrefix(stderr, "8 findings: ") {
		t.Errorf("stderr = %q, want the summary", stderr)
	}
}

// TestFormatSARIF: valid SARIF 2.1.0 with one rule per check of the rules
// that ran, described from the docs, results with regions, fixes and
// fingerprints.
func TestFormatSARIF(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	code, stdout, _ := run(t, bin, dir, "-format=sarif", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3", code)
	}
	validateSARIF(t, []byte(stdout))

	type region struct{ StartLine, StartColumn, EndLine, EndColumn int }
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI, URIBaseID string }
			Region           region
		}
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID, Name         string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						HelpURI          string
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				Message             struct{ Text string }
				Locations           []location
				PartialFingerprints map[string]string
				Fixes               []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   struct{ ByteOffset, ByteLength *int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0]
	if r.Tool.Driver.Name != "otellint" || r.Tool.Driver.Version != "(devel)" {
		t.Errorf("driver = %q %q", r.Tool.Driver.Name, r.Tool.Driver.Version)
	}
	rules := map[string]int{}
	for i, rule := range r.Tool.Driver.Rules {
		rules[rule.ID] = i
		ruleName, check, _ := strings.Cut(rule.ID, "/")
		if rule.ShortDescription.Text == "" || len(rule.FullDescription.Text) < len(rule.ShortDescription.Text) ||
			rule.HelpURI != checkdoc.URL(analyzerNamed(ruleName), ruleName, check) || rule.Name == "" || strings.Contains(rule.Name, "/") {
			t.Errorf("rule %+v: want a name, short and full description and the check's link", rule)
		}
	}
	for _, a := range analyzersRun() {
		for _, c := range checkdoc.Checks(a) {
			if _, ok := rules[a.Name+"/"+c]; !ok {
				t.Errorf("no reportingDescriptor for %s/%s", a.Name, c)
			}
		}
	}
	if d := r.Tool.Driver.Rules[rules["spanend/not-ended"]]; !strings.HasPrefix(d.ShortDescription.Text, "a span held in a local variable is not ended") {
		t.Errorf("spanend/not-ended short description = %q, want the doc's", d.ShortDescription.Text)
	}
	if base := r.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("%%SRCROOT%% = %q, want the working directory's file URI", base)
	}
	var got []string
	fixes := 0
	for _, res := range r.Results {
		if rules[res.RuleID] != res.RuleIndex || res.Level != "warning" || res.PartialFingerprints["otellint/v1"] == "" {
			t.Errorf("result %s: ruleIndex %d (rule at %d), level %q, fingerprints %v", res.RuleID, res.RuleIndex, rules[res.RuleID], res.Level, res.PartialFingerprints)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || loc.Region.StartLine == 0 || loc.Region.StartColumn == 0 {
			t.Errorf("result %s: location %+v", res.RuleID, loc)
		}
		got = append(got, fmt.Sprintf("%s:%d %s", loc.ArtifactLocation.URI, loc.Region.StartLine, res.RuleID))
		for _, fx := range res.Fixes {
			for _, ch := range fx.ArtifactChanges {
				for _, rep := range ch.Replacements {
					if rep.DeletedRegion.ByteOffset == nil || rep.DeletedRegion.ByteLength == nil {
						t.Errorf("result %s: a fix without a byte region", res.RuleID)
					}
					fixes++
				}
			}
		}
	}
	sortStrings(got)
	want := append([]string(nil), fixtureFindings...)
	sortStrings(want)
	if !equalLists(got, want) {
		t.Errorf("SARIF results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fixes == 0 {
		t.Error("no result carries a fix, though ctxprop/ctxless suggests one")
	}
}

// TestFormatGitHub: one workflow command per finding, with the file
// relative to $GITHUB_WORKSPACE when set.
func TestFormatGitHub(t *testing.T) {
	bin := cli(t)
	dir := fixture(t)
	cmdRE := regexp.MustCompile(`^::warning file=([^,:]+),line=(\d+),col=(\d+)(?:,endLine=\d+)?(?:,endColumn=\d+)?,title=otellint ([a-z]+/[a-z-]+)::(.+)$`)
	check := func(stdout, prefix string) {
		t.Helper()
		var got []string
		for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
			m := cmdRE.FindStringSubmatch(l)
			if m == nil {
				t.Errorf("not a GitHub workflow command: %q", l)
				continue
			}
			if !strings.HasPrefix(m[1], prefix) {
				t.Errorf("file=%s, want it under %q", m[1], prefix)
			}
			n, _ := strconv.Atoi(m[2])
			got = append(got, fmt.Sprintf("%s:%d %s", strings.TrimPrefix(m[1], prefix), n, m[4]))
			// The message is escaped (one line) and ends with the link.
			rule, c, _ := strings.Cut(m[4], "/")
			if !strings.HasSuffix(m[5], "%0A"+checkdoc.URL(analyzerNamed(rule), rule, c)) {
				t.Errorf("message %q does not end with the check's link", m[5])
			}
		}
		if want := fixtureFindings; !equalLists(got, want) {
			t.Errorf("annotations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	code, stdout, _ := run(t, bin, dir, "-format=github", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3", code)
	}
	check(stdout, "")

	// In Actions, the module may be a subdirectory of the workspace.
	cmd := command(bin, dir, "-format=github", "./...")
	cmd.Env = append(cmd.Env, "GITHUB_WORKSPACE="+filepath.Dir(dir))
	out, _ := cmd.Output()
	check(string(out), filepath.Base(dir)+"/")
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
