/*
 * entities.c: people, organisations and places of a news text.
 *
 * 1. sentences (sentences.c) and PTB-like tokens (ner_tokens.c);
 * 2. the tagger (ner_features.c) on ordinary sentences; headline-case and
 *    all-capitals lines are not tagged (every word is capitalised, so
 *    capitals say nothing) and only get names known from elsewhere;
 * 3. rules for news: runs of capitalised words with "of"/"and" around an
 *    organisation or place head ("Bank of China", "Haidian District"),
 *    places from the gazetteer the tagger missed, titles, months, weekdays,
 *    initiative acronyms and lone heads dropped, acronyms defined in
 *    parentheses;
 * 4. the user's terms override everything;
 * 5. canonical names within the text: a later "Chen" is the earlier "Chen
 *    Hongbo", "Tsinghua" the earlier "Tsinghua University", "CSRC" the name
 *    it abbreviates.
 */
#include "chrome.h"
#include "ner.h"
#include "sentences.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct Mention
{
	size_t		t0,
				t1;				/* tokens [t0, t1) */
	int			kind;
	int			sent;
	float		score;
	const char *canon;			/* fixed canonical (user term, alias), or NULL */
	int			target;			/* index of the mention this one abbreviates, or -1 */
	bool		dead;
	bool		sure;			/* a tagger span the rules leave alone (SURE_CONF) */
} Mention;

/*
 * A tagger span this confident, in an ordinary sentence, is right more
 * often than the rules that would cut, retype or replace it ("U.S.
 * National Park Service", "Revolutionary Armed Forces of Colombia").
 */
#define SURE_CONF 0.9f

typedef struct Ctx
{
	const AtNerModel *m;
	const AtPhraseTable *user;
	const char *text;
	const AtMem *mem;
	AtNerToken *toks;
	const char *norm;
	size_t		ntok;
	AtVec		ments;			/* Mention */
	AtSpan	   *sents;			/* token ranges of sentences (start, len) */
	size_t		nsent;
	AtVec		nonacro;		/* size_t token indexes of acronyms defined as non-entities */
	int		   *owner;			/* per token: the live mention covering it, or -1 */
	uint8_t    *tags;			/* per token: the tagger's tag */
	bool		china;			/* the text says "China" or "Chinese" */
	/*
	 * Per sentence: the flags and the word classes of any of its tokens; a
	 * rule whose trigger (an acronym, a hyphenated word, a surname) is in
	 * neither returns at once
	 */
	uint16_t   *sent_flags;
	uint32_t   *sent_gz;
	uint64_t   *sent_words;		/* word_bit() of each of its tokens */
	uint64_t   *whash;			/* per token: at_ner_annotate_hashed()'s word hash, or 0 */
} Ctx;

/* Does sentence sent have a token with flag f (AT_TOK_*)?  With class g (AT_GZ_*)? */
#define SENT_HAS_FLAG(c, sent, f) (((c)->sent_flags[sent] & (f)) != 0)
#define SENT_HAS_GZ(c, sent, g) (((c)->sent_gz[sent] & (g)) != 0)

/*
 * A normalised word's bit in a sentence's signature, by its length and
 * first byte (w[0] is readable even for an empty word: the norm buffer
 * ends with a NUL): a sentence without the bit of a word has no such token
 */
static inline uint64_t
word_bit(const char *w, size_t len)
{
	return 1ULL << (((unsigned char) w[0] + 8 * (unsigned) len) & 63);
}

/* May sentence sent have a token whose normalised form is the literal w? */
#define SENT_MAY_HAVE(c, sent, w) (((c)->sent_words[sent] & word_bit((w), sizeof(w) - 1)) != 0)

/*
 * Rule switches, for measuring what each stage of extract() does
 * (test/entities/rule_diff.sh builds the scorer with -DAT_NER_RULE_SWITCHES;
 * bit n of at_ner_rules_off skips stage n, named in at_ner_rule_names).
 * The extension is built without them.
 */
#ifdef AT_NER_RULE_SWITCHES
unsigned long at_ner_rules_off;
#define STAGE(n, call) (((at_ner_rules_off >> (n)) & 1) ? (void) 0 : (void) (call))
#define SWITCHED(n) ((at_ner_rules_off >> (n)) & 1)
#else
#define STAGE(n, call) ((void) (call))
#define SWITCHED(n) 0
#endif

#define TK(c, i)	(&(c)->toks[i])
#define GZ(c, i)	((c)->toks[i].gz)
#define FL(c, i)	((c)->toks[i].flags)

static inline bool
norm_is_len(const Ctx *c, size_t i, const char *w, size_t l)
{
	return c->toks[i].normlen == l && memcmp(c->norm + c->toks[i].norm, w, l) == 0;
}

/* w is a string literal */
#define norm_is(c, i, w) norm_is_len((c), (i), (w), sizeof(w) - 1)

static bool
is_connector(const Ctx *c, size_t i)
{
	return norm_is(c, i, "of") || norm_is(c, i, "and") || norm_is(c, i, "for") ||
		norm_is(c, i, "&") || norm_is(c, i, "on") || norm_is(c, i, "de");
}

/*
 * A name that starts with an Arabic particle in lower case: "al-Qaida",
 * "el-Sisi", "bin" or "ibn" before a capitalised word ("bin Laden").  The
 * particle is part of the name, not a lower-case word to trim off it.
 */
static bool
particle_name(const Ctx *c, size_t i)
{
	static const char *const pfx[] = {
		"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ud-", "ul-", "abu-", "abd-"
	};
	const AtNerToken *t = TK(c, i);
	const char *w = c->norm + t->norm;

	if ((t->flags & (AT_TOK_UPPER1 | AT_TOK_ANYUPPER)) != AT_TOK_ANYUPPER)
	{
		/* "bin Laden": the particle alone, a capital after it */
		if ((t->flags & AT_TOK_ANYUPPER) == 0 && i + 1 < c->ntok &&
			(FL(c, i + 1) & AT_TOK_UPPER1) &&
			(norm_is(c, i, "bin") || norm_is(c, i, "ibn") || norm_is(c, i, "al")))
			return true;
		return false;
	}
	for (size_t k = 0; k < AT_LENGTHOF(pfx); k++)
	{
		size_t		l = strlen(pfx[k]);

		if (t->normlen > l && memcmp(w, pfx[k], l) == 0 &&
			(unsigned char) c->text[t->start + l] >= 'A' && (unsigned char) c->text[t->start + l] <= 'Z')
			return true;
	}
	return false;
}

/*
 * A capitalised word that can be part of a name; of the hyphenated words
 * with a lower-case tail ("Beijing-based"), only those that open zones'
 * names ("High-tech Zone")
 */
static inline bool
is_name_word(const Ctx *c, size_t i)
{
	uint16_t	f = FL(c, i);

	return (f & AT_TOK_UPPER1) &&
		(!(f & AT_TOK_LOWERTAIL) || norm_is(c, i, "high-tech") || norm_is(c, i, "hi-tech")) &&
		!(GZ(c, i) & (AT_GZ_MONTH | AT_GZ_WEEKDAY));
}

/*
 * A word that opens with a digit and has capitals but no lower-case
 * letter names something as a capitalised word does: call signs ("6PR",
 * "3AW"), companies ("3M"), teams ("49ers" aside).  Technical terms of the
 * kind ("5G", "3D") are in the non-entity acronym list.
 */
static inline bool
digit_name(const Ctx *c, size_t i)
{
	const AtNerToken *t = TK(c, i);

	if ((FL(c, i) & (AT_TOK_DIGIT | AT_TOK_ANYUPPER)) != (AT_TOK_DIGIT | AT_TOK_ANYUPPER))
		return false;
	if (c->text[t->start] < '0' || c->text[t->start] > '9')
		return false;
	for (size_t b = 0; b < t->len; b++)
		if (c->text[t->start + b] >= 'a' && c->text[t->start + b] <= 'z')
			return false;
	return true;
}

/*
 * The passes after the sentence loop run over every mention of the text:
 * they check for a cancel every 1024 of them, as the sentence loop does
 * once a sentence.
 */
static inline void
interrupt_point(size_t k)
{
	if ((k & 1023) == 0)
		AT_CHECK_INTERRUPTS();
}

static Mention *
add_mention(Ctx *c, size_t t0, size_t t1, int kind, int sent, float score)
{
	Mention    *m = at_vec_push(&c->ments);

	m->t0 = t0;
	m->t1 = t1;
	m->kind = kind;
	m->sent = sent;
	m->score = score;
	m->target = -1;
	for (size_t t = t0; t < t1; t++)
		c->owner[t] = (int) (c->ments.len - 1);
	return m;
}

/*
 * Live mentions never overlap, so a token has at most one owner; these
 * keep every rule linear in the number of tokens.
 */
static void
kill_overlaps(Ctx *c, size_t t0, size_t t1)
{
	for (size_t t = t0; t < t1; t++)
	{
		Mention    *m;

		if (c->owner[t] < 0)
			continue;
		m = AT_VEC_AT(&c->ments, Mention, c->owner[t]);
		m->dead = true;
		for (size_t k = m->t0; k < m->t1; k++)
			c->owner[k] = -1;
	}
}

/* Does a sure tagger span cover a token of [t0, t1)? */
static bool
sure_in(const Ctx *c, size_t t0, size_t t1)
{
	for (size_t t = t0; t < t1; t++)
		if (c->owner[t] >= 0 && AT_VEC_AT(&c->ments, Mention, c->owner[t])->sure)
			return true;
	return false;
}

static bool
covered(const Ctx *c, size_t t0, size_t t1)
{
	for (size_t t = t0; t < t1; t++)
		if (c->owner[t] >= 0)
			return true;
	return false;
}

/* Do the mentions over [t0, t1) lie inside it, none of them the whole of it? */
static bool
within(const Ctx *c, size_t t0, size_t t1)
{
	for (size_t t = t0; t < t1; t++)
	{
		const Mention *m;

		if (c->owner[t] < 0)
			continue;
		m = AT_VEC_AT(&c->ments, Mention, c->owner[t]);
		if (m->t0 < t0 || m->t1 > t1 || (m->t0 == t0 && m->t1 == t1))
			return false;
	}
	return true;
}

static void
rebuild_owners(Ctx *c)
{
	/* -1 is all one bits: one memset, not a store a token */
	memset(c->owner, 0xff, sizeof(int) * c->ntok);
	for (size_t k = 0; k < c->ments.len; k++)
	{
		const Mention *m = AT_VEC_AT(&c->ments, Mention, k);

		if (!m->dead)
			for (size_t t = m->t0; t < m->t1; t++)
				c->owner[t] = (int) k;
	}
}

/* A token ending in a period that may end a sentence too ("Ltd.", "Corp.") */
static bool
final_period(const Ctx *c, size_t i)
{
	const AtNerToken *t = TK(c, i);
	const char *s = c->text + t->start;

	return t->len > 2 && s[t->len - 1] == '.' && memchr(s, '.', t->len - 1) == NULL;
}

/* Is token i one of the words of list (lower case)?  Its normalised form is ASCII lower case */
static bool
word_in(const Ctx *c, size_t i, const char *const *list, size_t n)
{
	const AtNerToken *t = TK(c, i);

	return at_word_in(c->norm + t->norm, t->normlen, list, n);
}

/*
 * Members of a party named as a group: "Christian Democrats", "Social
 * Democrats" are parties, not people (a given name may open them)
 */
static bool
party_members(const Ctx *c, size_t i)
{
	static const char *const w[] = {
		"democrats", "republicans", "socialists", "liberals", "conservatives",
		"communists", "nationalists", "greens", "tories", "maoists", "unionists",
		"federalists", "separatists", "islamists"
	};

	return (FL(c, i) & AT_TOK_UPPER1) && word_in(c, i, w, AT_LENGTHOF(w));
}

/*
 * Words for a part or a group of something: opening a sentence before
 * "of", they are no part of the name after it ("Shares of Ping An
 * Insurance rose", "Officials of the Ministry of Commerce said")
 */
static bool
part_word(const Ctx *c, size_t i)
{
	static const char *const w[] = {
		"shares", "sales", "exports", "imports", "profits", "revenues", "prices",
		"officials", "residents", "members", "leaders", "supporters", "employees",
		"workers", "staff", "students", "thousands", "hundreds", "millions",
		"dozens", "most", "some", "many", "all", "none", "part", "parts", "units"
	};

	return word_in(c, i, w, AT_LENGTHOF(w));
}

/* Heads that end a company name: no "of X" after them ("SAIC Motor Corp of Shanghai") */
static bool
company_suffix(const Ctx *c, size_t i)
{
	static const char *const sfx[] = {
		"co.", "co", "corp", "corp.", "ltd", "ltd.", "inc", "inc.", "llc", "plc",
		"limited", "group", "holdings", "ag", "gmbh"
	};

	return word_in(c, i, sfx, AT_LENGTHOF(sfx));
}

/*
 * Organisation heads that are adjectives: they end a name ("Amnesty
 * International") only when no other name word follows them.
 */
static bool
adjective_head(const Ctx *c, size_t i)
{
	static const char *const adj[] = {"international"};

	return word_in(c, i, adj, AT_LENGTHOF(adj));
}

#define HEADS (AT_GZ_ORGHEAD | AT_GZ_LOCHEAD)
#define PLACEWORD (AT_GZ_LOC | AT_GZ_LOCPART)

/* Is there an "of" in [t0, t1)? */
static bool
has_of(const Ctx *c, size_t t0, size_t t1)
{
	for (size_t t = t0; t < t1; t++)
		if (norm_is(c, t, "of"))
			return true;
	return false;
}

/* "'s", or "'" after a plural ("Workers' Party") */
static bool
possessive_token(const Ctx *c, size_t i)
{
	const AtNerToken *p;

	if (norm_is(c, i, "'s"))
		return true;
	if (i == 0 || !norm_is(c, i, "'"))
		return false;
	p = TK(c, i - 1);
	return p->normlen > 1 && c->norm[p->norm + p->normlen - 1] == 's';
}

/*
 * A word that opens an institution's or a zone's name after a place:
 * "Beijing Municipal Bureau of ...", "Guangdong Provincial Department of
 * ...", "Beijing Economic and Technological Development Area", "Suzhou
 * Industrial Park".  The place is part of the name.
 */
static bool
institution_opener(const Ctx *c, size_t i)
{
	static const char *const w[] = {
		"municipal", "provincial", "prefectural", "county", "district", "regional",
		"economic", "economic-technological", "high-tech", "hi-tech", "high-technology",
		"industrial", "free", "bonded", "comprehensive", "people's"
	};

	return word_in(c, i, w, AT_LENGTHOF(w));
}

/* A head a company's name may open after a place: "China Jiangxi Corporation" */
static bool
corporate_head(const Ctx *c, size_t i)
{
	static const char *const w[] = {"corporation", "company", "bank", "airlines"};

	return company_suffix(c, i) || word_in(c, i, w, AT_LENGTHOF(w));
}

/*
 * "of" after an organisation head: the body's field follows.  So do "for"
 * and "on" in a body whose name a place or nationality opens ("China
 * Council for the Promotion of International Trade", "Shanghai Institutes
 * for International Studies"): such national bodies are named so, while
 * GMB splits "World Society" + "for the Protection of Animals".
 */
static bool
head_connector(const Ctx *c, size_t t0, size_t i)
{
	return norm_is(c, i, "of") ||
		((norm_is(c, i, "for") || norm_is(c, i, "on")) &&
		 (GZ(c, t0) & (AT_GZ_LOC | AT_GZ_PLACE_B | AT_GZ_DEMONYM)));
}

/*
 * Does a sure tagger span keep a head run [t0, t1) out?  Not when the run
 * only retypes it by its head ("Yangtze River Delta"), splits it at "and"
 * ("Tsinghua University and Tus-Holdings Co. Ltd"), ends it at a company
 * suffix ("SAIC Motor Corp of Shanghai") or adds the nationality word of
 * an official name ("Chinese Academy of Sciences"): those the rules know
 * better.
 */
static bool
sure_blocks(const Ctx *c, size_t t0, size_t t1)
{
	/*
	 * A run with a known phrase inside ("Zhongguancun Belt and Road
	 * Industrial Promotion Association") is one name; the tagger, which
	 * sees words, cuts it at the phrase's "and".
	 */
	for (size_t t = t0; t < t1; t++)
		if (GZ(c, t) & AT_GZ_NONNAME)
			return false;
	for (size_t t = t0; t < t1; t++)
	{
		const Mention *m;

		if (c->owner[t] < 0)
			continue;
		m = AT_VEC_AT(&c->ments, Mention, c->owner[t]);
		if (!m->sure)
			continue;
		if (m->t0 == t0 && m->t1 == t1)
			continue;
		/* a span that ends in its connector is broken: "Bank of" + "Korea" */
		if (is_connector(c, m->t1 - 1))
			continue;
		if (m->t1 > t1 && norm_is(c, t1, "and") && (GZ(c, t1 - 1) & HEADS))
			continue;
		/*
		 * the tagger stopped at a plural's possessive ("Kurdistan Workers'
		 * Party"); after "'s" a name of its own may follow ("IMF's European
		 * Department")
		 */
		if ((m->t0 >= t0 && m->t1 < t1 && norm_is(c, m->t1, "'") && possessive_token(c, m->t1)) ||
			(m->t0 > t0 && m->t1 <= t1 && norm_is(c, m->t0 - 1, "'") &&
			 possessive_token(c, m->t0 - 1)))
			continue;
		if (m->t1 > t1 && company_suffix(c, t1 - 1) &&
			(norm_is(c, t1, "of") || final_period(c, t1 - 1)))
			continue;
		/* the tagger stopped at the comma of "Co., Ltd", or took "Ltd" alone */
		if (m->t0 >= t0 && m->t1 + 2 == t1 && norm_is(c, m->t1, ",") &&
			company_suffix(c, m->t1 - 1) && company_suffix(c, t1 - 1))
			continue;
		if (m->t1 == t1 && m->t0 + 1 == t1 && m->t0 >= t0 + 2 && norm_is(c, m->t0 - 1, ",") &&
			company_suffix(c, m->t0 - 2) && company_suffix(c, m->t0))
			continue;
		if (m->t0 < t0 && t0 >= 2 && norm_is(c, t0 - 1, "and") && (GZ(c, t0 - 2) & HEADS))
			continue;
		/*
		 * an organisation head and its "of X" are one name ("Revolutionary
		 * Armed Forces" + "of Colombia", "International Committee" + "of
		 * the Red Cross"), whichever part the tagger is sure of
		 */
		if (m->t0 == t0 && m->t1 < t1 && head_connector(c, t0, m->t1) && (GZ(c, m->t1 - 1) & AT_GZ_ORGHEAD))
			continue;
		/*
		 * a place that opens a company's name ("China Jiangxi" +
		 * "Corporation for ..."), an institution's or a zone's ("Beijing" +
		 * "Municipal Bureau of ...")
		 */
		if (m->t0 == t0 && m->t1 < t1 && m->kind == AT_NER_LOC &&
			(corporate_head(c, m->t1) || institution_opener(c, m->t1)))
			continue;
		/*
		 * an acronym before a place head names the place ("IC Park", a
		 * park of integrated-circuit firms): the tagger took the acronym
		 * alone for an organisation, and the head alone for a place
		 */
		if (t1 - t0 == 2 && (FL(c, t0) & AT_TOK_ALLCAPS) &&
			(GZ(c, t0 + 1) & AT_GZ_LOCHEAD) && !(GZ(c, t0 + 1) & AT_GZ_ORGHEAD))
			continue;
		if (m->t0 > t0 && m->t1 == t1 && (corporate_head(c, m->t0) || institution_opener(c, m->t0)) &&
			c->owner[m->t0 - 1] >= 0 &&
			AT_VEC_AT(&c->ments, Mention, c->owner[m->t0 - 1])->kind == AT_NER_LOC &&
			AT_VEC_AT(&c->ments, Mention, c->owner[m->t0 - 1])->t0 == t0)
			continue;
		if (m->t0 >= t0 + 2 && m->t1 == t1 &&
			((head_connector(c, t0, m->t0 - 1) && (GZ(c, m->t0 - 2) & AT_GZ_ORGHEAD)) ||
			 (m->t0 >= t0 + 3 && norm_is(c, m->t0 - 1, "the") && head_connector(c, t0, m->t0 - 2) &&
			  (GZ(c, m->t0 - 3) & AT_GZ_ORGHEAD))))
			continue;
		/*
		 * "Chinese Academy of Sciences", "Chinese Center for Disease
		 * Control", not "Israeli Foreign Ministry"
		 */
		if (m->t0 == t0 + 1 && (GZ(c, t0) & AT_GZ_DEMONYM) && m->t1 <= t1 &&
			(has_of(c, m->t0, m->t1) || (m->t0 + 1 < m->t1 && norm_is(c, m->t0 + 1, "for"))))
			continue;
		/*
		 * "Turkish Airlines": the tagger took the company's head alone,
		 * which no rule keeps (a lone head is no name); GMB leaves "Swedish
		 * Academy" unlabelled, so only companies' heads
		 */
		if (m->t0 == t0 + 1 && m->t1 == t1 && t1 - t0 == 2 && (GZ(c, t0) & AT_GZ_DEMONYM) &&
			corporate_head(c, m->t0))
			continue;
		return true;
	}
	return false;
}

/*
 * Does "and" at token a join two names rather than words of one?  It does
 * after a head ("Tsinghua University and Peking University"), after a
 * place that closes a name with a head ("Bank of China and ..."), and
 * before a nationality word ("... and Chinese Academy of Sciences").
 */
static bool
and_splits(const Ctx *c, size_t a, bool seen_head)
{
	/* "Zhongguancun Belt and Road ...": "and" inside a known phrase */
	if (GZ(c, a - 1) & AT_GZ_NONNAME)
		return false;
	/*
	 * "Securities and Exchange Commission", "Oil and Natural Gas
	 * Corporation": a head alone before "and" names nothing, so the name
	 * goes on to the organisation head after it
	 */
	if ((GZ(c, a - 1) & HEADS) &&
		(a < 2 || !is_name_word(c, a - 2) || norm_is(c, a - 2, "the")))
		for (size_t k = a + 1; k < c->ntok && k <= a + 4 && is_name_word(c, k); k++)
			if (GZ(c, k) & AT_GZ_ORGHEAD)
				return false;
	return (GZ(c, a - 1) & HEADS) || ((GZ(c, a - 1) & PLACEWORD) && seen_head) ||
		(GZ(c, a + 1) & AT_GZ_DEMONYM);
}

/*
 * Two name words or more without a head before "'s" name an owner, not a
 * part of the name after it: "Recep Tayyip Erdogan's Justice and
 * Development Party"; one word opens a name ("People's Bank", "Workers'
 * Party"), and so do places and groups ("Sudan People's Liberation
 * Movement", "Badminton Canada's Hall of Fame")
 */
static bool
owner_before(const Ctx *c, size_t i, size_t e)
{
	/* "Sudan People's Liberation Movement", "New Year's Eve", "Men's" */
	static const char *const groups[] = {
		"people", "children", "men", "women", "year", "workers", "veterans", "farmers",
		"citizens", "nations", "peoples", "world"
	};

	return norm_is(c, e, "'s") && e >= i + 2 && is_name_word(c, e - 2) &&
		!(GZ(c, e - 1) & (HEADS | PLACEWORD)) && !(GZ(c, e - 2) & HEADS) &&
		!(GZ(c, i) & (AT_GZ_PLACE_B | AT_GZ_LOC)) && !final_period(c, e - 2) &&
		!word_in(c, e - 1, groups, AT_LENGTHOF(groups));
}

/* A plain word of a portfolio list: capitalised, no name of its own */
static bool
list_word(const Ctx *c, size_t i)
{
	/* heads that are bodies on their own: "Ministry of Defence, Navy and Army" */
	static const char *const bodies[] = {
		"army", "navy", "police", "government", "parliament", "congress", "senate",
		"cabinet", "court", "party", "bank", "council", "committee", "commission"
	};

	return is_name_word(c, i) && !word_in(c, i, bodies, AT_LENGTHOF(bodies)) &&
		!(GZ(c, i) & (AT_GZ_TITLE | AT_GZ_LOC | AT_GZ_PLACE_B | AT_GZ_ORG_B |
					  AT_GZ_ORGNAME | AT_GZ_DEMONYM | AT_GZ_SURNAME | AT_GZ_GIVEN)) &&
		AT_TAG_KIND(c->tags[i]) != AT_NER_PERSON;
}

/*
 * "Ministry of Trade, Industry and Energy", "Department of Tourism,
 * Culture, Radio, Television and Sports": a list of portfolios after a
 * head's "of X", the comma at e.  The end of the list, or 0: one word an
 * item, two for the last ("and Rural Affairs"), closed by "and".
 */
static size_t
portfolio_list_end(const Ctx *c, size_t e, size_t s1)
{
	size_t		p = e;

	while (p + 1 < s1 && norm_is(c, p, ",") && list_word(c, p + 1))
		p += 2;
	if (p == e)
		return 0;
	if (p + 1 < s1 && norm_is(c, p, ",") && norm_is(c, p + 1, "and"))
		p++;					/* the serial comma */
	if (p + 1 >= s1 || !norm_is(c, p, "and") || !list_word(c, p + 1))
		return 0;
	p += 2;
	if (p < s1 && list_word(c, p))
		p++;
	return p < s1 && is_name_word(c, p) ? 0 : p;
}

/*
 * "Kennedy Space Center", "Jiuquan Satellite Launch Center", "Metro Toronto
 * Convention Centre": a centre named for what is launched or shown there is
 * a site, a place, not the body that runs it
 */
static bool
site_centre(const Ctx *c, size_t k)
{
	static const char *const sites[] = {"space", "launch", "convention", "exhibition"};

	return k > 0 && (norm_is(c, k, "center") || norm_is(c, k, "centre")) &&
		word_in(c, k - 1, sites, AT_LENGTHOF(sites));
}

/*
 * Runs of capitalised words joined by "of", "and", "for", "&" that contain
 * an organisation or place head become one organisation or place:
 * "Chinese Academy of Engineering", "National Development and Reform
 * Commission", "Tus-Holdings Co. Ltd", "Haidian District".
 */
static void
head_runs(Ctx *c, size_t s0, size_t s1, int sent)
{
	size_t		i = s0;

	while (i < s1)
	{
		size_t		e,
					start,
					lasthead = 0;
		int			kind = 0;
		bool		seen_head;

		if (!is_name_word(c, i))
		{
			i++;
			continue;
		}
		e = i + 1;
		seen_head = (GZ(c, i) & HEADS) != 0;
		for (;;)
		{
			size_t		add = 0;

			if (e < s1 && is_name_word(c, e))
			{
				/* "Ltd. New routes": a period may close the name */
				if (!final_period(c, e - 1) || (GZ(c, e) & HEADS))
					add = 1;
			}
			else if (e + 1 < s1 && is_connector(c, e) && is_name_word(c, e + 1) &&
					 !final_period(c, e - 1) &&
					 !(norm_is(c, e, "and") && and_splits(c, e, seen_head)))
				add = 2;
			else if (e + 2 < s1 && is_connector(c, e) && !norm_is(c, e, "and") &&
					 norm_is(c, e + 1, "the") && is_name_word(c, e + 2))
				add = 3;
			/* "Co., Ltd": a comma between two company suffixes */
			else if (e + 1 < s1 && norm_is(c, e, ",") && company_suffix(c, e - 1) &&
					 company_suffix(c, e + 1))
				add = 2;
			/*
			 * "People's Bank of China", "Municipal People's Government",
			 * "Kurdistan Workers' Party"
			 */
			else if (e + 1 < s1 && possessive_token(c, e) && is_name_word(c, e + 1) &&
					 !(GZ(c, e - 1) & (PLACEWORD | AT_GZ_SURNAME)) &&
					 AT_TAG_KIND(c->tags[e - 1]) != AT_NER_PERSON && !owner_before(c, i, e))
				add = 2;
			if (add == 0)
				break;
			e += add;
			if (GZ(c, e - 1) & HEADS)
				seen_head = true;
		}
		/* "Belt and Road Initiative": a name, but of no entity */
		if (GZ(c, e - 1) & AT_GZ_NONHEAD && !(GZ(c, e - 1) & (AT_GZ_ORGHEAD | AT_GZ_ORG_I)))
		{
			if (!sure_in(c, i, e))
				kill_overlaps(c, i, e);
			i = e;
			continue;
		}
		start = i;
		/* a leading function word or sentence opener is not part of it */
		while (start < e && (GZ(c, start) & (AT_GZ_FUNC | AT_GZ_TITLE | AT_GZ_DEMONYM | AT_GZ_ATTRIB)) &&
			   !(GZ(c, start) & (HEADS | AT_GZ_ORG_B | AT_GZ_PLACE_B)))
		{
			/* "General Administration of Customs": a title before a head is a name word */
			if ((GZ(c, start) & AT_GZ_TITLE) && start + 1 < e && (GZ(c, start + 1) & HEADS))
				break;
			/* "Chinese Academy of Sciences": keep a demonym before a head */
			if ((GZ(c, start) & AT_GZ_DEMONYM) && start + 1 < e && is_name_word(c, start + 1))
				break;
			start++;
			if (start < e && is_connector(c, start))
				start++;
		}
		/* "Shares of Ping An Insurance": a common word opening the sentence */
		if (start == s0 && start + 2 < e && c->tags[start] == AT_TAG_O &&
			!(GZ(c, start) & HEADS) && is_connector(c, start + 1))
			start += 2;
		/* the last head word decides the kind; the name ends there or after "of X" */
		for (size_t k = start; k < e; k++)
		{
			if (GZ(c, k) & AT_GZ_TITLE && k > start && !(GZ(c, k) & HEADS) &&
				!is_connector(c, k - 1) && lasthead)
				break;			/* "Tsinghua University President Qiu Yong" */
			/* "Forum for International Cooperation": the name goes on */
			if (adjective_head(c, k) && k + 1 < e && is_name_word(c, k + 1) &&
				!(GZ(c, k + 1) & AT_GZ_TITLE))
				continue;
			if ((GZ(c, k) & HEADS) &&
				(k > start || (k + 2 < e && norm_is(c, k + 1, "of"))))
			{
				lasthead = k + 1;
				kind = (GZ(c, k) & AT_GZ_ORGHEAD) && !site_centre(c, k) ? AT_NER_ORG : AT_NER_LOC;
				/* "Academy of International Trade": what follows "of" is the tail */
				if (k + 1 < e && norm_is(c, k + 1, "of"))
					break;
			}
		}
		/* "Karen Doyle of Midwest Research Partners": a person, then the organisation */
		for (size_t k = start + 1; kind && k + 1 < lasthead; k++)
		{
			int			o = c->owner[start];

			if (norm_is(c, k, "of") && o >= 0 && c->owner[k - 1] == o &&
				AT_VEC_AT(&c->ments, Mention, o)->kind == AT_NER_PERSON &&
				AT_VEC_AT(&c->ments, Mention, o)->t0 == start &&
				AT_VEC_AT(&c->ments, Mention, o)->t1 == k)
			{
				start = k + 1;
				break;
			}
		}
		if (kind && lasthead > start)
		{
			size_t		end = lasthead;

			/*
			 * "Bank of China", "Ministry of Industry and Information
			 * Technology"; a place only when the head opens it ("Museum of
			 * Flight", not "Haidian District of Beijing")
			 */
			if ((kind == AT_NER_ORG || lasthead == start + 1) && end + 1 < e &&
				!company_suffix(c, end - 1) &&
				(norm_is(c, end, "of") || norm_is(c, end, "for")))
			{
				size_t		k = end + 1;

				if (norm_is(c, k, "the"))
					k++;
				for (;;)
				{
					if (k < e && is_name_word(c, k) && !(GZ(c, k) & AT_GZ_TITLE))
						k++;
					else if (k + 1 < e && is_connector(c, k) && !norm_is(c, k, "for") &&
							 !(GZ(c, k - 1) & PLACEWORD) &&
							 !(GZ(c, k + 1) & (AT_GZ_DEMONYM | PLACEWORD)) &&
							 is_name_word(c, k + 1))
						k += 2;
					/*
					 * "of" after a word that only opens a place's name: "Central
					 * Bank of the Republic of Turkey", "... of the Kyrgyz Republic"
					 */
					else if (k + 1 < e && norm_is(c, k, "of") &&
							 (GZ(c, k - 1) & PLACEWORD) == AT_GZ_LOCPART &&
							 is_name_word(c, k + 1))
						k += 2;
					else
						break;
				}
				if (k > end + 1)
					end = k;
				/* one word after "of", then a comma: a list of portfolios */
				if (kind == AT_NER_ORG && end == e && k == lasthead + 2 && e < s1 &&
					(k = portfolio_list_end(c, e, s1)) > 0)
				{
					kill_overlaps(c, start, k);
					add_mention(c, start, k, kind, sent, 0.85f);
					i = k;
					continue;
				}
			}
			/* "Initiative", "Forum"... in the middle: not an entity */
			if (!(GZ(c, end - 1) & AT_GZ_NONHEAD) && end - start >= 2 &&
				!sure_blocks(c, start, end))
			{
				kill_overlaps(c, start, end);
				add_mention(c, start, end, kind, sent, 0.85f);
			}
		}
		i = e;
	}
}

/*
 * One hyphenated word whose last part is an organisation head:
 * "Tus-Holdings", "Sino-Ocean-Group".  head_runs needs a name word before
 * the head, and the tagger rarely saw such words in training.
 */
static void
hyphen_heads(Ctx *c, size_t s0, size_t s1, int sent)
{
	/* the loop needs a hyphenated word */
	if (!SENT_HAS_FLAG(c, sent, AT_TOK_HYPHEN))
		return;
	for (size_t i = s0; i < s1; i++)
	{
		const AtNerToken *t = TK(c, i);
		const char *n = c->norm + t->norm;
		const char *dash;
		uint32_t	cls;

		if (c->owner[i] >= 0 || (t->flags & (AT_TOK_HYPHEN | AT_TOK_UPPER1 | AT_TOK_LOWERTAIL)) !=
			(AT_TOK_HYPHEN | AT_TOK_UPPER1))
			continue;
		dash = n + t->normlen;
		while (dash > n && dash[-1] != '-')
			dash--;
		if (dash <= n + 1 || n + t->normlen - dash < 2)
			continue;
		cls = at_gz_classes(&c->m->gz, dash, n + t->normlen - dash);
		if ((cls & AT_GZ_ORGHEAD) && !(cls & AT_GZ_NONHEAD))
			add_mention(c, i, i + 1, AT_NER_ORG, sent, 0.8f);
	}
}

/* A given name after a Chinese surname: "Yi", "Hongbo", "Che-cheung" */
static bool
given_name(const Ctx *c, size_t i)
{
	return (FL(c, i) & AT_TOK_UPPER1) && !(FL(c, i) & (AT_TOK_ALLCAPS | AT_TOK_DIGIT)) &&
		(GZ(c, i) & ~(uint32_t) (AT_GZ_SURNAME | AT_GZ_DEMONYM)) == 0;	/* "Wang Hui" */
}

/*
 * Chinese names: a surname and a given name the tagger called an
 * organisation or a place, split, or missed, are a person ("Wang Yi",
 * "Huang Xianhai"); so is a given name before a surname the tagger took
 * for something else ("Hongbo Chen", "Kenny Ng").
 */
static void
chinese_names(Ctx *c, size_t s0, size_t s1, int sent)
{
	/* the loop needs a surname */
	if (!SENT_HAS_GZ(c, sent, AT_GZ_SURNAME))
		return;
	for (size_t i = s0; i + 1 < s1; i++)
	{
		size_t		a = i,
					b = i + 2;
		bool		surname_first;
		bool		any = false,
					inside = true;

		if ((GZ(c, i) & AT_GZ_SURNAME) && given_name(c, i + 1) && !(FL(c, i) & AT_TOK_ALLCAPS))
			surname_first = true;
		else if ((GZ(c, i + 1) & AT_GZ_SURNAME) && given_name(c, i))
			surname_first = false;
		else
			continue;
		if (b < s1 && is_name_word(c, b))
			continue;
		/* "Dong Anh district", "Dai Chopan county": a place */
		if (b < s1 && (GZ(c, b) & AT_GZ_LOCHEAD))
			continue;
		for (size_t t = a; t < b; t++)
		{
			int			o = c->owner[t];

			if (o < 0)
				continue;
			any = true;
			if (AT_VEC_AT(&c->ments, Mention, o)->t0 < a || AT_VEC_AT(&c->ments, Mention, o)->t1 > b)
				inside = false;
		}
		if (!inside)
			continue;
		/* a new name needs a surname first and no sentence-initial doubt */
		if (!any && !(surname_first &&
					  (a > s0 || (b < s1 && (norm_is(c, b, ",") || (GZ(c, b) & AT_GZ_ATTRIB))))))
			continue;
		kill_overlaps(c, a, b);
		add_mention(c, a, b, AT_NER_PERSON, sent, any ? 0.8f : 0.6f);
		i = b - 1;
	}
}

/*
 * Mandarin names in pinyin: a Chinese surname, then a given name of one or
 * two pinyin syllables ("He Lifeng", "Xi Jinping", "You Weiming").  Many
 * surnames are English words ("He", "You", "Long", "Sun") or open a
 * sentence, where the tagger and chinese_names() doubt them; a capitalised
 * word that splits into pinyin syllables after one does not occur in
 * English otherwise.  Words of a known place or organisation ("Hong Kong")
 * and names that go on ("Xi Jinping Thought") are left alone.
 */
static void cut_mention(Ctx *c, int o, size_t t0, size_t t1);

#define NOT_NAME_GZ (AT_GZ_LOC | AT_GZ_LOCPART | HEADS | AT_GZ_TITLE | AT_GZ_ORGNAME | \
					 AT_GZ_PLACE_B | AT_GZ_PLACE_I | AT_GZ_ORG_B | AT_GZ_ORG_I | \
					 AT_GZ_NONACRO | AT_GZ_NONHEAD | AT_GZ_NONNAME | AT_GZ_DEMONYM)

static bool
pinyin_pair(const Ctx *c, size_t i, size_t s1)
{
	const AtGazetteer *gz = &c->m->gz;
	const AtNerToken *a = TK(c, i),
			   *b;

	if (i + 1 >= s1)
		return false;
	b = TK(c, i + 1);
	/* cheap tests first: this runs at every token */
	if ((a->flags & (AT_TOK_UPPER1 | AT_TOK_ALLCAPS | AT_TOK_DIGIT)) != AT_TOK_UPPER1 ||
		(b->flags & (AT_TOK_UPPER1 | AT_TOK_ALLCAPS | AT_TOK_DIGIT)) != AT_TOK_UPPER1 ||
		(a->gz & NOT_NAME_GZ) || (b->gz & NOT_NAME_GZ) || a->normlen > 8)
		return false;
	if (!(a->gz & AT_GZ_SURNAME) &&
		!(at_gz_chinese_classes(gz, c->norm + a->norm, a->normlen) & AT_CN_SURNAME))
		return false;
	/* two syllables have 13 letters at most ("Zhuang-zhuang") */
	if (b->normlen > 13 || at_gz_pinyin_syllables(gz, c->norm + b->norm, b->normlen, 2) == 0)
		return false;
	/* "Sun Jun 5": a weekday and a month */
	if ((b->gz & (AT_GZ_MONTH | AT_GZ_WEEKDAY)) && i + 2 < s1 && (FL(c, i + 2) & AT_TOK_DIGIT))
		return false;
	return true;
}

static void
pinyin_names(Ctx *c, size_t s0, size_t s1, int sent)
{
	for (size_t i = s0; i + 1 < s1; i++)
	{
		size_t		b = i + 2;
		int			o;
		bool		ok = true;

		/* most tokens are not capitalised: no call for them */
		if (!(FL(c, i) & FL(c, i + 1) & AT_TOK_UPPER1) || !pinyin_pair(c, i, s1))
			continue;
		if (b < s1 && (is_name_word(c, b) || (GZ(c, b) & AT_GZ_LOCHEAD)))
			continue;
		/* inside a longer capitalised name: "Zhongguancun Long Hua Park" */
		if (i > s0 && is_name_word(c, i - 1) &&
			!(GZ(c, i - 1) & (AT_GZ_TITLE | AT_GZ_FUNC | AT_GZ_DEMONYM | AT_GZ_ATTRIB)) &&
			!(FL(c, i - 1) & AT_TOK_HYPHEN))
			continue;
		/*
		 * What the tagger found here is inside the pair, or a person or
		 * title run that ends with it ("Vice-Premier He Lifeng"), or runs
		 * on over a lower-case word, where clean() would cut it anyway
		 * ("You [Quan met Gao Hucheng]")
		 */
		for (size_t t = i; t < b && ok; t++)
		{
			const Mention *m;

			if ((o = c->owner[t]) < 0)
				continue;
			m = AT_VEC_AT(&c->ments, Mention, o);
			if (m->t1 > b && m->t0 >= i && b + 1 < m->t1 &&
				(FL(c, b) & (AT_TOK_ALPHA | AT_TOK_ANYUPPER)) == AT_TOK_ALPHA && !is_connector(c, b))
			{
				cut_mention(c, o, b + 1, m->t1);
				continue;
			}
			if (m->t1 > b)
				ok = false;
			for (size_t k = m->t0; ok && k < i; k++)
				if (!(GZ(c, k) & (AT_GZ_TITLE | AT_GZ_FUNC)) && !(FL(c, k) & AT_TOK_PUNCT) &&
					(FL(c, k) & AT_TOK_UPPER1))
					ok = false;
		}
		o = c->owner[i];
		if (!ok || (o >= 0 && o == c->owner[i + 1] &&
					AT_VEC_AT(&c->ments, Mention, o)->t0 == i &&
					AT_VEC_AT(&c->ments, Mention, o)->kind == AT_NER_PERSON))
			continue;
		kill_overlaps(c, i, b);
		add_mention(c, i, b, AT_NER_PERSON, sent, 0.8f);
		i = b - 1;
	}
}

/* A word of a person's name after a given name: "Kamen", "F.", "Udvar-Hazy" */
static bool
surname_word(const Ctx *c, size_t i)
{
	return is_name_word(c, i) && !(FL(c, i) & (AT_TOK_ALLCAPS | AT_TOK_DIGIT)) &&
		!(GZ(c, i) & (HEADS | AT_GZ_TITLE | AT_GZ_FUNC | AT_GZ_DEMONYM | AT_GZ_ATTRIB |
					  AT_GZ_PLACE_B | AT_GZ_ORG_B | AT_GZ_NONHEAD | AT_GZ_NONACRO)) &&
		!party_members(c, i);
}

/* Cuts mention o to [t0, t1) (at least one token) and updates the owners */
static void
cut_mention(Ctx *c, int o, size_t t0, size_t t1)
{
	Mention    *m = AT_VEC_AT(&c->ments, Mention, o);

	for (size_t t = m->t0; t < m->t1; t++)
		if (t < t0 || t >= t1)
			c->owner[t] = -1;
	m->t0 = t0;
	m->t1 = t1;
}

/*
 * People with a common given name: "Dean Kamen", "Maxime Bernier" are
 * people even where the tagger saw an organisation or nothing.  A name
 * followed by a head is what is named after the person ("Andy Warhol
 * Foundation") and stays.  A title before the name ends the mention it
 * was part of ("NASA Administrator Charles Bolden"); "of", "from" or "for"
 * after it starts the organisation ("Alvin Yeung of Civic Party", "Lydia
 * Buchtmann for Food Standards Australia").
 */
static void
given_names(Ctx *c, size_t s0, size_t s1, int sent)
{
	/* the loop needs a given name */
	if (!SENT_HAS_GZ(c, sent, AT_GZ_GIVEN))
		return;
	for (size_t i = s0; i + 1 < s1; i++)
	{
		size_t		e = i + 1,
					k = 0,
					cut_left = 0;
		int			left,
					right;

		if (!(GZ(c, i) & AT_GZ_GIVEN) || !(FL(c, i) & AT_TOK_UPPER1) ||
			(FL(c, i) & AT_TOK_ALLCAPS))
			continue;
		while (e < s1 && e - i < 4 && surname_word(c, e))
			e++;
		if (e == i + 1 || (e < s1 && is_name_word(c, e)))
			continue;
		left = c->owner[i];
		right = c->owner[e - 1];
		if (left >= 0 && AT_VEC_AT(&c->ments, Mention, left)->t0 >= i)
			left = -1;
		if (right >= 0 && AT_VEC_AT(&c->ments, Mention, right)->t1 <= e)
			right = -1;
		/*
		 * A mention reaching left of the name ends before a title, "and"
		 * or a lone sentence opener ("Lawmaker Alvin Yeung"), or after a
		 * head; one reaching right goes on with "of"/"from"/"for" and the
		 * organisation ("Alvin Yeung of the Civic Party").
		 */
		if (left >= 0)
		{
			const Mention *m = AT_VEC_AT(&c->ments, Mention, left);

			cut_left = (GZ(c, i - 1) & HEADS) ? i : i - 1;
			if (!((GZ(c, i - 1) & (AT_GZ_TITLE | HEADS)) ||
				  (norm_is(c, i - 1, "and") && m->kind != AT_NER_PERSON) ||
				  (i - 1 == s0 && m->t0 == s0 && (GZ(c, s0) & ~(uint32_t) AT_GZ_PHRASE1) == 0)))
				continue;
		}
		if (right >= 0)
		{
			const Mention *m = AT_VEC_AT(&c->ments, Mention, right);

			k = e + 1;
			if (k < m->t1 && norm_is(c, k, "the"))
				k++;
			if (!(norm_is(c, e, "of") || norm_is(c, e, "from") || norm_is(c, e, "for")) ||
				k >= m->t1)
				continue;
		}
		if (left >= 0)
		{
			Mention    *m = AT_VEC_AT(&c->ments, Mention, left);
			size_t		t0 = m->t0,
						t1 = m->t1;

			/*
			 * What a person's span held before the title is no person:
			 * "Information Minister", "House Speaker".
			 */
			bool		rest = cut_left > t0 && m->kind != AT_NER_PERSON;

			if (left == right)
			{
				/* keeps the organisation after "of"; what is before goes on its own */
				cut_mention(c, left, k, t1);
				right = -1;
				if (rest && cut_left >= t0 + 2)
					add_mention(c, t0, cut_left, m->kind, m->sent, m->score);
			}
			else if (rest)
				cut_mention(c, left, t0, cut_left);
			else
				kill_overlaps(c, t0, t0 + 1);
		}
		if (right >= 0)
			cut_mention(c, right, k, AT_VEC_AT(&c->ments, Mention, right)->t1);
		if (c->owner[i] >= 0 && c->owner[i] == c->owner[e - 1] &&
			AT_VEC_AT(&c->ments, Mention, c->owner[i])->kind == AT_NER_PERSON &&
			AT_VEC_AT(&c->ments, Mention, c->owner[i])->t0 == i &&
			AT_VEC_AT(&c->ments, Mention, c->owner[i])->t1 == e)
			continue;
		kill_overlaps(c, i, e);
		add_mention(c, i, e, AT_NER_PERSON, sent, 0.75f);
		i = e - 1;
	}
}

/*
 * "New People Party's Regina Ip", "Civic Passion's Wong Yeung-tat": a
 * possessive after an organisation head, then two or three plain name
 * words, is a person of that body; after a place, only when they open with
 * a known given name or surname.  What else follows a possessive stays in
 * the name the tagger found ("People's Liberation Army"; "India's Health
 * Ministry" says which ministry).
 */
static void
possessives(Ctx *c, size_t s0, size_t s1, int sent)
{
	/* the loop needs "'s" */
	if (!SENT_MAY_HAVE(c, sent, "'s"))
		return;
	for (size_t k = s0 + 1; k + 1 < s1; k++)
	{
		Mention    *m;
		size_t		t0,
					t1;
		int			o = c->owner[k];
		bool		plain = true;

		if (o < 0 || !norm_is(c, k, "'s"))
			continue;
		m = AT_VEC_AT(&c->ments, Mention, o);
		t0 = m->t0;
		t1 = m->t1;
		if (t0 >= k || t1 <= k + 1 ||
			!(GZ(c, k - 1) & (AT_GZ_ORGHEAD | AT_GZ_LOC | AT_GZ_PLACE_B | AT_GZ_PLACE_I)))
			continue;
		for (size_t t = k + 1; t < t1; t++)
			if (!surname_word(c, t) && !(GZ(c, t) & AT_GZ_GIVEN))
				plain = false;
		/* after a place, a known given name or surname: not "New York's Waldorf Astoria" */
		if (!plain || t1 - k - 1 < 2 || t1 - k - 1 > 3 ||
			(!(GZ(c, k - 1) & AT_GZ_ORGHEAD) && !(GZ(c, k + 1) & (AT_GZ_GIVEN | AT_GZ_SURNAME))))
			continue;
		cut_mention(c, o, t0, k);
		m->kind = (GZ(c, k - 1) & AT_GZ_ORGHEAD) ? AT_NER_ORG : AT_NER_LOC;
		m->sure = false;
		add_mention(c, k + 1, t1, AT_NER_PERSON, sent, m->score);
		k = t1 - 1;
	}
}

/*
 * "Merkel's Christian Democrats", "the Social Democrats": two to four name
 * words ending in a party's members are that party, an organisation.
 * Mentions wholly inside the run give way to it; one reaching out of it
 * stays.  "Democrats" alone, the party's members, is left to the tagger.
 */
static void
parties(Ctx *c, size_t s0, size_t s1, int sent)
{
	for (size_t e = s0 + 1; e <= s1; e++)
	{
		size_t		t0 = e - 1;
		bool		inside = true;

		if (!party_members(c, e - 1))
			continue;
		/* a capital opening the sentence says nothing ("Senior Tories believe") */
		while (t0 > s0 + 1 && e - t0 < 4 && is_name_word(c, t0 - 1) &&
			   !(FL(c, t0 - 1) & AT_TOK_ALLCAPS) &&
			   !(GZ(c, t0 - 1) & (AT_GZ_TITLE | AT_GZ_FUNC | AT_GZ_ATTRIB)))
			t0--;
		for (size_t t = t0; t < e; t++)
			if (c->owner[t] >= 0 &&
				(AT_VEC_AT(&c->ments, Mention, c->owner[t])->t0 < t0 ||
				 AT_VEC_AT(&c->ments, Mention, c->owner[t])->t1 > e))
				inside = false;
		if (!inside || e - t0 < 2)
			continue;
		kill_overlaps(c, t0, e);
		add_mention(c, t0, e, AT_NER_ORG, sent, 0.7f);
	}
}

/*
 * "a plant in Erfurt by 2022": capitalised words after "in" that nothing
 * covers and no list knows are a place.  Heads, titles, demonyms, months
 * and known non-names are not ("in Parliament", "in Chinese", "in May").
 */
static void
in_places(Ctx *c, size_t s0, size_t s1, int sent)
{
	for (size_t i = s0 + 1; i + 1 < s1; i++)
	{
		size_t		e = i + 1;

		if (!norm_is(c, i, "in") || !surname_word(c, e) || c->owner[e] >= 0 ||
			(GZ(c, e) & (AT_GZ_GIVEN | AT_GZ_SURNAME | AT_GZ_NONNAME)))
			continue;
		while (e < s1 && e - i <= 3 && surname_word(c, e) && c->owner[e] < 0)
			e++;
		if (e < s1 && (is_name_word(c, e) || norm_is(c, e, "'s")))
			continue;
		add_mention(c, i + 1, e, AT_NER_LOC, sent, 0.55f);
		i = e - 1;
	}
}

/*
 * Places in China ("Haidian", "Zhejiang", "Xi'an", "Lin'an"), from the
 * generated GeoNames list: a lone one that the tagger missed, or typed a
 * person or an organisation, is a place.  The list is no word class of the
 * tagger, since many of its words are also given names ("Jinping"), so the
 * word must stand apart from names: no Chinese surname, given name or
 * capitalised word of a longer name next to it ("Xi Jinping", "Zhejiang
 * University"), and no list that says otherwise; and the text must name
 * China (c->china).
 */
/*
 * "Ningbo-Zhoushan port", "Beijing-Tianjin-Hebei": places of China joined
 * by hyphens name one port or region.  Countries are not in the list, so
 * "US-China talks" stays out.
 */
static void
hyphen_places(Ctx *c, size_t s0, size_t s1, int sent)
{
	const AtGazetteer *gz = &c->m->gz;

	/* the loop needs a hyphenated word */
	if (!c->china || !SENT_HAS_FLAG(c, sent, AT_TOK_HYPHEN))
		return;
	for (size_t i = s0; i < s1; i++)
	{
		const AtNerToken *t = TK(c, i);
		const char *w = c->norm + t->norm;
		size_t		p = 0,
					parts = 0;

		if ((t->flags & (AT_TOK_UPPER1 | AT_TOK_HYPHEN | AT_TOK_LOWERTAIL | AT_TOK_DIGIT)) !=
			(AT_TOK_UPPER1 | AT_TOK_HYPHEN) || c->owner[i] >= 0 ||
			(i + 1 < s1 && is_name_word(c, i + 1)))
			continue;
		while (p <= t->normlen)
		{
			size_t		q = p;

			while (q < t->normlen && w[q] != '-')
				q++;
			if (q - p < 2 || !(at_gz_chinese_classes(gz, w + p, q - p) & AT_CN_PLACE))
				break;
			parts++;
			p = q + 1;
		}
		if (p > t->normlen && parts >= 2)
			add_mention(c, i, i + 1, AT_NER_LOC, sent, 0.7f);
	}
}

static void
china_places(Ctx *c, size_t s0, size_t s1, int sent)
{
	const AtGazetteer *gz = &c->m->gz;

	/* the list's words are places only in a story about China ("Polling firm Mori") */
	if (!c->china)
		return;
	for (size_t i = s0; i < s1; i++)
	{
		const AtNerToken *t = TK(c, i);
		int			o;
		Mention    *m;

		if ((t->flags & (AT_TOK_UPPER1 | AT_TOK_ALLCAPS | AT_TOK_DIGIT)) != AT_TOK_UPPER1 ||
			(t->gz & (NOT_NAME_GZ & ~(uint32_t) (AT_GZ_LOC | AT_GZ_PLACE_B))) ||
			(t->gz & (AT_GZ_SURNAME | AT_GZ_GIVEN | AT_GZ_FUNC | AT_GZ_MONTH | AT_GZ_WEEKDAY)) ||
			!(at_gz_chinese_classes(gz, c->norm + t->norm, t->normlen) & AT_CN_PLACE) ||
			at_gz_chinese_surname(gz, c->norm + t->norm, t->normlen))
			continue;
		if ((i + 1 < s1 && is_name_word(c, i + 1)) ||
			(i > s0 && is_name_word(c, i - 1) &&
			 !(GZ(c, i - 1) & (AT_GZ_TITLE | AT_GZ_FUNC | AT_GZ_DEMONYM | AT_GZ_ATTRIB))))
			continue;
		if ((o = c->owner[i]) < 0)
		{
			add_mention(c, i, i + 1, AT_NER_LOC, sent, 0.7f);
			continue;
		}
		m = AT_VEC_AT(&c->ments, Mention, o);
		if (m->t0 == i && m->t1 == i + 1)
			m->kind = AT_NER_LOC;
	}
}

/*
 * "the KPA fired", "Michael Tien of NPP": an acronym no list knows, in an
 * ordinary sentence, is most often an organisation.  Common acronyms (GDP,
 * CEO) are listed as non-entities; places and known bodies are matched
 * before this.
 */
static void
unknown_acronyms(Ctx *c, size_t s0, size_t s1, int sent)
{
	/* the loop needs an acronym */
	if (!SENT_HAS_FLAG(c, sent, AT_TOK_ALLCAPS))
		return;
	for (size_t i = s0 + 1; i < s1; i++)
	{
		const AtNerToken *t = TK(c, i);

		if ((t->flags & (AT_TOK_ALLCAPS | AT_TOK_DIGIT | AT_TOK_HYPHEN)) != AT_TOK_ALLCAPS ||
			t->len < 2 || t->len > 5 || c->owner[i] >= 0 ||
			(t->gz & ~(uint32_t) AT_GZ_PHRASE1) != 0 ||
			(i + 1 < s1 && is_name_word(c, i + 1)) || is_name_word(c, i - 1))
			continue;
		add_mention(c, i, i + 1, AT_NER_ORG, sent, 0.5f);
	}
}

/* A noun that says a name is a company's ("firm", "chipmaker") */
static bool
firm_noun(const Ctx *c, size_t i, uint32_t classes)
{
	return !(FL(c, i) & AT_TOK_ANYUPPER) &&
		(at_gz_chinese_classes(&c->m->gz, c->norm + TK(c, i)->norm, TK(c, i)->normlen) & classes);
}

/*
 * The name [t0, t1) is a company's: the mention that is exactly it turns
 * into an organisation, or one is made of a run of name words nobody owns.
 */
static void
make_firm(Ctx *c, size_t t0, size_t t1, int sent)
{
	/* "Iran, a major oil producer": a listed place stays a place */
	if (t1 <= t0 || (GZ(c, t0) & (AT_GZ_TITLE | AT_GZ_LOC | AT_GZ_PLACE_B)))
		return;
	if (c->owner[t0] >= 0)
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, c->owner[t0]);

		if (m->t0 == t0 && m->t1 == t1)
			m->kind = AT_NER_ORG;
		return;
	}
	for (size_t t = t0; t < t1; t++)
		if (c->owner[t] >= 0)
			return;
	add_mention(c, t0, t1, AT_NER_ORG, sent, 0.8f);
}

/*
 * A name a company noun describes is a company's, whatever the tagger
 * said: the appositive "Unisound, a speech recognition firm, said" or
 * "Safaricom, the country's biggest company," (the
 * noun ends the phrase: "Li Wei, a company spokesman," is a person) and
 * the noun before the name, "the speech recognition firm Unisound",
 * "chipmaker SMIC".  Nouns that are people's trades too ("maker",
 * "producer": "film maker Youssef Chahine") count only after the name.  Companies named after unknown words are what the
 * tagger takes for people and places ("Brii Biosciences", issue #15).
 */
static void
firm_appositives(Ctx *c, size_t s0, size_t s1, int sent)
{
	/* i: a name word (one flag test skips the others) */
	for (size_t i = s0; i + 1 < s1; i++)
	{
		size_t		comma = i + 1,
					t0 = comma;

		if (!(FL(c, i) & AT_TOK_UPPER1) || !is_name_word(c, i))
			continue;
		if (i > s0 && !(GZ(c, i - 1) & AT_GZ_FUNC) && firm_noun(c, i - 1, AT_CN_FIRM))
		{
			size_t		e = i;

			while (e < s1 && is_name_word(c, e) && e - i < 6)
				e++;
			make_firm(c, i, c->owner[i] >= 0 ?
					  AT_VEC_AT(&c->ments, Mention, c->owner[i])->t1 : e, sent);
		}
		if (comma + 1 >= s1 ||
			!(norm_is(c, comma, ",") || norm_is(c, comma, "is") || norm_is(c, comma, "was")) ||
			!(norm_is(c, comma + 1, "a") || norm_is(c, comma + 1, "an") ||
			  (norm_is(c, comma + 1, "the") && norm_is(c, comma, ","))))
			continue;
		while (t0 > s0 && is_name_word(c, t0 - 1) && comma - t0 < 6)
			t0--;
		/* "Aero Gare was a kitplane manufacturer founded by": the subject only */
		if (!norm_is(c, comma, ",") &&
			(c->owner[i] >= 0 ? AT_VEC_AT(&c->ments, Mention, c->owner[i])->t0 : t0) != s0)
			continue;
		for (size_t k = comma + 2; k < s1 && k <= comma + 8 && !(FL(c, k) & AT_TOK_PUNCT); k++)
		{
			/* the noun heads the phrase: "Zhang Wei, a manager at the firm," */
			if (at_gz_classes(&c->m->gz, c->norm + TK(c, k)->norm, TK(c, k)->normlen) & AT_GZ_FUNC)
				break;
			if (!firm_noun(c, k, AT_CN_FIRM | AT_CN_TRADE))
				continue;
			if (k + 1 == s1 || (FL(c, k + 1) & AT_TOK_PUNCT) || norm_is(c, k + 1, "that") ||
				norm_is(c, k + 1, "which") || norm_is(c, k + 1, "based") ||
				norm_is(c, k + 1, "founded") || norm_is(c, k + 1, "backed") ||
				norm_is(c, k + 1, "in") || norm_is(c, k + 1, "with"))
				make_firm(c, c->owner[i] >= 0 ?
						  AT_VEC_AT(&c->ments, Mention, c->owner[i])->t0 : t0, comma, sent);
			break;
		}
	}
}

/* "-", "--", an en or em dash */
static bool
dash_token(const Ctx *c, size_t k)
{
	const char *w = c->text + TK(c, k)->start;

	return (FL(c, k) & AT_TOK_PUNCT) &&
		(w[0] == '-' ||
		 (TK(c, k)->len >= 3 && (memcmp(w, "\xe2\x80\x94", 3) == 0 ||
								 memcmp(w, "\xe2\x80\x93", 3) == 0)));
}

/*
 * A dateline opens a story with its place in capitals, then the date, the
 * agency in brackets or a dash: "KUNMING, May 12 (Xinhua) --", "HANGZHOU
 * --", "BEIJING (Xinhua) --", "NEW YORK, Oct. 8 (Reuters) -".  The place is
 * a location whatever the tagger made of words it saw in capitals.
 */
static void
dateline(Ctx *c, size_t s0, size_t s1, int sent)
{
	size_t		e = s0,
				k;

	while (e < s1 && e - s0 < 4 && (FL(c, e) & (AT_TOK_ALLCAPS | AT_TOK_DIGIT)) == AT_TOK_ALLCAPS)
		e++;
	/* not an acronym or a known organisation ("IBM --", "NASA (AP) --") */
	if (e == s0 || e + 1 >= s1 || (e == s0 + 1 && TK(c, s0)->len < 4) ||
		(GZ(c, s0) & (AT_GZ_ORG_B | AT_GZ_ORGNAME)))
		return;
	if (norm_is(c, e, ",") && (GZ(c, e + 1) & AT_GZ_MONTH))
	{
		/* the date, then the agency or the dash */
		for (k = e + 2; k < s1 && k < e + 8; k++)
			if (norm_is(c, k, "(") || dash_token(c, k))
				break;
		if (k >= s1 || k >= e + 8)
			return;
	}
	else if (norm_is(c, e, "("))
	{
		/* "(Xinhua) --": a bracket is a dateline only before the dash */
		for (k = e + 1; k < s1 && k < e + 6 && !norm_is(c, k, ")"); k++)
			;
		if (k + 1 >= s1 || !norm_is(c, k, ")") || !dash_token(c, k + 1))
			return;
	}
	else if (!dash_token(c, e))
		return;
	kill_overlaps(c, s0, e);
	add_mention(c, s0, e, AT_NER_LOC, sent, 0.9f);
}

/* Initials of the capitalised words of [t0, t1), upper case */
static size_t
initials(const Ctx *c, size_t t0, size_t t1, char *out, size_t cap)
{
	size_t		n = 0;

	for (size_t k = t0; k < t1 && n < cap; k++)
	{
		const char *s = c->text + TK(c, k)->start;

		if (FL(c, k) & AT_TOK_UPPER1 && (unsigned char) s[0] < 0x80)
		{
			out[n++] = s[0];
			/* "Tus-Holdings": both parts */
			for (size_t j = 1; j + 1 < TK(c, k)->len && n < cap; j++)
				if (s[j] == '-' && s[j + 1] >= 'A' && s[j + 1] <= 'Z')
					out[n++] = s[j + 1];
		}
	}
	return n;
}

static bool
acronym_matches(const Ctx *c, size_t acr, size_t t0, size_t t1)
{
	char		ini[16];
	char		up[16];
	size_t		ni = initials(c, t0, t1, ini, sizeof(ini));
	size_t		nu = 0;
	const char *s = c->text + TK(c, acr)->start;

	for (size_t j = 0; j < TK(c, acr)->len && nu < sizeof(up); j++)
		if (s[j] >= 'A' && s[j] <= 'Z')
			up[nu++] = s[j];
	if (nu < 2)
		return false;
	/* the initials of the name, or of its last words ("China's ... (CSRC)") */
	for (size_t off = 0; off + nu <= ni; off++)
		if (ni - off == nu && memcmp(ini + off, up, nu) == 0)
			return true;
	return false;
}

/* Are the initials of [t0, t1) exactly the capitals of the acronym a? */
static bool
acronym_spells(const Ctx *c, size_t a, size_t t0, size_t t1)
{
	char		ini[16];
	size_t		nu = 0;

	for (size_t j = 0; j < TK(c, a)->len; j++)
		nu += c->text[TK(c, a)->start + j] >= 'A' && c->text[TK(c, a)->start + j] <= 'Z';
	return initials(c, t0, t1, ini, sizeof(ini)) == nu && acronym_matches(c, a, t0, t1);
}

/* "All Progressives Congress (APC)": the acronym keeps "All" in the name */
static bool
spelled_out(const Ctx *c, const Mention *m)
{
	return m->t1 + 2 < c->ntok && norm_is(c, m->t1, "(") && (FL(c, m->t1 + 1) & AT_TOK_ALLCAPS) &&
		norm_is(c, m->t1 + 2, ")") && acronym_spells(c, m->t1 + 1, m->t0, m->t1);
}

/*
 * "The ruling All Progressives Congress (APC)": the acronym spells the
 * organisation's whole name, of which the tagger or a rule kept the last
 * words only.  The mention grows to the left over capitalised words (at
 * most four) while that makes the initials the acronym's, exactly.
 */
static void
acronym_extends(Ctx *c, size_t a, Mention *prev, size_t s0)
{
	for (size_t r = prev->t0; r > s0 && r + 4 > prev->t0 && is_name_word(c, r - 1);)
	{
		r--;
		if (GZ(c, r) & (AT_GZ_TITLE | AT_GZ_ATTRIB))
			break;
		if (acronym_spells(c, a, r, prev->t1))
		{
			size_t		t0 = prev->t0;
			int			pi = c->owner[t0];

			kill_overlaps(c, r, t0);
			prev->t0 = r;
			for (size_t t = r; t < t0; t++)
				c->owner[t] = pi;
			return;
		}
	}
}

/*
 * "Belt and Road Initiative (BRI)": an acronym in parentheses after a name.
 * After a mention it is an alias of it; after any other capitalised run it
 * is a non-entity for the whole text.
 */
static void
acronyms(Ctx *c, size_t s0, size_t s1, int sent)
{
	/* the loop needs an acronym */
	if (!SENT_HAS_FLAG(c, sent, AT_TOK_ALLCAPS))
		return;
	for (size_t i = s0 + 1; i + 2 < s1 + 1 && i + 1 < s1; i++)
	{
		size_t		a = i + 1;
		size_t		r0;
		Mention    *prev = NULL;

		if (!norm_is(c, i, "(") || !(FL(c, a) & AT_TOK_ALLCAPS) || a + 1 >= s1 ||
			!norm_is(c, a + 1, ")"))
			continue;
		if (c->owner[i - 1] >= 0 &&
			AT_VEC_AT(&c->ments, Mention, c->owner[i - 1])->t1 == i)
			prev = AT_VEC_AT(&c->ments, Mention, c->owner[i - 1]);
		if (prev && prev->kind == AT_NER_ORG && !acronym_matches(c, a, prev->t0, prev->t1))
			acronym_extends(c, a, prev, s0);
		if (prev && acronym_matches(c, a, prev->t0, prev->t1))
		{
			Mention    *m;
			int			pi = (int) (prev - AT_VEC_AT(&c->ments, Mention, 0));

			kill_overlaps(c, a, a + 1);
			m = add_mention(c, a, a + 1, prev->kind, sent, prev->score);
			m->target = pi;
			continue;
		}
		/* the capitalised run before the parenthesis */
		r0 = i;
		while (r0 > s0 && (is_name_word(c, r0 - 1) ||
						   (r0 - 1 > s0 && is_connector(c, r0 - 1) && is_name_word(c, r0 - 2))))
			r0--;
		/* a few per text; the cap keeps clean() linear on hostile input */
		if (r0 < i && !prev && c->nonacro.len < 64 && acronym_matches(c, a, r0, i))
		{
			size_t	   *p = at_vec_push(&c->nonacro);

			*p = a;
		}
	}
}

static bool
same_token_text(const Ctx *c, size_t a, size_t b)
{
	return TK(c, a)->len == TK(c, b)->len &&
		memcmp(c->text + TK(c, a)->start, c->text + TK(c, b)->start, TK(c, a)->len) == 0;
}

/* A Roman numeral of two letters or more ("II", "XVII") */
static bool
roman_numeral(const Ctx *c, size_t i)
{
	const AtNerToken *t = TK(c, i);

	if (t->len < 2 || t->len > 8)
		return false;
	for (size_t k = 0; k < t->len; k++)
		if (strchr("IVX", c->text[t->start + k]) == NULL)
			return false;
	return true;
}

/*
 * A word whose suffix makes it a doctrine, a field or an attitude: no
 * place or person is named so.  Gazetteer words are left alone.
 */
static bool
doctrine_word(const Ctx *c, size_t i)
{
	static const char *const sfx[] = {"ology", "ism", "ianity", "phobia"};
	const AtNerToken *t = TK(c, i);
	const char *w = c->norm + t->norm;

	if (GZ(c, i) & ~(uint32_t) AT_GZ_PHRASE1)
		return false;
	for (size_t k = 0; k < AT_LENGTHOF(sfx); k++)
	{
		size_t		l = strlen(sfx[k]);

		if (t->normlen > l + 2 && memcmp(w + t->normlen - l, sfx[k], l) == 0)
			return true;
	}
	return false;
}

/* Lower-case words that belong inside names: "Rio de Janeiro", "Ludwig van Beethoven" */
static bool
name_particle(const Ctx *c, size_t i)
{
	static const char *const w[] = {
		"the", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le",
		"du", "dos", "das", "do", "y", "al", "el", "bin", "ibn", "ben", "bint",
		"abu", "upon", "zu", "ter", "des", "les", "sans", "et", "aux", "dei",
		"degli", "delle", "e"
	};

	return word_in(c, i, w, AT_LENGTHOF(w));
}

/*
 * "Army officials said", "the Council will vote": a lone organisation head
 * the tagger is sure of names the body it stands for, unless the text has
 * named that body in full before ("the Chinese Academy of Sciences ... The
 * Academy said"), where it is only a reference back to the name.
 */
static bool
lone_head_name(const Ctx *c, size_t k)
{
	const Mention *m = AT_VEC_AT(&c->ments, Mention, k);
	size_t		n = 0,
				s0 = c->sents[m->sent].start,
				s1 = s0 + c->sents[m->sent].len;

	if (!m->sure || m->t1 - m->t0 != 1 ||
		(GZ(c, m->t0) & (AT_GZ_ORGHEAD | AT_GZ_LOCHEAD | AT_GZ_TITLE | AT_GZ_DEMONYM |
						 AT_GZ_FUNC | AT_GZ_NONHEAD | AT_GZ_NONACRO | AT_GZ_ATTRIB)) != AT_GZ_ORGHEAD)
		return false;
	/*
	 * a piece of a name the tagger split ("Bank" of "Bank of Korea",
	 * "Association Agreement", "Sunday Times", "British Telecom") or a
	 * company suffix ("SA")
	 */
	if ((m->t1 < s1 && (is_connector(c, m->t1) || is_name_word(c, m->t1))) ||
		(m->t0 > s0 && (FL(c, m->t0 - 1) & AT_TOK_UPPER1) && !(GZ(c, m->t0 - 1) & AT_GZ_FUNC)) ||
		(FL(c, m->t0) & AT_TOK_ALLCAPS))
		return false;
	/* a capital opening a sentence says nothing ("Television has been") */
	if (m->t0 == s0)
		return false;
	/* the nearest mentions before it; the cap keeps clean() linear */
	for (size_t q = k; q-- > 0 && n < 200; n++)
	{
		const Mention *p = AT_VEC_AT(&c->ments, Mention, q);

		if (p->dead || p->t1 - p->t0 < 2 || p->t0 > m->t0)
			continue;
		for (size_t t = p->t0; t < p->t1; t++)
			if (same_token_text(c, t, m->t0))
				return false;
	}
	return true;
}

/*
 * A title that opens an organisation's name rather than a person's: before
 * a head ("General Administration of Customs"), a possessive ("Lord's
 * Resistance Army") or "and" and no other title ("Justice and Equality
 * Movement", not "the Queen and Prince of Wales").
 */
static bool
title_in_name(const Ctx *c, const Mention *m)
{
	size_t		n = m->t0 + 1;

	if (!(GZ(c, m->t0) & AT_GZ_TITLE) || m->kind == AT_NER_PERSON || n >= m->t1)
		return false;
	return (GZ(c, n) & HEADS) || norm_is(c, n, "'s") || norm_is(c, n, "'") ||
		(norm_is(c, n, "and") && n + 1 < m->t1 && !(GZ(c, n + 1) & AT_GZ_TITLE));
}

/*
 * Is the word at i written in lower case nearby ("the General Election" ...
 * "the election")?  Then it is a common word, not a surname.  The window
 * keeps the look linear.
 */
static bool
lower_nearby(const Ctx *c, size_t i)
{
	size_t		from = i > 300 ? i - 300 : 0,
				to = i + 300 < c->ntok ? i + 300 : c->ntok;

	for (size_t t = from; t < to; t++)
		if (!(FL(c, t) & AT_TOK_ANYUPPER) && TK(c, t)->normlen == TK(c, i)->normlen &&
			memcmp(c->norm + TK(c, t)->norm, c->norm + TK(c, i)->norm, TK(c, i)->normlen) == 0)
			return true;
	return false;
}

/*
 * One to four words that can only be a person's name ("Musharraf", "Ratko
 * Mladic"): no listed place or body, no word the text writes in lower case
 */
static bool
person_words(const Ctx *c, size_t t0, size_t t1)
{
	if (t1 <= t0 || t1 - t0 > 4)
		return false;
	for (size_t t = t0; t < t1; t++)
		if (!(surname_word(c, t) || (t > t0 && particle_name(c, t))) ||
			(GZ(c, t) & (AT_GZ_LOC | AT_GZ_LOCPART | AT_GZ_ORGNAME)) || lower_nearby(c, t))
			return false;
	return true;
}

/* More than 12 tokens, not counting the commas of a list of portfolios */
static bool
long_name(const Ctx *c, size_t t0, size_t t1)
{
	size_t		n = 0;

	for (size_t t = t0; t < t1; t++)
		n += !norm_is(c, t, ",");
	return n > 12;
}

/* Trims and drops mentions that are not names */
static void
clean(Ctx *c, size_t from)
{
	for (size_t k = from; k < c->ments.len; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		uint32_t	all = ~0u;
		bool		named = false,
					titled = false;

		if (m->dead || m->canon)
			continue;
		while (m->t0 < m->t1 &&
			   ((FL(c, m->t0) & AT_TOK_PUNCT) ||
				((GZ(c, m->t0) & (AT_GZ_FUNC | AT_GZ_TITLE)) &&
				 !(GZ(c, m->t0) & (AT_GZ_ORGHEAD | AT_GZ_LOCHEAD | AT_GZ_ORG_B | AT_GZ_PLACE_B)) &&
				 m->t0 + 1 < m->t1 && !title_in_name(c, m) && !spelled_out(c, m) &&
				 !(m->kind == AT_NER_PERSON && pinyin_pair(c, m->t0, m->t1))) ||
				(!(FL(c, m->t0) & AT_TOK_UPPER1) && !(FL(c, m->t0) & AT_TOK_DIGIT) &&
				 !particle_name(c, m->t0))))
		{
			/* "General Hayden"; not "Commissioner for Transport" */
			titled = (GZ(c, m->t0) & AT_GZ_TITLE) != 0;
			m->t0++;
		}
		/* "Shares of Ping An Insurance rose": the name starts after "of" */
		if (m->t0 == c->sents[m->sent].start && m->t0 + 2 < m->t1 && part_word(c, m->t0) &&
			norm_is(c, m->t0 + 1, "of"))
		{
			m->t0 += 2;
			if (norm_is(c, m->t0, "the") && m->t0 + 1 < m->t1)
				m->t0++;
		}
		while (m->t1 > m->t0 &&
			   ((FL(c, m->t1 - 1) & AT_TOK_PUNCT) || norm_is(c, m->t1 - 1, "'s") ||
				is_connector(c, m->t1 - 1) || norm_is(c, m->t1 - 1, "the")))
			m->t1--;
		/*
		 * "Abdullah bin Abdulaziz met Ali al-Sistani": the tagger ran two
		 * people together over a verb.  A lower-case word inside a name is
		 * a connector or a particle; at any other the name ends, and what
		 * follows is a name of the same kind.
		 */
		for (size_t t = m->t0 + 1; t + 1 < m->t1; t++)
		{
			size_t		t1 = m->t1;
			int			kind = m->kind,
						sent = m->sent;
			float		score = m->score;

			/*
			 * "President Recep Tayyip Erdogan's Justice and Development
			 * Party": a person (a title or a given name says so) owns the body
			 * (a head says so; not "Major League Soccer's Los Angeles Galaxy")
			 */
			if (norm_is(c, t, "'s") && (titled || (GZ(c, m->t0) & AT_GZ_GIVEN)) &&
				owner_before(c, m->t0, t) && is_name_word(c, t + 1) &&
				(GZ(c, t1 - 1) & AT_GZ_ORGHEAD))
			{
				m->t1 = t;
				m->kind = AT_NER_PERSON;
				add_mention(c, t + 1, t1, kind, sent, score);
				m = AT_VEC_AT(&c->ments, Mention, k);
				break;
			}
			if ((FL(c, t) & (AT_TOK_ALPHA | AT_TOK_ANYUPPER)) != AT_TOK_ALPHA ||
				is_connector(c, t) || particle_name(c, t) || name_particle(c, t) ||
				c->text[TK(c, t)->start] == '\'' || norm_is(c, t, "'s") ||
				(GZ(c, t) & AT_GZ_PLACE_I))	/* "Dar es Salaam" */
				continue;
			m->t1 = t;
			add_mention(c, t + 1, t1, kind, sent, score);
			m = AT_VEC_AT(&c->ments, Mention, k);	/* the push may move it */
			break;
		}
		/* "bin Laden": the tagger leaves the particle out of the person */
		if (m->kind == AT_NER_PERSON && m->t0 > c->sents[m->sent].start &&
			c->owner[m->t0 - 1] < 0 && particle_name(c, m->t0 - 1) &&
			!(FL(c, m->t0 - 1) & AT_TOK_ANYUPPER))
			m->t0--;
		/* "General Musharraf", "King Gyanendra" typed otherwise: after the title, a person */
		if (titled && m->kind != AT_NER_PERSON && person_words(c, m->t0, m->t1))
			m->kind = AT_NER_PERSON;
		/* names are short: a long run is degenerate input (commas of a list aside) */
		if (m->t1 <= m->t0 || (m->t1 - m->t0 > 12 && long_name(c, m->t0, m->t1)))
		{
			m->dead = true;
			continue;
		}
		for (size_t t = m->t0; t < m->t1; t++)
		{
			all &= GZ(c, t);
			if (((FL(c, t) & AT_TOK_UPPER1) &&
				 (!(GZ(c, t) & (AT_GZ_MONTH | AT_GZ_WEEKDAY | AT_GZ_FUNC)) ||
				  (GZ(c, t) & (AT_GZ_ORG_B | AT_GZ_PLACE_B)))) ||	/* "WHO" */
				(t == m->t0 && (FL(c, t) & AT_TOK_ANYUPPER) && particle_name(c, t)) ||
				digit_name(c, t))
				named = true;
		}
		if (!named)
			m->dead = true;
		/* a lone title, head, month, demonym or common acronym */
		else if (m->t1 - m->t0 == 1 &&
				 (GZ(c, m->t0) & (AT_GZ_TITLE | AT_GZ_ORGHEAD | AT_GZ_LOCHEAD | AT_GZ_MONTH |
								  AT_GZ_WEEKDAY | AT_GZ_NONACRO | AT_GZ_DEMONYM | AT_GZ_FUNC |
								  AT_GZ_NONHEAD | AT_GZ_ATTRIB)) &&
				 !(GZ(c, m->t0) & (AT_GZ_LOC | AT_GZ_ORGNAME | AT_GZ_ORG_B | AT_GZ_PLACE_B)) &&
				 m->target < 0 && !lone_head_name(c, k))
			m->dead = true;
		else if (all & (AT_GZ_MONTH | AT_GZ_WEEKDAY))
			m->dead = true;
		/* "XVII", "III": a number, not a name, when it stands alone */
		else if (m->t1 - m->t0 == 1 && roman_numeral(c, m->t0))
			m->dead = true;
		/* "Belt and Road Initiative", "Made in China 2025 Plan" */
		else if ((GZ(c, m->t1 - 1) & AT_GZ_NONHEAD) &&
				 !(GZ(c, m->t1 - 1) & (AT_GZ_ORGHEAD | AT_GZ_ORG_I)))	/* "World Food Programme" */
			m->dead = true;
		/* "Updated:", "Reportedly": a verb or adverb opening a sentence */
		else if (m->t1 - m->t0 == 1 && m->t0 == c->sents[m->sent].start && GZ(c, m->t0) == 0 &&
				 TK(c, m->t0)->normlen > 4 &&
				 (memcmp(c->norm + TK(c, m->t0)->norm + TK(c, m->t0)->normlen - 2, "ed", 2) == 0 ||
				  memcmp(c->norm + TK(c, m->t0)->norm + TK(c, m->t0)->normlen - 2, "ly", 2) == 0))
			m->dead = true;
		/* "Scientology", "Buddhism", "Islamophobia": a doctrine, not a place or a person */
		else if (m->t1 - m->t0 == 1 && m->kind != AT_NER_ORG && doctrine_word(c, m->t0))
			m->dead = true;
		else if (m->kind == AT_NER_PERSON)
		{
			for (size_t t = m->t0; t < m->t1; t++)
				if (FL(c, t) & AT_TOK_DIGIT)
					m->dead = true;
		}
		for (size_t q = 0; !m->dead && q < c->nonacro.len; q++)
		{
			size_t		a = *AT_VEC_AT(&c->nonacro, size_t, q);

			if (m->t1 - m->t0 == 1 && same_token_text(c, m->t0, a))
				m->dead = true;
		}
	}
}

/* Places from the gazetteer that no mention covers */
/* Does a preposition of place ("in", "to", "from", "in the") come before i? */
static bool
place_before(const Ctx *c, size_t i, size_t s0)
{
	static const char *const w[] = {"in", "to", "from", "across", "near", "outside", "inside"};

	if (i > s0 + 1 && norm_is(c, i - 1, "the"))
		i--;
	return i > s0 && word_in(c, i - 1, w, AT_LENGTHOF(w));
}

static void
fill_places(Ctx *c, size_t s0, size_t s1, int sent, bool headline)
{
	/* the loop needs a gazetteer match (at_ner_annotate marks its first token) */
	if (!SENT_HAS_GZ(c, sent, AT_GZ_PLACE_B | AT_GZ_ORG_B | AT_GZ_NONNAME))
		return;
	for (size_t i = s0; i < s1; i++)
	{
		const AtPhraseEntry *e;

		if (!(GZ(c, i) & (AT_GZ_PLACE_B | AT_GZ_ORG_B | AT_GZ_NONNAME)))
			continue;
		e = at_phrase_match(&c->m->gz.places, c->text, c->norm, c->toks, i, s1);
		if (e == NULL)
			continue;
		if (e->kind == AT_NER_NONE)
		{
			/* "Internet Explorer", not the "Home Office" around an "Office" */
			for (size_t t = i; t < i + e->ntok; t++)
				if (c->owner[t] >= 0 &&
					AT_VEC_AT(&c->ments, Mention, c->owner[t])->t0 >= i &&
					AT_VEC_AT(&c->ments, Mention, c->owner[t])->t1 <= i + e->ntok)
					kill_overlaps(c, t, t + 1);
			i += e->ntok - 1;
			continue;
		}
		if (c->owner[i] >= 0)
		{
			Mention    *o = AT_VEC_AT(&c->ments, Mention, c->owner[i]);
			bool		exact = o->t0 == i && o->t1 == i + e->ntok;

			/*
			 * A tagger organisation that is exactly a place abbreviation of
			 * the gazetteer is the place: "the UK said" (GMB labels "UK" an
			 * organisation 58 times out of 60).  Whole names stay as
			 * tagged: "Tehran says" can be the government.
			 */
			if (exact && e->kind == AT_NER_LOC && e->ntok == 1 &&
				(FL(c, i) & AT_TOK_ALLCAPS) && o->kind == AT_NER_ORG)
				o->kind = AT_NER_LOC;
			/*
			 * "In Abu Dhabi, ...", "a plant in Tamil Nadu": a listed place of
			 * two words or more after a preposition of place.  Not one word
			 * (GMB labels "diverted to Singapore" an organisation five
			 * times) nor one that ends in a head ("West Bank", 23 times).
			 */
			if (exact && e->kind == AT_NER_LOC && o->kind == AT_NER_ORG && e->ntok >= 2 &&
				place_before(c, i, s0) && !(GZ(c, i + e->ntok - 1) & AT_GZ_ORGHEAD))
				o->kind = AT_NER_LOC;


			/*
			 * A known organisation of two words or more is no person
			 * ("Toronto Star"); one the tagger calls a place may be a
			 * facility too ("International Space Station", a place to GMB)
			 */
			if (exact && e->kind == AT_NER_ORG && e->ntok >= 2 && o->kind == AT_NER_PERSON)
				o->kind = AT_NER_ORG;
			/* "the Fatah movement": a listed body of one word is no place */
			if (exact && e->kind == AT_NER_ORG && e->ntok == 1 && o->kind == AT_NER_LOC)
				o->kind = AT_NER_ORG;
		}
		/*
		 * A listed name with a lower-case word the tagger cannot put inside a
		 * name ("sans": at_ner_tagmask), or with a person inside, outranks
		 * the mentions wholly inside it: "Medecins sans Frontieres" came out
		 * as the person "Frontieres", "State Grid" as the person "Grid".
		 * Other listed names leave the tagger's pieces alone, as GMB does
		 * ("Bosnia" and "Herzegovina").
		 */
		if (e->ntok >= 2 && covered(c, i, i + e->ntok) && within(c, i, i + e->ntok))
		{
			bool		wins = false;

			for (size_t t = i; t < i + e->ntok; t++)
			{
				/* "State Grid plans": a person inside a listed body or place */
				if (c->owner[t] >= 0 && AT_VEC_AT(&c->ments, Mention, c->owner[t])->kind == AT_NER_PERSON)
					wins = true;
				/* "sans"; "es" of "Dar es Salaam", not "and", "of" */
				if (t > i && t + 1 < i + e->ntok && !(FL(c, t) & AT_TOK_ANYUPPER) &&
					(TK(c, t)->normlen > 3 ||
					 (FL(c, t) & AT_TOK_ALPHA && !(GZ(c, t) & AT_GZ_FUNC))))
					wins = true;
			}
			if (wins)
				kill_overlaps(c, i, i + e->ntok);
		}
		if (!covered(c, i, i + e->ntok) &&
			(headline || (!(i + e->ntok < s1 && is_name_word(c, i + e->ntok) && !(GZ(c, i + e->ntok) & AT_GZ_TITLE)) &&
			!(i > s0 && is_name_word(c, i - 1) && i - 1 != s0))))
			add_mention(c, i, i + e->ntok, e->kind, sent, 0.7f);
		i += e->ntok - 1;
	}
}

/*
 * A university or college of the generated list is one organisation, over
 * whatever the tagger and the rules made of its words: "University of Hong
 * Kong" is not "University" and the place "Hong Kong".  The list holds only
 * whole English names of two words or more (gen_universities.js); a match
 * with a capitalised word before or after it is part of a longer name.
 */
#define INSTITUTION_MAXTOK 12		/* tokens before a listed name's head, at most */

static void
institutions(Ctx *c, size_t s0, size_t s1, int sent)
{
	const AtGazetteer *cn = c->m->gz.chinese;
	size_t		head = s0;

	/* the loop needs a head */
	if (cn == NULL || cn->places.count == 0 || !SENT_HAS_GZ(c, sent, AT_GZ_ORGHEAD))
		return;
	for (size_t i = s0; i < s1; i++)
	{
		const AtPhraseEntry *e;

		/* every listed name holds a head ("University"): look only near one */
		while (head < s1 && (head < i || !(GZ(c, head) & AT_GZ_ORGHEAD)))
			head++;
		if (head == s1)
			break;
		if (head > i + INSTITUTION_MAXTOK)
		{
			i = head - INSTITUTION_MAXTOK - 1;
			continue;
		}
		if (!(FL(c, i) & AT_TOK_UPPER1) ||
			!(at_gz_classes(cn, c->norm + TK(c, i)->norm, TK(c, i)->normlen) & AT_GZ_PHRASE1))
			continue;
		e = at_phrase_match(&cn->places, c->text, c->norm, c->toks, i, s1);
		if (e == NULL)
			continue;
		/* part of a longer name: "George Washington University Hospital" */
		if ((i > s0 && is_name_word(c, i - 1) && !(GZ(c, i - 1) & AT_GZ_FUNC)) ||
			(i + e->ntok < s1 && is_name_word(c, i + e->ntok)))
			continue;
		if (c->owner[i] < 0 || AT_VEC_AT(&c->ments, Mention, c->owner[i])->t0 != i ||
			AT_VEC_AT(&c->ments, Mention, c->owner[i])->t1 != i + e->ntok ||
			AT_VEC_AT(&c->ments, Mention, c->owner[i])->kind != AT_NER_ORG)
		{
			kill_overlaps(c, i, i + e->ntok);
			add_mention(c, i, i + e->ntok, AT_NER_ORG, sent, 0.85f);
		}
		i += e->ntok - 1;
	}
}

/*
 * A person after a title is no word of an organisation: "Bank Indonesia
 * Governor Perry Warjiyo" is the bank and then a person.  And a
 * portfolio before "Minister" or "Secretary" names an office, not a body:
 * "Kazakh Energy Minister", "Treasury Cabinet Secretary", "Tamil Nadu
 * Industries Minister" (the place that opens it stays a place).  One look
 * at each mention.
 */
static void
title_tails(Ctx *c)
{
	size_t		nm = c->ments.len;

	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		size_t		t0 = m->t0,
					t1 = m->t1,
					cut = t1;
		int			sent = m->sent;

		if (m->dead || m->canon || m->kind != AT_NER_ORG || t1 - t0 < 2)
			continue;
		if (t1 < c->ntok && (norm_is(c, t1, "minister") || norm_is(c, t1, "secretary")) &&
			(FL(c, t1) & AT_TOK_UPPER1) && !has_of(c, t0, t1) && !company_suffix(c, t1 - 1) &&
			!(GZ(c, t0) & (AT_GZ_ORG_B | AT_GZ_ORGNAME)) && !(FL(c, t0) & AT_TOK_ALLCAPS) &&
			!final_period(c, t0))
		{
			const AtPhraseEntry *e = (GZ(c, t0) & AT_GZ_PLACE_B) ?
				at_phrase_match(&c->m->gz.places, c->text, c->norm, c->toks, t0, t1) : NULL;

			kill_overlaps(c, t0, t1);
			if (e && e->kind == AT_NER_LOC && e->ntok < t1 - t0)
				add_mention(c, t0, t0 + e->ntok, AT_NER_LOC, sent, 0.7f);
			continue;
		}
		for (size_t t = t0 + 1; t < t1; t++)
			if ((GZ(c, t) & AT_GZ_TITLE) && !(GZ(c, t) & (HEADS | AT_GZ_ORG_I | AT_GZ_PLACE_I)) &&
				!is_connector(c, t - 1) && !possessive_token(c, t - 1))
			{
				cut = t;
				break;
			}
		/*
		 * "Bank Indonesia Governor Perry Warjiyo": a person after the
		 * title.  A title that ends the span stays ("U.N. Secretary-General",
		 * one organisation to GMB).
		 */
		if (cut + 1 < t1)
		{
			size_t		p = cut + 1;

			for (size_t t = p; t < t1; t++)
				if ((GZ(c, t) & (HEADS | AT_GZ_ORGNAME | AT_GZ_TITLE)) || !is_name_word(c, t))
					p = t1;
			if (p == t1)
				continue;
			m->t1 = cut;
			for (size_t t = cut; t < t1; t++)
				c->owner[t] = -1;
			add_mention(c, p, t1, AT_NER_PERSON, sent, m->score);
			continue;
		}
		/*
		 * "Bank Indonesia Governor" + "Perry Warjiyo", "Apple CEO" + "Tim
		 * Cook"; GMB keeps a title after an acronym or a nationality word
		 * ("U.N. Secretary-General", "EU Enlargement Commissioner")
		 */
		if (cut + 1 == t1 && t1 < c->ntok && is_name_word(c, t1) && !(GZ(c, t1) & AT_GZ_TITLE) &&
			!(FL(c, t0) & AT_TOK_ALLCAPS) && !final_period(c, t0) &&
			!(GZ(c, t0) & AT_GZ_DEMONYM) && !has_of(c, t0, t1))
		{
			m->t1 = cut;
			c->owner[cut] = -1;
		}
	}
}

/* The user's terms win over everything else */
static void
user_terms(Ctx *c, const AtPhraseTable *t, size_t s0, size_t s1, int sent)
{
	if (t == NULL || t->count == 0)
		return;
	for (size_t i = s0; i < s1; i++)
	{
		const AtPhraseEntry *e = at_phrase_match(t, c->text, c->norm, c->toks, i, s1);
		Mention    *m;

		if (e == NULL)
			continue;
		kill_overlaps(c, i, i + e->ntok);
		m = add_mention(c, i, i + e->ntok, e->kind, sent, 1.0f);
		m->canon = e->canonical;
		i += e->ntok - 1;
	}
}

static void
tag_sentence(Ctx *c, size_t s0, size_t s1, int sent, uint8_t *tags, float *conf,
			 bool sure)
{
	AtNerSent	s = {c->text, c->norm, c->toks + s0, s1 - s0};
	Mention    *m;

	at_ner_tag_hashed(c->m, &s, c->whash + s0, tags, conf);
	for (size_t i = 0; i < s.n; i++)
	{
		size_t		e;
		float		sum = conf[i];

		if (!AT_TAG_IS_B(tags[i]))
			continue;
		for (e = i + 1; e < s.n && tags[e] == tags[i] + 1; e++)
			sum += conf[e];
		m = add_mention(c, s0 + i, s0 + e, AT_TAG_KIND(tags[i]), sent, sum / (float) (e - i));
		m->sure = sure && m->score >= SURE_CONF && !SWITCHED(22);
		/*
		 * "Marilyn" alone, a common given name and nothing else, is a
		 * person; not before a place head ("Karen state")
		 */
		if (e == i + 1 && m->kind != AT_NER_PERSON && (GZ(c, s0 + i) & AT_GZ_GIVEN) &&
			!(GZ(c, s0 + i) & ~(uint32_t) (AT_GZ_GIVEN | AT_GZ_SURNAME)) &&
			!(e < s.n && (GZ(c, s0 + e) & AT_GZ_LOCHEAD)))
			m->kind = AT_NER_PERSON;
		i = e - 1;
	}
}

/* Headline case or capitals: no word of four letters or more in lower case */
static bool
headline_case(const Ctx *c, size_t s0, size_t s1)
{
	int			words = 0;

	for (size_t i = s0; i < s1; i++)
	{
		if (!(FL(c, i) & AT_TOK_ALPHA) || TK(c, i)->normlen < 4)
			continue;
		/* one lower-case word decides (most sentences: within a few words) */
		if (!(FL(c, i) & AT_TOK_UPPER1))
			return false;
		words++;
	}
	return words >= 3;
}

/*
 * In headline case every word is capitalised, so the tagger's guesses need
 * support: a Chinese surname or a given name in a person, a head in an
 * organisation, a gazetteer place.  Names known from the body are matched
 * again later.
 */
static void
headline_filter(Ctx *c, size_t from)
{
	for (size_t k = from; k < c->ments.len; k++)
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		uint32_t	any = 0;

		for (size_t t = m->t0; t < m->t1; t++)
			any |= GZ(c, t);
		if (!(any & (m->kind == AT_NER_PERSON ? (AT_GZ_SURNAME | AT_GZ_GIVEN) :
					 m->kind == AT_NER_ORG ? AT_GZ_ORGHEAD :
					 (AT_GZ_PLACE_B | AT_GZ_LOCHEAD))))
			kill_overlaps(c, m->t0, m->t1);
	}
}

static int
cmp_mention(const void *a, const void *b)
{
	const Mention *x = a,
			   *y = b;

	if (x->t0 != y->t0)
		return x->t0 < y->t0 ? -1 : 1;
	return x->t1 > y->t1 ? -1 : x->t1 < y->t1;
}

static char *
surface(const Ctx *c, size_t t0, size_t t1)
{
	size_t		s = TK(c, t0)->start,
				e = TK(c, t1 - 1)->start + TK(c, t1 - 1)->len;
	char	   *out = at_alloc(c->mem, e - s + 1);
	size_t		n = 0;
	bool		space = false;

	for (size_t p = s; p < e; p++)
	{
		char		ch = c->text[p];

		if (ch == ' ' || (ch >= '\t' && ch <= '\r'))
		{
			space = true;
			continue;
		}
		if (space && n > 0)
			out[n++] = ' ';
		space = false;
		out[n++] = ch;
	}
	out[n] = '\0';
	return out;
}

/*
 * Adds the words a short form of mention m may use to the table, with m's
 * canonical name when with_canon (a table only matched for kinds needs none)
 */
static void
add_short_forms(Ctx *c, AtPhraseTable *t, const Mention *m, bool with_canon)
{
	const char *canon = !with_canon ? NULL : m->canon ? m->canon : surface(c, m->t0, m->t1);
	size_t		cl = canon ? strlen(canon) : 0;
	size_t		ends[2] = {m->t0, m->t1 - 1};

	for (int k = 0; k < (m->kind == AT_NER_PERSON ? 2 : 1); k++)
	{
		size_t		i = ends[k];
		/* a person's surname may be a place too ("Valeska Paris" ... "Paris said") */
		if (!is_name_word(c, i) ||
			(GZ(c, i) & (AT_GZ_TITLE | AT_GZ_ORGHEAD | AT_GZ_LOCHEAD | AT_GZ_FUNC |
						 AT_GZ_DEMONYM | AT_GZ_NONACRO)) ||
			(m->kind != AT_NER_PERSON && (GZ(c, i) & (AT_GZ_LOC | AT_GZ_LOCPART))))
			continue;
		at_phrase_add_tokens(t, c->mem, c->text, c->norm, c->toks + i, 1, (AtNerKind) m->kind, canon, cl);
	}
}

/*
 * Known names of this text, matched again where the tagger missed them
 * (and in headlines, which are not tagged).
 */
static bool mention_in(const Ctx *c, const AtPhraseTable *t, const Mention *m);

/*
 * A company named with its legal suffix ("Volkswagen AG", "Eberhard Faber
 * GmbH", "Morgan Stanley & Co.") is named without it later in the text:
 * the name before the suffixes goes into known (to find it where nothing
 * did) and firms (to retype it where the tagger took it for a person or a
 * place).  A bare place, demonym or head before the suffix is no name.
 */
static void
add_firm_short_form(Ctx *c, AtPhraseTable *known, AtPhraseTable *firms, const Mention *m)
{
	size_t		e = m->t1;

	if (!company_suffix(c, m->t1 - 1))
		return;
	while (e > m->t0 + 1 && (company_suffix(c, e - 1) || norm_is(c, e - 1, ",") ||
							 norm_is(c, e - 1, "&")))
		e--;
	if (e == m->t1 || !is_name_word(c, e - 1) ||
		!is_name_word(c, m->t0) ||
		(e - m->t0 == 1 &&
		 (GZ(c, m->t0) & (AT_GZ_LOC | AT_GZ_LOCPART | AT_GZ_DEMONYM | AT_GZ_TITLE | AT_GZ_FUNC |
						  HEADS | AT_GZ_NONACRO | AT_GZ_MONTH | AT_GZ_WEEKDAY))))
		return;
	at_phrase_add_tokens(known, c->mem, c->text, c->norm, c->toks + m->t0, e - m->t0,
						 AT_NER_ORG, NULL, 0);
	at_phrase_add_tokens(firms, c->mem, c->text, c->norm, c->toks + m->t0, e - m->t0,
						 AT_NER_ORG, NULL, 0);
}

static void
known_names(Ctx *c, const bool *headline)
{
	AtPhraseTable known,
				firms;
	size_t		nm = c->ments.len;

	at_phrase_init(&known, false);
	known.keep_replaced = true;
	at_phrase_init(&firms, false);
	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		if (m->dead || m->score < 0.6f)
			continue;
		at_phrase_add_tokens(&known, c->mem, c->text, c->norm, c->toks + m->t0, m->t1 - m->t0,
							 (AtNerKind) m->kind, NULL, 0);
		/* "Liu said" after "Liu Jianping" */
		if (m->kind == AT_NER_PERSON && m->t1 - m->t0 > 1)
			add_short_forms(c, &known, m, false);
		else if (m->kind == AT_NER_ORG)
			add_firm_short_form(c, &known, &firms, m);
	}
	if (known.count == 0)
		return;
	/* "Eberhard Faber" after "Eberhard Faber GmbH" is the firm, whatever the tagger said */
	for (size_t k = 0; firms.count > 0 && k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);

		if (!m->dead && m->kind != AT_NER_ORG && mention_in(c, &firms, m))
			m->kind = AT_NER_ORG;
	}
	for (size_t si = 0; si < c->nsent; si++, interrupt_point(si))
	{
		size_t		s0 = c->sents[si].start,
					s1 = s0 + c->sents[si].len;

		for (size_t i = s0; i < s1; i++)
		{
			const AtPhraseEntry *e;

			if (!(FL(c, i) & AT_TOK_UPPER1) && !digit_name(c, i))
				continue;
			/* "China Three Gorges" after "China Three Gorges Corp": not "China" alone */
			if (firms.count > 0 && c->owner[i] >= 0 &&
				(e = at_phrase_match(&firms, c->text, c->norm, c->toks, i, s1)) != NULL &&
				e->ntok >= 2 && covered(c, i, i + e->ntok) && within(c, i, i + e->ntok) &&
				!(i + e->ntok < s1 && is_name_word(c, i + e->ntok)))
			{
				kill_overlaps(c, i, i + e->ntok);
				add_mention(c, i, i + e->ntok, AT_NER_ORG, (int) si, 0.6f);
				i += e->ntok - 1;
				continue;
			}
			e = at_phrase_match(&known, c->text, c->norm, c->toks, i, s1);
			if (e == NULL)
				continue;
			if (!covered(c, i, i + e->ntok) &&
				(headline[si] || !(i + e->ntok < s1 && is_name_word(c, i + e->ntok))))
				add_mention(c, i, i + e->ntok, e->kind, (int) si, 0.6f);
			i += e->ntok - 1;
		}
	}
}

/* Is mention m, whole, a phrase of table t? */
static bool
mention_in(const Ctx *c, const AtPhraseTable *t, const Mention *m)
{
	const AtPhraseEntry *e = at_phrase_match(t, c->text, c->norm, c->toks, m->t0, m->t1);

	return e != NULL && e->ntok == m->t1 - m->t0;
}

/* A match result at token k: "3-0", "1 – 0".  Returns its tokens, or 0 */
static size_t
score_at(const Ctx *c, size_t k, size_t s1)
{
	if (k >= s1 || (FL(c, k) & (AT_TOK_DIGIT | AT_TOK_ALPHA)) != AT_TOK_DIGIT)
		return 0;
	if ((FL(c, k) & AT_TOK_HYPHEN) && TK(c, k)->len <= 5)
		return 1;
	if (k + 2 < s1 && TK(c, k)->len <= 2 && dash_token(c, k + 1) &&
		(FL(c, k + 2) & (AT_TOK_DIGIT | AT_TOK_ALPHA)) == AT_TOK_DIGIT && TK(c, k + 2)->len <= 2)
		return 3;
	return 0;
}

/* The live place mention that starts at token t, or NULL */
static Mention *
place_at(Ctx *c, size_t t)
{
	Mention    *m;

	if (t >= c->ntok || c->owner[t] < 0)
		return NULL;
	m = AT_VEC_AT(&c->ments, Mention, c->owner[t]);
	return m->t0 == t && m->kind == AT_NER_LOC ? m : NULL;
}

/*
 * Is [t0, t1) shaped like a person's name: two or three capitalised words,
 * none a head, a known place or body, a demonym or a function word?
 */
static bool
person_shape(const Ctx *c, size_t t0, size_t t1)
{
	if (t1 - t0 < 2 || t1 - t0 > 3)
		return false;
	for (size_t t = t0; t < t1; t++)
		if (!(FL(c, t) & AT_TOK_UPPER1) || (FL(c, t) & (AT_TOK_DIGIT | AT_TOK_ALLCAPS)) ||
			(GZ(c, t) & (HEADS | AT_GZ_ORG_B | AT_GZ_ORG_I | AT_GZ_PLACE_B | AT_GZ_PLACE_I |
						 AT_GZ_DEMONYM | AT_GZ_FUNC | AT_GZ_TITLE | AT_GZ_LOC | AT_GZ_ORGNAME)))
			return false;
	return true;
}

/*
 * Mention m, of kind kind, ends before its token a (a joining word such as
 * "and" or a slash, which goes), and a new mention of kind tail_kind runs
 * from a + 1 to m's old end.  m is not read after add_mention(), which may
 * move the vector.
 */
static void
split_mention(Ctx *c, Mention *m, size_t a, int kind, int tail_kind)
{
	size_t		t1 = m->t1;
	int			sent = m->sent;
	float		score = m->score;

	m->t1 = a;
	m->kind = kind;
	c->owner[a] = -1;
	add_mention(c, a + 1, t1, tail_kind, sent, score);
}

/*
 * Two people joined by "and" or "&" that the tagger ran into one body or
 * place ("Karl Langdon & Harvey Deegan", "Max Delbrück and Salvador
 * Luria"): both sides have a person's shape and one opens with a known
 * given name.  One-word sides stay ("Marks & Spencer", "Ernst & Young").
 */
static void
person_pairs(Ctx *c)
{
	size_t		nm = c->ments.len;

	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		size_t		t1 = m->t1;

		if (m->dead || m->kind == AT_NER_PERSON || m->t1 - m->t0 < 5 || m->t1 - m->t0 > 7)
			continue;
		for (size_t a = m->t0 + 2; a + 2 < t1; a++)
		{
			if (!norm_is(c, a, "and") && !norm_is(c, a, "&"))
				continue;
			if (!person_shape(c, m->t0, a) || !person_shape(c, a + 1, t1) ||
				!((GZ(c, m->t0) | GZ(c, a + 1)) & AT_GZ_GIVEN))
				break;
			split_mention(c, m, a, AT_NER_PERSON, AT_NER_PERSON);
			break;
		}
	}
}

/*
 * Is [t0, t1) one entry of the gazetteer, whole: a one-word name (flag
 * one), or a phrase's first word (b) and inner words (i) with no inner
 * word after it?
 */
static bool
known_entry(const Ctx *c, size_t t0, size_t t1, uint32_t one, uint32_t b, uint32_t i)
{
	if (t1 < c->ntok && (GZ(c, t1) & i))
		return false;
	if (t1 == t0 + 1)
		return (GZ(c, t0) & one) != 0;
	if (!(GZ(c, t0) & b))
		return false;
	for (size_t k = t0 + 1; k < t1; k++)
		if (!(GZ(c, k) & i))
			return false;
	return true;
}

#define known_org(c, t0, t1) known_entry(c, t0, t1, AT_GZ_ORGNAME, AT_GZ_ORG_B, AT_GZ_ORG_I)
#define known_place(c, t0, t1) known_entry(c, t0, t1, AT_GZ_LOC, AT_GZ_PLACE_B, AT_GZ_PLACE_I)

/*
 * Two bodies joined by "and" that the tagger ran into one ("Sinopharm and
 * Sinovac Life Sciences"): a listed organisation, whole, before the "and"
 * ends its name, and the capitalised name after it is a body of its own.
 * A listed name that holds the "and" ("Procter and Gamble") is no pair:
 * the gazetteer marks its words as one entry.
 */
static void
body_pairs(Ctx *c)
{
	size_t		nm = c->ments.len;

	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		size_t		t1 = m->t1;

		if (m->dead || m->kind != AT_NER_ORG || m->t1 - m->t0 < 3)
			continue;
		for (size_t a = m->t0 + 1; a + 1 < t1; a++)
		{
			if (!norm_is(c, a, "and"))
				continue;
			if (!known_org(c, m->t0, a) || !is_name_word(c, a + 1) ||
				(GZ(c, a + 1) & (AT_GZ_FUNC | AT_GZ_ORG_I)))
				break;
			split_mention(c, m, a, AT_NER_ORG, AT_NER_ORG);
			break;
		}
	}
}

/*
 * "Cui Meng/GT", "Photo: Name/Outlet": a slash glued between letters
 * joins two names (a photographer and an agency), never the words of one,
 * so a mention across it is cut there.  The part after the slash is an outlet
 * when it is an acronym or a listed body, else of the mention's kind.
 */
static void
slash_credits(Ctx *c)
{
	size_t		nm = c->ments.len;

	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		size_t		t1 = m->t1;
		int			kind = m->kind;

		if (m->dead || t1 - m->t0 < 3)
			continue;
		for (size_t a = m->t0 + 1; a + 1 < t1; a++)
		{
			/* glued on both sides, as a credit is: not "Guber / Peters" */
			if (!norm_is(c, a, "/") || !is_name_word(c, a + 1) ||
				TK(c, a - 1)->start + TK(c, a - 1)->len != TK(c, a)->start ||
				TK(c, a)->start + 1 != TK(c, a + 1)->start)
				continue;
			if ((FL(c, a + 1) & AT_TOK_ALLCAPS) || known_org(c, a + 1, t1))
				kind = AT_NER_ORG;
			split_mention(c, m, a, m->kind, kind);
			break;
		}
	}
}

/*
 * "Athens, Greece", "Little Falls, Minnesota", "Munich, West Germany": a
 * known place next to a place across a comma is a place too, whatever the
 * tagger made of it.  Not in a longer list ("Brazil, Argentina and Chile"
 * may be teams) and not where the other side is unsure.
 */
static void
place_pairs(Ctx *c)
{
	size_t		nm = c->ments.len;

	/* owners are current: sports_teams rebuilt them, and the passes since keep them */
	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		size_t		s0,
					s1;
		const Mention *o = NULL;

		if (m->dead || m->kind == AT_NER_LOC || !known_place(c, m->t0, m->t1))
			continue;
		s0 = c->sents[m->sent].start;
		s1 = s0 + c->sents[m->sent].len;
		/* "Athens, Greece": the place before */
		if (m->t0 >= s0 + 2 && norm_is(c, m->t0 - 1, ",") && c->owner[m->t0 - 2] >= 0)
		{
			o = AT_VEC_AT(&c->ments, Mention, c->owner[m->t0 - 2]);
			if (o->t1 != m->t0 - 1 || (o->t0 >= s0 + 1 && norm_is(c, o->t0 - 1, ",")) ||
				(m->t1 + 1 < s1 && (norm_is(c, m->t1, "and") ||
									(norm_is(c, m->t1, ",") && (FL(c, m->t1 + 1) & AT_TOK_UPPER1) &&
									 c->owner[m->t1 + 1] >= 0))))
				o = NULL;
		}
		/* "Munich, West Germany": the place after, which ends the pair */
		if (o == NULL && m->t1 + 1 < s1 && norm_is(c, m->t1, ",") && c->owner[m->t1 + 1] >= 0)
		{
			o = AT_VEC_AT(&c->ments, Mention, c->owner[m->t1 + 1]);
			if (o->t0 != m->t1 + 1 || (m->t0 >= s0 + 1 && norm_is(c, m->t0 - 1, ",")) ||
				(o->t1 < s1 && (norm_is(c, o->t1, "and") ||
								(o->t1 + 1 < s1 && norm_is(c, o->t1, ",") &&
								 (FL(c, o->t1 + 1) & AT_TOK_UPPER1) && c->owner[o->t1 + 1] >= 0))))
				o = NULL;
		}
		if (o != NULL && !o->dead && o->kind == AT_NER_LOC && o->score >= 0.6f)
			m->kind = AT_NER_LOC;
	}
}

/* A place noun in lower case after a name: "Kogi state", "Kogi and Imo states" */
static int
place_noun(const Ctx *c, size_t i)
{
	static const char *const one[] = {
		"state", "province", "region", "district", "county", "prefecture", "governorate", "oblast"
	};
	static const char *const many[] = {
		"states", "provinces", "regions", "districts", "counties", "prefectures", "governorates",
		"oblasts"
	};

	/* most words fail on case, length or first letter: no list look-up */
	if (i >= c->ntok || (FL(c, i) & (AT_TOK_ANYUPPER | AT_TOK_PUNCT)) || TK(c, i)->normlen < 5 ||
		!strchr("sprdcgo", c->norm[TK(c, i)->norm]))
		return 0;
	return word_in(c, i, one, AT_LENGTHOF(one)) ? 1 : word_in(c, i, many, AT_LENGTHOF(many)) ? 2 : 0;
}

/*
 * Names before a place noun in lower case are places, whatever the tagger
 * said: "Kogi state", "in Kogi, Imo and Bayelsa states", "Sindh and
 * Punjab provinces".  A list is walked from its first name (at most eight
 * names), so each mention is looked at a bounded number of times.
 */
#define PLACE_LIST_MAX 8

static void
province_lists(Ctx *c)
{
	size_t		nm = c->ments.len;

	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		int			list[PLACE_LIST_MAX];
		int			n = 0,
					noun = 0;
		size_t		j;

		if (m->dead || m->canon)
			continue;
		/* the first name of a list: none joined before it */
		if (m->t0 >= 2 && (norm_is(c, m->t0 - 1, ",") || norm_is(c, m->t0 - 1, "and")) &&
			c->owner[m->t0 - 2] >= 0)
			continue;
		list[n++] = (int) k;
		for (j = m->t1; n < PLACE_LIST_MAX && j + 1 < c->ntok;)
		{
			const Mention *o;

			if (norm_is(c, j, ",") && norm_is(c, j + 1, "and"))
				j++;
			if (!(norm_is(c, j, ",") || norm_is(c, j, "and")) || j + 1 >= c->ntok ||
				c->owner[j + 1] < 0)
				break;
			o = AT_VEC_AT(&c->ments, Mention, c->owner[j + 1]);
			if (o->t0 != j + 1)
				break;
			list[n++] = c->owner[j + 1];
			j = o->t1;
		}
		noun = place_noun(c, j);
		if (noun == 0 || (noun == 1) != (n == 1))
			continue;
		for (int q = 0; q < n; q++)
		{
			Mention    *o = AT_VEC_AT(&c->ments, Mention, list[q]);

			/* "Islamic State", "Kachin Independence Army state": heads decide */
			if (!(GZ(c, o->t1 - 1) & HEADS) && o->t1 - o->t0 <= 3)
				o->kind = AT_NER_LOC;
		}
	}
}

/*
 * "Hockey Hall of Fame", "Texas High School Sports Hall of Fame": a hall
 * of fame (or honour) and the capitalised words before it are one body;
 * the tagger makes a person of "Hall" and a place of "Fame".  The bare
 * "Hall of Fame" is left to the tagger: GMB labels it so (person, place),
 * and taking it would cost the regression floor.
 */
static void
halls_of_fame(Ctx *c, size_t s0, size_t s1, int sent)
{
	static const char *const what[] = {"fame", "honor", "honour"};

	/* the loop needs "hall" */
	if (!SENT_MAY_HAVE(c, sent, "hall"))
		return;
	for (size_t i = s0; i + 2 < s1; i++)
	{
		size_t		t0 = i;

		if (TK(c, i)->normlen != 4 || !(FL(c, i) & AT_TOK_UPPER1) || !norm_is(c, i, "hall") ||
			!norm_is(c, i + 1, "of") ||
			!(FL(c, i + 2) & AT_TOK_UPPER1) || !word_in(c, i + 2, what, AT_LENGTHOF(what)))
			continue;
		while (t0 > s0 && i - t0 < 6 &&
			   ((is_name_word(c, t0 - 1) && !(GZ(c, t0 - 1) & (AT_GZ_FUNC | AT_GZ_TITLE))) ||
				possessive_token(c, t0 - 1)))
			t0--;
		while (t0 < i && possessive_token(c, t0))
			t0++;
		/* a bare "the Hall of Fame" is left to the tagger */
		if (t0 == i)
			continue;
		kill_overlaps(c, t0, i + 3);
		add_mention(c, t0, i + 3, AT_NER_ORG, sent, 0.85f);
		i += 2;
	}
}

/* "", "st", "nd", "rd", "th", "d": what may follow a unit's number */
static bool
ordinal_tail(const char *p, size_t n)
{
	static const char *const tails[] = {"", "st", "nd", "rd", "th", "d"};

	for (size_t i = 0; i < AT_LENGTHOF(tails); i++)
		if (strlen(tails[i]) == n && memcmp(p, tails[i], n) == 0)
			return true;
	return false;
}

/*
 * "65th Air Division", "82nd Airborne Division", "3 Air Division": the
 * number of a military unit is part of its name.
 */
static void
unit_numbers(Ctx *c)
{
	static const char *const units[] = {
		"division", "brigade", "regiment", "battalion", "squadron", "wing", "fleet",
		"corps", "army", "command", "force", "flotilla", "infantry", "airborne"
	};
	static const char *const numbered[] = {"division", "wing", "squadron", "fleet", "flotilla"};
	size_t		nm = c->ments.len;

	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		const AtNerToken *t;
		size_t		d = 0;

		if (m->dead || m->kind != AT_NER_ORG || m->t0 == c->sents[m->sent].start ||
			!(FL(c, m->t0 - 1) & AT_TOK_DIGIT) || c->owner[m->t0 - 1] >= 0 ||
			!word_in(c, m->t1 - 1, units, AT_LENGTHOF(units)))
			continue;
		/* digits, then nothing or an ordinal ending: "65", "65th", "102d" */
		t = TK(c, m->t0 - 1);
		while (d < t->len && c->text[t->start + d] >= '0' && c->text[t->start + d] <= '9')
			d++;
		if (d == 0 || d > 3 || !ordinal_tail(c->text + t->start + d, t->len - d))
			continue;
		/* a bare number counts men ("killed 5 Marine Corps troops") but a division's name */
		if (d == t->len &&
			(m->t1 - m->t0 < 2 || !word_in(c, m->t1 - 1, numbered, AT_LENGTHOF(numbered))))
			continue;
		m->t0--;
		c->owner[m->t0] = (int) k;
	}
}

/*
 * A place the tagger took whole, "Boston Bruins", "St. Louis Cardinals":
 * a known place and then a capitalised plural that ends no place's name
 * (not "Colorado Springs", "Golan Heights", "Virgin Islands"), no
 * event's ("Paris Masters") and no forces' ("U.S. Marines") is a team.
 */
static bool
place_then_plural(const Ctx *c, const Mention *m)
{
	static const char *const place_plurals[] = {
		"springs", "falls", "heights", "hills", "isles", "lakes", "keys", "rapids",
		"plains", "woods", "gardens", "downs", "flats", "sands", "rocks", "narrows",
		"highlands", "lowlands", "territories", "emirates", "states", "provinces",
		"wells", "meadows", "marshes", "fields", "glades", "shoals", "banks", "ports",
		"docks", "mills", "forks", "pines", "oaks", "cliffs", "ridges", "lands", "antilles",
		"grenadines", "maldives", "seychelles", "comoros", "bahamas", "marines", "troops",
		/* events named by a place: "Paris Masters", "London Bombings" */
		"masters", "games", "olympics", "championships", "bombings", "attacks", "talks",
		"riots", "elections", "accords", "protests", "finals", "awards"
	};
	size_t		last = m->t1 - 1;
	const AtNerToken *t = TK(c, last);
	const char *w = c->norm + t->norm;

	if (!(FL(c, last) & AT_TOK_UPPER1) || (FL(c, last) & (AT_TOK_ALLCAPS | AT_TOK_DIGIT)) ||
		t->normlen < 4 || w[t->normlen - 1] != 's' ||
		strchr("suiy'", w[t->normlen - 2]) != NULL || (GZ(c, last) & (HEADS | AT_GZ_LOC)) ||
		word_in(c, last, place_plurals, AT_LENGTHOF(place_plurals)))
		return false;
	/* the words before it: one known place, whole */
	return known_place(c, m->t0, last);
}

/*
 * National and city teams.  In a match report a country that plays is its
 * team, an organisation, as ACE and OntoNotes type it ("Sweden defeated
 * South Korea 1 – 0", "Belgium 3 – 0 Panama", "Tunisia's goalkeeper"); a
 * place that is a team once in the text is the team wherever it is not
 * the scene ("at", "in", "from Brazil"), whatever the tagger made of it
 * there.  The evidence must be in one sentence: a result next to the name,
 * a match verb between two teams or before a result, or a player's role
 * after it.
 */
static void
sports_teams(Ctx *c)
{
	static const char *const verbs[] = {
		"beat", "beats", "defeated", "defeats", "faced", "faces", "drew", "draws",
		"lost", "loses", "edged", "edges", "thrashed", "routed", "stunned",
		"eliminated", "overcame", "trounced", "hammered", "v", "vs", "vs.", "versus"
	};
	static const char *const roles[] = {
		"goalkeeper", "keeper", "coach", "captain", "striker", "defender",
		"midfielder", "squad", "skipper", "goalscorer"
	};
	static const char *const scene[] = {"in", "at", "from", "near", "across"};
	static const char *const club_tails[] = {"united", "rangers", "athletic", "athletics"};
	AtPhraseTable teams;
	size_t		nm = c->ments.len;

	at_phrase_init(&teams, false);
	teams.keep_replaced = true;
	rebuild_owners(c);
	for (size_t si = 0; si < c->nsent; si++, interrupt_point(si))
	{
		size_t		s0 = c->sents[si].start,
					s1 = s0 + c->sents[si].len;

		for (size_t t = s0; t < s1; t++)
		{
			Mention    *m = place_at(c, t),
					   *other = NULL;
			size_t		e,
						n;
			bool		team = false;

			if (m == NULL)
				continue;
			e = m->t1;
			if ((n = score_at(c, e, s1)) > 0)
			{
				/* "Belgium 3 – 0 Panama" */
				team = true;
				other = e + n < s1 ? place_at(c, e + n) : NULL;
			}
			else if (e < s1 && word_in(c, e, verbs, AT_LENGTHOF(verbs)))
			{
				/*
				 * "Sweden defeated (debutants) South Korea", "lost 1 – 2 to
				 * England", "Southampton v Portsmouth"
				 */
				size_t		k = e + 1;

				if ((n = score_at(c, k, s1)) > 0)
					team = true, k += n;
				for (; k < s1 && k <= e + 3 && other == NULL; k++)
				{
					if ((other = place_at(c, k)) != NULL)
						break;
					if (FL(c, k) & (AT_TOK_UPPER1 | AT_TOK_PUNCT))
						break;
				}
				team |= other != NULL;
			}
			else if (e + 1 < s1 &&
					 (word_in(c, e, roles, AT_LENGTHOF(roles)) ||
					  (norm_is(c, e, "'s") && word_in(c, e + 1, roles, AT_LENGTHOF(roles)))))
				team = true;	/* "Tunisia's goalkeeper", "Panama coach" */
			if (!team)
				continue;
			at_phrase_add_tokens(&teams, c->mem, c->text, c->norm, c->toks + m->t0,
								 m->t1 - m->t0, AT_NER_ORG, NULL, 0);
			if (other)
				at_phrase_add_tokens(&teams, c->mem, c->text, c->norm, c->toks + other->t0,
									 other->t1 - other->t0, AT_NER_ORG, NULL, 0);
			t = e - 1;
		}
	}
	/*
	 * A club's name closed by a word no place or person ends with
	 * ("Leeds United", "Glasgow Rangers", "Oakland Athletics"), or a known
	 * place and a plural ("Boston Bruins", "St. Louis Cardinals"); "FC",
	 * "Rovers" and the like are organisation heads already
	 */
	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);

		if (!m->dead && m->kind != AT_NER_ORG && m->t1 - m->t0 >= 2 &&
			(FL(c, m->t0) & AT_TOK_UPPER1) &&
			(word_in(c, m->t1 - 1, club_tails, AT_LENGTHOF(club_tails)) ||
			 (m->kind == AT_NER_LOC && place_then_plural(c, m))))
			m->kind = AT_NER_ORG;
	}
	if (teams.count == 0)
		return;
	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);

		/* the tagger may make a person of a team "as England won a corner" */
		if (m->dead || m->kind == AT_NER_ORG ||
			(m->t0 > 0 && word_in(c, m->t0 - 1, scene, AT_LENGTHOF(scene))))
			continue;
		if (mention_in(c, &teams, m))
			m->kind = AT_NER_ORG;
	}
}

/*
 * Craft are named, but are no person, organisation or place: "Space
 * Shuttle Atlantis", "the vessel HMC Searcher", "the ferry Sewol".  A name
 * right after a word for a craft is one, and so is the same name anywhere
 * else in the text ("Atlantis will go on display").
 */
static void
craft_names(Ctx *c)
{
	static const char *const craft[] = {
		"shuttle", "orbiter", "spacecraft", "vessel", "ship", "warship", "frigate",
		"destroyer", "submarine", "tanker", "ferry", "yacht", "freighter", "cruiser"
	};
	AtPhraseTable names;
	size_t		nm = c->ments.len;

	at_phrase_init(&names, false);
	names.keep_replaced = true;
	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);
		size_t		after = 0;

		if (m->dead)
			continue;
		if (m->t0 > c->sents[m->sent].start && word_in(c, m->t0 - 1, craft, AT_LENGTHOF(craft)))
			after = m->t0;		/* "the vessel HMC Searcher" */
		else
			for (size_t t = m->t0 + 1; t + 1 < m->t1; t++)
				if (word_in(c, t, craft, AT_LENGTHOF(craft)))
					after = t + 1;	/* "Space Shuttle Atlantis", not "Rover's Longbridge" */
		if (after == 0)
			continue;
		/*
		 * "Hanjin Ship Management": a head makes it a body; a known place
		 * or body is no craft's name ("MG Rover China tie-up")
		 */
		for (size_t t = after; after && t < m->t1; t++)
			if (GZ(c, t) & (HEADS | AT_GZ_NONHEAD | PLACEWORD | AT_GZ_PLACE_B | AT_GZ_PLACE_I |
							AT_GZ_ORG_B | AT_GZ_ORG_I | AT_GZ_ORGNAME))
				after = 0;
		if (after == 0)
			continue;
		at_phrase_add_tokens(&names, c->mem, c->text, c->norm, c->toks + after,
							 m->t1 - after, AT_NER_NONE, NULL, 0);
		m->dead = true;
	}
	if (names.count == 0)
		return;
	for (size_t k = 0; k < nm; k++, interrupt_point(k))
	{
		Mention    *m = AT_VEC_AT(&c->ments, Mention, k);

		if (!m->dead && mention_in(c, &names, m))
			m->dead = true;
	}
}

/*
 * Canonical names: a one-word mention that is the surname or given name of
 * a person named in full ("Chen" -> "Chen Hongbo"), or the first word of an
 * organisation ("Tsinghua" -> "Tsinghua University"), takes that name and
 * its kind: the nearest earlier one, else the last one in the text.  Place
 * names, heads and titles are never short forms ("China" stays "China"
 * after "China Daily"; a lone "Academy" is no name at all).
 */
static void
canonicals(Ctx *c, Mention *ms, size_t nm)
{
	AtPhraseTable forms;

	at_phrase_init(&forms, false);
	forms.keep_replaced = true;
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < nm; k++, interrupt_point(k))
		{
			Mention    *a = &ms[k];
			const AtPhraseEntry *e;

			if (a->t1 - a->t0 > 1)
			{
				if (pass == 0 && (a->kind == AT_NER_PERSON || a->kind == AT_NER_ORG))
					add_short_forms(c, &forms, a, true);
				continue;
			}
			if (a->canon)
				continue;
			e = at_phrase_match(&forms, c->text, c->norm, c->toks, a->t0, a->t1);
			/* "Anxi county" stays a place after "Anxi County Bureau of ..." */
			if (e == NULL ||
				(e->kind != AT_NER_PERSON && (GZ(c, a->t0) & (AT_GZ_LOC | AT_GZ_LOCPART))) ||
				(e->kind != AT_NER_PERSON && a->kind == AT_NER_LOC && place_noun(c, a->t1) == 1))
				continue;
			a->canon = e->canonical;
			a->kind = e->kind;
		}
}

/*
 * What of a page is chrome (chrome.h, the classifier parse_article uses):
 * share widgets, navigation, login forms, app prompts and footers are
 * never tokenised, so nothing in them is reported ("WeChat", "User name
 * required", "Copyright 2024 China Daily").  Photo captions stay, credit
 * included: their words name the story's people and places, and a credit
 * names a real photographer or agency ("Image: NASA/Bill Ingalls"), which
 * annotated news (GUM) marks as entities.  Lines that are chrome only by
 * position (at_chrome_context: short lines next to chrome, a trailing link
 * block) stay too: in news text that takes award lists, team line-ups and
 * source lists, full of true names.  Appends AtSpan to out, in text order;
 * a pattern error leaves the lines classified so far.
 */
static void
chrome_spans(const char *text, size_t len, AtVec *out)
{
	AtVec		lines;

	/* each line alone: at_chrome_context's positional calls are not used */
	at_vec_init(&lines, out->mem, sizeof(AtPageLine));
	(void) at_page_lines(text, len, &lines);
	for (size_t i = 0; i < lines.len; i++)
	{
		AtPageLine *ln = AT_VEC_AT(&lines, AtPageLine, i);
		AtSpan	   *sp;

		if (ln->chrome == AT_CHROME_NONE || ln->chrome == AT_CHROME_CAPTION)
			continue;
		sp = at_vec_push(out);
		sp->start = ln->start;
		sp->len = ln->end - ln->start;
	}
	if (lines.data)
		at_free(out->mem, lines.data);
}

/*
 * Tokens of the sentence text[start..end) outside chrome lines (AtSpan, in
 * order; *next is the first that may still matter, so a whole text walks
 * them once).  Offsets stay those of the input.
 */
static void
tokenize_outside(const char *text, size_t start, size_t end, const AtVec *chrome,
				 size_t *next, AtVec *toks, AtBuf *norm)
{
	size_t		p = start;

	while (p < end)
	{
		const AtSpan *sp;
		size_t		stop = end;

		while (*next < chrome->len &&
			   AT_VEC_AT(chrome, AtSpan, *next)->start + AT_VEC_AT(chrome, AtSpan, *next)->len <= p)
			(*next)++;
		sp = *next < chrome->len ? AT_VEC_AT(chrome, AtSpan, *next) : NULL;
		if (sp != NULL && sp->start <= p)
		{
			p = sp->start + sp->len;	/* inside a chrome line: skip to its end */
			continue;
		}
		if (sp != NULL && sp->start < end)
			stop = sp->start;
		at_ner_tokenize(text, p, stop, toks, norm);
		p = stop;
	}
}

static void extract(const AtNerModel *m, const AtPhraseTable *user, const char *text,
					size_t len, bool utf8, const AtMem *mem, AtVec *out);

void
at_extract_entities(const AtNerModel *m, const AtPhraseTable *user,
					const char *text, size_t len, const AtMem *mem, AtVec *out)
{
	extract(m, user, text, len, at_utf8_valid(text, len), mem, out);
}

void
at_extract_entities_utf8(const AtNerModel *m, const AtPhraseTable *user,
						 const char *text, size_t len, const AtMem *mem, AtVec *out)
{
	extract(m, user, text, len, true, mem, out);
}

static void
extract(const AtNerModel *m, const AtPhraseTable *user, const char *text,
		size_t len, bool utf8, const AtMem *mem, AtVec *out)
{
	Ctx			c;
	AtVec		spans,
				chrome,
				toks;
	size_t		next_chrome = 0;
	AtBuf		norm;
	uint8_t    *tags;
	float	   *conf;
	bool	   *headline;
	Mention    *ms;
	size_t		nm,
				live = 0;
	int		   *newidx;

	memset(&c, 0, sizeof(c));
	c.m = m;
	c.user = user;
	c.text = text;
	c.mem = mem;
	at_vec_init(&spans, mem, sizeof(AtSpan));
	at_vec_init(&toks, mem, sizeof(AtNerToken));
	/* about one token per five bytes of news text: few reallocations */
	toks.cap = len / 5 + 16;
	toks.data = at_alloc(mem, toks.cap * sizeof(AtNerToken));
	at_vec_init(&c.ments, mem, sizeof(Mention));
	at_vec_init(&c.nonacro, mem, sizeof(size_t));
	at_buf_init(&norm, mem, len / 2 + 16);
	at_split_sentences(text, len, &spans);
	if (spans.len == 0)
		return;
	at_vec_init(&chrome, mem, sizeof(AtSpan));
	/* the classifier's patterns need valid UTF-8 (the server's text is) */
	if (utf8)
		chrome_spans(text, len, &chrome);
	c.nsent = spans.len;
	c.sents = at_alloc(mem, sizeof(AtSpan) * spans.len);
	for (size_t si = 0; si < spans.len; si++, at_interrupt_hook ? at_interrupt_hook() : (void) 0)
	{
		AtSpan	   *sp = AT_VEC_AT(&spans, AtSpan, si);

		c.sents[si].start = toks.len;
		tokenize_outside(text, sp->start, sp->start + sp->len, &chrome, &next_chrome,
						 &toks, &norm);
		c.sents[si].len = toks.len - c.sents[si].start;
	}
	c.toks = toks.data;
	c.ntok = toks.len;
	c.norm = norm.data;
	if (c.ntok == 0)
		return;
	c.sent_flags = at_alloc(mem, sizeof(uint16_t) * c.nsent);
	c.sent_gz = at_alloc(mem, sizeof(uint32_t) * c.nsent);
	c.sent_words = at_alloc(mem, sizeof(uint64_t) * c.nsent);
	c.whash = at_alloc(mem, sizeof(uint64_t) * c.ntok);
	/*
	 * Word classes of every sentence first, then one walk over the tokens:
	 * whether the text names China (the rules of every sentence ask) and
	 * what each sentence has
	 */
	for (size_t si = 0; si < c.nsent; si++, at_interrupt_hook ? at_interrupt_hook() : (void) 0)
	{
		AtNerSent	s = {text, c.norm, c.toks + c.sents[si].start, c.sents[si].len};
		uint16_t	fl = 0;
		uint32_t	gz = 0;
		uint64_t	words = 0;

		if (s.n > 0)
			at_ner_annotate_hashed(&m->gz, &s, c.whash + c.sents[si].start);
		for (size_t t = c.sents[si].start; t < c.sents[si].start + c.sents[si].len; t++)
		{
			fl |= c.toks[t].flags;
			gz |= c.toks[t].gz;
			words |= word_bit(c.norm + c.toks[t].norm, c.toks[t].normlen);
			/* most tokens fail on length and first byte: no compare */
			if ((c.toks[t].normlen | 2) == 7 && c.norm[c.toks[t].norm] == 'c' && !c.china)
				c.china = norm_is(&c, t, "china") || norm_is(&c, t, "chinese");
		}
		c.sent_flags[si] = fl;
		c.sent_gz[si] = gz;
		c.sent_words[si] = words;
	}
	tags = at_alloc(mem, c.ntok);
	conf = at_alloc(mem, sizeof(float) * c.ntok);
	headline = at_alloc0(mem, c.nsent);
	c.owner = at_alloc(mem, sizeof(int) * c.ntok);
	c.tags = tags;
	memset(c.owner, 0xff, sizeof(int) * c.ntok);	/* -1: no owner */

	/* the increment checks for interrupts once per sentence */
	for (size_t si = 0; si < c.nsent; si++, at_interrupt_hook ? at_interrupt_hook() : (void) 0)
	{
		size_t		s0 = c.sents[si].start,
					s1 = s0 + c.sents[si].len;
		size_t		from = c.ments.len;

		if (s1 == s0)
			continue;
		headline[si] = headline_case(&c, s0, s1);
		tag_sentence(&c, s0, s1, (int) si, tags + s0, conf + s0, !headline[si]);
		if (headline[si])
			STAGE(0, headline_filter(&c, from));
		STAGE(1, chinese_names(&c, s0, s1, (int) si));
		STAGE(2, pinyin_names(&c, s0, s1, (int) si));
		STAGE(3, head_runs(&c, s0, s1, (int) si));
		STAGE(4, hyphen_heads(&c, s0, s1, (int) si));
		STAGE(5, fill_places(&c, s0, s1, (int) si, headline[si]));
		STAGE(6, given_names(&c, s0, s1, (int) si));
		STAGE(7, parties(&c, s0, s1, (int) si));
		if (!headline[si])
		{
			STAGE(8, in_places(&c, s0, s1, (int) si));
			STAGE(9, china_places(&c, s0, s1, (int) si));
			STAGE(27, hyphen_places(&c, s0, s1, (int) si));
			STAGE(10, unknown_acronyms(&c, s0, s1, (int) si));
		}
		STAGE(11, acronyms(&c, s0, s1, (int) si));
		STAGE(12, dateline(&c, s0, s1, (int) si));
		STAGE(13, possessives(&c, s0, s1, (int) si));
		STAGE(14, firm_appositives(&c, s0, s1, (int) si));
	}
	STAGE(15, clean(&c, 0));
	rebuild_owners(&c);
	STAGE(28, title_tails(&c));
	STAGE(16, known_names(&c, headline));
	STAGE(17, sports_teams(&c));
	STAGE(18, craft_names(&c));
	STAGE(23, person_pairs(&c));
	STAGE(30, body_pairs(&c));
	STAGE(31, slash_credits(&c));
	STAGE(24, place_pairs(&c));
	STAGE(26, unit_numbers(&c));
	STAGE(29, province_lists(&c));
	for (size_t si = 0; si < c.nsent; si++, interrupt_point(si))
	{
		size_t		s0 = c.sents[si].start,
					s1 = s0 + c.sents[si].len;

		STAGE(19, institutions(&c, s0, s1, (int) si));
		STAGE(25, halls_of_fame(&c, s0, s1, (int) si));
		user_terms(&c, user, s0, s1, (int) si);
	}
	STAGE(20, clean(&c, 0));

	/* compact and sort, keeping abbreviation targets */
	nm = c.ments.len;
	ms = c.ments.data;
	newidx = at_alloc(mem, sizeof(int) * (nm + 1));
	for (size_t k = 0; k < nm; k++)
		newidx[k] = ms[k].dead ? -1 : (int) live++;
	for (size_t k = 0; k < nm; k++)
		if (!ms[k].dead)
		{
			Mention		mk = ms[k];

			mk.target = mk.target >= 0 ? newidx[mk.target] : -1;
			ms[newidx[k]] = mk;
		}
	nm = live;
	/* targets are indexes before sorting: resolve to canonical text first */
	for (size_t k = 0; k < nm; k++)
		if (ms[k].target >= 0 && !ms[k].canon)
			ms[k].canon = surface(&c, ms[ms[k].target].t0, ms[ms[k].target].t1);
	if (nm > 1)					/* qsort(NULL, 0) is undefined */
		qsort(ms, nm, sizeof(Mention), cmp_mention);
	{
		/* overlapping survivors: keep the first (longest at a start) */
		size_t		w = 0;
		size_t		lastend = 0;

		for (size_t k = 0; k < nm; k++)
		{
			if (w > 0 && ms[k].t0 < lastend)
				continue;
			ms[w++] = ms[k];
			lastend = ms[k].t1;
		}
		nm = w;
	}
	STAGE(21, canonicals(&c, ms, nm));

	for (size_t k = 0; k < nm; k++)
	{
		AtEntity   *e = at_vec_push(out);
		Mention    *mk = &ms[k];

		e->kind = (AtNerKind) mk->kind;
		e->start = TK(&c, mk->t0)->start;
		e->len = TK(&c, mk->t1 - 1)->start + TK(&c, mk->t1 - 1)->len - e->start;
		e->sentence = mk->sent;
		e->score = mk->score < 0 ? 0 : mk->score > 1 ? 1 : mk->score;
		e->canonical = mk->canon ? mk->canon : surface(&c, mk->t0, mk->t1);
	}
}
