# Benchmarks: make bench (needs ../shared/corpus/news; skips without it).
.PHONY: bench
bench:
	bash test/bench/run.sh

# build/engine_corpus DATADIR entities|metrics|both [-n N] < list: the
# engine's output over whole files (byte-identical checks, profiling; see
# test/bench/engine_corpus.c; profile it with valgrind --tool=callgrind)
build/engine_corpus: test/bench/engine_corpus.c src/tools/tool_io.c src/tools/tool_io.h $(ENGINE_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) -std=gnu11 -O2 -g -fno-strict-aliasing -fwrapv -Wall -Wextra -Werror -Wno-unused-parameter $(PCRE2_CFLAGS) -o $@ test/bench/engine_corpus.c src/tools/tool_io.c $(ENGINE_SRCS) $(PCRE2_LIBS) -lm
