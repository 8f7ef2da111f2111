#!/usr/bin/env bash
# Starts a throw-away redis-server on a spare 127.0.0.1 port for the stream ingest tests.
#
#   bash .ci/redis.sh            start; prints PIPELINE_TEST_REDIS=127.0.0.1:PORT and PIPELINE_TEST_REDIS_ROOT=DIR
#   bash .ci/redis.sh stop DIR   stops the server of DIR and removes DIR
#
# Installs redis-server from the Debian packages when it is missing. Prints nothing (and the Redis tests are skipped
# with the reason) when it cannot be installed or does not come up; it then leaves nothing running.
set -u

if [[ "${1:-}" == stop ]]; then
  root="${2:?usage: redis.sh stop DIR}"
  [[ -d "$root" ]] || exit 0
  pid="$(cat "$root/redis.pid" 2>/dev/null)"
  if [[ -n "$pid" ]]; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  fi
  rm -rf "$root"
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; } >/dev/null 2>&1 || exit 0
fi
command -v redis-server >/dev/null 2>&1 || exit 0

# A port nobody listens on, from a random start so that parallel servers on one machine don't collide.
port=$((20000 + RANDOM % 20000))
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

ROOT="$(mktemp -d /tmp/pipeline-redis.XXXXXX)"
if ! redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$ROOT" \
     --daemonize yes --pidfile "$ROOT/redis.pid" --logfile "$ROOT/redis.log" >/dev/null 2>&1; then
  rm -rf "$ROOT"; exit 0
fi
for _ in $(seq 1 50); do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [[ -s "$ROOT/redis.pid" ]]; then
    echo "PIPELINE_TEST_REDIS=127.0.0.1:$port"
    echo "PIPELINE_TEST_REDIS_ROOT=$ROOT"
    exit 0
  fi
  sleep 0.1
done
bash "${BASH_SOURCE[0]}" stop "$ROOT"
exit 0
