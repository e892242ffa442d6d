# news_analysis: PostgreSQL extension, built with PGXS.
#   make && make install          build and install into the server of PG_CONFIG
#   make unittest                 C unit tests of the core (no server)
#   make installcheck             pg_regress tests (sql/, expected/) against PG* server
EXTENSION = news_analysis
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

# Two layers: the pure C core (src/core, no postgres.h) is compiled once into
# a static library of position-independent objects, build/core/libna_core.a;
# the binding (src/pg) is the extension's own objects and links that library,
# as do the unit tests, the tools and (in their sanitizer flavours) the fuzzers.
MODULE_big = news_analysis
CORE_SRCS = $(sort $(wildcard src/core/*.c))
BINDING_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(BINDING_SRCS:.c=.o)

# The install script is assembled from one fragment per subsystem.
SQL_FRAGMENTS = $(sort $(wildcard src/sql/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
# Earlier versions' install scripts, frozen as released (src/sql/frozen), and
# the upgrade scripts between versions: ALTER EXTENSION news_analysis UPDATE.
DATA = $(wildcard src/sql/frozen/*.sql) $(wildcard src/sql/upgrade/*.sql)

REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)

WARNINGS = -Wall -Wextra -Werror
# server headers are system headers: -Wextra is for our code, not theirs
PG_CPPFLAGS = -Isrc/pg -Isrc/core -isystem $(shell $(PG_CONFIG) --includedir-server)
# -MMD: objects are rebuilt when a header they include changes
PG_CFLAGS = $(WARNINGS) -MMD -MP
SHLIB_LINK = $(CORE_LIB) -licuuc

EXTRA_CLEAN = build test/unit/bin test/tools/bin results regression.diffs regression.out $(OBJS:.o=.d)

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

-include $(OBJS:.o=.d)

# ---- the core library ----
# na_core_library DIR,CC,CFLAGS: one rule for every build of the core: the
# objects of src/core/*.c in DIR and DIR/libna_core.a.  The default build is
# below; the sanitizer and fuzzing builds (test/mk/reliability.mk) instantiate
# the same rule with their compiler and flags in their own directory.
define na_core_library
$(1)/%.o: src/core/%.c
	@mkdir -p $$(@D)
	$$($(2)) $$($(3)) -MMD -MP -c -o $$@ $$<

$(1)/libna_core.a: $$(patsubst src/core/%.c,$(1)/%.o,$$(CORE_SRCS))
	rm -f $$@
	$$(AR) crs $$@ $$^

-include $$(wildcard $(1)/*.d)
endef

CORE_CC ?= cc
# the extension's flags for the core (-fPIC: it is linked into a shared
# library; PostgreSQL's aliasing and overflow semantics; its style warnings).
# Speed (issue #13; callgrind instructions of quotes() over BBC,
# test/bench/callgrind_paths.sh): -O3 and -fvisibility=hidden together
# 744.8M -> 712.9M (-4.3%; -O3 alone 718.6M, hidden alone 738.9M).  Hidden:
# the core's functions are called only from inside news_analysis.so (and
# the static unit tests and tools), so none need be exported; without it
# every call between core functions goes through the PLT and -fPIC forbids
# inlining them (they might be interposed).  The binding's objects keep
# PGXS's flags: PostgreSQL 15's PGDLLEXPORT is empty, so the SQL-callable
# functions must stay visible by default.  Not used: -flto over the core
# and the binding measured more instructions (755.5M at -O2, 727.7M at
# -O3), and profile-guided optimisation would make the build depend on a
# training run over a corpus that is not in the repository.
CORE_LIB_CFLAGS ?= -std=c11 -O3 -g -fPIC -fvisibility=hidden -fno-strict-aliasing -fwrapv \
	$(WARNINGS) -Wmissing-prototypes -Wdeclaration-after-statement -Wvla
CORE_LIB = build/core/libna_core.a
$(eval $(call na_core_library,build/core,CORE_CC,CORE_LIB_CFLAGS))

$(shlib): $(CORE_LIB)

# ---- the lexicon: data/lexicon/*.tsv compiled by scripts/gen-lexicon ----
# The generated files are committed, so a build needs no Python; where
# python3 is present, editing a list regenerates them.
LEXICON_TSV = $(sort $(wildcard data/lexicon/*.tsv))
LEXICON_GENERATED = src/core/lexicon_data.c src/core/lexicon_ids.h
ifneq ($(shell command -v python3 2>/dev/null),)
$(LEXICON_GENERATED) &: $(LEXICON_TSV) scripts/gen-lexicon
	python3 scripts/gen-lexicon
endif
# every core object may include lexicon_ids.h (through na_lexicon.h)
$(patsubst src/core/%.c,build/core/%.o,$(CORE_SRCS)): src/core/lexicon_ids.h

.PHONY: lexicon lexicon-check
lexicon: $(LEXICON_GENERATED)
# fails when the generated files are out of step with the lists, a list is
# malformed (unsorted, a duplicate), or a word list is declared in C
lexicon-check:
	@python3 scripts/gen-lexicon --check

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_FRAGMENTS) $(EXTENSION).control
	cat $(SQL_FRAGMENTS) > $@

# ---- the core without a server: unit tests and tools ----
CORE_CFLAGS ?= -std=c11 -O2 -g $(WARNINGS)
CORE_HEADERS = $(wildcard src/core/*.h)
UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(patsubst test/unit/%.c,test/unit/bin/%,$(UNIT_SRCS))
TOOL_BINS = $(patsubst test/tools/%.c,test/tools/bin/%,$(sort $(wildcard test/tools/*.c)))

test/unit/bin/%: test/unit/%.c test/unit/unit.h $(CORE_HEADERS) $(CORE_LIB)
	@mkdir -p $(@D)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/unit -o $@ $< $(CORE_LIB) -licuuc

test/tools/bin/%: test/tools/%.c test/tools/tool_io.h $(CORE_HEADERS) $(CORE_LIB)
	@mkdir -p $(@D)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -o $@ $< $(CORE_LIB) -licuuc

.PHONY: unittest tools
tools: $(TOOL_BINS)

unittest: $(UNIT_BINS) $(TOOL_BINS)
	@status=0; for t in $(UNIT_BINS); do $$t || status=1; done; \
	if python3 scripts/gen-lexicon --check; then echo "lexicon_check: 1 passed, 0 failed"; \
	else echo "lexicon_check: 0 passed, 1 failed"; status=1; fi; \
	if python3 scripts/check-function-comments; then echo "function_comments: 1 passed, 0 failed"; \
	else echo "function_comments: 0 passed, 1 failed"; status=1; fi; exit $$status

.PHONY: unittest-build
unittest-build: $(UNIT_BINS) $(TOOL_BINS)

# Further targets (fuzzing, sanitizers, benchmarks) live beside the tests.
-include $(sort $(wildcard test/mk/*.mk))
