#!/usr/bin/env bash
# Bootstrap: build build/_build.csproj only when its sources (or the src/ projects it uses) changed, then run it.
# An up-to-date repository pays for a checksum of the source files, never for an MSBuild invocation.
set -eo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$ROOT/build/bin/_build"
TEMP="$ROOT/.nuke/temp"
STAMP="$TEMP/build.stamp"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "build.sh: the .NET SDK is not on PATH. Install .NET 10 (see global.json) and run ./build.sh again." >&2
  exit 2
fi

sources_checksum() {
  (cd "$ROOT" && find build src Directory.Build.props Directory.Packages.props global.json \
      \( -name bin -o -name obj \) -prune -o -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '*.proto' \) \
      -print 2>/dev/null | LC_ALL=C sort | while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done | cksum)
}

mkdir -p "$TEMP"
# NOTE: two bootstraps at once must not both compile into the same folder; the second waits for the first.
exec 9>"$TEMP/bootstrap.lock"
command -v flock >/dev/null 2>&1 && flock 9
current="$(sources_checksum)"
if [[ ! -f "$OUT/_build.dll" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$current" ]]; then
  echo "build.sh: compiling build/_build.csproj (sources changed)" >&2
  if ! dotnet build "$ROOT/build/_build.csproj" -c Release -o "$OUT" --nologo -clp:ErrorsOnly -v:q \
        /nodeReuse:false /p:UseSharedCompilation=false >"$TEMP/bootstrap.log" 2>&1; then
    cat "$TEMP/bootstrap.log" >&2
    echo "build.sh: building build/_build.csproj failed (log: .nuke/temp/bootstrap.log)" >&2
    exit 2
  fi
  printf '%s' "$current" >"$STAMP"
fi
exec 9>&-

exec dotnet "$OUT/_build.dll" "$@" --root "$ROOT"
