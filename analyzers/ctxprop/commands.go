package ctxprop

import (
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/api"
)

// isUntracedCommand reports whether pkg is code of a command-line tool that
// never traces (api.IsUntracedTool): its contexts start in main, and no
// span or propagated trace is ever in one, so a fresh root there loses
// nothing.
func isUntracedCommand(pkg *types.Package) bool {
	return api.IsUntracedTool(pkg)
}
