#!/usr/bin/env bash
# CLI check of the WARC path against an independent writer (warcio):
#  1. WARCs built from all TestPages (per-record gzip, whole-file gzip, uncompressed; WARC/1.0,
#     and WARC/1.1 with gzip/chunked HTTP bodies): every page comes out exactly once, with its
#     URL, and its text is identical to cleaning the HTML file directly with --url.
#  2. Hand-broken WARCs (a gzip member cut in the middle; garbage between records and a last
#     record running past the end of file): all good records before and after the damage come
#     out, the exit status is 1, and every damaged offset is named on stderr.
#
#   tools/spark/test_warc_roundtrip.sh        # $NEWSCLEAN_BIN, else swift build -c release
#
# Needs the CLI's WARC support (`.warc`/`.warc.gz` inputs, `-f jsonl`). Ends with an
# "N passed, M failed" line; exits 1 on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsclean-warc-roundtrip.XXXXXX")"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
passed=0
failed=0
check() {
    local name="$1"; shift
    if "$@"; then echo "ok: $name"; passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}

BIN="${NEWSCLEAN_BIN:-}"
if [ -z "$BIN" ]; then
    (cd "$ROOT" && swift build -c release --product newsclean >/dev/null)
    BIN="$ROOT/.build/release/newsclean"
fi
"$ROOT/tools/make-warc-fixtures" --help >/dev/null   # makes .venv-tools with warcio
PY="$ROOT/.venv-tools/bin/python"

PAGES="$ROOT/TestPages/aeb/html"
"$ROOT/tools/make-warc-fixtures" --pages "$PAGES" --out "$WORK/w10" --name aeb --broken >/dev/null
"$ROOT/tools/make-warc-fixtures" --pages "$PAGES" --out "$WORK/w11" --name aeb11 --warc-version 1.1 \
    --mixed --cc-like >/dev/null

# The reference: each page cleaned from its HTML file, with its URL.
mkdir -p "$WORK/direct"
"$PY" - "$PAGES" "$WORK/w10/manifest.json" "$WORK/direct" <<'EOF'
import gzip, json, os, sys
pages, manifest, out = sys.argv[1:4]
with open(os.path.join(out, "list.tsv"), "w") as listing:
    for page in json.load(open(manifest))["shards"][0]["uncompressed"]["pages"]:
        path = os.path.join(out, page["id"] + ".html")
        with gzip.open(os.path.join(pages, page["id"] + ".html.gz")) as src, open(path, "wb") as dst:
            dst.write(src.read())
        listing.write(f"{page['url']}\t{path}\n")
EOF
: > "$WORK/direct.jsonl"
while IFS=$'\t' read -r url path; do
    "$BIN" -q -f jsonl --url "$url" "$path" >> "$WORK/direct.jsonl"
done < "$WORK/direct/list.tsv"

same_as_direct() {   # same_as_direct WARC
    local out="$WORK/$(basename "$1").jsonl"
    "$BIN" -f jsonl "$1" > "$out" 2> "$out.err" || { echo "  exit $? on $1"; cat "$out.err"; return 1; }
    "$PY" - "$WORK/direct.jsonl" "$out" "$WORK/direct/list.tsv" <<'EOF'
import collections, json, sys
# Keyed by the URL each page was cleaned with (line i of direct.jsonl is page i of list.tsv):
# the object's own "url" is the page's canonical URL when it declares one, while a WARC
# record's "url" is its WARC-Target-URI.
direct = {}
urls = [line.split("\t", 1)[0] for line in open(sys.argv[3], encoding="utf-8") if line.strip()]
objects = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
assert len(urls) == len(objects), f"{len(urls)} pages listed, {len(objects)} cleaned directly"
for url, obj in zip(urls, objects):
    direct[url] = obj
seen = collections.Counter()
bad = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.strip():
        continue
    obj = json.loads(line)
    seen[obj["url"]] += 1
    ref = direct.get(obj["url"])
    if ref is None or ref.get("text") != obj.get("text") or ref.get("title") != obj.get("title"):
        bad += 1
    if not obj.get("warc_record_id") or not obj.get("warc_date"):
        bad += 1
missing = set(direct) - set(seen)
twice = [u for u, n in seen.items() if n > 1]
print(f"  {sys.argv[2]}: {sum(seen.values())} records, {len(missing)} missing, {len(twice)} twice, {bad} differ")
sys.exit(1 if missing or twice or bad else 0)
EOF
}
for warc in "$WORK/w10/aeb.warc.gz" "$WORK/w10/aeb.whole.warc.gz" "$WORK/w10/aeb.warc" \
            "$WORK/w11/aeb11.warc.gz" "$WORK/w11/aeb11.whole.warc.gz"; do
    check "$(basename "$warc"): every page once, text as from the HTML file" same_as_direct "$warc"
done
check "stdin with --warc gives the same records" bash -c \
    "'$BIN' --warc -f jsonl - < '$WORK/w10/aeb.warc.gz' | cmp -s - '$WORK/aeb.warc.gz.jsonl'"

damaged_named() {   # damaged_named WARC KIND(gzip|plain)
    local out="$WORK/$(basename "$1").jsonl" status=0
    "$BIN" -f jsonl "$1" > "$out" 2> "$out.err" || status=$?
    [ "$status" -eq 1 ] || { echo "  exit $status, wanted 1"; return 1; }
    "$PY" - "$WORK/w10/manifest.json" "$2" "$out" "$out.err" <<'EOF'
import json, re, sys
manifest, kind, out, err = sys.argv[1:5]
expected = json.load(open(manifest))["shards"][0]["broken"][kind]
urls = [json.loads(l)["url"] for l in open(out, encoding="utf-8") if l.strip()]
want = [p["url"] for p in expected["pages"]]
numbers = set(int(n) for n in re.findall(r"\d+", open(err, encoding="utf-8", errors="replace").read()))
unnamed = [o for o in expected["damaged_offsets"] if o not in numbers]
print(f"  {out}: {len(urls)} records of {len(want)} good ones; damaged offsets {expected['damaged_offsets']}, not named: {unnamed}")
sys.exit(0 if sorted(urls) == sorted(want) and not unnamed else 1)
EOF
}
check "cut gzip member: good records kept, exit 1, offset named" damaged_named "$WORK/w10/aeb.broken.warc.gz" gzip
check "garbage + truncated end: good records kept, exit 1, offsets named" damaged_named "$WORK/w10/aeb.broken.warc" plain

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
