#!/usr/bin/env python3
"""Writes a fuzz target's seeds (fuzz/seeds.txt) into a corpus directory, trimmed.

    fuzz_seeds.py FIXTURES_DIR MANIFEST TARGET OUT_DIR

libFuzzer mutates small inputs far faster than 500 kB performance graphs, and its -max_len
would cut big seeds mid-token; so every JSON array is cut to its first few items (the shapes
stay, the repetition goes) and other text to its first lines. The replay test still runs the
untrimmed files.
"""
import hashlib
import json
import os
import sys

KEEP_ITEMS = 3
KEEP_LINES = 20


def trim(value):
    if isinstance(value, list):
        return [trim(v) for v in value[:KEEP_ITEMS]]
    if isinstance(value, dict):
        return {k: trim(v) for k, v in value.items()}
    return value


def seed_bytes(path, member):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    try:
        value = json.loads(text)
    except ValueError:
        return "".join(text.splitlines(keepends=True)[:KEEP_LINES]).encode()
    if member:
        value = value[member]
    return json.dumps(trim(value), separators=(",", ":"), ensure_ascii=False).encode()


def main():
    fixtures, manifest, target, out_dir = sys.argv[1:5]
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    with open(manifest) as f:
        for line in f:
            fields = line.split()
            if not fields or fields[0].startswith("#") or fields[0] != target:
                continue
            member = fields[2] if len(fields) > 2 else ""
            data = seed_bytes(os.path.join(fixtures, fields[1]), member)
            name = "seed-" + hashlib.sha1(data).hexdigest()
            with open(os.path.join(out_dir, name), "wb") as out:
                out.write(data)
            count += 1
    print(count)


if __name__ == "__main__":
    main()
