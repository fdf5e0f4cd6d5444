// Package lint holds the machinery every otellint rule shares and that is not
// knowledge of an API: reporting with the rule's category and the
// //otellint:ignore directive, the -<rule>.checks flag, test-file detection,
// and control-flow graphs with otellint's own no-return oracle (a known list
// plus same-package bodies — never analyzer facts, see DESIGN.md).
package lint
