# Reliability targets (included by the Makefile): fuzzing, sanitizers, valgrind.
#   make fuzz FUZZ_SECONDS=60     each libFuzzer target for that long (ASan+UBSan)
#   make fuzz-replay              corpora and regressions through ASan+UBSan builds, no fuzzing
#   make unittest-asan            C unit tests under ASan+UBSan (any error aborts)
#   make unittest-valgrind        C unit tests and a corpus replay under valgrind memcheck
# Every core entry point has a target test/reliability/fuzz/fuzz_NAME.c.  Seeds are the
# texts under test/reliability/fuzz/corpus/*/ (ours) plus slices of
# data/sample_articles.jsonl cut at run time into test/reliability/fuzz/work/seeds/; what
# fuzzing finds is kept in test/reliability/fuzz/work/corpus/NAME/.  Crash inputs kept for
# good go to test/reliability/fuzz/regressions/NAME/, and every target replays them all.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 8192
FUZZ_DIR = test/reliability/fuzz
FUZZ_BIN = $(FUZZ_DIR)/bin
FUZZ_WORK = $(FUZZ_DIR)/work
FUZZ_NAMES = $(patsubst $(FUZZ_DIR)/fuzz_%.c,%,$(sort $(wildcard $(FUZZ_DIR)/fuzz_*.c)))
FUZZ_HEADERS = $(FUZZ_DIR)/fuzz_common.h $(CORE_HEADERS)

# sanitizer builds are checks, not style gates: warnings shown, not fatal
SAN_WARNINGS = -Wall -Wextra -Wno-unused-function
SAN_BASE = -std=c11 -g -O1 -fno-omit-frame-pointer $(SAN_WARNINGS) -Isrc/core -I$(FUZZ_DIR)
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all
PLAIN_CFLAGS = -std=c11 -g -O1 $(SAN_WARNINGS) -Isrc/core -I$(FUZZ_DIR)

# the core library in three more flavours, by the Makefile's one rule
# (na_core_library), each in its own directory: instrumented for libFuzzer,
# ASan+UBSan for replays and unit tests, and plain (no sanitizer) for valgrind
FUZZ_LIB_CFLAGS = $(SAN_BASE) -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
ASAN_LIB_CFLAGS = $(SAN_BASE) $(SAN_FLAGS)
CORE_LIB_FUZZ = build/core-fuzz/libna_core.a
CORE_LIB_ASAN = build/core-asan/libna_core.a
CORE_LIB_PLAIN = build/core-plain/libna_core.a
$(eval $(call na_core_library,build/core-fuzz,FUZZ_CC,FUZZ_LIB_CFLAGS))
$(eval $(call na_core_library,build/core-asan,FUZZ_CC,ASAN_LIB_CFLAGS))
$(eval $(call na_core_library,build/core-plain,CORE_CC,PLAIN_CFLAGS))

FUZZ_BINS = $(FUZZ_NAMES:%=$(FUZZ_BIN)/fuzz_%)
REPLAY_BINS = $(FUZZ_NAMES:%=$(FUZZ_BIN)/replay_%)
PLAIN_BINS = $(FUZZ_NAMES:%=$(FUZZ_BIN)/plain_%)
UNIT_ASAN_BINS = $(patsubst test/unit/%.c,$(FUZZ_BIN)/unit-asan/%,$(UNIT_SRCS))

EXTRA_CLEAN += $(FUZZ_BIN) $(FUZZ_WORK)

$(FUZZ_BIN)/fuzz_%: $(FUZZ_DIR)/fuzz_%.c $(FUZZ_HEADERS) $(CORE_LIB_FUZZ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_BASE) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ $< $(CORE_LIB_FUZZ) -licuuc

$(FUZZ_BIN)/replay_%: $(FUZZ_DIR)/fuzz_%.c $(FUZZ_DIR)/replay_main.c $(FUZZ_HEADERS) $(CORE_LIB_ASAN)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_BASE) $(SAN_FLAGS) -o $@ $< $(FUZZ_DIR)/replay_main.c $(CORE_LIB_ASAN) -licuuc

$(FUZZ_BIN)/plain_%: $(FUZZ_DIR)/fuzz_%.c $(FUZZ_DIR)/replay_main.c $(FUZZ_HEADERS) $(CORE_LIB_PLAIN)
	@mkdir -p $(@D)
	$(CORE_CC) $(PLAIN_CFLAGS) -o $@ $< $(FUZZ_DIR)/replay_main.c $(CORE_LIB_PLAIN) -licuuc

$(FUZZ_BIN)/unit-asan/%: test/unit/%.c test/unit/unit.h $(CORE_LIB_ASAN)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_BASE) $(SAN_FLAGS) -Itest/unit -o $@ $< $(CORE_LIB_ASAN) -licuuc

# fuzz_pglz checks the binding's decoder of compressed text (src/pg/pglz_decode_pg.c,
# plain C) against a plain decoder: the one binding source it needs, compiled in
PGLZ_SRCS = src/pg/pglz_decode_pg.c
PGLZ_CFLAGS = -Isrc/pg
PGLZ_DEPS = $(FUZZ_DIR)/fuzz_pglz.c $(PGLZ_SRCS) src/pg/pglz_decode_pg.h $(FUZZ_HEADERS)

$(FUZZ_BIN)/fuzz_pglz: $(PGLZ_DEPS) $(CORE_LIB_FUZZ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_BASE) $(PGLZ_CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ $< $(PGLZ_SRCS) $(CORE_LIB_FUZZ) -licuuc

$(FUZZ_BIN)/replay_pglz: $(PGLZ_DEPS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_ASAN)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_BASE) $(PGLZ_CFLAGS) $(SAN_FLAGS) -o $@ $< $(PGLZ_SRCS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_ASAN) -licuuc

$(FUZZ_BIN)/plain_pglz: $(PGLZ_DEPS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_PLAIN)
	@mkdir -p $(@D)
	$(CORE_CC) $(PLAIN_CFLAGS) $(PGLZ_CFLAGS) -o $@ $< $(PGLZ_SRCS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_PLAIN) -licuuc

# fuzz_tsparser runs the binding's text search parser (src/pg/tsparser_pg.c with
# src/pg/na_pg.c) outside a server, on the server headers and test/reliability/fuzz/pg_stubs.c
PG_INCLUDE_SERVER = $(shell $(PG_CONFIG) --includedir-server)
TS_SRCS = src/pg/tsparser_pg.c src/pg/na_pg.c $(FUZZ_DIR)/pg_stubs.c
TS_CFLAGS = -std=gnu11 -g -O1 -fno-omit-frame-pointer $(SAN_WARNINGS) -Wno-unused-parameter -Isrc/pg -Isrc/core -I$(FUZZ_DIR) \
	-isystem $(PG_INCLUDE_SERVER)
TS_DEPS = $(FUZZ_DIR)/fuzz_tsparser.c $(TS_SRCS) $(FUZZ_DIR)/pg_stubs.h src/pg/na_pg.h $(FUZZ_HEADERS)

$(FUZZ_BIN)/fuzz_tsparser: $(TS_DEPS) $(CORE_LIB_FUZZ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(TS_CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ $< $(TS_SRCS) $(CORE_LIB_FUZZ) -licuuc

$(FUZZ_BIN)/replay_tsparser: $(TS_DEPS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_ASAN)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(TS_CFLAGS) $(SAN_FLAGS) -o $@ $< $(TS_SRCS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_ASAN) -licuuc

$(FUZZ_BIN)/plain_tsparser: $(TS_DEPS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_PLAIN)
	@mkdir -p $(@D)
	$(CORE_CC) $(TS_CFLAGS) -o $@ $< $(TS_SRCS) $(FUZZ_DIR)/replay_main.c $(CORE_LIB_PLAIN) -licuuc

# seeds cut from the project's sample articles (absent file: no extra seeds)
.PHONY: fuzz-seeds
fuzz-seeds:
	@python3 $(FUZZ_DIR)/make_seeds.py data/sample_articles.jsonl $(FUZZ_WORK)/seeds

# what every target reads: all seed directories (texts written for one
# analyser reach the others too), the article slices, all regressions
FUZZ_SEED_DIRS = $(sort $(wildcard $(FUZZ_DIR)/corpus/*/))
FUZZ_REGRESSION_DIRS = $(sort $(wildcard $(FUZZ_DIR)/regressions/*/))
fuzz_inputs = $(FUZZ_SEED_DIRS) $(FUZZ_WORK)/seeds $(FUZZ_REGRESSION_DIRS)

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build fuzz-seeds
	@status=0; : >$(FUZZ_WORK)/fuzz-summary.txt; \
	for t in $(FUZZ_NAMES); do \
	  mkdir -p $(FUZZ_WORK)/corpus/$$t $(FUZZ_WORK)/crashes/$$t; \
	  log=$(FUZZ_WORK)/fuzz-$$t.log; dirs=; \
	  for d in $(call fuzz_inputs,$$t); do [ -d $$d ] && dirs="$$dirs $$d"; done; \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(FUZZ_BIN)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict=$(FUZZ_DIR)/news.dict -artifact_prefix=$(FUZZ_WORK)/crashes/$$t/ \
	    $(FUZZ_WORK)/corpus/$$t $$dirs >$$log 2>&1; rc=$$?; \
	  execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log | tail -1); \
	  secs=$$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' $$log | tail -1); \
	  crashes=$$(ls $(FUZZ_WORK)/crashes/$$t | wc -l); \
	  corpus=$$(ls $(FUZZ_WORK)/corpus/$$t | wc -l); \
	  line="$$t: $${secs:-?} s, $${execs:-?} executions, corpus $$corpus, crashes $$crashes, exit $$rc"; \
	  echo "  $$line"; echo "$$line" >>$(FUZZ_WORK)/fuzz-summary.txt; \
	  if [ $$rc -ne 0 ] || [ $$crashes -ne 0 ]; then status=1; \
	    echo "  crash inputs in $(FUZZ_WORK)/crashes/$$t/; last lines of $$log:"; tail -n 40 $$log; fi; \
	done; exit $$status

.PHONY: fuzz-replay fuzz-replay-build
fuzz-replay-build: $(REPLAY_BINS)

fuzz-replay: fuzz-replay-build fuzz-seeds
	@status=0; for t in $(FUZZ_NAMES); do \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(FUZZ_BIN)/replay_$$t $(call fuzz_inputs,$$t) || { echo "fuzz-replay: $$t FAILED"; status=1; }; \
	done; exit $$status

.PHONY: unittest-asan
unittest-asan: $(UNIT_ASAN_BINS)
	@status=0; for t in $(UNIT_ASAN_BINS); do \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $$t || status=1; \
	done; exit $$status

# valgrind: every unit test, and each target's checked-in seeds and
# regressions through the plain driver; VALGRIND_QUICK=1 (CI) leaves out the
# article slices and the long (repeated) seeds, which take minutes under valgrind
VALGRIND = valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect --track-origins=yes
VALGRIND_QUICK ?= 0

.PHONY: unittest-valgrind
unittest-valgrind: $(UNIT_BINS) $(PLAIN_BINS) fuzz-seeds
	@status=0; for t in $(UNIT_BINS); do \
	  $(VALGRIND) $$t || { echo "valgrind: $$t FAILED"; status=1; }; \
	done; \
	for t in $(FUZZ_NAMES); do \
	  if [ "$(VALGRIND_QUICK)" = 1 ]; then dirs="$(filter-out %/long/,$(FUZZ_SEED_DIRS)) $(FUZZ_REGRESSION_DIRS)"; \
	  else dirs="$(call fuzz_inputs,$$t)"; fi; \
	  $(VALGRIND) $(FUZZ_BIN)/plain_$$t $$dirs || { echo "valgrind: plain_$$t FAILED"; status=1; }; \
	done; exit $$status
