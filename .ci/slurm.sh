#!/usr/bin/env bash
# Starts a throw-away two-node Slurm cluster (one slurmctld, slurmd n1 and n2, all on 127.0.0.1) for the cluster tests.
#
#   bash .ci/slurm.sh            start; prints PIPELINE_TEST_SLURM_CONF=<slurm.conf> and PIPELINE_TEST_SLURM_ROOT=<folder>
#   bash .ci/slurm.sh stop DIR   stops the daemons of the cluster in DIR (and munged if this script started it), removes DIR
#
# Prints nothing (and the cluster tests are skipped with the reason) when the packages cannot be installed or the
# cluster does not come up; it then leaves nothing running and removes what it made.
set -u

. "$(dirname "${BASH_SOURCE[0]}")/pidfiles.sh"

if [[ "${1:-}" == stop ]]; then
  stop_pidfiles "${2:?usage: slurm.sh stop DIR}"
  exit 0
fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v sbatch >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge; } >/dev/null 2>&1 || exit 0
fi
command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 || exit 0

# A port nobody listens on, from a random start so that parallel clusters on one machine don't collide.
free_port() {
  local port=$(( 20000 + RANDOM % 20000 ))
  for _ in $(seq 1 200); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [[ " ${USED:-} " != *" $port "* ]]; then USED="${USED:-} $port"; echo "$port"; return 0; fi
    port=$(( port + 1 ))
  done
  return 1
}

ROOT="$(mktemp -d /tmp/pipeline-slurm.XXXXXX)"
# NOTE: from here on a failure stops what was started and removes the folder, so nothing is left behind.
give_up() { stop_pidfiles "$ROOT"; exit 0; }
trap give_up ERR
mkdir -p "$ROOT/run" "$ROOT/log" "$ROOT/state" "$ROOT/spool"

# munge: one key for every daemon and client on this host; munged is started only when none answers.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  if [[ ! -s /etc/munge/munge.key ]]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
  fi
  chown munge:munge /etc/munge/munge.key 2>/dev/null; chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge; chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null
  su munge -s /bin/sh -c "munged" >/dev/null 2>&1 || give_up
  # NOTE: munged writes its own pid file (it refuses one in a folder it does not own); the pid is copied under
  # run/*.pid so that stop ends the munged this script started, and only that one.
  for _ in $(seq 1 50); do [[ -s /run/munge/munged.pid ]] && break; sleep 0.1; done
  cp /run/munge/munged.pid "$ROOT/run/munged.pid"
  munge -n | unmunge >/dev/null 2>&1 || give_up
fi

CTLD_PORT="$(free_port)" || give_up
N1_PORT="$(free_port)" || give_up
N2_PORT="$(free_port)" || give_up
CONF="$ROOT/slurm.conf"
cat >"$CONF" <<CONF
ClusterName=pipeline
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerParameters=sched_interval=1,bf_interval=1
ReturnToService=2
# NOTE: a node whose slurmd stops answering is DOWN (its jobs NODE_FAIL or requeued) after 10 s, not the default 300 s.
SlurmdTimeout=10
MinJobAge=600
StateSaveLocation=$ROOT/state
SlurmdSpoolDir=$ROOT/spool/%n
SlurmctldPidFile=$ROOT/run/slurmctld.pid
SlurmdPidFile=$ROOT/run/slurmd-%n.pid
SlurmctldLogFile=$ROOT/log/slurmctld.log
SlurmdLogFile=$ROOT/log/slurmd-%n.log
# NOTE: 2 CPUs per node, so a Train job and its trial array tasks can share a node; LLN (least loaded node) spreads
# jobs over both nodes instead of filling n1 first, as independent targets and array tasks should be.
NodeName=n1 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$N1_PORT CPUs=2 State=UNKNOWN
NodeName=n2 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$N2_PORT CPUs=2 State=UNKNOWN
PartitionName=main Nodes=n1,n2 Default=YES MaxTime=INFINITE State=UP LLN=YES
CONF
mkdir -p "$ROOT/spool/n1" "$ROOT/spool/n2"
export SLURM_CONF="$CONF"
slurmctld -f "$CONF" >/dev/null 2>&1 || give_up
slurmd -f "$CONF" -N n1 >/dev/null 2>&1 || give_up
slurmd -f "$CONF" -N n2 >/dev/null 2>&1 || give_up

# Ready when both nodes are idle (about a second).
ready=0
for _ in $(seq 1 100); do
  if [[ "$(sinfo -h -N -o '%N %t' 2>/dev/null | grep -c ' idle')" == 2 ]]; then ready=1; break; fi
  sleep 0.2
done
[[ $ready == 1 ]] || give_up

echo "PIPELINE_TEST_SLURM_CONF=$CONF"
echo "PIPELINE_TEST_SLURM_ROOT=$ROOT"
