#!/usr/bin/env python3
"""Cut fuzz seeds from the project's sample articles (JSON lines).

    make_seeds.py data/sample_articles.jsonl OUTDIR

Writes each article's text (capped) and slices of it: a few paragraphs, a
window around every quotation mark and vote word, so that seeds reach the
quote and vote analysers quickly.  Files are named by content hash; OUTDIR is
rebuilt each run.  A missing input file gives no seeds and no error.
"""
import hashlib
import json
import os
import re
import shutil
import sys

MAX_SEED = 8192
MAX_SEEDS = 400
TEXT_KEYS = ("text", "body", "content", "article")
HOOKS = re.compile(r'["“”‘’«»]|\b(said|says|told|voted|votes|vote|abstain\w*|veto\w*|resolution|'
                   r'in favou?r|against|passed|adopted|rejected)\b', re.I)


def article_texts(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, str):
                yield rec
                continue
            if not isinstance(rec, dict):
                continue
            texts = [rec[k] for k in TEXT_KEYS if isinstance(rec.get(k), str)]
            if not texts:
                texts = [v for v in rec.values() if isinstance(v, str) and len(v) > 200]
            title = next((rec[k] for k in ("title", "headline") if isinstance(rec.get(k), str)), None)
            for t in texts:
                yield (title + "\n\n" + t) if title else t


def cut(text, limit=MAX_SEED):
    data = text.encode("utf-8")
    if len(data) <= limit:
        return data
    # cut on a character boundary
    data = data[:limit]
    return data.decode("utf-8", errors="ignore").encode("utf-8")


def main():
    src, out = sys.argv[1], sys.argv[2]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    if not os.path.exists(src):
        print(f"make_seeds: {src} is absent: no article seeds")
        return
    seeds = {}

    def add(data):
        if data and len(seeds) < MAX_SEEDS:
            seeds.setdefault(hashlib.sha1(data).hexdigest(), data)

    for text in article_texts(src):
        add(cut(text))
        paras = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
        for i in range(0, len(paras), 3):
            add(cut("\n\n".join(paras[i:i + 3]), 2048))
        for m in list(HOOKS.finditer(text))[:8]:
            add(cut(text[max(0, m.start() - 300):m.end() + 300], 1024))
    for h, data in seeds.items():
        with open(os.path.join(out, h), "wb") as f:
            f.write(data)
    print(f"make_seeds: {len(seeds)} seeds from {src}")


if __name__ == "__main__":
    main()
