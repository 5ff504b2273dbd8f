/*
 * Unit tests of the entity engine: tokens, phrase tables, extraction with
 * the shipped model (src/data, read from the project root as `make unit`
 * runs), canonical names and bad input.
 */
#include "unit.h"
#include "../../src/engine/ner.h"

#include <stdlib.h>

static AtNerModel model;
static bool model_ok;

/*
 * The engine leaves freeing to its allocator (palloc contexts in the
 * server); the tests track allocations and free them all at once.
 */
static void **tracked;
static size_t ntracked,
			captracked;

static void
track(void *p)
{
	if (ntracked == captracked)
	{
		captracked = captracked ? captracked * 2 : 256;
		tracked = realloc(tracked, captracked * sizeof(void *));
	}
	tracked[ntracked++] = p;
}

static void *
tr_alloc(void *ctx, size_t size)
{
	void	   *p = malloc(size ? size : 1);

	track(p);
	return p;
}

static void *
tr_realloc(void *ctx, void *ptr, size_t size)
{
	void	   *p = realloc(ptr, size ? size : 1);

	for (size_t i = 0; i < ntracked; i++)
		if (tracked[i] == ptr)
			tracked[i] = p;
	return p;
}

static void
tr_free(void *ctx, void *ptr)
{
	for (size_t i = 0; i < ntracked; i++)
		if (tracked[i] == ptr)
			tracked[i] = NULL;
	free(ptr);
}

static const AtMem tr_mem = {tr_alloc, tr_realloc, tr_free, NULL};

static void
free_tracked(void)
{
	for (size_t i = 0; i < ntracked; i++)
		free(tracked[i]);
	ntracked = 0;
}

static const AtNerModel *
get_model(void)
{
	if (!model_ok)
		model_ok = at_ner_model_load(&model, &at_malloc_mem, "src/data") == AT_OK;
	return model_ok ? &model : NULL;
}

/* Tokens of s joined by '|' */
static char *
tokens(const char *s)
{
	AtVec		toks;
	AtBuf		norm,
				out;

	at_vec_init(&toks, &at_malloc_mem, sizeof(AtNerToken));
	at_buf_init(&norm, &at_malloc_mem, 64);
	at_buf_init(&out, &at_malloc_mem, 64);
	at_ner_tokenize(s, 0, strlen(s), &toks, &norm);
	for (size_t i = 0; i < toks.len; i++)
	{
		AtNerToken *t = AT_VEC_AT(&toks, AtNerToken, i);

		if (i > 0)
			at_buf_appendc(&out, '|');
		at_buf_append(&out, s + t->start, t->len);
	}
	free(toks.data);
	free(norm.data);
	return out.data;
}

UT_TEST(ner_tokens_ptb_style)
{
	char	   *t;

	t = tokens("Iraq's leaders don't agree, U.S. officials said.");
	UT_EQ_STR(t, "Iraq|'s|leaders|do|n't|agree|,|U.S.|officials|said|.");
	free(t);
	t = tokens("Tus-Holdings Co. Ltd (启迪) “China’s” growth—fast");
	UT_EQ_STR(t, "Tus-Holdings|Co.|Ltd|(|启迪|)|“|China|’s|”|growth|—|fast");
	free(t);
	t = tokens("Mr. Chen met Dr. Li in Jan. He left.");
	UT_EQ_STR(t, "Mr.|Chen|met|Dr.|Li|in|Jan.|He|left|.");
	free(t);
	t = tokens("companies' shares -- and $5");
	UT_EQ_STR(t, "companies|'|shares|--|and|$|5");
	free(t);
}

UT_TEST(ner_phrase_table)
{
	AtPhraseTable t;
	const char *text = "He visited Hong Kong and hong kong yesterday";
	AtVec		toks;
	AtBuf		norm;
	const AtPhraseEntry *e;

	at_phrase_init(&t, false);
	UT_CHECK(at_phrase_add(&t, &tr_mem, "Hong Kong", 9, AT_NER_LOC, "Hong Kong SAR", 13));
	UT_CHECK(!at_phrase_add(&t, &tr_mem, "  ", 2, AT_NER_LOC, NULL, 0));
	at_vec_init(&toks, &at_malloc_mem, sizeof(AtNerToken));
	at_buf_init(&norm, &at_malloc_mem, 64);
	at_ner_tokenize(text, 0, strlen(text), &toks, &norm);
	e = at_phrase_match(&t, text, norm.data, toks.data, 2, toks.len);
	UT_CHECK(e != NULL);
	if (e)
	{
		UT_EQ_INT(e->ntok, 2);
		UT_EQ_STR(e->canonical, "Hong Kong SAR");
	}
	/* case-sensitive table: "hong kong" is no match */
	UT_CHECK(at_phrase_match(&t, text, norm.data, toks.data, 5, toks.len) == NULL);
	free(toks.data);
	free(norm.data);
	free_tracked();
}

typedef struct Got
{
	AtVec		v;
	const char *text;
} Got;

static Got
extract(const char *text, const AtPhraseTable *user)
{
	Got			g;

	g.text = text;
	at_vec_init(&g.v, &tr_mem, sizeof(AtEntity));
	at_extract_entities(get_model(), user, text, strlen(text), &tr_mem, &g.v);
	return g;
}

#define ENT(g, i) AT_VEC_AT(&(g).v, AtEntity, i)

/* Index of the entity with this surface, or -1 */
static long
find(const Got *g, const char *surface)
{
	for (size_t i = 0; i < g->v.len; i++)
	{
		const AtEntity *e = AT_VEC_AT(&g->v, AtEntity, i);

		if (strlen(surface) == e->len && memcmp(g->text + e->start, surface, e->len) == 0)
			return (long) i;
	}
	return -1;
}

/* The entity with this surface (its first) is found and has this kind */
#define EXPECT_KIND(g, surface, k) \
	do { \
		long		i_ = find(&(g), (surface)); \
		UT_CHECK(i_ >= 0 && ENT((g), i_)->kind == (k)); \
	} while (0)

/* Index of the entity with this surface at or after byte from, or -1 */
static long
find_from(const Got *g, const char *surface, size_t from)
{
	for (size_t i = 0; i < g->v.len; i++)
	{
		const AtEntity *e = AT_VEC_AT(&g->v, AtEntity, i);

		if (e->start >= from && strlen(surface) == e->len &&
			memcmp(g->text + e->start, surface, e->len) == 0)
			return (long) i;
	}
	return -1;
}

static int
kind_from(const Got *g, const char *surface, const char *after)
{
	const char *at = strstr(g->text, after);
	long		k = at ? find_from(g, surface, (size_t) (at - g->text)) : -1;

	return k >= 0 ? (int) AT_VEC_AT(&g->v, AtEntity, k)->kind : -1;
}

UT_TEST(ner_model_loads)
{
	UT_CHECK(get_model() != NULL);
	if (get_model())
	{
		UT_CHECK(model.nbuckets >= 1024);
		UT_CHECK(at_gz_classes(&model.gz, "province", 8) & AT_GZ_LOCHEAD);
		UT_CHECK(at_gz_classes(&model.gz, "chen", 4) & AT_GZ_SURNAME);
	}
}

UT_TEST(ner_news_names)
{
	Got			g;
	long		k;

	if (!get_model())
		return;
	g = extract("Chen Hongbo, chairman of Tus-Holdings Co. Ltd, said the Bank of China "
				"and the Chinese Academy of Engineering would join. Chen said the "
				"project starts in May.", NULL);
	EXPECT_KIND(g, "Chen Hongbo", AT_NER_PERSON);
	EXPECT_KIND(g, "Tus-Holdings Co. Ltd", AT_NER_ORG);
	EXPECT_KIND(g, "Bank of China", AT_NER_ORG);
	EXPECT_KIND(g, "Chinese Academy of Engineering", AT_NER_ORG);
	k = find(&g, "Chen");
	UT_CHECK(k >= 0);
	if (k >= 0)
		UT_EQ_STR(ENT(g, k)->canonical, "Chen Hongbo");
	UT_EQ_INT(find(&g, "May"), -1);
	UT_EQ_INT(find(&g, "chairman"), -1);
	for (size_t i = 0; i < g.v.len; i++)
		UT_CHECK(ENT(g, i)->score >= 0 && ENT(g, i)->score <= 1);
	free_tracked();
}

/* A hyphenated word ending in an organisation head is an organisation alone */
UT_TEST(ner_hyphenated_head)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("Among the powerhouses is Tus-Holdings, a spinoff of the university. "
				"Tus-Holdings has opened 300 centers. The Beijing-based group and "
				"Sino-US trade were mentioned.", NULL);
	EXPECT_KIND(g, "Tus-Holdings", AT_NER_ORG);
	UT_EQ_INT(find(&g, "Beijing-based"), -1);
	UT_EQ_INT(find(&g, "Sino-US"), -1);
	UT_EQ_INT(find(&g, "group"), -1);
	free_tracked();
}

/* "International" ends a name only when no name word follows it */
UT_TEST(ner_adjective_head)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("China International Capital Corp advised the Commission for "
				"International Trade. Amnesty International said so.", NULL);
	EXPECT_KIND(g, "China International Capital Corp", AT_NER_ORG);
	EXPECT_KIND(g, "Commission for International Trade", AT_NER_ORG);
	EXPECT_KIND(g, "Amnesty International", AT_NER_ORG);
	free_tracked();
}

/* A surname and a given name before a place head are a place, not a person */
UT_TEST(ner_surname_before_place_head)
{
	Got			g;
	long		k;

	if (!get_model())
		return;
	g = extract("Officials in Dong Anh district said the bridge was closed. "
				"Wang Yi said so.", NULL);
	k = find(&g, "Dong Anh");
	UT_CHECK(k < 0 || ENT(g, k)->kind != AT_NER_PERSON);
	EXPECT_KIND(g, "Wang Yi", AT_NER_PERSON);
	free_tracked();
}

/* The place of a dateline is a location, however the tagger saw capitals */
UT_TEST(ner_dateline)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("KUNMING, May 12 (Xinhua) -- The railway opened.\n\n"
				"HANGZHOU -- Ships came.\n\nIBM, May 3 results were out.\n\n"
				"IBM -- The company rose.\n\nROME (AP) -- Rain fell.", NULL);
	EXPECT_KIND(g, "KUNMING", AT_NER_LOC);
	EXPECT_KIND(g, "HANGZHOU", AT_NER_LOC);
	for (size_t i = 0; i < g.v.len; i++)
		if (ENT(g, i)->len == 3 && memcmp(g.text + ENT(g, i)->start, "IBM", 3) == 0)
			UT_CHECK(ENT(g, i)->kind != AT_NER_LOC);
	EXPECT_KIND(g, "ROME", AT_NER_LOC);
	free_tracked();
}

/* A known non-name phrase inside a capitalised run keeps the run one name */
UT_TEST(ner_phrase_inside_name)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("The city has set up the Nanshan Belt and Road Trade Promotion Council, "
				"and hopes to grow.", NULL);
	EXPECT_KIND(g, "Nanshan Belt and Road Trade Promotion Council", AT_NER_ORG);
	free_tracked();
}

/* Arabic particles stay in names; lone given names are people; numerals
 * and disease acronyms are no entities */
UT_TEST(ner_particles_given_names_nonentities)
{
	Got			g;
	long		k;

	if (!get_model())
		return;
	g = extract("Officials said al-Qaida claimed the attack. Marilyn said the plan "
				"worked. The XVII was cited. The SARS and HIV cases rose.", NULL);
	k = find(&g, "al-Qaida");
	UT_CHECK(k >= 0);
	UT_EQ_INT(find(&g, "Qaida"), -1);
	EXPECT_KIND(g, "Marilyn", AT_NER_PERSON);
	UT_EQ_INT(find(&g, "XVII"), -1);
	UT_EQ_INT(find(&g, "SARS"), -1);
	UT_EQ_INT(find(&g, "HIV"), -1);
	free_tracked();
}

/* Given names, titles, "of", "in X", acronyms written as listed */
UT_TEST(ner_people_and_places_rules)
{
	Got			g;
	long		k;

	if (!get_model())
		return;
	g = extract("NASA Administrator Charles Bolden said the shuttle would fly. "
				"Lawmaker Alvin Yeung of the Civic Party and Sergey Brin attended. "
				"The company plans a plant in Erfurt by 2022. Officials said the KPA "
				"fired one shell. Who said the WHO would help? The Home Office "
				"rejected it. Users of Internet Explorer were warned. Mary Paris "
				"left the ship; Paris said she was afraid.", NULL);
	EXPECT_KIND(g, "Charles Bolden", AT_NER_PERSON);
	EXPECT_KIND(g, "NASA", AT_NER_ORG);
	EXPECT_KIND(g, "Alvin Yeung", AT_NER_PERSON);
	EXPECT_KIND(g, "Civic Party", AT_NER_ORG);
	EXPECT_KIND(g, "Sergey Brin", AT_NER_PERSON);
	EXPECT_KIND(g, "Erfurt", AT_NER_LOC);
	EXPECT_KIND(g, "KPA", AT_NER_ORG);
	EXPECT_KIND(g, "WHO", AT_NER_ORG);
	UT_EQ_INT(find(&g, "Who"), -1);
	EXPECT_KIND(g, "Home Office", AT_NER_ORG);
	UT_EQ_INT(find(&g, "Internet Explorer"), -1);
	k = find(&g, "Paris");
	UT_CHECK(k >= 0 && ENT(g, k)->kind == AT_NER_PERSON);
	if (k >= 0)
		UT_EQ_STR(ENT(g, k)->canonical, "Mary Paris");
	free_tracked();
}

/*
 * What a person's span held before a title is no person ("Information
 * Minister Jonathan Moyo"); a lone organisation head the tagger is sure of
 * is the body ("Army officials"), unless the text named the body in full
 * before ("The Academy" after "the Chinese Academy of Sciences").
 */
UT_TEST(ner_title_remainder_lone_heads)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("Information Minister Jonathan Moyo and Justice Minister Patrick "
				"Chinamasa were implicated.", NULL);
	UT_EQ_INT(find(&g, "Information"), -1);
	EXPECT_KIND(g, "Jonathan Moyo", AT_NER_PERSON);
	free_tracked();
	g = extract("The Council will vote on the plan next week.", NULL);
	EXPECT_KIND(g, "Council", AT_NER_ORG);
	free_tracked();
	/* the next sentence's first word is no word of its name */
	g = extract("Officials said the plan went to the Council\n\nMembers met later to "
				"discuss it.", NULL);
	EXPECT_KIND(g, "Council", AT_NER_ORG);
	free_tracked();
	g = extract("The Chinese Academy of Sciences said so. The Academy has not said "
				"whether it will join.", NULL);
	EXPECT_KIND(g, "Chinese Academy of Sciences", AT_NER_ORG);
	UT_EQ_INT(find(&g, "Academy"), -1);
	free_tracked();
}

/* A title that opens an organisation's name stays in it */
UT_TEST(ner_title_opens_org_name)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("Officials of the General Administration of Customs said imports rose. "
				"Leaders of the rebel Lord's Resistance Army met mediators. The leader "
				"of the Justice and Equality Movement, Khalil Ibrahim, said so.", NULL);
	EXPECT_KIND(g, "General Administration of Customs", AT_NER_ORG);
	EXPECT_KIND(g, "Lord's Resistance Army", AT_NER_ORG);
	EXPECT_KIND(g, "Justice and Equality Movement", AT_NER_ORG);
	EXPECT_KIND(g, "Khalil Ibrahim", AT_NER_PERSON);
	free_tracked();
}

/* A plural possessive inside a name: the tagger stops at it, the name goes on */
UT_TEST(ner_plural_possessive_in_name)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("Members of the outlawed Kurdistan Workers' Party were arrested. "
				"Hamas and the Al-Aqsa Martyrs' Brigade pledged to respect the truce.", NULL);
	EXPECT_KIND(g, "Kurdistan Workers' Party", AT_NER_ORG);
	UT_EQ_INT(find(&g, "Party"), -1);
	EXPECT_KIND(g, "Al-Aqsa Martyrs' Brigade", AT_NER_ORG);
	free_tracked();
}

/*
 * What follows a person's title is a person, whatever the tagger typed the
 * span, unless the text writes it in lower case too
 */
UT_TEST(ner_person_after_title)
{
	Got			g;
	long		k;

	if (!get_model())
		return;
	g = extract("Senior officials said General Hayden may be named to replace Porter Goss. "
				"The Maoists are protesting King Gyanendra 's decision to dismiss the "
				"government. Japan 's Emperor Akihito laid a wreath.", NULL);
	EXPECT_KIND(g, "Hayden", AT_NER_PERSON);
	EXPECT_KIND(g, "Gyanendra", AT_NER_PERSON);
	EXPECT_KIND(g, "Akihito", AT_NER_PERSON);
	EXPECT_KIND(g, "Japan", AT_NER_LOC);
	free_tracked();
	/* a word the text also writes in lower case is no surname */
	g = extract("The Conservatives would announce their proposals closer to the General "
				"Election. Voters said the election would be close.", NULL);
	k = find(&g, "Election");
	UT_CHECK(k < 0 || ENT(g, k)->kind != AT_NER_PERSON);
	free_tracked();
}

/* A given name before a place head is a place ("Karen state") */
UT_TEST(ner_given_name_before_place_head)
{
	Got			g;
	long		k;

	if (!get_model())
		return;
	g = extract("Burmese forces have displaced thousands of villagers in Karen state.", NULL);
	k = find(&g, "Karen");
	UT_CHECK(k < 0 || ENT(g, k)->kind != AT_NER_PERSON);
	free_tracked();
}

/*
 * Pieces of names the tagger split are no lone names ("Bank" of "Bank of
 * Korea", "Association Agreement", "Telecom" after "British" or opening a
 * sentence); "'s" may start a name of its own ("IMF's European
 * Department"); a title trimmed before "for" leaves no person ("Commissioner
 * for Transport"), and "and" another title joins no name ("the Queen and
 * Prince of Wales").
 */
UT_TEST(ner_split_pieces_and_titles)
{
	Got			g;
	long		k;

	if (!get_model())
		return;
	g = extract("It issued a statement that \"The Bank of Korea will not change the "
				"portfolio,\" officials said. Telecom analysts Ovum welcomed the move. "
				"British Telecom has said it will double the speed. The IMF's European "
				"Department said growth slowed. Jacques Barrot, vice president of the "
				"European Commission and also Commissioner for Transport, said the "
				"changes were necessary. Officials at the two bodies generating private "
				"income for the Queen and Prince of Wales are to be questioned by MPs. "
				"The country has signed an Association Agreement with the EU.", NULL);
	UT_EQ_INT(find(&g, "Bank"), -1);
	UT_EQ_INT(find(&g, "Association"), -1);
	UT_EQ_INT(find(&g, "Telecom"), -1);
	UT_EQ_INT(find(&g, "IMF's European Department"), -1);
	k = find(&g, "Transport");
	UT_CHECK(k < 0 || ENT(g, k)->kind != AT_NER_PERSON);
	UT_EQ_INT(find(&g, "Queen and Prince of Wales"), -1);
	free_tracked();
}

UT_TEST(ner_acronyms_and_months)
{
	Got			g;

	if (!get_model())
		return;
	g = extract("The Belt and Road Initiative (BRI) helped exports to Kazakhstan in March. "
				"The BRI turned ten on Monday.", NULL);
	UT_EQ_INT(find(&g, "BRI"), -1);
	UT_EQ_INT(find(&g, "Belt and Road"), -1);
	UT_EQ_INT(find(&g, "March"), -1);
	UT_EQ_INT(find(&g, "Monday"), -1);
	UT_CHECK(find(&g, "Kazakhstan") >= 0);
	free_tracked();
	/* a listed initiative that starts with a figure */
	g = extract("The 21st Century Maritime Silk Road links ports in Asia.", NULL);
	UT_EQ_INT(find(&g, "Century Maritime Silk Road"), -1);
	UT_EQ_INT(kind_from(&g, "Asia", "Asia"), AT_NER_LOC);
	free_tracked();
}

UT_TEST(ner_sports_teams)
{
	Got			g;

	if (!get_model())
		return;
	/* a country that plays is its team, wherever it is not the scene */
	g = extract("Uruguay beat Ecuador 2-1 on Sunday. Ecuador's coach said his side had "
				"played well in Montevideo. Later, Chile 0 – 0 Peru. Peru's goalkeeper "
				"was injured. The next match will be played in Peru.", NULL);
	UT_EQ_INT(kind_from(&g, "Uruguay", "Uruguay"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Ecuador", "Ecuador"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Ecuador", "Ecuador's"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Montevideo", "Montevideo"), AT_NER_LOC);
	UT_EQ_INT(kind_from(&g, "Chile", "Chile"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Peru", "Peru."), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Peru", "in Peru"), AT_NER_LOC);
	free_tracked();
	/* a fixture */
	g = extract("It was Brazil versus Argentina in Rio.", NULL);
	UT_EQ_INT(kind_from(&g, "Brazil", "Brazil"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Argentina", "Argentina"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Rio", "Rio"), AT_NER_LOC);
	free_tracked();
	/* no match: a verb of the list with no team after it */
	g = extract("Germany faced a recession as exports to France fell by 2-3 percent.", NULL);
	UT_EQ_INT(kind_from(&g, "Germany", "Germany"), AT_NER_LOC);
	UT_EQ_INT(kind_from(&g, "France", "France"), AT_NER_LOC);
	free_tracked();
}

UT_TEST(ner_head_and_name)
{
	Got			g;

	if (!get_model())
		return;
	/* a lone head before "and" is the start of one name */
	g = extract("The Securities and Exchange Commission fined the bank. Later the Oil "
				"and Natural Gas Corporation said output rose.", NULL);
	EXPECT_KIND(g, "Securities and Exchange Commission", AT_NER_ORG);
	EXPECT_KIND(g, "Oil and Natural Gas Corporation", AT_NER_ORG);
	UT_EQ_INT(find(&g, "Exchange Commission"), -1);
	free_tracked();
	/* two companies still split after a name */
	g = extract("Shares of Ping An Insurance and China Life Insurance rose.", NULL);
	EXPECT_KIND(g, "Ping An Insurance", AT_NER_ORG);
	EXPECT_KIND(g, "China Life Insurance", AT_NER_ORG);
	free_tracked();
}

UT_TEST(ner_place_abbreviations_and_captions)
{
	Got			g;

	if (!get_model())
		return;
	/* the tagger learnt "UK" as an organisation from GMB's labels */
	g = extract("The storm hit the UK hard, and the US sent help.", NULL);
	UT_EQ_INT(kind_from(&g, "UK", "UK"), AT_NER_LOC);
	UT_EQ_INT(kind_from(&g, "US", "US"), AT_NER_LOC);
	free_tracked();
	/* a photo credit has no lower-case word, like a headline */
	g = extract("The ship left port on Monday.\n\nImage: Brian Burnell.\n\nIt returned.", NULL);
	UT_EQ_INT(kind_from(&g, "Brian Burnell", "Brian"), AT_NER_PERSON);
	free_tracked();
	/* a given name starts a person there too, after an agency */
	g = extract("The rocket rose at dawn.\n\nImage: NASA Carla Ruiz.\n\nOfficials cheered.", NULL);
	UT_EQ_INT(kind_from(&g, "NASA", "NASA"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Carla Ruiz", "Carla"), AT_NER_PERSON);
	free_tracked();
}

UT_TEST(ner_people_of_bodies)
{
	Got			g;

	if (!get_model())
		return;
	/* a person after a body's possessive, or before "for" and the body */
	g = extract("In Kowloon West, New People Party's Regina Ip kept her seat. A spokeswoman, "
				"Mary Hughes for Food Standards Australia New Zealand, said they are "
				"looking at it. The People's Liberation Army sent help.", NULL);
	UT_EQ_INT(kind_from(&g, "New People Party", "New"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Regina Ip", "Regina"), AT_NER_PERSON);
	UT_EQ_INT(kind_from(&g, "Mary Hughes", "Mary"), AT_NER_PERSON);
	UT_EQ_INT(kind_from(&g, "Food Standards Australia New Zealand", "Food"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "People's Liberation Army", "The People"), AT_NER_ORG);
	free_tracked();
	/* after a place, two unknown words are no person */
	g = extract("Staff met at New York's Waldorf Astoria on Monday.", NULL);
	UT_CHECK(kind_from(&g, "Waldorf Astoria", "Waldorf") != AT_NER_PERSON);
	UT_EQ_INT(kind_from(&g, "New York", "New York"), AT_NER_LOC);
	free_tracked();
}

UT_TEST(ner_place_head_of)
{
	Got			g;

	if (!get_model())
		return;
	/* a place head that opens the name takes "of X" in it; a later one not */
	g = extract("The shuttle will go to the Museum of Flight in Seattle. Haidian District "
				"of Beijing hosts many firms. The Bank of China lent more.", NULL);
	UT_EQ_INT(kind_from(&g, "Museum of Flight", "Museum"), AT_NER_LOC);
	UT_EQ_INT(kind_from(&g, "Haidian District", "Haidian"), AT_NER_LOC);
	UT_EQ_INT(kind_from(&g, "Beijing", "Beijing"), AT_NER_LOC);
	UT_EQ_INT(kind_from(&g, "Bank of China", "Bank"), AT_NER_ORG);
	free_tracked();
}

UT_TEST(ner_known_organisations_win)
{
	Got			g;

	if (!get_model())
		return;
	/* the tagger makes people of two capitalised words before "said" */
	g = extract("Goldman Sachs said profits rose. \"Report found on street\" — Toronto Star, "
				"August 15, 2008", NULL);
	UT_EQ_INT(kind_from(&g, "Goldman Sachs", "Goldman"), AT_NER_ORG);
	UT_EQ_INT(kind_from(&g, "Toronto Star", "Toronto"), AT_NER_ORG);
	free_tracked();
}

UT_TEST(ner_doctrines_and_org)
{
	Got			g;

	if (!get_model())
		return;
	/* a doctrine is no place; "Org" heads an organisation */
	g = extract("Members of Scientology and of Mormonism were present. "
				"She joined the Harbor Org at 14.", NULL);
	UT_EQ_INT(find(&g, "Scientology"), -1);
	UT_EQ_INT(find(&g, "Mormonism"), -1);
	UT_EQ_INT(kind_from(&g, "Harbor Org", "Harbor"), AT_NER_ORG);
	free_tracked();
}

UT_TEST(ner_craft_names)
{
	Got			g;

	if (!get_model())
		return;
	/* a craft's name, after its kind or anywhere else in the text, is no entity */
	g = extract("The chemical tanker Nordic Star was hijacked on Monday, and Nordic Star's "
				"crew of 20 is safe. Space Shuttle Atlantis landed; Atlantis will go on "
				"display in Florida.", NULL);
	UT_EQ_INT(find(&g, "Nordic Star"), -1);
	UT_EQ_INT(find(&g, "Atlantis"), -1);
	UT_EQ_INT(find(&g, "Space Shuttle Atlantis"), -1);
	UT_EQ_INT(kind_from(&g, "Florida", "Florida"), AT_NER_LOC);
	free_tracked();
	/* a brand that is a craft word names no craft, nor does a known place */
	g = extract("MG Rover China tie-up 'delayed'\n\nThe future of Rover's Longbridge plant is "
				"unclear after the tie-up with China's top carmaker was delayed.", NULL);
	UT_EQ_INT(kind_from(&g, "China", "China's"), AT_NER_LOC);
	UT_CHECK(kind_from(&g, "Rover's Longbridge", "Rover's") == AT_NER_ORG);
	free_tracked();
	/* a craft word inside an organisation's name is the organisation's */
	g = extract("Hanjin Ship Management Co. said the tanker Nordic Star sank.", NULL);
	UT_EQ_INT(kind_from(&g, "Hanjin Ship Management Co.", "Hanjin"), AT_NER_ORG);
	UT_EQ_INT(find(&g, "Nordic Star"), -1);
	free_tracked();
}

UT_TEST(ner_particles_and_inner_words)
{
	Got			g;

	if (!get_model())
		return;
	/* "bin" before a surname is the name's; a verb inside one ends it */
	g = extract("The raid targeted bin Laden, officials said. "
				"Abdullah bin Abdulaziz met Ali al Sistani.", NULL);
	UT_EQ_INT(kind_from(&g, "bin Laden", "bin Laden"), AT_NER_PERSON);
	UT_EQ_INT(kind_from(&g, "Abdullah bin Abdulaziz", "Abdullah"), AT_NER_PERSON);
	UT_EQ_INT(kind_from(&g, "Ali al Sistani", "Ali"), AT_NER_PERSON);
	free_tracked();
}

UT_TEST(ner_user_terms_win)
{
	AtPhraseTable user;
	Got			g;
	long		k;

	if (!get_model())
		return;
	at_phrase_init(&user, false);
	at_phrase_add(&user, &tr_mem, "Tus", 3, AT_NER_ORG, "Tus-Holdings Co. Ltd", 20);
	g = extract("Officials at Tus met investors in Beijing.", &user);
	k = find(&g, "Tus");
	UT_CHECK(k >= 0);
	if (k >= 0)
	{
		UT_EQ_INT(ENT(g, k)->kind, AT_NER_ORG);
		UT_EQ_STR(ENT(g, k)->canonical, "Tus-Holdings Co. Ltd");
	}
	free_tracked();
}

/*
 * A raw page: nothing of its chrome lines (share widgets, login form, app
 * prompt, copyright footer) is an entity; the article's entities are found
 * with offsets into the page as given; a photo caption keeps its names.
 */
UT_TEST(ner_page_chrome_lines)
{
	const char *page =
		"Share\n"
		"WeChat\n"
		"Facebook\n"
		"Twitter\n"
		"Share on WeChat Facebook Twitter\n"
		"The Shenzhen Municipal Bureau of Commerce said on Friday that Brii Biosciences "
		"will open a plant in Guangming district.\n"
		"Chen Hongbo, the bureau's director, said the plant would hire 300 people.\n"
		"A worker checks a production line in Shenzhen. [Photo/Xinhua]\n"
		"User name required\n"
		"Chinanews App Download\n"
		"Facebook Twitter WeChat LinkedIn\n"
		"Copyright\xC2\xA9" "2024 China Daily\n"
		"Copyright \xC2\xA9 2024 China Daily. All rights reserved.\n";
	const char *body = strstr(page, "The Shenzhen");
	const char *foot = strstr(page, "User name");
	Got			g;

	if (!get_model())
		return;
	g = extract(page, NULL);
	for (size_t i = 0; i < g.v.len; i++)
	{
		const AtEntity *e = ENT(g, i);

		/* every entity lies in the article's lines or the caption */
		UT_CHECK(page + e->start >= body && page + e->start + e->len <= foot);
	}
	UT_CHECK(find(&g, "WeChat") < 0);
	UT_CHECK(find(&g, "Facebook") < 0);
	UT_CHECK(find(&g, "Twitter") < 0);
	UT_CHECK(find(&g, "China Daily") < 0);
	EXPECT_KIND(g, "Shenzhen Municipal Bureau of Commerce", AT_NER_ORG);
	EXPECT_KIND(g, "Chen Hongbo", AT_NER_PERSON);
	EXPECT_KIND(g, "Shenzhen", AT_NER_LOC);
	{
		long		k = find(&g, "Chen Hongbo");

		UT_CHECK(k >= 0 && ENT(g, k)->start == (size_t) (strstr(page, "Chen Hongbo") - page));
	}
	free_tracked();

	/* the same article without the chrome: the same entities */
	{
		size_t		n = (size_t) (foot - body);
		char	   *plain = strndup(body, n);
		Got			h = extract(plain, NULL);

		UT_EQ_INT(h.v.len, g.v.len);
		free_tracked();
		free(plain);
	}
}

static long hook_calls;

static void
count_hook(void)
{
	hook_calls++;
}

UT_TEST(ner_interrupts_after_sentences)
{
	size_t		n = 12 * 4000;
	char	   *one = malloc(n + 2);
	Got			g;

	if (!get_model())
	{
		free(one);
		return;
	}
	/* one sentence of 4,000 names: the passes over mentions check too */
	for (size_t i = 0; i < n; i++)
		one[i] = "Beijing and "[i % 12];
	strcpy(one + n - 4, "Xi.");
	hook_calls = 0;
	at_interrupt_hook = count_hook;
	g = extract(one, NULL);
	at_interrupt_hook = NULL;
	UT_CHECK(g.v.len >= 4000);
	/*
	 * Tagging checks 19 times for this text (splitting, once per 256 kB of
	 * plain text at most, not at all); the passes over its 4,000 mentions
	 * after them add more than ten.
	 */
	UT_CHECK(hook_calls >= 30);
	free_tracked();
	free(one);
}

/*
 * Rule cases as data: in text, the entity with this surface found at or
 * after the anchor has this kind (-1: no entity there).
 */
typedef struct KindCase
{
	const char *text;
	const char *surface;
	const char *anchor;
	int			kind;
} KindCase;

static const KindCase kind_cases[] = {
	/* a word opening with a digit, capitals and no lower case: a name */
	{"6PR is a radio station in Perth, Western Australia.", "6PR", "6PR", AT_NER_ORG},
	{"The station 3AW in Melbourne and 6PR in Perth carried it.", "3AW", "3AW", AT_NER_ORG},
	{"The 5G network was shown in 3D.", "5G", "5G", -1},
	/* and is found again where the tagger missed it */
	{"6PR is a radio station in Perth, Western Australia. In 1994 6PR was sold to a new "
	 "owner.", "6PR", "6PR was", AT_NER_ORG},
	/* clubs: a club head, or a tail no place ends with */
	{"He signed for Blackburn Rovers and later for Sunderland A.F.C. in 1990.",
	 "Sunderland A.F.C.", "Sunderland", AT_NER_ORG},
	{"Manchester United beat Arsenal 2-1.", "Manchester United", "Manchester", AT_NER_ORG},
	{"The Boston Bruins beat the St. Louis Cardinals.", "Boston Bruins", "Boston", AT_NER_ORG},
	{"He moved to Colorado Springs and then to the Golan Heights.", "Colorado Springs",
	 "Colorado", AT_NER_LOC},
	/* a company named with its legal suffix, later without it */
	{"Eberhard Faber GmbH was founded in 1922. Eberhard Faber is a brand of pencils. "
	 "Eberhard Faber also produces clay.", "Eberhard Faber", "Eberhard Faber also", AT_NER_ORG},
	/* a known place next to a place across a comma: "City, State" */
	{"Duane Bobick (born 24 August, 1950 in Little Falls, Minnesota) was a boxer from the "
	 "United States.", "Minnesota", "Minnesota", AT_NER_LOC},
	{"He fought for the United States at the 1972 Summer Olympics in Munich, West Germany, "
	 "and later contended.", "Munich", "Munich", AT_NER_LOC},
	/* a body named by its noun: after the name, or as the subject of "is a" */
	{"Aero Gare was a kitplane manufacturer founded by Gary LeGare.", "Aero Gare", "Aero",
	 AT_NER_ORG},
	{"John Smith was a manufacturer of cars.", "John Smith", "John", AT_NER_PERSON},
	/* a hall of fame and the words before it are one body */
	{"He entered the Baseball Hall of Fame.", "Baseball Hall of Fame", "Baseball", AT_NER_ORG},
	/* a military unit's number is part of its name; a count of men is not */
	{"Troops of the 82nd Airborne Division arrived.", "82nd Airborne Division", "82nd",
	 AT_NER_ORG},
	{"They killed 5 Marine Corps troops.", "Marine Corps", "Marine", AT_NER_ORG},
	/* places of China joined by a hyphen: one port or region */
	{"Cargo throughput at Ningbo-Zhoushan port in China rose 5 percent.", "Ningbo-Zhoushan",
	 "Ningbo", AT_NER_LOC},
	{"A wind farm built by China Three Gorges Corp started on Wednesday. Lei Mingshan, "
	 "chairman of China Three Gorges, said the company planned more.", "China Three Gorges",
	 "China Three Gorges,", AT_NER_ORG},
	/* two people the tagger ran into one body */
	{"The breakfast show was hosted by Jenny Seaton & Gary Carvolth.",
	 "Jenny Seaton", "Jenny", AT_NER_PERSON},
	{"The show is presented by Karl Langdon & Harvey Deegan on weekdays.",
	 "Harvey Deegan", "Harvey", AT_NER_PERSON},
	/* a listed name with a lower-case word the tagger cannot tag inside */
	{"Aid group Medecins sans Frontieres said on Monday that its clinic was hit.",
	 "Medecins sans Frontieres", "Medecins", AT_NER_ORG},
	{"Aid group Medecins sans Frontieres said on Monday that its clinic was hit.",
	 "Frontieres", "Frontieres", -1},
	/* a party named by its members is an organisation, not a person */
	{"The vote came after Ms. Merkel's Christian Democrats edged out Chancellor "
	 "Gerhard Schroeder's Social Democrats by three seats.",
	 "Christian Democrats", "Christian", AT_NER_ORG},
	{"The vote came after Ms. Merkel's Christian Democrats edged out Chancellor "
	 "Gerhard Schroeder's Social Democrats by three seats.",
	 "Social Democrats", "Social", AT_NER_ORG},
	/* a sentence opener is no part of it, and the members alone are left be */
	{"Senior Tories believe the tide has turned.", "Senior Tories", "Senior", -1},
	/* an organisation head keeps its "of X" even where the tagger split it */
	{"Colombia's main rebel group, the Revolutionary Armed Forces of Colombia, has held "
	 "the hostages for years.",
	 "Revolutionary Armed Forces of Colombia", "Revolutionary", AT_NER_ORG},
	{"The International Committee of the Red Cross said it had visited the prisoners.",
	 "International Committee of the Red Cross", "International", AT_NER_ORG},
	/* a place opening a company's name is part of it */
	{"A bridge built by China Hubei Corporation for International Economic and Technical "
	 "Cooperation opened on Monday.",
	 "China Hubei Corporation for International Economic and Technical Cooperation", "China",
	 AT_NER_ORG},
	/* a listed body of one word the tagger takes for a place is the body */
	{"The attack was a joint operation with the Fatah movement of Palestinian leader "
	 "Mahmoud Abbas.", "Fatah", "Fatah", AT_NER_ORG},
	{"Shares in Nintendo rose 4 percent in Tokyo.", "Nintendo", "Nintendo", AT_NER_ORG},
	{"Interpol issued a warrant for his arrest.", "Interpol", "Interpol", AT_NER_ORG},
	/* a word for a part or a group opening the sentence is no part of the name */
	{"Shares of Shanghai Pudong Development Bank rose 2 percent on Monday.",
	 "Shanghai Pudong Development Bank", "Shanghai", AT_NER_ORG},
	{"Shares of Shanghai Pudong Development Bank rose 2 percent on Monday.",
	 "Shares of Shanghai Pudong Development Bank", "Shares", -1},
	/* a listed name with a person inside is the listed name */
	{"State Grid will invest 3 billion yuan in charging stations this year.",
	 "State Grid", "State", AT_NER_ORG},
	{"Sri Lanka's cricket team arrived on Monday.", "Sri Lanka", "Sri", AT_NER_LOC},
	/* a Chinese surname, English word or not, before a pinyin given name */
	{"Chinese President Xi Jinping met US President Joe Biden in Bali.",
	 "Xi Jinping", "Xi", AT_NER_PERSON},
	{"Xi Jinping met Tim Cook in Beijing.", "Xi Jinping", "Xi", AT_NER_PERSON},
	{"Vice-Premier He Lifeng attended the meeting.", "He Lifeng", "He", AT_NER_PERSON},
	{"Vice-Premier He Lifeng attended the meeting.", "Lifeng", "Lifeng", -1},
	{"He Lifeng said the economy was stable.", "He Lifeng", "He", AT_NER_PERSON},
	{"Ma Kai and You Quan attended the meeting.", "You Quan", "You", AT_NER_PERSON},
	{"You Quan met Gao Hucheng.", "You Quan", "You", AT_NER_PERSON},
	/* a place that opens an institution's or a zone's name is part of it */
	{"The Beijing Municipal Bureau of Economy and Information Technology said on Monday.",
	 "Beijing Municipal Bureau of Economy and Information Technology", "Beijing", AT_NER_ORG},
	{"Companies in the Beijing Economic and Technological Development Area grew.",
	 "Beijing Economic and Technological Development Area", "Beijing", AT_NER_LOC},
	/* company heads of business news: a company, not a person; "and" splits after them */
	{"Online travel agency Tongcheng Travel said bookings rose.", "Tongcheng Travel", "Tongcheng",
	 AT_NER_ORG},
	{"Brii Biosciences and Keya Medical raised money.", "Brii Biosciences", "Brii", AT_NER_ORG},
	{"Brii Biosciences and Keya Medical raised money.", "Keya Medical", "Keya", AT_NER_ORG},
	{"Sinopharm and Sinovac Life Sciences supplied vaccines.", "Sinopharm", "Sinopharm",
	 AT_NER_ORG},
	/* "Co., Ltd": the comma between two company suffixes is inside the name */
	{"Shenzhen Huaqiang Electronics Co., Ltd signed the deal on Monday.",
	 "Shenzhen Huaqiang Electronics Co., Ltd", "Shenzhen", AT_NER_ORG},
	/* "High-tech Zone" is a zone's name though its word ends in lower case */
	{"The Suzhou High-tech Zone signed deals with 20 firms.", "Suzhou High-tech Zone", "Suzhou",
	 AT_NER_LOC},
	/* a nationality word opens an official name with "for" as with "of" */
	{"Gao Fu, head of the Chinese Center for Disease Control and Prevention, spoke.",
	 "Chinese Center for Disease Control and Prevention", "Chinese", AT_NER_ORG},
	/* a pagoda is a place */
	{"Visitors flocked to the Big Wild Goose Pagoda on Sunday.", "Big Wild Goose Pagoda", "Big",
	 AT_NER_LOC},
	/* a place in China the tagger missed or mistyped, in a story about China */
	{"Exports from China rose. Xi'an, Chongqing and Chengdu remain the busiest hubs.",
	 "Xi'an", "Xi'an", AT_NER_LOC},
	{"Exports from China rose. Zhejiang plans to invest 50 billion yuan in ports.",
	 "Zhejiang", "Zhejiang", AT_NER_LOC},
	/* the pinyin word for "editor" that signs web pages is no person */
	{"Web editor: Wu Chaolan, Bianji", "Bianji", "Bianji", -1},
	/* a listed place is no Chinese name: "Hong Kong" */
	{"He flew to Hong Kong on Monday.", "Hong Kong", "Hong", AT_NER_LOC},
	/* a university of the generated list is one organisation, not a place inside one */
	{"He studied law at the University of London before joining the firm.",
	 "University of London", "University", AT_NER_ORG},
	{"He studied law at the University of London before joining the firm.", "London", "London", -1},
	{"She teaches at Beijing Normal University.", "Beijing Normal University", "Beijing",
	 AT_NER_ORG},
	{"Researchers from Sun Yat-sen University took part.", "Sun Yat-sen University", "Sun",
	 AT_NER_ORG},
	/* a name a company noun describes is a company's */
	{"Unisound, a speech recognition firm, moved into a new office.", "Unisound", "Unisound",
	 AT_NER_ORG},
	{"Founded in 2012, the speech recognition firm Unisound develops chips.", "Unisound",
	 "Unisound", AT_NER_ORG},
	{"Zhang Wei, a manager at the company, said sales rose.", "Zhang Wei", "Zhang",
	 AT_NER_PERSON},
	{"Renowned Egyptian film maker Youssef Chahine died on Sunday.", "Youssef Chahine",
	 "Youssef", AT_NER_PERSON},
	{"Tensions between Iran, a major oil producer, and Israel rose.", "Iran", "Iran",
	 AT_NER_LOC},
	/* an acronym before a place head is the place's name, not an organisation */
	{"Unisound, a speech recognition firm, moved into IC Park in Beijing.", "IC Park", "IC",
	 AT_NER_LOC},
	{"Unisound, a speech recognition firm, moved into IC Park in Beijing.", "IC", "IC", -1},
	/* but a listed name inside a longer one is not cut out of it */
	{"She was treated at George Washington University Hospital on Friday.",
	 "George Washington University", "George", -1},
	/* a tagger span that ends in "of" blocks no "Bank of X" */
	{"The Bank of Korea kept its base rate at 3.5 percent.", "Bank of Korea", "Bank", AT_NER_ORG},
	/* "of" after a word that only opens a place's name goes on */
	{"The Central Bank of the Republic of Turkey raised rates.",
	 "Central Bank of the Republic of Turkey", "Central", AT_NER_ORG},
	/* a listed place with a lower-case particle inside is one place */
	{"Flights go to Kampala, Kigali and Dar es Salaam.", "Dar es Salaam", "Dar", AT_NER_LOC},
	/* not with a comma inside, which GMB and the tagger split */
	{"He lives in Washington, D.C. with his family.", "Washington", "Washington", AT_NER_LOC},
	/* a portfolio before "Minister" names an office; its place stays a place */
	{"Kazakh Energy Minister Almasadam Satkaliyev signed the deal.", "Kazakh Energy", "Kazakh", -1},
	{"Tamil Nadu Industries Minister T. R. B. Rajaa said the plant would open.", "Tamil Nadu",
	 "Tamil", AT_NER_LOC},
	{"Treasury Cabinet Secretary John Mbadi said so.", "Treasury Cabinet", "Treasury", -1},
	/* a person after a title is no part of the body */
	{"Bank Indonesia Governor Perry Warjiyo said the rupiah was stable.", "Perry Warjiyo", "Perry",
	 AT_NER_PERSON},
	{"Bank Indonesia Governor Perry Warjiyo said the rupiah was stable.", "Bank Indonesia", "Bank",
	 AT_NER_ORG},
	/* a list of portfolios after "Ministry of" is one name */
	{"The Ministry of Trade, Industry and Energy said exports rose.",
	 "Ministry of Trade, Industry and Energy", "Ministry", AT_NER_ORG},
	{"The Ministry of Agriculture, Food and Rural Affairs said so.",
	 "Ministry of Agriculture, Food and Rural Affairs", "Ministry", AT_NER_ORG},
	/* not bodies named after it */
	{"The Ministry of Finance, Xinhua and Reuters reported it.", "Ministry of Finance", "Ministry",
	 AT_NER_ORG},
	{"Officials from the Ministry of Defence, Navy and Army met.", "Ministry of Defence",
	 "Ministry", AT_NER_ORG},
	/* a listed place after a preposition of place is the place */
	{"In Abu Dhabi, the Abu Dhabi National Oil Company said it would raise capacity.",
	 "Abu Dhabi", "Abu", AT_NER_LOC},
	/* a company's head the tagger took alone keeps its nationality word */
	{"Turkish Airlines and Koc Holding shares fell.", "Turkish Airlines", "Turkish", AT_NER_ORG},
	/* a person who owns a body is no part of its name */
	{"President Recep Tayyip Erdogan's Justice and Development Party lost Istanbul.",
	 "Recep Tayyip Erdogan", "Recep", AT_NER_PERSON},
	{"President Recep Tayyip Erdogan's Justice and Development Party lost Istanbul.",
	 "Justice and Development Party", "Justice", AT_NER_ORG},
	/* but a group's or a place's "'s" opens a name */
	{"The Sudan People's Liberation Movement signed the accord.",
	 "Sudan People's Liberation Movement", "Sudan", AT_NER_ORG},
	/* names before a place noun in lower case are places */
	{"Governorship elections in Kogi, Imo and Bayelsa states will be held on Nov. 11.", "Imo",
	 "Imo", AT_NER_LOC},
	/* a known body whose name ends in a word of plans and events is still a body */
	{"The World Food Programme said aid was running out.", "World Food Programme", "World",
	 AT_NER_ORG},
	{"The World Economic Forum said growth would slow.", "World Economic Forum", "World",
	 AT_NER_ORG},
	/* an acronym in parentheses spells the whole name: it grows to the left */
	{"The ruling All Progressives Congress (APC) has held the state since 2016.",
	 "All Progressives Congress", "ruling", AT_NER_ORG},
	/* "X, the ... company,": the appositive with "the" as with "a" */
	{"Safaricom, the country's biggest company, and Equity Group Holdings reported earnings.",
	 "Safaricom", "Safaricom", AT_NER_ORG},
	{"Li Wei, the company's spokesman, said sales rose.", "Li Wei", "Li", AT_NER_PERSON},
	/* a demonym of the world's countries is no name (world-countries list) */
	{"Yemeni and Omani ministers met in Muscat.", "Omani", "Omani", -1},
	/* "Solar" ends a maker's name as "Energy" and "Power" do; "and" after a head splits */
	{"Panels were supplied by Trina Solar and LONGi Green Energy Technology Co. Ltd last "
	 "year.", "Trina Solar", "Trina", AT_NER_ORG},
	/* a listed body, whole, before "and" ends its name (body_pairs) */
	{"The vaccines were made by Sinopharm and Sinovac Life Sciences.", "Sinopharm",
	 "Sinopharm", AT_NER_ORG},
	{"The vaccines were made by Sinopharm and Sinovac Life Sciences.",
	 "Sinovac Life Sciences", "Sinovac", AT_NER_ORG},
	{"Shares of PepsiCo and JPMorgan Private Bank fell.", "PepsiCo", "PepsiCo", AT_NER_ORG},
	/* a centre named for what is launched or shown there is a site */
	{"A rocket lifted off from the Jiuquan Satellite Launch Center on Monday.",
	 "Jiuquan Satellite Launch Center", "Jiuquan", AT_NER_LOC},
	{"The fair opened at the National Exhibition and Convention Center in Shanghai.",
	 "National Exhibition and Convention Center", "National", AT_NER_LOC},
	{"The Chinese Center for Disease Control and Prevention said so.",
	 "Chinese Center for Disease Control and Prevention", "Chinese", AT_NER_ORG},
	/* a photo credit: a person and an outlet across a glued slash */
	{"The market opened on Monday.\n\nPhoto: Cui Meng/GT", "Cui Meng", "Cui", AT_NER_PERSON},
	{"The market opened on Monday.\n\nPhoto: Cui Meng/GT", "GT", "GT", AT_NER_ORG},
	/* a body a place opens goes on after "for the" (the tagger split it) */
	{"Oil prices rose on Monday. The China Council for the Promotion of International Trade "
	 "said exports rose.", "China Council for the Promotion of International Trade", "China",
	 AT_NER_ORG},
	/* a place before a lower-case place noun is no short form of a body it opens */
	{"Prices rose on Monday. Tea farmers in Anxi county, Fujian province, sold more tea, the "
	 "Anxi County Bureau of Agriculture and Rural Affairs said on Tuesday.", "Anxi", "Anxi",
	 AT_NER_LOC},
	/* "Co., Ltd" whole where the tagger took "Ltd" alone */
	{"Prices rose on Monday. CRRC Changchun Railway Vehicles Co., Ltd built its trains.",
	 "CRRC Changchun Railway Vehicles Co., Ltd", "CRRC", AT_NER_ORG},
};

/* Pinyin syllables of a word, fewest first, at most max; 0 when it is no pinyin */
UT_TEST(ner_pinyin_syllables)
{
	static const struct
	{
		const char *word;
		int			max;
		int			n;
	}			cases[] = {
		{"lifeng", 2, 2}, {"jinping", 2, 2}, {"xi", 2, 1}, {"zhuang", 2, 1},
		{"xiao-ming", 2, 2}, {"xi'an", 2, 2}, {"zhuangzhuang", 2, 2},
		{"weiming", 2, 2}, {"said", 2, 0}, {"cook", 2, 0}, {"trump", 2, 0},
		{"xiaomingming", 2, 0}, {"xiaomingming", 3, 3}, {"-ming", 2, 0},
		{"ming-", 2, 0}, {"", 2, 0}
	};
	const AtNerModel *m = get_model();

	if (!m)
		return;
	for (size_t i = 0; i < AT_LENGTHOF(cases); i++)
	{
		int			got = at_gz_pinyin_syllables(&m->gz, cases[i].word, strlen(cases[i].word),
												 cases[i].max);

		if (got != cases[i].n)
			fprintf(stderr, "  \"%s\": %d syllables, expected %d\n", cases[i].word, got, cases[i].n);
		UT_EQ_INT(got, cases[i].n);
	}
	UT_CHECK(at_gz_chinese_surname(&m->gz, "xi", 2));
	UT_CHECK(at_gz_chinese_surname(&m->gz, "he", 2));
	UT_CHECK(at_gz_chinese_surname(&m->gz, "ouyang", 6));
	UT_CHECK(!at_gz_chinese_surname(&m->gz, "smith", 5));
	UT_CHECK(at_gz_chinese_classes(&m->gz, "haidian", 7) & AT_CN_PLACE);
	UT_CHECK(!(at_gz_chinese_classes(&m->gz, "london", 6) & AT_CN_PLACE));
}

UT_TEST(ner_kind_cases)
{
	if (!get_model())
		return;
	for (size_t i = 0; i < AT_LENGTHOF(kind_cases); i++)
	{
		const KindCase *kc = &kind_cases[i];
		Got			g = extract(kc->text, NULL);
		int			got = kind_from(&g, kc->surface, kc->anchor);

		if (got != kc->kind)
			fprintf(stderr, "  case %zu: \"%s\" at \"%s\": kind %d, expected %d\n",
					i, kc->surface, kc->anchor, got, kc->kind);
		UT_EQ_INT(got, kc->kind);
		free_tracked();
	}
}

UT_TEST(ner_bad_input)
{
	size_t		n = 1 << 20;
	char	   *big = malloc(n + 1);
	Got			g;

	if (!get_model())
	{
		free(big);
		return;
	}
	/* one repeated word, no capitals, random bytes (valid or not) */
	for (size_t i = 0; i < n; i++)
		big[i] = "Beijing "[i % 8];
	big[n] = '\0';
	g = extract(big, NULL);
	free_tracked();
	for (size_t i = 0; i < n; i++)
		big[i] = "the "[i % 4];
	g = extract(big, NULL);
	UT_EQ_INT(g.v.len, 0);
	free_tracked();
	srand(7);
	for (size_t i = 0; i < n; i++)
		big[i] = (char) (1 + rand() % 255);
	g = extract(big, NULL);
	for (size_t i = 0; i < g.v.len; i++)
		UT_CHECK(ENT(g, i)->start + ENT(g, i)->len <= n);
	free_tracked();
	g = extract("", NULL);
	UT_EQ_INT(g.v.len, 0);
	free_tracked();
	free(big);
}
