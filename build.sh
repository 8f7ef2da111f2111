#!/usr/bin/env bash
# Bootstrap: build build/_build.csproj only when its sources (or the src/ projects it uses) changed, then run it.
# An up-to-date repository pays for listing the source files (names, sizes, mtimes), never for an MSBuild call.
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

list_sources() {
  (cd "$ROOT" && find build src Directory.Build.props Directory.Packages.props global.json \
      \( -name bin -o -name obj \) -prune -o -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '*.proto' -o -name '*.css' \) \
      "$@" 2>/dev/null)
}
# NOTE: the fast check uses names, sizes and mtimes (GNU find); only when they differ are the contents compared,
# so a fresh copy or checkout with identical sources does not recompile.
metadata_stamp() { find --version >/dev/null 2>&1 && list_sources -printf '%p %s %T@\n' | LC_ALL=C sort | cksum || echo none; }
content_stamp() { list_sources -print0 | LC_ALL=C sort -z | (cd "$ROOT" && xargs -0 cksum) | cksum; }

runtime_id() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) return 1 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) return 1 ;; esac
  echo "$os-$arch"
}

compile() {
  local log="$TEMP/bootstrap.log" rid
  echo "build.sh: compiling build/_build.csproj (sources changed)" >&2
  rm -rf "$OUT"
  # NOTE: ReadyToRun (precompiled) code removes most JIT time from every later call; plain build is the fallback.
  if rid="$(runtime_id)" && dotnet publish "$ROOT/build/_build.csproj" -c Release -r "$rid" --self-contained false \
        -p:PublishReadyToRun=true -o "$OUT" --nologo -v:q /nodeReuse:false /p:UseSharedCompilation=false >"$log" 2>&1; then
    return 0
  fi
  if ! dotnet build "$ROOT/build/_build.csproj" -c Release -o "$OUT" --nologo -v:q \
        /nodeReuse:false /p:UseSharedCompilation=false >>"$log" 2>&1; then
    cat "$log" >&2
    echo "build.sh: building build/_build.csproj failed (log: .nuke/temp/bootstrap.log)" >&2
    exit 2
  fi
}

mkdir -p "$TEMP"
meta="$(metadata_stamp)"
if [[ ! -f "$OUT/_build.dll" || ! -f "$STAMP.meta" || "$(cat "$STAMP.meta")" != "$meta" ]]; then
  # NOTE: two bootstraps at once must not both compile into the same folder; the second waits, then re-checks.
  exec 9>"$TEMP/bootstrap.lock"
  command -v flock >/dev/null 2>&1 && flock 9
  content="$(content_stamp)"
  if [[ ! -f "$OUT/_build.dll" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$content" ]]; then
    compile
    printf '%s' "$content" >"$STAMP"
  fi
  printf '%s' "$meta" >"$STAMP.meta"
  exec 9>&-
fi

exec dotnet "$OUT/_build.dll" "$@" --root "$ROOT"
