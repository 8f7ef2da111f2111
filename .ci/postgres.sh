#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on 127.0.0.1:55433 for the ingest connector tests and prints the
# connection string; prints nothing (and the PostgreSQL tests are skipped) when it cannot be installed or started.
# The caller stops it with: su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $PGROOT/data -m fast -w stop"
set -u
PGBIN=/usr/lib/postgresql/15/bin
if [[ ! -x $PGBIN/pg_ctl ]]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >/dev/null 2>&1 || exit 0
fi
[[ -x $PGBIN/pg_ctl ]] || exit 0
PGROOT="$(mktemp -d /tmp/pipeline-pg.XXXXXX)"
chown postgres:postgres "$PGROOT"
# NOTE: a failure after this point removes what was made (and stops the server), so nothing is left behind.
give_up() { su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $PGROOT/data -m fast -w stop" >/dev/null 2>&1; rm -rf "$PGROOT"; exit 0; }
su postgres -s /bin/bash -c "$PGBIN/initdb -D $PGROOT/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null 2>&1 || give_up
su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $PGROOT/data -l $PGROOT/server.log -o '-c listen_addresses=127.0.0.1 -p 55433 -k $PGROOT' -w start" >/dev/null 2>&1 || give_up
su postgres -s /bin/bash -c "$PGBIN/createdb -h 127.0.0.1 -p 55433 -U postgres pipeline_test" >/dev/null 2>&1 || give_up
echo "$PGROOT"
