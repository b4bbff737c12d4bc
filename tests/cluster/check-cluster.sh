#!/bin/sh
# make check-cluster: a one-node Slurm on loopback in a temporary directory,
# a sharded batch through contrib/slurm/abridge-slurm, and the merged
# reports compared byte for byte with single-machine ones.
#
#   tests/cluster/check-cluster.sh ABRIDGE SRCDIR
#
# Needs root (slurmd runs jobs as their user) and the Debian packages
# slurmctld, slurmd and slurm-client. AuthType=auth/none and
# CredType=cred/none: acceptable for a cluster that listens on 127.0.0.1
# only and lives for the length of this test, never elsewhere. Each daemon
# runs in the foreground under timeout, and is killed by its PID on exit.
set -u
abridge=$1
srcdir=$2
fail () { echo "check-cluster: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (slurmd starts jobs as their user)"
for tool in slurmctld slurmd sbatch squeue sinfo; do
  command -v $tool >/dev/null || fail "$tool not found (Debian: apt-get install slurmctld slurmd slurm-client)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/abridge-cluster.XXXXXX") || fail "mktemp"
pids=
cleanup () {
  for pid in $pids; do kill "$pid" 2>/dev/null; done
  sleep 1
  for pid in $pids; do kill -9 "$pid" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# Ports nobody else here uses, derived from our PID so that two runs differ.
base=$((20000 + ($$ % 20000)))
mkdir -p "$tmp/state" "$tmp/spool"
cat >"$tmp/slurm.conf" <<EOF
ClusterName=abridge-check
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$base
SlurmdPort=$((base + 1))
AuthType=auth/none
CredType=cred/none
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=check Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"

timeout 600 slurmctld -D -i -f "$SLURM_CONF" >"$tmp/slurmctld.out" 2>&1 &
pids="$pids $!"
timeout 600 slurmd -D -f "$SLURM_CONF" -N localhost >"$tmp/slurmd.out" 2>&1 &
pids="$pids $!"

# Up when the node is idle (or mixed/allocated) in sinfo.
up=0
for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o %t 2>/dev/null | head -n 1)
  case $state in idle*|mix*|alloc*) up=1; break ;; esac
  sleep 1
done
if [ "$up" = 0 ]; then
  tail -n 20 "$tmp/slurmctld.log" "$tmp/slurmd.log" "$tmp/slurmctld.out" "$tmp/slurmd.out" >&2 2>/dev/null
  fail "the node did not come up (state '${state:-none}')"
fi
echo "check-cluster: one-node Slurm up on 127.0.0.1:$base"

# A corpus of the project's own articles: a JSONL file with a bad line and
# a directory of text files, so shards mix both kinds and a failure.
corpus=$tmp/corpus
mkdir -p "$corpus/texts"
cp "$srcdir"/tests/browser/example-articles.jsonl "$corpus/"
cp "$srcdir"/data/samples/*.txt "$srcdir"/tests/fixtures/articles/*.txt "$corpus/texts/" 2>/dev/null
n_texts=$(ls "$corpus/texts" | wc -l)
[ "$n_texts" -ge 2 ] || fail "too few fixture articles ($n_texts)"

status=0
check () { # NAME SHARDS ABRIDGE-BATCH-OPTIONS...
  name=$1 k=$2
  shift 2
  "$abridge" batch --quiet "$@" -o "$tmp/single-$name" "$corpus/example-articles.jsonl" "$corpus/texts" 2>/dev/null
  single=$?
  (cd "$tmp" && ABRIDGE=$abridge timeout 300 "$srcdir/contrib/slurm/abridge-slurm" --shards "$k" --poll 1 \
      "$@" -o "$tmp/merged-$name" "$corpus/example-articles.jsonl" "$corpus/texts" \
      >"$tmp/slurm-$name.out" 2>&1)
  merged=$?
  if [ "$merged" != "$single" ]; then
    cat "$tmp/slurm-$name.out" >&2
    echo "check-cluster: FAIL: $name: exit status $merged, single machine $single" >&2
    status=1
  elif ! cmp -s "$tmp/single-$name" "$tmp/merged-$name"; then
    diff "$tmp/single-$name" "$tmp/merged-$name" | head -n 20 >&2
    echo "check-cluster: FAIL: $name: merged report differs from the single-machine one" >&2
    status=1
  else
    echo "check-cluster: ok: $name: $k shards through Slurm = single machine ($(wc -c <"$tmp/single-$name") bytes, exit $single)"
  fi
}
check markdown 3 --report markdown -k 3
check html 2 --report html --group-by source
check json 4 --report json -p lead+quotes --sort title
check quotes 3 --report jsonl -p quotes

[ "$status" = 0 ] && echo "check-cluster: all ok"
exit $status
