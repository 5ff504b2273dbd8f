# article_tools: PGXS build.
#
#   make                 build the extension
#   make install         install it into the server of $(PG_CONFIG)
#   make installcheck    pg_regress against a running server (one file: REGRESS=metrics)
#   make dev             build with warnings as errors (test/run_tests.sh does)
#   make unit            build and run the engine unit tests (no server needed)
#   make dist            dist/article_tools-VERSION.zip of the committed tree (for PGXN)
#
# Build against another server with  make PG_CONFIG=/path/to/pg_config

EXTENSION = article_tools
EXTVERSION = 1.1
MODULE_big = article_tools

ENGINE_SRCS = $(sort $(wildcard src/engine/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(ENGINE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The install script is assembled from one piece per feature.
SQL_PIECES = $(sort $(wildcard src/sql/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
# Upgrade scripts (article_tools--A--B.sql) and data files (word lists, models)
DATA = $(wildcard src/sql/upgrade/$(EXTENSION)--*--*.sql) $(wildcard src/data/$(EXTENSION)_*)

# pg_regress: every file runs alone; pg_regress creates the extension.
REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=$(EXTENSION)

PCRE2_CFLAGS := $(shell pkg-config --cflags libpcre2-8)
PCRE2_LIBS := $(shell pkg-config --libs libpcre2-8)

# libxml2 gives the HTML tokenizer its table of named character references
# (htmlEntityLookup); every line that links the engine (module, unit tests,
# fuzzers, tools) uses the PCRE2 flags, so libxml2 is added to them.
XML2_CFLAGS := $(shell pkg-config --cflags libxml-2.0)
XML2_LIBS := $(shell pkg-config --libs libxml-2.0)
PCRE2_CFLAGS += $(XML2_CFLAGS)
PCRE2_LIBS += $(XML2_LIBS)

PG_CPPFLAGS = $(PCRE2_CFLAGS)
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
# Warnings are errors in development and CI builds only (make dev, WERROR=1).
ifdef WERROR
PG_CFLAGS += -Werror
endif
SHLIB_LINK = $(PCRE2_LIBS)

EXTRA_CLEAN = build dist results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PIECES)
	cat $(SQL_PIECES) > $@

# Every object depends on every engine header: the engine is small.
$(OBJS): $(wildcard src/engine/*.h) $(wildcard src/pg/*.h)

.PHONY: dev
dev:
	$(MAKE) WERROR=1 all

# ---- engine unit tests, outside the server ---------------------------------
UNIT_CC ?= cc
UNIT_CFLAGS ?= -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter
# test/html/libxml2_*.c: libxml2's HTML parser as a reader, a test tool the
# unit tests and fuzz_html compare our tokenizer with (never in the module)
HTML_REF_SRCS = test/html/libxml2_reader.c test/html/libxml2_prepass.c
UNIT_SRCS = $(sort $(wildcard test/unit/*.c)) $(HTML_REF_SRCS)
UNIT_SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
# the engine counts the bytes its scanners look at (test_robust.c checks the growth)
UNIT_DEFS = -DAT_COUNT_STEPS

build/unit_tests: $(ENGINE_SRCS) $(UNIT_SRCS) $(wildcard src/engine/*.h) $(wildcard test/unit/*.h)
	@mkdir -p build
	$(UNIT_CC) $(UNIT_CFLAGS) $(UNIT_DEFS) $(PCRE2_CFLAGS) -o $@ $(ENGINE_SRCS) $(UNIT_SRCS) $(PCRE2_LIBS) -lm

build/unit_tests_san: $(ENGINE_SRCS) $(UNIT_SRCS) $(wildcard src/engine/*.h) $(wildcard test/unit/*.h)
	@mkdir -p build
	$(UNIT_CC) $(UNIT_CFLAGS) $(UNIT_DEFS) $(UNIT_SAN) $(PCRE2_CFLAGS) -o $@ $(ENGINE_SRCS) $(UNIT_SRCS) $(PCRE2_LIBS) -lm

.PHONY: unit unit-san
unit: build/unit_tests
	build/unit_tests

unit-san: build/unit_tests_san
	build/unit_tests_san

# ---- release archive of HEAD (PGXN takes a zip with one top folder) --------
.PHONY: dist
dist:
	mkdir -p dist
	git archive --format zip --prefix=$(EXTENSION)-$(EXTVERSION)/ \
		--output dist/$(EXTENSION)-$(EXTVERSION).zip HEAD

# Feature makefiles (model training, fuzzing, benchmarks) add their targets here.
-include $(sort $(wildcard src/mk/*.mk test/mk/*.mk))
