/*
 * article.c: parse_article's engine (see article.h).
 *
 * Three passes over the lines of the page, each linear:
 *   1. classify every line: chrome, metadata (filling the article's fields),
 *      headline, or text;
 *   2. from the end, find a trailing block of links or citations that opens
 *      with a heading such as "Related stories" or "Sources", and drop it;
 *   3. join the text lines into paragraphs, recognise the dateline of the
 *      first one and count words.
 * What counts as chrome is data: the tables and patterns below.  They are
 * deliberately narrow, because a real paragraph must never be dropped: a
 * pattern only applies to short lines, and a line is chrome only when all
 * of it is.
 */
#include "article.h"
#include "html.h"
#include "regex.h"
#include "utf8.h"

#include <string.h>

/* Longest line that may be chrome, metadata or a caption (bytes) */
#define MAX_CHROME_LINE		400
#define MAX_META_LINE		300
#define MAX_TITLE_LINE		300
#define MAX_TITLE_WORDS		40
#define MAX_NAME_TOKENS		5
#define MAX_AUTHORS			16

/* ---- data: chrome ------------------------------------------------------- */

/*
 * Words of page widgets: a line made only of these (share buttons, print and
 * e-mail links, font-size controls, player buttons) is chrome.  Compared
 * caselessly, after splitting at white space, "|", "/" and "·".
 */
static const char *const widget_words[] = {
	"a", "a+", "a-", "aa", "bigger", "bookmark", "close", "comment", "comments",
	"copy", "e-mail", "email", "facebook", "flipboard", "font", "fullscreen",
	"large", "larger", "like", "link", "linkedin", "mail", "medium", "more",
	"mute", "pause", "pinterest", "play", "player", "playerclose", "print",
	"qzone", "reddit", "reply", "save", "share", "small", "smaller", "submit",
	"telegram", "text", "top", "tweet", "twitter", "video", "wechat", "weibo",
	"whatsapp",
};

/* Whole lines that are chrome (caseless, white space collapsed, no final colon) */
static const char *const chrome_lines[] = {
	"add a comment", "advertisement", "back to top", "click to enlarge",
	"copy link", "digital edition", "editor's pick", "editor's picks",
	"email address", "font size", "gallery", "home", "latest news",
	"leave a comment", "link copied", "listen", "listen to this article",
	"loading", "loading...", "log in", "login", "most popular", "most viewed",
	"name", "newsletter", "newspapers from china", "newspapers in english",
	"next", "next article", "photo", "photos", "post", "post a comment",
	"prev", "previous", "previous article", "print edition", "read full article",
	"read more", "register", "related", "related articles", "related news",
	"related stories", "scan to follow", "share this", "share this article",
	"share this story", "sign in", "sponsored", "subscribe", "text size",
	"trending", "verification code", "video player", "watch", "watch video",
	"write a comment", "your comment", "your email", "your name",
};

/*
 * Headings that open a trailing block of links or citations; the block is
 * chrome when every line after the heading is headline-like.
 */
static const char *const tail_headings[] = {
	"editor's picks", "external links", "further reading", "hot topics",
	"in other news", "latest news", "more news", "more stories", "most popular",
	"most read", "most viewed", "read more", "recommended", "references",
	"related", "related articles", "related coverage", "related news",
	"related stories", "see also", "source", "sources", "top stories",
	"trending", "you may also like", "you might also like",
};

/*
 * Patterns of chrome lines (caseless), tried on lines up to MAX_CHROME_LINE
 * bytes: copyright and site registration, follow-us and app downloads,
 * comment prompts, player labels, press-reader footers, tags, breadcrumbs,
 * print-edition references and "read more" links.
 */
static AtRegex re_chrome = AT_REGEX(
	"^(?:copyright\\s*(?:©|\\(c\\))?\\s*(?:\\d{4}|©)"
	"|©\\s*(?:\\d{4}|[a-z])"
	"|(?:please\\s+)?follow\\s+(?:us|[\\w.'& ]{1,40}?)\\s+on\\s+(?:facebook|twitter|x|instagram|youtube|wechat|weibo|linkedin|telegram|tiktok|whatsapp)\\b[^.]{0,60}$"
	"|(?:download|get|install)\\s+(?:the\\s+|our\\s+)?[\\w'. ]{0,40}?\\bapps?\\b[^.]{0,60}$"
	"|scan\\s+(?:the\\s+)?qr\\s+code"
	"|available\\s+on\\s+(?:the\\s+)?(?:app\\s+store|google\\s+play)"
	"|(?:leave|post|write|add|submit)\\s+(?:a|your)\\s+(?:comment|reply)"
	"|please\\s+(?:log\\s*in|sign\\s+in|register)\\s+(?:to|before)\\s+(?:comment|post)"
	"|comments?\\s+(?:are|will\\s+be)\\s+(?:moderated|reviewed)"
	"|\\d+\\s+comments?$"
	"|click\\s+(?:here\\s+)?to\\s+(?:comment|share|print|enlarge|subscribe|download)"
	"|video\\s*player"
	"|(?:loaded|progress):\\s*\\d"
	"|current\\s+time\\s+\\d"
	"|\\d{1,2}:\\d{2}\\s*/\\s*\\d{1,2}:\\d{2}$"
	"|your\\s+browser\\s+does\\s+not\\s+support"
	"|newspapers\\s+(?:in|from)\\s+[\\w ]{1,30}$"
	"|(?:tags|keywords|categories|category|filed\\s+under|posted\\s+in)\\s*:"
	"|(?:read\\s+more|also\\s+read|see\\s+also|related|recommended|more\\s+on\\s+this)\\s*:"
	"|(?:subscribe|sign\\s+up)\\s+(?:to|for|now)\\b"
	"|have\\s+an\\s+opinion\\s+on\\s+this"
	"|(?:home|homepage)\\s*(?:>|»|›|\\|)"
	"|\\(\\s*[a-z][\\w'. ]{1,40}\\s+\\d{1,2}/\\d{1,2}/\\d{4}\\s+page\\s*\\w{1,4}\\s*\\)$"
	")"
	"|all\\s+rights\\s+reserved"
	"|icp\\s*(?:备|证|license|registration|no\\b)|公网安备|信息服务许可证|视听节目许可证"
	"|registration\\s+number|license\\s+for\\s+(?:publishing|internet)"
	"|pressreader"
	"|(?:reproduction|reprint|republication|redistribution)\\b.{0,60}\\bwithout\\b.{0,40}\\bpermission",
	AT_RE_CASELESS | AT_RE_UNICODE);

/*
 * A photo or video credit at the end of a short line: the line is a caption
 * (or a bare credit), not article text.  Case-sensitive: "Image:" and
 * "[Photo/Xinhua]" are labels, "the image: ..." is prose.
 */
static AtRegex re_caption = AT_REGEX(
	"(?:[\\[(【]\\s*(?:Photo|Photos|PHOTO|Image|Video|Graphic|Chart|Infographic|Illustration)"
	"(?:\\s*(?:/|:|by\\b|provided\\b|courtesy\\b|taken\\b)[^\\])】]{0,80})?\\s*[\\])】]"
	"|\\((?:Xinhua|Reuters|AFP|AP|VCG|IC|CFP|CNS|ECNS|Photo|China Daily|Global Times)\\s*/\\s*[^)]{1,60}\\)"
	"|(?:^|\\s)(?:Image|Images|Photo|Photos|Video|Photograph|Photo credit|Credit)s?:\\s+\\S[^.!?:]{0,80}\\.?"
	"|(?:^|\\s)(?:Photo|Photos|Image)\\s+by\\s+[A-Z][^.!?:]{0,60}\\.?"
	")\\s*$",
	AT_RE_UNICODE);

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
	{"release time", MK_PUBLISHED}, {"release date", MK_PUBLISHED},
	{"published", MK_PUBLISHED}, {"published on", MK_PUBLISHED},
	{"published at", MK_PUBLISHED}, {"publish time", MK_PUBLISHED},
	{"publication date", MK_PUBLISHED}, {"first published", MK_PUBLISHED},
	{"posted", MK_PUBLISHED}, {"posted on", MK_PUBLISHED}, {"date", MK_PUBLISHED},
	{"time", MK_PUBLISHED}, {"dated", MK_PUBLISHED},
	{"updated", MK_UPDATED}, {"updated on", MK_UPDATED}, {"updated at", MK_UPDATED},
	{"last updated", MK_UPDATED}, {"update time", MK_UPDATED},
	{"last modified", MK_UPDATED}, {"modified", MK_UPDATED},
	{"views", MK_IGNORE}, {"clicks", MK_IGNORE}, {"page", MK_IGNORE},
};

/* Publishers whose name alone is a source item ("By NAME | China Daily") */
static const char *const known_sources[] = {
	"afp", "agencies", "ap", "associated press", "beijing review", "bloomberg",
	"caixin", "cgtn", "china daily", "china daily asia", "china daily global",
	"china daily hong kong", "china news service", "china.org.cn",
	"chinadaily.com.cn", "chinanews", "chinanews.com", "chinanews.com.cn",
	"ecns", "ecns.cn", "en.people.cn", "english.news.cn", "global times",
	"globaltimes.cn", "news.cn", "people's daily", "people's daily online",
	"people.cn", "reuters", "shanghai daily", "shine", "sixth tone",
	"south china morning post", "wikinews", "xinhua", "xinhua news agency",
	"xinhuanet", "xinhuanet.com",
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

/*
 * A non-blank line (blank lines are not stored: a page of 100 MB of short
 * lines must not cost gigabytes).  Offsets fit 32 bits: inputs are < 4 GB.
 */
typedef struct Line
{
	uint32_t	start;			/* trimmed */
	uint32_t	end;
	uint8_t		kind;			/* AtLineKind */
	bool		break_before;	/* a blank line precedes it */
} Line;

typedef struct Ctx
{
	const char *s;
	size_t		len;
	AtArticle  *a;
	AtStatus	status;
} Ctx;

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
in_list(const char *s, size_t len, const char *const *list, size_t n)
{
	char		c0;

	if (len == 0)
		return false;
	c0 = lower(s[0]);
	for (size_t i = 0; i < n; i++)
		if (list[i][0] == c0 && words_eq(s, len, list[i]))
			return true;
	return false;
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

static size_t
skip_ws(const char *s, size_t end, size_t p)
{
	int			n;

	while (p < end && is_space_at(s, end, p, &n))
		p += n;
	return p;
}

static size_t
trim_end(const char *s, size_t start, size_t end)
{
	while (end > start)
	{
		uint32_t	cp;
		int			n = at_utf8_decode_prev(s, end, &cp);

		if (!at_cp_is_space(cp))
			break;
		end -= n;
	}
	return end;
}

/*
 * Normalise a short line for table lookup: lower case, runs of white space
 * as one space, no final colon.  Returns false when it does not fit.
 */
static bool
normalise(const char *s, size_t start, size_t end, char *out, size_t cap, size_t *olen)
{
	size_t		o = 0;
	bool		space = false;

	for (size_t p = start; p < end; p++)
	{
		char		c = s[p];

		if (c == ' ' || c == '\t')
		{
			space = true;
			continue;
		}
		if (space && o > 0)
		{
			if (o >= cap)
				return false;
			out[o++] = ' ';
		}
		space = false;
		if (o >= cap)
			return false;
		out[o++] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
	}
	while (o > 0 && (out[o - 1] == ':' || out[o - 1] == ' '))
		o--;
	*olen = o;
	return true;
}

/* ---- chrome --------------------------------------------------------------- */

static bool
is_widget_sep(char c)
{
	return c == ' ' || c == '\t' || c == '|' || c == '/' || c == ',' || c == ':';
}

/* A line made only of widget words ("Print E-mail", "A A A", "Share Tweet") */
static bool
widget_line(const char *s, size_t start, size_t end)
{
	size_t		p = start;
	int			words = 0;

	while (p < end)
	{
		size_t		w;

		while (p < end && is_widget_sep(s[p]))
			p++;
		/* the middle dot U+00B7 separates share buttons too */
		if (p + 1 < end && (unsigned char) s[p] == 0xc2 && (unsigned char) s[p + 1] == 0xb7)
		{
			p += 2;
			continue;
		}
		if (p >= end)
			break;
		w = p;
		while (w < end && !is_widget_sep(s[w]) && (unsigned char) s[w] < 0x80)
			w++;
		if (w == p || !in_list(s + p, w - p, widget_words, AT_LENGTHOF(widget_words)))
			return false;
		if (++words > 12)
			return false;
		p = w;
	}
	return words > 0;
}

static bool
no_letters(const char *s, size_t start, size_t end)
{
	for (size_t p = start; p < end; p++)
		if (at_alnum_at(s, end, p))
			return false;
	return true;
}

static int
regex_hit(Ctx *cx, AtRegex *re, const char *s, size_t len, size_t from)
{
	AtMatch		m;
	int			rc = at_regex_match(re, s, len, from, &m);

	if (rc < 0)
	{
		if (cx)
			cx->status = (AtStatus) -rc;
		return 0;
	}
	return rc;
}

/* Is the whole line chrome? */
static bool
chrome_line(Ctx *cx, const char *s, size_t start, size_t end)
{
	char		norm[64];
	size_t		nlen;

	if (end - start > MAX_CHROME_LINE)
		return false;
	if (no_letters(s, start, end))
		return true;
	if (widget_line(s, start, end))
		return true;
	if (normalise(s, start, end, norm, sizeof(norm), &nlen) &&
		in_list(norm, nlen, chrome_lines, AT_LENGTHOF(chrome_lines)))
		return true;
	if (regex_hit(cx, &re_chrome, s + start, end - start, 0))
		return true;
	return regex_hit(cx, &re_caption, s + start, end - start, 0) > 0;
}

/* ---- metadata lines ------------------------------------------------------ */

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
} MetaLine;

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
		/* 丨 【 】 · and the dashes */
		return cp == 0x4E28 || cp == 0x3010 || cp == 0x3011 || cp == 0xB7 ||
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

/*
 * A metadata label at p ("Source", "Release time", "By") followed by a
 * colon, or by white space when allow_space; returns its kind and the
 * position after the colon, or -1.
 */
static int
label_at(const char *s, size_t end, size_t p, bool allow_space, size_t *after)
{
	int			best = -1;
	size_t		best_len = 0;

	if (p >= end || !at_is_ascii_alpha((unsigned char) s[p]))
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
			continue;
		q = skip_ws(s, end, q);
		if (q < end && s[q] == ':')
			q++;
		else if (q + 3 <= end && memcmp(s + q, "\xef\xbc\x9a", 3) == 0)
			q += 3;
		else if (!(allow_space && q > p + ll))
			continue;
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
			!at_alnum_at(s, end, p + l) && (p + l == end || s[p + l] != '.'))
			best = l;
	}
	return best;
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

/* A date, or a time and then a date ("15:13, April 29, 2019"), at p */
static size_t
date_item_at(const char *s, size_t end, size_t p, AtDate *d)
{
	size_t		n = at_match_date(s, end, p, d);

	if (n == 0)
	{
		AtDate		t;
		size_t		tn,
					q;

		memset(&t, 0, sizeof(t));
		tn = at_match_time(s, end, p, &t);
		if (tn == 0)
			return 0;
		q = p + tn;
		if (q < end && s[q] == ',')
			q++;
		q = skip_ws(s, end, q);
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
		return q + n - p;
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

			if (s[q + 1] == ' ')
				break;
			if (label_at(s, end, q + 1, false, &after) >= 0)
				break;
			if (date_item_at(s, end, q + 1, &d) && d.has_year)
				break;
		}
		q++;
	}
	return trim_end(s, p, q);
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
			if (tokens == 0 && (in_list(s + p, w - p, not_name_words, AT_LENGTHOF(not_name_words)) ||
								at_month_at(s, e, p, NULL) || at_weekday_at(s, e, p, NULL)))
				return false;
			capital = true;
		}
		else if (tokens == 0 || !in_list(s + p, w - p, name_particles, AT_LENGTHOF(name_particles)))
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
		p = skip_ws(s, e, w);
	}
	return capital;
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
			size_t		r = skip_ws(s, e, q + (s[q + 1] == 'i' || s[q + 1] == 'I' ? 4 : 6));

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
		ne = trim_end(s, p, strip_place(s, p, q));
		p = skip_ws(s, e, p);
		if (ne > p)
		{
			size_t		ks = known_source_at(s, ne, p);

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
			else if (ml->nauthors < MAX_AUTHORS)
			{
				ml->authors[ml->nauthors].start = p;
				ml->authors[ml->nauthors].len = ne - p;
				ml->nauthors++;
				found++;
			}
		}
		p = skip_ws(s, e, next);
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
 * Parse a whole line as metadata items: dates, labelled fields, bylines and
 * publisher names, separated by "|", brackets, dashes or white space.
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
		size_t		after,
					ve,
					n;
		int			kind;
		AtDate		d;

		p = skip_item_seps(s, end, p);
		if (p >= end)
			break;
		ml->items++;

		/* an unlabelled date (with an optional time) */
		memset(&d, 0, sizeof(d));
		n = date_item_at(s, end, p, &d);
		if (n)
		{
			if (d.has_year && d.has_day && !ml->has_published)
			{
				ml->published = d;
				ml->has_published = true;
			}
			ml->has_unlabelled_date = true;
			p += n;
			continue;
		}

		/* "- By NAME", "By: NAME", "BY NAME" */
		kind = label_at(s, end, p, false, &after);
		if (kind < 0 && words_eq(s + p, AT_MIN(2, end - p), "by") && p + 2 < end && s[p + 2] == ' ')
		{
			kind = MK_AUTHOR;
			after = p + 3;
		}
		if (kind < 0)
		{
			/* a publisher alone, "Page 14", or a date label without colon */
			n = known_source_at(s, end, p);
			if (n)
			{
				n += edition_after(s, end, p + n);
				if (ml->source.len == 0)
				{
					ml->source.start = p;
					ml->source.len = n;
				}
				ml->has_label = true;
				p += n;
				continue;
			}
			kind = label_at(s, end, p, true, &after);
			if (kind == MK_IGNORE)
			{
				size_t		q = after;

				while (q < end && at_alnum_at(s, end, q) && (unsigned char) s[q] < 0x80)
					q++;
				if (q == after || q - after > 4)
					return false;
				p = q;
				continue;
			}
			if (kind != MK_PUBLISHED && kind != MK_UPDATED)
				return false;
		}
		ml->has_label = true;
		after = skip_ws(s, end, after);
		if (kind == MK_PUBLISHED || kind == MK_UPDATED)
		{
			memset(&d, 0, sizeof(d));
			n = date_item_at(s, end, after, &d);
			if (n == 0)
				return false;
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
			p = after + n;
			continue;
		}
		ve = value_end(s, end, after);
		if (kind == MK_IGNORE)
		{
			p = ve;
			continue;
		}
		if (!plausible_value(s, after, ve))
			return false;
		if (kind == MK_AUTHOR)
		{
			if (ve > after && !parse_names(s, after, ve, ml))
				return false;
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
		p = ve;
	}
	return ml->items > 0;
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
		a->source = ml->source;
	if (ml->editor.len && !a->editor.len)
		a->editor = ml->editor;
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

/* Lines of a trailing block of links or citations: no sentence end */
static bool
link_like(const char *s, size_t start, size_t end)
{
	char		last = s[end - 1];

	if (end - start > MAX_TITLE_LINE)
		return false;
	return last != '.' && last != '!' && last != '?';
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
	"|\\(([A-Z][A-Za-z .']{1,40})\\))"
	" ?(?:--|—|–|-) ",
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
	a->dateline.start = m.start[1];
	a->dateline.len = m.end[1] - m.start[1];
	for (int g = 2; g <= 3; g++)
		if (g < m.ngroups && m.start[g] != SIZE_MAX && !a->source.len)
		{
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

int
at_count_words(const char *text, size_t len)
{
	int			words = 0;
	bool		counted = false;

	for (size_t p = 0; p < len;)
	{
		unsigned char c = (unsigned char) text[p];
		bool		space;
		bool		alnum;
		int			n = 1;

		if ((p & 0xffff) == 0)
			AT_CHECK_INTERRUPTS();
		if (c < 0x80)
		{
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
			alnum = at_is_ascii_alpha(c) || (c >= '0' && c <= '9');
		}
		else
		{
			uint32_t	cp;

			n = at_utf8_decode(text + p, len - p, &cp);
			space = at_cp_is_space(cp);
			alnum = at_cp_is_alpha(cp);
		}
		if (space)
			counted = false;
		else if (alnum && !counted)
		{
			words++;
			counted = true;
		}
		p += n;
	}
	return words;
}

/* ---- the parser ----------------------------------------------------------- */

AtLineKind
at_classify_line(const char *line, size_t len)
{
	size_t		start = skip_ws(line, len, 0),
				end = trim_end(line, start, len);
	MetaLine	ml;

	if (end == start)
		return AT_LINE_BLANK;
	if (chrome_line(NULL, line, start, end))
		return AT_LINE_CHROME;
	if (parse_meta_line(line, start, end, &ml))
		return AT_LINE_META;
	return AT_LINE_TEXT;
}

/*
 * Classify one line in context.  header: no body text seen yet.
 */
static void
classify(Ctx *cx, Line *ln, bool header, bool *title_open, AtVec *lines)
{
	const char *s = cx->s;
	MetaLine	ml;

	if (chrome_line(cx, s, ln->start, ln->end))
	{
		ln->kind = AT_LINE_CHROME;
		cx->a->chrome_removed++;
		return;
	}
	if (parse_meta_line(s, ln->start, ln->end, &ml) &&
		(ml.has_label || header || !ml.has_unlabelled_date))
	{
		ln->kind = AT_LINE_META;
		apply_meta(cx, &ml);
		return;
	}
	if (header)
	{
		AtDate		d;
		size_t		n = at_match_date(s, ln->end, ln->start, &d);

		/* "Thursday, May 7, 2015 On Tuesday, the ..." : a date line run into the text */
		if (n && d.has_year && d.has_day)
		{
			size_t		rest = skip_ws(s, ln->end, ln->start + n);
			uint32_t	cp;

			at_utf8_decode(s + rest, ln->end - rest, &cp);
			if (rest > ln->start + n && ln->end - rest > 40 && at_cp_is_upper(cp))
			{
				Line	   *text;
				uint32_t	end = ln->end;

				if (!cx->a->has_published)
				{
					cx->a->published = d;
					cx->a->has_published = true;
				}

				ln->kind = AT_LINE_META;
				/* ln dies here: the push may move the array */
				text = at_vec_push(lines);
				text->start = (uint32_t) rest;
				text->end = end;
				text->kind = AT_LINE_TEXT;
				text->break_before = true;
				*title_open = false;
				return;
			}
		}
		if (*title_open && headline_like(s, ln->start, ln->end, 2))
		{
			ln->kind = AT_LINE_TITLE;
			cx->a->title.start = ln->start;
			cx->a->title.len = ln->end - ln->start;
			*title_open = false;
			return;
		}
	}
	*title_open = false;
	ln->kind = AT_LINE_TEXT;
}

static void
append_paragraph(Ctx *cx, size_t start, size_t end, bool *lead_final)
{
	AtArticle  *a = cx->a;

	if (a->paragraphs > 0)
		at_buf_append(&a->body, "\n\n", 2);
	else
		find_dateline(cx, start, end);
	if (!*lead_final)
	{
		*lead_final = !headline_like(cx->s, start, end, 1);
		if (*lead_final || a->paragraphs == 0)
		{
			a->lead.start = a->body.len;
			a->lead.len = end - start;
		}
	}
	at_buf_append(&a->body, cx->s + start, end - start);
	a->paragraphs++;
	a->words += at_count_words(cx->s + start, end - start);
}

AtStatus
at_parse_article(const char *s, size_t len, const AtMem *mem, AtArticle *a)
{
	Ctx			cx = {s, len, a, AT_OK};
	AtVec		lines;
	bool		has_blank = false,
				pending_break = false,
				lead_final = false,
				header = true,
				title_open = true;
	size_t		nlines,
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

	/* 1. lines, classified in order */
	for (size_t pos = 0, iter = 0; pos < len; iter++)
	{
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t		eol = nl ? (size_t) (nl - s) : len;
		size_t		st = skip_ws(s, eol, pos),
					en = trim_end(s, st, eol);

		if ((iter & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (en == st)
		{
			if (lines.len > 0)
				has_blank = pending_break = true;
		}
		else
		{
			size_t		idx = lines.len;
			Line	   *ln = at_vec_push(&lines);

			ln->start = (uint32_t) st;
			ln->end = (uint32_t) en;
			ln->break_before = pending_break;
			pending_break = false;
			classify(&cx, ln, header, &title_open, &lines);
			ln = AT_VEC_AT(&lines, Line, idx);
			if (ln->kind == AT_LINE_TEXT || lines.len > idx + 1)
				header = false;
		}
		pos = eol + 1;
	}
	nlines = lines.len;
	L = (Line *) lines.data;

	/* a headline with no text after it is the text */
	if (a->title.len)
	{
		bool		text_after = false;

		for (i = 0; i < nlines && !text_after; i++)
			text_after = L[i].kind == AT_LINE_TEXT;
		if (!text_after)
		{
			for (i = 0; i < nlines; i++)
				if (L[i].kind == AT_LINE_TITLE)
					L[i].kind = AT_LINE_TEXT;
			a->title.len = 0;
		}
	}

	/* 2. a trailing block of links or citations under a heading */
	{
		size_t		j = nlines;
		size_t		heading = SIZE_MAX;

		while (j > 0)
		{
			Line	   *ln = &L[j - 1];

			if ((j & 1023) == 0)
				AT_CHECK_INTERRUPTS();
			if (ln->kind == AT_LINE_TEXT || ln->kind == AT_LINE_CHROME)
			{
				char		norm[64];
				size_t		nlen;

				if (normalise(s, ln->start, ln->end, norm, sizeof(norm), &nlen) &&
					in_list(norm, nlen, tail_headings, AT_LENGTHOF(tail_headings)))
					heading = j - 1;
				else if (ln->kind == AT_LINE_TEXT && !link_like(s, ln->start, ln->end))
					break;
			}
			j--;
		}
		if (heading != SIZE_MAX)
			for (i = heading; i < nlines; i++)
				if (L[i].kind == AT_LINE_TEXT)
				{
					L[i].kind = AT_LINE_CHROME;
					a->chrome_removed++;
				}
	}

	/* 3. paragraphs: runs of text lines (or one per line without blank lines) */
	for (i = 0; i < nlines;)
	{
		size_t		k;

		if ((i & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (L[i].kind != AT_LINE_TEXT)
		{
			i++;
			continue;
		}
		k = i + 1;
		if (has_blank)
			while (k < nlines && L[k].kind == AT_LINE_TEXT && !L[k].break_before)
				k++;
		append_paragraph(&cx, L[i].start, L[k - 1].end, &lead_final);
		i = k;
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
