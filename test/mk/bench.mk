# Benchmarks: make bench (needs ../shared/corpus/news; skips without it).
.PHONY: bench
bench:
	bash test/bench/run.sh
