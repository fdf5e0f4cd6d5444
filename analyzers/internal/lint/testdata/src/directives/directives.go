// Package directives is read by TestEachDirective: which //otellint:ignore
// directives silence a finding of the test rule "demo" (calls to alpha and
// beta), as the standalone command's directive hygiene sees them. Each
// directive says in its reason what the test expects.
package directives

func alpha(...any) {}
func beta() any    { return nil }

func used() {
	alpha() //otellint:ignore demo used on its own line
	//otellint:ignore demo used on the line below
	beta()
	//otellint:ignore demo/alpha used by its check
	alpha()
}

func unused() {
	//otellint:ignore demo unused: two lines above the call

	alpha()
	//otellint:ignore demo/alpha unused: the call below is beta
	beta()
	//otellint:ignore spanend unused: another rule
	alpha()
}

func partly() {
	//otellint:ignore spanend,demo only demo is used
	alpha()
	//otellint:ignore all used through all
	beta()
}

func malformed() {
	//otellint:ignore
	alpha()
	//otellint:ignore demo
	beta()
	//otellint:ignored not a directive
	alpha()
}
