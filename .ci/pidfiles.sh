# Sourced by the .ci/ service scripts: stop_pidfiles DIR stops every daemon whose pid file is in DIR/run (TERM, up to
# 5 s for it to exit, then KILL), then removes DIR.
stop_pidfiles() {
  local root="$1" pidfile pid alive
  [[ -d "$root/run" ]] || { rm -rf "$root"; return 0; }
  for pidfile in "$root"/run/*.pid; do
    pid="$(cat "$pidfile" 2>/dev/null)"
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  done
  # NOTE: give the daemons a few seconds to exit before their folder (e.g. memstore data) goes away.
  for _ in $(seq 1 50); do
    alive=0
    for pidfile in "$root"/run/*.pid; do
      pid="$(cat "$pidfile" 2>/dev/null)"
      [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && alive=1
    done
    [[ $alive == 0 ]] && break
    sleep 0.1
  done
  for pidfile in "$root"/run/*.pid; do
    pid="$(cat "$pidfile" 2>/dev/null)"
    [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$root"
}
