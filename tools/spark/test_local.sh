#!/usr/bin/env bash
# End-to-end test of the Spark job in local[2] mode.
#
# Builds 4 WARC shards from TestPages with warcio (tools/make-warc-fixtures; one per-record gzip,
# one whole-file gzip, one uncompressed, one per-record gzip WARC/1.1 with gzip/chunked bodies),
# runs tools/spark/newsclean_spark.py over them with spark-submit --master local[2], runs the CLI
# serially over the same shards, and checks that both give the same JSONL records (as a
# multiset), one per page, every page URL once. Then the same with --mode stdin --per-shard.
# Then the three ways a shard was once lost silently: a fetch command that dies mid-transfer,
# a missing shard (both must fail the task, be retried and fail the job), and stdin mode with
# relative shard paths (must clean every record).
#
#   tools/spark/test_local.sh              # real CLI: $NEWSCLEAN_BIN, else swift build -c release
#   tools/spark/test_local.sh --fake-cli   # tools/spark/fake_newsclean.py: tests the scaffolding only
#
# Needs Java 17 (java on PATH or JAVA_HOME) and PyPI for pyspark (into .venv-spark, gitignored).
# Prints "N passed, M failed" at the end; exits 1 on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/.venv-spark"
SHARDS=4
FAKE=0
[ "${1:-}" = "--fake-cli" ] && FAKE=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsclean-spark-test.XXXXXX")"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
passed=0
failed=0
check() {   # check NAME COMMAND...
    local name="$1"; shift
    if "$@"; then echo "ok: $name"; passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}

# 1. pyspark in its own virtualenv (about 500 MB; about a minute to install here).
if [ ! -x "$VENV/bin/spark-submit" ]; then
    echo "installing pyspark into $VENV"
    start=$(date +%s)
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pyspark
    echo "pyspark installed in $(( $(date +%s) - start )) s"
fi
command -v java >/dev/null || [ -n "${JAVA_HOME:-}" ] || { echo "Java is needed for Spark"; exit 1; }

# 2. The binary.
if [ "$FAKE" = 1 ]; then
    "$ROOT/tools/make-warc-fixtures" --help >/dev/null   # creates .venv-tools with warcio
    BIN="$WORK/fake-newsclean"
    printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$ROOT/.venv-tools/bin/python" "$ROOT/tools/spark/fake_newsclean.py" > "$BIN"
    chmod +x "$BIN"
else
    BIN="${NEWSCLEAN_BIN:-}"
    if [ -z "$BIN" ]; then
        (cd "$ROOT" && swift build -c release --product newsclean >/dev/null)
        BIN="$ROOT/.build/release/newsclean"
    fi
    if ! "$BIN" --help 2>&1 | grep -q -- '--warc'; then
        echo "the newsclean CLI does not read WARC yet (no --warc in --help): cannot test the Spark job with it"
        echo "0 passed, 1 failed"
        exit 1
    fi
fi

# 3. Four shards made by warcio, in every layout.
FIX="$WORK/fixtures"
"$ROOT/tools/make-warc-fixtures" --out "$FIX/a" --name shard --shards "$SHARDS" >/dev/null
"$ROOT/tools/make-warc-fixtures" --out "$FIX/b" --name shard11 --shards "$SHARDS" --warc-version 1.1 --mixed --cc-like >/dev/null
LIST="$WORK/shards.txt"
{
    echo "$FIX/a/shard-00.warc.gz"
    echo "$FIX/a/shard-01.whole.warc.gz"
    echo "$FIX/a/shard-02.warc"
    echo "$FIX/b/shard11-03.warc.gz"
} > "$LIST"

# 4. Serial CLI run, the reference.
SERIAL="$WORK/serial.jsonl"
: > "$SERIAL"
while read -r shard; do
    "$BIN" -f jsonl "$shard" >> "$SERIAL"
done < "$LIST"

# 5. Spark, local[2]: loopback only, no UI.
export PYSPARK_PYTHON="$VENV/bin/python"
export PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
export SPARK_LOCAL_IP=127.0.0.1
SPARK_CONF=(--conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1
            --conf spark.driver.bindAddress=127.0.0.1)
start=$(date +%s)
"$VENV/bin/spark-submit" --master 'local[2]' "${SPARK_CONF[@]}" "$ROOT/tools/spark/newsclean_spark.py" \
    --input "$LIST" --output "$WORK/out-file" --binary "$BIN" --summary "$WORK/summary.jsonl" 2> "$WORK/spark.log" \
    || { tail -40 "$WORK/spark.log"; exit 1; }
echo "spark job (file mode) took $(( $(date +%s) - start )) s"
start=$(date +%s)
"$VENV/bin/spark-submit" --master 'local[2]' "${SPARK_CONF[@]}" "$ROOT/tools/spark/newsclean_spark.py" \
    --input "$LIST" --output "$WORK/out-stdin" --binary "$BIN" --mode stdin --per-shard 2>> "$WORK/spark.log" \
    || { tail -40 "$WORK/spark.log"; exit 1; }
echo "spark job (stdin, per-shard) took $(( $(date +%s) - start )) s"

# 6. Compare.
compare() {   # compare OUTPUT_GLOB
    "$VENV/bin/python" - "$SERIAL" "$FIX" "$@" <<'EOF'
import collections, glob, json, sys
serial_path, fixtures, pattern = sys.argv[1], sys.argv[2], sys.argv[3]
def load(paths):
    out = collections.Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    out[json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False)] += 1
    return out
serial = load([serial_path])
spark_files = sorted(p for p in glob.glob(pattern) if not p.endswith(".crc"))
spark = load(spark_files)
urls = collections.Counter(json.loads(line)["url"] for line in serial.elements())
expected = set()
for name in ("a", "b"):
    manifest = json.load(open(f"{fixtures}/{name}/manifest.json"))
    for index, shard in enumerate(manifest["shards"]):
        if (name == "a" and index < 3) or (name == "b" and index == 3):
            expected |= {p["url"] for p in shard["uncompressed"]["pages"]}
problems = []
if spark != serial:
    problems.append(f"spark and serial differ: {sum((spark - serial).values())} only in spark, "
                    f"{sum((serial - spark).values())} only in serial")
if set(urls) != expected:
    problems.append(f"URLs: {len(expected - set(urls))} pages missing, {len(set(urls) - expected)} unexpected")
if any(count != 1 for count in urls.values()):
    problems.append("some URL came out more than once")
print(f"{pattern}: {len(spark_files)} part files, {sum(spark.values())} records from spark, "
      f"{sum(serial.values())} serial, {len(expected)} pages expected")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
EOF
}
check "spark file mode == serial CLI" compare "$WORK/out-file/part-*"
check "spark stdin per-shard mode == serial CLI" compare "$WORK/out-stdin/*.jsonl"
check "one summary per shard" test "$(wc -l < "$WORK/summary.jsonl")" -eq "$SHARDS"

# 7. The three ways a shard used to be lost with the job exiting 0. These jobs run with
# local[2,2]: each task gets two attempts, so a retry is visible (local[N] never retries).
attempts() { grep -c -F -- "$2" "$1" 2>/dev/null || true; }   # attempts FILE TEXT: lines containing TEXT

# 7a. A fetch that dies mid-transfer, at a record boundary (the CLI alone cannot tell: what it
# got is a clean, shorter WARC), must fail the task, be retried, and fail the job.
CUT_SHARD="$FIX/a/shard-02.warc"
CUT_BYTES=$("$VENV/bin/python" - "$CUT_SHARD" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
starts = [m.start() + 4 for m in re.finditer(rb"\r\n\r\nWARC/1\.", data)]
print(starts[len(starts) // 2])   # the start of a record in the middle: a record boundary
EOF
)
FETCH="$WORK/fetch-cut"
printf '#!/bin/sh\necho "$1" >> "%s"\nhead -c %s "$1"\nexit 1\n' "$WORK/fetch-tries" "$CUT_BYTES" > "$FETCH"
chmod +x "$FETCH"
echo "$CUT_SHARD" > "$WORK/cut.txt"
cut_alone=0
"$BIN" -q --warc -f jsonl - < <("$FETCH" "$CUT_SHARD" 2>/dev/null) > /dev/null || cut_alone=$?
: > "$WORK/fetch-tries"
start=$(date +%s)
cut_status=0
"$VENV/bin/spark-submit" --master 'local[2,2]' "${SPARK_CONF[@]}" "$ROOT/tools/spark/newsclean_spark.py" \
    --input "$WORK/cut.txt" --output "$WORK/out-cut" --binary "$BIN" --mode stdin \
    --fetch-cmd "$FETCH {path}" 2>> "$WORK/spark.log" > /dev/null || cut_status=$?
echo "spark job (fetch cut mid-transfer) took $(( $(date +%s) - start )) s, exit $cut_status"
check "a cut transfer looks clean to the CLI alone (exit 0)" test "$cut_alone" -eq 0
check "a failed fetch fails the job" test "$cut_status" -ne 0
check "a failed fetch is retried (2 attempts)" test "$(attempts "$WORK/fetch-tries" "$CUT_SHARD")" -eq 2
check "a failed fetch publishes no partial output" test ! -e "$WORK/out-cut/_SUCCESS"

# 7b. A missing shard: the CLI exits 3 (unreadable), not 1 (damaged records); the task fails,
# is retried, and the job fails instead of counting the shard as damaged.
MISSING="$FIX/a/gone-00.warc.gz"
COUNTING="$WORK/counting-newsclean"
printf '#!/bin/sh\necho "$*" >> "%s"\nexec "%s" "$@"\n' "$WORK/calls" "$BIN" > "$COUNTING"
chmod +x "$COUNTING"
printf '%s\n%s\n' "$FIX/a/shard-00.warc.gz" "$MISSING" > "$WORK/missing.txt"
missing_alone=0
"$BIN" -q -f jsonl "$MISSING" > /dev/null 2>&1 || missing_alone=$?
: > "$WORK/calls"
start=$(date +%s)
missing_status=0
"$VENV/bin/spark-submit" --master 'local[2,2]' "${SPARK_CONF[@]}" "$ROOT/tools/spark/newsclean_spark.py" \
    --input "$WORK/missing.txt" --output "$WORK/out-missing" --binary "$COUNTING" \
    2>> "$WORK/spark.log" > /dev/null || missing_status=$?
echo "spark job (missing shard) took $(( $(date +%s) - start )) s, exit $missing_status"
check "the CLI exits 3 on a missing shard" test "$missing_alone" -eq 3
check "a missing shard fails the job" test "$missing_status" -ne 0
check "a missing shard is retried (2 attempts)" test "$(attempts "$WORK/calls" "$MISSING")" -eq 2

# 7c. Stdin mode with shard and output paths relative to where spark-submit runs: every record
# must come back in the output directory. This job runs on local-cluster[1,1,1024]: a real
# executor JVM in its own working directory (under pyspark's work/, inside the venv), as on a
# cluster; in local[N] the tasks share the driver's directory and relative paths just work.
printf 'fixtures/a/shard-00.warc.gz\nfixtures/a/shard-02.warc\n' > "$WORK/relative.txt"
: > "$WORK/serial-rel.jsonl"
for shard in "$FIX/a/shard-00.warc.gz" "$FIX/a/shard-02.warc"; do "$BIN" -q -f jsonl "$shard" >> "$WORK/serial-rel.jsonl"; done
start=$(date +%s)
rel_status=0
(cd "$WORK" && "$VENV/bin/spark-submit" --master 'local-cluster[1,1,1024]' "${SPARK_CONF[@]}" "$ROOT/tools/spark/newsclean_spark.py" \
    --input relative.txt --output out-rel --binary "$BIN" --mode stdin --per-shard 2>> "$WORK/spark.log" > /dev/null) \
    || rel_status=$?
echo "spark job (stdin, relative paths) took $(( $(date +%s) - start )) s, exit $rel_status"
same_records() { [ -s "$1" ] && [ "$(sort "$1")" = "$(cat "$2"/*.jsonl 2>/dev/null | sort)" ]; }
check "stdin mode with relative paths succeeds" test "$rel_status" -eq 0
check "stdin mode with relative paths == serial CLI" same_records "$WORK/serial-rel.jsonl" "$WORK/out-rel"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
