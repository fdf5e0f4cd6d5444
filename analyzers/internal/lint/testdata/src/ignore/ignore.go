// Package ignore exercises the //otellint:ignore directive with the test
// rule "demo" of ignore_test.go, which reports calls to alpha and beta under
// the checks demo/alpha and demo/beta.
package ignore

func alpha(...any) {}
func beta() any    { return nil }

func reported() {
	alpha() // want `^call to alpha \(demo/alpha\)$`
	beta()  // want `^call to beta \(demo/beta\)$`
}

func sameLine() {
	alpha() //otellint:ignore demo the span is ended by the caller
	beta()  //otellint:ignore demo reason
}

func lineAbove() {
	//otellint:ignore demo the span is ended by the caller
	alpha()
}

func onlyTheNextLine() {
	//otellint:ignore demo covers the next line only
	alpha()
	alpha() // want `call to alpha`
	beta()  // want `call to beta`
}

func twoLinesAboveDoesNotCount() {
	//otellint:ignore demo too far away

	alpha() // want `call to alpha`
}

func silencesEveryFindingOnTheLine() {
	//otellint:ignore demo both calls below
	alpha(beta())
}

func ruleList() {
	alpha() //otellint:ignore spanend,demo listed second
	//otellint:ignore demo,pii listed first
	beta()
}

func allRules() {
	alpha() //otellint:ignore all generated code
	//otellint:ignore all generated code
	beta()
}

func ruleAndCheck() {
	//otellint:ignore demo/alpha only the alpha check
	alpha()
	//otellint:ignore demo/alpha only the alpha check
	beta() // want `call to beta \(demo/beta\)`
	//otellint:ignore demo/alpha,demo/beta both checks
	alpha(beta())
}

func otherRuleDoesNotSilence() {
	//otellint:ignore spanend another rule
	alpha() // want `call to alpha`
	//otellint:ignore spanend/alpha another rule's check of the same name
	alpha() // want `call to alpha`
	//otellint:ignore demos a rule whose name starts with demo
	alpha() // want `call to alpha`
	//otellint:ignore dem a prefix of the rule's name
	alpha() // want `call to alpha`
}

func malformedDirectives() {
	//otellint:ignored demo not the directive
	alpha() // want `call to alpha`
	//otellint:ignoredemo not the directive
	alpha() // want `call to alpha`
	// otellint:ignore demo a space after the slashes is a plain comment
	alpha() // want `call to alpha`
	//otellint:ignore
	alpha() // want `call to alpha`
	//nolint:otellint is golangci-lint's directive, not the CLI's
	alpha() // want `call to alpha`
}

func tabSeparated() {
	//otellint:ignore	demo	tab-separated
	alpha()
}
