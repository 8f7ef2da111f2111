#!/usr/bin/env bash
# Starts a throw-away Ceph cluster (one monitor, one memstore OSD, radosgw) on 127.0.0.1 for the S3 remote tests.
#
#   bash .ci/ceph.sh            start; prints KEY=VALUE lines (endpoint, keys, bucket prefix, the cluster's folder)
#   bash .ci/ceph.sh stop DIR   stops the daemons of the cluster in DIR and removes DIR
#
# Prints nothing (and the S3 tests are skipped with the reason) when the packages cannot be installed or the
# cluster does not come up; it then leaves nothing running and removes what it made.
set -u

. "$(dirname "${BASH_SOURCE[0]}")/pidfiles.sh"

if [[ "${1:-}" == stop ]]; then
  stop_pidfiles "${2:?usage: ceph.sh stop DIR}"
  exit 0
fi

if ! command -v radosgw >/dev/null 2>&1 || ! command -v ceph-osd >/dev/null 2>&1 || ! command -v ceph-mon >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ceph-mon ceph-osd radosgw ceph-common; } >/dev/null 2>&1 || exit 0
fi
command -v radosgw >/dev/null 2>&1 && command -v radosgw-admin >/dev/null 2>&1 || exit 0

# A port nobody listens on, from a random start so that parallel clusters on one machine don't collide.
free_port() {
  local port=$(( 20000 + RANDOM % 20000 ))
  for _ in $(seq 1 200); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    port=$(( port + 1 ))
  done
  return 1
}

ROOT="$(mktemp -d /tmp/pipeline-ceph.XXXXXX)"
# NOTE: from here on a failure stops what was started and removes the folder, so nothing is left behind.
# The reason goes to stderr (the CI log): the S3 tests then report skipped, and the log says why.
give_up() { echo "ci: Ceph radosgw did not start (line ${BASH_LINENO[0]}: ${BASH_COMMAND}); the S3 tests will report skipped" >&2; bash "${BASH_SOURCE[0]}" stop "$ROOT"; exit 0; }
trap give_up ERR

MON_PORT="$(free_port)" || give_up
RGW_PORT="$(free_port)" || give_up
while [[ "$RGW_PORT" == "$MON_PORT" ]]; do RGW_PORT="$(free_port)" || give_up; done
FSID="$(cat /proc/sys/kernel/random/uuid)"
CONF="$ROOT/ceph.conf"
mkdir -p "$ROOT/run" "$ROOT/log" "$ROOT/mon" "$ROOT/osd"
cat >"$CONF" <<EOF
[global]
fsid = $FSID
mon host = v1:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv4 = true
ms bind ipv6 = false
ms bind msgr2 = false
auth cluster required = none
auth service required = none
auth client required = none
auth allow insecure global id reclaim = true
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon allow pool delete = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
run dir = $ROOT/run
admin socket = $ROOT/run/\$name.asok
pid file = $ROOT/run/\$name.pid
log file = $ROOT/log/\$name.log
keyring = $ROOT/keyring
[mon]
mon data = $ROOT/mon/\$id
[osd]
osd data = $ROOT/osd/\$id
osd objectstore = memstore
memstore device bytes = 6442450944
osd max object size = 1073741824
[client.rgw.ci]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $ROOT/rgw
EOF
touch "$ROOT/keyring"
export CEPH_CONF="$CONF"

monmaptool --create --fsid "$FSID" --addv a "[v1:127.0.0.1:$MON_PORT]" "$ROOT/monmap" >/dev/null 2>&1
ceph-mon -c "$CONF" --mkfs -i a --monmap "$ROOT/monmap" >/dev/null 2>&1
ceph-mon -c "$CONF" -i a >/dev/null 2>&1
# A loaded machine can keep the new monitor from answering within one attempt.
for attempt in 1 2 3; do
  timeout 30 ceph -c "$CONF" --connect-timeout 20 osd create >/dev/null 2>&1 && break
  [[ $attempt == 3 ]] && give_up
  sleep 2
done
mkdir -p "$ROOT/osd/0"
ceph-osd -c "$CONF" -i 0 --mkfs >/dev/null 2>&1
# NOTE: the OSD's start failed once in a CI run on a loaded machine and succeeded when run again by hand.
for attempt in 1 2 3; do
  ceph-osd -c "$CONF" -i 0 >"$ROOT/osd-start.log" 2>&1 && break
  if [[ $attempt == 3 ]]; then echo "ci: ceph-osd said: $(tail -n 3 "$ROOT/osd-start.log" | tr '\n' ' ')" >&2; give_up; fi
  sleep 3
done

for _ in $(seq 1 60); do
  timeout 10 ceph -c "$CONF" osd stat 2>/dev/null | grep -q '1 up' && break
  sleep 1
done
timeout 10 ceph -c "$CONF" osd stat 2>/dev/null | grep -q '1 up' || give_up

mkdir -p "$ROOT/rgw"
radosgw -c "$CONF" -n client.rgw.ci >/dev/null 2>&1
ready=0
for _ in $(seq 1 90); do
  if curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/"; then ready=1; break; fi
  sleep 1
done
[[ $ready == 1 ]] || give_up

ACCESS_KEY="PIPELINECI$(tr -dc 'A-Z0-9' </dev/urandom | head -c 10)"
SECRET_KEY="$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 40)"
timeout 60 radosgw-admin -c "$CONF" user create --uid=pipeline-ci --display-name="pipeline CI" \
  --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null 2>&1
trap - ERR

echo "PIPELINE_TEST_S3_ENDPOINT=http://127.0.0.1:$RGW_PORT"
echo "PIPELINE_TEST_S3_ACCESS_KEY=$ACCESS_KEY"
echo "PIPELINE_TEST_S3_SECRET_KEY=$SECRET_KEY"
echo "PIPELINE_TEST_S3_ROOT=$ROOT"
