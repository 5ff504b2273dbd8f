/*
 * article.c: parse_article's engine (see article.h).
 *
 * Passes over the lines of the page, each linear:
 *   1. split the page into lines and ask the shared chrome classifier
 *      (chrome.c) about each, alone and then by position;
 *   2. classify every line: chrome, caption, metadata (filling the
 *      article's fields), headline candidate, or text;
 *   3. pick the headline: the headline-like line nearest above the first
 *      date or byline; labels above it are the section;
 *   4. join the text lines into paragraphs, recognise the dateline of the
 *      first one and count words.
 * Metadata is data too: the label, publisher and name tables below.
 */
#include "article.h"
#include "chrome.h"
#include "html.h"
#include "regex.h"
#include "utf8.h"

#include <string.h>

/* Longest line that may be metadata or a headline (bytes) */
#define MAX_META_LINE		300
#define MAX_TITLE_LINE		300
#define MAX_TITLE_WORDS		40
#define MAX_NAME_TOKENS		5
#define MAX_AUTHORS			16
#define MAX_OWNER_WORDS		8		/* a copyright line's owner */
#define MAX_CAPTION_LINE	300		/* a caption under its credit line */
#define MIN_SIGNED_WORDS	8		/* a last paragraph signed "(Yonhap)" */
#define MIN_WRAP			30		/* width of a hard-wrapped paragraph, characters */
#define MAX_WRAP			100
#define MAX_PAIR_VALUE_WORDS 5		/* a source or editor alone under its label */

/* ---- data: metadata ----------------------------------------------------- */

typedef enum MetaKind
{
	MK_SOURCE,
	MK_EDITOR,
	MK_AUTHOR,
	MK_PUBLISHED,
	MK_UPDATED,
	MK_IGNORE
} MetaKind;

typedef struct MetaLabel
{
	const char *label;			/* lower case */
	MetaKind	kind;
} MetaLabel;

/* Labels of metadata fields, followed by ":" (or "：") and the value */
static const MetaLabel meta_labels[] = {
	{"source", MK_SOURCE}, {"sources", MK_SOURCE}, {"news source", MK_SOURCE},
	{"news resource", MK_SOURCE}, {"from", MK_SOURCE}, {"via", MK_SOURCE},
	{"editor", MK_EDITOR}, {"editors", MK_EDITOR}, {"web editor", MK_EDITOR},
	{"responsible editor", MK_EDITOR}, {"chief editor", MK_EDITOR},
	{"editor in charge", MK_EDITOR}, {"edited by", MK_EDITOR},
	{"author", MK_AUTHOR}, {"authors", MK_AUTHOR}, {"by", MK_AUTHOR},
	{"writer", MK_AUTHOR}, {"written by", MK_AUTHOR}, {"reporter", MK_AUTHOR},
	{"reporters", MK_AUTHOR}, {"correspondent", MK_AUTHOR},
	{"reporting by", MK_AUTHOR}, {"writing by", MK_AUTHOR},
	{"editing by", MK_EDITOR}, {"contact editor", MK_EDITOR},
	{"additional reporting by", MK_IGNORE},
	{"release time", MK_PUBLISHED}, {"release date", MK_PUBLISHED},
	{"published", MK_PUBLISHED}, {"published on", MK_PUBLISHED},
	{"published at", MK_PUBLISHED}, {"publish time", MK_PUBLISHED},
	{"publication date", MK_PUBLISHED}, {"first published", MK_PUBLISHED},
	{"posted", MK_PUBLISHED}, {"posted on", MK_PUBLISHED}, {"date", MK_PUBLISHED},
	{"time", MK_PUBLISHED}, {"dated", MK_PUBLISHED}, {"write", MK_PUBLISHED},
	{"updated", MK_UPDATED}, {"updated on", MK_UPDATED}, {"updated at", MK_UPDATED},
	{"last updated", MK_UPDATED}, {"update time", MK_UPDATED},
	{"last modified", MK_UPDATED}, {"modified", MK_UPDATED},
	{"last modified on", MK_UPDATED}, {"modified on", MK_UPDATED},
	{"views", MK_IGNORE}, {"clicks", MK_IGNORE}, {"page", MK_IGNORE}, {"channel", MK_IGNORE},
	{"videographer", MK_IGNORE}, {"producer", MK_IGNORE}, {"photographer", MK_IGNORE},
	{"camera", MK_IGNORE}, {"translator", MK_IGNORE}, {"designer", MK_IGNORE},
	/* labels of Chinese and Korean templates (UTF-8) */
	{"\xe6\x9d\xa5\xe6\xba\x90", MK_SOURCE},	/* 来源 source */
	{"\xe4\xbd\x9c\xe8\x80\x85", MK_AUTHOR},	/* 作者 author */
	{"\xe7\xbc\x96\xe8\xbe\x91", MK_EDITOR},	/* 编辑 editor */
	{"\xe8\xb4\xa3\xe4\xbb\xbb\xe7\xbc\x96\xe8\xbe\x91", MK_EDITOR},	/* 责任编辑 */
	{"\xe5\x8f\x91\xe5\xb8\x83\xe6\x97\xb6\xe9\x97\xb4", MK_PUBLISHED},	/* 发布时间 */
	{"\xec\x8a\xb9\xec\x9d\xb8", MK_PUBLISHED},	/* 승인 approved */
	{"\xec\x9e\x85\xeb\xa0\xa5", MK_PUBLISHED},	/* 입력 entered */
	{"\xec\x88\x98\xec\xa0\x95", MK_UPDATED},	/* 수정 modified */
};

/* Words after a publisher's name that make it an app prompt ("ECNS App Download") */
static const char *const app_words[] = {
	"app", "apps", "download",
};

/* Units of an age in place of a date ("4 hours ago") */
static const char *const age_units[] = {
	"day", "days", "hour", "hours", "hr", "hrs", "min", "mins", "minute",
	"minutes", "month", "months", "sec", "secs", "second", "seconds", "week",
	"weeks", "year", "years",
};

/* Publishers whose name alone is a source item ("By NAME | China Daily") */
static const char *const known_sources[] = {
	"afp", "agence france-presse", "agencies", "al jazeera", "ap",
	"associated press", "bbc", "bbc news", "beijing review", "bernama",
	"bloomberg", "caixin", "caixin global", "cctv", "cctv.com", "cgtn",
	"china daily", "china daily asia", "china daily global",
	"china daily hong kong", "china news service", "china.org.cn",
	"chinadaily.com.cn", "chinadailyhk", "chinanews", "chinanews.com",
	"chinanews.com.cn", "cna", "dpa", "ecns", "ecns.cn", "efe", "en.people.cn",
	"english.news.cn", "global times", "globaltimes.cn", "kyodo", "kyodo news",
	"news.cn", "people's daily", "people's daily app", "people's daily online",
	"people.cn", "pti", "reuters", "scmp", "shanghai daily", "shine",
	"sixth tone", "south china morning post", "tass", "the associated press",
	"the guardian", "the hindu", "the japan times", "the korea herald",
	"the standard", "the straits times", "the times", "the times of india",
	"straits times", "wikinews", "xinhua", "tnn", "ians", "ani", "jiji",
	"jiji press", "nhk", "rthk", "kbs",
	"xinhua news agency", "xinhuanet", "xinhuanet.com", "yonhap",
	"yonhap news agency",
};

/*
 * Publishers that write numeric dates day first (Singapore, Malaysia,
 * India, Pakistan, Hong Kong and British papers): on their pages
 * "05-06-2024" is 5 June, where a reading month first is a date too.
 */
static const char *const day_first_sources[] = {
	"bbc", "bbc news", "bernama", "dawn", "ians", "malay mail", "pti",
	"scmp", "south china morning post", "straits times", "the business times",
	"the guardian", "the hindu", "the standard", "the star", "the straits times",
	"the times", "the times of india", "times of india",
};

/* Last words of a byline that names a news service, not a person ("Express News Service") */
static const char *const service_words[] = {
	"agency", "bureau", "desk", "network", "newswire", "service", "wire",
};

/* Words after a publisher's name that name its staff, not another source */
static const char *const staff_words[] = {
	"bureau", "desk", "news desk", "reporters", "staff", "staff reporter",
	"staff writer", "wire",
};

/* First words of a "By ..." phrase that is prose, not a byline */
static const char *const not_name_words[] = {
	"a", "all", "an", "and", "around", "contrast", "early", "end", "far",
	"his", "her", "its", "late", "mid", "now", "our", "that", "the", "their",
	"then", "these", "this", "those", "using", "way",
};

/* Lower-case particles inside personal names */
static const char *const name_particles[] = {
	"al", "bin", "binti", "da", "de", "del", "della", "der", "di", "du", "el",
	"la", "le", "van", "von", "y",
};

/* ---- small helpers ------------------------------------------------------- */

typedef struct MetaLine
{
	AtDate		published;
	AtDate		updated;
	bool		has_published;
	bool		has_updated;
	bool		has_unlabelled_date;
	bool		has_label;		/* a label, byline or known source */
	AtSpan		source;
	AtSpan		editor;
	AtSpan		authors[MAX_AUTHORS];
	int			nauthors;
	int			items;
	int			chrome_items;	/* "Print", "0 Comment(s)" among them */
	int			unknown;		/* short items of no known kind ("Business & Tech") */
	AtSpan		url;			/* "| https://..." */
	AtSpan		section;		/* "DATE / Business & Tech": a label after the date */
	bool		after_byline;	/* the last item was a byline */
} MetaLine;

/*
 * A non-blank line (blank lines are not stored: a page of 100 MB of short
 * lines must not cost gigabytes); kind is an AtLineKind.
 */
typedef AtPageLine Line;

typedef struct Ctx
{
	const char *s;
	size_t		len;
	AtArticle  *a;
	AtStatus	status;
	AtSpan		copyright_source;	/* a publisher named in a copyright line */
	AtSpan		meta_section;	/* a section named in a metadata line */
	int			text_lines;		/* lines of text so far */
	bool		source_late;	/* the source came from a line after the text began */
	int			tail_dates;		/* dates of chrome lines under the body */
	MetaLine	tail_meta;		/* the first of them */
} Ctx;

/* Words that end a byline's role line ("Business correspondent", "Senior Writer") */
static const char *const role_words[] = {
	"analyst", "chief", "columnist", "commentator", "contributor",
	"correspondent", "editor", "journalist", "photographer",
	"photojournalist", "presenter", "producer", "reporter", "writer",
};

static bool
words_eq(const char *s, size_t len, const char *word)
{
	size_t		i;

	for (i = 0; i < len && word[i]; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != word[i])
			return false;
	}
	return i == len && word[i] == '\0';
}

/* Lower-case ASCII of c (other bytes unchanged) */
static inline char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}


static bool
is_space_at(const char *s, size_t len, size_t p, int *n)
{
	uint32_t	cp;

	if (p >= len)
		return false;
	if (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\f' || s[p] == '\v')
	{
		*n = 1;
		return true;
	}
	if ((unsigned char) s[p] < 0x80)
		return false;
	*n = at_utf8_decode(s + p, len - p, &cp);
	return at_cp_is_space(cp);
}


/* ---- metadata lines ------------------------------------------------------ */

#define MAX_DATE_ITEM		40		/* bytes of a date and time item */

/* "4:30PM", "9am": letters that belong to a time, not a glued field */
static bool
ampm_glue(const char *s, size_t end, size_t g)
{
	char		a = lower(s[g]);

	return (a == 'a' || a == 'p') && g + 1 < end && (lower(s[g + 1]) == 'm' || s[g + 1] == '.');
}

static bool
is_item_sep(const char *s, size_t end, size_t p, int *n)
{
	unsigned char c = (unsigned char) s[p];

	if (is_space_at(s, end, p, n))
		return true;
	*n = 1;
	if (c == '|' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' ||
		c == '-' || c == '/' || c == ';')
		return true;
	if (c >= 0x80)
	{
		uint32_t	cp;

		*n = at_utf8_decode(s + p, end - p, &cp);
		/* 丨 【 】 · • and the dashes */
		return cp == 0x4E28 || cp == 0x3010 || cp == 0x3011 || cp == 0xB7 || cp == 0x2022 ||
			at_cp_is_dash(cp);
	}
	return false;
}

static size_t
skip_item_seps(const char *s, size_t end, size_t p)
{
	int			n;

	while (p < end && is_item_sep(s, end, p, &n))
		p += n;
	return p;
}

/* A digit at q right after an ASCII letter: two fields glued together ("Ho12 Jun") */
static inline bool
glued_digit(const char *s, size_t end, size_t q)
{
	return q > 0 && q < end && s[q] >= '0' && s[q] <= '9' &&
		at_is_ascii_alpha((unsigned char) s[q - 1]);
}

/*
 * A metadata label at p ("Source", "Release time", "By") followed by a
 * colon, or by white space when allow_space; returns its kind and the
 * position after the colon, or -1.
 */
/* Labels that need no colon: "Reporting by NAME", "Contact editor NAME" */
static bool
space_label(const char *l, size_t ll)
{
	return (ll > 3 && memcmp(l + ll - 3, " by", 3) == 0) || strcmp(l, "contact editor") == 0;
}

static int
label_at(const char *s, size_t end, size_t p, bool allow_space, size_t *after)
{
	int			best = -1;
	size_t		best_len = 0;

	if (p >= end || !(at_is_ascii_alpha((unsigned char) s[p]) || (unsigned char) s[p] >= 0x80))
		return -1;
	for (size_t i = 0; i < AT_LENGTHOF(meta_labels); i++)
	{
		const char *l = meta_labels[i].label;
		size_t		ll;
		size_t		q;

		if (l[0] != lower(s[p]))
			continue;
		ll = strlen(l);
		if (ll <= best_len || p + ll > end || !words_eq(s + p, ll, l))
			continue;
		q = p + ll;
		if (at_alnum_at(s, end, q))
		{
			/* "Published3rd April 2020": a date label glued to its date */
			if (!(glued_digit(s, end, q) &&
				  (meta_labels[i].kind == MK_PUBLISHED || meta_labels[i].kind == MK_UPDATED)))
				continue;
		}
		else
		{
			q = at_skip_space(s, end, q);
			if (q < end && s[q] == ':')
				q++;
			else if (q + 3 <= end && memcmp(s + q, "\xef\xbc\x9a", 3) == 0)
				q += 3;
			else if (!((allow_space || space_label(l, ll)) && q > p + ll))
				continue;
		}
		best = (int) meta_labels[i].kind;
		best_len = ll;
		*after = q;
	}
	return best;
}

/* A known publisher name at p ending at an item boundary; its length or 0 */
static size_t
known_source_at(const char *s, size_t end, size_t p)
{
	size_t		best = 0;

	if (p >= end)
		return 0;
	for (size_t i = 0; i < AT_LENGTHOF(known_sources); i++)
	{
		size_t		l;

		if (known_sources[i][0] != lower(s[p]))
			continue;
		l = strlen(known_sources[i]);

		if (l > best && p + l <= end && words_eq(s + p, l, known_sources[i]) &&
			(!at_alnum_at(s, end, p + l) || glued_digit(s, end, p + l)) &&
			(p + l + 1 >= end || s[p + l] != '.' || !at_alnum_at(s, end, p + l + 1)))
			best = l;
	}
	return best;
}

/*
 * What follows a publisher's name and still belongs to the item: " Bureau",
 * " staff" (its staff), " in Jakarta" (where it reported from); bytes or 0.
 */
static size_t
staff_after(const char *s, size_t end, size_t p)
{
	size_t		q = p + 1,
				best = 0;

	if (p + 1 >= end || s[p] != ' ')
		return 0;
	for (size_t i = 0; i < AT_LENGTHOF(staff_words); i++)
	{
		size_t		l = strlen(staff_words[i]);

		if (l > best && q + l <= end && words_eq(s + q, l, staff_words[i]) && !at_alnum_at(s, end, q + l))
			best = l;
	}
	if (best)
		return 1 + best;
	if (q + 3 < end && words_eq(s + q, 2, "in") && s[q + 2] == ' ' && s[q + 3] >= 'A' && s[q + 3] <= 'Z')
	{
		size_t		r = q + 3;

		while (r < end && (at_is_ascii_alpha((unsigned char) s[r]) || s[r] == ' ' || s[r] == '-'))
			r++;
		if (r == end || s[r] == '|' || s[r] == ',' || s[r] == '/')
			return at_trim_space_end(s, p, r) - p;
	}
	return 0;
}

/* " (Hong Kong)" after a publisher's name: its edition; bytes or 0 */
static size_t
edition_after(const char *s, size_t end, size_t p)
{
	size_t		q = p;

	if (q + 2 >= end || s[q] != ' ' || s[q + 1] != '(' || !(s[q + 2] >= 'A' && s[q + 2] <= 'Z'))
		return 0;
	for (q += 2; q < end && q - p < 40; q++)
	{
		if (s[q] == ')')
			return q + 1 - p;
		if (!(at_is_ascii_alpha((unsigned char) s[q]) || s[q] == ' ' || s[q] == '.'))
			return 0;
	}
	return 0;
}

/*
 * A date, or a time and then a date ("15:13, April 29, 2019", "20:05
 * UTC+8, 2022-09-14"), at p, with a weekday after it (", Thursday").
 */
static size_t
date_item_in(const char *s, size_t end, size_t p, AtDate *d)
{
	size_t		n = at_match_date(s, end, p, d),
				q,
				wl;

	if (n == 0)
	{
		AtDate		t;
		size_t		tn;

		memset(&t, 0, sizeof(t));
		tn = at_match_time(s, end, p, &t);
		if (tn == 0)
			return 0;
		q = p + tn;
		if (q < end && s[q] == ',')
			q++;
		q = at_skip_space(s, end, q);
		n = at_match_date(s, end, q, d);
		if (n == 0)
			return 0;
		if (!d->has_time)
		{
			d->hour = t.hour;
			d->minute = t.minute;
			d->second = t.second;
			d->has_time = true;
		}
		n += q - p;
	}
	q = p + n;
	if (q + 2 < end && s[q] == ',' && at_weekday_at(s, end, at_skip_space(s, end, q + 1), &wl))
		n = at_skip_space(s, end, q + 1) + wl - p;
	return n;
}

/*
 * A date item at p, also when the next field is glued to it
 * ("2024-04-18 09:15:42Xinhua", "21-05-2024Straits"): the date is then
 * read as if the line ended where the letters begin.
 */
static size_t
date_item_at(const char *s, size_t end, size_t p, AtDate *d)
{
	size_t		n,
				g;

	if (p >= end || !(s[p] >= '0' && s[p] <= '9') )
		return date_item_in(s, end, p, d);
	n = date_item_in(s, end, p, d);
	/* the first digit-to-letter joint within a date's length */
	for (g = p + 1; g < end && g - p < MAX_DATE_ITEM; g++)
		if (at_is_ascii_alpha((unsigned char) s[g]) && s[g - 1] >= '0' && s[g - 1] <= '9')
			break;
	if (g < end && g - p < MAX_DATE_ITEM && p + n < g)
	{
		AtDate		dg;
		size_t		ng;

		memset(&dg, 0, sizeof(dg));
		ng = date_item_in(s, g, p, &dg);
		if (ng > 0 && p + ng == g && !ampm_glue(s, end, g))
		{
			*d = dg;
			return ng;
		}
	}
	return n;
}

/*
 * Where the value of a label starting at p ends: at "|", a bracket, a tab
 * or double space, the next label with a colon, or a date with a year.
 */
static size_t
value_end(const char *s, size_t end, size_t p)
{
	size_t		q = p;

	while (q < end)
	{
		unsigned char c = (unsigned char) s[q];
		size_t		after;

		if (c == '|' || c == '[' || c == ']' || c == '(' || c == ')' || c == '\t')
			break;
		if (q + 3 <= end && (memcmp(s + q, "\xe4\xb8\xa8", 3) == 0 ||
							 memcmp(s + q, "\xe3\x80\x90", 3) == 0 ||
							 memcmp(s + q, "\xe3\x80\x91", 3) == 0))
			break;
		if (c == ' ' && q + 1 < end)
		{
			AtDate		d;

			if (s[q + 1] == ' ' || (s[q + 1] == '/' && q + 2 < end && s[q + 2] == ' '))
				break;
			if (q > p && known_source_at(s, end, q + 1))
				break;
			if (label_at(s, end, q + 1, false, &after) >= 0)
				break;
			if (date_item_at(s, end, q + 1, &d) && d.has_year)
				break;
		}
		q++;
	}
	return at_trim_space_end(s, p, q);
}

/* Is [p, e) one personal name ("Wang Lina", "Mary-Jane O'Neil", "J. R. Smith")? */
static bool
is_name(const char *s, size_t p, size_t e)
{
	int			tokens = 0;
	bool		capital = false;

	while (p < e)
	{
		size_t		w = p;
		uint32_t	cp;

		while (w < e && s[w] != ' ')
			w++;
		at_utf8_decode(s + p, e - p, &cp);
		if (at_cp_is_upper(cp) || at_cp_is_cjk(cp))
		{
			if (tokens == 0 && (at_word_in(s + p, w - p, not_name_words, AT_LENGTHOF(not_name_words)) ||
								at_month_at(s, e, p, NULL) || at_weekday_at(s, e, p, NULL)))
				return false;
			capital = true;
		}
		else if (tokens == 0 || !at_word_in(s + p, w - p, name_particles, AT_LENGTHOF(name_particles)))
			return false;
		for (size_t i = p; i < w;)
		{
			int			n = at_utf8_decode(s + i, w - i, &cp);

			if (!(at_cp_is_alpha(cp) || cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019))
				return false;
			i += n;
		}
		if (++tokens > MAX_NAME_TOKENS)
			return false;
		p = at_skip_space(s, e, w);
	}
	return capital;
}

/* A name whose last word names a service ("Express News Service", "The Hindu Bureau") */
static bool
service_name(const char *s, size_t p, size_t e)
{
	size_t		w = e;

	while (w > p && s[w - 1] != ' ')
		w--;
	return w > p && at_word_in(s + w, e - w, service_words, AT_LENGTHOF(service_words));
}

/* Cut " in Beijing" / " from Shanghai" off a byline part */
static size_t
strip_place(const char *s, size_t p, size_t e)
{
	for (size_t q = p; q + 4 < e; q++)
	{
		if (s[q] != ' ')
			continue;
		if ((words_eq(s + q + 1, 2, "in") && s[q + 3] == ' ') ||
			(q + 6 < e && words_eq(s + q + 1, 4, "from") && s[q + 5] == ' '))
		{
			size_t		r = at_skip_space(s, e, q + (s[q + 1] == 'i' || s[q + 1] == 'I' ? 4 : 6));

			if (r < e && s[r] >= 'A' && s[r] <= 'Z')
				return q;
		}
	}
	return e;
}

/* Split a byline value into names: "A, B and C in Beijing"; false if not names */
static bool
parse_names(const char *s, size_t p, size_t e, MetaLine *ml)
{
	int			found = 0;

	while (p < e)
	{
		size_t		q = p,
					next = e,
					ne;

		/* the part ends at ",", ";", "&", "、" or " and " */
		while (q < e)
		{
			if (s[q] == ',' || s[q] == ';' || s[q] == '&')
			{
				next = q + 1;
				break;
			}
			if (q + 3 <= e && memcmp(s + q, "\xe3\x80\x81", 3) == 0)
			{
				next = q + 3;
				break;
			}
			if (s[q] == ' ' && q + 5 <= e && words_eq(s + q + 1, 3, "and") && s[q + 4] == ' ')
			{
				next = q + 5;
				break;
			}
			q++;
		}
		if (q >= e)
			next = e;
		ne = at_trim_space_end(s, p, strip_place(s, p, q));
		p = at_skip_space(s, e, p);
		if (ne > p)
		{
			size_t		ks = known_source_at(s, ne, p);

			/* "CGTN's Li Jing": the publisher's reporter */
			if (ks > 0 && p + ks + 3 < ne && s[p + ks] == '\'' && s[p + ks + 1] == 's' && s[p + ks + 2] == ' ')
			{
				if (ml->source.len == 0)
				{
					ml->source.start = p;
					ml->source.len = ks;
				}
				p = at_skip_space(s, ne, p + ks + 3);
				ks = known_source_at(s, ne, p);
			}

			if (ks == ne - p)
			{
				if (ml->source.len == 0)
				{
					ml->source.start = p;
					ml->source.len = ks;
				}
			}
			else if (!is_name(s, p, ne))
				return false;
			else if (service_name(s, p, ne))
			{
				if (ml->source.len == 0)
				{
					ml->source.start = p;
					ml->source.len = ne - p;
				}
			}
			else if (ml->nauthors < MAX_AUTHORS)
			{
				ml->authors[ml->nauthors].start = p;
				ml->authors[ml->nauthors].len = ne - p;
				ml->nauthors++;
				found++;
			}
		}
		p = at_skip_space(s, e, next);
	}
	return found > 0 || ml->source.len > 0;
}

/* A short field value (source, editor): not a sentence */
static bool
plausible_value(const char *s, size_t p, size_t e)
{
	if (e - p > 80)
		return false;
	return e == p || s[e - 1] != '.' || (e - p >= 2 && s[e - 2] >= 'A' && s[e - 2] <= 'Z');
}

/*
 * An item of no known kind at p: up to the next "|", "/", bracket, comma,
 * semicolon or " - ".  Returns its end when it is short (at most four
 * words, no digit), else 0.
 */
static size_t
unknown_item(const char *s, size_t end, size_t p, bool digits)
{
	size_t		q = p;
	int			words = 0;
	bool		in_word = false;

	while (q < end)
	{
		char		c = s[q];

		if (c == '|' || c == '/' || c == '(' || c == ')' || c == '[' || c == ']' ||
			c == ',' || c == ';' || c == '\t' ||
			(c == ' ' && q + 2 < end && s[q + 1] == '-' && s[q + 2] == ' '))
			break;
		if (c >= '0' && c <= '9' && !digits)
			return 0;
		if (c == ' ')
			in_word = false;
		else if (!in_word)
		{
			in_word = true;
			if (++words > 4)
				return 0;
		}
		q++;
	}
	return at_trim_space_end(s, p, q);
}

/* No lower-case letter: "THIRUVANANTHAPURAM" is a place, not a section */
static bool
all_capitals(const char *s, size_t p, size_t e)
{
	for (; p < e; p++)
		if (s[p] >= 'a' && s[p] <= 'z')
			return false;
	return true;
}

/*
 * "Business | Jun 30": the label p..ue opens the line and a "|" and a date
 * follow it; a section, unless it is a place in capitals or a person.
 */
static bool
section_before_date(const char *s, size_t end, size_t p, size_t ue)
{
	size_t		q = at_skip_space(s, end, ue);
	AtDate		d;

	if (q >= end || s[q] != '|' || all_capitals(s, p, ue) ||
		(is_name(s, p, ue) && at_count_words(s + p, ue - p) >= 2))
		return false;
	memset(&d, 0, sizeof(d));
	return date_item_at(s, end, at_skip_space(s, end, q + 1), &d) > 0;
}

/* Was the separator before p (after the last item) a "|"? */
static bool
pipe_before(const char *s, size_t start, size_t p)
{
	while (p > start && (s[p - 1] == ' ' || s[p - 1] == '|'))
		if (s[--p] == '|')
			return true;
	return false;
}

/* Does an app prompt follow a publisher's name ending at p ("ECNS App Download")? */
static bool
app_prompt(const char *s, size_t end, size_t p)
{
	size_t		q = at_skip_space(s, end, p),
				w = q;

	while (w < end && at_is_ascii_alpha((unsigned char) s[w]))
		w++;
	return w > q && q > p && at_word_in(s + q, w - q, app_words, AT_LENGTHOF(app_words));
}

/* One lower-case word: a site account ("admin", "editor1"), not a name */
static bool
user_handle(const char *s, size_t p, size_t e)
{
	if (p >= e || !(s[p] >= 'a' && s[p] <= 'z') || e - p > 20)
		return false;
	for (; p < e; p++)
		if (!((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= '0' && s[p] <= '9') || s[p] == '_'))
			return false;
	return true;
}

/*
 * "from Business | The Guardian on (#7L2K)": a feed reader names the feed
 * an item comes from by its title, "SECTION | PUBLISHER".  When the item
 * [p, ue) is "from" and a name, and a known publisher follows after "|",
 * the name goes to *section.
 */
static bool
feed_title_section(const char *s, size_t end, size_t p, size_t ue, AtSpan *section)
{
	size_t		q = at_skip_space(s, end, ue),
				name;

	if (ue - p < 6 || !words_eq(s + p, 5, "from ") || q >= end || s[q] != '|')
		return false;
	name = at_skip_space(s, ue, p + 5);
	q = at_skip_space(s, end, q + 1);
	if (name >= ue || !(s[name] >= 'A' && s[name] <= 'Z') || known_source_at(s, end, q) == 0)
		return false;
	section->start = name;
	section->len = at_trim_space_end(s, name, ue) - name;
	return section->len > 0;
}

/* "(#7L2K)", "#4521": a feed item's id among the fields; its length or 0 */
static size_t
item_id_at(const char *s, size_t end, size_t p)
{
	size_t		q = p + 1;

	if (p >= end || s[p] != '#')
		return 0;
	while (q < end && (at_is_ascii_alpha((unsigned char) s[q]) || (s[q] >= '0' && s[q] <= '9')))
		q++;
	return q > p + 1 && q - p <= 16 ? q - p : 0;
}

/* A bare count at p ("0", "12"), a widget's counter among the fields: its length or 0 */
static size_t
counter_at(const char *s, size_t end, size_t p)
{
	size_t		q = p;
	int			n;

	while (q < end && s[q] >= '0' && s[q] <= '9' && q - p < 6)
		q++;
	if (q == p || (q < end && !is_item_sep(s, end, q, &n)))
		return 0;
	return q - p;
}

/* "4 hours ago", "3 mins ago" at p: its length, or 0 */
static size_t
age_at(const char *s, size_t end, size_t p)
{
	size_t		q = p,
				w;

	while (q < end && s[q] >= '0' && s[q] <= '9' && q - p < 4)
		q++;
	if (q == p)
		return 0;
	q = at_skip_space(s, end, q);
	for (w = q; w < end && at_is_ascii_alpha((unsigned char) s[w]); w++)
		;
	if (w == q || !at_word_in(s + q, w - q, age_units, AT_LENGTHOF(age_units)))
		return 0;
	q = at_skip_space(s, end, w);
	if (q + 3 > end || !words_eq(s + q, 3, "ago") || at_alnum_at(s, end, q + 3))
		return 0;
	return q + 3 - p;
}

/*
 * A personal name at p glued to a date with a year ("Mandy Ho12 Jun 2023",
 * "Li Qian09:40 UTC+8, 2023-05-04"): two fields of the template with the
 * line break between them lost.  The name's length, or 0.
 */
static size_t
name_glued_to_date(const char *s, size_t end, size_t p)
{
	for (size_t q = p + 1; q < end && q - p <= 60; q++)
	{
		AtDate		d;
		char		c = s[q];

		if (c == '|' || c == ',' || c == '(' || c == '/' || c == ';')
			return 0;
		if (glued_digit(s, end, q))
		{
			memset(&d, 0, sizeof(d));
			if (date_item_at(s, end, q, &d) > 0 && d.has_year && is_name(s, p, q) &&
				at_count_words(s + p, q - p) >= 2)
				return q - p;
			return 0;
		}
	}
	return 0;
}

/*
 * What a step of parse_meta_line made of the item at *p.  A step that reads
 * the item moves *p past it.
 */
typedef enum MetaStep
{
	STEP_OTHER,					/* not this step's kind of item */
	STEP_READ,					/* read */
	STEP_NO_META				/* the line is no metadata line */
} MetaStep;

/* An unlabelled date (with an optional time), or a widget or counter between the fields */
static MetaStep
meta_date_or_widget(const char *s, size_t end, size_t *p, MetaLine *ml)
{
	AtDate		d;
	size_t		n;

	memset(&d, 0, sizeof(d));
	n = date_item_at(s, end, *p, &d);
	if (n == 0 && (n = at_chrome_item_at(s, end, *p)) > 0)
	{
		/* "Print", "0 Comment(s)" */
		ml->chrome_items++;
		*p += n;
		return STEP_READ;
	}
	if (n == 0)
		return STEP_OTHER;
	if (d.has_year && d.has_day && !ml->has_published)
	{
		ml->published = d;
		ml->has_published = true;
	}
	ml->has_unlabelled_date = true;
	*p += n;
	return STEP_READ;
}

/* The page's URL among the fields */
static MetaStep
meta_url(const char *s, size_t end, size_t *p, MetaLine *ml)
{
	size_t		q = *p;

	if (!((end - q > 8 && words_eq(s + q, 7, "http://")) || (end - q > 9 && words_eq(s + q, 8, "https://"))))
		return STEP_OTHER;
	while (q < end && s[q] != ' ' && s[q] != '|' && s[q] != '\t')
		q++;
	if (!ml->url.len)
	{
		ml->url.start = *p;
		ml->url.len = q - *p;
	}
	ml->has_label = true;
	*p = q;
	return STEP_READ;
}

/* "- By NAME", "By: NAME", "BY NAME": a label's kind (and *after, where its value starts), else -1 */
static int
field_label_at(const char *s, size_t end, size_t p, size_t *after)
{
	int			kind = label_at(s, end, p, false, after);

	if (kind < 0 && words_eq(s + p, AT_MIN(2, end - p), "by") && p + 2 < end && s[p + 2] == ' ')
	{
		kind = MK_AUTHOR;
		*after = p + 3;
	}
	return kind;
}

/* A publisher alone ("Page 14" may follow it), or an app's prompt */
static MetaStep
meta_publisher(const char *s, size_t end, size_t *p, MetaLine *ml)
{
	size_t		n = known_source_at(s, end, *p);

	if (n == 0)
		return STEP_OTHER;
	if (app_prompt(s, end, *p + n))
	{
		/* "ECNS App Download": a prompt, not the article's source */
		ml->chrome_items++;
		*p += n;
		return STEP_READ;
	}
	n += edition_after(s, end, *p + n);
	if (ml->source.len == 0)
	{
		ml->source.start = *p;
		ml->source.len = n;
	}
	n += staff_after(s, end, *p + n);
	ml->has_label = true;
	*p += n;
	return STEP_READ;
}

/* An ignored label without colon: a short code of letters and digits follows it */
static MetaStep
meta_ignored_code(const char *s, size_t end, size_t *p, size_t after)
{
	size_t		q = after;

	while (q < end && at_alnum_at(s, end, q) && (unsigned char) s[q] < 0x80)
		q++;
	if (q == after || q - after > 4)
		return STEP_NO_META;
	*p = q;
	return STEP_READ;
}

/*
 * An item of no known kind: a widget (an age, a counter, an id), a byline
 * glued to a date, or a short item (at most two a line), which may be the
 * source or the section
 */
static MetaStep
meta_unknown(const char *s, size_t start, size_t end, size_t *p, bool byline, MetaLine *ml)
{
	size_t		at = *p,
				ue = unknown_item(s, end, at, false),
				n;

	/* "4 hours ago": an age, no date; "0": a share counter; "#7L2K" */
	if ((n = age_at(s, end, at)) > 0 || (n = counter_at(s, end, at)) > 0 ||
		(n = item_id_at(s, end, at)) > 0)
	{
		ml->chrome_items++;
		*p += n;
		return STEP_READ;
	}
	/* "Mandy Ho12 Jun 2023": a byline glued to the date */
	if ((n = name_glued_to_date(s, end, at)) > 0)
	{
		if (ml->nauthors < MAX_AUTHORS)
		{
			ml->authors[ml->nauthors].start = at;
			ml->authors[ml->nauthors].len = n;
			ml->nauthors++;
		}
		ml->has_label = true;
		*p += n;
		return STEP_READ;
	}

	if (ue <= at || ++ml->unknown > 2)
		return STEP_NO_META;
	if (byline && !ml->source.len && pipe_before(s, start, at))
	{
		ml->source.start = at;
		ml->source.len = ue - at;
	}
	else if (ml->has_published && !ml->section.len && at > start + 2 &&
			 s[at - 2] == '/' && !all_capitals(s, at, ue))
	{
		ml->section.start = at;
		ml->section.len = ue - at;
	}
	else if (at == start && !ml->section.len && feed_title_section(s, end, at, ue, &ml->section))
		;						/* "from Business | The Guardian on (#7L2K)" */
	else if (at == start && !ml->section.len && section_before_date(s, end, at, ue))
	{
		/* "Business | Jun 30": a section, then the date */
		ml->section.start = at;
		ml->section.len = ue - at;
	}
	*p = ue;
	return STEP_READ;
}

/* The value of a date label (after): a date, a time of the published day, or none */
static MetaStep
meta_labelled_date(const char *s, size_t end, size_t *p, size_t after, int kind, MetaLine *ml)
{
	AtDate		d;
	size_t		n;

	memset(&d, 0, sizeof(d));
	n = date_item_at(s, end, after, &d);
	if (n == 0 && kind == MK_UPDATED && ml->has_published &&
		(n = at_match_time(s, end, after, &d)) > 0)
	{
		/* "DATE 09:12 am | Updated 11:40 am IST": the same day */
		if (!ml->has_updated)
		{
			ml->updated = ml->published;
			ml->updated.hour = d.hour;
			ml->updated.minute = d.minute;
			ml->updated.second = d.second;
			ml->updated.has_time = true;
			ml->has_updated = true;
		}
		*p = after + n;
		return STEP_READ;
	}
	if (n == 0)
	{
		/* "Updated 2 hours ago": a label without a date */
		size_t		ue = unknown_item(s, end, *p, true);

		if (ue <= *p || ++ml->unknown > 2)
			return STEP_NO_META;
		*p = ue;
		return STEP_READ;
	}
	if (d.has_year && d.has_day)
	{
		if (kind == MK_UPDATED && !ml->has_updated)
		{
			ml->updated = d;
			ml->has_updated = true;
		}
		else if (kind == MK_PUBLISHED && !ml->has_published)
		{
			ml->published = d;
			ml->has_published = true;
		}
	}
	*p = after + n;
	return STEP_READ;
}

/* The value of a byline, source or editor label (after), or an ignored one's */
static MetaStep
meta_labelled_field(const char *s, size_t end, size_t *p, size_t after, int kind, MetaLine *ml)
{
	size_t		ve = value_end(s, end, after),
				next = ve;

	if (kind == MK_IGNORE)
	{
		*p = ve;
		return STEP_READ;
	}
	/* "Editor: Apurva." : a name's closing period ends the line */
	if (ve > after + 1 && s[ve - 1] == '.' && (kind == MK_EDITOR || kind == MK_AUTHOR) &&
		ve == end && !(s[ve - 2] >= 'A' && s[ve - 2] <= 'Z'))
		ve--;
	if (!plausible_value(s, after, ve))
		return STEP_NO_META;
	if (kind == MK_AUTHOR)
	{
		/* "by admin": a site account, no byline */
		if (ve > after && !parse_names(s, after, ve, ml) && !user_handle(s, after, ve))
			return STEP_NO_META;
		ml->after_byline = true;
	}
	else if (ve > after)
	{
		AtSpan	   *f = kind == MK_SOURCE ? &ml->source : &ml->editor;

		if (f->len == 0)
		{
			f->start = after;
			f->len = ve - after;
		}
	}
	*p = next;
	return STEP_READ;
}

/*
 * An item that is neither a date nor a URL: a labelled field, a publisher,
 * a date label without colon, or an item of no known kind
 */
static MetaStep
meta_field(const char *s, size_t start, size_t end, size_t *p, bool byline, MetaLine *ml)
{
	size_t		after;
	int			kind = field_label_at(s, end, *p, &after);
	MetaStep	r;

	if (kind < 0)
	{
		if ((r = meta_publisher(s, end, p, ml)) != STEP_OTHER)
			return r;
		kind = label_at(s, end, *p, true, &after);
		if (kind == MK_IGNORE)
			return meta_ignored_code(s, end, p, after);
		if (kind != MK_PUBLISHED && kind != MK_UPDATED)
			return meta_unknown(s, start, end, p, byline, ml);
	}
	ml->has_label = true;
	after = skip_item_seps(s, end, after);
	if (kind == MK_PUBLISHED || kind == MK_UPDATED)
		return meta_labelled_date(s, end, p, after, kind, ml);
	return meta_labelled_field(s, end, p, after, kind, ml);
}

/*
 * Parse a whole line as metadata items: dates, labelled fields, bylines and
 * publisher names, separated by "|", brackets, dashes or white space, in
 * any order.  Widgets and counters ("Print", "0 Comment(s)") are skipped;
 * up to two short items of no known kind are allowed beside a field (a
 * section or place: "Business & Tech", "THIRUVANANTHAPURAM"), and one right
 * after a byline and a "|" is the source ("By NAME | chinadailyhk").
 */
static bool
parse_meta_line(const char *s, size_t start, size_t end, MetaLine *ml)
{
	size_t		p = start;

	memset(ml, 0, sizeof(*ml));
	if (end - start > MAX_META_LINE)
		return false;
	for (;;)
	{
		bool		byline = ml->after_byline;
		MetaStep	r;

		p = skip_item_seps(s, end, p);
		if (p >= end)
			break;
		ml->items++;
		ml->after_byline = false;
		if ((r = meta_date_or_widget(s, end, &p, ml)) == STEP_OTHER &&
			(r = meta_url(s, end, &p, ml)) == STEP_OTHER)
			r = meta_field(s, start, end, &p, byline, ml);
		if (r == STEP_NO_META)
			return false;
	}
	if (ml->items <= ml->chrome_items + ml->unknown)
		return false;
	/* unknown items only beside a field, and never in a sentence */
	if (ml->unknown > 0 &&
		(!(ml->has_label || ml->has_published || ml->has_updated || ml->has_unlabelled_date) ||
		 (s[end - 1] == '.' && !(end - start >= 2 && s[end - 2] >= 'A' && s[end - 2] <= 'Z'))))
		return false;
	return true;
}

static void
add_author(AtArticle *a, const char *s, AtSpan sp)
{
	for (size_t i = 0; i < a->authors.len; i++)
	{
		AtSpan	   *o = AT_VEC_AT(&a->authors, AtSpan, i);

		if (o->len == sp.len && memcmp(s + o->start, s + sp.start, sp.len) == 0)
			return;
	}
	*(AtSpan *) at_vec_push(&a->authors) = sp;
}

static void
apply_meta(Ctx *cx, const MetaLine *ml)
{
	AtArticle  *a = cx->a;

	if (ml->has_published && !a->has_published)
	{
		a->published = ml->published;
		a->has_published = true;
	}
	if (ml->has_updated && !a->has_updated)
	{
		a->updated = ml->updated;
		a->has_updated = true;
	}
	if (ml->source.len && !a->source.len)
	{
		a->source = ml->source;
		cx->source_late = cx->text_lines > 0;
	}
	if (ml->editor.len && !a->editor.len)
		a->editor = ml->editor;
	if (ml->url.len && !a->url.len)
		a->url = ml->url;
	if (ml->section.len && !cx->meta_section.len)
		cx->meta_section = ml->section;
	for (int i = 0; i < ml->nauthors; i++)
		add_author(a, cx->s, ml->authors[i]);
}

/* ---- headlines ---------------------------------------------------------- */

/* Short, no sentence-final period, starts like a heading */
static bool
headline_like(const char *s, size_t start, size_t end, int min_words)
{
	int			words = 0;
	bool		in_word = false,
				first_capital = false;
	uint32_t	cp;
	char		last;

	if (end - start > MAX_TITLE_LINE)
		return false;
	last = s[end - 1];
	if (last == '.' && !(end - start >= 3 && s[end - 2] == '.' && s[end - 3] == '.'))
		return false;
	if (last == ',' || last == ';' || last == ':')
		return false;
	at_utf8_decode(s + start, end - start, &cp);
	if (cp == ',' || cp == ';' || cp == ':' || cp == '.' || cp == ')' || cp == ']' ||
		cp == '}' || at_cp_is_close_quote(cp))
		return false;
	/* "(Adds details, updates prices)": a note in brackets, not a headline */
	if (cp == '(' && last == ')')
		return false;
	/* "- ", "* ", "• ": a bullet of a list or standfirst */
	if ((cp == '-' || cp == '*' || cp == 0x2022 || cp == 0xB7) && end - start > 2 &&
		s[start + (cp < 0x80 ? 1 : cp == 0xB7 ? 2 : 3)] == ' ')
		return false;
	for (size_t p = start; p < end; p++)
	{
		bool		sp = s[p] == ' ' || s[p] == '\t';

		if (!sp && !in_word)
			words++;
		in_word = !sp;
		/* "iTunes", "eBay": a lower-case start needs a capital in the first word */
		if (words == 1 && !sp && s[p] >= 'A' && s[p] <= 'Z')
			first_capital = true;
	}
	if (at_cp_is_lower(cp) && !first_capital)
		return false;
	return words >= min_words && words <= MAX_TITLE_WORDS;
}

/* ---- dateline ----------------------------------------------------------- */

/*
 * "BEIJING, May 12 (Xinhua) -- ", "HONG KONG (Reuters) - ", "Taipei, Taiwan — ".
 * All-capital places stand alone; mixed-case ones need a region after a
 * comma.  Group 1 is the dateline without the dash, 2 the agency.
 */
static AtRegex re_dateline = AT_REGEX(
	"\\G((?:[A-Z][A-Z'.\\-]+(?: [A-Z][A-Z'.\\-]+){0,3}"
	"|[A-Z][a-z'.\\-]+(?: [A-Z][a-z'.\\-]+){0,2}(?=,))"
	"(?:, [A-Z][A-Za-z'.\\-]+(?: [A-Z][A-Za-z'.\\-]+){0,3}){0,2}"
	"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\\.? \\d{1,2})?"
	"(?: ?\\(([A-Z][A-Za-z .']{1,40})\\))?"
	"|(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\\.? \\d{1,2} ?)?\\(([A-Z][A-Za-z .']{1,40})\\))"
	"(?: ?(?:--|—|–|-) |--(?=[A-Z\"“])|—(?=[A-Z\"“]))",
	AT_RE_UNICODE);

static void
find_dateline(Ctx *cx, size_t start, size_t end)
{
	AtMatch		m;
	AtArticle  *a = cx->a;
	int			rc = at_regex_match(&re_dateline, cx->s, AT_MIN(end, start + 200), start, &m);

	if (rc < 0)
	{
		cx->status = (AtStatus) -rc;
		return;
	}
	if (rc == 0 || m.start[0] != start)
		return;
	/*
	 * "(ECNS) -- ": an agency without a place gives the source, no
	 * dateline; "SINGAPORE – ", a place without an agency, is none either
	 */
	if (!(m.ngroups > 3 && m.start[3] != SIZE_MAX) && m.ngroups > 2 && m.start[2] != SIZE_MAX)
	{
		a->dateline.start = m.start[1];
		a->dateline.len = m.end[1] - m.start[1];
	}
	/* the agency heading the text credits it before a signature under it ("-- BERNAMA") */
	for (int g = 2; g <= 3; g++)
		if (g < m.ngroups && m.start[g] != SIZE_MAX && (!a->source.len || cx->source_late))
		{
			cx->source_late = false;
			a->source.start = m.start[g];
			a->source.len = m.end[g] - m.start[g];
		}
	/* the date of the dateline; the year comes from the page's date */
	if (!a->has_published)
	{
		for (size_t p = m.start[1]; p < m.end[1]; p++)
		{
			AtDate		d;

			if (p > m.start[1] && cx->s[p - 1] == ' ' && at_match_date(cx->s, m.end[1], p, &d) && d.has_day)
			{
				const AtDate *page = a->has_updated ? &a->updated : NULL;

				if (d.has_year)
				{
					a->published = d;
					a->has_published = true;
				}
				else if (page)
				{
					d.year = page->year - (d.month > page->month ? 1 : 0);
					if (d.day <= at_days_in_month(d.year, d.month))
					{
						d.has_year = true;
						a->published = d;
						a->has_published = true;
					}
				}
				break;
			}
		}
	}
}

/* ---- words ---------------------------------------------------------------- */

/* Bytes of ASCII: 1 white space, 2 letter or digit, 0 other */
static const uint8_t ascii_word_class[128] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2,
	['7'] = 2, ['8'] = 2, ['9'] = 2,
	['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2,
	['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2,
	['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2, ['U'] = 2,
	['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
	['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2, ['g'] = 2,
	['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2, ['l'] = 2, ['m'] = 2, ['n'] = 2,
	['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2, ['u'] = 2,
	['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2, ['z'] = 2,
};

int
at_count_words(const char *text, size_t len)
{
	int			words = 0;
	bool		counted = false;

	for (size_t p = 0; p < len;)
	{
		unsigned char c = (unsigned char) text[p];

		if ((p & 0xffff) == 0)
			AT_CHECK_INTERRUPTS();
		if (c < 0x80)
		{
			/* the common case, a byte at a time from a table */
			int			cls = ascii_word_class[c];

			if (cls == 1)
				counted = false;
			else if (cls == 2 && !counted)
			{
				words++;
				counted = true;
			}
			p++;
		}
		else
		{
			uint32_t	cp;
			int			n = at_utf8_decode(text + p, len - p, &cp);

			if (at_cp_is_space(cp))
				counted = false;
			else if (at_cp_is_alpha(cp) && !counted)
			{
				words++;
				counted = true;
			}
			p += n;
		}
	}
	return words;
}

/* ---- fields from single lines -------------------------------------------- */

/* Labels of a line that gives the page's own URL */
static const char *const url_labels[] = {
	"article url", "link", "original", "original url", "page url", "permalink",
	"source", "source url", "url", "web",
};

/* Extensions of media files: their address on a line is not the page's own */
static const char *const media_extensions[] = {
	"gif", "jpeg", "jpg", "m3u8", "m4a", "mov", "mp3", "mp4", "png", "wav", "webm", "webp",
};

/* Does the URL name a media file ("..._english_1.mp3", "photo.jpg?w=800")? */
static bool
media_url(const char *s, AtSpan url)
{
	size_t		e = url.start + url.len,
				dot;

	for (size_t q = url.start; q < e; q++)
		if (s[q] == '?' || s[q] == '#')
		{
			e = q;
			break;
		}
	for (dot = e; dot > url.start && s[dot - 1] != '.' && s[dot - 1] != '/' && e - dot < 5; dot--)
		;
	return dot > url.start && s[dot - 1] == '.' &&
		at_word_in(s + dot, e - dot, media_extensions, AT_LENGTHOF(media_extensions));
}

/*
 * A line that is one URL ("https://...", "www...."), alone or after a label
 * such as "URL:" or "Source:"; the span of the URL.
 */
static bool
url_line(const char *s, size_t start, size_t end, AtSpan *url)
{
	size_t		p = start;

	if (end - start > 2048)
		return false;
	/* an optional label and colon */
	for (size_t q = start; q < end && q - start <= 12; q++)
		if (s[q] == ':' && !(q + 2 < end && s[q + 1] == '/' && s[q + 2] == '/'))
		{
			if (!at_word_in(s + start, at_trim_space_end(s, start, q) - start, url_labels, AT_LENGTHOF(url_labels)))
				return false;
			p = at_skip_space(s, end, q + 1);
			break;
		}
	if (!((end - p > 8 && words_eq(s + p, 7, "http://")) ||
		  (end - p > 9 && words_eq(s + p, 8, "https://")) ||
		  (end - p > 5 && words_eq(s + p, 4, "www."))))
		return false;
	for (size_t q = p; q < end; q++)
		if (s[q] == ' ' || s[q] == '\t' || s[q] == '<' || s[q] == '>' || s[q] == '"')
			return false;
	url->start = p;
	url->len = end - p;
	return true;
}

/* "Tags: a, b; c" or "Keywords: a | b": the tags, in order */
static void
tags_line(Ctx *cx, size_t start, size_t end)
{
	const char *s = cx->s;
	size_t		p;

	if (cx->a->tags.len > 0)
		return;
	if (end - start > 5 && words_eq(s + start, 4, "tags") && (s[start + 4] == ':' || s[start + 4] == ' '))
		p = start + 4;
	else if (end - start > 9 && words_eq(s + start, 8, "keywords") && (s[start + 8] == ':' || s[start + 8] == ' '))
		p = start + 8;
	else
		return;
	p = at_skip_space(s, end, p);
	if (p < end && s[p] == ':')
		p++;
	while (p < end)
	{
		size_t		q = p,
					e;

		while (q < end && s[q] != ',' && s[q] != ';' && s[q] != '|')
			q++;
		p = at_skip_space(s, q, p);
		e = at_trim_space_end(s, p, q);
		if (e > p && e - p <= 60)
		{
			AtSpan	   *t = at_vec_push(&cx->a->tags);

			t->start = p;
			t->len = e - p;
		}
		p = q + 1;
	}
}

/*
 * The owner a copyright line names, as written, after the sign, "by" and
 * the years: "Copyright © 2022 South China Morning Post Publishers Ltd.
 * All rights reserved." gives "South China Morning Post Publishers Ltd".
 * It ends at a full stop, comma, "|", bracket or "All rights"; at most
 * MAX_OWNER_WORDS words, the first capitalised.  Its length (start in
 * *at), or 0.
 */
static size_t
copyright_owner(const char *s, size_t end, size_t p, size_t *at)
{
	size_t		q,
				e;
	int			words = 0;

	for (;;)
	{
		p = at_skip_space(s, end, p);
		if (p + 2 <= end && memcmp(s + p, "\xc2\xa9", 2) == 0)
			p += 2;
		else if (p + 3 <= end && memcmp(s + p, "\xe2\x93\x92", 3) == 0)
			p += 3;
		else if (p + 3 <= end && (words_eq(s + p, 3, "(c)")))
			p += 3;
		else if (p < end && ((s[p] >= '0' && s[p] <= '9') || s[p] == '-' || s[p] == ':'))
			p++;
		else if (p + 3 <= end && words_eq(s + p, 2, "by") && s[p + 2] == ' ')
			p += 3;
		else
			break;
	}
	if (p >= end || !(s[p] >= 'A' && s[p] <= 'Z'))
		return 0;
	for (q = p; q < end; q++)
	{
		char		c = s[q];

		if (c == ',' || c == '|' || c == '(' || c == '[' || c == ';' ||
			(c == '.' && (q + 1 == end || s[q + 1] == ' ')))
			break;
		if (c == ' ' && q + 11 <= end && words_eq(s + q + 1, 10, "all rights"))
			break;
		if (c == ' ' && q + 1 < end && s[q + 1] != ' ' && ++words >= MAX_OWNER_WORDS)
			return 0;
	}
	e = at_trim_space_end(s, p, q);
	*at = p;
	return e - p;
}

/*
 * "Copyright © 2023 Global Times All Rights Reserved": the first known
 * publisher of a copyright line, the source of a page that names none.
 */
static void
copyright_source(Ctx *cx, size_t start, size_t end)
{
	const char *s = cx->s;
	size_t		n;

	size_t		from;

	if (cx->copyright_source.len || end - start > 400)
		return;
	/*
	 * "[© 2015 Thomson Reuters. All rights reserved.] Copyright 2015
	 * Reuters.": a reseller's notice in brackets, then the agency's own,
	 * which names the source; the bracketed one alone names it too.
	 */
	if (end - start > 1 && (s[start] == '[' || s[start] == '('))
	{
		const char *close = memchr(s + start, s[start] == '[' ? ']' : ')', end - start);
		size_t		after = close ? at_skip_space(s, end, (size_t) (close - s) + 1) : end;

		if (after < end && (words_eq(s + after, AT_MIN(9, end - after), "copyright") ||
							(end - after > 2 && memcmp(s + after, "\xc2\xa9", 2) == 0)))
			start = after;
		else
			start = at_skip_space(s, end, start + 1);
	}
	if (words_eq(s + start, AT_MIN(9, end - start), "copyright"))
		from = start + 9;
	else if (end - start > 2 && memcmp(s + start, "\xc2\xa9", 2) == 0)
		from = start + 2;
	else if (end - start > 3 && memcmp(s + start, "\xe2\x93\x92", 3) == 0)
		from = start + 3;		/* a circled c (Korean sites) */
	else
		return;
	if ((n = copyright_owner(s, end, from, &from)) > 0)
	{
		cx->copyright_source.start = from;
		cx->copyright_source.len = n;
		return;
	}
	for (size_t p = from; p < end; p++)
		if (at_is_ascii_alpha((unsigned char) s[p]) && !at_is_ascii_alpha((unsigned char) s[p - 1]) &&
			(n = known_source_at(s, end, p)) > 0)
		{
			cx->copyright_source.start = p;
			cx->copyright_source.len = n;
			return;
		}
}

/* A photo caption line, as written with its credit; not a credit alone */
static void
add_caption(Ctx *cx, size_t start, size_t end)
{
	if (at_chrome_caption_end(cx->s, start, end) > start)
	{
		AtSpan	   *c = at_vec_push(&cx->a->captions);

		c->start = start;
		c->len = end - start;
	}
}

/*
 * The section in a breadcrumb ("Home > News > Business"): its last label
 * that is not the root.  False when the line has no separator.
 */
static bool
crumb_section(const char *s, size_t start, size_t end, AtSpan *result)
{
	size_t		seg = start;
	bool		found = false;
	AtSpan		sp = {0, 0},
			   *out = &sp;

	for (size_t p = start; p <= end;)
	{
		int			n = 0;

		if (p < end)
		{
			if (s[p] == '>' || s[p] == '|' || s[p] == '/')
				n = 1;
			else if (p + 1 < end && memcmp(s + p, "\xc2\xbb", 2) == 0)
				n = 2;
			else if (p + 2 < end && memcmp(s + p, "\xe2\x80\xba", 3) == 0)
				n = 3;
			if (n == 0)
			{
				p++;
				continue;
			}
		}
		else
			n = 1;
		{
			size_t		a = at_skip_space(s, p, seg),
						b = at_trim_space_end(s, a, p);

			if (b > a && !(words_eq(s + a, b - a, "home") || words_eq(s + a, b - a, "homepage")))
			{
				out->start = a;
				out->len = b - a;
			}
			if (p < end)
				found = true;
		}
		p += n;
		seg = p;
	}
	if (!found || sp.len == 0)
		return false;
	*result = sp;
	return true;
}

/* A paragraph of prose: long enough, and ending a sentence */
static bool
prose_paragraph(const char *s, const Line *ln)
{
	size_t		n = ln->end - ln->start;
	char		last = s[ln->end - 1];

	return n >= 60 && (last == '.' || last == '!' || last == '?' || last == '"' ||
					   memcmp(s + ln->end - 3, "\xe2\x80\x9d", 3) == 0);
}

/*
 * "(Yonhap)" or "|(Yonhap)" alone between two paragraphs: the credit of a
 * photo the scrape dropped, not the article's (which its byline, dateline,
 * last paragraph or copyright line gives).  Under the headline, a bracketed
 * agency alone does credit the article, so only between prose.  The line
 * becomes a caption line that is a bare credit (no caption, no source).
 */
static void
photo_credit_residue(const char *s, Line *L, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++)
	{
		size_t		p = L[i].start,
					e = L[i].end,
					k;

		if (L[i].chrome != AT_CHROME_NONE)
			continue;
		if (p < e && s[p] == '|')
			p++;
		if (e - p < 3 || s[p] != '(' || s[e - 1] != ')')
			continue;
		k = known_source_at(s, e - 1, p + 1);
		if (k > 0 && p + 1 + k == e - 1 &&
			prose_paragraph(s, &L[i - 1]) && prose_paragraph(s, &L[i + 1]))
			L[i].chrome = AT_CHROME_CAPTION;
	}
}

/*
 * "... had doubled since 2021. (Yonhap)": the article's last paragraph
 * signed with its agency in brackets, which the classifier takes for a
 * photo caption and its credit.  Right after the last text line, and a
 * whole sentence of MIN_SIGNED_WORDS words or more, it is text.
 */
static void
signed_last_paragraph(const char *s, Line *L, size_t n)
{
	size_t		last = n,
				ce,
				cs;

	for (size_t i = n; i > 0; i--)
		if (L[i - 1].chrome == AT_CHROME_NONE)
		{
			last = i - 1;
			break;
		}
	if (last + 1 >= n || L[last + 1].chrome != AT_CHROME_CAPTION)
		return;
	cs = L[last + 1].start;
	ce = at_chrome_caption_end(s, cs, L[last + 1].end);
	if (ce <= cs || s[ce - 1] != '.' || at_count_words(s + cs, ce - cs) < MIN_SIGNED_WORDS)
		return;
	/* the credit is one name in brackets: "(Yonhap)", not "(Xinhua/NAME)" */
	ce = at_skip_space(s, L[last + 1].end, ce);
	if (ce >= L[last + 1].end || s[ce] != '(' || s[L[last + 1].end - 1] != ')' ||
		memchr(s + ce, '/', L[last + 1].end - ce) != NULL)
		return;
	L[last + 1].chrome = AT_CHROME_NONE;
}

/*
 * "... into farmers' bank accounts. — Bernama": the last paragraph signed
 * with its agency after a dash, or in brackets ("... since 2021. (Yonhap)").
 * The agency, when it is a known publisher, credits the article.
 */
static AtSpan
paragraph_signature(const char *s, const Line *L, size_t n)
{
	AtSpan		none = {0, 0};
	size_t		i = n,
				e,
				q;

	while (i > 0 && L[i - 1].kind != AT_LINE_TEXT)
		i--;
	if (i == 0)
		return none;
	e = L[i - 1].end;
	if (e > L[i - 1].start && s[e - 1] == '.')
		e--;
	if (e > L[i - 1].start && s[e - 1] == ')')
		e--;
	/* the signature is one known name ending the line: the longest */
	q = 0;
	for (size_t w = e > 40 ? e - 40 : 0; w < e; w++)
		if (w >= L[i - 1].start + 3 && (s[w - 1] == ' ' || s[w - 1] == '(') &&
			known_source_at(s, e, w) == e - w)
		{
			q = w;
			break;
		}
	if (q == 0)
		return none;
	/* "... sentence. (Yonhap)" */
	if (s[q - 1] == '(' && e < L[i - 1].end && s[e] == ')' &&
		s[q - 2] == ' ' && s[q - 3] && strchr(".!?\"", s[q - 3]))
		return (AtSpan) {q, e - q};
	/* "... sentence. — Bernama", " - Bernama", " -- BERNAMA" */
	if (s[q - 1] == ' ' && e == at_trim_space_end(s, q, L[i - 1].end) - (s[L[i - 1].end - 1] == '.'))
	{
		size_t		d = q - 1;

		if (d >= 3 && memcmp(s + d - 3, "\xe2\x80\x94", 3) == 0)
			d -= 3;
		else if (d >= 3 && memcmp(s + d - 3, "\xe2\x80\x93", 3) == 0)
			d -= 3;
		else if (d >= 2 && s[d - 1] == '-' && s[d - 2] == '-')
			d -= 2;
		else if (d >= 1 && s[d - 1] == '-')
			d -= 1;
		else
			return none;
		if (d >= L[i - 1].start + 2 && s[d - 1] == ' ' && s[d - 2] && strchr(".!?\"", s[d - 2]))
			return (AtSpan) {q, e - q};
	}
	return none;
}

/* ---- the parser ----------------------------------------------------------- */

/*
 * Private kinds of header lines until the headline is known: a candidate
 * (headline-like), and a short lower-case line without sentence end (page
 * debris such as "left corner"), chrome above the headline, text below it.
 */
#define LINE_CANDIDATE	(AT_LINE_CHROME + 1)
#define LINE_LOWER		(AT_LINE_CHROME + 2)
#define LINE_BANNER		(AT_LINE_CHROME + 3)	/* a publisher's name alone, in the header */

/*
 * Does a line of widgets carry a date, a byline or an editor?  A publisher's
 * name alone does not make "Chinanews App Download" a metadata line.
 */
static bool
meta_fields(const MetaLine *ml)
{
	return ml->has_published || ml->has_updated || ml->nauthors > 0 || ml->editor.len > 0;
}

AtLineKind
at_classify_line(const char *line, size_t len)
{
	size_t		start = at_skip_space(line, len, 0),
				end = at_trim_space_end(line, start, len);
	MetaLine	ml;
	AtChromeKind c;

	if (end == start)
		return AT_LINE_BLANK;
	c = at_chrome_line(line, start, end, NULL);
	if ((c == AT_CHROME_WIDGET || c == AT_CHROME_NAV) &&
		parse_meta_line(line, start, end, &ml) && meta_fields(&ml))
		return AT_LINE_META;
	if (c != AT_CHROME_NONE)
		return AT_LINE_CHROME;
	if (parse_meta_line(line, start, end, &ml))
		return AT_LINE_META;
	return AT_LINE_TEXT;
}

static void
set_chrome(Ctx *cx, Line *ln)
{
	ln->kind = AT_LINE_CHROME;
	cx->a->chrome_removed++;
}

/* Ends with a role word, at most max_words words */
static bool
role_line_words(const char *s, size_t start, size_t end, int max_words)
{
	size_t		w = end;

	if (end - start > 60 || at_count_words(s + start, end - start) > max_words)
		return false;
	while (w > start && s[w - 1] != ' ')
		w--;
	return at_word_in(s + w, end - w, role_words, AT_LENGTHOF(role_words));
}

/* "Business correspondent", "Senior Writer": a byline's role, at most four words */
static bool
role_line(const char *s, const Line *ln)
{
	return role_line_words(s, ln->start, ln->end, 4);
}

/*
 * Names alone on a line ("Ni Dandan", "Jane Chan and Tom Wu"), or a name and
 * its role ("Jane Doe Transport correspondent"): two to five words a name.
 * The names go to ml's authors.
 */
/*
 * NAME ROLE ("Jane Doe Energy correspondent"): the first two words a name,
 * the last a role word; the name goes to ml's authors (ml is cleared)
 */
static bool
name_role_line(const char *s, const Line *ln, MetaLine *ml)
{
	size_t		w2 = ln->end;
	int			tokens = 0;

	memset(ml, 0, sizeof(*ml));
	if (!role_line_words(s, ln->start, ln->end, 5))
		return false;
	for (size_t p = ln->start; p < ln->end; p++)
		if (s[p] == ' ' && ++tokens == 2)
		{
			w2 = p;
			break;
		}
	if (w2 == ln->end || !is_name(s, ln->start, w2))
		return false;
	ml->authors[0].start = ln->start;
	ml->authors[0].len = w2 - ln->start;
	ml->nauthors = 1;
	return true;
}

static bool
bare_name(const char *s, const Line *ln, MetaLine *ml)
{
	memset(ml, 0, sizeof(*ml));
	if (ln->end - ln->start > 80 || known_source_at(s, ln->end, ln->start))
		return false;
	for (size_t q = ln->start; q + 4 < ln->end; q++)
		if (s[q] == ' ' && (words_eq(s + q + 1, 3, "in ") || words_eq(s + q + 1, 5, "from ")))
			return false;
	if (parse_names(s, ln->start, ln->end, ml) && ml->nauthors > 0 && !ml->source.len)
	{
		bool		ok = true;

		for (int k = 0; k < ml->nauthors && ok; k++)
		{
			int			w = at_count_words(s + ml->authors[k].start, ml->authors[k].len);

			ok = w >= 2 && w <= 5;
		}
		if (ok)
			return true;
	}
	return name_role_line(s, ln, ml);
}

/*
 * Is the text line alt the caption line cap's own words without its credit
 * ("DESCRIPTION." above "DESCRIPTION. | Photo Credit: NAME")?
 */
static bool
alt_text_of(const char *s, const Line *alt, const Line *cap)
{
	size_t		ce = at_chrome_caption_end(s, cap->start, cap->end),
				n = alt->end - alt->start;

	while (ce > cap->start && (s[ce - 1] == '|' || s[ce - 1] == ' '))
		ce--;
	return ce - cap->start == n && memcmp(s + alt->start, s + cap->start, n) == 0;
}

/*
 * "HongKong Comment(3)": a section label with a widget's counter glued to
 * it.  The label (one or two capitalised words) goes to *section when the
 * rest of the line is widget items.
 */
static void
counter_section(const char *s, const Line *ln, AtSpan *section)
{
	size_t		p = ln->start,
				e,
				k;
	int			words = 0;

	while (p < ln->end && at_chrome_item_at(s, ln->end, p) == 0)
	{
		if (!(s[p] >= 'A' && s[p] <= 'Z') || ++words > 2)
			return;
		while (p < ln->end && at_is_ascii_alpha((unsigned char) s[p]) &&
			   (p == ln->start || s[p - 1] == ' ' || at_chrome_item_at(s, ln->end, p) == 0))
			p++;
		p = at_skip_space(s, ln->end, p);
	}
	e = at_trim_space_end(s, ln->start, p);
	if (words == 0 || e == ln->start)
		return;
	/* the rest: widget items (one at least), counts and brackets */
	if (p >= ln->end)
		return;
	while (p < ln->end)
	{
		if ((k = at_chrome_item_at(s, ln->end, p)) > 0)
			p += k;
		else if (s[p] == '(' || s[p] == ')' || s[p] == ' ' || (s[p] >= '0' && s[p] <= '9'))
			p++;
		else
			return;
	}
	section->start = ln->start;
	section->len = e - ln->start;
}

/* A metadata line with a field or label, not a kicker ("March 2024") */
static bool
field_line(const char *s, const Line *ln)
{
	MetaLine	ml;

	return parse_meta_line(s, ln->start, ln->end, &ml) &&
		(ml.has_label || ml.has_published || ml.has_updated || ml.nauthors > 0);
}

/* A line that only names a publisher ("Caixin Global", "KBS WORLD", "(Xinhua)") */
static bool
source_only(const MetaLine *ml)
{
	return ml->source.len > 0 && !ml->has_published && !ml->has_updated && ml->nauthors == 0 &&
		!ml->editor.len && !ml->url.len && ml->unknown <= 1 &&
		ml->items - ml->chrome_items - ml->unknown == 1;
}

/*
 * "The Guardian - UK": a publisher and its edition after a dash, the label
 * with which a news app or aggregator credits the title an article comes
 * from (a site's own banner does not name its edition so).
 */
static bool
publisher_edition(const char *s, const Line *ln)
{
	size_t		p = ln->start + known_source_at(s, ln->end, ln->start);
	int			words = 0;

	if (p == ln->start || p + 3 >= ln->end || s[p] != ' ')
		return false;
	p++;
	if (s[p] == '-')
		p++;
	else if (p + 3 <= ln->end && memcmp(s + p, "\xe2\x80\x93", 3) == 0)
		p += 3;
	else
		return false;
	if (p >= ln->end || s[p] != ' ')
		return false;
	for (p++; p < ln->end; p++)
		if (s[p - 1] == ' ')
		{
			if (!(s[p] >= 'A' && s[p] <= 'Z') || ++words > 2)
				return false;
		}
		else if (!(at_is_ascii_alpha((unsigned char) s[p]) || s[p] == ' '))
			return false;
	return words > 0;
}

/* A bullet that opens the line ("- ", "* ", "• ", "· "): its bytes, or 0 */
static size_t
bullet_len(const char *s, size_t start, size_t end)
{
	size_t		n = 0;

	if (s[start] == '-' || s[start] == '*')
		n = 1;
	else if (end - start >= 3 && memcmp(s + start, "\xe2\x80\xa2", 3) == 0)
		n = 3;
	else if (end - start >= 2 && memcmp(s + start, "\xc2\xb7", 2) == 0)
		n = 2;
	return n > 0 && start + n < end && s[start + n] == ' ' ? n : 0;
}

/*
 * Labels that name the section on a line of their own, and the separator
 * after each: "From the section Scotland" (BBC), "Topic | Hong Kong
 * economy" (SCMP), "Topic: Climate".
 */
static const struct
{
	const char *label;
	char		sep;			/* ' ': spaces only */
}			section_labels[] =
{
	{"from the section", ' '}, {"topic", '|'}, {"topic", ':'},
};

/*
 * A section label and the section's name after it (one to five words, no
 * sentence end): the name goes to *name.
 */
static bool
section_label_line(const char *s, const Line *ln, AtSpan *name)
{
	size_t		start = ln->start,
				end = ln->end;

	start += bullet_len(s, start, end);
	start = at_skip_space(s, end, start);
	if (end - start > 80 || strchr(".!?,;", s[end - 1]))
		return false;
	for (size_t k = 0; k < AT_LENGTHOF(section_labels); k++)
	{
		const char *w = section_labels[k].label;
		size_t		p = start,
					q;

		for (; *w && p < end; w++, p++)
			if (*w == ' ' ? s[p] != ' ' : lower(s[p]) != *w)
				break;
		if (*w)
			continue;
		q = at_skip_space(s, end, p);
		if (section_labels[k].sep == ' ' ? q == p : (q >= end || s[q] != section_labels[k].sep))
			continue;
		if (section_labels[k].sep != ' ')
			q = at_skip_space(s, end, q + 1);
		if (q >= end || !(s[q] >= 'A' && s[q] <= 'Z') ||
			at_count_words(s + q, end - q) > 5)
			continue;
		name->start = q;
		name->len = at_trim_space_end(s, q, end) - q;
		return true;
	}
	return false;
}

/* The kind of a line that is one label alone ("Source:", "Updated"), or -1 */
static int
whole_label(const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == ':' || s[end - 1] == ' '))
		end--;
	if (end - start >= 3 && memcmp(s + end - 3, "\xef\xbc\x9a", 3) == 0)
		end = at_trim_space_end(s, start, end - 3);
	if (end == start || end - start > 24)
		return -1;
	for (size_t i = 0; i < AT_LENGTHOF(meta_labels); i++)
	{
		size_t		ll = strlen(meta_labels[i].label);

		if (ll == end - start && words_eq(s + start, ll, meta_labels[i].label))
			return (int) meta_labels[i].kind;
	}
	return -1;
}

/*
 * A label alone on its line and its value alone on the next ("Source:" /
 * "Xinhua", "Updated" / "Jun 3, 2024, 08:15 PM", "By" / "NAME"): one
 * metadata item over two lines.  True when L[i] and L[i + 1] are such a
 * pair (both are then metadata); *anchor when it gave a date or a byline.
 */
static bool
label_pair(Ctx *cx, Line *L, size_t n, size_t i, bool *anchor)
{
	const char *s = cx->s;
	Line	   *vl = &L[i + 1];
	MetaLine	ml;
	AtDate		d;
	size_t		k;
	int			kind;

	*anchor = false;
	if (i + 1 >= n || (L[i].chrome != AT_CHROME_NONE && L[i].chrome != AT_CHROME_CONTEXT) ||
		(vl->chrome != AT_CHROME_NONE && vl->chrome != AT_CHROME_CONTEXT) ||
		(kind = whole_label(s, L[i].start, L[i].end)) < 0 || kind == MK_IGNORE)
		return false;
	memset(&ml, 0, sizeof(ml));
	memset(&d, 0, sizeof(d));
	switch ((MetaKind) kind)
	{
		case MK_PUBLISHED:
		case MK_UPDATED:
			k = date_item_at(s, vl->end, vl->start, &d);
			if (k == 0 || vl->start + k != vl->end || !d.has_year || !d.has_day)
				return false;
			if (kind == MK_PUBLISHED)
			{
				ml.published = d;
				ml.has_published = true;
			}
			else
			{
				ml.updated = d;
				ml.has_updated = true;
			}
			break;
		case MK_SOURCE:
		case MK_EDITOR:
			if (at_count_words(s + vl->start, vl->end - vl->start) > MAX_PAIR_VALUE_WORDS || !plausible_value(s, vl->start, vl->end) ||
				strchr(".!?:;,", s[vl->end - 1]))
				return false;
			if (kind == MK_SOURCE)
				ml.source = (AtSpan) {vl->start, vl->end - vl->start};
			else
				ml.editor = (AtSpan) {vl->start, vl->end - vl->start};
			break;
		case MK_AUTHOR:
			if (!bare_name(s, vl, &ml))
				return false;
			break;
		default:
			return false;
	}
	apply_meta(cx, &ml);
	L[i].kind = vl->kind = AT_LINE_META;
	*anchor = ml.has_published || ml.has_updated || ml.nauthors > 0;
	return true;
}

/*
 * Classify one line in context; header: no body text seen yet; prev: the
 * line before, or NULL.  Returns true when the line is a date or byline of
 * the header or right after a standfirst (an anchor for the headline).
 */
static bool
classify(Ctx *cx, Line *ln, Line *prev, bool *header)
{
	const char *s = cx->s;
	AtChromeKind c = (AtChromeKind) ln->chrome;
	MetaLine	ml;
	AtSpan		url,
				sec;
	bool		parsed;

	/* "From the section NAME", "Topic | NAME": the page's section */
	if (section_label_line(s, ln, &sec))
	{
		ln->kind = AT_LINE_META;
		if (!cx->meta_section.len)
			cx->meta_section = sec;
		return false;
	}
	if (c == AT_CHROME_CAPTION)
	{
		/*
		 * The caption's words alone just above it: the image's alt text
		 * (a headline-like line when it ends without a full stop).
		 */
		if (prev && (prev->kind == AT_LINE_TEXT || prev->kind == LINE_CANDIDATE) &&
			alt_text_of(s, prev, ln))
		{
			AtSpan	   *alt = at_vec_push(&cx->a->captions);

			alt->start = prev->start;
			alt->len = prev->end - prev->start;
			if (prev->kind == AT_LINE_TEXT)
				cx->text_lines--;
			set_chrome(cx, prev);
		}
		add_caption(cx, ln->start, ln->end);
		set_chrome(cx, ln);
		return false;
	}
	/* the line a bare credit introduces ("Ti Gong" / DESCRIPTION) is the caption */
	if (prev && prev->chrome == AT_CHROME_CAPTION && c == AT_CHROME_NONE &&
		at_chrome_credit_line(s, prev->start, prev->end) &&
		ln->end - ln->start <= MAX_CAPTION_LINE && !ln->break_before)
	{
		AtSpan	   *cap = at_vec_push(&cx->a->captions);

		cap->start = ln->start;
		cap->len = ln->end - ln->start;
		set_chrome(cx, ln);
		return false;
	}
	if (c != AT_CHROME_NONE && c != AT_CHROME_CONTEXT)
	{
		/* "0 Comment(s)Print E-mail, March 30, 2021": widgets around a date */
		if ((c == AT_CHROME_WIDGET || c == AT_CHROME_NAV) &&
			parse_meta_line(s, ln->start, ln->end, &ml) && meta_fields(&ml))
		{
			ln->kind = AT_LINE_META;
			apply_meta(cx, &ml);
			return *header && (ml.has_published || ml.has_updated || ml.nauthors > 0);
		}
		if (c == AT_CHROME_LEGAL)
			tags_line(cx, ln->start, ln->end);
		/* "Copyright © 2022 Global Times All Rights Reserved" is a vocabulary line too */
		copyright_source(cx, ln->start, ln->end);
		set_chrome(cx, ln);
		return false;
	}
	if (url_line(s, ln->start, ln->end, &url))
	{
		if (!cx->a->url.len && !media_url(s, url))
			cx->a->url = url;
		ln->kind = AT_LINE_META;
		return false;
	}
	if ((parsed = parse_meta_line(s, ln->start, ln->end, &ml)))
	{
		/*
		 * A bare date below a standfirst: "STANDFIRST / NAME / DATE" or
		 * "STANDFIRST / AGENCY in CITY / DATE"; elsewhere in the body a
		 * bare date is text.
		 */
		MetaLine	names;
		bool		early = cx->text_lines <= 3 && prev &&
			(prev->kind == AT_LINE_META ||
			 (prev->kind == AT_LINE_TEXT && bare_name(s, prev, &names)));

		if (*header && source_only(&ml) && s[ln->start] != '(' && !publisher_edition(s, ln))
		{
			/* above the headline it is the site's banner: decided with the headline */
			ln->kind = LINE_BANNER;
			return false;
		}
		if (ml.has_label || *header || !ml.has_unlabelled_date || early)
		{
			if (!*header && early && prev->kind == AT_LINE_TEXT)
			{
				prev->kind = AT_LINE_META;
				cx->text_lines--;
				apply_meta(cx, &names);
			}
			ln->kind = AT_LINE_META;
			apply_meta(cx, &ml);
			return (*header || cx->text_lines <= 1) &&
				(ml.has_published || ml.has_updated || ml.nauthors > 0);
		}
	}
	if (c == AT_CHROME_CONTEXT)
	{
		/*
		 * The page's date repeated under the body: its only date on some
		 * pages.  Kept until the end: two or more such dates are a list of
		 * other stories ("MORE FROM CGTN" ... "03:12, 14-Apr-2025").
		 */
		if (parsed && ml.has_published && !cx->a->has_published && !cx->a->has_updated &&
			cx->tail_dates++ == 0)
			cx->tail_meta = ml;
		set_chrome(cx, ln);
		return false;
	}
	if (*header)
	{
		AtDate		d;
		size_t		n = at_match_date(s, ln->end, ln->start, &d);

		/* "Thursday, May 7, 2015 On Tuesday, the ..." : a date line run into the text */
		if (n && d.has_year && d.has_day)
		{
			size_t		rest = at_skip_space(s, ln->end, ln->start + n);
			uint32_t	cp;

			at_utf8_decode(s + rest, ln->end - rest, &cp);
			if (rest > ln->start + n && ln->end - rest > 40 && at_cp_is_upper(cp))
			{
				if (!cx->a->has_published)
				{
					cx->a->published = d;
					cx->a->has_published = true;
				}
				ln->start = (uint32_t) rest;
				ln->break_before = true;
				ln->kind = AT_LINE_TEXT;
				cx->text_lines++;
				*header = false;
				return false;
			}
		}
		/* "- STANDFIRST", "• NAME": bullets of the header */
		if ((n = bullet_len(s, ln->start, ln->end)) > 0)
		{
			Line		rest = *ln;
			MetaLine	names;

			rest.start = (uint32_t) at_skip_space(s, ln->end, ln->start + n);
			ln->kind = AT_LINE_META;
			if (rest.start < rest.end && bare_name(s, &rest, &names))
			{
				apply_meta(cx, &names);
				return true;
			}
			return false;
		}
		if (headline_like(s, ln->start, ln->end, 1))
		{
			ln->kind = LINE_CANDIDATE;
			return false;
		}
		if (ln->end - ln->start <= 40 && at_count_words(s + ln->start, ln->end - ln->start) <= 4 &&
			!strchr(".!?:;,", s[ln->end - 1]))
		{
			ln->kind = LINE_LOWER;
			return false;
		}
		/* "Market voices on:": a widget's label whose content was not scraped */
		if (ln->end - ln->start <= 40 && at_count_words(s + ln->start, ln->end - ln->start) <= 4 &&
			s[ln->end - 1] == ':')
		{
			set_chrome(cx, ln);
			return false;
		}
	}
	*header = false;
	ln->kind = AT_LINE_TEXT;
	cx->text_lines++;
	return false;
}

static int
line_words(const char *s, const Line *ln)
{
	return at_count_words(s + ln->start, ln->end - ln->start);
}

/* A label that can name a section: short, no colon, no navigation word ("Latest", "Headlines") */
static bool
section_label(const char *s, const Line *ln)
{
	return line_words(s, ln) <= 6 && s[ln->end - 1] != ':' &&
		!at_chrome_word_in(s, ln->start, ln->end);
}

/*
 * A byline without "By" ("Che Pan and Coco Feng", "Harvey Kong"): names
 * of two to five words each, next to a metadata line.  Fills ml's authors.
 */
static bool
name_line(const char *s, const Line *L, size_t n, size_t i, MetaLine *ml)
{
	const Line *ln = &L[i];

	memset(ml, 0, sizeof(*ml));
	if (!((i > 0 && L[i - 1].kind == AT_LINE_META) || (i + 1 < n && L[i + 1].kind == AT_LINE_META)))
		return false;
	/* names only: no "in Beijing" tail, which a headline may end with */
	for (size_t q = ln->start; q + 4 < ln->end; q++)
		if (s[q] == ' ' && (words_eq(s + q + 1, 3, "in ") || words_eq(s + q + 1, 5, "from ")))
			return false;
	if (ln->end - ln->start > 80 || known_source_at(s, ln->end, ln->start) ||
		!parse_names(s, ln->start, ln->end, ml) || ml->nauthors == 0 || ml->source.len)
		return false;
	for (int k = 0; k < ml->nauthors; k++)
	{
		int			w = at_count_words(s + ml->authors[k].start, ml->authors[k].len);

		if (w < 2 || w > 5)
			return false;
	}
	return true;
}

/*
 * A byline that some templates put above the headline (The Guardian's
 * copies and apps): a name and its job title ("Jane Doe Economics editor")
 * or a name and where the writer is ("Jane Doe in Sydney").  Not a
 * headline: a headline does not end in a job title, nor is it a name and
 * a place.  The name (its first two words, or what precedes " in ") goes
 * to ml's authors.
 */
static bool
byline_above(const char *s, const Line *ln, MetaLine *ml)
{
	size_t		in = 0,
				p,
				w2 = ln->end;

	memset(ml, 0, sizeof(*ml));
	if (ln->end - ln->start > 60)
		return false;
	for (p = ln->start; p + 4 < ln->end && !in; p++)
		if (s[p] == ' ' && words_eq(s + p + 1, 3, "in "))
			in = p;
	if (in)
	{
		/* NAME in PLACE: a name of two or three words, a place of one to three capitalised words */
		int			place_words = 0;

		if (at_count_words(s + ln->start, in - ln->start) > 3 ||
			at_count_words(s + ln->start, in - ln->start) < 2 || !is_name(s, ln->start, in))
			return false;
		for (p = in + 4; p < ln->end; p++)
			if (p == in + 4 || s[p - 1] == ' ')
			{
				if (!(s[p] >= 'A' && s[p] <= 'Z') || ++place_words > 3)
					return false;
			}
			else if (!(at_is_ascii_alpha((unsigned char) s[p]) || s[p] == ' ' || s[p] == '-' || s[p] == '.'))
				return false;
		w2 = in;
	}
	else
		return name_role_line(s, ln, ml);
	ml->authors[0].start = ln->start;
	ml->authors[0].len = w2 - ln->start;
	ml->nauthors = 1;
	return true;
}

/*
 * "Article 7L2K Pension funds told ...": a feed reader's envelope line, one
 * or two tokens and then the whole of the next line (the headline).
 */
static bool
envelope_line(const char *s, const Line *ln, const Line *next)
{
	size_t		n = next->end - next->start,
				len = ln->end - ln->start;

	return len > n + 1 && s[ln->end - n - 1] == ' ' &&
		memcmp(s + ln->end - n, s + next->start, n) == 0 &&
		at_count_words(s + ln->start, len - n) <= 2;
}

/*
 * "Kerala Rains | Schools closed in four districts": a headline under a
 * topic of one to four words (The Hindu and other Indian papers).  A
 * standfirst never has one, so above a standfirst it is the headline.
 * One bar only: "TOPIC: Live updates | HEADLINE | HEADLINE" is a news
 * bar of other stories.
 */
static bool
topic_headline(const char *s, const Line *ln)
{
	for (size_t p = ln->start + 1; p + 2 < ln->end && p < ln->start + 40; p++)
		if (s[p] == '|' && s[p - 1] == ' ' && s[p + 1] == ' ')
			return s[ln->start] >= 'A' && s[ln->start] <= 'Z' &&
				at_count_words(s + ln->start, p - ln->start) <= 4 &&
				at_count_words(s + p + 1, ln->end - p - 1) >= 4 &&
				memchr(s + p + 1, '|', ln->end - p - 1) == NULL;
	return false;
}

/*
 * The headline among the candidates of the header lines [0, hend): the
 * nearest above the first date or byline (anchor), preferring one of four
 * words or more to a label; else the first below it; without an anchor,
 * the first of two words or more.  SIZE_MAX when there is none.
 */
static size_t
pick_title(const char *s, const Line *L, size_t n, size_t hend, size_t anchor)
{
	MetaLine	ml;

	/* a byline above the headline: the headline is the line under it */
	for (size_t i = 0; i + 1 < hend && i + 1 < anchor; i++)
		if (L[i].kind == LINE_CANDIDATE && L[i + 1].kind == LINE_CANDIDATE &&
			line_words(s, &L[i + 1]) >= 4 && byline_above(s, &L[i], &ml))
			return i + 1;
	if (anchor != SIZE_MAX)
	{
		for (int min_words = 4; min_words >= 2; min_words -= 2)
			for (size_t i = anchor; i > 0; i--)
				if (L[i - 1].kind == LINE_CANDIDATE && line_words(s, &L[i - 1]) >= min_words &&
					!name_line(s, L, n, i - 1, &ml) && !byline_above(s, &L[i - 1], &ml))
				{
					/* a topic headline over its standfirst */
					if (i >= 2 && L[i - 2].kind == LINE_CANDIDATE && topic_headline(s, &L[i - 2]) &&
						!topic_headline(s, &L[i - 1]))
						return i - 2;
					return i - 1;
				}
		for (size_t i = anchor + 1; i < hend; i++)
			if (L[i].kind == LINE_CANDIDATE && line_words(s, &L[i]) >= 2)
				return i;
		return SIZE_MAX;
	}
	for (size_t i = 0; i < hend; i++)
		if (L[i].kind == LINE_CANDIDATE && line_words(s, &L[i]) >= 2 &&
			!(i + 1 < n && L[i + 1].kind == LINE_CANDIDATE && envelope_line(s, &L[i], &L[i + 1])))
			return i;
	return SIZE_MAX;
}

/*
 * Settle the header: the headline, the section above it (the nearest label
 * or breadcrumb), labels above the headline as chrome, and every other
 * candidate as text.
 */
static void
settle_header(Ctx *cx, Line *L, size_t n, size_t hend, size_t anchor)
{
	const char *s = cx->s;
	AtArticle  *a = cx->a;
	size_t		t = pick_title(s, L, n, hend, anchor);

	/* a headline with no text after it is the text */
	if (t != SIZE_MAX)
	{
		bool		text_after = false;

		for (size_t i = t + 1; i < n && !text_after; i++)
			text_after = L[i].kind == AT_LINE_TEXT || L[i].kind == LINE_CANDIDATE ||
				L[i].kind == LINE_LOWER;
		if (!text_after)
			t = SIZE_MAX;
	}
	if (t != SIZE_MAX)
	{
		bool		past_meta = false;

		/*
		 * A byline's role line ("Business correspondent") is metadata; so
		 * is a name with its role ("Jane Doe Energy correspondent"), which
		 * some templates put under the headline, next to the date.  Of
		 * three words, a role alone ("Hanoi Bureau Chief"): the name is on
		 * the line above.
		 */
		for (size_t i = t + 1; i < hend; i++)
		{
			MetaLine	ml;

			if (L[i].kind != LINE_CANDIDATE)
				continue;
			if (line_words(s, &L[i]) >= 4 && byline_above(s, &L[i], &ml))
			{
				L[i].kind = AT_LINE_META;
				apply_meta(cx, &ml);
			}
			else if (role_line(s, &L[i]))
				L[i].kind = AT_LINE_META;
		}
		/* names alone on their line next to the date: a byline without "By" */
		for (size_t i = t + 1; i < hend; i++)
		{
			MetaLine	ml;

			if (L[i].kind == LINE_CANDIDATE && name_line(s, L, n, i, &ml))
			{
				L[i].kind = AT_LINE_META;
				apply_meta(cx, &ml);
			}
		}
		/*
		 * A byline above the headline is metadata; the line under such a
		 * headline that reads as a headline too, with no date below it,
		 * is its standfirst (with a date below, the rule after this one).
		 */
		{
			MetaLine	ml;

			if (t > 0 && L[t - 1].kind == LINE_CANDIDATE && byline_above(s, &L[t - 1], &ml))
			{
				L[t - 1].kind = AT_LINE_META;
				apply_meta(cx, &ml);
				if (anchor == SIZE_MAX && t + 2 < n && L[t + 1].kind == LINE_CANDIDATE &&
					!strchr(".!?\"", s[L[t + 1].end - 1]))
					L[t + 1].kind = AT_LINE_META;
			}
		}
		L[t].kind = AT_LINE_TITLE;
		a->title.start = L[t].start;
		a->title.len = L[t].end - L[t].start;
		/* a standfirst between the headline and its date or byline */
		if (anchor != SIZE_MAX && t < anchor)
			for (size_t i = t + 1; i < anchor; i++)
				if (L[i].kind == AT_LINE_TEXT || L[i].kind == LINE_CANDIDATE)
				{
					if (L[i].kind == AT_LINE_TEXT)
						cx->text_lines--;
					L[i].kind = AT_LINE_META;
				}
		for (size_t i = t; i > 0; i--)
		{
			Line	   *ln = &L[i - 1];

			/*
			 * A headline below its date, or metadata above the headline:
			 * labels above that metadata are the site's, not a section.
			 */
			bool		may_section = !past_meta && !(anchor != SIZE_MAX && anchor < t && i - 1 < anchor);

			past_meta = past_meta || (ln->kind == AT_LINE_META && field_line(s, ln));

			/*
			 * A publisher's name above a headline that its date and byline
			 * follow is the site's banner; above the date, byline and then
			 * the headline (a press reader's page), it credits the article.
			 */
			if (ln->kind == LINE_BANNER && (anchor == SIZE_MAX || anchor > t))
				set_chrome(cx, ln);
			else if (ln->kind == LINE_CANDIDATE || ln->kind == LINE_LOWER)
			{
				if (!a->section.len && may_section && ln->kind == LINE_CANDIDATE && section_label(s, ln))
				{
					a->section.start = ln->start;
					a->section.len = ln->end - ln->start;
				}
				else if (!a->section.len && may_section)
					counter_section(s, ln, &a->section);
				set_chrome(cx, ln);
			}
			else if (!a->section.len && ln->kind == AT_LINE_CHROME &&
					 (ln->chrome == AT_CHROME_NAV || ln->chrome == AT_CHROME_CONTEXT))
			{
				/* a breadcrumb names the section wherever it stands; a label only next to the headline */
				if (!crumb_section(s, ln->start, ln->end, &a->section) &&
					ln->chrome == AT_CHROME_CONTEXT && may_section)
				{
					a->section.start = ln->start;
					a->section.len = ln->end - ln->start;
				}
			}
			else if (!a->section.len && may_section && ln->kind == AT_LINE_CHROME &&
					 ln->chrome == AT_CHROME_WIDGET)
				counter_section(s, ln, &a->section);
		}
	}
	else
	{
		/* no headline: a breadcrumb of the header still names the section */
		for (size_t i = 0; i < hend && !a->section.len; i++)
			if (L[i].kind == AT_LINE_CHROME && L[i].chrome == AT_CHROME_NAV)
				crumb_section(s, L[i].start, L[i].end, &a->section);
	}
	/* a publisher's name alone below the headline (or on a page without one) credits it */
	for (size_t i = 0; i < n && i <= hend; i++)
		if (L[i].kind == LINE_BANNER)
		{
			MetaLine	ml;

			L[i].kind = AT_LINE_META;
			if (parse_meta_line(s, L[i].start, L[i].end, &ml))
			{
				apply_meta(cx, &ml);
				cx->source_late = false;	/* a header line */
			}
		}
	for (size_t i = 0; i < n && i <= hend; i++)
		if (L[i].kind == LINE_CANDIDATE || L[i].kind == LINE_LOWER)
			L[i].kind = AT_LINE_TEXT;
}

/*
 * Append the paragraph of lines L[a..b) to the body: the span as written
 * (joined false), or its lines joined by one space (a hard-wrapped
 * paragraph).
 */
static void
append_paragraph(Ctx *cx, const Line *L, size_t a0, size_t b, bool joined, bool *lead_final)
{
	AtArticle  *a = cx->a;
	size_t		start = L[a0].start,
				end = L[b - 1].end,
				at;

	if (a->paragraphs > 0)
		at_buf_append(&a->body, "\n\n", 2);
	else
		find_dateline(cx, start, L[a0].end);
	at = a->body.len;
	if (joined)
		for (size_t j = a0; j < b; j++)
		{
			if (j > a0)
				at_buf_append(&a->body, " ", 1);
			at_buf_append(&a->body, cx->s + L[j].start, L[j].end - L[j].start);
		}
	else
		at_buf_append(&a->body, cx->s + start, end - start);
	if (!*lead_final)
	{
		*lead_final = !headline_like(cx->s, start, end, 1);
		if (*lead_final || a->paragraphs == 0)
		{
			a->lead.start = at;
			a->lead.len = a->body.len - at;
		}
	}
	a->paragraphs++;
	a->words += at_count_words(cx->s + start, end - start);
}

/* Characters of s[start..end) (UTF-8 lead bytes) */
static size_t
line_chars(const char *s, const Line *ln)
{
	size_t		n = 0;

	for (size_t p = ln->start; p < ln->end; p++)
		n += ((unsigned char) s[p] & 0xc0) != 0x80;
	return n;
}

/* Characters of the first word of a line */
static size_t
first_word_chars(const char *s, const Line *ln)
{
	size_t		n = 0;

	for (size_t p = ln->start; p < ln->end && s[p] != ' ' && s[p] != '\t'; p++)
		n += ((unsigned char) s[p] & 0xc0) != 0x80;
	return n;
}

/* Does the line end a sentence or clause (". ! ? : ;", a closing quote)? */
static bool
clause_end(const char *s, const Line *ln)
{
	uint32_t	cp;

	at_utf8_decode_prev(s + ln->start, ln->end - ln->start, &cp);
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == '"' ||
		cp == '\'' || cp == 0x3002 || at_cp_is_close_quote(cp);
}

/*
 * The wrap width of a run of text lines L[a..b) that is hard-wrapped, or 0.
 * A wrapped run has a width of MIN_WRAP..MAX_WRAP characters (its longest
 * line) and a line that stops mid-sentence near that width; a run of
 * short paragraphs, each ending a sentence, has not.
 */
static size_t
wrap_width(const char *s, const Line *L, size_t a, size_t b)
{
	size_t		w = 0;
	bool		mid = false;

	if (b - a < 2)
		return 0;
	for (size_t j = a; j < b; j++)
		w = AT_MAX(w, line_chars(s, &L[j]));
	if (w < MIN_WRAP || w > MAX_WRAP)
		return 0;
	for (size_t j = a; j + 1 < b && !mid; j++)
		mid = line_chars(s, &L[j]) * 4 >= w * 3 && !clause_end(s, &L[j]);
	return mid ? w : 0;
}

/*
 * Does the paragraph go on from L[j] to the next line of a run wrapped at
 * width w?  It does when the next line's first word would not have fitted
 * on this one (a greedy wrap broke there), or the next line starts inside
 * a sentence (lower case, a comma).
 */
static bool
wrapped_on(const char *s, const Line *L, size_t j, size_t w)
{
	char		c = s[L[j + 1].start];

	if ((c >= 'a' && c <= 'z') || c == ',' || c == ';')
		return true;
	return line_chars(s, &L[j]) + 1 + first_word_chars(s, &L[j + 1]) > w;
}

/*
 * 4. The body: runs of text lines are paragraphs.  A hard-wrapped run is
 * cut where a paragraph ends and its lines are joined by a space; other
 * runs are one paragraph as written on a page with blank lines, and one
 * paragraph a line on a page without.
 */
static void
build_body(Ctx *cx, const Line *L, size_t n, bool has_blank)
{
	bool		lead_final = false;

	for (size_t i = 0; i < n;)
	{
		size_t		k,
					w;

		if ((i & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (L[i].kind != AT_LINE_TEXT)
		{
			i++;
			continue;
		}
		for (k = i + 1; k < n && L[k].kind == AT_LINE_TEXT && !L[k].break_before; k++)
			;
		if ((w = wrap_width(cx->s, L, i, k)) > 0)
			for (size_t a = i; a < k;)
			{
				size_t		b = a + 1;

				while (b < k && wrapped_on(cx->s, L, b - 1, w))
					b++;
				append_paragraph(cx, L, a, b, b - a > 1, &lead_final);
				a = b;
			}
		else if (has_blank)
			append_paragraph(cx, L, i, k, false, &lead_final);
		else
			for (size_t a = i; a < k; a++)
				append_paragraph(cx, L, a, a + 1, false, &lead_final);
		i = k;
	}
}

/* A numeric date read month first that is a date day first too: swap them */
static void
day_first(AtDate *d, bool has)
{
	if (has && d->either_order)
	{
		int			m = d->month;

		d->month = d->day;
		d->day = m;
		d->either_order = false;
	}
}

AtStatus
at_parse_article_chrome(const char *s, size_t len, const AtMem *mem,
						const AtLineSet *chrome, AtArticle *a)
{
	Ctx			cx = {.s = s, .len = len, .a = a, .status = AT_OK};
	AtVec		lines;
	bool		has_blank = false,
				header = true,
				has_prefix = false,
				pair_anchor;
	AtDate		prefix_date;
	size_t		nlines,
				hend,
				anchor = SIZE_MAX,
				i;
	Line	   *L;

	if (at_looks_like_html(s, len))
		return at_parse_html(s, len, mem, a);
	memset(a, 0, sizeof(*a));
	a->base = s;
	at_vec_init(&a->authors, mem, sizeof(AtSpan));
	at_vec_init(&a->captions, mem, sizeof(AtSpan));
	at_vec_init(&a->tags, mem, sizeof(AtSpan));
	at_buf_init(&a->body, mem, 0);
	if (len >= UINT32_MAX)
		return AT_ERR_TOO_LARGE;
	at_vec_init(&lines, mem, sizeof(Line));

	/* 1. lines, and chrome alone and by position */
	cx.status = at_page_lines(s, len, &lines);
	nlines = lines.len;
	L = (Line *) lines.data;
	/* a scraper's date prefix on the first line: the page's date if it gives none */
	if (nlines > 0)
	{
		size_t		p0 = 0;

		while (p0 < L[0].start && (s[p0] == ' ' || s[p0] == '\t' || s[p0] == '\n' || s[p0] == '\r'))
			p0++;
		has_prefix = at_scraper_prefix(s, p0, L[0].end, &prefix_date) > 0 && prefix_date.has_day;
	}
	/* the caller's chrome: known before the position rules run */
	if (chrome && chrome->n > 0)
		for (i = 0; i < nlines; i++)
			if (L[i].chrome == AT_CHROME_NONE &&
				at_line_set_find(chrome, s + L[i].start, L[i].end - L[i].start))
				L[i].chrome = AT_CHROME_CONTEXT;
	at_chrome_context(s, L, nlines);
	signed_last_paragraph(s, L, nlines);
	photo_credit_residue(s, L, nlines);

	/* 2. every line classified, in order */
	hend = nlines;
	for (i = 0; i < nlines; i++)
	{
		if ((i & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (label_pair(&cx, L, nlines, i, &pair_anchor))
		{
			if (pair_anchor && header && anchor == SIZE_MAX)
				anchor = i;
			i++;
			continue;
		}
		if (classify(&cx, &L[i], i > 0 ? &L[i - 1] : NULL, &header) && anchor == SIZE_MAX)
			anchor = i;
		if (!header && hend == nlines)
			hend = i;
	}

	/*
	 * Blank lines separate paragraphs only where the page has one beside a
	 * line that is not chrome: blanks between lines of script residue or
	 * widgets (an RTHK player's lines) say nothing of the article's layout.
	 */
	for (i = 0; i < nlines && !has_blank; i++)
		has_blank = L[i].break_before &&
			(L[i].kind != AT_LINE_CHROME || (i > 0 && L[i - 1].kind != AT_LINE_CHROME));

	/* 3. the headline and the section */
	settle_header(&cx, L, nlines, hend, anchor);

	/* the headline repeated below the date (older templates) is no paragraph */
	if (a->title.len)
		for (i = 0; i < nlines; i++)
			if (L[i].kind == AT_LINE_TEXT && L[i].end - L[i].start == a->title.len &&
				memcmp(s + L[i].start, s + a->title.start, a->title.len) == 0)
				set_chrome(&cx, &L[i]);

	/* 4. paragraphs */
	build_body(&cx, L, nlines, has_blank);

	if (!a->source.len)
		a->source = paragraph_signature(s, L, nlines);
	if (!a->source.len && cx.copyright_source.len)
		a->source = cx.copyright_source;
	if (!a->section.len && cx.meta_section.len)
		a->section = cx.meta_section;
	if (cx.tail_dates == 1 && !a->has_published && !a->has_updated)
		apply_meta(&cx, &cx.tail_meta);
	if (!a->has_published && !a->has_updated && has_prefix)
	{
		a->published = prefix_date;
		a->has_published = true;
	}
	/* a publisher that writes day first: its numeric dates that could be read either way */
	if (a->source.len && at_word_in(s + a->source.start, a->source.len, day_first_sources,
									AT_LENGTHOF(day_first_sources)))
	{
		day_first(&a->published, a->has_published);
		day_first(&a->updated, a->has_updated);
	}
	/* an "Updated:" date is the only date some pages give */
	if (!a->has_published && a->has_updated)
	{
		a->published = a->updated;
		a->has_published = true;
	}
	if (lines.data)
		at_free(mem, lines.data);
	return cx.status;
}

AtStatus
at_parse_article(const char *s, size_t len, const AtMem *mem, AtArticle *a)
{
	return at_parse_article_chrome(s, len, mem, NULL, a);
}
