#!/usr/bin/env bash
# Cross-checks the REST figures with wrk: starts the bench's child host (--serve), runs wrk on /v2/health/live and on
# single-row predictions (32 connections, 2 threads), then closes the host's stdin so it stops cleanly and reports
# its prediction log counters. Usage: wrk/cross-check.sh [seconds=10] [work dir=/tmp/pipeline-serving-bench]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-10}"
dir="${2:-/tmp/pipeline-serving-bench}"
dll="$here/../bin/Release/net10.0/Pipeline.Serving.Bench.dll"
[[ -d "$dir/models/registry/fraud-detector" ]] || { echo "run the C# bench once first (it trains the reference model into $dir)" >&2; exit 2; }
fifo="$(mktemp -u)"; mkfifo "$fifo"; out="$(mktemp)"
dotnet "$dll" --serve --dir "$dir" <"$fifo" >"$out" 2>&1 &
host=$!
exec 3>"$fifo"
until grep -q '^READY ' "$out"; do kill -0 "$host" || { cat "$out"; exit 1; }; sleep 0.2; done
rest="$(awk '/^READY /{print $2}' "$out")"; rest="${rest%/}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c32 -d3s "$rest/v2/health/live" >/dev/null
echo "== GET /v2/health/live"; wrk -t2 -c32 -d"${seconds}s" --latency "$rest/v2/health/live" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors'
wrk -t2 -c32 -d3s -s "$here/predict.lua" "$rest" >/dev/null
echo "== POST :predict (1 row)"; wrk -t2 -c32 -d"${seconds}s" --latency -s "$here/predict.lua" "$rest" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors'
curl -s "$rest/metrics" | grep -E '^serving_prediction_log_(written|dropped|failed)_total'
exec 3>&-
wait "$host"
grep -o 'Prediction log stopped.*' "$out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$fifo" "$out"
