#!/usr/bin/env bash
# No-op cost: `./build.sh <Target>` with everything up to date versus `./build.sh --help`, in the same run,
# on a copy of the engine fixture whose inputs total SIZE_MB (default 1024 MiB).
# Usage: bench/noop.sh [SIZE_MB] [ROUNDS]
set -euo pipefail
SIZE_MB="${1:-1024}"
ROUNDS="${2:-10}"
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/noop-bench-XXXXXX)"
trap 'chmod -R u+w "$WORK"; rm -rf "$WORK"' EXIT

cp -r "$SRC/tests/fixtures/engine-repo/." "$WORK/"
mkdir -p "$WORK/src" && cp -r "$SRC/src/Pipeline.Engine" "$SRC/src/Pipeline.Formats" "$WORK/src/"
rm -rf "$WORK"/src/*/bin "$WORK"/src/*/obj
cp "$SRC"/{Directory.Build.props,Directory.Packages.props,.editorconfig,BannedSymbols.txt,BannedSymbols.Console.txt,global.json,build.sh} "$WORK/"
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom > "$WORK/input/side/big.txt"

cd "$WORK"
./build.sh --help >/dev/null            # compiles the build project once
./build.sh Side >/dev/null              # first run: hashes and caches the inputs
./build.sh Side >/dev/null              # warm

now() { date +%s%N; }
help_ns=(); noop_ns=()
for _ in $(seq "$ROUNDS"); do
  t0=$(now); ./build.sh --help >/dev/null; t1=$(now); help_ns+=($((t1 - t0)))
  t0=$(now); ./build.sh Side >/dev/null; t1=$(now); noop_ns+=($((t1 - t0)))
done
grep -q '"status": "skipped"' .nuke/temp/run.json || { echo "Side was not up to date: the benchmark is invalid" >&2; exit 1; }

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
h=$(median "${help_ns[@]}"); n=$(median "${noop_ns[@]}")
awk -v h="$h" -v n="$n" -v mb="$SIZE_MB" -v r="$ROUNDS" 'BEGIN {
  printf "inputs %d MiB, %d rounds: --help median %.1f ms, no-op median %.1f ms, ratio %.3f (target <= 1.3)\n", mb, r, h / 1e6, n / 1e6, n / h }'
