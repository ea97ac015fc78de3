#!/usr/bin/env python3
"""A stand-in for `newsclean` with the WARC CLI contract, for testing the Spark scaffolding
before the real CLI reads WARC. Reads WARC with warcio (run it with .venv-tools/bin/python):

  fake_newsclean.py -f jsonl SHARD.warc.gz      fake_newsclean.py --warc -f jsonl -

prints one JSON object per HTML response/resource record (url, warc_date, warc_record_id,
title, text: the <title> and the payload's length and SHA-1, not a cleaned text) and a
summary line on stderr. Not a cleaner: it only proves that paths, processes and JSONL
travel through Spark as they must.
"""
import gzip
import hashlib
import io
import json
import re
import sys

from warcio.archiveiterator import ArchiveIterator

HTML_TYPES = ("text/html", "application/xhtml+xml")
TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)


def main(argv):
    args = [a for a in argv if a not in ("--warc",)]
    if "-f" in args:
        index = args.index("-f")
        if args[index + 1] != "jsonl":
            sys.exit("fake_newsclean: only -f jsonl")
        del args[index:index + 2]
    source = args[-1] if args else "-"
    stream = sys.stdin.buffer if source == "-" else open(source, "rb")
    # warcio refuses whole-file gzip; gunzipping first reads both gzip layouts.
    stream = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
    if stream.peek(2)[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=stream)
    records = html = 0
    for record in ArchiveIterator(stream):
        records += 1
        if record.rec_type == "response" and record.http_headers:
            content_type = record.http_headers.get_header("Content-Type") or ""
        elif record.rec_type == "resource":
            content_type = record.rec_headers.get_header("Content-Type") or ""
        else:
            continue
        if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
            continue
        body = record.content_stream().read()
        html += 1
        match = TITLE.search(body)
        title = match.group(1).decode("utf-8", "replace").strip() if match else None
        print(json.dumps({"url": record.rec_headers.get_header("WARC-Target-URI"),
                          "warc_date": record.rec_headers.get_header("WARC-Date"),
                          "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
                          "title": title,
                          "text": "%d bytes sha1 %s" % (len(body), hashlib.sha1(body).hexdigest())},
                         ensure_ascii=False))
    print("%s: records %d, html %d, cleaned %d, skipped %d, failed 0" % (source, records, html, html, records - html),
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
