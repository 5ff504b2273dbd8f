# Full-text search benchmark (needs ../shared/corpus/news)
.PHONY: bench-tsearch
bench-tsearch:
	bash test/bench/tsearch.sh
