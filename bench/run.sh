#!/usr/bin/env bash
# Measures otellint against the load floor (see bench/README.md).
# Usage: bench/run.sh [driver flags], e.g. bench/run.sh -runs 5 -sets std
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bench/.bin
mkdir -p "$bin"
go build -o "$bin/otellint" ./cmd/otellint
go build -o "$bin/noop" ./bench/noop
go build -o "$bin/driver" ./bench/driver
go build -o "$bin/cost" ./bench/cost
# The bench module pins the OpenTelemetry modules we lint; fetch them once
# through the module proxy (a no-op when the cache is warm).
(cd bench/module && go mod download)
echo "# otellint benchmark — $(date -u +%Y-%m-%d), $(go version | cut -d' ' -f3-4), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
exec "$bin/driver" -otellint "$PWD/$bin/otellint" -noop "$PWD/$bin/noop" -cost "$PWD/$bin/cost" -dir bench/module "$@"
