#!/usr/bin/env bash
# Sentence ends of the scanner on the hand-annotated seed article
# (../shared/data/seed/gold.json): every required end found, no extra split.
set -euo pipefail
cd "$(dirname "$0")/../../.."
gold=../shared/data/seed/gold.json
if [[ ! -f $gold ]]; then
  echo "sentences_seed: skipped: $gold is absent (shared/ is not beside the project)"
  exit 0
fi
make -s test/tools/bin/na_dump
python3 test/eval/eval_sentences.py "$gold"
