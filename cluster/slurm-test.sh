#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, and a plan run through it (`make test-slurm`,
# docs/cluster.md "A one-node Slurm cluster for testing"). Needs root; Debian (apt-get).
#
#  1. installs Debian's slurm-wlm and munge when missing;
#  2. creates the munge key when missing and starts munged, writes /etc/slurm/slurm.conf for
#     this host (one node, one partition, no cgroups, no accounting, all traffic on 127.0.0.1),
#     starts slurmctld and slurmd, waits for the node to be idle;
#  3. runs the digits plan as a Slurm job array (submit.sh: the array, then the merge) and
#     checks that the merged report equals a one-process `backbones pareto` run's (timings aside);
#  4. deletes one job's folder, resubmits the whole array and the merge, checks that only that
#     job ran again and that the report is still the same; then (SLURM_TEST_CANCEL=1, the
#     default) cancels a running task of a slowed-down plan and checks that the merge names it;
#  5. stops what it started (daemons, jobs; the slurm.conf it replaced comes back) and prints
#     a summary.
#
# Environment:
#   BACKBONES_BIN     the binary (default: .build/release/backbones, built with
#                     `swift build -c release --static-swift-stdlib --product backbones` when
#                     missing or older than a source file)
#   SLURM_TEST_DIR    work folder (default: a new /tmp/backbones-slurm.XXXXXX, removed on success)
#   SLURM_TEST_KEEP=1 keep the work folder on success too
#   SLURM_TEST_TIMEOUT seconds to wait for a submission's jobs to end (default 900)
#   SLURM_TEST_CANCEL=0 skip the scancel check (step 4, second part)
#
# A controller that already answers (`scontrol ping`) is used as it is: no slurm.conf is
# written and no daemon is started or stopped (the node must then be able to run root's jobs).
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
TIMEOUT=${SLURM_TEST_TIMEOUT:-900}
CONF=/etc/slurm/slurm.conf
MARK="# Written by Backbones' cluster/slurm-test.sh: a one-node test cluster."
NODE=$(hostname -s)
# shellcheck disable=SC2054  # the commas are pareto's list separators
PARETO=(--activations data/digits/train.csv --layers 64,32,16 --weights data/digits/weights.csv --q 1,0.5)
# shellcheck disable=SC2054
SLOW=(--activations data/digits/train.csv --layers 64,32,16 --weights data/digits/weights.csv --q 1,0.5
      --method ilp --time-limit 2 --jobs 1)

SUMMARY=()
STARTED_PIDS=()      # daemons this script started (stopped at exit, last first)
STARTED_NAMES=()
MUNGED_STARTED=""
CONF_BACKUP=""
CONF_WRITTEN=""
SUBMITTED=()         # job ids this script submitted (cancelled at exit if still queued)
WORK=""
OK=""

say() { printf '[slurm-test %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
note() { SUMMARY+=("$*"); say "$*"; }
die() { say "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

cleanup() {
    local rc=$?
    set +e
    if [ ${#SUBMITTED[@]} -gt 0 ] && command -v scancel >/dev/null; then
        local left
        left=$(squeue -h -o %A -j "$(IFS=,; echo "${SUBMITTED[*]}")" 2>/dev/null | tr '\n' ' ')
        if [ -n "${left// /}" ]; then say "cancelling this run's jobs still queued: $left"; scancel "${SUBMITTED[@]}" 2>/dev/null; sleep 2; fi
    fi
    if [ "$rc" != 0 ] && [ -n "$WORK" ]; then
        say "--- diagnostics (exit $rc) ---"
        for f in /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log; do
            [ -f "$f" ] && { echo "== tail $f"; tail -n 15 "$f"; }
        done
        for f in "$WORK"/*/logs/*.log; do [ -f "$f" ] && { echo "== $f"; tail -n 5 "$f"; }; done
    fi
    local i
    for ((i = ${#STARTED_PIDS[@]} - 1; i >= 0; i--)); do
        local pid=${STARTED_PIDS[$i]} name=${STARTED_NAMES[$i]}
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && { say "$name ($pid) ignored SIGTERM: SIGKILL"; kill -KILL "$pid" 2>/dev/null; }
        wait "$pid" 2>/dev/null
        say "stopped $name (pid $pid)"
    done
    if [ -n "$MUNGED_STARTED" ]; then
        kill -TERM "$MUNGED_STARTED" 2>/dev/null
        for _ in $(seq 1 40); do kill -0 "$MUNGED_STARTED" 2>/dev/null || break; sleep 0.25; done
        say "stopped munged (pid $MUNGED_STARTED)"
    fi
    if [ -n "$CONF_BACKUP" ]; then
        mv -f "$CONF_BACKUP" "$CONF" && say "restored the earlier $CONF"
    elif [ -n "$CONF_WRITTEN" ]; then
        : # our own slurm.conf stays (marked); harmless without the daemons
    fi
    if [ -n "$WORK" ]; then
        if [ "$rc" = 0 ] && [ -n "$OK" ] && [ "${SLURM_TEST_KEEP:-0}" != 1 ] && [ -z "${SLURM_TEST_DIR:-}" ]; then
            rm -rf "$WORK"
        else
            say "work folder kept: $WORK"
        fi
    fi
    echo
    echo "=== slurm-test summary ==="
    local line
    for line in "${SUMMARY[@]}"; do echo "  $line"; done
    if [ "$rc" = 0 ] && [ -n "$OK" ]; then echo "  RESULT: PASS"; else echo "  RESULT: FAIL (exit $rc)"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "$(id -u)" = 0 ] || die "run as root: it installs packages, writes $CONF and starts daemons"

# --- 1. packages -------------------------------------------------------------------------------
missing=""
for p in slurm-wlm munge; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
    say "installing:$missing"
    apt-get update -q
    # shellcheck disable=SC2086  # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi
note "packages: slurm-wlm $(dpkg-query -W -f '${Version}' slurm-wlm), munge $(dpkg-query -W -f '${Version}' munge)"

# --- the binary --------------------------------------------------------------------------------
if [ -z "${BACKBONES_BIN:-}" ]; then
    BACKBONES_BIN=$REPO/.build/release/backbones
    if [ ! -x "$BACKBONES_BIN" ] || [ -n "$(find Sources Package.swift Package.resolved -newer "$BACKBONES_BIN" -print -quit)" ]; then
        say "building $BACKBONES_BIN"
        ${SWIFT:-swift} build -c release --static-swift-stdlib --product backbones
    fi
fi
BACKBONES_BIN=$(readlink -f "$BACKBONES_BIN")
[ -x "$BACKBONES_BIN" ] || die "no executable BACKBONES_BIN: $BACKBONES_BIN"
B=$BACKBONES_BIN
note "binary: $B"

WORK=${SLURM_TEST_DIR:-$(mktemp -d /tmp/backbones-slurm.XXXXXX)}
mkdir -p "$WORK"
WORK=$(readlink -f "$WORK")
rm -rf "$WORK/plan" "$WORK/reference" "$WORK/slow"

# --- 2. munge, slurm.conf, daemons -------------------------------------------------------------
if scontrol ping 2>/dev/null | grep -q UP; then
    note "a Slurm controller already answers: using it (no slurm.conf written, no daemon started)"
else
    if [ ! -s /etc/munge/munge.key ]; then
        mkdir -p /etc/munge
        mungekey --create --keyfile=/etc/munge/munge.key
        chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
        say "created /etc/munge/munge.key"
    fi
    if munge -n </dev/null >/dev/null 2>&1; then
        say "munged already runs"
    else
        mkdir -p /run/munge /var/log/munge /var/lib/munge
        chown munge:munge /run/munge /var/log/munge /var/lib/munge
        chmod 755 /run/munge
        runuser -u munge -- munged    # forks; its pid file says which process to stop
        for _ in $(seq 1 20); do munge -n </dev/null >/dev/null 2>&1 && break; sleep 0.25; done
        munge -n </dev/null | unmunge >/dev/null || die "munged does not answer (see /var/log/munge/munged.log)"
        MUNGED_STARTED=$(cat /run/munge/munged.pid)
        say "started munged (pid $MUNGED_STARTED)"
    fi

    mem=$(free -m | awk '/^Mem:/ { print int($2 * 0.95) }')
    conf=$(cat <<EOF
$MARK
# Every daemon on this host, talking over 127.0.0.1; jobs run as their user with no cgroups.
ClusterName=backbones-test
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
)
    mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
    if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
        CONF_BACKUP=$CONF.before-slurm-test
        cp -p "$CONF" "$CONF_BACKUP"
        say "kept the existing $CONF as $CONF_BACKUP (restored at the end)"
    fi
    printf '%s\n' "$conf" > "$CONF"
    CONF_WRITTEN=1
    say "wrote $CONF (node $NODE, $(nproc) CPUs, ${mem} MB)"

    # -D: in the foreground of a background job, so that $! is the daemon; -c: no state (jobs)
    # from an earlier run.
    slurmctld -D -c >"$WORK/slurmctld.out" 2>&1 &
    STARTED_PIDS+=($!); STARTED_NAMES+=(slurmctld)
    for _ in $(seq 1 60); do scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.5; done
    scontrol ping 2>/dev/null | grep -q UP || die "slurmctld does not answer after 30 s (see /var/log/slurm/slurmctld.log)"
    slurmd -D -c >"$WORK/slurmd.out" 2>&1 &
    STARTED_PIDS+=($!); STARTED_NAMES+=(slurmd)
    note "started slurmctld (pid ${STARTED_PIDS[0]}) and slurmd (pid ${STARTED_PIDS[1]})"
fi

t0=$(now)
state=""
for _ in $(seq 1 120); do
    state=$(sinfo -h -N -n "$NODE" -o %T 2>/dev/null | head -n 1)
    [ "$state" = idle ] && break
    # A node that was down/drained in an earlier run's state comes back with ReturnToService=2.
    case "$state" in down*|drain*) scontrol update nodename="$NODE" state=resume 2>/dev/null || true ;; esac
    sleep 0.5
done
[ "$state" = idle ] || die "node $NODE is '${state:-unknown}', not idle, after 60 s: see sinfo -R and /var/log/slurm/slurmd.log"
note "node $NODE idle after $(since "$t0") s: $(sinfo -h -o '%P %a %D %C' | head -n 1) (partition avail nodes CPUs A/I/O/T)"

# --- helpers -----------------------------------------------------------------------------------
# Waits until none of the given jobs is queued or running; dies after TIMEOUT seconds.
wait_jobs() {
    local ids=$1 what=$2 start left
    start=$(now)
    while :; do
        # Ended jobs leave squeue (and, after MinJobAge, slurmctld: "Invalid job id"); any
        # other error (the controller busy) is not an answer: ask again.
        if left=$(squeue -h -o '%i %T' -j "$ids" 2>"$WORK/squeue.err"); then
            [ -z "$left" ] && break
        elif grep -q "Invalid job id" "$WORK/squeue.err"; then
            break
        fi
        if awk -v a="$start" -v b="$(now)" -v t="$TIMEOUT" 'BEGIN { exit !(b - a > t) }'; then
            squeue -j "$ids" || true
            die "$what: jobs still queued or running after ${TIMEOUT} s"
        fi
        sleep 1
    done
}

# The state and exit code of each task/job (while slurmctld keeps them: MinJobAge, 300 s).
job_states() {
    scontrol -o show job "$1" 2>/dev/null \
        | sed -n 's/.*JobId=\([0-9]*\).*ArrayTaskId=\([0-9%,-]*\).*JobState=\([A-Z_]*\).*ExitCode=\([0-9:]*\).*RunTime=\([0-9:-]*\).*/\2:\3(\4,\5)/p;
                  s/.*JobId=\([0-9]*\) JobName=backbones-merge.*JobState=\([A-Z_]*\).*ExitCode=\([0-9:]*\).*RunTime=\([0-9:-]*\).*/merge:\2(\3,\4)/p' \
        | sort -n | tr '\n' ' '
}

# Compares a merged report with the reference (normalized: timings zeroed, keys sorted).
compare() {
    local merged=$1 label=$2
    [ -f "$merged" ] || die "$label: no merged report $merged"
    python3 Tests/Golden/normalize.py "$WORK/reference/report.json" > "$WORK/reference.norm.json"
    python3 Tests/Golden/normalize.py "$merged" > "$WORK/$label.norm.json"
    if cmp "$WORK/reference.norm.json" "$WORK/$label.norm.json"; then
        note "$label: normalized report equals the one-process report (cmp: identical, $(wc -c < "$WORK/$label.norm.json") bytes, sha256 $(sha256sum < "$WORK/$label.norm.json" | cut -c1-16))"
    else
        diff "$WORK/reference.norm.json" "$WORK/$label.norm.json" | head -n 40 || true
        die "$label: the merged report differs from the one-process report (above: diff reference merged)"
    fi
}

njobs() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["jobs"]))' "$1"; }

# --- 3. the digits plan through Slurm ----------------------------------------------------------
say "reference: one backbones pareto process"
t0=$(now)
"$B" pareto "${PARETO[@]}" --output "$WORK/reference" > "$WORK/reference.log" 2>&1 \
    || { tail -n 20 "$WORK/reference.log"; die "the one-process pareto run failed"; }
note "one-process pareto: $(since "$t0") s"

t0=$(now)
"$B" plan --engine slurm --workers 2 --output "$WORK/plan" -- "${PARETO[@]}" > "$WORK/plan.log" 2>&1 \
    || { cat "$WORK/plan.log"; die "backbones plan failed"; }
P=$WORK/plan
N=$(njobs "$P/plan.json")
note "plan: $N jobs in $(since "$t0") s ($(head -n 1 "$WORK/plan.log"))"
for f in array.sbatch merge.sbatch submit.sh; do [ -f "$P/$f" ] || die "plan wrote no $f"; done

t0=$(now)
out=$("$P/submit.sh") || die "submit.sh failed: $out"
say "$out"
ARRAY=$(sed -n 's/.*jobs \([0-9]*\), merge \([0-9]*\).*/\1/p' <<<"$out")
MERGE=$(sed -n 's/.*jobs \([0-9]*\), merge \([0-9]*\).*/\2/p' <<<"$out")
if [ -z "$ARRAY" ] || [ -z "$MERGE" ]; then die "cannot read the job ids from submit.sh's output: $out"; fi
SUBMITTED+=("$ARRAY" "$MERGE")
wait_jobs "$ARRAY" "the array"
t_array=$(since "$t0")
t1=$(now)
wait_jobs "$MERGE" "the merge"
t_merge=$(since "$t1")
note "run 1: array $ARRAY ($N tasks, %2) ended $t_array s after submit.sh; merge $MERGE ended $t_merge s later (wall clock, 1 s polling)"
note "run 1 tasks: $(job_states "$ARRAY")"
note "run 1 merge: $(job_states "$MERGE")"
for ((i = 0; i < N; i++)); do
    grep -q "^job $i (.*): done$" "$P/logs/job-$i.log" 2>/dev/null || { cat "$P/logs/job-$i.log" 2>/dev/null; die "run 1: job $i's log does not say done"; }
    [ -f "$P/jobs/$i/done" ] || die "run 1: no jobs/$i/done"
done
grep -q "^merged $N jobs: wrote" "$P/logs/merge.log" || { cat "$P/logs/merge.log"; die "run 1: the merge log does not say 'merged $N jobs'"; }
note "run 1 merge log: $(grep "^merged $N jobs" "$P/logs/merge.log")"
compare "$P/report.json" run1

# --- 4. one job lost: the merge names it; the whole array again runs only that one -------------
K=3
mkdir -p "$WORK/run1-logs" && cp "$P"/logs/*.log "$WORK/run1-logs/"
others() { (cd "$P" && find jobs -type f ! -path "jobs/$K/*" | sort | xargs sha256sum); }
others > "$WORK/others.before"
rm -rf "$P/jobs/$K" "$P/report.json"

m=$(sbatch --parsable "$P/merge.sbatch"); m=${m%%;*}; SUBMITTED+=("$m")
wait_jobs "$m" "the merge without job $K"
grep -q "never ran: $K;\?" "$P/logs/merge.log" || { cat "$P/logs/merge.log"; die "the merge without job $K does not say 'never ran: $K'"; }
[ ! -f "$P/report.json" ] || die "the merge without job $K wrote a report"
note "merge without jobs/$K: $(job_states "$m")— $(grep -o 'jobs missing.*' "$P/logs/merge.log" | cut -c1-100)…"

t0=$(now)
a=$(sbatch --parsable "$P/array.sbatch"); a=${a%%;*}; SUBMITTED+=("$a")
m=$(sbatch --parsable --dependency=afterany:"$a" "$P/merge.sbatch"); m=${m%%;*}; SUBMITTED+=("$m")
wait_jobs "$a" "the resubmitted array"
t_array=$(since "$t0")
t1=$(now)
wait_jobs "$m" "the merge after the resubmitted array"
t_merge=$(since "$t1")
note "run 2 (jobs/$K deleted, whole array resubmitted): array $a ended $t_array s after sbatch; merge $m $t_merge s later"
note "run 2 tasks: $(job_states "$a")"
for ((i = 0; i < N; i++)); do
    if [ "$i" = "$K" ]; then want=": done"; else want=": already done, skipped"; fi
    line=$(grep "^job $i (" "$P/logs/job-$i.log" || true)
    [[ "$line" == *"$want" ]] || { cat "$P/logs/job-$i.log"; die "run 2: job $i's log says '$line', expected '...$want'"; }
done
note "run 2 logs: job $K '$(grep "^job $K (" "$P/logs/job-$K.log")'; the $((N - 1)) others 'already done, skipped'"
others > "$WORK/others.after"
cmp -s "$WORK/others.before" "$WORK/others.after" || die "run 2 changed the files of jobs other than $K"
note "run 2: the other jobs' files unchanged ($(wc -l < "$WORK/others.after") files, sha256)"
grep -q "^merged $N jobs: wrote" "$P/logs/merge.log" || { cat "$P/logs/merge.log"; die "run 2: the merge log does not say 'merged $N jobs'"; }
compare "$P/report.json" run2

# --- 4b. a task cancelled while it runs: the merge names it as started but not finished --------
if [ "${SLURM_TEST_CANCEL:-1}" = 1 ]; then
    S=$WORK/slow
    "$B" plan --engine slurm --workers 2 --output "$S" -- "${SLOW[@]}" > "$WORK/slow-plan.log" 2>&1 \
        || { cat "$WORK/slow-plan.log"; die "backbones plan (slow) failed"; }
    out=$("$S/submit.sh") || die "submit.sh (slow) failed: $out"
    a=$(sed -n 's/.*jobs \([0-9]*\), merge \([0-9]*\).*/\1/p' <<<"$out")
    m=$(sed -n 's/.*jobs \([0-9]*\), merge \([0-9]*\).*/\2/p' <<<"$out")
    SUBMITTED+=("$a" "$m")
    # Job 0 is the hardest (the plan's order): cancel it once it has run a few seconds.
    t0=$(now); running=""
    while awk -v a="$t0" -v b="$(now)" 'BEGIN { exit !(b - a < 120) }'; do
        # %M: the time used, [days-][hours:]minutes:seconds
        running=$(squeue -h -t R -o %M -j "${a}_0" 2>/dev/null \
            | awk -F'[-:]' 'NF { s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; if (s >= 5) print s }' || true)
        [ -n "$running" ] && break
        sleep 0.5
    done
    [ -n "$running" ] || die "cancel check: task ${a}_0 was not running for 5 s within 120 s"
    scancel "${a}_0"
    say "cancelled task ${a}_0 after it ran ${running} s"
    # The other tasks go on: cancel them too so the check takes seconds, not minutes.
    sleep 1
    scancel "$a" 2>/dev/null || true
    wait_jobs "$a" "the cancelled array"
    wait_jobs "$m" "the merge after the cancelled array"
    note "cancel: tasks $(job_states "$a")"
    note "cancel: job 0 log: '$(grep -h '^job 0 (' "$S/logs/job-0.log" || tail -n 1 "$S/logs/job-0.log")'"
    [ ! -f "$S/jobs/0/done" ] || die "cancel check: job 0 finished before it was cancelled (jobs/0/done exists)"
    [ -d "$S/jobs/0" ] || die "cancel check: job 0 left no folder"
    missing=$(grep -o 'jobs missing.*' "$S/logs/merge.log" || true)
    [ -n "$missing" ] || { cat "$S/logs/merge.log"; die "cancel check: the merge does not list missing jobs"; }
    grep -Eq 'started but not finished \(time limit or failure\): 0([,-]|$| )' <<<"$missing" \
        || die "cancel check: the merge does not name job 0 as started but not finished: $missing"
    [ ! -f "$S/report.json" ] || die "cancel check: the merge wrote a report"
    note "cancel: merge $(job_states "$m")— $(cut -c1-160 <<<"$missing")…"
fi

OK=1
note "all checks passed"
