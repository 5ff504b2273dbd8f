# Fuzzing (libFuzzer, clang, ASan+UBSan): see README "Robustness".
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_JOBS=2] [FUZZ_TARGETS="fuzz_sentences ..."]
#                      build every target in test/fuzz/ and run each for a bounded time
#   make fuzz-build    build them only (build/fuzz/<target>)
#   make fuzz-regress  replay the committed regression inputs test/fuzz/regress/<target>/*
#
# A target is test/fuzz/fuzz_<entry point>.c linked with the whole engine.

FUZZ_CC ?= clang
FUZZ_CFLAGS ?= -std=gnu11 -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 2
FUZZ_ALL = $(sort $(basename $(notdir $(wildcard test/fuzz/fuzz_*.c))))
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_BINS = $(addprefix build/fuzz/,$(FUZZ_ALL))

build/fuzz/fuzz_%: test/fuzz/fuzz_%.c test/fuzz/fuzz.h $(ENGINE_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(PCRE2_CFLAGS) -o $@ $< $(FUZZ_EXTRA_$*) $(ENGINE_SRCS) $(PCRE2_LIBS) -lm

# fuzz_html compares our tokenizer with libxml2's parser (a test tool)
FUZZ_EXTRA_html = $(HTML_REF_SRCS)
build/fuzz/fuzz_html: $(FUZZ_EXTRA_html) test/html/libxml2_reader.h

.PHONY: fuzz fuzz-build fuzz-regress
fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	bash test/fuzz/run.sh --seconds $(FUZZ_SECONDS) --jobs $(FUZZ_JOBS) $(FUZZ_TARGETS)

fuzz-regress: fuzz-build
	bash test/fuzz/run.sh --regress-only $(FUZZ_TARGETS)
