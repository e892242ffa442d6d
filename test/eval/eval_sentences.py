#!/usr/bin/env python3
"""Compare the scanner's sentence ends with a gold file's "sentences" list.

usage: eval_sentences.py GOLD.json
Required ends must all be found; a predicted end that is not a gold end
(required or optional) is an extra split (a dateline, "UNITED NATIONS —", is
part of the lead sentence, as the gold has it).  Prints "N passed, N failed"
over the two checks and exits 1 when either fails.
"""
import json
import subprocess
import sys

gold = json.load(open(sys.argv[1], encoding='utf-8'))
out = subprocess.run(['test/tools/bin/na_dump', '--sentences'], input=gold['text'].encode('utf-8'),
                     capture_output=True, check=True).stdout.decode('utf-8')
rows = [line.split('\t') for line in out.splitlines() if line]
pred = {int(r[3]) for r in rows}
required = {s['end'] for s in gold['sentences'] if not s['optional']}
optional = {s['end'] for s in gold['sentences'] if s['optional']}
missed = sorted(required - pred)
extra = sorted(pred - required - optional)
print('sentence ends: required %d, found %d, missed %s, extra %s'
      % (len(required), len(required & pred), missed, extra))
failed = (1 if missed else 0) + (1 if extra else 0)
print('sentences_seed: %d passed, %d failed' % (2 - failed, failed))
sys.exit(1 if failed else 0)
