#!/usr/bin/env python3
"""Layout invariance of the core, and golden dumps of its rows.

The analysis must not depend on how a text is laid out: the same article
hard-wrapped at 60, 70 or 78 columns, or with CRLF line ends, must give the
same sentences, quotes (with speakers), speakers and vote events as the
article with one line per paragraph.  This helper builds those layouts, runs
the core on each through test/tools/bin/na_rows (the same code as the SQL
functions: one na_analyse per article), and compares the rows.

  wrap_invariance.py check [--tool BIN] [--min 99.5] [--min-loose P] [--floor LAYOUT=PCT]...
                           [--log FILE] [--totals FILE] CORPUS...
  wrap_invariance.py pooled [--min 99.5] TOTALS
  wrap_invariance.py dump  [--tool BIN] --out DIR CORPUS...

CORPUS is a JSON Lines file (field "text", else "body", else "sentence") or a
plain text file (one article).

Wrapping: each line of the article (paragraph) is wrapped with Python's
textwrap (break_long_words and break_on_hyphens off, so every break falls on
white space) and the space just before each new line is replaced by "\\n", so
every offset stays the same.  CRLF: every "\\n" of the unwrapped article
becomes "\\r\\n"; offsets of its rows are mapped back before comparing.  Text
fields (excerpts) are compared with their line breaks read as spaces; names
(speakers, their roles, organisations and aliases, voters, bodies, motions)
as given: they must come back on one line.

A row is identical when its table, offsets and every field are equal; the
percentage is identical rows / max(rows before, rows after), summed over
articles; it is also given for rows compared without their paragraph
numbers (one paragraph break read differently renumbers every later row).
check exits 1 when a layout falls below --min or --min-loose.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DEFAULT_TOOL = os.path.join(ROOT, "test", "tools", "bin", "na_rows")

# offset fields (1-based start, length) of each row type, by column index
# after the type letter; the CRLF layout maps them back
OFFSETS = {
    "S": [(3, 4)],
    "T": [(5, 6)],
    "Q": [(3, 4), (10, 11)],
    "P": [(8, None)],
    "V": [(4, 5)],
}
# the row's ordinal (its place in the result) is left out of the comparison:
# one extra row would otherwise make every later row differ
ORDINAL = {"S": 1, "T": 1, "Q": 1, "V": 1}
# paragraph numbers: compared, but also reported without them, because one
# paragraph break read differently renumbers every later row
PARAGRAPH = {"S": 2, "T": 3, "Q": 5}
TABLES = {"S": "sentences", "Q": "quotes", "P": "speakers", "V": "vote_events"}
# names (speaker, role, organisation, aliases; actor, body, motion) are values
# on one line whatever the layout: compared as given, line breaks and all
NAMES = {"Q": {8}, "P": {1, 2, 3, 4}, "V": {7, 10, 11}}


def read_corpus(path):
    """[(id, text)] of a JSON Lines corpus or a plain text file."""
    name = os.path.basename(path)
    if not path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [(name, f.read())]
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc.get("text", doc.get("body", doc.get("sentence")))
            if not isinstance(text, str):
                continue
            ident = doc.get("id", doc.get("article_id", n))
            out.append(("%s:%s" % (ident, n), text))
    return out


def run_rows(tool, docs, tokens=False):
    """{id: [row fields]} from na_rows over docs [(id, text)]."""
    payload = bytearray()
    for ident, text in docs:
        data = text.encode("utf-8")
        payload += ("%s\t%d\n" % (ident, len(data))).encode("utf-8") + data + b"\n"
    cmd = [tool] + (["--tokens"] if tokens else [])
    out = subprocess.run(cmd, input=bytes(payload), stdout=subprocess.PIPE, check=True).stdout
    rows = collections.OrderedDict()
    current = None
    for line in out.decode("utf-8", "replace").split("\n"):
        if not line:
            continue
        fields = line.split("\t")
        if fields[0] == "A":
            current = rows.setdefault(fields[1], [])
        else:
            current.append(fields)
    return rows, out


def wrap(text, width):
    """text with spaces replaced by "\\n" where textwrap breaks its lines."""
    chars = list(text)
    pos = 0
    for para in text.split("\n"):
        lines = textwrap.wrap(para, width=width, break_long_words=False,
                              break_on_hyphens=False, expand_tabs=False,
                              replace_whitespace=False)
        cursor = 0
        for k, line in enumerate(lines):
            at = para.find(line, cursor)
            if at < 0:
                break
            if k > 0 and at > 0 and para[at - 1] == " ":
                chars[pos + at - 1] = "\n"
            cursor = at + len(line)
        pos += len(para) + 1
    return "".join(chars)


def crlf(text):
    return text.replace("\n", "\r\n")


def crlf_mapper(text):
    """Maps 1-based offsets of crlf(text) back to text: (start, length) -> ..."""
    # removed[i] = number of \r before position i (0-based) of the CRLF text
    removed = []
    count = 0
    for ch in crlf(text):
        removed.append(count)
        if ch == "\r":
            count += 1
    removed.append(count)

    def back(start, length):
        s0 = start - 1
        s = s0 - removed[min(s0, len(removed) - 1)]
        if length is None:
            return s + 1, None
        e0 = s0 + length
        e = e0 - removed[min(e0, len(removed) - 1)]
        return s + 1, e - s
    return back


def normalise(fields, mapper, paragraphs=True):
    """The row as compared: offsets mapped, line breaks in text read as spaces."""
    kind = fields[0]
    out = list(fields)
    if not paragraphs and kind in PARAGRAPH:
        out[PARAGRAPH[kind]] = "#"
    if mapper is not None:
        for a, b in OFFSETS.get(kind, []):
            if a >= len(out) or out[a] == "-":
                continue
            length = None if b is None else int(out[b])
            s, l = mapper(int(out[a]), length)
            out[a] = str(s)
            if b is not None:
                out[b] = str(l)
    if kind in ORDINAL:
        out[ORDINAL[kind]] = "#"
    for i in range(1, len(out)):
        v = out[i]
        if "\\" in v and i not in NAMES.get(kind, ()):
            out[i] = v.replace("\\r\\n", " ").replace("\\n", " ").replace("\\r", " ")
    return tuple(out)


def compare(base, variant, mappers, log, label):
    """Counts of identical rows per table, and of rows identical but for
    their paragraph numbers; differences written to log."""
    same = collections.Counter()
    loose = collections.Counter()
    total = collections.Counter()
    for ident, rows in base.items():
        vrows = variant.get(ident, [])
        mapper = mappers.get(ident) if mappers else None
        for kind in TABLES:
            a = [normalise(r, None) for r in rows if r[0] == kind]
            b = [normalise(r, mapper) for r in vrows if r[0] == kind]
            ca, cb = collections.Counter(a), collections.Counter(b)
            common = sum((ca & cb).values())
            same[kind] += common
            la = collections.Counter(normalise(r, None, False) for r in rows if r[0] == kind)
            lb = collections.Counter(normalise(r, mapper, False) for r in vrows if r[0] == kind)
            loose[kind] += sum((la & lb).values())
            total[kind] += max(len(a), len(b))
            if common < max(len(a), len(b)):
                for r in (ca - cb).elements():
                    log.write("%s\t%s\t-\t%s\n" % (label, ident, "\t".join(r)))
                for r in (cb - ca).elements():
                    log.write("%s\t%s\t+\t%s\n" % (label, ident, "\t".join(r)))
    return same, loose, total


def check(args):
    log = open(args.log, "w", encoding="utf-8") if args.log else open(os.devnull, "w")
    totals = open(args.totals, "a", encoding="utf-8") if args.totals else None
    failed = False
    checks = [0, 0]
    # a layout's own floor (--floor wrap60=99.9) where it reaches more than
    # the corpus's --min: a ratchet for each width
    floors = {}
    for item in args.floor:
        label, _, value = item.partition("=")
        floors[label] = float(value)
    for path in args.corpus:
        name = os.path.basename(path)
        if not os.path.exists(path):
            print("skipped: %s is absent" % path)
            continue
        docs = read_corpus(path)
        base, _ = run_rows(args.tool, docs)
        layouts = [("wrap%d" % w, [(i, wrap(t, w)) for i, t in docs], None)
                   for w in args.widths]
        layouts.append(("crlf", [(i, crlf(t)) for i, t in docs],
                        {i: crlf_mapper(t) for i, t in docs}))
        # wire copy from Windows tools: wrapped and CRLF at once
        wrapped = [(i, wrap(t, 70)) for i, t in docs]
        layouts.append(("wrap70+crlf", [(i, crlf(t)) for i, t in wrapped],
                        {i: crlf_mapper(t) for i, t in wrapped}))
        for label, vdocs, mappers in layouts:
            changed = sum(1 for (_, a), (_, b) in zip(docs, vdocs) if a != b)
            variant, _ = run_rows(args.tool, vdocs)
            same, loose, total = compare(base, variant, mappers, log, "%s %s" % (name, label))
            parts = []
            all_same = sum(same.values())
            all_total = sum(total.values())
            for kind, table in TABLES.items():
                pct = 100.0 * same[kind] / total[kind] if total[kind] else 100.0
                parts.append("%s %.2f%% (%d/%d)" % (table, pct, same[kind], total[kind]))
            pct = 100.0 * all_same / all_total if all_total else 100.0
            loose_pct = 100.0 * sum(loose.values()) / all_total if all_total else 100.0
            ok = pct >= floors.get(label, args.min) and loose_pct >= args.min_loose
            checks[0 if ok else 1] += 1
            failed |= not ok
            if totals:
                totals.write("%s\t%s\t%d\t%d\t%d\n"
                             % (label, name, all_same, sum(loose.values()), all_total))
            print("%s %-11s %s: %.2f%% of %d rows identical (%.2f%% but for paragraph "
                  "numbers; %d of %d articles relaid); %s"
                  % ("ok  " if ok else "FAIL", label, name, pct, all_total,
                     loose_pct,
                     changed, len(docs), ", ".join(parts)))
    log.close()
    if totals:
        totals.close()
    print("wrap_invariance: %d passed, %d failed" % (checks[0], checks[1]))
    return 1 if failed else 0


def pooled(args):
    """The issue's measure: the rows of every article of the corpora checked
    (each corpus's check appended its counts to the totals file), pooled, at
    each layout; the per-corpus lines of check stay the ratchets."""
    sums, corpora = {}, {}
    with open(args.totals, encoding="utf-8") as f:
        for line in f:
            label, name, same, loose, total = line.rstrip("\n").split("\t")
            s = sums.setdefault(label, [0, 0, 0])
            s[0] += int(same)
            s[1] += int(loose)
            s[2] += int(total)
            corpora.setdefault(label, []).append(name)
    checks = [0, 0]
    for label, (same, loose, total) in sums.items():
        pct = 100.0 * same / total if total else 100.0
        loose_pct = 100.0 * loose / total if total else 100.0
        ok = pct >= args.min
        checks[0 if ok else 1] += 1
        print("%s %-11s pooled (%s): %.2f%% of %d rows identical (%.2f%% but for "
              "paragraph numbers; %d rows differ; floor %.1f%%)"
              % ("ok  " if ok else "FAIL", label, " + ".join(corpora[label]), pct, total,
                 loose_pct, total - same, args.min))
    print("wrap_invariance pooled: %d passed, %d failed" % (checks[0], checks[1]))
    return 1 if checks[1] else 0


def dump(args):
    os.makedirs(args.out, exist_ok=True)
    for path in args.corpus:
        if not os.path.exists(path):
            print("skipped: %s is absent" % path)
            continue
        docs = read_corpus(path)
        _, raw = run_rows(args.tool, docs, tokens=True)
        target = os.path.join(args.out, "%s_%s.rows" % (
            os.path.basename(os.path.dirname(os.path.abspath(path))), os.path.basename(path)))
        with open(target, "wb") as f:
            f.write(raw)
        print("%s: %d articles, %d bytes" % (target, len(docs), len(raw)))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("--tool", default=DEFAULT_TOOL)
    c.add_argument("--min", type=float, default=99.5,
                   help="least percentage of identical rows")
    c.add_argument("--min-loose", type=float, default=0.0,
                   help="least percentage of rows identical but for paragraph numbers")
    c.add_argument("--log")
    c.add_argument("--floor", action="append", default=[], metavar="LAYOUT=PCT",
                   help="least percentage of identical rows of one layout (wrap60, crlf, ...), "
                   "instead of --min")
    c.add_argument("--widths", type=int, nargs="+", default=[60, 70, 78])
    c.add_argument("--totals", help="append each layout's counts to this file (for pooled)")
    c.add_argument("corpus", nargs="+")
    d = sub.add_parser("dump")
    d.add_argument("--tool", default=DEFAULT_TOOL)
    d.add_argument("--out", required=True)
    d.add_argument("corpus", nargs="+")
    o = sub.add_parser("pooled")
    o.add_argument("--min", type=float, default=99.5,
                   help="least percentage of identical rows over every corpus checked")
    o.add_argument("totals")
    args = p.parse_args()
    return {"check": check, "dump": dump, "pooled": pooled}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
