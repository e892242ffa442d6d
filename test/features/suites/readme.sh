#!/usr/bin/env bash
# The README's examples, pasted: every ```sql block of the Five-minute tour
# and of the Operations section runs, in order, in a fresh database, without
# an error (blocks that need pg_cron are left to test/features/suites/pg_cron.sh),
# and where the README shows the output (the ``` block after it), every line
# of that output appears, in order, in what psql prints.  Also: the README's
# list of vote actions names every action src/core/votes.c can return.
# Prints "readme: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=na_readme
dropdb --if-exists "$db" 2>/dev/null; createdb "$db"
status=0
PGDATABASE=$db python3 - README.md src/core/votes.c <<'PY' || status=$?
import re, subprocess, sys

readme = open(sys.argv[1], encoding='utf-8').read()
passed = failed = 0

def check(ok, message, detail=''):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL: ' + message)
        if detail:
            print(detail)

def section(title):
    start = readme.index('\n## ' + title)
    end = readme.find('\n## ', start + 4)
    return readme[start:end if end > 0 else len(readme)]

# (sql, shown output or None) for each ```sql block, in order
examples = []
for part in (section('Five-minute tour'), section('Operations')):
    for m in re.finditer(r'```sql\n(.*?)```\n(?:```\n(.*?)```\n)?', part, re.S):
        examples.append((m.group(1), m.group(2)))

def run(sql):
    p = subprocess.run(['psql', '-X', '-v', 'ON_ERROR_STOP=1'], input=sql,
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr

rc, out, err = run('CREATE EXTENSION news_analysis;')
check(rc == 0, 'CREATE EXTENSION news_analysis', err)
for sql, shown in examples:
    first = sql.strip().splitlines()[0]
    if 'cron' in sql:
        # statements that need pg_cron are left to its suite
        kept, skipping = [], False
        for line in sql.splitlines():
            if 'cron.' in line or 'pg_cron;' in line:
                skipping = True
            if not skipping:
                kept.append(line)
            if skipping and line.rstrip().endswith(';'):
                skipping = False
        print('readme: pg_cron statements left to the pg_cron suite in "%s"' % first)
        sql = '\n'.join(kept) + '\n'
        if not re.search(r'^\s*[A-Za-z]', sql, re.M):
            continue
    rc, out, err = run(sql)
    check(rc == 0 and 'ERROR' not in err, 'the example starting "%s" fails when pasted' % first, err)
    if shown is None:
        continue
    # every shown line, in order, in the output (trailing blanks aside)
    got = [l.rstrip() for l in out.splitlines()]
    i = 0
    missing = None
    for line in (l.rstrip() for l in shown.splitlines()):
        if not line:
            continue
        while i < len(got) and got[i] != line:
            i += 1
        if i == len(got):
            missing = line
            break
        i += 1
    check(missing is None,
          'the output the README shows for "%s" differs from this build\'s (first line not found: "%s"); psql printed:' % (first, missing),
          out)
print('readme: %d examples run' % len(examples))

# the list of vote actions is complete
names = re.search(r'na_vote_action_name\(int action\)\s*\{\s*static const char \*const names\[\] = \{(.*?)\};',
                  open(sys.argv[2], encoding='utf-8').read(), re.S)
actions = re.findall(r'"([a-z_]+)"', names.group(1)) if names else []
listed = re.search(r'Vote actions \(all of them\):(.*?); actor kinds', readme, re.S)
listed = set(re.findall(r'`([a-z_]+)`', listed.group(1))) if listed else set()
check(actions and set(actions) == listed,
      'the README lists the vote actions %s; src/core/votes.c has %s' % (sorted(listed), sorted(actions)))
print('readme: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
dropdb "$db"
exit $status
