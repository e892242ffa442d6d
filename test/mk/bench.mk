# Tokenizer benchmarks (included by the Makefile).
#   make bench-core        the core scanner alone on the BBC corpus text (MB/s)
#   make bench-tokenize    tokenize, sentences, to_tsvector vs the default parser
#                          (test/bench/bench_tokenize.sh; throwaway cluster)
BENCH_CORPUS ?= ../shared/data/corpora/bbc.jsonl
BENCH_ROUNDS ?= 10

.PHONY: bench-core bench-tokenize
bench-core: test/tools/bin/na_dump
	@test -f $(BENCH_CORPUS) || { echo "bench-core: $(BENCH_CORPUS) is absent"; exit 1; }
	@tmp=$$(mktemp /tmp/news_analysis-bench-core.XXXXXX) && \
	python3 -c 'import json, sys; sys.stdout.write("\n\n".join(json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")))' \
		$(BENCH_CORPUS) > $$tmp && \
	for i in 1 2 3; do test/tools/bin/na_dump --bench $(BENCH_ROUNDS) $$tmp; done; rm -f $$tmp

bench-tokenize:
	test/bench/bench_tokenize.sh --corpus $(BENCH_CORPUS)
