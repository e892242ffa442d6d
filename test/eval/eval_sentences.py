#!/usr/bin/env python3
"""Compare the scanner's sentence ends with a gold file's "sentences" list.

usage: eval_sentences.py GOLD.json
Required ends must all be found; a predicted end that is not a gold end
(required or optional) is an extra split, except the end of a dateline
("UNITED NATIONS —"), which the scanner makes a sentence of its own (issue
15) and gold files written before that do not list: those are counted apart.  Prints "N passed, N failed" over the
two checks and exits 1 when either fails.
"""
import json
import re
import subprocess
import sys

gold = json.load(open(sys.argv[1], encoding='utf-8'))
out = subprocess.run(['test/tools/bin/na_dump', '--sentences'], input=gold['text'].encode('utf-8'),
                     capture_output=True, check=True).stdout.decode('utf-8')
rows = [line.split('\t') for line in out.splitlines() if line]
pred = {int(r[3]) for r in rows}
# the dateline shape of the scanner: capitals, a comma and date or state
# and/or a bracketed agency, a dash
dateline = re.compile(r"^[A-Z][A-Z.' ]*[A-Z.](, [^\n]{1,40}?)?( \([^)]{1,30}\))? *(—|–|―|--|-)$")
datelines = {int(r[3]) for r in rows if int(r[0]) < 3 and dateline.match(r[4])}
required = {s['end'] for s in gold['sentences'] if not s['optional']}
optional = {s['end'] for s in gold['sentences'] if s['optional']}
missed = sorted(required - pred)
extra = sorted(pred - required - optional - datelines)
print('sentence ends: required %d, found %d, missed %s, extra %s, datelines %s'
      % (len(required), len(required & pred), missed, extra,
         sorted(datelines - required - optional)))
failed = (1 if missed else 0) + (1 if extra else 0)
print('sentences_seed: %d passed, %d failed' % (2 - failed, failed))
sys.exit(1 if failed else 0)
