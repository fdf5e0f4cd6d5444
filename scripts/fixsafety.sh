#!/usr/bin/env bash
# Fix safety on real modules: applies every suggested fix of otellint
# (`otellint -fix ./...`) to a temporary copy of each module, then checks
# that the fixed module still builds and vets, and runs the tests of the
# packages whose files the fixes changed. A module the fixes leave alone is
# reported as such (nothing to test). Exits non-zero when a fixed module no
# longer builds or its tests fail.
#
# Usage: scripts/fixsafety.sh [module-dir ...]
#
# Without arguments it checks OpenTelemetry contrib's otelconf module (the
# configuration loader whose "simple" processor branches an early -fix
# rewrote, breaking its tests) from $RW (default /work/rw, see
# eval/realworld/README.md) and the modules of the benchmark sets
# (bench/module: the OpenTelemetry SDK and contrib instrumentation), read
# from the module cache. Module directories given as arguments are used as
# they are (a copy is changed, never the original).
#
# Environment: OTELLINT picks the otellint binary (default: built from this
# checkout); KEEP=1 keeps the temporary copies.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rw=${RW:-/work/rw}
work=$(mktemp -d)
if [[ "${KEEP:-}" != 1 ]]; then
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi
export GOWORK=off GOFLAGS=-mod=mod

bin=${OTELLINT:-}
if [[ -z "$bin" ]]; then
	bin=$work/otellint
	(cd "$root" && go build -o "$bin" ./cmd/otellint) || exit 1
fi

modules=("$@")
if [[ ${#modules[@]} -eq 0 ]]; then
	[[ -d "$rw/opentelemetry-go-contrib/otelconf" ]] && modules+=("$rw/opentelemetry-go-contrib/otelconf")
	(cd "$root/bench/module" && go mod download) >/dev/null 2>&1
	for m in go.opentelemetry.io/otel/sdk go.opentelemetry.io/otel/sdk/metric \
		go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp \
		go.opentelemetry.io/contrib/instrumentation/runtime; do
		d=$(cd "$root/bench/module" && go list -m -f '{{.Dir}}' "$m" 2>/dev/null)
		[[ -n "$d" ]] && modules+=("$d")
	done
fi

failed=0
for mod in "${modules[@]}"; do
	name=$(basename "$mod")
	cp=$work/$(echo "$mod" | tr '/@' '__')
	cp -r "$mod" "$cp" && chmod -R u+w "$cp"
	# Relative replace directives (../propagators/autoprop in a repository
	# of modules) must still point at the original tree. In a module from
	# the module cache the siblings live in versioned folders the directive
	# cannot name: drop it, and the required version is used.
	(cd "$cp" && go mod edit -json | python3 -c '
import json, os, sys
mod = sys.argv[1]
for r in json.load(sys.stdin).get("Replace") or []:
    p = r["New"]["Path"]
    if p.startswith("./") or p.startswith("../"):
        old = r["Old"]["Path"] + ("@" + r["Old"]["Version"] if r["Old"].get("Version") else "")
        target = os.path.normpath(os.path.join(mod, p))
        if os.path.isfile(os.path.join(target, "go.mod")):
            print("-replace=%s=%s" % (old, target))
        else:
            print("-dropreplace=%s" % old)
' "$mod" | xargs -r go mod edit)
	echo "== $mod"
	(cd "$cp" && "$bin" -fix ./... >"$work/fix.out" 2>"$work/fix.err")
	code=$?
	if [[ $code -ne 0 && $code -ne 3 ]]; then
		echo "   otellint -fix: exit $code"; sed 's/^/   /' "$work/fix.err" | head -20
		failed=1
		continue
	fi
	changed=$(diff -rq "$mod" "$cp" | awk '/^Files /{print $4}' | sed "s#^$cp/##" | grep -v -E '^go\.(mod|sum)$')
	if [[ -z "$changed" ]]; then
		echo "   fixes applied: none (nothing to build or test); $(grep -c . "$work/fix.out") findings without a fix"
		continue
	fi
	echo "   fixes applied to:"; echo "$changed" | sed 's/^/     /'
	diff -ru "$mod" "$cp" | grep '^[-+][^-+]' | sed 's/^/     /' | head -40
	if ! (cd "$cp" && go build ./... && go vet ./...) >"$work/build.out" 2>&1; then
		echo "   FAIL: the fixed module does not build or vet"; sed 's/^/   /' "$work/build.out" | head -30
		failed=1
		continue
	fi
	pkgs=$(echo "$changed" | xargs -n1 dirname | sort -u | sed 's#^#./#')
	if (cd "$cp" && go test $pkgs) >"$work/test.out" 2>&1; then
		echo "   ok: builds, vets, and the tests of $(echo $pkgs) pass"
	else
		echo "   FAIL: tests of the fixed packages"; sed 's/^/   /' "$work/test.out" | tail -30
		failed=1
	fi
done
exit $failed
