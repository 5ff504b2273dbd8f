/*
 * score.c: scores the HTML path of parse_article on the evaluation sets.
 *
 *   score MANIFEST DATA HELDOUT           figures, held-out and tuning apart
 *   score MANIFEST DATA HELDOUT -v        and one line per miss
 *   score MANIFEST DATA HELDOUT -t        tuning pages only, one line per miss
 *                                         (held-out pages are not even read;
 *                                         a miss of a page whose id is held
 *                                         out in another set ends in "twin")
 *   score MANIFEST DATA HELDOUT -d ID     the fields of one tuning page
 *
 * MANIFEST is manifest.sh's output.  Pages are decoded to UTF-8 first (as the
 * database would store them): kept when valid UTF-8, else converted from the
 * declared charset, else from windows-1252.
 *
 * Measures: body by 4-gram shingle F1 against readability's expected.html
 * (mean over pages), and by trafilatura's must-include / must-exclude
 * snippets (precision, recall, F1 over all snippets); title and authors
 * (joined by "; ") by exact match after normalising (Unicode case, white
 * space, invisible characters, quotes and dashes, surrounding punctuation;
 * authors also as a list: any of ";", ",", "and", "und", "&" between names,
 * a leading "By" before one); the published date by day.
 */
#define _GNU_SOURCE
#include "../../src/engine/article.h"
#include "../../src/engine/html.h"
#include "../../src/engine/utf8.h"
#include "../../src/tools/tool_io.h"

#include <ctype.h>
#include <stddef.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <locale.h>
#include <wctype.h>

/* ---- an allocator freed after each page ------------------------------------ */

typedef struct Blk
{
	struct Blk *next,
			   *prev;
	size_t		size;
	size_t		pad;
} Blk;

static Blk	blocks = {&blocks, &blocks, 0, 0};

static void *
a_alloc(void *ctx, size_t size)
{
	Blk		   *b = malloc(sizeof(Blk) + (size ? size : 1));

	if (!b)
		abort();
	b->size = size;
	b->next = blocks.next;
	b->prev = &blocks;
	blocks.next->prev = b;
	blocks.next = b;
	return b + 1;
}

static void
a_free(void *ctx, void *p)
{
	Blk		   *b;

	if (!p)
		return;
	b = (Blk *) p - 1;
	b->prev->next = b->next;
	b->next->prev = b->prev;
	free(b);
}

static void *
a_realloc(void *ctx, void *p, size_t size)
{
	void	   *n;

	if (!p)
		return a_alloc(ctx, size);
	n = a_alloc(ctx, size);
	memcpy(n, p, ((Blk *) p - 1)->size < size ? ((Blk *) p - 1)->size : size);
	a_free(ctx, p);
	return n;
}

static void
a_reset(void)
{
	while (blocks.next != &blocks)
		a_free(NULL, blocks.next + 1);
}

static const AtMem mem = {a_alloc, a_realloc, a_free, NULL};

/* ---- reading and decoding ------------------------------------------------------ */

static char *
to_utf8(char *s, size_t *len)
{
	char		cs[64] = "WINDOWS-1252";
	const char *m;
	iconv_t		cd;
	size_t		inl = *len,
				outl = *len * 4 + 16;
	char	   *out = malloc(outl),
			   *in = s,
			   *o = out;

	if (*len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
	{
		memmove(s, s + 3, *len - 3);
		*len -= 3;
		s[*len] = 0;
	}
	if (at_utf8_valid(s, *len))
	{
		free(out);
		return s;
	}
	if ((m = strcasestr(s, "charset=")) != NULL && m - s < 8192)
	{
		int			i = 0;

		m += 8;
		while (*m == '"' || *m == '\'')
			m++;
		while (i < 63 && (isalnum((unsigned char) m[i]) || m[i] == '-' || m[i] == '_'))
		{
			cs[i] = m[i];
			i++;
		}
		cs[i] = 0;
		if (strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "iso-8859-1") == 0 || i == 0)
			strcpy(cs, "WINDOWS-1252");
	}
	strcat(cs, "//IGNORE");
	cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t) -1)
		cd = iconv_open("UTF-8", "WINDOWS-1252//IGNORE");
	while (inl > 0)
	{
		if (iconv(cd, &in, &inl, &o, &outl) == (size_t) -1)
		{
			in++;
			inl--;
		}
	}
	iconv_close(cd);
	*len = o - out;
	/* drop NUL bytes and anything iconv left invalid */
	{
		size_t		w = 0;

		for (size_t i = 0; i < *len;)
		{
			int			n = at_utf8_seqlen((unsigned char) out[i]);

			if (n > 0 && i + n <= *len && at_utf8_valid(out + i, n) && out[i])
			{
				memmove(out + w, out + i, n);
				w += n;
				i += n;
			}
			else
				i++;
		}
		*len = w;
	}
	free(s);
	return out;
}

/* ---- normalising and shingles ---------------------------------------------------- */

/* lower case ASCII, one space for white space, unified quotes and dashes */
static void
norm(const char *s, size_t len, char *out, size_t cap, bool strip_punct)
{
	size_t		o = 0;
	bool		sp = true;

	for (size_t i = 0; i < len && o + 4 < cap;)
	{
		uint32_t	cp;
		int			n = at_utf8_decode(s + i, len - i, &cp);

		i += n;
		/* invisible: zero-width spaces and joiners, BOM, soft hyphen */
		if ((cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0xAD)
			continue;
		if (at_cp_is_space(cp))
		{
			if (!sp)
				out[o++] = ' ';
			sp = true;
			continue;
		}
		if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032)
			cp = '\'';
		else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB)
			cp = '"';
		else if (at_cp_is_dash(cp))
			cp = '-';
		cp = (uint32_t) towlower((wint_t) cp);
		o += at_utf8_encode(cp, out + o);
		sp = false;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = 0;
	if (strip_punct)
	{
		size_t		b = 0;

		while (out[b] && strchr("\"'.,:;-|", out[b]))
			b++;
		while (o > b && strchr("\"'.,:;-|", out[o - 1]))
			o--;
		memmove(out, out + b, o - b);
		out[o - b] = 0;
		/* trim again */
		{
			size_t		l = strlen(out),
						st = 0;

			while (out[st] == ' ')
				st++;
			while (l > st && out[l - 1] == ' ')
				l--;
			memmove(out, out + st, l - st);
			out[l - st] = 0;
		}
	}
}

typedef struct Toks
{
	uint64_t   *h;
	size_t		n,
				cap;
} Toks;

/* 64-bit hashes of lower-cased words (runs of letters and digits) */
static void
tokens(const char *s, size_t len, Toks *t)
{
	uint64_t	h = 1469598103934665603ULL;
	bool		in = false;

	t->n = 0;
	for (size_t i = 0; i <= len;)
	{
		uint32_t	cp = ' ';
		int			n = 1;

		if (i < len)
			n = at_utf8_decode(s + i, len - i, &cp);
		if (at_cp_is_alpha(cp) || at_cp_is_digit(cp))
		{
			if (cp < 128)
				cp = tolower((int) cp);
			h = (h ^ cp) * 1099511628211ULL;
			in = true;
		}
		else if (in)
		{
			if (t->n == t->cap)
			{
				t->cap = t->cap ? t->cap * 2 : 1024;
				t->h = realloc(t->h, t->cap * sizeof(uint64_t));
			}
			t->h[t->n++] = h;
			h = 1469598103934665603ULL;
			in = false;
		}
		i += n;
	}
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a,
				y = *(const uint64_t *) b;

	return x < y ? -1 : x > y;
}

static size_t
shingles(const Toks *t, uint64_t **out)
{
	size_t		n = t->n >= 4 ? t->n - 3 : (t->n ? 1 : 0);
	uint64_t   *s = malloc((n ? n : 1) * sizeof(uint64_t));

	for (size_t i = 0; i < n; i++)
	{
		uint64_t	h = 0;

		for (size_t k = i; k < i + 4 && k < t->n; k++)
			h = h * 0x9E3779B97F4A7C15ULL + t->h[k];
		s[i] = h;
	}
	qsort(s, n, sizeof(uint64_t), cmp_u64);
	*out = s;
	return n;
}

/* shingle F1 of two texts (multisets) */
static double
shingle_f1(const char *a, size_t alen, const char *b, size_t blen)
{
	Toks		ta = {0},
				tb = {0};
	uint64_t   *sa,
			   *sb;
	size_t		na,
				nb,
				i = 0,
				j = 0,
				common = 0;
	double		p,
				r;

	tokens(a, alen, &ta);
	tokens(b, blen, &tb);
	na = shingles(&ta, &sa);
	nb = shingles(&tb, &sb);
	while (i < na && j < nb)
	{
		if (sa[i] == sb[j])
		{
			common++;
			i++;
			j++;
		}
		else if (sa[i] < sb[j])
			i++;
		else
			j++;
	}
	free(ta.h);
	free(tb.h);
	free(sa);
	free(sb);
	if (na == 0 && nb == 0)
		return 1;
	if (na == 0 || nb == 0 || common == 0)
		return 0;
	p = (double) common / na;
	r = (double) common / nb;
	return 2 * p * r / (p + r);
}

/* text of an expected.html, elements separated by spaces */
static char *
html_text(const char *path, size_t *len)
{
	htmlDocPtr	doc = htmlReadFile(path, "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
								   HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	size_t		cap = 1 << 16,
				n = 0;
	char	   *out = malloc(cap);
	xmlNodePtr	x = doc ? xmlDocGetRootElement(doc) : NULL;

	while (x)
	{
		if (x->type == XML_TEXT_NODE && x->content)
		{
			size_t		l = strlen((char *) x->content);

			while (n + l + 2 > cap)
				out = realloc(out, cap *= 2);
			memcpy(out + n, x->content, l);
			n += l;
		}
		else if (x->type == XML_ELEMENT_NODE)
		{
			if (n + 2 > cap)
				out = realloc(out, cap *= 2);
			out[n++] = ' ';
		}
		if (x->type == XML_ELEMENT_NODE && x->children)
		{
			x = x->children;
			continue;
		}
		while (x && !x->next)
		{
			x = x->parent;
			if (x && x->type != XML_ELEMENT_NODE)
				x = NULL;
		}
		if (x)
			x = x->next;
	}
	if (doc)
		xmlFreeDoc(doc);
	out[n] = 0;
	*len = n;
	return out;
}

/* ---- scoring ------------------------------------------------------------------------ */

typedef struct Tally
{
	long		title_n,
				title_ok,
				author_n,
				author_ok,
				date_n,
				date_ok,
				with_n,
				with_ok,
				without_n,
				without_found,
				title_us,		/* gold values the page source never states */
				author_us,
				date_us,
				body_n;
	double		body_f1;
} Tally;

static int
split(char *line, char **f, int max, char sep)
{
	int			n = 0;

	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == sep)
		{
			*p = 0;
			f[n++] = p + 1;
		}
	return n;
}

static bool
eqnorm(const char *a, size_t alen, const char *b, size_t blen)
{
	static char na[8192],
				nb[8192];

	norm(a, alen, na, sizeof(na), true);
	norm(b, blen, nb, sizeof(nb), true);
	return strcmp(na, nb) == 0;
}

/*
 * An author list compares as a list: the gold is one string whose annotators
 * joined names with "; ", ", ", " and ", " und " or " & ", our row is an array
 * joined by "; ".  Each name loses a leading byline word ("By Ana Sandoiu" in
 * readability's gold is the name Ana Sandoiu).
 */
static void
norm_list(const char *s, size_t len, char *out, size_t cap)
{
	static char n[8192];
	static const char *const seps[] = {"; ", ", ", ";", ",", " and ", " und ", " & "};
	static const char *const bys[] = {"written by ", "posted by ", "by ", "von ", "par ", "por "};
	size_t		o = 0,
				p = 0,
				nl;

	norm(s, len, n, sizeof(n), true);
	nl = strlen(n);
	out[0] = 0;
	while (p <= nl)
	{
		size_t		e = p,
					sl = 0,
					b,
					t;

		while (e < nl && sl == 0)
		{
			for (size_t k = 0; k < sizeof(seps) / sizeof(*seps) && !sl; k++)
				if (strncmp(n + e, seps[k], strlen(seps[k])) == 0)
					sl = strlen(seps[k]);
			if (!sl)
				e++;
		}
		b = p;
		t = e;
		for (size_t k = 0; k < sizeof(bys) / sizeof(*bys); k++)
			if (t - b > strlen(bys[k]) && strncmp(n + b, bys[k], strlen(bys[k])) == 0)
			{
				b += strlen(bys[k]);
				break;
			}
		while (b < t && strchr(" \"'.:-|", n[b]))
			b++;
		while (t > b && strchr(" \"'.:-|", n[t - 1]))
			t--;
		if (t > b && o + (t - b) + 3 < cap)
		{
			if (o)
			{
				memcpy(out + o, "; ", 2);
				o += 2;
			}
			memcpy(out + o, n + b, t - b);
			o += t - b;
			out[o] = 0;
		}
		p = e + (sl ? sl : 1);
	}
}

static bool
eq_list(const char *a, size_t alen, const char *b, size_t blen)
{
	static char na[8192],
				nb[8192];

	norm_list(a, alen, na, sizeof(na));
	norm_list(b, blen, nb, sizeof(nb));
	return strcmp(na, nb) == 0;
}

static bool
contains_norm(const char *hay, const char *needle)
{
	size_t		nl = strlen(needle);
	char	   *nn = malloc(nl * 2 + 8);
	bool		r;

	norm(needle, nl, nn, nl * 2 + 8, false);
	r = strstr(hay, nn) != NULL;
	free(nn);
	return r;
}


static const char *gold_day(const char *g);

/* ---- is a gold value stated anywhere in the page source? -------------------------- */

/*
 * The page with character references decoded and normalised as norm() does
 * (not stripped of markup: a gold value in an attribute or in JSON-LD counts
 * as stated).  A gold title, author or date that is not in here is an
 * annotator's judgement no extractor can reach from this page.
 */
static char *
page_norm(const char *s, size_t len)
{
	char	   *dec = malloc(len + 1),
			   *out = malloc(len * 2 + 8);
	size_t		o = 0;

	for (size_t i = 0; i < len;)
	{
		if (s[i] == '&')
		{
			size_t		e = i + 1;
			uint32_t	cp = 0;

			while (e < len && e < i + 12 && s[e] != ';' && s[e] != '&' && s[e] != '<')
				e++;
			if (e < len && s[e] == ';')
			{
				if (s[i + 1] == '#')
					cp = (s[i + 2] == 'x' || s[i + 2] == 'X') ? strtoul(s + i + 3, NULL, 16)
						: strtoul(s + i + 2, NULL, 10);
				else
				{
					char		nm[16];
					const htmlEntityDesc *ed;

					memcpy(nm, s + i + 1, e - i - 1);
					nm[e - i - 1] = 0;
					if ((ed = htmlEntityLookup((const xmlChar *) nm)) != NULL)
						cp = ed->value;
				}
			}
			if (cp > 0 && cp < 0x110000 && o + 4 < len)
			{
				char		b[8];
				int			n = at_utf8_encode(cp, b);

				if (n <= (int) (e + 1 - i))
				{
					memcpy(dec + o, b, n);
					o += n;
					i = e + 1;
					continue;
				}
			}
		}
		dec[o++] = s[i++];
	}
	norm(dec, o, out, len * 2 + 8, false);
	free(dec);
	return out;
}

static bool
title_stated(const char *page, const char *gold)
{
	static char n[8192];

	norm(gold, strlen(gold), n, sizeof(n), true);
	return strstr(page, n) != NULL;
}

/* every name of the gold list is in the page (an empty gold: nothing to state) */
static bool
authors_stated(const char *page, const char *gold)
{
	static char n[8192];
	char	   *p;

	norm_list(gold, strlen(gold), n, sizeof(n));
	p = n;
	while (*p)
	{
		char	   *e = strstr(p, "; ");

		if (e)
			*e = 0;
		if (*p && !strstr(page, p))
			return false;
		if (!e)
			break;
		p = e + 2;
	}
	return true;
}

/* a number d standing alone (not inside a longer number) in w[0..len) */
static bool
has_number(const char *w, size_t len, int d)
{
	for (size_t i = 0; i < len; i++)
		if (isdigit((unsigned char) w[i]) && (i == 0 || !isdigit((unsigned char) w[i - 1])))
		{
			size_t		e = i;

			while (e < len && isdigit((unsigned char) w[e]))
				e++;
			if (e - i <= 2 && atoi(w + i) == d)
				return true;
			i = e;
		}
	return false;
}

/*
 * The gold day in any usual form: numeric (2019-04-29, 2019/04/29,
 * 20190429, 29.04.2019, 04/29/2019, ...), or a month name or abbreviation
 * of the languages of the sets with the day number near the year.
 */
static bool
date_stated(const char *page, const char *gold)
{
	static const char *const stems[12] = {
		"jan|ene|gen|sty|", "feb|fév|fev|lut|", "mar|mär|mrt|", "apr|avr|abr|kwi|",
		"may|mai|mei|mag|maj|", "jun|juin|giu|cze|", "jul|juil|lug|lip|", "aug|aoû|ago|sie|",
		"sep|set|wrz|", "oct|okt|ott|out|paź|", "nov|lis|", "dec|dez|déc|dic|gru|"};
	const char *g = gold_day(gold);
	int			y,
				m,
				d;
	char		f[32],
				ys[8];
	const char *p;

	if (!*g || sscanf(g, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return true;
	{
		const char *const nf[] = {"%04d-%02d-%02d", "%04d/%02d/%02d", "%04d.%02d.%02d",
			"%04d%02d%02d", "%04d/%d/%d"};

		for (size_t i = 0; i < sizeof(nf) / sizeof(*nf); i++)
		{
			snprintf(f, sizeof(f), nf[i], y, m, d);
			if (strstr(page, f))
				return true;
		}
	}
	{
		const char *const nf[] = {"%02d.%02d.%04d", "%d.%d.%04d", "%02d/%02d/%04d",
			"%d/%d/%04d", "%02d-%02d-%04d", "%02d.%02d.%02d", "%d.%d.%02d"};

		for (size_t i = 0; i < sizeof(nf) / sizeof(*nf); i++)
		{
			snprintf(f, sizeof(f), nf[i], d, m, i >= 5 ? y % 100 : y);
			if (strstr(page, f))
				return true;
			snprintf(f, sizeof(f), nf[i], m, d, i >= 5 ? y % 100 : y);
			if (strstr(page, f))
				return true;
		}
	}
	snprintf(ys, sizeof(ys), "%04d", y);
	for (p = strstr(page, ys); p; p = strstr(p + 4, ys))
	{
		const char *w = p - 40 > page ? p - 40 : page;
		size_t		wl = (p - w) + 4 + strnlen(p + 4, 12);
		const char *st = stems[m - 1];

		while (*st)
		{
			const char *bar = strchr(st, '|');
			char		stem[16];

			memcpy(stem, st, bar - st);
			stem[bar - st] = 0;
			for (const char *q = w; q < w + wl; q++)
				if (strncmp(q, stem, bar - st) == 0 && (q == page || !isalpha((unsigned char) q[-1])))
				{
					if (has_number(w, wl, d))
						return true;
					break;
				}
			st = bar + 1;
		}
	}
	return false;
}

static bool verbose = false;
static bool tuning_only = false;

/*
 * The gold date as YYYY-MM-DD: htmldate's "null" is "no date" (an empty
 * answer is right), and a few hand-typed golds read "2022-11-1",
 * "2022-01.26" or "2022-29-11" (day and month swapped: no month 29).
 */
static const char *
gold_day(const char *g)
{
	static char out[16];
	int			y,
				m,
				d;

	if (strcmp(g, "null") == 0)
		return "";
	if (sscanf(g, "%4d%*[-./]%2d%*[-./]%2d", &y, &m, &d) != 3)
		return g;
	if (m > 12 && d <= 12)
	{
		int			t = m;

		m = d;
		d = t;
	}
	snprintf(out, sizeof(out), "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return out;
}

static void
score_page(char **f, const char *data, const char *dump_id, bool has_twin, Tally *t)
{
	const char *tw = has_twin ? "\ttwin" : "";

	char		path[4096];
	char	   *paths[4];
	int			np;
	size_t		len = 0;
	char	   *s = NULL;
	AtArticle	a;
	char		authors[4096] = "";
	size_t		al = 0;
	const char *id = f[0];
	char	   *pn;

	np = split(f[1], paths, 4, '\x1f');
	for (int i = 0; i < np && !s; i++)
	{
		snprintf(path, sizeof(path), "%s/%s", data, paths[i]);
		s = at_read_file(path, &len);
	}
	if (!s)
		return;
	s = to_utf8(s, &len);
	pn = page_norm(s, len);
	at_parse_article(s, len, &mem, &a);
	for (size_t i = 0; i < a.authors.len && al + 300 < sizeof(authors); i++)
	{
		AtSpan	   *sp = AT_VEC_AT(&a.authors, AtSpan, i);

		al += snprintf(authors + al, sizeof(authors) - al, "%s%.*s", i ? "; " : "",
					   (int) sp->len, a.base + sp->start);
	}
	if (dump_id)
	{
		printf("html: %d\ntitle: %.*s\nauthors: %s\n", at_looks_like_html(s, len),
			   (int) a.title.len, a.base + a.title.start, authors);
		if (a.has_published)
			printf("published: %04d-%02d-%02d\n", a.published.year, a.published.month, a.published.day);
		printf("source: %.*s\nurl: %.*s\nsection: %.*s\nlanguage: %.*s\n",
			   (int) a.source.len, a.base + a.source.start, (int) a.url.len, a.base + a.url.start,
			   (int) a.section.len, a.base + a.section.start,
			   (int) a.language.len, a.base + a.language.start);
		printf("gold: title=%s | author=%s | date=%s\n---\n%.*s\n", f[2], f[3], f[4],
			   (int) a.body.len, a.body.data ? a.body.data : "");
	}
	if (strcmp(f[2], "-") != 0)
	{
		bool		ok = eqnorm(a.base + a.title.start, a.title.len, f[2], strlen(f[2]));

		bool		st = title_stated(pn, f[2]);

		t->title_n++;
		t->title_ok += ok;
		t->title_us += !st;
		if (verbose && !ok)
			printf("TITLE%s %s\t%.*s\t%s%s\n", st ? "" : "/unstated", id, (int) a.title.len,
				   a.base + a.title.start, f[2], tw);
	}
	if (strcmp(f[3], "-") != 0)
	{
		bool		ok = eq_list(authors, al, f[3], strlen(f[3]));

		bool		st = authors_stated(pn, f[3]);

		t->author_n++;
		t->author_ok += ok;
		t->author_us += !st;
		if (verbose && !ok)
			printf("AUTHOR%s %s\t%s\t%s%s\n", st ? "" : "/unstated", id, authors, f[3], tw);
	}
	if (strcmp(f[4], "-") != 0)
	{
		char		got[16] = "";
		bool		ok;

		if (a.has_published)
			snprintf(got, sizeof(got), "%04d-%02d-%02d", a.published.year % 10000,
					 a.published.month % 100, a.published.day % 100);
		ok = strcmp(got, gold_day(f[4])) == 0;
		{
			bool		st = date_stated(pn, f[4]);

			t->date_n++;
			t->date_ok += ok;
			t->date_us += !st;
			if (verbose && !ok)
				printf("DATE%s %s\t%s\t%s%s\n", st ? "" : "/unstated", id, got, f[4], tw);
		}
	}
	if (f[5][0] || f[6][0])
	{
		char	   *snips[64];
		size_t		bl = a.body.len;
		char	   *nb = malloc(bl * 2 + 8);

		norm(a.body.data ? a.body.data : "", bl, nb, bl * 2 + 8, false);
		for (int w = 0; w < 2; w++)
		{
			int			n = f[5 + w][0] ? split(f[5 + w], snips, 64, '\x1f') : 0;

			for (int i = 0; i < n; i++)
			{
				bool		found = contains_norm(nb, snips[i]);

				if (w == 0)
				{
					t->with_n++;
					t->with_ok += found;
				}
				else
				{
					t->without_n++;
					t->without_found += found;
				}
				if (verbose && found == (w == 1))
					printf("%s %s\t%s\n", w == 0 ? "MISSING" : "EXTRA", id, snips[i]);
			}
		}
		free(nb);
	}
	if (strcmp(f[7], "-") != 0)
	{
		size_t		el;
		char	   *exp;
		double		f1;

		snprintf(path, sizeof(path), "%s/%s", data, f[7]);
		exp = html_text(path, &el);
		f1 = shingle_f1(a.body.data ? a.body.data : "", a.body.len, exp, el);
		t->body_n++;
		t->body_f1 += f1;
		if (verbose && f1 < 0.9)
			printf("BODY %s\t%.3f\n", id, f1);
		free(exp);
	}
	free(s);
	free(pn);
	a_reset();
}

static void
report(const char *name, const Tally *t)
{
	double		tp = t->with_ok,
				fp = t->without_found,
				fn = t->with_n - t->with_ok;
	double		p = tp + fp > 0 ? tp / (tp + fp) : 0,
				r = tp + fn > 0 ? tp / (tp + fn) : 0;

	printf("%-8s body(snippets) P %.3f R %.3f F1 %.3f (%ld+%ld)  body(shingles) F1 %.3f (%ld)"
		   "  title %.3f (%ld)  author %.3f (%ld)  date %.3f (%ld)\n",
		   name, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, t->with_n, t->without_n,
		   t->body_n ? t->body_f1 / t->body_n : 0, t->body_n,
		   t->title_n ? (double) t->title_ok / t->title_n : 0, t->title_n,
		   t->author_n ? (double) t->author_ok / t->author_n : 0, t->author_n,
		   t->date_n ? (double) t->date_ok / t->date_n : 0, t->date_n);
	if (t->title_n + t->author_n + t->date_n)
		printf("%-8s gold not stated in the page source: title %ld, author %ld, date %ld"
			   " (ceilings %.3f, %.3f, %.3f)\n", "", t->title_us, t->author_us, t->date_us,
			   t->title_n ? 1 - (double) t->title_us / t->title_n : 0,
			   t->author_n ? 1 - (double) t->author_us / t->author_n : 0,
			   t->date_n ? 1 - (double) t->date_us / t->date_n : 0);
}

/* The page id without its set's prefix ("traf/x.html" -> "x.html") */
static const char *
base_id(const char *id)
{
	const char *slash = strchr(id, '/');

	return slash ? slash + 1 : id;
}

/* dst += src */
static void
tally_add(Tally *dst, const Tally *src)
{
	for (size_t i = 0; i < offsetof(Tally, body_f1) / sizeof(long); i++)
		((long *) dst)[i] += ((const long *) src)[i];
	dst->body_f1 += src->body_f1;
}

/* The three sets' figures, then all of them added */
static void
report_all(const char *title, const Tally *t, const char *const *sets)
{
	Tally		all;

	memset(&all, 0, sizeof(all));
	printf("%s\n", title);
	for (int k = 0; k < 3; k++)
	{
		report(sets[k], &t[k]);
		tally_add(&all, &t[k]);
	}
	report("all", &all);
}

/*
 * twin[j]: a page of the other split, in another set, has the id of lines[j]
 * (the sets share pages: trafilatura's and htmldate's hold many of the same).
 * For a held-out page the twin is a tuning page; for a tuning page it is a
 * held-out one, and -t marks its misses so that study can pass them over.
 */
static bool *
find_twins(char **lines, size_t n, const bool *is_held)
{
	bool	   *twin = calloc(n + 1, sizeof(bool));

	for (size_t j = 0; j < n; j++)
	{
		const char *a = base_id(lines[j]);
		size_t		alen = strcspn(a, "\t");

		for (size_t i = 0; i < n && !twin[j]; i++)
		{
			const char *b = base_id(lines[i]);

			twin[j] = is_held[i] != is_held[j] && strcspn(b, "\t") == alen &&
				strncmp(a, b, alen) == 0;
		}
	}
	return twin;
}

int
main(int argc, char **argv)
{
	FILE	   *mf,
			   *hf;
	char	   *line = NULL;
	size_t		cap = 0;
	char	  **held = NULL,
			  **lines = NULL;
	size_t		nheld = 0,
				nlines = 0;
	bool	   *is_held,
			   *twin;
	const char *dump_id = NULL;
	Tally		t[2][3],		/* [held-out][set] */
				apart[3];		/* held-out pages without a tuning twin */
	static const char *const sets[] = {"traf/", "read/", "hdate/"};

	if (argc < 4)
	{
		fprintf(stderr, "usage: score MANIFEST DATA HELDOUT [-v | -t | -d ID]\n");
		return 2;
	}
	if (argc >= 5 && strcmp(argv[4], "-v") == 0)
		verbose = true;
	if (argc >= 5 && strcmp(argv[4], "-t") == 0)
		verbose = tuning_only = true;
	if (argc >= 6 && strcmp(argv[4], "-d") == 0)
		dump_id = argv[5];
	memset(t, 0, sizeof(t));
	memset(apart, 0, sizeof(apart));
	setlocale(LC_CTYPE, "C.UTF-8");	/* towlower() over Unicode */
	if (!(hf = fopen(argv[3], "r")) || !(mf = fopen(argv[1], "r")))
	{
		perror("score");
		return 2;
	}
	while (getline(&line, &cap, hf) > 0)
	{
		line[strcspn(line, "\n")] = 0;
		held = realloc(held, (nheld + 1) * sizeof(char *));
		held[nheld++] = strdup(line);
	}
	while (getline(&line, &cap, mf) > 0)
	{
		line[strcspn(line, "\n")] = 0;
		lines = realloc(lines, (nlines + 1) * sizeof(char *));
		lines[nlines++] = strdup(line);
	}
	is_held = calloc(nlines + 1, sizeof(bool));
	for (size_t j = 0; j < nlines; j++)
		for (size_t i = 0; i < nheld && !is_held[j]; i++)
			is_held[j] = strncmp(held[i], lines[j], strlen(held[i])) == 0 &&
				lines[j][strlen(held[i])] == '\t';
	twin = find_twins(lines, nlines, is_held);
	for (size_t j = 0; j < nlines; j++)
	{
		char	   *f[8];
		bool		h = is_held[j];
		int			set = 0;
		Tally		one;

		if (split(lines[j], f, 8, '\t') != 8)
			continue;
		if (dump_id && strcmp(f[0], dump_id) != 0)
			continue;
		if (h && dump_id)
		{
			fprintf(stderr, "score: %s is a held-out page; not shown\n", dump_id);
			return 2;
		}
		if (h && tuning_only)
			continue;
		for (int k = 0; k < 3; k++)
			if (strncmp(f[0], sets[k], strlen(sets[k])) == 0)
				set = k;
		memset(&one, 0, sizeof(one));
		score_page(f, argv[2], dump_id, twin[j], &one);
		tally_add(&t[h][set], &one);
		if (h && !twin[j])
			tally_add(&apart[set], &one);
	}
	if (dump_id)
		return 0;
	if (!tuning_only)
	{
		report_all("== held-out (frozen test split)", t[1], sets);
		report_all("== held-out pages without a tuning twin (no page of that id in the tuning split of another set)",
				   apart, sets);
	}
	report_all("== tuning", t[0], sets);
	return 0;
}
