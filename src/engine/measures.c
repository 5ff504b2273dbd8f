/*
 * measures.c: measure and holder of the figures of a sentence (measures.h).
 *
 * News sentences about figures mostly have one shape: an opening phrase
 * ("In the first quarter,"), a subject, a verb, the figure:
 *
 *   China's retail sales of consumer goods rose 4.7 percent to 12.03 trillion yuan
 *   ^holder  ^measure                      ^verb
 *   Huawei spent 164.7 billion yuan on research and development
 *   ^holder                            ^measure after the figure
 *   Companies in the park reported total revenue of 8.7 trillion yuan
 *   ^holder                        ^measure before "of" the figure
 *   Domestic tourists made 474 million trips, up 34.3 percent
 *   ^holder                            ^counted noun = measure; the change inherits it
 *
 * A sentence is cut into clauses (";", ", while", ", and its"); each clause's
 * subject runs from its start (after a dateline and an opening phrase) to
 * the first verb.  A subject whose head is a measured property ("sales",
 * "revenue", "GDP") is the measure, and its possessor ("China's", "of the
 * city", "on the Dalian Commodity Exchange") the holder; any other subject
 * is the holder.  "its"/"their" take the holder of the clause before.
 * Word lists are data below; each step reads a bounded window.
 */
#include "measures.h"
#include "utf8.h"

#include <string.h>

/* Heads of a subject that is a measured property, not an entity */
static const char *const property_heads[] = {
	"revenue", "revenues", "sales", "exports", "imports", "output", "production", "profit",
	"profits", "investment", "investments", "spending", "expenditure", "expenditures",
	"prices", "price", "futures", "trade", "gdp", "income", "consumption", "throughput",
	"volume", "capacity", "value", "surplus", "deficit", "index", "cpi", "ppi", "growth",
	"turnover", "earnings", "demand", "supply", "deals", "orders", "office", "quota",
	"reserves", "debt", "costs", "cost", "budget", "generation", "area", "number", "rate",
	"shipments", "deliveries", "bookings", "premiums", "assets", "losses", "loss", "tax",
	"taxes", "fees", "funding", "financing", "traffic", "ridership", "employment",
	"unemployment", "inflation", "yield", "share", "market", "arrivals", "visits",
	"inventory", "inventories", "savings", "loans", "lending", "deposits", "payments",
	"transactions", "capital", "valuation", "wages", "salaries", "premium", "fdi", "r&d", "use", "expenses", "expense", "length", "outlays", "consumption", "product", "entries",
	"trips", "measure", "occupancy", "stake", "stakes", "holdings", "installations",
	"economy", "proceeds", "sale", "purchases", "subsidies", "allocation", "margin", "margins",
	"factor", "shares", "stocks", "completions", "ratio", "proportion", "percentage",
	"intensity", "penetration", "indicators", "indicator", "valuations", "discount",
	"charges", "charge", "rents", "tariffs", "rates", "transport", "time", "space",
};

/* Verbs that end a subject (past and present forms of the verbs of figures) */
static const char *const verbs[] = {
	"reached", "rose", "rise", "rises", "fell", "falls", "grew", "grows", "increased",
	"increases", "decreased", "declined", "dropped", "jumped", "climbed", "hit", "hits",
	"totaled", "totalled", "totals", "stood", "stands", "was", "were", "is", "are", "has",
	"have", "had", "saw", "sees", "made", "makes", "sold", "sells", "spent", "spends",
	"received", "reported", "reports", "posted", "handled", "handles", "generated",
	"added", "adds", "imported", "exported", "produced", "invested", "expanded", "dipped",
	"shrank", "slid", "surged", "soared", "accounted", "contributed", "showcased",
	"registered", "opened", "set", "plans", "planned", "aims", "aimed", "expects",
	"expected", "will", "would", "could", "may", "might", "said", "says", "topped",
	"exceeded", "amounted", "came", "remained", "remains", "recorded", "carried",
	"carries", "bought", "took", "equaled", "equalled", "covers", "covered", "held",
	"holds", "claimed", "gained", "lost", "raised", "ranked", "traded", "averaged",
	"edged", "slumped", "plunged", "tumbled", "eased", "hovered", "doubled", "tripled",
	"halved", "narrowed", "widened", "logged", "delivered", "attracted", "employed",
	"hired", "served", "welcomed", "hosted", "launched", "announced", "issued",
	"approved", "signed", "completed", "earned", "paid", "cost", "costs", "valued",
	"needs", "needed", "used", "uses", "consumed", "shipped", "exported", "outpaced",
	"accounts", "contributes", "represented", "represents", "registers", "logs",
	"can", "must", "should", "did", "does", "been", "be", "being", "got", "gets",
	"expect", "plan", "aim", "estimate", "estimated", "estimates", "predict", "predicted",
	"forecast", "projected", "grossed", "saw", "see", "sold", "sell", "spend", "handle",
	"received", "receive", "make", "reach", "put", "puts", "built", "installed",
	"connected", "completed", "shipped", "sent", "welcomed", "attracted", "went", "goes",
	"stayed", "sells", "fetched", "fetches", "accounting", "represented", "comprised",
	"show", "shows", "showed", "indicate", "indicates", "indicated", "work", "operate",
	"remain", "own", "run", "serve", "stay", "won", "win", "wins", "secured", "landed", "booked",
	"clinched", "numbered", "led", "leads", "manage", "manages", "stand",
};

/* Verbs whose subject is what is priced or shared, not a holder: "Lithium carbonate sells for" */
static const char *const measure_subject_verbs[] = {
	"sells", "sell", "sold", "traded", "trades", "cost", "costs", "fetched", "fetches",
	"accounted", "account", "accounts", "represented", "represents", "comprised", "made",
	"took", "takes", "contributed", "contributes", "captured", "captures", "numbered", "number",
	"numbers",
};

/* People among the place heads: "Working-age residents made up 79.5 percent of the population" are a part, not a holder */
static const char *const people_heads[] = {
	"residents", "households", "consumers", "workers", "farmers", "employees", "users", "people",
	"families",
};

/* Verbs of a share of a whole: "Rural areas accounted for 23 billion of the parcels" */
static const char *const part_verbs[] = {"accounted", "accounts", "account", "made", "makes", "make"};

/* Share verbs whose subject is the measure unless it is an agent: "Domestic films took 83.8 percent of the total" */
static const char *const share_verbs[] = {"took", "takes", "contributed", "contributes", "captured", "captures"};

/* Verbs whose subject is a source: "Analysts expect exports to fall" */
static const char *const source_verbs[] = {
	"expect", "expects", "expected", "predict", "predicts", "predicted", "forecast",
	"forecasts", "estimate", "estimates", "estimated", "said", "say", "says", "believe",
	"believes", "show", "shows", "showed", "indicate", "indicates", "indicated",
};

/* Heads of a place after "in": "Online retail sales in rural areas" (the areas hold the figure) */
static const char *const place_heads[] = {
	"areas", "area", "regions", "region", "cities", "city", "provinces", "province",
	"countries", "country", "villages", "towns", "counties", "districts", "zones", "markets",
	"residents", "households", "consumers", "workers", "farmers", "employees", "users",
	"people", "families", "companies", "firms", "enterprises", "businesses", "sector",
	"industry", "mainland", "zone", "park", "district", "county", "town", "village",
	"municipality", "port", "island",
};

/* Agents after "of" that hold the figure: "output of key steel mills" (after "in" they receive it) */
static const char *const agent_heads[] = {
	"mills", "plants", "factories", "makers", "producers", "manufacturers", "banks", "lenders",
	"insurers", "airlines", "carriers", "retailers", "developers", "operators", "exporters",
	"importers", "automakers", "carmakers", "startups", "smes", "hospitals", "stores",
	"shops", "restaurants", "hotels", "farms", "traders", "investors", "buyers", "shoppers",
	"tourists", "travelers", "travellers", "students", "passengers", "visitors", "members",
};

/* Measures whose "from" names a trade partner, not the holder: "imports from Thailand" */
static const char *const partner_heads[] = {"imports", "import", "purchases", "arrivals"};

/* Counted nouns that name no measure of their own: "2.4 million units" */
static const char *const generic_units[] = {"units", "unit", "pieces", "sets", "items", "times"};

/* Change nouns are no measure: "an increase of 24.5 percent" */
static const char *const change_nouns[] = {
	"increase", "rise", "decrease", "growth", "decline", "drop", "jump", "gain", "fall",
	"surge", "slump", "hike", "cut", "reduction", "expansion", "contraction", "total",
	"average",
};

/* Words before a base figure: "compared with 133,246 in 2022", "up from 6,940" */
static const char *const base_words[] = {"with", "from", "than", "versus", "vs"};

/* Conjunctions after a comma that open a new clause: ", while imports fell" */
static const char *const clause_conjunctions[] = {"while", "whereas", "but", "though", "although"};

/* Adverbs that end a subject without being part of it: "The country now has" */
static const char *const trailing_adverbs[] = {
	"now", "also", "still", "already", "currently", "each", "all", "both", "alone", "even",
	"reportedly", "together", "jointly", "today", "yesterday", "tomorrow", "nationwide",
	"worldwide", "overall", "domestically", "globally", "nearly", "almost", "roughly", "more",
	"than",
};

/*
 * Verbs of a forecast: an institution that forecasts a figure is its source,
 * not its holder ("The board expects 46 million arrivals"); a firm or a
 * name forecasts its own ("Tesla expects deliveries of 1.8 million")
 */
static const char *const forecast_verbs[] = {
	"expect", "expects", "expected", "forecast", "forecasts", "predict", "predicts",
	"predicted", "estimate", "estimates", "estimated", "projects", "projected", "anticipates",
};

/* Adjectives that take a preposition after a measure: "net profit attributable to shareholders" */
static const char *const prep_adjectives[] = {"attributable", "related", "linked", "due", "payable", "available"};

/* Prepositions of where a measured thing is: "The average price of new homes in 70 major cities" */
static const char *const place_preps[] = {"in", "across", "among"};

/* Openings that name the topic of the clause, its holder: "As for private firms, their imports" */
static const char *const topic_openers[] = {"as for", "as to", "turning to"};

/* Verbs of money flowing into what it is spent on: "12.3 billion yuan went into tourism projects" */
static const char *const flow_verbs[] = {"went", "go", "goes", "flowed", "flow", "flows", "poured"};

/* Verbs of origin: "3.2 million visitors came from the mainland" (the origin holds them) */
static const char *const origin_verbs[] = {"came", "come", "comes", "coming"};

/* Qualifiers that belong to the measure, not a place: "foreign direct investment in actual use in the province" */
static const char *const measure_qualifiers[] = {
	"in actual use", "in real terms", "in nominal terms", "in value terms", "in volume terms",
	"on average", "on a comparable basis",
};

/* Prepositions that may follow a measure qualifier and open its holder */
static const char *const holder_preps[] = {"in", "of", "on", "at", "across", "from", "by", "for"};

/* Change verbs: "saw their combined profits grow 4.3 percent" */
static const char *const change_verbs[] = {
	"grow", "grew", "rise", "rose", "fall", "fell", "increase", "increased", "decrease",
	"decreased", "decline", "declined", "drop", "dropped", "jump", "jumped", "climb",
	"climbed", "surge", "surged", "expand", "expanded", "shrink", "shrank", "reach",
	"reached", "hit", "total", "totaled", "exceed", "exceeded", "top", "topped",
	"totaling", "totalling", "reaching", "rising", "growing", "increasing", "falling",
	"dropping", "declining", "gaining", "jumping", "climbing", "hitting", "amounting",
	"standing",
};


/* Words of an opening phrase that ends at a comma: "In March alone, ..." */
static const char *const intro_words[] = {
	"in", "during", "by", "last", "this", "over", "among", "according", "for", "after",
	"since", "meanwhile", "also", "however", "besides", "moreover", "overall", "on", "at",
	"as", "from", "between", "until", "before", "so", "still", "yet", "earlier", "later",
	"separately", "together", "altogether", "currently", "now", "today", "yesterday",
	"nationwide", "worldwide", "globally", "specifically", "similarly", "additionally",
	"elsewhere", "domestically", "among", "of",
};

/* Words that end a noun phrase read backwards from "of" or forwards after a figure */
static const char *const np_stops[] = {
	"the", "a", "an", "its", "their", "his", "her", "our", "of", "in", "on", "at", "to",
	"for", "by", "with", "from", "and", "or", "as", "that", "which", "while", "up",
	"down", "about", "some", "nearly", "more", "than", "over", "around", "almost",
	"this", "these", "those", "it", "they", "he", "she", "we", "each", "per", "into",
	"worth", "only", "just", "also", "said", "says", "since", "during", "after",
	"before", "last", "next", "year", "years", "month", "months", "week", "day", "days",
	"when", "where", "who", "whose", "still", "already", "respectively", "alone",
	"year-on-year", "month-on-month", "quarter-on-quarter", "yoy", "between", "across",
	"through", "within", "amid", "among", "against", "via", "under", "despite",
};

/* "-ed" words that are adjectives inside a measure: "registered capital", "installed capacity" */
static const char *const ed_adjectives[] = {
	"registered", "installed", "listed", "combined", "estimated", "projected", "planned",
	"contracted", "utilized", "paid-in", "refined", "added", "value-added", "disposable",
	"designated",
};

/* Verbs of an absolute phrase after "with": "with 50 films earning more than 100 million yuan each" */
static const char *const earning_verbs[] = {
	"earning", "generating", "grossing", "selling", "handling", "making", "registering",
	"recording", "posting", "attracting", "taking", "capturing", "accounting",
};

/* Auxiliaries: "Sales were expected" has its verb at "were" */
static const char *const auxiliaries[] = {
	"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "may", "might",
	"can", "must", "should", "did", "does", "been", "be", "being",
};

/* Verbs that set a measure to a figure: "raise basic research spending to 8 percent" */
static const char *const raise_verbs[] = {
	"raise", "raising", "lift", "lifting", "boost", "boosting", "increase", "increasing", "cut",
	"cutting", "reduce", "reducing", "bring", "bringing", "expand", "expanding", "push", "pushing",
};

/* Heads of a subject that is a source, not a holder: "The report listed 315 unicorns in Hangzhou" */
static const char *const source_heads[] = {
	"report", "survey", "data", "statistics", "study", "figures", "ranking", "list", "analysis",
	"research", "estimate", "estimates", "forecast", "census", "figure",
};

/* Determiners: a participle after one is no verb ("the installed capacity", "its planned investment") */
static const char *const determiners[] = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your"};

/*
 * Speakers that are the antecedent of "its" in their own sentence: "Its
 * revenue dropped 44 percent, the company said" (firms speak of their own
 * figures; a ministry or bureau reports others')
 */
static const char *const firm_speakers[] = {
	"company", "firm", "group", "bank", "lender", "insurer", "carmaker", "automaker", "maker",
	"manufacturer", "airline", "carrier", "retailer", "developer", "operator", "producer",
	"platform", "brand", "startup", "conglomerate", "supplier", "chipmaker", "miner",
};

/* Verbs of a speaker after the reported text: ", the company said" */
static const char *const speaker_verbs[] = {"said", "says", "announced", "reported", "added", "noted", "stated"};

/* Leading words dropped from a measure: "total revenue" measures revenue */
static const char *const measure_drop[] = {
	"total", "combined", "overall", "its", "their", "the", "a", "an", "highest", "lowest", "largest",
	"biggest",
};

/* Subjects that are no holder: pronouns take the holder of the clause before */
static const char *const pronouns[] = {"it", "they", "its", "their", "he", "she", "this", "that"};

/* Words that open no holder: "There are ...", "Even applying for a visa ..." */
static const char *const no_holder_openers[] = {"there", "here", "even", "only", "also", "so", "such"};

/* Words that open no subject at all: prepositions and subordinators ("when it", "with the queues") */
static const char *const no_subject_openers[] = {
	"with", "for", "in", "on", "at", "by", "to", "from", "of", "after", "before", "during",
	"when", "if", "as", "while", "because", "although", "though", "since", "until", "unless",
	"whether", "not", "than", "about", "into", "over", "under", "where", "which", "who",
	"whose", "what", "how", "why", "and", "or", "but", "yet", "then",
};

typedef struct Tok
{
	size_t		start;
	size_t		len;
	char		kind;			/* 'w' word, 'd' digit-led word, 'p' punctuation, 'e' end */
	int			fig;			/* index of the metric covering it, or -1 */
	bool		count;			/* that metric is a count ("70 major cities") */
	size_t		poss;			/* a possessive: length of the possessor ("China's": 5), else 0 */
	/* tok_in()'s answers for this word, by list (TokList): known (0 or 1), and yes */
	uint64_t	in_known;
	uint64_t	in_yes;
	/* a word's bytes (A-Z folded), byte i at bits 8i, when it has 1 to 8; else 0 (tok_is()) */
	uint64_t	pk;
} Tok;

/*
 * The bytes of a literal of at most eight, packed as Tok.pk packs a word's,
 * as a constant expression (a byte past the literal's end reads as 0)
 */
#define LIT_BYTE(w, i) ((uint64_t) (sizeof(w) > (i) + 1 ? (unsigned char) (w)[(i) < sizeof(w) ? (i) : 0] : 0) << (8 * (i)))
#define LIT_PACK(w) (LIT_BYTE(w, 0) | LIT_BYTE(w, 1) | LIT_BYTE(w, 2) | LIT_BYTE(w, 3) | \
					 LIT_BYTE(w, 4) | LIT_BYTE(w, 5) | LIT_BYTE(w, 6) | LIT_BYTE(w, 7))

typedef struct Span
{
	size_t		start;
	size_t		len;
} Span;

/* ASCII letters and digits: range tests without branches (they run at every byte of a sentence) */
static inline bool
alpha(char c)
{
	return (unsigned) (((unsigned char) c | 0x20) - 'a') < 26;
}

static inline bool
digit(char c)
{
	return (unsigned) ((unsigned char) c - '0') < 10;
}

static bool capital(const char *s, const Tok *t);
static bool acronym(const char *s, const Tok *t);

/*
 * The word lists tok_in() reads.  The clause readers ask the same list about
 * the same token again and again (is_verb() alone a few times per token):
 * each token keeps the answers it got, a bit per list.
 */
typedef enum TokList
{
	TL_agent_heads, TL_auxiliaries, TL_base_words, TL_change_nouns, TL_change_verbs,
	TL_clause_conjunctions, TL_determiners, TL_earning_verbs, TL_ed_adjectives,
	TL_fig_qualifiers, TL_firm_speakers, TL_flow_verbs, TL_forecast_verbs, TL_holder_preps,
	TL_intro_words, TL_measure_drop, TL_measure_subject_verbs, TL_no_holder_openers,
	TL_no_subject_openers, TL_np_stops, TL_origin_verbs, TL_part_verbs, TL_partner_heads,
	TL_people_heads, TL_place_heads, TL_place_preps, TL_prep_adjectives, TL_pronouns,
	TL_property_heads, TL_raise_verbs, TL_share_verbs, TL_source_heads, TL_source_verbs,
	TL_speaker_verbs, TL_trailing_adverbs, TL_verbs,
	TL_COUNT
} TokList;

_Static_assert(TL_COUNT <= 64, "TokList: one bit of a uint64_t per list");

/* tok_in(s, t, list, n): list is one of the lists above, by name */
#define tok_in(s, t, list, n) tok_in_list(s, t, TL_##list)

static uint64_t tok_lists_of(const char *w, size_t len);

static inline bool
tok_in_list(const char *s, const Tok *t, TokList id)
{
	/* the answers are a cache: Tok's are never const objects, only const to the readers */
	Tok		   *mt = (Tok *) t;

	/* the first question about a token answers them all: one look-up, not one per list */
	if (t->in_known == 0)
	{
		mt->in_known = 1;
		mt->in_yes = t->kind != 'p' ? tok_lists_of(s + t->start, t->len) : 0;
	}
	return (t->in_yes >> id) & 1;
}

/*
 * tok_in() of the one word w, compared in place: it runs for most tokens of
 * a sentence.  w is a literal (tok_is() pastes it between two empty ones);
 * one of at most eight bytes is compared with the token's pack in one step.
 */
#define tok_is(s, t, w) tok_is_lit((s), (t), "" w "", sizeof("" w "") - 1, LIT_PACK("" w ""))

static AT_ALWAYS_INLINE bool
tok_is_lit(const char *s, const Tok *t, const char *w, size_t wlen, uint64_t wpack)
{
	const char *p = s + t->start;
	size_t		j;

	if (wlen >= 1 && wlen <= 8)
		return t->kind != 'p' && t->pk == wpack;
	if (t->kind == 'p' || t->len == 0 || t->len != wlen)
		return false;
	for (j = 0; j < t->len && w[j]; j++)
	{
		char		a = p[j];

		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (a != w[j])
			return false;
	}
	return j == t->len && w[j] == '\0';
}

static bool
tok_punct(const char *s, const Tok *t, char c)
{
	return t->kind == 'p' && s[t->start] == c;
}

/* The number of tokens from t[i] (before b) that spell one of the phrases of list, else 0 */
static size_t
phrase_at(const char *s, const Tok *t, size_t i, size_t b, const char *const *list, size_t n)
{
	for (size_t q = 0; q < n; q++)
	{
		const char *w = list[q];
		size_t		k = i;

		while (*w && k < b && t[k].kind == 'w')
		{
			size_t		wl = strcspn(w, " "),
						c = 0;

			/* one word of the phrase, caseless */
			while (c < wl && c < t[k].len && (s[t[k].start + c] | 0x20) == w[c])
				c++;
			if (c < wl || t[k].len != wl)
				break;
			w += wl;
			while (*w == ' ')
				w++;
			k++;
		}
		if (*w == '\0' && k > i)
			return k - i;
	}
	return 0;
}

/* Words (letters, digits, inner - ' . & ’) and punctuation of s[from, to); toks holds max + 1 */
static size_t
tokenize(const char *s, size_t from, size_t to, Tok *toks, size_t max)
{
	size_t		n = 0,
				p = from;

	while (p < to && n < max)
	{
		unsigned char c = (unsigned char) s[p];
		size_t		e = p;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		{
			p++;
			continue;
		}
		if (alpha((char) c) || digit((char) c) || c == '$')
		{
			e++;
			while (e < to)
			{
				char		x;

				/* letters and digits a run at a time (utf8.h) */
				e += at_ascii_run(s, to, e, true);
				if (e >= to)
					break;
				x = s[e];
				if ((x == '-' || x == '\'' || x == '.' || x == '&' || x == ',') &&
						 e + 1 < to && (alpha(s[e + 1]) || digit(s[e + 1])) &&
						 (x != ',' || (digit(s[e - 1]) && digit(s[e + 1]))))
					e++;
				else if ((unsigned char) x == 0xE2 && e + 3 < to && (unsigned char) s[e + 1] == 0x80 &&
						 (unsigned char) s[e + 2] == 0x99 && alpha(s[e + 3]))
					e += 3;		/* ’ */
				else
					break;
			}
			toks[n].kind = (digit((char) c) || c == '$') ? 'd' : 'w';
		}
		else
		{
			e = p + (size_t) AT_MAX(1, at_utf8_seqlen(c));
			if (e > to)
				e = to;
			toks[n].kind = 'p';
		}
		toks[n].start = p;
		toks[n].len = e - p;
		toks[n].fig = -1;
		toks[n].count = false;
		toks[n].poss = 0;
		toks[n].in_known = toks[n].in_yes = 0;
		toks[n].pk = e - p <= 8 ? at_pack_folded(s, p, e - p, to) : 0;
		if (toks[n].kind == 'w' && e - p > 2 && s[e - 1] == 's' && s[e - 2] == '\'')
			toks[n].poss = e - p - 2;
		else if (toks[n].kind == 'w' && e - p > 4 && s[e - 1] == 's' && (unsigned char) s[e - 2] == 0x99)
			toks[n].poss = e - p - 4;
		else if (toks[n].kind == 'w' && s[e - 1] == 's' && e < to && s[e] == '\'' &&
				 (e + 1 >= to || !alpha(s[e + 1])))
			toks[n].poss = e - p;	/* "Starbucks' revenue" */
		n++;
		p = e;
	}
	/* an end token after the last, so that t[i + 1] can always be read */
	toks[n] = (Tok) {to, 0, 'e', -1, false, 0, 0, 0, 0};
	return n;
}

/* A figure of value: dates, years and ordinals are neither measured nor held */
static bool
value_kind(AtMetricKind k)
{
	return k == AT_MK_MONEY || k == AT_MK_PERCENT || k == AT_MK_PERCENTAGE_POINT ||
		k == AT_MK_COUNT || k == AT_MK_QUANTITY || k == AT_MK_FRACTION;
}

/* Is token i a verb that ends a subject?  Listed verbs, or "-ed" after a noun */
static bool
is_verb(const char *s, const Tok *t, size_t i, size_t first)
{
	const Tok  *w = &t[i];

	if (w->kind != 'w')
		return false;
	/* "the installed capacity", "the estimated cost": a participle or a property after a determiner */
	if (i > first && (tok_in(s, &t[i - 1], determiners, AT_LENGTHOF(determiners)) || t[i - 1].poss) &&
		((w->len > 4 && s[w->start + w->len - 1] == 'd' && s[w->start + w->len - 2] == 'e') ||
		 tok_in(s, w, property_heads, AT_LENGTHOF(property_heads))))
		return false;
	/* "cumulative installed capacity", "Newly installed offshore wind capacity": a modifier */
	if (w->len > 4 && s[w->start + w->len - 1] == 'd' && s[w->start + w->len - 2] == 'e' &&
		t[i + 1].kind == 'w' && !capital(s, &t[i + 1]) &&
		tok_in(s, w, ed_adjectives, AT_LENGTHOF(ed_adjectives)) &&
		!tok_in(s, &t[i + 1], np_stops, AT_LENGTHOF(np_stops)))
		return false;
	if (tok_in(s, w, verbs, AT_LENGTHOF(verbs)))
		return true;
	/* "traded", "expanded": not the first word ("Completed ships"), not after "the" */
	return i > first && w->len > 4 && s[w->start + w->len - 1] == 'd' &&
		s[w->start + w->len - 2] == 'e' && t[i - 1].kind == 'w' &&
		!tok_in(s, &t[i - 1], np_stops, AT_LENGTHOF(np_stops)) &&
		!(s[w->start] >= 'A' && s[w->start] <= 'Z') &&
		!tok_in(s, w, ed_adjectives, AT_LENGTHOF(ed_adjectives));	/* "above designated size" */
}

/* Qualifiers between a verb and its figure: "employs about 20,000", "runs more than 700" */
static const char *const fig_qualifiers[] = {
	"about", "more", "than", "nearly", "over", "around", "some", "almost", "roughly",
	"approximately", "least", "a", "an", "the", "combined", "total", "with",
};

/*
 * Every word of the TokList lists, with the lists that hold it (a bit per
 * TokList): tok_in()'s one look-up per token.  Open addressing by a hash of
 * the A-Z-folded bytes; a word matches as at_word_in() matches it (its
 * bytes A-Z folded equal an entry's), so an entry with a capital or a blank
 * matches no token, there as here.  Built on first use, read-only after.
 */
#define TW_SLOTS 2048			/* a power of two, over twice the lists' words */

typedef struct TokWord
{
	const char *w;				/* NULL: a free slot */
	size_t		len;
	uint64_t	lists;
} TokWord;

static TokWord tw_slots[TW_SLOTS];
static bool tw_built;

#define TL_LIST(x) {x, AT_LENGTHOF(x), TL_##x}

static const struct
{
	const char *const *list;
	size_t		n;
	TokList		id;
}			tok_lists[] = {
	TL_LIST(agent_heads), TL_LIST(auxiliaries), TL_LIST(base_words), TL_LIST(change_nouns),
	TL_LIST(change_verbs), TL_LIST(clause_conjunctions), TL_LIST(determiners),
	TL_LIST(earning_verbs), TL_LIST(ed_adjectives), TL_LIST(fig_qualifiers),
	TL_LIST(firm_speakers), TL_LIST(flow_verbs), TL_LIST(forecast_verbs), TL_LIST(holder_preps),
	TL_LIST(intro_words), TL_LIST(measure_drop), TL_LIST(measure_subject_verbs),
	TL_LIST(no_holder_openers), TL_LIST(no_subject_openers), TL_LIST(np_stops),
	TL_LIST(origin_verbs), TL_LIST(part_verbs), TL_LIST(partner_heads), TL_LIST(people_heads),
	TL_LIST(place_heads), TL_LIST(place_preps), TL_LIST(prep_adjectives), TL_LIST(pronouns),
	TL_LIST(property_heads), TL_LIST(raise_verbs), TL_LIST(share_verbs), TL_LIST(source_heads),
	TL_LIST(source_verbs), TL_LIST(speaker_verbs), TL_LIST(trailing_adverbs), TL_LIST(verbs),
};

_Static_assert(AT_LENGTHOF(tok_lists) == TL_COUNT, "tok_lists: one entry per TokList");

/* FNV-1a of w[0, len), A-Z folded */
static inline uint32_t
tw_hash(const char *w, size_t len)
{
	uint32_t	h = UINT32_C(2166136261);

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) w[i];

		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		h = (h ^ c) * UINT32_C(16777619);
	}
	return h;
}

/* Do w[0, len) (A-Z folded) and the entry e[0, len) match? */
static inline bool
tw_eq(const char *w, const char *e, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		char		c = w[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c | 0x20);
		if (c != e[i])
			return false;
	}
	return true;
}

static AT_NOINLINE void
tok_lists_build(void)
{
	for (size_t l = 0; l < AT_LENGTHOF(tok_lists); l++)
		for (size_t i = 0; i < tok_lists[l].n; i++)
		{
			const char *w = tok_lists[l].list[i];
			size_t		len = strlen(w),
						h = tw_hash(w, len) & (TW_SLOTS - 1);

			/* an entry is kept as written: one with a capital never equals a folded word */
			while (tw_slots[h].w != NULL &&
				   !(tw_slots[h].len == len && memcmp(tw_slots[h].w, w, len) == 0))
				h = (h + 1) & (TW_SLOTS - 1);
			tw_slots[h].w = w;
			tw_slots[h].len = len;
			tw_slots[h].lists |= UINT64_C(1) << tok_lists[l].id;
		}
	tw_built = true;
}

/* The TokList lists that hold the word w[0, len), a bit per list */
static uint64_t
tok_lists_of(const char *w, size_t len)
{
	size_t		h;

	if (!tw_built)
		tok_lists_build();
	if (len == 0)
		return 0;
	h = tw_hash(w, len) & (TW_SLOTS - 1);
	for (; tw_slots[h].w != NULL; h = (h + 1) & (TW_SLOTS - 1))
		if (tw_slots[h].len == len && tw_eq(w, tw_slots[h].w, len))
			return tw_slots[h].lists;
	return 0;
}

/*
 * An unlisted verb of a figure: a lower-case "-s" or "-ed" word directly
 * before the figure, or before a few qualifiers and the figure ("The city
 * now runs 729 institutions", "Yunnan produces about 98 percent"); a noun
 * is seldom followed by a number in news English.
 */
static bool
verb_of_figure(const char *s, const Tok *t, size_t i, size_t b)
{
	const Tok  *w = &t[i];
	const char *e = s + w->start + w->len;
	size_t		k;

	if (w->kind != 'w' || w->len < 4 || capital(s, w) || w->poss ||
		!((e[-1] == 's' && e[-2] != 's' && e[-2] != 'u' && e[-2] != 'i') || (e[-1] == 'd' && e[-2] == 'e')))
		return false;
	/* the word lists last: most words are followed by no figure */
	for (k = i + 1; k < b && k < i + 4 && t[k].fig < 0 && t[k].kind == 'w' &&
		 tok_in(s, &t[k], fig_qualifiers, AT_LENGTHOF(fig_qualifiers)); k++)
		;
	return k < b && t[k].fig >= 0 && !tok_in(s, w, np_stops, AT_LENGTHOF(np_stops)) &&
		!tok_in(s, w, property_heads, AT_LENGTHOF(property_heads));
}

/* "136th", "16th": an ordinal inside a name ("the 136th China Import and Export Fair") */
static bool
ordinal(const char *s, const Tok *t)
{
	const char *e = s + t->start + t->len;

	return t->kind == 'd' && t->len >= 3 &&
		((e[-2] == 't' && e[-1] == 'h') || (e[-2] == 's' && e[-1] == 't') ||
		 (e[-2] == 'n' && e[-1] == 'd') || (e[-2] == 'r' && e[-1] == 'd'));
}

/*
 * A participle that modifies the noun before it, not the verb of the
 * clause: "homes sold declined", "ships powered by alternative fuels made up"
 */
static bool
participle(const char *s, const Tok *t, size_t i, size_t b)
{
	const Tok  *w = &t[i];
	const char *e = s + w->start + w->len;

	if (i == 0 || t[i - 1].kind != 'w' || i + 1 >= b || tok_in(s, &t[i - 1], np_stops, AT_LENGTHOF(np_stops)))
		return false;
	if (!((w->len > 4 && e[-2] == 'e' && e[-1] == 'd') || tok_is(s, w, "sold") || tok_is(s, w, "built") ||
		  tok_is(s, w, "made") || tok_is(s, w, "held") || tok_is(s, w, "paid") || tok_is(s, w, "sent")))
		return false;
	/* "powered by alternative fuels": by and no figure */
	if (tok_is(s, &t[i + 1], "by"))
		return i + 2 < b && t[i + 2].kind == 'w' && t[i + 2].fig < 0 &&
			!tok_in(s, &t[i + 2], fig_qualifiers, AT_LENGTHOF(fig_qualifiers));
	/* "homes sold declined": a verb of the figure right after */
	return t[i + 1].kind == 'w' && !tok_is(s, &t[i + 1], "by") && tok_in(s, &t[i + 1], verbs, AT_LENGTHOF(verbs)) &&
		!tok_in(s, &t[i + 1], auxiliaries, AT_LENGTHOF(auxiliaries));
}

/* The byte span of tokens [a, b) */
static Span
span_of(const Tok *t, size_t a, size_t b)
{
	Span		sp = {0, 0};

	if (b > a)
	{
		sp.start = t[a].start;
		sp.len = t[b - 1].start + t[b - 1].len - t[a].start;
	}
	return sp;
}

/* A measure span of tokens [a, b) with "total" and the like dropped */
static Span
measure_span(const char *s, const Tok *t, size_t a, size_t b)
{
	while (a + 1 < b && tok_in(s, &t[a], measure_drop, AT_LENGTHOF(measure_drop)))
		a++;
	/* "consumer price index (CPI)": the name, without its abbreviation */
	if (b >= a + 4 && tok_punct(s, &t[b - 1], ')') && tok_punct(s, &t[b - 3], '('))
		b -= 3;
	return span_of(t, a, b);
}

/* An acronym that is a common noun of measures: "R&D", "GDP", "EV" (two capitals or "&") */
static bool
acronym(const char *s, const Tok *t)
{
	return t->kind == 'w' && t->len >= 2 && t->len <= 4 && s[t->start] >= 'A' && s[t->start] <= 'Z' &&
		((s[t->start + 1] >= 'A' && s[t->start + 1] <= 'Z') || s[t->start + 1] == '&');
}

/* A capitalised word: a name */
static bool
capital(const char *s, const Tok *t)
{
	return t->kind == 'w' && s[t->start] >= 'A' && s[t->start] <= 'Z';
}

/* A possessive word: "China's", "company's", "Starbucks'": its length without the "'s", or 0 */
static size_t
possessive(const char *s, const Tok *t)
{
	(void) s;
	return t->poss;
}

/* Clause facts: its subject's measure and holder */
typedef struct Clause
{
	Span		measure;
	Span		holder;
	bool		inherit_holder; /* "its net profit": the holder of the clause before */
	bool		elided_measure; /* "BYD's reached": the measure of the clause before */
} Clause;

/* "spending by local companies", "inbound trips by foreign nationals": the agent after "by" holds the figure */
static bool
agent_by(const char *s, const Tok *t, size_t a, size_t b, Clause *cl)
{
	AtPeriodSpan ps;
	static const AtDay any_day = {2000, 6, 15};	/* to tell a period, not to resolve it */

	for (size_t i = a + 1; i + 1 < b; i++)
		if (tok_is(s, &t[i], "by") && t[i + 1].kind == 'w' && t[i + 1].fig < 0 &&
			!at_period_span_at(s, t[a].start, t[b - 1].start + t[b - 1].len, t[i].start, &any_day, &ps))
		{
			cl->measure = measure_span(s, t, a, i);
			cl->holder = span_of(t, i + 1, b);
			return true;
		}
	return false;
}

/*
 * "use of foreign direct investment in the Chinese mainland", "Hotel
 * bookings for July on travel platform Tongcheng": a later "in"/"on"/"at"
 * and a place or name in [from, b) holds the figure of the measure [a, ...)
 */
static bool
later_place(const char *s, const Tok *t, size_t a, size_t from, size_t b, Clause *cl)
{
	for (size_t i = from; i + 1 < b; i++)
		if ((tok_is(s, &t[i], "in") || tok_is(s, &t[i], "on") || tok_is(s, &t[i], "at")) &&
			(capital(s, &t[i + 1]) || (tok_is(s, &t[i + 1], "the") && i + 2 < b && capital(s, &t[i + 2])) ||
			 /* "Investment in fixed assets in the western region" */
			 (tok_is(s, &t[i + 1], "the") && b <= i + 5 && tok_in(s, &t[b - 1], place_heads, AT_LENGTHOF(place_heads))) ||
			 (i + 3 < b && capital(s, &t[i + 3]) && t[i + 1].kind == 'w' && t[i + 2].kind == 'w' &&
			  i + 4 == b)))
		{
			cl->holder = span_of(t, i + 1, b);
			cl->measure = measure_span(s, t, a, i);
			return true;
		}
	return false;
}

/*
 * Split a property subject [a, b) into measure and holder: "China's retail
 * sales", "revenue of the park's companies", "futures on the Dalian
 * Commodity Exchange", "Investment in China's property development".
 */
static void
property_subject(const char *s, const Tok *t, size_t a, size_t b, size_t prep, Clause *cl)
{
	size_t		pl,
				full = b;
	bool		when = false;	/* a time after the measure: "revenue during the holiday" */
	AtPeriodSpan ps;
	static const AtDay any_day = {2000, 6, 15};	/* to tell a period, not to resolve it */
	size_t		q;

	/* "investment in actual use in the province": the qualifier is part of the measure */
	if (prep < b && (q = phrase_at(s, t, prep, b, measure_qualifiers, AT_LENGTHOF(measure_qualifiers))) > 0)
	{
		q += prep;
		property_subject(s, t, a, b, q < b && tok_in(s, &t[q], holder_preps, AT_LENGTHOF(holder_preps)) ? q : b, cl);
		return;
	}
	/* "revenue in China", "volume in December", "spending over the past decade": a place, name or time is no part of the measure */
	if (prep + 1 < b && (capital(s, &t[prep + 1]) ||
						 (when = tok_is(s, &t[prep], "over") || tok_is(s, &t[prep], "during") ||
						  at_period_span_at(s, t[a].start, t[b - 1].start + t[b - 1].len, t[prep].start, &any_day, &ps))))
		b = prep;
	/* "the number of breeding sows" measures breeding sows */
	if (agent_by(s, t, prep + 1 < b && tok_is(s, &t[prep - 1], "number") && tok_is(s, &t[prep], "of") ? prep + 1 : a,
				 full, cl))
		return;
	/* "The ratio of R&D expenditure to GDP": one measure, no holder */
	if (prep + 1 < full && tok_is(s, &t[prep], "of") &&
		(tok_is(s, &t[prep - 1], "ratio") || tok_is(s, &t[prep - 1], "proportion")))
	{
		cl->measure = measure_span(s, t, a, full);
		return;
	}
	if (prep + 1 < b && tok_is(s, &t[prep - 1], "number") && tok_is(s, &t[prep], "of"))
		a = prep + 1;
	cl->measure = measure_span(s, t, a, b);
	if (tok_in(s, &t[a], pronouns, AT_LENGTHOF(pronouns)))
		cl->inherit_holder = true;
	/* a possessor before the head: the last "'s" before the preposition */
	for (size_t i = prep; i-- > a;)
		if ((pl = possessive(s, &t[i])) > 0)
		{
			cl->holder.start = t[a].start;
			cl->holder.len = t[i].start + pl - t[a].start;
			if (i + 1 < b && tok_punct(s, &t[i + 1], '\''))
				i++;			/* "Starbucks' revenue" */
			cl->measure = measure_span(s, t, i + 1, b);
			return;
		}
	b = full;
	if (prep + 1 >= b || !(tok_is(s, &t[prep], "of") || tok_is(s, &t[prep], "in") ||
						   tok_is(s, &t[prep], "on") || tok_is(s, &t[prep], "at") ||
						   tok_is(s, &t[prep], "across")))
	{
		/* "Trade with Belt and Road countries", "Shipments to the United States" */
		if (prep + 1 < full && !cl->holder.len && !when)
			cl->measure = measure_span(s, t, a, full);
		if (prep + 1 < full && capital(s, &t[prep + 1]) && !tok_is(s, &t[prep], "with") &&
			!tok_is(s, &t[prep], "to") && !tok_is(s, &t[prep], "via"))
		{
			cl->measure = measure_span(s, t, a, prep);
			/* "Investment from Singapore": the source holds it ("imports from Japan" are another's) */
			if (tok_is(s, &t[prep], "from") && !cl->holder.len &&
				!tok_in(s, &t[prep - 1], partner_heads, AT_LENGTHOF(partner_heads)))
				cl->holder = span_of(t, prep + 1, full);
		}
		if (!cl->holder.len)
			later_place(s, t, a, prep + 1, full, cl);
		return;
	}
	/* "of the city", "of Guangdong", "on the Dalian Commodity Exchange" */
	{
		size_t		z = prep + 1;
		bool		det = tok_is(s, &t[z], "the") || tok_is(s, &t[z], "its");
		bool		name = false;
		AtPeriodSpan ps;
		static const AtDay any_day = {2000, 6, 15};	/* to tell a period, not to resolve it */

		/* "Investment in the semiconductor industry in Jiangsu": the place, not the recipient */
		if (tok_is(s, &t[prep], "in") && later_place(s, t, a, z + 1, b, cl))
			return;
		for (size_t i = z; i < b; i++)
			if ((pl = possessive(s, &t[i])) > 0 && i + 1 < b && !capital(s, &t[i + 1]))
			{
				/* "Investment in China's property development": China's */
				if (!det && tok_is(s, &t[prep], "in"))
				{
					cl->holder.start = t[z].start;
					cl->holder.len = t[i].start + pl - t[z].start;
					return;
				}
				break;
			}
		/* "of south China's Hainan Province": a name inside */
		for (size_t i = z; i + 1 < b && !name; i++)
			name = t[i].poss > 0 && capital(s, &t[i + 1]);
		/* "Output in the first seven months": a period, no holder */
		if (at_period_span_at(s, t[a].start, t[b - 1].start + t[b - 1].len, t[prep].start, &any_day, &ps) ||
			at_period_span_at(s, t[a].start, t[b - 1].start + t[b - 1].len, t[z].start, &any_day, &ps))
		{
			cl->measure = measure_span(s, t, a, prep);
			return;
		}
		/* "rate on its Asia-Europe routes": the holder is whoever "its" is */
		if (tok_is(s, &t[z], "its") || tok_is(s, &t[z], "their"))
		{
			cl->measure = measure_span(s, t, a, prep);
			cl->inherit_holder = true;
			return;
		}
		/* "sown area of grain in the country": the place after the thing measured */
		if (!det && !capital(s, &t[z]) && tok_is(s, &t[prep], "of"))
		{
			for (size_t i = z + 1; i + 1 < b; i++)
			{
				if (!(tok_is(s, &t[i], "in") || tok_is(s, &t[i], "on") || tok_is(s, &t[i], "at")))
					continue;
				/* "income of rural residents in China": the residents hold it, where they are */
				if (tok_in(s, &t[i - 1], place_heads, AT_LENGTHOF(place_heads)) ||
					tok_in(s, &t[i - 1], agent_heads, AT_LENGTHOF(agent_heads)))
				{
					cl->holder = span_of(t, z, b);
					cl->measure = measure_span(s, t, a, prep);
					return;
				}
				if (tok_is(s, &t[i + 1], "the") || capital(s, &t[i + 1]) ||
					tok_in(s, &t[b - 1], place_heads, AT_LENGTHOF(place_heads)) ||
					(i + 2 < b && capital(s, &t[i + 2]) && t[i + 2].poss))	/* "in southwest China's Chongqing" */
				{
					cl->holder = span_of(t, i + 1, b);
					cl->measure = measure_span(s, t, a, i);
					return;
				}
			}
		}
		if (det || capital(s, &t[z]) || name ||
			((tok_is(s, &t[prep], "in") || tok_is(s, &t[prep], "of")) &&
			 tok_in(s, &t[b - 1], place_heads, AT_LENGTHOF(place_heads))) ||
			(tok_is(s, &t[prep], "of") && a <= prep &&
			 tok_in(s, &t[b - 1], agent_heads, AT_LENGTHOF(agent_heads))))
		{
			cl->holder = span_of(t, z, b);
			cl->measure = measure_span(s, t, a, prep);
			return;
		}
	}
	later_place(s, t, a, prep + 1, b, cl);
}

static void read_subject(const char *s, const Tok *t, size_t a, size_t b, Clause *cl);

/*
 * "Huawei said its net profit rose 9 percent", "Mayor Tom Ridley said the
 * cooperative will pay ...": the subject of the reported clause; a
 * possessive pronoun in it ("its") points back to the speaker.
 */
static bool
reported_clause(const char *s, const Tok *t, size_t a, size_t e, size_t verb, size_t b, Clause *cl)
{
	Clause		inner;
	size_t		i = verb + 1;

	/* "said on Tuesday that": over a day and "that" */
	for (size_t k = i; k < b && k < i + 5; k++)
		if (tok_is(s, &t[k], "that"))
		{
			i = k + 1;
			break;
		}
	if (i >= b || t[i].fig >= 0)
		return false;
	read_subject(s, t, i, b, &inner);
	if (inner.measure.len == 0 && inner.holder.len == 0 && !inner.inherit_holder)
		return false;
	if (inner.inherit_holder && inner.holder.len == 0)
		inner.holder = span_of(t, a, e);
	inner.inherit_holder = false;
	*cl = inner;
	return true;
}

/*
 * "Domestic films took 83.8 percent of the total": a share of the total
 * taken by a thing, not by an agent (a name, a firm, a place); a named
 * whole ("17 percent of the Chinese market") is the measure instead
 */
static bool
share_of_thing(const char *s, const Tok *t, size_t a, size_t e, size_t verb, size_t b)
{
	const Tok  *h = &t[e - 1];
	size_t		i = verb + 1;

	if (capital(s, &t[a]) && !(e > a + 1 && !capital(s, h)))
		return false;
	if (tok_in(s, h, place_heads, AT_LENGTHOF(place_heads)) || tok_in(s, h, agent_heads, AT_LENGTHOF(agent_heads)) ||
		tok_in(s, h, firm_speakers, AT_LENGTHOF(firm_speakers)) || tok_in(s, h, pronouns, AT_LENGTHOF(pronouns)))
		return false;
	while (i < b && i < verb + 4 && t[i].fig < 0 && tok_in(s, &t[i], fig_qualifiers, AT_LENGTHOF(fig_qualifiers)))
		i++;
	if (i >= b || t[i].fig < 0)
		return false;
	for (int f = t[i].fig; i < b && t[i].fig == f; i++)
		;
	/* of the total only: "took more than half of the box office" measures the box office */
	if (i + 1 >= b || !tok_is(s, &t[i], "of"))
		return false;
	i++;
	if (tok_is(s, &t[i], "the") || tok_is(s, &t[i], "its") || tok_is(s, &t[i], "their"))
		i++;
	return i < b && tok_is(s, &t[i], "total");
}

/* "expect exports to fall": a noun phrase and "to" after a source verb */
static bool
source_with_subject(const char *s, const Tok *t, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < a + 5; i++)
	{
		if (t[i].kind != 'w' || t[i].fig >= 0)
			return false;
		if (tok_is(s, &t[i], "to") && i > a)
			return true;
	}
	return false;
}

/* The subject of the clause of tokens [a, b): fills cl */
static void
read_subject(const char *s, const Tok *t, size_t a, size_t b, Clause *cl)
{
	size_t		e = a,
				prep = SIZE_MAX,
				verb = SIZE_MAX,
				head;

	memset(cl, 0, sizeof(*cl));
	/* quoted speech ("Customers choose rail because ...") has no subject of figures */
	if (a >= b || t[a].fig >= 0 || t[a].kind == 'd' || tok_punct(s, &t[a], '"') ||
		(t[a].kind == 'p' && (unsigned char) s[t[a].start] == 0xE2) ||
		tok_in(s, &t[a], no_subject_openers, AT_LENGTHOF(no_subject_openers)))
		return;
	while (e < b && e < a + 14 &&
		   ((t[e].fig < 0 && (t[e].kind != 'd' || (e > a && ordinal(s, &t[e])))) ||
	/* "The average price of new homes in 70 major cities fell": a count with its noun after a preposition */
			(t[e].count && e >= a + 2 &&
			 (t[e - 1].fig == t[e].fig || tok_in(s, &t[e - 1], place_preps, AT_LENGTHOF(place_preps)) ||
			  (e >= a + 3 && tok_is(s, &t[e - 1], "the") && tok_in(s, &t[e - 2], place_preps, AT_LENGTHOF(place_preps)))))) &&
		   (!is_verb(s, t, e, a) || participle(s, t, e, b)) &&
		   !(e > a && verb_of_figure(s, t, e, b)) &&
		   !tok_punct(s, &t[e], ',') && !(tok_punct(s, &t[e], '(') && !(e + 2 < b && tok_punct(s, &t[e + 2], ')'))))
	{
		if (prep == SIZE_MAX && e > a &&
			(tok_is(s, &t[e], "of") || tok_is(s, &t[e], "in") || tok_is(s, &t[e], "on") ||
			 tok_is(s, &t[e], "at") || tok_is(s, &t[e], "by") || tok_is(s, &t[e], "for") ||
			 tok_is(s, &t[e], "from") || tok_is(s, &t[e], "with") || tok_is(s, &t[e], "to") ||
			 tok_is(s, &t[e], "via") || tok_is(s, &t[e], "over") || tok_is(s, &t[e], "during") ||
			 tok_is(s, &t[e], "across") ||
			 (tok_is(s, &t[e], "per") && e + 1 < b && !tok_is(s, &t[e + 1], "capita"))))
			prep = e;
		/* "gross domestic product (GDP)": over a bracketed abbreviation */
		if (tok_punct(s, &t[e], '(') && e + 2 < b && tok_punct(s, &t[e + 2], ')') && e > a)
		{
			e += 3;
			continue;
		}
		e++;
	}
	/*
	 * "Zhejiang, Guangdong and Jiangsu were", "Sales of jewellery, watches and
	 * valuable gifts plunged": a list (of names, or after a preposition) is one subject
	 */
	if (e > a && e + 2 < b && tok_punct(s, &t[e], ',') && (capital(s, &t[e - 1]) || prep != SIZE_MAX))
	{
		bool		names = prep == SIZE_MAX;
		size_t		k = a,
					n_and = 0;

		while (names && k < e && capital(s, &t[k]))
			k++;
		k = names ? k : e;
		while (k < b && k < a + 14 && (tok_punct(s, &t[k], ',') || tok_is(s, &t[k], "and")) && k + 2 < b)
		{
			size_t		item;

			if (tok_punct(s, &t[k], ',') && tok_is(s, &t[k + 1], "and"))
				k++;			/* ", and" */
			n_and += tok_is(s, &t[k], "and");
			item = ++k;
			while (k < b && k < item + 4 && t[k].kind == 'w' && t[k].fig < 0 && (!names || capital(s, &t[k])) &&
				   !tok_is(s, &t[k], "and") && !is_verb(s, t, k, a))
				k++;
			if (k == item)
				break;
		}
		if (n_and > 0 && k < b && is_verb(s, t, k, a) && !capital(s, &t[k]))
			e = k;
	}
	/* "Muyuan Foods, the country's largest hog producer, sold ...": over the apposition */
	if (e > a && e < b && tok_punct(s, &t[e], ','))
	{
		size_t		c2 = e + 1,
					v;

		/* figures inside only in a "with"/"which" apposition: "The wind farm, with 48 turbines, has" */
		while (c2 < b && c2 < e + 12 && !tok_punct(s, &t[c2], ',') &&
			   (t[c2].fig < 0 || tok_is(s, &t[e + 1], "with") || tok_is(s, &t[e + 1], "which")))
			c2++;
		v = c2 + 1;

		/* "The plant, which opened in 2019, now employs about 20,000 workers" */
		if (v + 1 < b && tok_in(s, &t[v], trailing_adverbs, AT_LENGTHOF(trailing_adverbs)))
			v++;
		if (v < b && tok_punct(s, &t[c2], ',') && (is_verb(s, t, v, a) || verb_of_figure(s, t, v, b)))
			verb = v;
	}
	if (verb == SIZE_MAX && (e == a || e >= b || !(is_verb(s, t, e, a) || verb_of_figure(s, t, e, b))))
		return;
	if (verb == SIZE_MAX)
		verb = e;
	/* "Per capita consumption expenditure nationwide rose": the adverb is no head */
	while (e > a + 1 && (prep == SIZE_MAX || prep >= e - 1) && t[e - 1].kind == 'w' &&
		   tok_in(s, &t[e - 1], trailing_adverbs, AT_LENGTHOF(trailing_adverbs)))
		e--;
	/* "The box office so far this year has": a period (and "so far") that ends the subject is no part of it */
	for (size_t k = a + 1; k < e; k++)
	{
		AtPeriodSpan ps;
		static const AtDay any_day = {2000, 6, 15};
		size_t		end = t[e - 1].start + t[e - 1].len;

		if (t[k].kind == 'w' && at_period_span_at(s, t[a].start, end, t[k].start, &any_day, &ps) == end - t[k].start)
		{
			e = k;
			if (e >= a + 3 && tok_is(s, &t[e - 2], "so") && tok_is(s, &t[e - 1], "far"))
				e -= 2;
			break;
		}
	}
	if (prep == SIZE_MAX || prep >= e)
		prep = e;
	head = prep - 1;
	if (head >= a + 3 && tok_punct(s, &t[head], ')'))
		head -= 3;
	/* "net profit attributable to shareholders": the head is before the adjective */
	if (head > a && tok_in(s, &t[head], prep_adjectives, AT_LENGTHOF(prep_adjectives)))
		head--;
	if (e == a + 1 && tok_in(s, &t[a], pronouns, AT_LENGTHOF(pronouns)))
	{
		cl->inherit_holder = true;
		return;
	}
	/* "while BYD's reached 24.1 percent": the possessor, and the measure before */
	if (e == a + 1 && t[a].poss > 0)
	{
		cl->holder = (Span) {t[a].start, t[a].poss};
		cl->elided_measure = true;
		return;
	}
	/* a capitalised head is a name ("China Development Bank Capital"), unless an acronym ("GDP") */
	if (tok_in(s, &t[head], property_heads, AT_LENGTHOF(property_heads)) &&
		(!capital(s, &t[head]) || (t[head].len > 1 && s[t[head].start + 1] >= 'A' && s[t[head].start + 1] <= 'Z') ||
		 head == a))
		property_subject(s, t, a, e, prep, cl);
	/* "Parcels in the country's central and western regions grew": things counted in places */
	else if (prep < e && tok_is(s, &t[prep], "in") && (!capital(s, &t[a]) || head == a) &&
			 tok_in(s, &t[verb], change_verbs, AT_LENGTHOF(change_verbs)) &&
			 tok_in(s, &t[e - 1], place_heads, AT_LENGTHOF(place_heads)) &&
			 s[t[head].start + t[head].len - 1] == 's' && !tok_in(s, &t[head], place_heads, AT_LENGTHOF(place_heads)) &&
			 !tok_in(s, &t[head], agent_heads, AT_LENGTHOF(agent_heads)))
	{
		cl->measure = measure_span(s, t, a, prep);
		cl->holder = span_of(t, prep + 1, e);
	}
	else if (tok_in(s, &t[verb], measure_subject_verbs, AT_LENGTHOF(measure_subject_verbs)) &&
			 (verb + 1 < b && (tok_is(s, &t[verb + 1], "for") || tok_is(s, &t[verb + 1], "at") ||
							   tok_is(s, &t[verb + 1], "up") || tok_is(s, &t[verb], "cost") ||
							   tok_is(s, &t[verb], "costs") || tok_is(s, &t[verb], "represented") ||
							   tok_is(s, &t[verb], "represents") || tok_is(s, &t[verb], "comprised") ||
							   tok_is(s, &t[verb], "numbered") || tok_is(s, &t[verb], "number") ||
							   tok_is(s, &t[verb], "numbers") ||
							   (tok_in(s, &t[verb], share_verbs, AT_LENGTHOF(share_verbs)) &&
								share_of_thing(s, t, a, e, verb, b)))))
	{
		/* "New energy vehicles accounted for a quarter" ("The figure accounted for" names none) */
		/* "Rural areas accounted for 23 billion of the parcels": places and their people hold their share */
		if (tok_in(s, &t[verb], part_verbs, AT_LENGTHOF(part_verbs)) && !capital(s, &t[head]) &&
			tok_in(s, &t[head], place_heads, AT_LENGTHOF(place_heads)) &&
			!tok_in(s, &t[head], people_heads, AT_LENGTHOF(people_heads)))
			cl->holder = span_of(t, a, e);
		/* "Benchmark copper on the Shanghai Futures Exchange traded at": the exchange holds it */
		else if (!tok_in(s, &t[e - 1], source_heads, AT_LENGTHOF(source_heads)) &&
			!(prep + 1 < e && !tok_is(s, &t[prep], "from") && later_place(s, t, a, prep, e, cl)))
			cl->measure = measure_span(s, t, a, e);
		/* "Buyers from Belt and Road countries accounted for": the source holds it */
		if (prep + 1 < e && tok_is(s, &t[prep], "from") && capital(s, &t[prep + 1]) &&
			!tok_in(s, &t[prep - 1], partner_heads, AT_LENGTHOF(partner_heads)))
			cl->holder = span_of(t, prep + 1, e);
	}
	else if (tok_in(s, &t[verb], source_verbs, AT_LENGTHOF(source_verbs)) && verb + 2 < b &&
			 source_with_subject(s, t, verb + 1, b))
	{
		/* "Analysts expect exports to fall": exports are the measure and hold no holder */
		size_t		to = verb + 1;

		while (!tok_is(s, &t[to], "to"))
			to++;
		if (tok_in(s, &t[to - 1], property_heads, AT_LENGTHOF(property_heads)))
			cl->measure = measure_span(s, t, verb + 1, to);
		/* "The company expects its revenue to exceed": its own figure */
		if (tok_is(s, &t[verb + 1], "its") || tok_is(s, &t[verb + 1], "their"))
			cl->holder = span_of(t, a, e);
		/* "The bureau expects the sector to handle": the sector's */
		else if (!cl->measure.len && !capital(s, &t[to - 1]))
			cl->holder = span_of(t, verb + 1, to);
		return;
	}
	else if (tok_in(s, &t[verb], source_verbs, AT_LENGTHOF(source_verbs)) && verb + 2 < b &&
			 reported_clause(s, t, a, e, verb, b, cl))
		return;					/* "Huawei said its net profit rose": the reported clause */
	else
	{
		/* "The top two films each grossed": the floating quantifier is no part */
		/* "The Home Office today", "the camp successfully": adverbs are no part of the holder */
		while (e > a + 1 && (tok_in(s, &t[e - 1], trailing_adverbs, AT_LENGTHOF(trailing_adverbs)) ||
							 (t[e - 1].kind == 'w' && t[e - 1].len > 4 && !capital(s, &t[e - 1]) &&
							  s[t[e - 1].start + t[e - 1].len - 1] == 'y' &&
							  s[t[e - 1].start + t[e - 1].len - 2] == 'l')))
			e--;
		if (e == a + 1 && tok_in(s, &t[a], np_stops, AT_LENGTHOF(np_stops)))
			return;				/* "A total of ...": no subject */
		if (tok_in(s, &t[a], no_holder_openers, AT_LENGTHOF(no_holder_openers)))
			return;
		/* "its energy storage business grew": a part of the holder before */
		if (e > a + 1 && (tok_is(s, &t[a], "its") || tok_is(s, &t[a], "their")))
		{
			cl->inherit_holder = true;
			cl->measure = measure_span(s, t, a, e);
			return;
		}
		/* "The report also listed ...": a source holds nothing */
		if (tok_in(s, &t[e - 1], source_heads, AT_LENGTHOF(source_heads)))
			return;
		/* "The board expects 46 million arrivals": an institution's forecast is of others' figures */
		if (tok_in(s, &t[verb], forecast_verbs, AT_LENGTHOF(forecast_verbs)) && verb + 1 < b &&
			!tok_is(s, &t[verb + 1], "to") && !tok_is(s, &t[verb + 1], "its") && !tok_is(s, &t[verb + 1], "their") &&
			!capital(s, &t[e - 1]) && !tok_in(s, &t[e - 1], firm_speakers, AT_LENGTHOF(firm_speakers)))
			return;
		/* "European buyers rose 16.4 percent": a number of things that changes is the measure */
		if (verb + 1 < b && t[verb + 1].fig >= 0 && tok_in(s, &t[verb], change_verbs, AT_LENGTHOF(change_verbs)) &&
			!capital(s, &t[e - 1]) && s[t[e - 1].start + t[e - 1].len - 1] == 's' &&
			!tok_in(s, &t[e - 1], firm_speakers, AT_LENGTHOF(firm_speakers)) &&
			!tok_in(s, &t[e - 1], pronouns, AT_LENGTHOF(pronouns)))
		{
			cl->measure = measure_span(s, t, a, e);
			return;
		}
		/* "Hangzhou in east China's Zhejiang Province": the name, not where it lies ("Companies in the park" stay) */
		for (size_t k = a + 1; k + 1 < e && capital(s, &t[k - 1]); k++)
			if (tok_is(s, &t[k], "in") && !tok_is(s, &t[k + 1], "the") &&
				!tok_in(s, &t[k - 1], place_heads, AT_LENGTHOF(place_heads)) &&
				!tok_in(s, &t[k - 1], agent_heads, AT_LENGTHOF(agent_heads)) &&
				(capital(s, &t[k + 1]) || (k + 2 < e && capital(s, &t[k + 2]))))
			{
				e = k;
				break;
			}
		cl->holder = span_of(t, a, e);
	}
}

/*
 * Where the clause's words start: after a dateline ("BEIJING, May 1 (Xinhua) --",
 * "HANOI, Dec 6 (Reuters) -") and an opening phrase
 */
static size_t
clause_start(const char *s, const Tok *t, size_t a, size_t b)
{
	/* "; of this, trade with ASEAN accounted for": the opening phrase after the mark */
	while (a + 1 < b && (tok_punct(s, &t[a], ';') || tok_punct(s, &t[a], ',')))
		a++;
	for (size_t i = a; i < b && i < a + 25; i++)
	{
		if (t[i].fig >= 0)
			break;
		if ((t[i].kind == 'p' && (unsigned char) s[t[i].start] == 0xE2 && t[i].len == 3) ||
			(tok_punct(s, &t[i], '-') && i + 1 < b && tok_punct(s, &t[i + 1], '-')) ||
			(tok_punct(s, &t[i], '-') && i > a && tok_punct(s, &t[i - 1], ')')))
		{
			a = i + (s[t[i].start] == '-' && i + 1 < b && tok_punct(s, &t[i + 1], '-') ? 2 : 1);
			break;
		}
	}
	/* "In March alone,", "Last year,": an opening phrase without a figure of value */
	for (int round = 0; round < 2 && a < b; round++)
	{
		size_t		i;

		if (!tok_in(s, &t[a], intro_words, AT_LENGTHOF(intro_words)))
			break;
		for (i = a; i < b && i < a + 16 && !tok_punct(s, &t[i], ','); i++)
			;
		if (i >= b || i >= a + 16 || !tok_punct(s, &t[i], ','))
			break;
		a = i + 1;
	}
	return a;
}

/* "revenue of 8.7 trillion yuan", "new orders for 71.2 million tons": the noun phrase before */
static Span
measure_before(const char *s, const Tok *t, size_t first, size_t fig)
{
	size_t		i = fig,
				a;

	/* over a qualifier: "of about", "of more than" */
	while (i > first && t[i - 1].kind == 'w' && i + 3 > fig &&
		   (tok_is(s, &t[i - 1], "about") || tok_is(s, &t[i - 1], "nearly") ||
			tok_is(s, &t[i - 1], "more") || tok_is(s, &t[i - 1], "than") ||
			tok_is(s, &t[i - 1], "some") || tok_is(s, &t[i - 1], "around")))
		i--;
	if (i < first + 2 || !(tok_is(s, &t[i - 1], "of") || tok_is(s, &t[i - 1], "for") ||
						   tok_is(s, &t[i - 1], "worth") || tok_is(s, &t[i - 1], "at") ||
						   tok_is(s, &t[i - 1], "to")))
		return (Span) {0, 0};
	/* "the highest per capita income, at 45,365 yuan": over the comma */
	if (tok_is(s, &t[i - 1], "at") && tok_punct(s, &t[i - 2], ',') && i >= first + 3 && t[i - 3].kind == 'w')
	{
		a = i - 2;
		while (a > first && a + 6 > i - 2 && t[a - 1].kind == 'w' && t[a - 1].fig < 0 &&
			   (!tok_in(s, &t[a - 1], np_stops, AT_LENGTHOF(np_stops)) || tok_is(s, &t[a], "capita")) &&
			   !is_verb(s, t, a - 1, first))
			a--;
		/* "accounted for the largest share, at 47 percent": a share is of the subject */
		return a < i - 2 && tok_in(s, &t[i - 3], property_heads, AT_LENGTHOF(property_heads)) &&
			!tok_is(s, &t[i - 3], "share") ? measure_span(s, t, a, i - 2) : (Span) {0, 0};
	}
	/* "accounting for", "sold for": no noun before ("spending to 8 percent" has one) */
	if (t[i - 2].kind == 'w' && t[i - 2].len > 4 &&
		memcmp(s + t[i - 2].start + t[i - 2].len - 3, "ing", 3) == 0 &&
		!tok_in(s, &t[i - 2], property_heads, AT_LENGTHOF(property_heads)))
		return (Span) {0, 0};
	a = i - 1;
	while (a > first && a + 5 > i - 1 && t[a - 1].kind == 'w' && t[a - 1].fig < 0 &&
		   !tok_in(s, &t[a - 1], np_stops, AT_LENGTHOF(np_stops)) &&
		   !tok_in(s, &t[a - 1], raise_verbs, AT_LENGTHOF(raise_verbs)) &&
		   !tok_in(s, &t[a - 1], earning_verbs, AT_LENGTHOF(earning_verbs)) &&	/* "generating tourism revenue of" */
		   (!is_verb(s, t, a - 1, first) ||
			/* "registered capital", not "was estimated at" */
			(tok_in(s, &t[a - 1], ed_adjectives, AT_LENGTHOF(ed_adjectives)) &&
			 !(a >= 2 && tok_in(s, &t[a - 2], auxiliaries, AT_LENGTHOF(auxiliaries))))))
		a--;
	if (a == i - 1 || (a + 1 == i - 1 && tok_in(s, &t[a], change_nouns, AT_LENGTHOF(change_nouns))))
		return (Span) {0, 0};
	/* "bringing its workforce to 15,000": "to" only after a determined noun phrase or "raise X to" */
	if (tok_is(s, &t[i - 1], "to") &&
		!(a > first && (tok_is(s, &t[a - 1], "its") || tok_is(s, &t[a - 1], "their") ||
						tok_is(s, &t[a - 1], "the") ||
						tok_in(s, &t[a - 1], raise_verbs, AT_LENGTHOF(raise_verbs)))))
		return (Span) {0, 0};
	return measure_span(s, t, a, i - 1);
}

/* "147.3 billion kWh of electricity", "470 billion yuan on research and development fees" */
static Span
measure_after(const char *s, const Tok *t, size_t n, size_t after, bool in_on)
{
	size_t		i = after,
				a;

	/* over a restatement in brackets: "164.7 billion yuan ($22.8 billion) on ..." */
	if (i < n && tok_punct(s, &t[i], '('))
	{
		size_t		k = i;

		while (k < n && k < i + 8 && !tok_punct(s, &t[k], ')'))
			k++;
		if (k < n && tok_punct(s, &t[k], ')'))
			i = k + 1;
	}
	/* "28.5 billion yuan was invested in infrastructure": over the passive */
	if (in_on && i + 2 < n && (tok_is(s, &t[i], "was") || tok_is(s, &t[i], "were")) &&
		t[i + 1].len > 4 && s[t[i + 1].start + t[i + 1].len - 1] == 'd' && (tok_is(s, &t[i + 2], "in") || tok_is(s, &t[i + 2], "on")))
		i += 2;
	/* "12.3 billion yuan went into tourism projects and 8.9 billion yuan into modern services" */
	if (in_on && i + 2 < n && tok_in(s, &t[i], flow_verbs, AT_LENGTHOF(flow_verbs)) &&
		(tok_is(s, &t[i + 1], "into") || tok_is(s, &t[i + 1], "to")))
		i++;
	if (i < n && tok_is(s, &t[i], "worth"))
		i++;
	if (i + 1 >= n || !(tok_is(s, &t[i], "of") ||
						(in_on && (tok_is(s, &t[i], "on") || tok_is(s, &t[i], "in") || tok_is(s, &t[i], "into") ||
								   (tok_is(s, &t[i], "to") && tok_in(s, &t[i - 1], flow_verbs, AT_LENGTHOF(flow_verbs)))))))
		return (Span) {0, 0};
	a = ++i;
	/* "of the box office", "of the port's total" */
	if (tok_is(s, &t[a - 1], "of"))
	{
		if (i < n && (tok_is(s, &t[i], "the") || tok_is(s, &t[i], "its") || tok_is(s, &t[i], "their")))
			a = ++i;
		if (i + 1 < n && t[i].poss > 0)
			a = ++i;
	}
	while (i < n && i < a + 6 && t[i].kind == 'w' && t[i].fig < 0 && (!capital(s, &t[i]) || acronym(s, &t[i])) &&
		   (!tok_in(s, &t[i], np_stops, AT_LENGTHOF(np_stops)) ||
			(tok_is(s, &t[i], "and") && i > a && i + 1 < n && t[i + 1].kind == 'w' &&
			 !tok_in(s, &t[i + 1], np_stops, AT_LENGTHOF(np_stops)))) &&
		   !is_verb(s, t, i, a))
		i++;
	while (i > a && tok_is(s, &t[i - 1], "and"))
		i--;
	return measure_span(s, t, a, i);
}

/* "saw their combined profits grow 4.3 percent": the noun phrase before the change verb */
static Span
measure_before_change(const char *s, const Tok *t, size_t first, size_t fig)
{
	size_t		v = fig,
				a;

	while (v > first && t[v - 1].kind == 'w' && v + 3 > fig && !tok_in(s, &t[v - 1], change_verbs, AT_LENGTHOF(change_verbs)) &&
		   (tok_is(s, &t[v - 1], "by") || tok_is(s, &t[v - 1], "about") || tok_is(s, &t[v - 1], "nearly")))
		v--;
	if (v < first + 2 || !tok_in(s, &t[v - 1], change_verbs, AT_LENGTHOF(change_verbs)))
		return (Span) {0, 0};
	/* "prices to rise by 10 to 20 percent" */
	if (v >= first + 3 && tok_is(s, &t[v - 2], "to"))
		v--;
	a = v - 1;
	while (a > first && a + 6 > v - 1 && t[a - 1].kind == 'w' && t[a - 1].fig < 0 &&
		   (!tok_in(s, &t[a - 1], np_stops, AT_LENGTHOF(np_stops)) ||
			/* "output of refined copper", "imports and exports of travel services" */
			((tok_is(s, &t[a - 1], "of") || tok_is(s, &t[a - 1], "and")) && a - 1 > first &&
			 t[a - 2].kind == 'w' &&
			 !tok_in(s, &t[a - 2], np_stops, AT_LENGTHOF(np_stops)) && !capital(s, &t[a - 2]))) &&
		   !is_verb(s, t, a - 1, first) &&
		   /* "\"Sales rose 20 percent\"": a capital only as an acronym or the first word */
		   (!capital(s, &t[a - 1]) || acronym(s, &t[a - 1]) || a - 1 == first || t[a - 2].kind == 'p'))
		a--;
	if (a == v - 1)
		return (Span) {0, 0};
	return measure_span(s, t, a, v - 1);
}

/*
 * A share that opens its clause: "Half of the shoppers", "About half of
 * Luckin's stores": the noun phrase after "of" is the measure, a possessor
 * in it the holder.
 */
static bool
share_subject(const char *s, const Tok *t, size_t n, size_t after, Span *measure, Span *holder)
{
	size_t		i = after,
				a;

	if (i + 1 >= n || !tok_is(s, &t[i], "of"))
		return false;
	i++;
	if (tok_is(s, &t[i], "the") || tok_is(s, &t[i], "all") || tok_is(s, &t[i], "its") || tok_is(s, &t[i], "their"))
		i++;
	/* "Half of the 300 companies": the companies, over their count */
	while (i < n && i < after + 6 && t[i].kind == 'd')
		i++;
	if (i < n && t[i].poss > 0)
	{
		*holder = (Span) {t[i].start, t[i].poss};
		i++;
	}
	a = i;
	/* the counted noun of a count in it is part of the phrase; "fruit and vegetables" */
	while (i < n && i < a + 5 && t[i].kind == 'w' &&
		   (!tok_in(s, &t[i], np_stops, AT_LENGTHOF(np_stops)) ||
			(tok_is(s, &t[i], "and") && i > a && i + 1 < n && t[i + 1].kind == 'w' &&
			 !tok_in(s, &t[i + 1], np_stops, AT_LENGTHOF(np_stops)))) &&
		   !is_verb(s, t, i, a))
		i++;
	if (i == a)
		return false;
	*measure = span_of(t, a, i);
	return true;
}

/* "room prices averaged": a few words and a verb, so a new clause */
static bool
new_subject(const char *s, const Tok *t, size_t a, size_t n)
{
	for (size_t i = a; i < n && i < a + 7; i++)
	{
		if (t[i].kind != 'w' || t[i].fig >= 0)
			return false;
		if (i > a && is_verb(s, t, i, a))
			return true;
	}
	return false;
}

#define MAX_TOKS 400
#define MAX_CLAUSES 32

/*
 * "A total of 1,250 enterprises were set up in the province": in a clause
 * without a holder, the definite place where it happened ("in the
 * province", "in the country") is whose figure it is.  An empty span when
 * the clause names none.
 */
static Span
place_in_clause(const char *s, const Tok *t, size_t a, size_t b)
{
	for (size_t i = a; i + 1 < b; i++)
	{
		size_t		j = i + 1;

		if (!tok_is(s, &t[i], "in") && !(tok_is(s, &t[i], "on") && tok_is(s, &t[j], "the")) &&
			!(tok_is(s, &t[i], "from") && i > a && tok_in(s, &t[i - 1], origin_verbs, AT_LENGTHOF(origin_verbs))))
			continue;
		/* "were newly established in Jiangsu,": a name that ends the clause ("in R&D" is no place) */
		if (capital(s, &t[j]) && !t[j].poss && t[j].fig < 0 && !(acronym(s, &t[j]) && t[j].len > 2))
		{
			size_t		k = j;
			AtPeriodSpan ps;
			static const AtDay any_day = {2000, 6, 15};

			while (k < b && k < j + 4 && capital(s, &t[k]))
				k++;
			if ((k == b || t[k].kind == 'p' || tok_in(s, &t[k], np_stops, AT_LENGTHOF(np_stops))) &&
				!at_period_span_at(s, t[a].start, t[b - 1].start + t[b - 1].len, t[i].start, &any_day, &ps))
				return span_of(t, j, k);
			continue;
		}
		/* a definite place only: "in many countries", "in this country" are no holder */
		if (!tok_is(s, &t[j], "the"))
			continue;
		j++;
		/* "on the Chinese mainland,", "in the United States": a name, maybe with its place noun */
		if (j < b && capital(s, &t[j]) && !t[j].poss)
		{
			size_t		k = j;

			while (k < b && k < j + 4 && capital(s, &t[k]) && !t[k].poss)
				k++;
			if (k < b && tok_in(s, &t[k], place_heads, AT_LENGTHOF(place_heads)))
				k++;
			if (k == b || t[k].kind == 'p' || tok_in(s, &t[k], np_stops, AT_LENGTHOF(np_stops)))
				return span_of(t, i + 1, k);
			continue;
		}
		/* up to one modifier before the place: "in the coastal provinces" */
		for (size_t k = j; k < b && k < j + 2; k++)
		{
			if (t[k].kind != 'w' || t[k].fig >= 0 || capital(s, &t[k]))
				break;
			if (tok_in(s, &t[k], place_heads, AT_LENGTHOF(place_heads)))
				return span_of(t, i + 1, k + 1);
		}
	}
	return (Span) {0, 0};
}

/*
 * "In Heilongjiang province, online sales of rice jumped": a place that
 * opens the clause [a, body) holds its figures when the subject names none
 */
static Span
place_opening(const char *s, const Tok *t, size_t a, size_t body)
{
	AtPeriodSpan ps;
	static const AtDay any_day = {2000, 6, 15};
	size_t		k;

	while (a < body && t[a].kind == 'p')
		a++;
	/* "Of the park's 1,800 high-tech enterprises, about 70 percent are": the possessor */
	if (a + 3 < body && tok_is(s, &t[a], "of") && tok_is(s, &t[a + 1], "the") && t[a + 2].poss)
		return (Span) {t[a + 1].start, t[a + 2].start + t[a + 2].poss - t[a + 1].start};
	if (a + 2 >= body || !tok_is(s, &t[a], "in") || !capital(s, &t[a + 1]) || acronym(s, &t[a + 1]) ||
		at_period_span_at(s, t[a].start, t[body - 1].start + t[body - 1].len, t[a].start, &any_day, &ps))
		return (Span) {0, 0};
	for (k = a + 1; k < body && k < a + 5 && (capital(s, &t[k]) || tok_in(s, &t[k], place_heads, AT_LENGTHOF(place_heads))); k++)
		;
	return k < body && tok_punct(s, &t[k], ',') ? span_of(t, a + 1, k) : (Span) {0, 0};
}

/*
 * "As for private firms, their imports and exports climbed": the topic that
 * opens the clause [a, body) holds its figures; an empty span when none
 */
static Span
topic_opening(const char *s, const Tok *t, size_t a, size_t body)
{
	size_t		q,
				k;

	while (a < body && t[a].kind == 'p')
		a++;
	if ((q = phrase_at(s, t, a, body, topic_openers, AT_LENGTHOF(topic_openers))) == 0)
		return (Span) {0, 0};
	for (k = a + q; k < body && k < a + q + 6 && t[k].kind == 'w' && t[k].fig < 0; k++)
		;
	return k > a + q && k < body && tok_punct(s, &t[k], ',') ? span_of(t, a + q, k) : (Span) {0, 0};
}

/*
 * ", the company said" or ", and the company employed" after the figures
 * of the sentence: "the company", else an empty span
 */
static Span
firm_speaker(const char *s, const Tok *t, size_t from, size_t n)
{
	for (size_t i = from + 1; i + 2 < n; i++)
		if ((tok_punct(s, &t[i - 1], ',') ||
			 (i >= 2 && tok_is(s, &t[i - 1], "and") && tok_punct(s, &t[i - 2], ','))) &&
			tok_is(s, &t[i], "the") &&
			tok_in(s, &t[i + 1], firm_speakers, AT_LENGTHOF(firm_speakers)) &&
			(tok_in(s, &t[i + 2], speaker_verbs, AT_LENGTHOF(speaker_verbs)) || is_verb(s, t, i + 2, i)))
			return span_of(t, i, i + 2);
	return (Span) {0, 0};
}

/*
 * ", with investment in manufacturing rising 9.8 percent", ", with
 * county-level destinations up 90 percent": an absolute phrase after "with"
 * at token w; the index of its change word, else 0
 */
static size_t
with_absolute(const char *s, const Tok *t, size_t w, size_t n)
{
	if (!tok_is(s, &t[w], "with"))
		return 0;
	for (size_t i = w + 2; i + 1 < n && i < w + 8; i++)
	{
		const Tok  *v = &t[i];

		/* "with 50 films earning": a count may open the phrase */
		if (v->fig >= 0 && i <= w + 3)
			continue;
		if (v->kind != 'w' || v->fig >= 0)
			return 0;
		if ((tok_is(s, v, "up") || tok_is(s, v, "down") ||
			 (v->len > 4 && memcmp(s + v->start + v->len - 3, "ing", 3) == 0 &&
			  (tok_in(s, v, change_verbs, AT_LENGTHOF(change_verbs)) ||
			   tok_in(s, v, earning_verbs, AT_LENGTHOF(earning_verbs))))) &&
			(t[i + 1].fig >= 0 || tok_in(s, &t[i + 1], fig_qualifiers, AT_LENGTHOF(fig_qualifiers)) ||
			 tok_is(s, &t[i + 1], "by")))
			return i;
	}
	return 0;
}

/* The clause of token cstart ends before the token returned: ";" or ", while" / ", but" / ", though" / ", and its" */
static size_t
clause_end(const char *s, const Tok *toks, size_t cstart, size_t nt)
{
	size_t		cend;

	for (cend = cstart + 1; cend < nt; cend++)
	{
		if (tok_punct(s, &toks[cend], ';'))
			break;
		if (tok_punct(s, &toks[cend], ',') && cend + 1 < nt &&
			(tok_in(s, &toks[cend + 1], clause_conjunctions, AT_LENGTHOF(clause_conjunctions)) ||
			 with_absolute(s, toks, cend + 1, nt) ||
			 (tok_is(s, &toks[cend + 1], "and") && cend + 2 < nt &&
			  (tok_in(s, &toks[cend + 2], pronouns, AT_LENGTHOF(pronouns)) ||
			   tok_is(s, &toks[cend + 2], "the") || new_subject(s, toks, cend + 2, nt))) ||
			 /* ", of which residential investment was": a part with a subject of its own */
			 (tok_is(s, &toks[cend + 1], "of") && cend + 3 < nt && tok_is(s, &toks[cend + 2], "which") &&
			  new_subject(s, toks, cend + 3, nt))))
			break;
	}
	return cend;
}

/*
 * The periods of the sentence, read at its word tokens, and each figure's
 * nearest one; a period in a later clause does not reach back ("taking 1.1
 * million vehicles, though shipments fell 8 percent in the fourth quarter")
 */
static void
figure_periods(const char *s, size_t from, size_t to, const AtDay *ref, const Tok *toks,
			   size_t nt, const size_t *cends, size_t nc, AtMetric *ms, size_t n)
{
	size_t		ends[MAX_CLAUSES],
				nends = 0;
	AtPeriodSpan spans[32];
	int			owner[32];		/* the base figure a period belongs to alone, or -1 */
	bool		base_fig[MAX_TOKS] = {false};	/* by figure: "from 22.1 percent a year ago" */
	size_t		ns = 0,
				skip_to = from;

	for (size_t c = 0; c < nc; c++)
		ends[nends++] = cends[c] < nt ? toks[cends[c]].start : to;
	/* base figures ("up from 6,940", "compared with 133,246") take only a period of their own */
	for (size_t i = 1; i < nt; i++)
		if (toks[i].fig >= 0 && toks[i].fig < MAX_TOKS && toks[i - 1].fig != toks[i].fig &&
			(tok_is(s, &toks[i - 1], "from") || tok_is(s, &toks[i - 1], "versus") ||
			 (i >= 2 && (tok_is(s, &toks[i - 1], "with") || tok_is(s, &toks[i - 1], "to")) &&
			  tok_is(s, &toks[i - 2], "compared"))))
			base_fig[toks[i].fig] = true;

	for (size_t i = 0; i < nt && ns < AT_LENGTHOF(spans); i++)
	{
		size_t		len,
					g;

		if (toks[i].kind == 'p' || toks[i].start < skip_to || s[toks[i].start] == '$')
			continue;
		if ((len = at_period_span_at(s, from, to, toks[i].start, ref, &spans[ns])) > 0)
		{
			skip_to = toks[i].start + len;
			owner[ns] = -1;
			/* "compared with 133,246 in 2022", "up from 6,940 at the end of last year": the base figure's own */
			/* "compared with a 0.8 percent decline in July": over the change noun and the article */
			g = i > 1 && toks[i - 1].fig < 0 && toks[i - 2].fig >= 0 &&
				tok_in(s, &toks[i - 1], change_nouns, AT_LENGTHOF(change_nouns)) ? i - 1 : i;
			if (g > 0 && toks[g - 1].fig >= 0)
			{
				size_t		f = g - 1;

				while (f > 0 && toks[f - 1].fig == toks[g - 1].fig)
					f--;
				if (f > 1 && (tok_is(s, &toks[f - 1], "a") || tok_is(s, &toks[f - 1], "an")))
					f--;
				if (f > 0 && tok_in(s, &toks[f - 1], base_words, AT_LENGTHOF(base_words)))
					owner[ns] = toks[g - 1].fig;
			}
			ns++;
		}
	}
	for (size_t k = 0; k < n; k++)
	{
		AtMetric   *m = &ms[k];
		size_t		best = SIZE_MAX,
					limit = to;

		if (!value_kind(m->kind))
			continue;
		for (size_t c = 0; c < nends; c++)
			if (ends[c] >= m->start + m->len)
			{
				limit = ends[c];
				break;
			}
		for (size_t i = 0; i < ns; i++)
		{
			const AtPeriodSpan *ps = &spans[i];
			size_t		d;

			if ((owner[i] >= 0 && (size_t) owner[i] != k) || (owner[i] < 0 && k < MAX_TOKS && base_fig[k]))
				continue;
			if (owner[i] == (int) k)
			{
				m->time = ps->period;
				break;
			}
			if (ps->base || ps->start >= limit)
				continue;
			if (ps->start + ps->len <= m->start)
				d = m->start - (ps->start + ps->len);
			else if (ps->start >= m->start + m->len)
				d = ps->start - (m->start + m->len);
			else
				d = 0;
			if (d < best)
			{
				best = d;
				m->time = ps->period;
			}
		}
	}
}

/*
 * What the figure m (tokens [i, j) of the clause [body, cend)) measures:
 * its own words first (a counted noun, "revenue of", "of coal", "a 30 yuan
 * discount"), then the clause's subject, then the figure before it
 */
static Span
figure_measure(const char *s, const Tok *toks, const AtMetric *ms, const AtMetric *m, size_t i, size_t j,
			   size_t body, size_t cend, const Clause *cl, Span last_measure, Span last_count_unit,
			   Span prev_measure)
{
	Span		me = {0, 0};

		/* the counted noun, unless the subject names the measure ("Chip exports ... 267.8 billion units") */
		if (m->kind == AT_MK_COUNT && m->unit && cl->measure.len == 0 &&
			!at_word_in(m->unit, m->unit_len, generic_units, AT_LENGTHOF(generic_units)))
			me = (Span) {(size_t) (m->unit - s), m->unit_len};
		/* "spread across 260 deals": a count after a preposition is no object of the subject's verb */
		if (m->kind == AT_MK_COUNT && m->unit && cl->measure.len && i > body + 1 &&
			(tok_is(s, &toks[i - 1], "across") || tok_is(s, &toks[i - 1], "among") ||
			 tok_is(s, &toks[i - 1], "between") || tok_is(s, &toks[i - 1], "from")) &&
			!at_word_in(m->unit, m->unit_len, generic_units, AT_LENGTHOF(generic_units)))
			me = (Span) {(size_t) (m->unit - s), m->unit_len};
		/* "of which 112 were listed companies": the noun phrase after the copula */
		if (m->kind == AT_MK_COUNT && !m->unit && j + 1 < cend &&
			(tok_is(s, &toks[j], "were") || tok_is(s, &toks[j], "are") || tok_is(s, &toks[j], "was")) &&
			toks[j + 1].kind == 'w' && !tok_in(s, &toks[j + 1], np_stops, AT_LENGTHOF(np_stops)))
		{
			size_t		e = j + 1;

			while (e < cend && e < j + 5 && toks[e].kind == 'w' &&
				   !tok_in(s, &toks[e], np_stops, AT_LENGTHOF(np_stops)) && !is_verb(s, toks, e, j + 1))
				e++;
			me = span_of(toks, j + 1, e);
		}
		/* "generated revenue of 251.5 billion yuan, up 17.3 percent": the change of the figure before */
		if (me.len == 0 && m->kind == AT_MK_PERCENT && last_measure.len && i > body &&
			(tok_is(s, &toks[i - 1], "up") || tok_is(s, &toks[i - 1], "down")) &&
			i >= 2 && tok_punct(s, &toks[i - 2], ','))
			me = last_measure;
		/* "79 and 63 unicorns": the counted noun of the next count */
		if (m->kind == AT_MK_COUNT && !m->unit && cl->measure.len == 0 && j + 1 < cend &&
			(tok_is(s, &toks[j], "and") || tok_is(s, &toks[j], "or") || tok_is(s, &toks[j], "to")) &&
			toks[j + 1].fig >= 0 && ms[toks[j + 1].fig].kind == AT_MK_COUNT && ms[toks[j + 1].fig].unit)
			me = (Span) {(size_t) (ms[toks[j + 1].fig].unit - s), ms[toks[j + 1].fig].unit_len};
		if (me.len == 0)
			me = measure_before(s, toks, body, i);
		if (me.len == 0 && (m->kind == AT_MK_MONEY || m->kind == AT_MK_QUANTITY))
			me = measure_after(s, toks, cend, j, m->kind == AT_MK_MONEY);
		/* "a 30 yuan discount": the figure modifies the noun after it */
		if (me.len == 0 && (m->kind == AT_MK_MONEY || m->kind == AT_MK_QUANTITY) && i > body &&
			(tok_is(s, &toks[i - 1], "a") || tok_is(s, &toks[i - 1], "an")) && j < cend &&
			toks[j].kind == 'w' && !capital(s, &toks[j]) && !tok_in(s, &toks[j], np_stops, AT_LENGTHOF(np_stops)) &&
			!is_verb(s, toks, j, j))
		{
			size_t		e = j + 1;

			while (e < cend && e < j + 3 && toks[e].kind == 'w' && !capital(s, &toks[e]) &&
				   !tok_in(s, &toks[e], np_stops, AT_LENGTHOF(np_stops)) && !is_verb(s, toks, e, j))
				e++;
			me = span_of(toks, j, e);
		}
		/* "took 17 percent of the Chinese market": a share of what, when the subject is no measure */
		if (me.len == 0 && (m->kind == AT_MK_PERCENT || m->kind == AT_MK_FRACTION) && cl->measure.len == 0 &&
			last_measure.len == 0)
		{
			me = measure_after(s, toks, cend, j, false);
			/* "or about half of the total": the total, when nothing else is measured */
			if (me.len && at_word_in(s + me.start, me.len, change_nouns, AT_LENGTHOF(change_nouns)) &&
				!(me.len == 5 && strncmp(s + me.start, "total", 5) == 0 && i > body &&
				  last_count_unit.len == 0 && prev_measure.len == 0))
				me.len = 0;
		}
		/* "a 25 percent jump in sales": the noun after the change noun */
		if (me.len == 0 && m->kind == AT_MK_PERCENT && i > body && j + 2 < cend &&
			(tok_is(s, &toks[i - 1], "a") || tok_is(s, &toks[i - 1], "an")) &&
			tok_in(s, &toks[j], change_nouns, AT_LENGTHOF(change_nouns)) && tok_is(s, &toks[j + 1], "in"))
			me = measure_after(s, toks, cend, j + 1, true);
		if (me.len == 0)
			me = cl->measure;
		if (me.len == 0 && m->kind == AT_MK_COUNT && m->unit)
			me = (Span) {(size_t) (m->unit - s), m->unit_len};
		if (me.len == 0)
			me = measure_before_change(s, toks, body, i);
		if (me.len == 0)
			me = last_measure;
		/* "and Xpeng delivered 20,115": the counted noun of the sentence's count before */
		if (me.len == 0 && m->kind == AT_MK_COUNT && !m->unit)
			me = last_count_unit;
	return me;
}

/*
 * "Enterprises contributed 77.7 percent of the spending, government-funded
 * research institutes 11.6 percent and universities 7.9 percent": a gapped
 * clause, a bare noun phrase [*np, fig) after "," or "and" that follows an
 * earlier figure of the clause [cstart, fig)
 */
static bool
gapped_np(const char *s, const Tok *t, size_t cstart, size_t fig, size_t *np)
{
	size_t		k = fig;

	while (k > cstart + 2 && k + 5 > fig && t[k - 1].kind == 'w' && t[k - 1].fig < 0 &&
		   !tok_in(s, &t[k - 1], np_stops, AT_LENGTHOF(np_stops)) && !is_verb(s, t, k - 1, cstart) &&
		   /* "including 120", "generating 5.91 billion yuan": a participle, not a noun phrase */
		   !(t[k - 1].len > 4 && memcmp(s + t[k - 1].start + t[k - 1].len - 3, "ing", 3) == 0 &&
			 !tok_in(s, &t[k - 1], property_heads, AT_LENGTHOF(property_heads))))
		k--;
	if (k == fig || k <= cstart + 2 || !(tok_punct(s, &t[k - 1], ',') || tok_is(s, &t[k - 1], "and")))
		return false;
	for (size_t q = cstart; q + 1 < k; q++)
		if (t[q].fig >= 0)
		{
			*np = k;
			return true;
		}
	return false;
}

/*
 * "Investment from France and the United Kingdom rose 84.1 percent and 81.6
 * percent respectively": the i-th part of a coordinated holder (else
 * measure) goes to the i-th figure of each kind of the clause [a, b)
 */
static void
respectively(const char *s, const Tok *t, size_t a, size_t b, AtMetric *ms, const Clause *cl)
{
	Span		parts[4];
	size_t		np = 0,
				p0;
	bool		holder = false;
	int			seen[AT_MK_FRACTION + 1] = {0},	/* by kind; only figures of value have a fig */
				total[AT_MK_FRACTION + 1] = {0};
	size_t		i;

	/* a cheap look at length and initial before the word itself */
	for (i = a; i < b && !(t[i].len == 12 && (s[t[i].start] | 0x20) == 'r' && tok_is(s, &t[i], "respectively")); i++)
		;
	if (i >= b)
		return;
	for (int pass = 0; pass < 2 && np < 2; pass++)
	{
		const Span *sp = pass == 0 ? &cl->holder : &cl->measure;

		np = 0;
		holder = pass == 0;
		if (sp->len == 0)
			continue;
		for (i = a; i < b && t[i].start < sp->start; i++)
			;
		for (p0 = i; i < b && t[i].start < sp->start + sp->len && np < AT_LENGTHOF(parts); i++)
			if (tok_is(s, &t[i], "and") || tok_punct(s, &t[i], ','))
			{
				if (i > p0)
					parts[np++] = span_of(t, p0, i);
				p0 = i + 1;
			}
		if (np > 0 && np < AT_LENGTHOF(parts) && i > p0)
			parts[np++] = span_of(t, p0, i);
	}
	if (np < 2)
		return;
	for (i = a; i < b; i++)
		if (t[i].fig >= 0 && (i == a || t[i - 1].fig != t[i].fig))
			total[ms[t[i].fig].kind]++;
	for (i = a; i < b; i++)
	{
		AtMetric   *m;
		int			k;

		if (t[i].fig < 0 || (i > a && t[i - 1].fig == t[i].fig))
			continue;
		m = &ms[t[i].fig];
		k = seen[m->kind]++;
		if ((size_t) total[m->kind] != np)
			continue;
		if (holder)
		{
			m->holder = s + parts[k].start;
			m->holder_len = parts[k].len;
		}
		else
		{
			m->measure = s + parts[k].start;
			m->measure_len = parts[k].len;
		}
	}
}

/*
 * Readings of the figure m (tokens [i, j) of the clause [cstart, cend), its
 * words from body) that override the clause's holder or measure: what
 * generic units count, a change after a figure with a holder of its own, a
 * gapped clause, a passive agent, an origin, "followed by NAME with".  True
 * when m is done; *last_own is the clause's last figure with a holder of its own.
 */
static bool
own_fields(const char *s, const Tok *toks, AtMetric *m, size_t i, size_t j, size_t cstart, size_t body,
		   size_t cend, const Clause *cl, Span *last_measure, const AtMetric **last_own)
{
	/* "The average price of new homes in 70 major cities fell": a count inside the subject counts its noun */
	if (m->kind == AT_MK_COUNT && m->unit &&
		((cl->holder.len && m->start >= cl->holder.start && m->start < cl->holder.start + cl->holder.len) ||
		 (cl->measure.len && m->start >= cl->measure.start && m->start < cl->measure.start + cl->measure.len)))
	{
		m->measure = m->unit;
		m->measure_len = m->unit_len;
		m->holder = NULL;
		m->holder_len = 0;
		return true;
	}
	/* "Of the total, pure electric vehicles were 640,000 units": what the units count, not a holder */
	if (m->kind == AT_MK_COUNT && m->unit && cl->holder.len && !cl->measure.len && i > body &&
		at_word_in(m->unit, m->unit_len, generic_units, AT_LENGTHOF(generic_units)) &&
		(tok_is(s, &toks[i - 1], "were") || tok_is(s, &toks[i - 1], "was") ||
		 tok_is(s, &toks[i - 1], "are") || tok_is(s, &toks[i - 1], "is")) &&
		cl->holder.start == toks[body].start)
	{
		m->measure = s + cl->holder.start;
		m->measure_len = cl->holder.len;
		*last_measure = cl->holder;
		return true;
	}
	/* "..., up 11.4 percent": the change of a figure with a holder of its own is its */
	if (*last_own && m->kind == AT_MK_PERCENT && i >= cstart + 2 && tok_punct(s, &toks[i - 2], ',') &&
		(tok_is(s, &toks[i - 1], "up") || tok_is(s, &toks[i - 1], "down")))
	{
		m->measure = (*last_own)->measure;
		m->measure_len = (*last_own)->measure_len;
		m->holder = (*last_own)->holder;
		m->holder_len = (*last_own)->holder_len;
		return true;
	}
	/* a gapped clause: its noun phrase is the measure (a property, or what units count) or the holder */
	{
		size_t		np;

		if (gapped_np(s, toks, cstart, i, &np))
		{
			Span		g = span_of(toks, np, i);

				if (tok_in(s, &toks[i - 1], property_heads, AT_LENGTHOF(property_heads)) ||
				(m->kind == AT_MK_COUNT && m->unit &&
				 at_word_in(m->unit, m->unit_len, generic_units, AT_LENGTHOF(generic_units))))
			{
				m->measure = s + g.start;
				m->measure_len = g.len;
			}
			else
			{
				m->holder = s + g.start;
				m->holder_len = g.len;
			}
			if (!m->holder_len && cl->holder.len)
			{
				m->holder = s + cl->holder.start;
				m->holder_len = cl->holder.len;
			}
			if (m->holder_len)
				*last_own = m;
			return true;
		}
	}
	/* "31.6 billion yuan was invested by private companies": the agent holds it, the verb measures it */
	if (j + 3 < cend && (tok_is(s, &toks[j], "was") || tok_is(s, &toks[j], "were")) &&
		toks[j + 1].kind == 'w' && toks[j + 1].len > 4 &&
		memcmp(s + toks[j + 1].start + toks[j + 1].len - 2, "ed", 2) == 0 &&
		tok_is(s, &toks[j + 2], "by") && toks[j + 3].kind == 'w' && toks[j + 3].fig < 0)
	{
		size_t		h = j + 3;

		while (h < cend && h < j + 9 && toks[h].kind == 'w' && toks[h].fig < 0 &&
			   (h == j + 3 || !tok_in(s, &toks[h], np_stops, AT_LENGTHOF(np_stops))))
			h++;
		if (!m->measure_len)
		{
			m->measure = s + toks[j + 1].start;
			m->measure_len = toks[j + 1].len;
		}
		m->holder = s + toks[j + 3].start;
		m->holder_len = toks[h - 1].start + toks[h - 1].len - toks[j + 3].start;
		*last_own = m;
		return true;
	}
	/* "of which 620 million dollars came from Hong Kong": the origin holds its part */
	if (j + 2 < cend && tok_in(s, &toks[j], origin_verbs, AT_LENGTHOF(origin_verbs)) &&
		tok_is(s, &toks[j + 1], "from"))
	{
		Span		o = place_in_clause(s, toks, j, cend);

		if (o.len && o.start <= toks[j + 2].start + toks[j + 2].len)
		{
			m->holder = s + o.start;
			m->holder_len = o.len;
			*last_own = m;
			return true;
		}
	}
	if (cl->holder.len && i >= body + 3 && tok_is(s, &toks[i - 1], "with") && capital(s, &toks[i - 2]) &&
		!acronym(s, &toks[i - 2]))
	{
		/*
		 * "Shanghai's GDP reached ..., followed by Beijing with 2.14 trillion
		 * yuan": the name takes the holder's place ("Exports to the United
		 * States ..., followed by Germany with 13 percent" has none to take)
		 */
		size_t		h = i - 2;

		while (h > body && h + 4 > i && capital(s, &toks[h - 1]))
			h--;
		if (tok_is(s, &toks[h - 1], "by") || tok_is(s, &toks[h - 1], "and") || tok_punct(s, &toks[h - 1], ','))
		{
			m->holder = s + toks[h].start;
			m->holder_len = toks[i - 2].start + toks[i - 2].len - toks[h].start;
			*last_own = m;
			return true;
		}
	}
	return false;
}

void
at_measure_figures(const char *s, size_t from, size_t to, const AtDay *ref, AtMetric *ms, size_t n)
{
	Tok			toks[MAX_TOKS + 1];
	size_t		nt,
				k = 0,
				cstart = 0,
				bare = SIZE_MAX;	/* the last clause without a figure */
	const AtMetric *last_own = NULL;	/* the clause's last figure with a holder of its own */
	bool		after_bare = false; /* the clause before is the one without a figure at bare */
	Clause		cl,
				prev = {{0, 0}, {0, 0}, false, false};
	Span		last_measure = {0, 0},
				last_count_unit = {0, 0};	/* the counted noun of the sentence's last count */
	size_t		cends[MAX_CLAUSES] = {0},	/* the end token of each clause, in order */
				nc = 0,
				ci = 0;

	if (n == 0)
		return;
	/* a sentence longer than the window: only its start is read */
	nt = tokenize(s, from, to, toks, MAX_TOKS);
	for (size_t i = 0; i < nt; i++)
	{
		while (k < n && ms[k].start + ms[k].len <= toks[i].start)
			k++;
		if (k < n && toks[i].start >= ms[k].start && value_kind(ms[k].kind))
		{
			toks[i].fig = (int) k;
			toks[i].count = ms[k].kind == AT_MK_COUNT && ms[k].unit != NULL;
		}
	}
	/* the clauses, once: ";" and ", while" end one (clause_end) */
	for (size_t c = 0; c < nt && nc < MAX_CLAUSES;)
		c = cends[nc++] = clause_end(s, toks, c, nt);
	figure_periods(s, from, to, ref, toks, nt, cends, nc, ms, n);
	k = 0;
	while (cstart < nt && k < n)
	{
		size_t		cend = cstart,
					body,
					v;
		bool		follows_bare;

		cend = ci < nc ? cends[ci++] : clause_end(s, toks, cstart, nt);
		/* a clause without a figure of value needs no subject */
		{
			bool		any = false;

			for (size_t i = cstart; i < cend && !any; i++)
				any = toks[i].fig >= 0;
			if (!any)
			{
				bare = cstart;
				after_bare = true;
				cstart = cend;
				continue;
			}
			follows_bare = after_bare;
			after_bare = false;
		}
		body = clause_start(s, toks, cstart, cend);
		/* "while its net profit", "of which residential investment": the subject after the conjunction */
		while (body < cend && (tok_punct(s, &toks[body], ',') || tok_punct(s, &toks[body], ';') ||
							   tok_in(s, &toks[body], clause_conjunctions, AT_LENGTHOF(clause_conjunctions)) ||
							   tok_is(s, &toks[body], "and") ||
							   (tok_is(s, &toks[body], "of") && body + 1 < cend && tok_is(s, &toks[body + 1], "which") &&
								body + 2 < cend && toks[body + 2].fig < 0 && toks[body + 2].kind == 'w')))
			body += tok_is(s, &toks[body], "of") ? 2 : 1;
		if ((v = with_absolute(s, toks, body, cend)) > 0)
		{
			size_t		np = body + 1;

			/* "with 50 films earning": the films, over their count */
			while (np + 1 < v && toks[np].fig >= 0)
				np++;
			memset(&cl, 0, sizeof(cl));
			cl.measure = measure_span(s, toks, np, v);
			/* "Shares of chipmakers rose, with SMIC gaining 3.2 percent": a name holds the measure before */
			if (capital(s, &toks[body + 1]) && !tok_in(s, &toks[v - 1], property_heads, AT_LENGTHOF(property_heads)))
			{
				Clause		before;

				cl.holder = cl.measure;
				cl.measure = prev.measure;
				if (cl.measure.len == 0 && bare < cstart)
				{
					read_subject(s, toks, clause_start(s, toks, bare, cstart), cstart, &before);
					cl.measure = before.measure;
				}
			}
			/* "Chongqing's economy grew the fastest, with retail sales rising 3.8 percent": the holder of the clause before */
			else if (prev.holder.len == 0 && follows_bare)
			{
				Clause		before;

				/* only a possessor of a measured property ("Travel services grew the fastest" holds nothing) */
				read_subject(s, toks, clause_start(s, toks, bare, cstart), cstart, &before);
				if (before.measure.len)
					cl.holder = before.holder;
			}

		}
		else
			read_subject(s, toks, body, cend, &cl);
		/* "while that of rural residents reached", "that from the Republic of Korea stood": the measure of the clause before */
		if (body + 2 < cend && (tok_is(s, &toks[body], "that") || tok_is(s, &toks[body], "those")) &&
			(tok_is(s, &toks[body + 1], "of") || tok_is(s, &toks[body + 1], "from") ||
			 tok_is(s, &toks[body + 1], "in") || tok_is(s, &toks[body + 1], "to") ||
			 tok_is(s, &toks[body + 1], "for") || tok_is(s, &toks[body + 1], "at")))
		{
			size_t		e = body + 2;

			while (e < cend && toks[e].kind == 'w' && !is_verb(s, toks, e, body))
				e++;
			cl.measure = prev.measure;
			/* "The prices of production materials ..., while those of consumer goods": the prices */
			for (size_t q = 0; q < cstart; q++)
				if (toks[q].start > prev.measure.start && toks[q].start < prev.measure.start + prev.measure.len &&
					tok_is(s, &toks[q], "of"))
				{
					cl.measure.len = toks[q - 1].start + toks[q - 1].len - prev.measure.start;
					break;
				}
			cl.holder = span_of(toks, body + 2, e);
			/* "Shipments to the United States ..., while those to the European Union": a partner, no holder */
			if (tok_is(s, &toks[body + 1], "to"))
			{
				cl.measure = span_of(toks, body, e);
				cl.holder.len = 0;
			}
		}
		if (cl.holder.len == 0)
			cl.holder = topic_opening(s, toks, cstart, body);
		if ((cl.inherit_holder || (cl.measure.len && cstart > 0)) && cl.holder.len == 0)
			cl.holder = prev.holder;
		/* "Its revenue dropped 44 percent, the company said": the speaker is "its" */
		if (cl.inherit_holder && cl.holder.len == 0)
			cl.holder = firm_speaker(s, toks, cstart, nt);
		if (cl.holder.len == 0 && !cl.inherit_holder)
			cl.holder = place_in_clause(s, toks, body, cend);
		if (cl.holder.len == 0 && !cl.inherit_holder)
			cl.holder = place_opening(s, toks, cstart, body);
		if (cl.elided_measure && cl.measure.len == 0)
			cl.measure = prev.measure;
		last_measure.len = 0;
		last_own = NULL;
		for (size_t i = cstart; i < cend; i++)
		{
			AtMetric   *m;
			Span		me = {0, 0};
			size_t		j;

			if (toks[i].fig < 0 || (i > cstart && toks[i - 1].fig == toks[i].fig))
				continue;
			m = &ms[toks[i].fig];
			for (j = i; j < cend && toks[j].fig == toks[i].fig; j++)
				;
			/* a share opening the clause: "Half of the shoppers", "About 114,000 of its employees" */
			if ((m->kind == AT_MK_FRACTION || (m->kind == AT_MK_COUNT && !m->unit)) && i <= body + 2 &&
				share_subject(s, toks, cend, j, &me, &cl.holder))
			{
				m->measure = s + me.start;
				m->measure_len = me.len;
				if (cl.holder.len)
				{
					m->holder = s + cl.holder.start;
					m->holder_len = cl.holder.len;
				}
				last_measure = me;
				continue;
			}
			me = figure_measure(s, toks, ms, m, i, j, body, cend, &cl, last_measure, last_count_unit, prev.measure);
			if (me.len)
			{
				m->measure = s + me.start;
				m->measure_len = me.len;
				last_measure = me;
			}
			if (m->kind == AT_MK_COUNT && m->unit)
				last_count_unit = (Span) {(size_t) (m->unit - s), m->unit_len};
			if (own_fields(s, toks, m, i, j, cstart, body, cend, &cl, &last_measure, &last_own))
				continue;
			if (cl.holder.len)
			{
				m->holder = s + cl.holder.start;
				m->holder_len = cl.holder.len;
			}
			else if ((m->kind == AT_MK_PERCENT || m->kind == AT_MK_FRACTION) && j + 2 < cend &&
					 tok_is(s, &toks[j], "of"))
			{
				/* "accounted for 45.2 percent of residents' total consumption": the possessor of the whole */
				size_t		w = j + 1 + (tok_is(s, &toks[j + 1], "the") ? 1 : 0);

				/* "of the world's total": the whole of all, whose part is not said */
				if (w + 1 < cend && toks[w].poss > 0 &&
					!(toks[w].poss == 5 && strncmp(s + toks[w].start, "world", 5) == 0))
				{
					m->holder = s + toks[j + 1].start;
					m->holder_len = toks[w].start + toks[w].poss - toks[j + 1].start;
				}
			}
		}
		respectively(s, toks, cstart, cend, ms, &cl);
		/* what later clauses inherit: the last holder, and the last measure */
		if (cl.holder.len)
			prev.holder = cl.holder;
		if (cl.measure.len)
			prev.measure = cl.measure;
		cstart = cend;
	}
}

/*
 * Tables of "A: N" lines under a heading line that ends in ":":
 *
 *   Actual investment by source in the first 11 months:
 *   Singapore: 68.9 billion yuan
 *   the Netherlands: 21.6 billion yuan
 *
 * The label holds the figures of its line (or is their measure, when it is
 * a measured property: "Exports: 3.1 trillion yuan"); the heading gives
 * their measure and period.  Lines are read within bounded windows.
 */
#define TABLE_LINE_MAX 160		/* longest line read as a row or a heading */
#define TABLE_ROWS_MAX 16		/* rows read back to the heading */
#define TABLE_LABEL_WORDS 6

/* The ':' of a row line s[b, e) ("Label: figure ..."), else SIZE_MAX */
static size_t
row_colon(const char *s, size_t b, size_t e)
{
	size_t		p = b,
				words = 0;

	while (p < e && (s[p] == ' ' || s[p] == '\t'))
		p++;
	for (; p < e && s[p] != ':'; p++)
	{
		char		c = s[p];

		if (digit(c) || c == '.' || c == ',' || c == ';' || c == '"' || c == '|')
			return SIZE_MAX;
		if (alpha(c) && (p == b || !alpha(s[p - 1])))
			words++;
	}
	if (p >= e || words == 0 || words > TABLE_LABEL_WORDS)
		return SIZE_MAX;
	{
		size_t		q = p + 1;

		while (q < e && (s[q] == ' ' || s[q] == '\t'))
			q++;
		/* a figure after the label: digits, "$", "HK$", "US$" */
		if (q < e && (digit(s[q]) || s[q] == '$' || (q + 2 < e && s[q + 2] == '$')))
			return p;
	}
	return SIZE_MAX;
}

/* The heading line [*hb, *he) above the rows before line start b, if any */
static bool
table_heading(const char *s, size_t b, size_t *hb, size_t *he)
{
	for (int rows = 0; rows < TABLE_ROWS_MAX && b > 0; rows++)
	{
		size_t		e = b - 1,	/* the '\n' before the line */
					x;

		while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
			e--;
		for (x = e; x > 0 && s[x - 1] != '\n' && e - x < TABLE_LINE_MAX; x--)
			;
		if (x == e || (x > 0 && s[x - 1] != '\n'))
			return false;
		if (s[e - 1] == ':')
		{
			*hb = x;
			*he = e - 1;
			return true;
		}
		if (row_colon(s, x, e) == SIZE_MAX)
			return false;
		b = x;
	}
	return false;
}

void
at_measure_table_rows(const char *s, size_t len, const AtDay *ref, AtMetric *ms, size_t n)
{
	for (size_t k = 0; k < n; k++)
	{
		AtMetric   *m = &ms[k];
		size_t		b,
					e,
					colon,
					hb,
					he;
		Tok			t[TABLE_LABEL_WORDS * 2 + 1],
					h[40 + 1];
		size_t		nt,
					nh,
					cut;

		if (!value_kind(m->kind) || m->start == 0)
			continue;
		/* the line's start within TABLE_LINE_MAX bytes, by memchr: most lines are longer */
		b = m->start > TABLE_LINE_MAX ? m->start - TABLE_LINE_MAX : 0;
		for (const char *nl; (nl = memchr(s + b, '\n', m->start - b)) != NULL;)
			b = (size_t) (nl - s) + 1;
		if (b > 0 && s[b - 1] != '\n')
			continue;
		{
			size_t		lim = len - m->start > TABLE_LINE_MAX ? m->start + TABLE_LINE_MAX : len;
			const char *nl = memchr(s + m->start, '\n', lim - m->start);

			e = nl ? (size_t) (nl - s) : lim;
		}
		if ((colon = row_colon(s, b, e)) == SIZE_MAX || colon > m->start || !table_heading(s, b, &hb, &he))
			continue;
		/* the label: a holder, or a measured property */
		nt = tokenize(s, b, colon, t, AT_LENGTHOF(t) - 1);
		if (nt == 0)
			continue;
		t[nt].kind = 'e';
		if (tok_in(s, &t[nt - 1], property_heads, AT_LENGTHOF(property_heads)))
		{
			m->measure = s + t[0].start;
			m->measure_len = t[nt - 1].start + t[nt - 1].len - t[0].start;
			m->holder = NULL;
			m->holder_len = 0;
		}
		else
		{
			m->holder = s + t[0].start;
			m->holder_len = t[nt - 1].start + t[nt - 1].len - t[0].start;
			m->measure = NULL;
			m->measure_len = 0;
		}
		/* the heading: its noun phrase up to a preposition or a period is the measure; its period */
		nh = tokenize(s, hb, he, h, AT_LENGTHOF(h) - 1);
		for (size_t i = 0; i < nh; i++)
			h[i].fig = -1;
		cut = nh;
		for (size_t i = 0; i < nh; i++)
		{
			AtPeriodSpan ps;

			if (h[i].kind == 'p')
			{
				cut = cut < i ? cut : i;
				break;
			}
			if (at_period_span_at(s, hb, he, h[i].start, ref, &ps) > 0)
			{
				cut = cut < i ? cut : i;
				if (m->time.start.year == 0 && m->time.end.year == 0)
					m->time = ps.period;
				break;
			}
			if (i > 0 && cut == nh && tok_in(s, &h[i], np_stops, AT_LENGTHOF(np_stops)) && !tok_is(s, &h[i], "of") &&
				!tok_is(s, &h[i], "and"))
				cut = i;
		}
		if (cut > 0 && m->measure == NULL)
		{
			Span		sp = measure_span(s, h, 0, cut);

			m->measure = s + sp.start;
			m->measure_len = sp.len;
		}
	}
}
