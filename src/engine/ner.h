/*
 * ner.h: named entities (people, organisations, locations) in news text.
 *
 * The pieces, one file each:
 *   ner_tokens.c    PTB-like tokens of raw text (so features learned on the
 *                   pre-tokenised GMB corpus transfer: "Iraq 's", "n't", "U.S.")
 *   gazetteer.c     word classes (titles, surnames, heads, months...) and
 *                   phrase tables (places, the user's own terms)
 *   ner_features.c  feature hashing and the model file of the
 *                   averaged-perceptron tagger; shared with the training tool
 *   ner_decode.c    Viterbi decoding of a sentence (BIO tags)
 *   entities.c      the pipeline: sentences -> tokens -> tags -> rules for
 *                   news (name runs with "of"/"and", heads, headlines,
 *                   acronyms) -> canonical names within the text
 */
#ifndef AT_NER_H
#define AT_NER_H

#include "common.h"

/* ---- tokens ---------------------------------------------------------------- */

typedef struct AtNerToken
{
	uint32_t	start;			/* byte offset in the input */
	uint32_t	len;			/* bytes */
	uint32_t	norm;			/* offset of the normalised form in the norm buffer */
	uint16_t	normlen;
	uint16_t	flags;			/* AT_TOK_* */
	uint32_t	gz;				/* gazetteer word classes (AT_GZ_*) */
	uint8_t		shapelen;
	char		shape[11];		/* word shape: Xx, XX, d.d ... (runs collapsed) */
} AtNerToken;

#define AT_TOK_UPPER1	0x01	/* first letter is a capital */
#define AT_TOK_ALLCAPS	0x02	/* has letters, all capitals (and >= 2 of them) */
#define AT_TOK_ALPHA	0x04	/* has a letter */
#define AT_TOK_DIGIT	0x08	/* has a digit */
#define AT_TOK_PUNCT	0x10	/* no letter or digit */
#define AT_TOK_HYPHEN	0x20	/* has an inner hyphen */
#define AT_TOK_LOWERTAIL 0x40	/* hyphenated with a lower-case last part ("-based") */
#define AT_TOK_ANYUPPER	0x80	/* has a capital somewhere ("al-Qaida", "iPhone") */

/*
 * Tokens of text[start..end) appended to toks; normalised forms (ASCII
 * lower case, curly quotes made straight) are appended to norm.
 */
extern void at_ner_tokenize(const char *text, size_t start, size_t end,
							AtVec *toks, AtBuf *norm);

/* One token text[s..e) with its flags and normalised form (the training
 * tool builds GMB's given tokens with it) */
extern void at_ner_add_token(const char *text, size_t s, size_t e, AtVec *toks,
							 AtBuf *norm);

/* ---- gazetteers ---------------------------------------------------------- */

#define AT_GZ_LOC		0x0001	/* a place name on its own (one word) */
#define AT_GZ_LOCPART	0x0002	/* a word of a multi-word place name */
#define AT_GZ_SURNAME	0x0004	/* common Chinese surname */
#define AT_GZ_TITLE		0x0008	/* person title (Mr., President, CEO) */
#define AT_GZ_ORGHEAD	0x0010	/* organisation head or suffix (University, Co.) */
#define AT_GZ_LOCHEAD	0x0020	/* place head (Province, District) */
#define AT_GZ_MONTH		0x0040
#define AT_GZ_WEEKDAY	0x0080
#define AT_GZ_ATTRIB	0x0100	/* attribution verb (said, told) */
#define AT_GZ_NONHEAD	0x0200	/* head of a non-entity name (Initiative, Plan) */
#define AT_GZ_NONACRO	0x0400	/* acronym that is not an entity (GDP, CEO) */
#define AT_GZ_DEMONYM	0x0800	/* nationality adjective (Chinese, British) */
#define AT_GZ_FUNC		0x1000	/* function word (the, of, in, this) */
#define AT_GZ_ORGNAME	0x2000	/* a known organisation on its own (Congress, Xinhua) */
#define AT_GZ_PHRASE1	0x4000	/* first word of a place or organisation entry */
#define AT_GZ_NONNAME	0x8000	/* (file class only) names of no entity: "Belt and Road" */
#define AT_GZ_PLACE_B	0x10000	/* first token of a gazetteer place match */
#define AT_GZ_PLACE_I	0x20000	/* later token of a gazetteer place match */
#define AT_GZ_ORG_B		0x40000	/* first token of a known organisation */
#define AT_GZ_ORG_I		0x80000	/* later token of a known organisation */
#define AT_GZ_GIVEN		0x100000	/* common given name (Dean, Maxime) */

typedef enum AtNerKind
{
	AT_NER_NONE = 0,
	AT_NER_PERSON,
	AT_NER_ORG,
	AT_NER_LOC
} AtNerKind;

typedef struct AtPhraseEntry
{
	uint64_t	hash;
	const char *key;			/* tokens joined by one space */
	const char *canonical;
	uint8_t		kind;			/* AtNerKind */
	uint8_t		ntok;
	bool		cased;			/* an acronym ("WHO", "US"): matches only as written */
} AtPhraseEntry;

/* Open-addressing table of token sequences (places, user terms) */
typedef struct AtPhraseTable
{
	AtPhraseEntry *slots;
	size_t		cap;			/* power of 2, or 0 when empty */
	size_t		count;
	int			maxtok;
	bool		fold;			/* keys compare in lower case */
	bool		keep_replaced;	/* per-call table: mentions may point at replaced canonicals */
	/*
	 * By a hash of the first token: the most tokens of an entry starting
	 * with it, 0 for none (most tokens start nothing; the others need not
	 * hash more tokens than the longest entry they may start)
	 */
	uint8_t		firstmax[4096];
} AtPhraseTable;

typedef struct AtWordEntry
{
	uint64_t	hash;
	const char *word;			/* lower case */
	uint32_t	len;
	uint32_t	classes;
} AtWordEntry;

typedef struct AtGazetteer
{
	AtWordEntry *words;
	size_t		wcap;
	size_t		wcount;
	AtPhraseTable places;		/* built-in places and organisations, case-folded */

	/*
	 * Chinese names, kept out of the word classes (which are tagger
	 * features): generated surnames (AT_CN_SURNAME) and pinyin syllables
	 * (AT_CN_SYLLABLE), in a word table of their own.  Its phrase table
	 * holds the universities (AT_GZ_PHRASE1 marks their first words here),
	 * rule-only as well.
	 */
	struct AtGazetteer *chinese;
} AtGazetteer;

#define AT_CN_SURNAME	0x4			/* bits load_file() gives no special meaning */
#define AT_CN_SYLLABLE	0x8
#define AT_CN_PLACE		0x10		/* a place in China: "Haidian", "Zhejiang" */
#define AT_CN_FIRM		0x20		/* (rule-only, any text) a noun for a company: "firm" */
#define AT_CN_TRADE		0x40		/* (rule-only) a company's or a person's: "maker" */

extern uint32_t at_gz_classes(const AtGazetteer *gz, const char *lower, size_t len);

/*
 * The same in two steps, so that a caller with many words can ask for the
 * slot of one (at_gz_prefetch) while it looks up another: the hash that
 * at_gz_classes_hashed() probes with is at_gz_hash()'s.  The plain hash,
 * not a folding one: a word with a capital A-Z has no entry (entries are
 * stored folded and compared byte for byte), and without one both hashes
 * are the same.
 */
static inline uint64_t at_gz_hash(const char *lower, size_t len);
extern uint32_t at_gz_classes_hashed(const AtGazetteer *gz, uint64_t h,
									 const char *lower, size_t len);

static inline void
at_gz_prefetch(const AtGazetteer *gz, uint64_t h)
{
	if (gz->wcap != 0)
		__builtin_prefetch(&gz->words[h & (gz->wcap - 1)]);
}

/* AT_CN_* classes of a word (lower case) */
extern uint32_t at_gz_chinese_classes(const AtGazetteer *gz, const char *lower, size_t len);

/* A Chinese surname of either list ("Xi", "He", "Ouyang", "Chan") */
extern bool at_gz_chinese_surname(const AtGazetteer *gz, const char *lower, size_t len);

/*
 * How many pinyin syllables the word makes, fewest first ("lifeng": 2,
 * "jinping": 2, "xiao-ming": 2, "said": 0); 0 also above max.
 */
extern int	at_gz_pinyin_syllables(const AtGazetteer *gz, const char *lower, size_t len,
								   int max);
extern void at_gz_add_word(AtGazetteer *gz, const AtMem *mem, const char *word,
						   size_t len, uint32_t classes);

/* Loads the built-in lists from dir (article_tools_ner_*.txt) */
extern AtStatus at_gz_load(AtGazetteer *gz, const AtMem *mem, const char *dir);

extern void at_phrase_init(AtPhraseTable *t, bool fold);
/* Adds a term (tokenised like text); returns false if it has no token */
extern bool at_phrase_add(AtPhraseTable *t, const AtMem *mem, const char *term,
						  size_t len, AtNerKind kind, const char *canonical,
						  size_t canonlen);

/* Adds the sequence toks[0..n) (of text and norm); returns the entry or NULL */
extern const AtPhraseEntry *at_phrase_add_tokens(AtPhraseTable *t, const AtMem *mem,
												 const char *text, const char *norm,
												 const AtNerToken *toks, size_t n,
												 AtNerKind kind, const char *canonical,
												 size_t canonlen);

/*
 * Longest entry matching the tokens at toks[i..n), or NULL.  text and norm
 * are the input and the normalised-forms buffer the tokens point into.
 */
extern const AtPhraseEntry *at_phrase_match(const AtPhraseTable *t,
											const char *text, const char *norm,
											const AtNerToken *toks, size_t i,
											size_t n);

/* ---- model ----------------------------------------------------------------- */

/* BIO tags */
enum
{
	AT_TAG_O = 0,
	AT_TAG_B_PER, AT_TAG_I_PER,
	AT_TAG_B_ORG, AT_TAG_I_ORG,
	AT_TAG_B_LOC, AT_TAG_I_LOC,
	AT_NTAGS
};

#define AT_TAG_KIND(t)	((AtNerKind) (((t) + 1) / 2))
#define AT_TAG_IS_B(t)	((t) != AT_TAG_O && ((t) & 1))
#define AT_TAG_ROW		8		/* weights per feature bucket (padded) */

typedef struct AtNerModel
{
	int16_t    *w;				/* nbuckets * AT_TAG_ROW */
	uint32_t	nbuckets;		/* power of 2 */
	float		scale;			/* weight = w * scale */
	float		trans[AT_NTAGS][AT_NTAGS];	/* transition weights (from w) */
	AtGazetteer gz;
	size_t		bytes;			/* memory held */
} AtNerModel;

/*
 * Bucket of a feature hash.  FNV-1a's last bytes reach only its low and top
 * bits, so the hash is mixed first (MurmurHash3's finaliser): without it,
 * words that differ only in their last letter shared buckets.
 */
static inline uint32_t
at_ner_bucket(uint64_t h, uint32_t mask)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (uint32_t) h & mask;
}

#define AT_NER_BUCKET(h, mask)	at_ner_bucket(h, mask)

#define AT_NER_MODEL_FILE	"article_tools_ner.model"
#define AT_NER_MAXFEAT		48

/* The sentence a tagger sees: tokens with their normalised forms */
typedef struct AtNerSent
{
	const char *text;
	const char *norm;
	AtNerToken *toks;
	size_t		n;
} AtNerSent;

/*
 * Feature hashes of token i that do not depend on tags; returns how many
 * (at most AT_NER_MAXFEAT).
 */
extern int	at_ner_features(const AtNerSent *s, size_t i, uint64_t *out);

/* Feature hash of the transition from tag prev (its row: the next tag) */
extern uint64_t at_ner_transition(int prev);

/* Word classes and place matches of every token (before tagging) */
extern void at_ner_annotate(const AtGazetteer *gz, AtNerSent *s);

/*
 * The same, keeping in wh[i] (s->n entries) the hash of each word it looked
 * up (0 for the others), which at_ner_tag_hashed() reuses for features
 */
extern void at_ner_annotate_hashed(const AtGazetteer *gz, AtNerSent *s, uint64_t *wh);

/*
 * Tags token i may take, as a bit set (1 << tag): any when it has a
 * capital; O or inside-a-name for a short connector ("of", "and", "de",
 * "&") within two tokens after a capital ("Bank of the ..."); else only O,
 * which the decoder does not score.
 */
#define AT_NER_ONLY_O	(1u << AT_TAG_O)
extern uint32_t at_ner_tagmask(const AtNerSent *s, size_t i);

/* Allowed tag after prev (BIO: I-X only after B-X or I-X) */
static inline bool
at_ner_allowed(int prev, int tag)
{
	if (tag == AT_TAG_O || AT_TAG_IS_B(tag))
		return true;
	return prev == tag || prev == tag - 1;
}

/* Weights a decoder reads: the model's (quantised) or a trainer's */
typedef struct AtNerWeights
{
	const int16_t *q;			/* nbuckets * AT_TAG_ROW, or NULL */
	const float *f;				/* used when q is NULL */
	uint32_t	mask;			/* nbuckets - 1 */
	float		trans[AT_NTAGS][AT_NTAGS];	/* [prev][tag] */
} AtNerWeights;

/* Sets up w for quantised weights q or float weights f */
extern void at_ner_weights_init(AtNerWeights *w, const int16_t *q,
								const float *f, uint32_t nbuckets);

/*
 * Best tag sequence of a sentence (Viterbi, BIO constraints); back is
 * scratch of s->n entries.  em, when not NULL, receives the token scores
 * (s->n rows of AT_TAG_ROW; tokens that may only be O are not scored and
 * their rows are left alone).  The training tool runs the same function.
 */
extern void at_ner_viterbi(const AtNerWeights *w, const AtNerSent *s,
						   uint8_t *tags, uint32_t *back, float *em);

/* Scores of every tag at token i from its features alone (no transition) */
extern void at_ner_token_scores(const AtNerWeights *w, const AtNerSent *s,
								size_t i, float *sc);

/*
 * Tagging of a sentence; tags[i] and conf[i] (0..1) per token.
 */
extern void at_ner_tag(const AtNerModel *m, const AtNerSent *s, uint8_t *tags,
					   float *conf);

/* at_ner_tag() with the hashes of at_ner_annotate_hashed() for s (or NULL) */
extern void at_ner_tag_hashed(const AtNerModel *m, const AtNerSent *s, const uint64_t *wh,
							  uint8_t *tags, float *conf);

extern AtStatus at_ner_model_load(AtNerModel *m, const AtMem *mem, const char *dir);
extern AtStatus at_ner_model_save(const char *path, const float *w,
								  uint32_t nbuckets);

/* ---- extraction ------------------------------------------------------------- */

typedef struct AtEntity
{
	AtNerKind	kind;
	size_t		start;			/* bytes */
	size_t		len;
	int			sentence;		/* 0-based, as at_split_sentences */
	float		score;
	const char *canonical;		/* NUL-terminated, in the caller's memory */
} AtEntity;

/*
 * Entities of text[0..len), in text order, appended to out (AtEntity).
 * user may be NULL.  All memory comes from mem.
 */
extern void at_extract_entities(const AtNerModel *m, const AtPhraseTable *user,
								const char *text, size_t len, const AtMem *mem,
								AtVec *out);

/*
 * The same for text the caller knows is valid UTF-8 (the server's): no
 * validation pass.  Only valid UTF-8 is classified for page chrome, so
 * at_extract_entities checks first.
 */
extern void at_extract_entities_utf8(const AtNerModel *m, const AtPhraseTable *user,
									 const char *text, size_t len, const AtMem *mem,
									 AtVec *out);

/* FNV-1a, used for features and tables */
static inline uint64_t
at_hash_bytes(uint64_t h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 0x100000001b3ULL;
	return h;
}

#define AT_HASH_INIT 0xcbf29ce484222325ULL

static inline uint64_t
at_gz_hash(const char *lower, size_t len)
{
	return at_hash_bytes(AT_HASH_INIT, lower, len) | 1;	/* 0 marks an empty slot */
}

#endif							/* AT_NER_H */
