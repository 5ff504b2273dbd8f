/*
 * gazetteer.c: word lists and phrase tables for the entity tagger.
 *
 * Word classes (titles, surnames, heads of organisation and place names,
 * months, attribution verbs...) are features of the tagger and drive the
 * rules; each class is one data file of src/data, one entry a line, '#'
 * starts a comment.  Place names also go into a phrase table, matched on
 * token sequences.  The user's own terms (article_tools.gazetteer) use the
 * same phrase table, case-sensitive.
 */
#include "ner.h"

#include <stdio.h>
#include <string.h>

static const struct
{
	const char *file;
	uint32_t	classes;
}			gz_files[] = {
	{"article_tools_ner_places.txt", AT_GZ_LOC},
	{"article_tools_ner_organizations.txt", AT_GZ_ORGNAME},
	{"article_tools_ner_nonentity_names.txt", AT_GZ_NONNAME},
	{"article_tools_ner_surnames.txt", AT_GZ_SURNAME},
	{"article_tools_ner_given_names.txt", AT_GZ_GIVEN},
	{"article_tools_ner_titles.txt", AT_GZ_TITLE},
	{"article_tools_ner_org_heads.txt", AT_GZ_ORGHEAD},
	{"article_tools_ner_place_heads.txt", AT_GZ_LOCHEAD},
	{"article_tools_ner_months.txt", AT_GZ_MONTH},
	{"article_tools_ner_weekdays.txt", AT_GZ_WEEKDAY},
	{"article_tools_ner_attribution.txt", AT_GZ_ATTRIB},
	{"article_tools_ner_nonentity_heads.txt", AT_GZ_NONHEAD},
	{"article_tools_ner_nonentity_acronyms.txt", AT_GZ_NONACRO},
	{"article_tools_ner_demonyms.txt", AT_GZ_DEMONYM},
	{"article_tools_ner_demonyms_world.txt", AT_GZ_DEMONYM},
	{"article_tools_ner_function_words.txt", AT_GZ_FUNC},
};

static uint64_t
hash_lower(const char *s, size_t len)
{
	uint64_t	h = AT_HASH_INIT;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 0x100000001b3ULL;
	}
	return h | 1;				/* 0 marks an empty slot */
}

/* ---- word classes ---------------------------------------------------------- */

uint32_t
at_gz_classes(const AtGazetteer *gz, const char *lower, size_t len)
{
	return at_gz_classes_hashed(gz, at_gz_hash(lower, len), lower, len);
}

uint32_t
at_gz_classes_hashed(const AtGazetteer *gz, uint64_t h, const char *lower, size_t len)
{
	size_t		i;

	if (gz->wcap == 0)
		return 0;
	for (i = h & (gz->wcap - 1);; i = (i + 1) & (gz->wcap - 1))
	{
		const AtWordEntry *e = &gz->words[i];

		if (e->hash == 0)
			return 0;
		if (e->hash == h && e->len == len && memcmp(e->word, lower, len) == 0)
			return e->classes;
	}
}

static void
word_grow(AtGazetteer *gz, const AtMem *mem)
{
	size_t		ncap = gz->wcap ? gz->wcap * 2 : 1024;
	AtWordEntry *nw = at_alloc0(mem, ncap * sizeof(AtWordEntry));

	for (size_t i = 0; i < gz->wcap; i++)
	{
		AtWordEntry *e = &gz->words[i];
		size_t		j;

		if (e->hash == 0)
			continue;
		for (j = e->hash & (ncap - 1); nw[j].hash; j = (j + 1) & (ncap - 1))
			;
		nw[j] = *e;
	}
	if (gz->words)
		at_free(mem, gz->words);
	gz->words = nw;
	gz->wcap = ncap;
}

void
at_gz_add_word(AtGazetteer *gz, const AtMem *mem, const char *word, size_t len,
			   uint32_t classes)
{
	char	   *low;
	uint64_t	h;
	size_t		i;

	if (len == 0)
		return;
	if ((gz->wcount + 1) * 2 > gz->wcap)
		word_grow(gz, mem);
	low = at_strndup(mem, word, len);
	for (i = 0; i < len; i++)
		if (low[i] >= 'A' && low[i] <= 'Z')
			low[i] += 32;
	h = hash_lower(low, len);
	for (i = h & (gz->wcap - 1); gz->words[i].hash; i = (i + 1) & (gz->wcap - 1))
	{
		AtWordEntry *e = &gz->words[i];

		if (e->hash == h && strcmp(e->word, low) == 0)
		{
			e->classes |= classes;
			at_free(mem, low);
			return;
		}
	}
	gz->words[i].hash = h;
	gz->words[i].word = low;
	gz->words[i].len = (uint32_t) len;
	gz->words[i].classes = classes;
	gz->wcount++;
}

/* ---- phrase tables ------------------------------------------------------- */

void
at_phrase_init(AtPhraseTable *t, bool fold)
{
	memset(t, 0, sizeof(*t));
	t->fold = fold;
}

static const char *
tok_bytes(const AtPhraseTable *t, const char *text, const char *norm,
		  const AtNerToken *tok, size_t *len)
{
	if (t->fold)
	{
		*len = tok->normlen;
		return norm + tok->norm;
	}
	*len = tok->len;
	return text + tok->start;
}

static void
phrase_grow(AtPhraseTable *t, const AtMem *mem)
{
	size_t		ncap = t->cap ? t->cap * 2 : 32;
	AtPhraseEntry *ns = at_alloc0(mem, ncap * sizeof(AtPhraseEntry));

	for (size_t i = 0; i < t->cap; i++)
	{
		size_t		j;

		if (t->slots[i].hash == 0)
			continue;
		for (j = t->slots[i].hash & (ncap - 1); ns[j].hash; j = (j + 1) & (ncap - 1))
			;
		ns[j] = t->slots[i];
	}
	if (t->slots)
		at_free(mem, t->slots);
	t->slots = ns;
	t->cap = ncap;
}

#define PHRASE_MAXTOK 12

/* The firstmax slot of a first token's hash */
#define FIRST_SLOT(h) ((size_t) ((h) >> 7) & 4095)

static bool key_equals(const AtPhraseTable *t, const AtPhraseEntry *e, const char *text,
					   const char *norm, const AtNerToken *toks, size_t i, size_t k);

const AtPhraseEntry *
at_phrase_add_tokens(AtPhraseTable *t, const AtMem *mem, const char *text,
					 const char *norm, const AtNerToken *toks, size_t n,
					 AtNerKind kind, const char *canonical, size_t canonlen)
{
	uint64_t	h = AT_HASH_INIT;
	size_t		keylen = 0;
	char	   *key;
	char	   *p;
	size_t		i;

	if (n == 0 || n > PHRASE_MAXTOK)
		return NULL;
	for (i = 0; i < n; i++)
	{
		size_t		bl;
		const char *b = tok_bytes(t, text, norm, &toks[i], &bl);

		if (i > 0)
			h = at_hash_bytes(h, " ", 1);
		h = at_hash_bytes(h, b, bl);
		if (i == 0 && t->firstmax[FIRST_SLOT(h)] < n)
			t->firstmax[FIRST_SLOT(h)] = (uint8_t) n;
		keylen += bl + 1;
	}
	h |= 1;
	if ((t->count + 1) * 2 > t->cap)
		phrase_grow(t, mem);
	for (i = h & (t->cap - 1); t->slots[i].hash; i = (i + 1) & (t->cap - 1))
	{
		if (t->slots[i].hash == h && t->slots[i].ntok == n &&
			key_equals(t, &t->slots[i], text, norm, toks, 0, n))
			break;				/* a later entry replaces an earlier one */
	}
	if (t->slots[i].hash == 0)
	{
		t->count++;
		key = at_alloc(mem, keylen);
		p = key;
		for (size_t k = 0; k < n; k++)
		{
			size_t		bl;
			const char *b = tok_bytes(t, text, norm, &toks[k], &bl);

			if (k > 0)
				*p++ = ' ';
			memcpy(p, b, bl);
			p += bl;
		}
		*p = '\0';
		t->slots[i].key = key;
	}
	else if (t->slots[i].canonical && !t->keep_replaced)
		at_free(mem, (char *) t->slots[i].canonical);

	/*
	 * In a per-call table (keep_replaced) a re-added phrase's old canonical
	 * is not freed: mentions found earlier in the same call may still point
	 * at it (heap-use-after-free found by fuzz_entities).  It goes with the
	 * caller's memory context.
	 */
	t->slots[i].hash = h;
	t->slots[i].canonical = canonical ? at_strndup(mem, canonical, canonlen) : NULL;
	t->slots[i].kind = (uint8_t) kind;
	t->slots[i].ntok = (uint8_t) n;
	t->slots[i].cased = false;
	if (t->fold && n == 1 && canonical && (toks[0].flags & AT_TOK_ALLCAPS) &&
		canonlen == toks[0].len)
		t->slots[i].cased = true;
	if ((int) n > t->maxtok)
		t->maxtok = (int) n;
	return &t->slots[i];
}

bool
at_phrase_add(AtPhraseTable *t, const AtMem *mem, const char *term, size_t len,
			  AtNerKind kind, const char *canonical, size_t canonlen)
{
	AtVec		toks;
	AtBuf		norm;
	bool		ok;

	at_vec_init(&toks, mem, sizeof(AtNerToken));
	at_buf_init(&norm, mem, 64);
	at_ner_tokenize(term, 0, len, &toks, &norm);
	ok = at_phrase_add_tokens(t, mem, term, norm.data, toks.data, toks.len, kind,
							  canonical, canonlen) != NULL;
	if (toks.data)
		at_free(mem, toks.data);
	at_free(mem, norm.data);
	return ok;
}

static bool
key_equals(const AtPhraseTable *t, const AtPhraseEntry *e, const char *text,
		   const char *norm, const AtNerToken *toks, size_t i, size_t k)
{
	const char *p = e->key;

	for (size_t j = 0; j < k; j++)
	{
		size_t		bl;
		const char *b = tok_bytes(t, text, norm, &toks[i + j], &bl);

		if (j > 0 && *p++ != ' ')
			return false;
		if (strncmp(p, b, bl) != 0)
			return false;
		p += bl;
	}
	return *p == '\0';
}

const AtPhraseEntry *
at_phrase_match(const AtPhraseTable *t, const char *text, const char *norm,
				const AtNerToken *toks, size_t i, size_t n)
{
	uint64_t	hs[PHRASE_MAXTOK];
	uint64_t	h = AT_HASH_INIT;
	int			kmax;

	if (t->count == 0)
		return NULL;
	kmax = (int) AT_MIN((size_t) t->maxtok, n - i);
	for (int k = 0; k < kmax; k++)
	{
		size_t		bl;
		const char *b = tok_bytes(t, text, norm, &toks[i + k], &bl);

		if (k > 0)
			h = at_hash_bytes(h, " ", 1);
		h = at_hash_bytes(h, b, bl);
		if (k == 0)
		{
			int			most = t->firstmax[FIRST_SLOT(h)];

			/* no entry longer than the longest that may start here */
			if (most == 0)
				return NULL;
			if (most < kmax)
				kmax = most;
		}
		hs[k] = h | 1;
	}
	/* the probes below are independent: their first slots are asked for at once */
	for (int k = kmax; k >= 1; k--)
		__builtin_prefetch(&t->slots[hs[k - 1] & (t->cap - 1)]);
	for (int k = kmax; k >= 1; k--)
	{
		uint64_t	hk = hs[k - 1];

		for (size_t s = hk & (t->cap - 1); t->slots[s].hash; s = (s + 1) & (t->cap - 1))
		{
			const AtPhraseEntry *e = &t->slots[s];

			if (e->hash == hk && e->ntok == k &&
				key_equals(t, e, text, norm, toks, i, k))
			{
				/* "WHO" the agency, not "Who" opening a question */
				if (e->cased && (strlen(e->canonical) != toks[i].len ||
								 memcmp(text + toks[i].start, e->canonical, toks[i].len) != 0))
					return NULL;
				return e;
			}
		}
	}
	return NULL;
}

/* ---- loading ---------------------------------------------------------------- */

/*
 * A phrase entry, tokenised once into the caller's buffers (reused from
 * line to line: thousands of entries load at backend start); its first
 * token may start a match, a cheap test before the table.
 */
static void
add_phrase(AtGazetteer *gz, const AtMem *mem, const char *line, size_t len,
		   AtNerKind kind, AtVec *toks, AtBuf *norm)
{
	toks->len = 0;
	norm->len = 0;
	at_ner_tokenize(line, 0, len, toks, norm);
	if (toks->len == 0)
		return;
	at_phrase_add_tokens(&gz->places, mem, line, norm->data, toks->data, toks->len, kind,
						 line, len);
	{
		AtNerToken *t = AT_VEC_AT(toks, AtNerToken, 0);

		at_gz_add_word(gz, mem, norm->data + t->norm, t->normlen, AT_GZ_PHRASE1);
	}
}

static AtStatus
load_file(AtGazetteer *gz, const AtMem *mem, const char *dir, const char *file,
		  uint32_t classes)
{
	char		path[4096];
	char		line[512];
	FILE	   *f;
	AtVec		toks;
	AtBuf		norm;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "r");
	if (f == NULL)
		return AT_ERR_DATA_FILE;
	at_vec_init(&toks, mem, sizeof(AtNerToken));
	at_buf_init(&norm, mem, 256);
	while (fgets(line, sizeof(line), f))
	{
		size_t		len = strcspn(line, "#\r\n");
		size_t		s = 0;

		while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			len--;
		if (len == 0)
			continue;
		if (classes & (AT_GZ_LOC | AT_GZ_ORGNAME | AT_GZ_NONNAME))
		{
			add_phrase(gz, mem, line, len,
					   classes == AT_GZ_LOC ? AT_NER_LOC :
					   classes == AT_GZ_ORGNAME ? AT_NER_ORG : AT_NER_NONE, &toks, &norm);
			if (classes == AT_GZ_NONNAME)
				continue;
			/* only one-word organisations are a word class */
			if (classes == AT_GZ_ORGNAME && memchr(line, ' ', len) != NULL)
				continue;
		}
		/* each word of the entry gets the class; words of places LOCPART */
		while (s < len)
		{
			size_t		e = s;

			while (e < len && line[e] != ' ')
				e++;
			if (e > s)
			{
				uint32_t	c = classes;

				if (classes == AT_GZ_LOC && !(s == 0 && e == len))
					c = AT_GZ_LOCPART;
				at_gz_add_word(gz, mem, line + s, e - s, c);
			}
			s = e + 1;
		}
	}
	fclose(f);
	if (toks.data)
		at_free(mem, toks.data);
	if (norm.data)
		at_free(mem, norm.data);
	return AT_OK;
}

/*
 * The words of a loaded table moved into one block: a lookup that finds
 * its hash compares the word, and words allocated one by one lie scattered
 * over the heap (a cache miss each) where a block of tens of KB stays in
 * the cache.
 */
static void
pack_words(AtGazetteer *gz, const AtMem *mem)
{
	size_t		total = 0;
	char	   *pool;

	for (size_t i = 0; i < gz->wcap; i++)
		if (gz->words[i].hash)
			total += gz->words[i].len + 1;
	if (total == 0)
		return;
	pool = at_alloc(mem, total);
	for (size_t i = 0; i < gz->wcap; i++)
	{
		AtWordEntry *e = &gz->words[i];

		if (e->hash == 0)
			continue;
		memcpy(pool, e->word, e->len + 1);
		at_free(mem, (char *) e->word);
		e->word = pool;
		pool += e->len + 1;
	}
}

/* The same for the keys of a loaded phrase table (compared on a hash match) */
static void
pack_keys(AtPhraseTable *t, const AtMem *mem)
{
	size_t		total = 0;
	char	   *pool;

	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].hash)
			total += strlen(t->slots[i].key) + 1;
	if (total == 0)
		return;
	pool = at_alloc(mem, total);
	for (size_t i = 0; i < t->cap; i++)
	{
		AtPhraseEntry *e = &t->slots[i];
		size_t		n;

		if (e->hash == 0)
			continue;
		n = strlen(e->key) + 1;
		memcpy(pool, e->key, n);
		at_free(mem, (char *) e->key);
		e->key = pool;
		pool += n;
	}
}

AtStatus
at_gz_load(AtGazetteer *gz, const AtMem *mem, const char *dir)
{
	AtStatus	st;

	memset(gz, 0, sizeof(*gz));
	at_phrase_init(&gz->places, true);
	for (size_t i = 0; i < AT_LENGTHOF(gz_files); i++)
	{
		st = load_file(gz, mem, dir, gz_files[i].file, gz_files[i].classes);
		if (st != AT_OK)
			return st;
	}
	/* generated by src/tools/gen_chinese_names.js */
	gz->chinese = at_alloc0(mem, sizeof(AtGazetteer));
	at_phrase_init(&gz->chinese->places, true);
	st = load_file(gz->chinese, mem, dir, "article_tools_ner_surnames_pinyin.txt", AT_CN_SURNAME);
	if (st == AT_OK)
		st = load_file(gz->chinese, mem, dir, "article_tools_ner_pinyin.txt", AT_CN_SYLLABLE);
	/* generated by src/tools/gen_places.js from GeoNames */
	if (st == AT_OK)
		st = load_file(gz->chinese, mem, dir, "article_tools_ner_china_places.txt", AT_CN_PLACE);
	/*
	 * generated by src/tools/gen_universities.js: phrases for a rule only
	 * (entities.c, institutions()); their first words are marked in this
	 * table, so the tagger's word classes do not change
	 */
	if (st == AT_OK)
		st = load_file(gz->chinese, mem, dir, "article_tools_ner_universities.txt", AT_GZ_ORGNAME);
	if (st == AT_OK)
		st = load_file(gz->chinese, mem, dir, "article_tools_ner_firm_nouns.txt", AT_CN_FIRM);
	if (st == AT_OK)
		st = load_file(gz->chinese, mem, dir, "article_tools_ner_trade_nouns.txt", AT_CN_TRADE);
	if (st == AT_OK)
	{
		pack_words(gz, mem);
		pack_words(gz->chinese, mem);
		pack_keys(&gz->places, mem);
		pack_keys(&gz->chinese->places, mem);
	}
	return st;
}

/* ---- Chinese names --------------------------------------------------------- */

bool
at_gz_chinese_surname(const AtGazetteer *gz, const char *lower, size_t len)
{
	return (at_gz_classes(gz, lower, len) & AT_GZ_SURNAME) ||
		(gz->chinese && (at_gz_classes(gz->chinese, lower, len) & AT_CN_SURNAME));
}

uint32_t
at_gz_chinese_classes(const AtGazetteer *gz, const char *lower, size_t len)
{
	return gz->chinese ? at_gz_classes(gz->chinese, lower, len) : 0;
}

#define PINYIN_MAXLEN 24

int
at_gz_pinyin_syllables(const AtGazetteer *gz, const char *lower, size_t len, int max)
{
	/* best[i]: fewest syllables that make lower[0..i), or max + 1 */
	int			best[PINYIN_MAXLEN + 1];

	if (gz->chinese == NULL || len == 0 || len > PINYIN_MAXLEN)
		return 0;
	best[0] = 0;
	for (size_t i = 1; i <= len; i++)
	{
		best[i] = max + 1;
		/* a hyphen or apostrophe between syllables: "Xiao-ming", "Xi'an" */
		if ((lower[i - 1] == '-' || lower[i - 1] == '\'') && i > 1 && i < len &&
			lower[i - 2] != '-' && lower[i - 2] != '\'')
		{
			best[i] = best[i - 1];
			continue;
		}
		/* a syllable has 1 to 6 letters ("a", "zhuang") */
		for (size_t k = 1; k <= 6 && k <= i; k++)
		{
			size_t		j = i - k;

			if (best[j] >= max || (j > 0 && best[j] == 0))
				continue;
			if (at_gz_classes(gz->chinese, lower + j, k) & AT_CN_SYLLABLE)
				best[i] = best[i] < best[j] + 1 ? best[i] : best[j] + 1;
		}
	}
	return best[len] <= max ? best[len] : 0;
}
