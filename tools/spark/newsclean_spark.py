#!/usr/bin/env python3
"""Clean WARC shards with `newsclean` on Apache Spark: one shard per task, one process per shard.

The cc-pyspark pattern: the driver only spreads paths; each task runs the statically linked
`newsclean` binary as a subprocess on its shard and streams its JSON Lines back; the records
are written as JSONL part files.

  spark-submit --master local[2] tools/spark/newsclean_spark.py \
      --input shards.txt --output out/ --binary .build/release/newsclean

--input      a text file with one WARC path per line (blank lines and #comments ignored), or
             several paths / globs given directly
--output     output directory (must not exist): part-NNNNN files of JSON Lines via
             saveAsTextFile, or with --per-shard one SHARD.jsonl per input shard (the output
             directory must then be on a file system every executor can write, as the inputs are)
--binary     the newsclean executable. Default: $NEWSCLEAN_BIN, else a file shipped with
             `--files .../newsclean` (SparkFiles), else `./newsclean/newsclean` from
             `--archives newsclean.tar.gz#newsclean`, else `newsclean` on PATH
--mode       file: `newsclean -f jsonl SHARD` (the shard path must be readable on the executor);
             stdin: the task opens the shard (or runs --fetch-cmd) and pipes it into
             `newsclean --warc -f jsonl -`
--fetch-cmd  with --mode stdin, a command template printing the shard to stdout, e.g.
             "hadoop fs -cat {path}" or "aws s3 cp {path} -"
--strict     fail the task when newsclean reports damaged records (exit 1); by default such
             shards count as done, with the damage in the task's summary

newsclean's exit status: 0 all good, 1 some records damaged or failed (the good ones are still
output), 3 the shard could not be read (missing, permission, I/O error: transient on NFS/HDFS),
anything but 0/1 is a task failure that Spark retries (spark.task.maxFailures). In stdin mode a
fetch command that exits non-zero, or a shard the task cannot open, also fails the task (the
records cut off would otherwise be lost silently).
"""
import argparse
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import threading
import time

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_UNREADABLE = 3   # retried by Spark like any status but 0 and 1
STDERR_TAIL_LINES = 20
COPY_BUFFER_BYTES = 1 << 20


def read_paths(inputs):
    paths = []
    for item in inputs:
        if os.path.isfile(item) and not item.endswith((".warc", ".warc.gz", ".gz")):
            with open(item, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if line and not line.startswith("#"):
                        paths.append(line)
        elif any(ch in item for ch in "*?["):
            paths.extend(sorted(glob.glob(item)))
        else:
            paths.append(item)
    return paths


def find_binary(explicit):
    """Where newsclean is on this executor (called inside the task)."""
    candidates = []
    if explicit:
        candidates.append(explicit)
    if os.environ.get("NEWSCLEAN_BIN"):
        candidates.append(os.environ["NEWSCLEAN_BIN"])
    try:
        from pyspark import SparkFiles
        candidates.append(SparkFiles.get("newsclean"))
    except Exception:
        pass
    candidates.append(os.path.join(os.getcwd(), "newsclean", "newsclean"))   # --archives x.tar.gz#newsclean
    candidates.append(os.path.join(os.getcwd(), "newsclean"))
    for path in candidates:
        if path and os.path.isfile(path):
            if not os.access(path, os.X_OK):
                os.chmod(path, 0o755)   # --files does not keep the exec bit everywhere
            return path
    found = shutil.which("newsclean")
    if found:
        return found
    raise RuntimeError("newsclean binary not found; tried %s and PATH" % candidates)


def clean_shard(path, options):
    """Runs newsclean on one shard; yields its JSONL lines, then a summary line (tagged)."""
    binary = find_binary(options["binary"])
    extra = shlex.split(options["newsclean_args"])
    started = time.time()
    if options["mode"] == "file":
        command = [binary, "-f", "jsonl"] + extra + [path]
        stdin = subprocess.DEVNULL
    else:
        command = [binary, "--warc", "-f", "jsonl"] + extra + ["-"]
        stdin = subprocess.PIPE
    proc = subprocess.Popen(command, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    stderr_tail = []
    feed_errors = []

    def drain_stderr():
        for raw in proc.stderr:
            stderr_tail.append(raw.decode("utf-8", "replace").rstrip("\n"))
            del stderr_tail[:-STDERR_TAIL_LINES]

    def feed_stdin():
        try:
            if options["fetch_cmd"]:
                fetch = subprocess.Popen(shlex.split(options["fetch_cmd"].format(path=path)), stdout=subprocess.PIPE)
                shutil.copyfileobj(fetch.stdout, proc.stdin, COPY_BUFFER_BYTES)
                status = fetch.wait()
                if status != 0:
                    feed_errors.append("fetch command exited with %d for %s" % (status, path))
            else:
                with open(path, "rb") as f:
                    shutil.copyfileobj(f, proc.stdin, COPY_BUFFER_BYTES)
        except BrokenPipeError:
            pass
        except Exception as error:   # an unreadable shard: fail the task so Spark retries it
            feed_errors.append("cannot feed %s: %s" % (path, error))
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    threads = [threading.Thread(target=drain_stderr, daemon=True)]
    if stdin is subprocess.PIPE:
        threads.append(threading.Thread(target=feed_stdin, daemon=True))
    for thread in threads:
        thread.start()
    lines = 0
    for raw in proc.stdout:
        line = raw.decode("utf-8").rstrip("\n")
        if line:
            lines += 1
            yield line
    status = proc.wait()
    for thread in threads:
        thread.join()
    summary = {"shard": path, "exit": status, "records_out": lines,
               "seconds": round(time.time() - started, 3), "stderr_tail": stderr_tail}
    if feed_errors:
        raise RuntimeError("; ".join(feed_errors) + "\n" + "\n".join(stderr_tail))
    if status not in (EXIT_OK, EXIT_SOME_FAILED) or (options["strict"] and status != EXIT_OK):
        raise RuntimeError("newsclean failed on %s with exit %d: %s" % (path, status, "\n".join(stderr_tail)))
    yield SUMMARY_TAG + json.dumps(summary)


SUMMARY_TAG = "\x00summary\x00"


def _accumulator_base():
    from pyspark.accumulators import AccumulatorParam
    return AccumulatorParam


class ListAccumulator(_accumulator_base()):
    """Concatenates lists (the per-shard summaries)."""

    def zero(self, value):
        return []

    def addInPlace(self, left, right):
        left.extend(right)
        return left


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", nargs="+", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--binary", default=None)
    parser.add_argument("--mode", choices=["file", "stdin"], default="file")
    parser.add_argument("--fetch-cmd", default=None)
    parser.add_argument("--newsclean-args", default="", help="extra arguments, e.g. \"-j 1\"")
    parser.add_argument("--per-shard", action="store_true")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--master", default=None, help="only when run with plain python, not spark-submit")
    parser.add_argument("--summary", default=None, help="also write the per-shard summaries (JSONL) here")
    args = parser.parse_args(argv)

    paths = read_paths(args.input)
    if not paths:
        sys.exit("no WARC paths given")
    if args.mode == "file" or not args.fetch_cmd:
        # Local paths must be absolute: executors run in their own working directories (in
        # stdin mode without --fetch-cmd the task opens the shard itself).
        paths = [os.path.abspath(p) if "://" not in p else p for p in paths]

    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("newsclean-warc")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    options = {"binary": args.binary, "mode": args.mode, "fetch_cmd": args.fetch_cmd,
               "newsclean_args": args.newsclean_args, "strict": args.strict}

    # One slice per shard: each task cleans exactly one WARC file with one newsclean process.
    shards = sc.parallelize(paths, numSlices=len(paths))
    # --per-shard files are written by the tasks, in the executors' own working directories:
    # a local output path must be absolute too (saveAsTextFile resolves it on the driver).
    output = os.path.abspath(args.output) if args.per_shard and "://" not in args.output else args.output

    if args.per_shard:
        def run_to_file(path):
            os.makedirs(output, exist_ok=True)
            name = os.path.basename(path)
            for suffix in (".gz", ".warc"):
                if name.endswith(suffix):
                    name = name[: -len(suffix)]
            target = os.path.join(output, name + ".jsonl")
            summary = None
            with open(target + ".tmp", "w", encoding="utf-8") as f:
                for line in clean_shard(path, options):
                    if line.startswith(SUMMARY_TAG):
                        summary = line[len(SUMMARY_TAG):]
                    else:
                        f.write(line + "\n")
            os.replace(target + ".tmp", target)
            return summary
        summaries = shards.map(run_to_file).collect()
    else:
        # Summaries travel in an accumulator so the cleaned records are computed once and
        # never cached (a retried task may add its summary twice; records are not affected).
        collected = sc.accumulator([], ListAccumulator())

        def run(path):
            for line in clean_shard(path, options):
                if line.startswith(SUMMARY_TAG):
                    collected.add([line[len(SUMMARY_TAG):]])
                else:
                    yield line
        shards.flatMap(run).saveAsTextFile(output)
        summaries = collected.value

    decoded = [json.loads(s) for s in summaries if s]
    total = sum(s["records_out"] for s in decoded)
    damaged = [s["shard"] for s in decoded if s["exit"] != EXIT_OK]
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            for s in decoded:
                f.write(json.dumps(s) + "\n")
    print("newsclean_spark: %d shards, %d records, %d shards with damaged or failed records%s"
          % (len(decoded), total, len(damaged), (": " + ", ".join(damaged)) if damaged else ""))
    spark.stop()


if __name__ == "__main__":
    main()
