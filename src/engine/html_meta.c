/*
 * html_meta.c: the metadata of an HTML page.
 *
 * Each field is taken from the first source that has it, in this order
 * (docs/html.md lists them):
 *   title      JSON-LD headline, og:title and the like, the article's <h1>,
 *              <title>; a site-name part ("... | Site") is cut off
 *   published  JSON-LD datePublished, article:published_time, <time datetime>,
 *              other meta dates, a date in the URL, a visible date line
 *   updated    JSON-LD dateModified, article:modified_time, meta dates
 *   authors    JSON-LD author, meta author, rel=author and itemprop=author,
 *              a byline element
 *   source     JSON-LD publisher, og:site_name
 *   url        canonical link, og:url
 *   section    article:section, JSON-LD articleSection, section metas
 *   tags       article:tag, JSON-LD keywords, keywords metas
 *   language   <html lang>, Content-Language
 * The meta names are data (meta_keys below): a rank per name orders sources
 * of one field.  Values are copied, white space collapsed, into the base
 * buffer the article's spans point into.
 */
#include "html_int.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

enum Field
{
	F_TITLE, F_PUBLISHED, F_UPDATED, F_AUTHOR, F_SOURCE, F_URL, F_SECTION,
	F_TAGS, F_NFIELDS
};

/* ranks: 0 JSON-LD, 1 Open Graph and article:*, 2 <time> / itemprop, 3..5 other metas */
typedef struct MetaKey
{
	const char *key;			/* name, property or itemprop, lower case */
	uint8_t		field;
	uint8_t		rank;
} MetaKey;

static const MetaKey meta_keys[] = {
	{"og:title", F_TITLE, 1}, {"twitter:title", F_TITLE, 3}, {"headline", F_TITLE, 2},
	{"dc.title", F_TITLE, 4}, {"parsely-title", F_TITLE, 3}, {"sailthru.title", F_TITLE, 3},
	{"article:published_time", F_PUBLISHED, 1}, {"og:article:published_time", F_PUBLISHED, 1},
	{"article:published", F_PUBLISHED, 1}, {"og:published_time", F_PUBLISHED, 1},
	{"datepublished", F_PUBLISHED, 2}, {"pubdate", F_PUBLISHED, 3},
	{"publishdate", F_PUBLISHED, 3}, {"publish-date", F_PUBLISHED, 3},
	{"publish_date", F_PUBLISHED, 3}, {"date_published", F_PUBLISHED, 3},
	{"published_time", F_PUBLISHED, 3}, {"article.published", F_PUBLISHED, 3},
	{"sailthru.date", F_PUBLISHED, 3}, {"parsely-pub-date", F_PUBLISHED, 3},
	{"dc.date.issued", F_PUBLISHED, 3}, {"dcterms.issued", F_PUBLISHED, 3},
	{"citation_publication_date", F_PUBLISHED, 3}, {"original-publish-date", F_PUBLISHED, 3},
	{"article_date_original", F_PUBLISHED, 3}, {"cxenseparse:recs:publishtime", F_PUBLISHED, 3},
	{"dc.date", F_PUBLISHED, 4}, {"dcterms.date", F_PUBLISHED, 4}, {"date", F_PUBLISHED, 4},
	{"dcterms.created", F_PUBLISHED, 4}, {"dc.date.created", F_PUBLISHED, 4},
	{"datecreated", F_PUBLISHED, 4}, {"citation_date", F_PUBLISHED, 4},
	{"article:modified_time", F_UPDATED, 1}, {"og:updated_time", F_UPDATED, 1},
	{"article:modified", F_UPDATED, 1}, {"datemodified", F_UPDATED, 2},
	{"dc.date.modified", F_UPDATED, 3}, {"dcterms.modified", F_UPDATED, 3},
	{"article.updated", F_UPDATED, 3}, {"last-modified", F_UPDATED, 4}, {"lastmod", F_UPDATED, 4},
	{"article:author", F_AUTHOR, 1}, {"author", F_AUTHOR, 2}, {"byl", F_AUTHOR, 3},
	{"dc.creator", F_AUTHOR, 3}, {"dcterms.creator", F_AUTHOR, 3},
	{"parsely-author", F_AUTHOR, 3}, {"sailthru.author", F_AUTHOR, 3},
	{"citation_author", F_AUTHOR, 3},
	{"og:site_name", F_SOURCE, 1}, {"publisher", F_SOURCE, 3}, {"dc.publisher", F_SOURCE, 3},
	{"application-name", F_SOURCE, 4},
	{"og:url", F_URL, 2},
	{"article:section", F_SECTION, 1}, {"articlesection", F_SECTION, 2},
	{"section", F_SECTION, 3}, {"parsely-section", F_SECTION, 3}, {"category", F_SECTION, 4},
	{"article:tag", F_TAGS, 1}, {"news_keywords", F_TAGS, 2}, {"keywords", F_TAGS, 3},
	{"parsely-tags", F_TAGS, 3},
};

/* JSON-LD types whose object describes the article */
static const char *const article_types[] = {
	"AnalysisNewsArticle", "Article", "BackgroundNewsArticle", "BlogPosting",
	"DiscussionForumPosting", "LiveBlogPosting", "NewsArticle", "OpinionNewsArticle",
	"Report", "ReportageNewsArticle", "ReviewNewsArticle", "ScholarlyArticle",
	"SocialMediaPosting", "TechArticle", "Recipe", "Review",
};

/* Separators of a site name in a title ("Headline | Site") */
static const char *const title_seps[] = {
	" | ", " - ", " – ", " — ", " :: ", " · ", " // ", " » ", " « ", " › ", " ‹ ", " • ", " ~ ", " : ",
};

/* Labels of a blog's archive between the site's name and the headline in <title> */
static const char *const archive_labels[] = {"blog archive", "blog archiv", "archives du blog", "archivo del blog"};

/* Words that open a byline and are not part of the name */
static const char *const byline_openers[] = {
	"view all posts by ", "all posts by ", "more posts by ", "posts by ", "articles by ",
	"more articles by ", "mehr artikel von ", "mehr von ", "alle posts vom autor", "interview: ", "text: ",
	"veröffentlicht von", "eingestellt von", "geschrieben von", "alles von ", "vom ",
	"publié par ", "publicado por ", "pubblicato da ",
	"zeige alle beiträge von ", "alle beiträge von ", "written by ", "posted by ",
	"published by ", "words by ", "text by ", "story by ", "geschrieben von ",
	"verfasst von ", "by ", "von ", "par ", "por ", "author: ", "authors: ", "autor: ",
	"autorin: ", "reporter: ", "\xc2\xa9 ", "(c) ", "author ", "autor ",
	"auteur ", "auteurs ", "artikel von ", "erstellt von ", "verfasser ", "verfasserin ",
	"gespeichert von ", "submitted by ",
};

/* Names that are no author: placeholders of publishing systems */
static const char *const not_authors[] = {
	"admin", "administrator", "anonymous", "anónimo", "anonym", "anonyme", "no author",
	"unknown", "wordpressadmin",
	"webmaster", "guest", "staff", "editor", "publisher", "by", "von", "por", "par", "di",
	/* headings of author boxes */
	"author", "authors", "autor", "autoren", "autorin", "people", "text", "published by",
	"weiter", "weitere artikel", "alle artikel", "date",
	/* the verb or button of a byline box, its name cut off */
	"posted", "published", "publiziert", "veröffentlicht", "follow", "folgen",
};

/* Link texts that author boxes append to the name ("Ann Lee Alle Artikel") */
static const char *const byline_widgets[] = {" alle artikel", " weitere artikel", " all posts", " shares"};

/* Words that make a name an organisation's (whole words, any case): the site, not a byline */
static const char *const org_words[] = {
	"gmbh", "e.v.", "ltd", "ltd.", "inc", "inc.", "llc", "corp", "corp.", "ag", "verlag",
	"magazin", "magazine", "zeitung", "verband", "bundesverband", "department",
	"departement", "ministerium", "kitchens",
};

/* Paths of links to an author's page */
static const char *const author_paths[] = {
	"/author/", "/authors/", "/autor/", "/autoren/", "/autorin/", "/redaktion/", "/journalist/",
	"/journalists/", "/people/", "/contributor/", "/contributors/",
};

/* Words that end a byline before a date: "lupa am 12. Mai", "Ann Lee on May 3" */
static const char *const byline_tails[] = {" am", " at", " on", " um", " le", " el"};

/* Class words of elements that hold the author's name */
static const char *const author_classes[] = {
	"author", "byline", "vcard", "entry-author", "post-author", "author-name",
	"article-author", "byline-name", "author_name", "authorname", "writer",
};

/*
 * Parts of compound class words (between "-", "_", "__", "--") that name the
 * author's box: "c-page-intro__author", "gallery--page-meta--author",
 * "authorname-txt"; not "author-bio" or "author-avatar" (their parts are
 * others, and a biography is too long for a byline anyway)
 */
static const char *const author_class_parts[] = {
	"author", "authors", "authorname", "byline", "autor", "autoren", "autorin",
};

/*
 * Month names of the languages in the evaluation pages besides English
 * (which dates.c reads): "27. Januar 2020", "3 mars 2019", "5 de mayo de 2018",
 * "20 septembrie 2020", "3 de março de 2020", "12 mei 2019", "5 maja 2020".
 */
static const char *const other_months[][12] = {
	{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
	{"jänner", "feber", "maerz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"},
	{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	{"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"},
	{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
};

/* JSON-LD types of a person */
static const char *const person_types[] = {"Person"};

/* JSON-LD types of the site as a whole, whose publisher is its owner */
static const char *const site_types[] = {"WebSite", "Blog"};

/* Class or id words of elements that carry a visible date */
static const char *const date_hints[] = {
	"date", "time", "publish", "posted", "timestamp", "dateline", "byline", "meta", "pubdate",
};

/* ---- candidates ---------------------------------------------------------- */

#define MAX_VALUES	16
#define AUTHOR_RANKS	7		/* 6: a visible "By ..." line */

typedef struct Cand
{
	int			rank;			/* 99: none yet */
	int			n;
	const char *s[MAX_VALUES];
	size_t		len[MAX_VALUES];
} Cand;

typedef struct Meta
{
	HDoc	   *d;
	AtArticle  *a;
	AtBuf	   *base;
	Cand		f[F_NFIELDS];
	Cand		by_rank[AUTHOR_RANKS];	/* author offers of each rank */
	Cand		all_pub;		/* every published date offered, any rank */
	Cand		meta_titles;	/* every title of ranks 0-2 (JSON-LD, og:title, headline) */
	const char *html_title;
	size_t		html_title_len;
	AtBuf		h1;				/* text of the first <h1> outside boilerplate */
	AtBuf		main_h1;		/* text of the first <h1> of the main content */
	int			h1_count;		/* <h1> elements outside boilerplate */
	AtBuf		logo;			/* text of an <h1> that only links home: the site's name */
	AtBuf		scratch;
	const HJson *ld_root;		/* the JSON-LD tree being read, for "@id" references */
	int			ld_refs;		/* references resolved in it (bounded: each scans it) */
	bool		byline_named;	/* a byline box gave a name */
	bool		visible_named;	/* a visible "By ..." line gave a name */
	char		tw_author;		/* N of the twitter:labelN that says "Written by" */
	Cand		bare_times;		/* <time datetime> values without itemprop or pubdate */
	bool		pub_weak;		/* published came from one of them or a generic meta date */
	const char *owner;			/* a JSON-LD publisher that is a Person */
	size_t		owner_len;
} Meta;

/* Offer a value of rank for field: a better rank replaces, an equal one adds */
static void
offer(Meta *m, int field, int rank, const char *s, size_t len)
{
	Cand	   *c = &m->f[field];
	size_t		st;

	len = h_trim(s, len, &st);
	if (field == F_PUBLISHED && len > 0 && m->all_pub.n < MAX_VALUES)
	{
		m->all_pub.s[m->all_pub.n] = s + st;
		m->all_pub.len[m->all_pub.n++] = len;
	}
	if (field == F_TITLE && len > 0 && rank <= 2 && m->meta_titles.n < MAX_VALUES)
	{
		m->meta_titles.s[m->meta_titles.n] = s + st;
		m->meta_titles.len[m->meta_titles.n++] = len;
	}
	/* authors: every rank is kept, a rank whose names all fail falls through */
	if (field == F_AUTHOR && len > 0 && rank < AUTHOR_RANKS && m->by_rank[rank].n < MAX_VALUES)
	{
		Cand	   *r = &m->by_rank[rank];

		r->s[r->n] = s + st;
		r->len[r->n++] = len;
	}
	if (len == 0 || rank > c->rank)
		return;
	if (rank < c->rank)
	{
		c->rank = rank;
		c->n = 0;
	}
	/* several values only for authors and tags */
	if (c->n >= MAX_VALUES || (c->n > 0 && field != F_AUTHOR && field != F_TAGS))
		return;
	c->s[c->n] = s + st;
	c->len[c->n] = len;
	c->n++;
}

static bool
eq_ci(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return false;
	for (size_t i = 0; i < alen; i++)
	{
		char		x = a[i],
					y = b[i];

		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return false;
	}
	return true;
}

static bool
prefix_ci(const char *s, size_t len, const char *p)
{
	size_t		pl = strlen(p);

	return len >= pl && eq_ci(s, pl, p, pl);
}

/*
 * Bytes of a byline opener at the start of s ("By ", "Written by: "), 0
 * when none: an opener's closing space may be a colon too.
 */
static size_t
opener_len(const char *s, size_t len)
{
	for (size_t i = 0; i < AT_LENGTHOF(byline_openers); i++)
	{
		const char *o = byline_openers[i];
		size_t		ol = strlen(o);

		if (prefix_ci(s, len, o))
			return ol;
		if (o[ol - 1] == ' ' && o[ol - 2] != ':' && len > ol && eq_ci(s, ol - 1, o, ol - 1) &&
			s[ol - 1] == ':')
			return s[ol] == ' ' ? ol + 1 : ol;
	}
	return 0;
}

/*
 * Character references left in a value: pages that encode twice
 * (content="&amp;#8216;") or JSON-LD strings holding "&amp;".
 */
static const struct
{
	const char *name;
	const char *utf8;
}			refs[] = {
	{"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}, {"lt;", "<"}, {"gt;", ">"},
	{"nbsp;", " "}, {"#039;", "'"}, {"raquo;", "\xc2\xbb"}, {"laquo;", "\xc2\xab"},
	{"ndash;", "\xe2\x80\x93"}, {"mdash;", "\xe2\x80\x94"}, {"rsquo;", "\xe2\x80\x99"},
	{"lsquo;", "\xe2\x80\x98"}, {"ldquo;", "\xe2\x80\x9c"}, {"rdquo;", "\xe2\x80\x9d"},
	{"hellip;", "\xe2\x80\xa6"},
	/* letters of the Latin-1 languages of news pages */
	{"aacute;", "\xc3\xa1"}, {"eacute;", "\xc3\xa9"}, {"iacute;", "\xc3\xad"},
	{"oacute;", "\xc3\xb3"}, {"uacute;", "\xc3\xba"}, {"ntilde;", "\xc3\xb1"},
	{"Aacute;", "\xc3\x81"}, {"Eacute;", "\xc3\x89"}, {"Iacute;", "\xc3\x8d"},
	{"Oacute;", "\xc3\x93"}, {"Uacute;", "\xc3\x9a"}, {"Ntilde;", "\xc3\x91"},
	{"auml;", "\xc3\xa4"}, {"ouml;", "\xc3\xb6"}, {"uuml;", "\xc3\xbc"},
	{"Auml;", "\xc3\x84"}, {"Ouml;", "\xc3\x96"}, {"Uuml;", "\xc3\x9c"},
	{"szlig;", "\xc3\x9f"}, {"ccedil;", "\xc3\xa7"}, {"agrave;", "\xc3\xa0"},
	{"egrave;", "\xc3\xa8"},
};

static void
append_decoded(AtBuf *out, const char *s, size_t len)
{
	for (size_t p = 0; p < len;)
	{
		const char *amp = memchr(s + p, '&', len - p);
		size_t		a = amp ? (size_t) (amp - s) : len;
		bool		done = false;

		h_append_clean(out, s + p, a - p, false);
		if (a >= len)
			break;
		p = a + 1;
		if (p + 1 < len && s[p] == '#')
		{
			uint32_t	cp = 0;
			size_t		q = p + 1;
			bool		hex = q < len && (s[q] == 'x' || s[q] == 'X');
			int			nd = 0;

			q += hex;
			for (; q < len && nd < 7; q++, nd++)
			{
				char		c = s[q];
				int			v = c >= '0' && c <= '9' ? c - '0' :
					hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;

				if (v < 0)
					break;
				cp = cp * (hex ? 16 : 10) + v;
			}
			if (nd > 0 && q < len && s[q] == ';')
			{
				char		enc[4];

				if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
					cp = 0xFFFD;
				h_append_clean(out, enc, at_utf8_encode(cp, enc), false);
				p = q + 1;
				done = true;
			}
		}
		/* names match case-sensitively (&Uuml; is not &uuml;), then in any case (&AMP;) */
		for (size_t r = 0; r < 2 * AT_LENGTHOF(refs) && !done; r++)
		{
			size_t		k = r % AT_LENGTHOF(refs),
						nl = strlen(refs[k].name);

			if (r < AT_LENGTHOF(refs) ? len - p >= nl && memcmp(s + p, refs[k].name, nl) == 0 :
				prefix_ci(s + p, len - p, refs[k].name))
			{
				h_append_clean(out, refs[k].utf8, strlen(refs[k].utf8), false);
				p += nl;
				done = true;
			}
		}
		if (!done)
			at_buf_appendc(out, '&');
	}
}

/* len cut to at most max bytes, at a character boundary */
static size_t
cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char) s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/* Append a cleaned value to base; returns its span (len 0 when empty) */
static AtSpan
keep(Meta *m, const char *s, size_t len)
{
	AtSpan		sp;
	size_t		st;

	sp.start = m->base->len;
	append_decoded(m->base, s, len);
	sp.len = h_trim(m->base->data + sp.start, m->base->len - sp.start, &st);
	if (st > 0)
		memmove(m->base->data + sp.start, m->base->data + sp.start + st, sp.len);
	m->base->len = sp.start + sp.len;
	if (m->base->data)
		m->base->data[m->base->len] = '\0';
	if (sp.len == 0)
		sp.start = 0;
	return sp;
}

/* ---- JSON-LD -------------------------------------------------------------- */

/* JSON-LD types of the page, a second choice for dates when no article object is given */
static const char *const page_types[] = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "MediaObject", "VideoObject"};

static bool
json_type_in(const HJson *obj, const char *const *types, size_t ntypes)
{
	const HJson *t = h_json_get(obj, "@type");

	for (const HJson *e = t && t->type == HJ_ARR ? t->child : t; e; e = t->type == HJ_ARR ? e->next : NULL)
	{
		if (e->type != HJ_STR)
			continue;
		for (size_t i = 0; i < ntypes; i++)
			if (strcmp(e->str, types[i]) == 0)
				return true;
	}
	return false;
}

/* The object with a "name" whose "@id" is id in a JSON-LD tree (through @graph and arrays) */
static const HJson *
find_by_id(const HJson *v, int depth, const char *id, size_t idlen)
{
	if (!v || depth > 4)
		return NULL;
	if (v->type == HJ_OBJ)
	{
		const HJson *i = h_json_get(v, "@id");

		if (i && i->type == HJ_STR && i->slen == idlen && memcmp(i->str, id, idlen) == 0 &&
			h_json_get(v, "name"))
			return v;
		return find_by_id(h_json_get(v, "@graph"), depth + 1, id, idlen);
	}
	if (v->type == HJ_ARR)
		for (const HJson *e = v->child; e; e = e->next)
		{
			const HJson *r = find_by_id(e, depth + 1, id, idlen);

			if (r)
				return r;
		}
	return NULL;
}

/* A name: a string, or an object's "name" */
static void
offer_name(Meta *m, int field, int rank, const HJson *v)
{
	if (!v)
		return;
	if (v->type == HJ_STR)
		offer(m, field, rank, v->str, v->slen);
	else if (v->type == HJ_OBJ)
	{
		static const char *const org[] = {"Organization", "NewsMediaOrganization", "Corporation"};
		const HJson *n = h_json_get(v, "name");

		/*
		 * {"@id": ".../#author"}: a reference to a Person elsewhere in the
		 * @graph (Yoast SEO and other plugins write the article's author so)
		 */
		if (!n && m->ld_root && m->ld_refs < 8)
		{
			const HJson *id = h_json_get(v, "@id");
			const HJson *r;

			m->ld_refs++;
			if (id && id->type == HJ_STR && (r = find_by_id(m->ld_root, 0, id->str, id->slen)) != NULL)
			{
				v = r;
				n = h_json_get(v, "name");
			}
		}

		/* an organisation as author is the publisher again, not a byline */
		if (field == F_AUTHOR && json_type_in(v, org, AT_LENGTHOF(org)))
			return;
		if (n && n->type == HJ_STR)
			offer(m, field, rank, n->str, n->slen);
	}
	else if (v->type == HJ_ARR)
		for (const HJson *e = v->child; e; e = e->next)
			offer_name(m, field, rank, e);
}

static void
offer_strings(Meta *m, int field, int rank, const HJson *v)
{
	if (!v)
		return;
	if (v->type == HJ_STR)
		offer(m, field, rank, v->str, v->slen);
	else if (v->type == HJ_ARR)
		for (const HJson *e = v->child; e; e = e->next)
			if (e->type == HJ_STR)
				offer(m, field, rank, e->str, e->slen);
}

static void
from_article_json(Meta *m, const HJson *o)
{
	const HJson *h = h_json_get(o, "headline");

	if (!h || h->type != HJ_STR)
		h = h_json_get(o, "name");
	if (h && h->type == HJ_STR)
		offer(m, F_TITLE, 0, h->str, h->slen);
	offer_strings(m, F_PUBLISHED, 0, h_json_get(o, "datePublished"));
	offer_strings(m, F_UPDATED, 0, h_json_get(o, "dateModified"));
	offer_name(m, F_AUTHOR, 0, h_json_get(o, "author"));
	offer_name(m, F_SOURCE, 0, h_json_get(o, "publisher"));
	offer_strings(m, F_SECTION, 0, h_json_get(o, "articleSection"));
	offer_strings(m, F_TAGS, 0, h_json_get(o, "keywords"));
}

/* The first object of one of types in a JSON-LD tree (through @graph and arrays) */
static const HJson *
find_typed(const HJson *v, int depth, const char *const *types, size_t ntypes)
{
	if (!v || depth > 4)
		return NULL;
	if (v->type == HJ_OBJ)
	{
		if (json_type_in(v, types, ntypes))
			return v;
		return find_typed(h_json_get(v, "@graph"), depth + 1, types, ntypes);
	}
	if (v->type == HJ_ARR)
		for (const HJson *e = v->child; e; e = e->next)
		{
			const HJson *r = find_typed(e, depth + 1, types, ntypes);

			if (r)
				return r;
		}
	return NULL;
}

/* The publisher of o when it is a Person (directly or by "@id"): the site's owner */
static void
person_publisher(Meta *m, const HJson *o)
{
	const HJson *p = h_json_get(o, "publisher"),
			   *n;

	if (p && p->type == HJ_ARR)
		p = p->child;
	if (!p || p->type != HJ_OBJ)
		return;
	if (!h_json_get(p, "name") && m->ld_refs < 8)
	{
		const HJson *id = h_json_get(p, "@id");

		m->ld_refs++;
		if (!id || id->type != HJ_STR || !(p = find_by_id(m->ld_root, 0, id->str, id->slen)))
			return;
	}
	n = h_json_get(p, "name");
	if (json_type_in(p, person_types, AT_LENGTHOF(person_types)) && n && n->type == HJ_STR && n->slen)
	{
		m->owner = n->str;
		m->owner_len = n->slen;
	}
}

static void
from_json_ld(Meta *m, int script)
{
	HDoc	   *d = m->d;
	size_t		start = m->scratch.len;
	HJson	   *j;
	const HJson *art;

	for (int c = HN(d, script)->first; c >= 0; c = HN(d, c)->next)
		if (HN(d, c)->tag == H_TEXT)
			at_buf_append(&m->scratch, d->text.data + HN(d, c)->start, HN(d, c)->len);
	j = h_json_parse(m->scratch.data + start, m->scratch.len - start, d->mem);
	m->ld_root = j;
	m->ld_refs = 0;
	if ((art = find_typed(j, 0, article_types, AT_LENGTHOF(article_types))) != NULL)
		person_publisher(m, art);
	if (!m->owner && (art = find_typed(j, 0, site_types, AT_LENGTHOF(site_types))) != NULL)
		person_publisher(m, art);
	if ((art = find_typed(j, 0, article_types, AT_LENGTHOF(article_types))) != NULL)
		from_article_json(m, art);
	else if ((art = find_typed(j, 0, page_types, AT_LENGTHOF(page_types))) != NULL)
	{
		offer_strings(m, F_PUBLISHED, 1, h_json_get(art, "datePublished"));
		offer_strings(m, F_PUBLISHED, 2, h_json_get(art, "uploadDate"));
		offer_strings(m, F_UPDATED, 1, h_json_get(art, "dateModified"));
		offer_name(m, F_AUTHOR, 1, h_json_get(art, "author"));
	}
	m->ld_root = NULL;
}

/* ---- meta tags and the document ----------------------------------------- */

static int
find_key(const char *k, size_t len)
{
	char		c0;

	if (len == 0)
		return -1;
	c0 = (k[0] >= 'A' && k[0] <= 'Z') ? k[0] + 32 : k[0];
	for (size_t i = 0; i < AT_LENGTHOF(meta_keys); i++)
		if (meta_keys[i].key[0] == c0 && eq_ci(k, len, meta_keys[i].key, strlen(meta_keys[i].key)))
			return (int) i;
	return -1;
}

static void
from_meta(Meta *m, int node)
{
	HDoc	   *d = m->d;
	static const HAttrName keys[] = {HA_PROPERTY, HA_NAME, HA_ITEMPROP};
	size_t		vlen,
				klen;
	const char *v = h_attr(d, node, HA_CONTENT, &vlen),
			   *k;

	if (!v)
		return;
	if (h_attr_is(d, node, HA_HTTP_EQUIV, "content-language") && !m->a->language.len)
		m->a->language = keep(m, v, cut(v, vlen, 35));
	/*
	 * Twitter's card pairs (Yoast SEO): twitter:label1 "Written by" (or
	 * "Verfasst von", ...), then twitter:data1 the author's name
	 */
	if ((k = h_attr(d, node, HA_NAME, &klen)) != NULL && klen == 14 && eq_ci(k, 13, "twitter:label", 13))
	{
		for (size_t o = 0; o < AT_LENGTHOF(byline_openers); o++)
		{
			size_t		ol = strlen(byline_openers[o]);

			if (byline_openers[o][ol - 1] == ' ' && ol - 1 == vlen && eq_ci(v, vlen, byline_openers[o], vlen))
				m->tw_author = k[13];
		}
		return;
	}
	if (k && klen == 13 && eq_ci(k, 12, "twitter:data", 12))
	{
		if (m->tw_author == k[12])
			offer(m, F_AUTHOR, 3, v, vlen);
		return;
	}
	for (size_t i = 0; i < AT_LENGTHOF(keys); i++)
	{
		int			mk;

		k = h_attr(d, node, keys[i], &klen);
		mk = k ? find_key(k, klen) : -1;
		if (mk < 0)
			continue;
		/* article:author is often a profile URL, not a name */
		if (meta_keys[mk].field == F_AUTHOR && (memchr(v, '/', vlen) || memchr(v, '@', vlen)))
			continue;
		offer(m, meta_keys[mk].field, meta_keys[mk].rank, v, vlen);
	}
}

/* The text of a node, offered for a field (a copy: the value must not move) */
static void
offer_text(Meta *m, int field, int rank, int node, size_t max)
{
	AtBuf		tmp;

	at_buf_init(&tmp, m->d->mem, 64);
	h_text_of(m->d, node, &tmp, max);
	if (tmp.len)
		offer(m, field, rank, tmp.data, tmp.len);
}

static size_t clean_author(const char **s, size_t len);
static bool capitalised(const char *s, size_t len);

/* A byline box's short text when it holds a name (not an author's biography) */
static bool
offer_byline_box(Meta *m, int node)
{
	AtBuf		tmp;
	const char *p;
	size_t		len;

	at_buf_init(&tmp, m->d->mem, 64);
	h_text_of(m->d, node, &tmp, 101);
	p = tmp.data;
	if (!tmp.len || tmp.len > 100 || (len = clean_author(&p, tmp.len)) == 0 ||
		(at_count_words(p, len) >= 3 && !capitalised(p, len)))
		return false;
	offer(m, F_AUTHOR, 5, tmp.data, tmp.len);
	return true;
}

/* Inside a comment thread: an ancestor's class or id holds "comment" */
static bool
in_comments(const HDoc *d, int node)
{
	static const HAttrName where[] = {HA_CLASS, HA_ID};

	for (int i = node, up = 0; i > 0 && up < 32; i = HN(d, i)->parent, up++)
		for (size_t w = 0; w < AT_LENGTHOF(where); w++)
		{
			size_t		len;
			const char *v = h_attr(d, i, where[w], &len);

			for (size_t p = 0; v && p + 7 <= len; p++)
				if (eq_ci(v + p, 7, "comment", 7))
					return true;
		}
	return false;
}

static bool
author_element(const HDoc *d, int node)
{
	size_t		len;
	const char *v = h_attr(d, node, HA_CLASS, &len);

	/* each class word looked up once (h_attr_has_word per listed word costs more) */
	for (size_t i = 0; v && i < len;)
	{
		size_t		e = i;

		while (e < len && v[e] != ' ' && v[e] != '\t' && v[e] != '\n')
			e++;
		if (e > i && at_word_in(v + i, e - i, author_classes, AT_LENGTHOF(author_classes)))
			return true;
		/* a part of a BEM-style class: "c-page-intro__author", "meta--author" */
		for (size_t p = i, q; p < e; p = q + 1)
		{
			for (q = p; q < e && v[q] != '-' && v[q] != '_';)
				q++;
			if (q > p && (p > i || q < e) &&
				at_word_in(v + p, q - p, author_class_parts, AT_LENGTHOF(author_class_parts)))
				return true;
		}
		i = e + 1;
	}
	if (HN(d, node)->tag == H_A && (v = h_attr(d, node, HA_HREF, &len)) != NULL)
		for (const char *sl = memchr(v, '/', len); sl; sl = memchr(sl + 1, '/', v + len - sl - 1))
			for (size_t k = 0; k < AT_LENGTHOF(author_paths); k++)
			{
				size_t		pl = strlen(author_paths[k]);

				if ((size_t) (v + len - sl) >= pl && memcmp(sl, author_paths[k], pl) == 0)
					return true;
			}
	return false;
}

/* Class parts of a kicker inside a headline: <h1><span class="dachzeile">Kicker</span> Headline</h1> */
static const char *const kicker_classes[] = {
	"kicker", "dachzeile", "overline", "topline", "toptitle", "titleheader", "subtitle",
	"roofline", "supertitle", "eyebrow", "spitzmarke", "h1small", "pretitle",
};

static bool
class_has_part(const HDoc *d, int node, const char *const *parts, size_t n)
{
	size_t		len;
	const char *v = h_attr(d, node, HA_CLASS, &len);

	for (size_t k = 0; v && k < n; k++)
	{
		size_t		pl = strlen(parts[k]);

		for (size_t p = 0; p + pl <= len; p++)
			if (eq_ci(v + p, pl, parts[k], pl))
				return true;
	}
	return false;
}

/*
 * The headline of an <h1>: its text without a kicker child (when text
 * follows it), and without the separator that stood between them.
 */
static void
h1_text(const HDoc *d, int node, AtBuf *out)
{
	size_t		start = out->len,
				st,
				len;
	bool		kicker = false;

	for (int c = HN(d, node)->first; c >= 0 && !kicker; c = HN(d, c)->next)
		kicker = HN(d, c)->tag != H_TEXT && class_has_part(d, c, kicker_classes, AT_LENGTHOF(kicker_classes));
	if (!kicker)
	{
		h_text_of(d, node, out, 1000);
		return;
	}
	for (int c = HN(d, node)->first; c >= 0; c = HN(d, c)->next)
		if (HN(d, c)->tag == H_TEXT || !class_has_part(d, c, kicker_classes, AT_LENGTHOF(kicker_classes)))
			h_text_of(d, c, out, 1000);
	/* the separator a hidden span or the kicker's punctuation left in front */
	{
		const char *t = out->data + start;
		size_t		n = out->len - start,
					b = 0;

		for (;;)
		{
			while (b < n && (t[b] == ' ' || t[b] == ':' || t[b] == '|' || t[b] == '-'))
				b++;
			if (b + 3 <= n && (memcmp(t + b, "\xe2\x80\x93", 3) == 0 || memcmp(t + b, "\xe2\x80\x94", 3) == 0))
				b += 3;		/* – — */
			else
				break;
		}
		len = h_trim(t + b, n - b, &st);
		memmove(out->data + start, t + b + st, len);
		out->len = start + len;
		if (out->data)
			out->data[out->len] = '\0';
	}
	if (at_count_words(out->data + start, out->len - start) < 2)
	{
		/* nothing but the kicker: the whole text */
		out->len = start;
		h_text_of(d, node, out, 1000);
	}
}

/* Class words of elements shown to screen readers only */
static const char *const hidden_classes[] = {
	"visuallyhidden", "visually-hidden", "sr-only", "screen-reader-text", "element-invisible",
	"screenreader-only", "offscreen", "hidden", "hide",
	/* headings of skip links and aural-only text */
	"navSkip", "skip-link", "skiplink", "skip-nav", "aural", "invisible", "a11y-hidden",
};

static bool
hidden_class(const HDoc *d, int node)
{
	for (size_t k = 0; k < AT_LENGTHOF(hidden_classes); k++)
		if (h_attr_has_word(d, node, HA_CLASS, hidden_classes[k]))
			return true;
	return false;
}

/*
 * A copy saved by the Wayback Machine rewrites every link to
 * "https://web.archive.org/web/20140226054445/http://host/path" (the
 * timestamp may end in a flag such as "im_"): the original link is the part
 * after the timestamp
 */
static void
wayback(const char **href, size_t *len)
{
	const char *h = *href;
	size_t		l = *len;

	for (size_t k = 0; k + 5 <= l && k < 64; k++)
		if (memcmp(h + k, "/web/", 5) == 0)
		{
			size_t		p = k + 5,
						d = p;

			while (p < l && h[p] >= '0' && h[p] <= '9')
				p++;
			if (p - d < 8)
				return;
			while (p < l && (h[p] == '_' || (h[p] >= 'a' && h[p] <= 'z')))
				p++;
			if (p < l && h[p] == '/' && p + 1 < l)
			{
				*href = h + p + 1;
				*len = l - p - 1;
			}
			return;
		}
}

/*
 * An element whose only content is a link to the site's home page ("/",
 * "https://host/"): the site's logo or name in a blog theme's <h1>
 * ("<h1><a href="http://fouryears.eu">Four Years Remaining</a></h1>"),
 * not the headline
 */
static bool
home_link(const HDoc *d, int node)
{
	int			a = -1;
	const char *href;
	size_t		len,
				p = 0;

	for (int c = HN(d, node)->first; c >= 0; c = HN(d, c)->next)
	{
		const HNode *n = HN(d, c);

		if (n->tag == H_TEXT)
		{
			size_t		st;

			if (h_trim(d->text.data + n->start, n->len, &st) > 0)
				return false;
		}
		else if (n->tag == H_A && a < 0)
			a = c;
		else
			return false;
	}
	if (a < 0 || !(href = h_attr(d, a, HA_HREF, &len)))
		return false;
	wayback(&href, &len);
	for (size_t k = 0; k + 3 <= len && p == 0; k++)
		if (memcmp(href + k, "://", 3) == 0)
			for (p = k + 3; p < len && href[p] != '/'; p++)
				;
	return (p > 0 && len == p) || (len - p == 1 && href[p] == '/');
}

static bool
inside(const HDoc *d, int node, int root)
{
	for (int i = node; i >= 0; i = HN(d, i)->parent)
		if (i == root)
			return true;
	return false;
}

/* Text that opens with a byline word ("By ", "Von ", "Written by") */
static bool
byline_text(const char *s, size_t len)
{
	size_t		st;

	/* cheap tests first: this runs on every short text node */
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++, len--;
	if (len < 2 || len > 200 || *s == 0 || !strchr("abegimprstvwzABEGIMPRSTVWZ", *s))
		return false;
	len = h_trim(s, len, &st);
	s += st;
	if (len < 2 || len > 100)
		return false;
	if (opener_len(s, len))
		return true;
	/* the opener alone: its name follows in the next element */
	for (size_t i = 0; i < AT_LENGTHOF(byline_openers); i++)
	{
		size_t		ol = strlen(byline_openers[i]);

		if (byline_openers[i][ol - 1] == ' ' && (len == ol - 1 || (len == ol && s[len - 1] == ':')) &&
			eq_ci(s, ol - 1, byline_openers[i], ol - 1))
			return true;
	}
	return false;
}

/* An element's short text that opens with a byline word, offered as a visible byline */
static void
offer_byline(Meta *m, int node)
{
	AtBuf		tmp;

	const char *p;
	size_t		len;

	at_buf_init(&tmp, m->d->mem, 64);
	h_text_of(m->d, node, &tmp, 101);
	/*
	 * the opener alone in its element ("<strong>Text:</strong> Ann Lee",
	 * "<b>von</b> <span>Ann Lee</span>"): the siblings that follow it, to
	 * the end of the line, hold the name
	 */
	p = tmp.data;
	if (tmp.len && tmp.len <= 100 && byline_text(tmp.data, tmp.len) && clean_author(&p, tmp.len) == 0)
	{
		size_t		opener = tmp.len;

		for (int c = HN(m->d, node)->next; c >= 0 && tmp.len <= 100; c = HN(m->d, c)->next)
		{
			size_t		st;

			/* "<b>Von:</b><br><br>Ann Lee": breaks before the name are passed over */
			if (HN(m->d, c)->tag == H_BR && h_trim(tmp.data + opener, tmp.len - opener, &st) == 0)
				continue;
			if (HN(m->d, c)->tag == H_BR || (HN(m->d, c)->flags & HF_BLOCK))
				break;
			at_buf_append(&tmp, " ", 1);
			h_text_of(m->d, c, &tmp, 101);
		}
	}
	if (tmp.len && tmp.len <= 100 && byline_text(tmp.data, tmp.len))
	{
		offer(m, F_AUTHOR, 6, tmp.data, tmp.len);
		/* later lines are read until one gives a name ("by the river" does not) */
		p = tmp.data;
		len = clean_author(&p, tmp.len);
		m->visible_named = len > 0 && capitalised(p, len);
	}
}

static void
scan_document(Meta *m, int root)
{
	HDoc	   *d = m->d;
	int			h1_any = -1;
	bool		h1_done = false;

	for (size_t i = 0; i < d->nodes.len; i++)
	{
		HNode	   *n = HN(d, i);
		size_t		len,
					dl;
		const char *v;

		if ((i & 4095) == 4095)
			AT_CHECK_INTERRUPTS();
		switch (n->tag)
		{
			case H_HTML:
				if ((v = h_attr(d, i, HA_LANG, &len)) && !m->a->language.len)
					m->a->language = keep(m, v, cut(v, len, 35));
				break;
			case H_META:
				from_meta(m, i);
				break;
			case H_LINK:
				if (h_attr_has_word(d, i, HA_REL, "canonical") && (v = h_attr(d, i, HA_HREF, &len)))
					offer(m, F_URL, 1, v, len);
				break;
			case H_SCRIPT:
				if (h_attr_is(d, i, HA_TYPE, "application/ld+json"))
					from_json_ld(m, i);
				break;
			case H_TITLE:
				if (!m->html_title)
				{
					AtBuf		tmp;

					at_buf_init(&tmp, d->mem, 64);
					for (int c = n->first; c >= 0; c = HN(d, c)->next)
						if (HN(d, c)->tag == H_TEXT)
							h_append_clean(&tmp, d->text.data + HN(d, c)->start, HN(d, c)->len, false);
					m->html_title = tmp.data ? tmp.data : "";
					m->html_title_len = tmp.len;
				}
				break;
			case H_H1:
				if (!(n->flags & HF_SKIP) && m->logo.len == 0 && home_link(d, i))
					h_text_of(d, i, &m->logo, 200);
				if ((n->flags & (HF_BOIL | HF_SKIP)) || hidden_class(d, i) || home_link(d, i))
					break;
				if (m->h1.len == 0)
					h1_text(d, i, &m->h1);
				m->h1_count++;
				if (!h1_done && root > 0 && inside(d, i, HN(d, root)->parent >= 0 ? HN(d, root)->parent : root))
				{
					h1_text(d, i, &m->main_h1);
					offer(m, F_TITLE, 3, m->main_h1.data, m->main_h1.len);
					h1_done = true;
				}
				else if (h1_any < 0)
					h1_any = (int) i;
				break;
			case H_TIME:
				if ((v = h_attr(d, i, HA_DATETIME, &len)))
				{
					bool		marked = h_attr_is(d, i, HA_ITEMPROP, "datePublished") || h_attr(d, i, HA_PUBDATE, &dl);

					len = strlen(v) < len ? strlen(v) : len;
					if (!marked && m->bare_times.n < MAX_VALUES)
					{
						m->bare_times.s[m->bare_times.n] = v;
						m->bare_times.len[m->bare_times.n++] = len;
					}
					offer(m, F_PUBLISHED, marked ? 2 : 3, v, len);
				}
				break;
			case H_A:
				if (h_attr_has_word(d, i, HA_REL, "author") && !(n->flags & HF_BOIL))
					offer_text(m, F_AUTHOR, 4, i, 200);
				break;
			default:
				break;
		}
		/* a visible "By Ann Lee" line: its element's short text */
		if (n->tag == H_TEXT && !m->visible_named && !(n->flags & HF_SKIP) && n->parent > 0 &&
			byline_text(d->text.data + n->start, n->len) && !in_comments(d, i))
			offer_byline(m, n->parent);
		/* itemprop=author on any element: its name */
		if (n->tag == H_META || n->tag == H_TEXT)
			continue;
		/*
		 * microdata's datePublished on an element other than <meta>:
		 * its content attribute (<span itemprop="datePublished"
		 * content="2020-04-27T18:50:24+02:00">), as <meta> gives it
		 */
		if ((v = h_attr(d, i, HA_CONTENT, &len)) != NULL && !(n->tag == H_TIME && h_attr(d, i, HA_DATETIME, &dl)))
		{
			if (h_attr_is(d, i, HA_ITEMPROP, "datePublished"))
				offer(m, F_PUBLISHED, 2, v, len);
			else if (h_attr_is(d, i, HA_ITEMPROP, "dateModified"))
				offer(m, F_UPDATED, 2, v, len);
		}
		if (h_attr_is(d, i, HA_ITEMPROP, "author") && !(n->flags & HF_BOIL))
			offer_text(m, F_AUTHOR, 4, i, 200);
		/*
		 * bylines sit in header and footer boxes too, but not in comments;
		 * the first box whose text is a name ("Posted" in a box of its own
		 * is the verb before it)
		 */
		else if (m->f[F_AUTHOR].rank >= 5 && !m->byline_named && author_element(d, i) &&
				 !in_comments(d, i))
			m->byline_named = offer_byline_box(m, i);
	}
	if (!h1_done && h1_any >= 0)
		offer_text(m, F_TITLE, 4, h1_any, 1000);
}

/* ---- cleaning and keeping each field ------------------------------------ */

static bool
contains(const char *s, size_t len, const char *w, size_t wl)
{
	for (size_t p = 0; p + wl <= len; p++)
		if (memcmp(s + p, w, wl) == 0)
			return true;
	return false;
}

/*
 * True when part names the site: the site name, or (3+ letters and digits,
 * at most 4 words) a part whose letters and digits, lower-cased, occur in
 * the host of the page's URL ("eHow" on www.ehow.com, "petri-heil.ch").
 */
static bool
names_site(const Meta *m, const char *s, size_t len, bool loose)
{
	const Cand *site = &m->f[F_SOURCE];
	const Cand *url = &m->f[F_URL];
	char		part[64],
				host[256];
	const char *label = NULL;
	size_t		pn = 0,
				hn = 0,
				label_start = 0,
				label_len = 0,
				st;

	len = h_trim(s, len, &st);
	s += st;
	if (site->n && eq_ci(s, len, site->s[0], site->len[0]))
		return true;
	if (!url->n || at_count_words(s, len) > 4)
		return false;
	for (size_t i = 0; i < len && pn < sizeof(part); i++)
		if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
			part[pn++] = s[i] | 0x20;
		else if (s[i] >= '0' && s[i] <= '9')
			part[pn++] = s[i];
		else if (i + 2 < len && memcmp(s + i, "\xe2\x80\x99", 3) == 0)
			i += 2;				/* ’ as ' */
		else if (s[i] != ' ' && s[i] != '.' && s[i] != '-' && s[i] != '_' && s[i] != '\'')
			return false;
	if (pn < 3 || pn == sizeof(part))
		return false;
	{
		const char *u = url->s[0];
		size_t		ul = url->len[0],
					p = 0;

		for (size_t k = 0; k + 3 <= ul; k++)
			if (memcmp(u + k, "://", 3) == 0)
			{
				p = k + 3;
				break;
			}
		for (; p < ul && u[p] != '/' && u[p] != ':' && hn < sizeof(host); p++)
			if ((u[p] | 0x20) >= 'a' && (u[p] | 0x20) <= 'z')
				host[hn++] = u[p] | 0x20;
			else if (u[p] >= '0' && u[p] <= '9')
				host[hn++] = u[p];
			else if (u[p] == '.' && label_len < hn - label_start)
			{
				/* the longest label before the last dot: the site's own name */
				label = host + label_start;
				label_len = hn - label_start;
				label_start = hn;
			}
			else if (u[p] == '.')
				label_start = hn;
	}
	/* "gregoryszorc" of gregoryszorc.com in "Gregory Szorc's Digital Home" */
	if (loose && label_len >= 5 && contains(part, pn, label, label_len))
		return true;
	return contains(host, hn, part, pn);
}

/* A part that names the site, or is a domain name ("FASSETTE.NET") */
static bool
site_like(const Meta *m, const char *s, size_t len, bool loose)
{
	size_t		st;
	const char *dot;

	if (names_site(m, s, len, loose))
		return true;
	len = h_trim(s, len, &st);
	s += st;
	dot = memchr(s, '.', len);
	return len >= 4 && len <= 40 && !memchr(s, ' ', len) && dot && dot > s && dot < s + len - 2 &&
		at_alnum_at(s, len, dot - s + 1);
}

/*
 * Cut a site-name part off a title: "Headline | Site" -> "Headline".  A
 * short last part is cut without naming the site only from <title>: in
 * og:title and JSON-LD it is mostly the headline's own second half.
 */
/* A title part that is a blog's archive label ("Blog Archive") */
static bool
archive_label(const char *s, size_t len)
{
	size_t		st;

	len = h_trim(s, len, &st);
	for (size_t k = 0; k < AT_LENGTHOF(archive_labels); k++)
		if (eq_ci(s + st, len, archive_labels[k], strlen(archive_labels[k])))
			return true;
	return false;
}

/* The separator of title_seps at p: its length, else 0 */
static size_t
sep_at(const char *s, size_t len, size_t p)
{
	for (size_t k = 0; k < AT_LENGTHOF(title_seps); k++)
	{
		size_t		sl = strlen(title_seps[k]);

		if (len - p >= sl && memcmp(s + p, title_seps[k], sl) == 0)
			return sl;
	}
	return 0;
}

static void
strip_site(Meta *m, const char **s, size_t *len, bool from_html_title)
{
	size_t		gst,
				gl = m->logo.len ? h_trim(m->logo.data, m->logo.len, &gst) : 0;

	/*
	 * "Headline | Logo" or "Headline - Part - Logo": the text of the <h1>
	 * that links home (a blog theme's logo) is the site's name, whatever
	 * separators it holds itself
	 */
	for (size_t p = 1; gl >= 3 && p + gl < *len; p++)
	{
		size_t		sl = sep_at(*s, *len, p);

		if (sl && p + sl + gl == *len && eq_ci(*s + p + sl, gl, m->logo.data + gst, gl))
		{
			*len = p;
			return;
		}
	}
	/*
	 * "Site » Blog Archive » Headline": WordPress's classic theme names the
	 * post's place in the blog between the site and the headline
	 */
	for (size_t p = 1; from_html_title && p < *len; p++)
	{
		size_t		sl = sep_at(*s, *len, p),
					b,
					e,
					el = 0;

		if (!sl)
			continue;
		for (b = p + sl, e = b; e < *len && !(el = sep_at(*s, *len, e)); e++)
			;
		if (e < *len && archive_label(*s + b, e - b))
		{
			*s += e + el;
			*len -= e + el;
			return;
		}
		p += sl - 1;
	}
	/*
	 * "Headline : Site | Slogan | Founded 2005": the title ends before the
	 * first part (between two separators) that names the site
	 */
	for (size_t p = 1; p < *len; p++)
	{
		size_t		sl = sep_at(*s, *len, p),
					e;

		if (!sl)
			continue;
		for (e = p + sl; e < *len && !sep_at(*s, *len, e); e++)
			;
		if (e < *len && at_count_words(*s, p) >= 1 &&
			(from_html_title ? names_site(m, *s + p + sl, e - p - sl, true) :
			 site_like(m, *s + p + sl, e - p - sl, true)))
		{
			*len = p;
			return;
		}
		p += sl - 1;
	}
	for (size_t k = 0; k < AT_LENGTHOF(title_seps); k++)
	{
		const char *sep = title_seps[k];
		size_t		sl = strlen(sep);

		/* the last separator of this kind */
		for (size_t p = *len >= sl ? *len - sl + 1 : 0; p-- > 0;)
		{
			size_t		tail,
						head = p;

			if (memcmp(*s + p, sep, sl) != 0)
				continue;
			tail = *len - p - sl;
			if ((from_html_title ? names_site(m, *s + p + sl, tail, true) : site_like(m, *s + p + sl, tail, true)) ||
				(from_html_title && at_count_words(*s + p + sl, tail) <= 4 &&
				 at_count_words(*s, head) >= 3))
			{
				*len = head;
				return;
			}
			/* "Site | Headline" */
			if (names_site(m, *s, head, true))
			{
				*s += p + sl;
				*len = tail;
				return;
			}
			break;
		}
	}
}

static int
digits_at(const char *s, size_t len, size_t p, int n, int *v)
{
	int			k = 0;

	*v = 0;
	while (p + k < len && k < n && s[p + k] >= '0' && s[p + k] <= '9')
		*v = *v * 10 + (s[p + k++] - '0');
	return k;
}

/* Day-first dates: "27.01.2020", "27. Januar 2020", "3 mars 2019", "5 de mayo de 2018" */
/* White space inside a date: spaces and no-break spaces ("11. November&nbsp;2021") */
static size_t
date_space(const char *s, size_t len, size_t q)
{
	while (q < len && (s[q] == ' ' || (q + 1 < len && s[q] == '\xc2' && s[q + 1] == '\xa0')))
		q += s[q] == ' ' ? 1 : 2;
	return q;
}

/* A month name of other_months at q: its number, and q moved past it */
static int
other_month_at(const char *s, size_t len, size_t *q)
{
	/* every name opens with an ASCII letter: most positions fail here */
	if (*q >= len || (s[*q] | 0x20) < 'a' || (s[*q] | 0x20) > 'z')
		return 0;
	for (size_t l = 0; l < AT_LENGTHOF(other_months); l++)
		for (int m = 0; m < 12; m++)
			if (prefix_ci(s + *q, len - *q, other_months[l][m]))
			{
				size_t		ml = strlen(other_months[l][m]);

				if (*q + ml < len && ((s[*q + ml] | 0x20) >= 'a' && (s[*q + ml] | 0x20) <= 'z'))
					continue;
				*q += ml;
				return m + 1;
			}
	return 0;
}

static bool
day_first_date(const char *s, size_t len, size_t p, AtDate *out)
{
	int			day,
				month = 0,
				year,
				n = digits_at(s, len, p, 2, &day);
	size_t		q = p + n;

	/* month first, as English pages write it: "Juli 12, 2017" */
	if (n == 0 && (p == 0 || !at_alnum_at(s, len, p - 1)) && (month = other_month_at(s, len, &q)) > 0)
	{
		if (q < len && s[q] == '.')
			q++;
		q = date_space(s, len, q);
		if ((n = digits_at(s, len, q, 2, &day)) == 0 || (q + n < len && s[q + n] >= '0' && s[q + n] <= '9'))
			return false;
		q += n;
		if (q < len && (s[q] == ',' || s[q] == '.'))
			q++;
		q = date_space(s, len, q);
		n = -1;					/* the year follows */
	}
	if (n == 0 || (p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9'))
		return false;
	if (n > 0 && q < len && s[q] == '.' && q + 1 < len && s[q + 1] >= '0' && s[q + 1] <= '9')
	{
		n = digits_at(s, len, q + 1, 2, &month);
		q += 1 + n;
		if (q >= len || s[q] != '.')
			return false;
		q++;
	}
	else if (n > 0)
	{
		if (q < len && s[q] == '.')
			q++;
		q = date_space(s, len, q);
		if (len - q >= 3 && memcmp(s + q, "de ", 3) == 0)
			q += 3;
		if ((month = other_month_at(s, len, &q)) == 0)
			return false;
		if (q < len && s[q] == '.')
			q++;
		q = date_space(s, len, q);
		if (len - q >= 3 && memcmp(s + q, "de ", 3) == 0)
			q += 3;
	}
	if (digits_at(s, len, q, 4, &year) != 4 || (q + 4 < len && s[q + 4] >= '0' && s[q + 4] <= '9'))
		return false;
	if (month < 1 || month > 12 || day < 1 || day > at_days_in_month(year, month))
		return false;
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->month = month;
	out->day = day;
	out->has_year = out->has_day = true;
	return true;
}

static bool
parse_date_value(const char *s, size_t len, AtDate *out)
{
	size_t		st;

	len = h_trim(s, len, &st);
	s += st;
	memset(out, 0, sizeof(*out));
	/* 20190429 */
	if (len >= 8 && s[0] >= '1' && s[0] <= '2')
	{
		bool		digits = true;

		for (int i = 0; i < 8; i++)
			digits &= s[i] >= '0' && s[i] <= '9';
		if (digits && (len == 8 || !(s[8] >= '0' && s[8] <= '9')))
		{
			out->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
			out->month = (s[4] - '0') * 10 + (s[5] - '0');
			out->day = (s[6] - '0') * 10 + (s[7] - '0');
			out->has_year = out->has_day = true;
			return out->month >= 1 && out->month <= 12 && out->day >= 1 &&
				out->day <= at_days_in_month(out->year, out->month);
		}
	}
	/*
	 * "23.09.22" alone: a day-first date with a two-digit year, as German and
	 * Swiss pages write it in their date lines; zero-padded day and month
	 * (version numbers are not), 90-99 the 1990s
	 */
	if (len == 8 && s[2] == '.' && s[5] == '.')
	{
		int			d,
					mo,
					y;

		if (digits_at(s, len, 0, 2, &d) == 2 && digits_at(s, len, 3, 2, &mo) == 2 &&
			digits_at(s, len, 6, 2, &y) == 2 && mo >= 1 && mo <= 12)
		{
			out->year = y >= 90 ? 1900 + y : 2000 + y;
			out->month = mo;
			out->day = d;
			out->has_year = out->has_day = true;
			return d >= 1 && d <= at_days_in_month(out->year, mo);
		}
	}
	/* the first full date in the first 200 bytes, at a word start */
	for (size_t p = 0; p < AT_MIN(len, 200); p++)
	{
		if (p > 0 && at_alnum_at(s, len, p - 1))
			continue;
		if (((at_match_date(s, len, p, out) && out->has_year && out->has_day) ||
			 day_first_date(s, len, p, out)) &&
			out->year >= 1990 && out->year <= 2100)
			return true;
	}
	return false;
}

/* A date in the page's URL: /2019/04/29/, /2019-04-29, _20190429 */
static bool
url_date(Meta *m, AtDate *dt)
{
	const char *u = m->base->data + m->a->url.start;
	size_t		len = m->a->url.len;

	for (size_t p = 1; p + 8 <= len; p++)
	{
		if (u[p - 1] != '/' && u[p - 1] != '-' && u[p - 1] != '_')
			continue;
		if (parse_date_value(u + p, AT_MIN(len - p, 10), dt) && dt->has_year && dt->has_day)
		{
			dt->has_time = false;
			return true;
		}
	}
	return false;
}

/* A date-time value in UTC: "...Z", "+00:00", "+0000", "GMT", "UTC" at its end */
static bool
utc_value(const char *s, size_t len)
{
	size_t		st;

	len = h_trim(s, len, &st);
	s += st;
	return (len > 10 && (s[len - 1] == 'Z' || s[len - 1] == 'z')) ||
		(len > 10 && (memcmp(s + len - 6, "+00:00", 6) == 0 || memcmp(s + len - 5, "+0000", 5) == 0)) ||
		(len > 10 && (memcmp(s + len - 3, "GMT", 3) == 0 || memcmp(s + len - 3, "UTC", 3) == 0));
}

/* Minutes since 1970-01-01 (days by the civil-calendar count of Howard Hinnant) */
static long
minutes_of(const AtDate *d)
{
	long		y = d->year - (d->month <= 2),
				era = (y >= 0 ? y : y - 399) / 400,
				yoe = y - era * 400,
				doy = (153 * (d->month + (d->month > 2 ? -3 : 9)) + 2) / 5 + d->day - 1,
				doe = yoe * 365 + yoe / 4 - yoe / 100 + doy,
				days = era * 146097 + doe - 719468;

	return (days * 24 + d->hour) * 60 + d->minute;
}

/*
 * A published date-time given in UTC is an instant, not the day the
 * publisher's page shows.  When the page gives the same instant in local time
 * too (the same minutes and seconds, whole hours apart, up to 14: "datePublished
 * 02:11:03Z" and <time datetime="...21:11:03-05:00">, or a zoneless meta
 * "2023-11-08 22:28:35"), its day is the one published.
 */
static void
local_day(Meta *m, const char *raw, size_t rlen, AtDate *dt)
{
	AtDate		o;

	if (!dt->has_time || !utc_value(raw, rlen))
		return;
	for (int i = 0; i < m->all_pub.n; i++)
	{
		long		diff;

		if (utc_value(m->all_pub.s[i], m->all_pub.len[i]) ||
			!parse_date_value(m->all_pub.s[i], m->all_pub.len[i], &o) || !o.has_time ||
			o.minute != dt->minute || o.second != dt->second)
			continue;
		diff = minutes_of(&o) - minutes_of(dt);
		if (diff != 0 && diff % 60 == 0 && diff >= -14 * 60 && diff <= 14 * 60)
		{
			*dt = o;
			return;
		}
	}
	/*
	 * 21:00, 22:00 or 23:00 UTC sharp is a date without a time, kept as local
	 * midnight east of Greenwich ("2022-11-06T23:00:00.000Z" is 7 November
	 * in Berlin): the next day
	 */
	if (dt->hour >= 21 && dt->minute == 0 && dt->second == 0)
	{
		dt->has_time = false;
		dt->hour = 0;
		if (++dt->day > at_days_in_month(dt->year, dt->month))
		{
			dt->day = 1;
			if (++dt->month > 12)
			{
				dt->month = 1;
				dt->year++;
			}
		}
	}
}

static void
keep_date(Meta *m, int field)
{
	Cand	   *c = &m->f[field];
	AtDate		dt;

	for (int i = 0; i < c->n; i++)
		if (parse_date_value(c->s[i], c->len[i], &dt))
		{
			if (field == F_PUBLISHED)
			{
				AtDate		u;
				bool		url = m->a->url.len && url_date(m, &u);

				local_day(m, c->s[i], c->len[i], &dt);
				/*
				 * The URL's date is the publisher's own day: it wins over a
				 * UTC instant that falls in that day in the zones of news
				 * publishers, US Pacific (-8) to New Zealand (+12): 23:11Z is
				 * the next day in Vienna, 02:25Z the day before in New York;
				 * 10:04Z is the next day for a story filed the day before
				 * under that URL.  It wins over the weak sources too (a bare
				 * <time>, generic meta dates)
				 */
				if (url &&
					(c->rank >= 3 ||
					 (utc_value(c->s[i], c->len[i]) &&
					  minutes_of(&dt) - minutes_of(&u) >= -12 * 60 &&
					  minutes_of(&dt) - minutes_of(&u) < 32 * 60)) &&
					(u.year != dt.year || u.month != dt.month || u.day != dt.day))
					dt = u;
				m->a->published = dt;
				m->a->has_published = true;
				/* a generic meta date, or a <time> that may be a comment's (the URL's date is none) */
				m->pub_weak = !(url && c->rank >= 3) && c->rank >= 4;
				for (int k = 0; k < m->bare_times.n && c->rank == 3 && !url; k++)
					m->pub_weak |= c->s[i] >= m->bare_times.s[k] &&
						c->s[i] <= m->bare_times.s[k] + m->bare_times.len[k];
			}
			else
			{
				m->a->updated = dt;
				m->a->has_updated = true;
			}
			return;
		}
}



/*
 * Words that a name does not end with: the date a byline went on with, once
 * its digits are cut ("Ann Lee March 3", "Bo Kim Monday"); not "may"
 * (Theresa May)
 */
static const char *const name_stops[] = {
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
	"stand",					/* "Ann Lee Stand: 3. Mai", as of */
};

/* Weekdays as short as they stand before a date: a name stop only there */
static const char *const weekday_abbrevs[] = {
	"mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

/* A name-stop word at s, whole */
static bool
name_stop(const char *s, size_t len)
{
	size_t		e = 0;

	while (e < len && s[e] != ',' && s[e] != '.' && s[e] != ';' && s[e] != ':')
		e++;
	return e > 0 && at_word_in(s, e, name_stops, AT_LENGTHOF(name_stops));
}

/* One author name: openers cut, a trailing date or "|" part dropped; 0 when not a name */
static size_t
clean_author(const char **s, size_t len)
{
	size_t		st,
				ol;
	int			words;
	bool		dated = false;

	/* "Posted on September 21, 2020 by Ann Lee": the name after a date */
	for (size_t p = 1, digit = 0; p + 4 < len; p++)
	{
		digit |= (*s)[p - 1] >= '0' && (*s)[p - 1] <= '9';
		if (digit && (*s)[p - 1] == ' ' && (ol = opener_len(*s + p, len - p)) > 0 && ol <= 4)
		{
			*s += p;
			len -= p;
			break;
		}
	}
	if ((ol = opener_len(*s, len)) > 0)
	{
		*s += ol;
		len = h_trim(*s, len - ol, &st);
		*s += st;
	}
	/*
	 * a date starts at a digit that starts a word; digits inside a word are
	 * a user name's ("Marianne1", "Bo2man", "freeman1984")
	 */
	for (size_t p = 0; p < len; p++)
		if ((*s)[p] == '|' || (*s)[p] == '\n' ||
			((*s)[p] >= '0' && (*s)[p] <= '9' && (p == 0 || !at_alnum_at(*s, len, p - 1))) ||
			((*s)[p] == '@' && p > 0 && (*s)[p - 1] == ' ') ||	/* "Ann Lee @annlee" */
			(len - p >= 3 && memcmp(*s + p, "\xe2\x80\x94", 3) == 0) ||	/* — */
			(len - p >= 3 && memcmp(*s + p, "\xe2\x86\x92", 3) == 0) ||	/* → */
			(len - p >= 3 && memcmp(*s + p, "\xe2\x80\xa2", 3) == 0) ||	/* • */
			(len - p >= 2 && memcmp(*s + p, "\xc2\xb7", 2) == 0))	/* · */
		{
			dated = (*s)[p] >= '0' && (*s)[p] <= '9';
			len = p;
			break;
		}
	/* a month or weekday the cut date left behind ("Ann Lee Do" of "Do 9 Apr 2020") */
	len = h_trim(*s, len, &st);
	*s += st;
	while (len > 0)
	{
		size_t		w = len,
					e;

		while (w > 0 && (*s)[w - 1] != ' ')
			w--;
		if (w == 0 && name_stop(*s, len))
			return 0;			/* a month alone */
		for (e = w; e < len && (*s)[e] != ',' && (*s)[e] != '.'; e++)
			;
		if (w == 0 || !(name_stop(*s + w, len - w) ||
						(dated && at_word_in(*s + w, e - w, weekday_abbrevs, AT_LENGTHOF(weekday_abbrevs)))))
			break;
		len = h_trim(*s, w, &st);
	}
	len = h_trim(*s, len, &st);
	*s += st;
	while (len > 0 && ((*s)[len - 1] == ',' || (*s)[len - 1] == '-' || (*s)[len - 1] == ':' ||
					   ((*s)[len - 1] == '.' && len >= 3 && (*s)[len - 3] != ' ' && (*s)[len - 3] != '.')))
		len = h_trim(*s, len - 1, &st);
	for (size_t t = 0; t < AT_LENGTHOF(byline_tails); t++)
	{
		size_t		tl = strlen(byline_tails[t]);

		if (len > tl && eq_ci(*s + len - tl, tl, byline_tails[t], tl))
			len = h_trim(*s, len - tl, &st);
	}
	for (size_t t = 0; t < AT_LENGTHOF(byline_widgets); t++)
	{
		size_t		tl = strlen(byline_widgets[t]);

		if (len > tl && eq_ci(*s + len - tl, tl, byline_widgets[t], tl))
			len = h_trim(*s, len - tl, &st);
	}
	/* "Ann Lee Ann Lee": a name and its link, side by side */
	if (len >= 9 && (len & 1) && (*s)[len / 2] == ' ' && memchr(*s, ' ', len / 2) &&
		memcmp(*s, *s + len / 2 + 1, len / 2) == 0)
		len /= 2;
	words = at_count_words(*s, len);
	if (words < 1 || words > 6 || len > 80 || memchr(*s, '@', len) || memchr(*s, '/', len))
		return 0;
	for (size_t k = 0; k < AT_LENGTHOF(not_authors); k++)
		if (eq_ci(*s, len, not_authors[k], strlen(not_authors[k])))
			return 0;
	for (size_t p = 0; p < len;)
	{
		size_t		e = p;

		while (e < len && (*s)[e] != ' ' && (*s)[e] != ',')
			e++;
		for (size_t k = 0; k < AT_LENGTHOF(org_words); k++)
			if (eq_ci(*s + p, e - p, org_words[k], strlen(org_words[k])))
				return 0;
		p = e + 1;
	}
	return len;
}

/* Every word of a name capitalised, but for particles ("Ann van der Berg") */
static bool
capitalised(const char *s, size_t len)
{
	static const char *const particles[] = {"von", "van", "der", "den", "de", "da", "di", "du", "le", "la", "dos", "del", "bin", "al", "zu", "ten", "ter"};

	for (size_t p = 0; p < len;)
	{
		size_t		e = p;
		bool		particle = false;

		while (e < len && s[e] != ' ')
			e++;
		for (size_t k = 0; k < AT_LENGTHOF(particles) && !particle; k++)
			particle = eq_ci(s + p, e - p, particles[k], strlen(particles[k]));
		if (!particle && (unsigned char) s[p] < 0x80 && !(s[p] >= 'A' && s[p] <= 'Z'))
			return false;
		/* a lower-case letter beyond ASCII opens no name either ("über", "été") */
		if (!particle && (unsigned char) s[p] >= 0x80)
		{
			uint32_t	cp;

			if (at_utf8_decode(s + p, e - p, &cp) > 0 && at_cp_is_lower(cp))
				return false;
		}
		p = e + 1;
	}
	return true;
}

/*
 * True when every comma-separated part of s has 2 to 4 words: "Ann Lee,
 * Bo Kim" is two names, "Department of Economy, Education, Research" one;
 * the last part may join two ("Ann Lee, Bo Kim and Eve Ng").
 */
static bool
commas_split_names(const char *s, size_t len)
{
	for (size_t p = 0; p <= len;)
	{
		const char *c = memchr(s + p, ',', len - p);
		size_t		e = c ? (size_t) (c - s) : len,
					a = p;
		int			w;

		/* "Bo Kim and Eve Ng" as the last part: two names */
		for (size_t q = p; !c && q + 5 <= e; q++)
			if (memcmp(s + q, " and ", 5) == 0 || memcmp(s + q, " und ", 5) == 0)
			{
				w = at_count_words(s + p, q - p);
				if (w < 2 || w > 4)
					return false;
				a = q + 5;
				break;
			}
		w = at_count_words(s + a, e - a);
		if (w < 2 || w > 4)
			return false;
		p = e + 1;
	}
	return true;
}

/*
 * A name with the site's name beside it: "Rob Picheta, CNN", "unocero -
 * Alberto Ávila" give the person only
 */
static size_t
drop_site_part(const Meta *m, const char **s, size_t len)
{
	static const char *const seps[] = {", ", " - ", " | ", " / "};
	size_t		st;

	for (size_t k = 0; len && k < AT_LENGTHOF(seps); k++)
	{
		size_t		sl = strlen(seps[k]);

		for (size_t p = 1; p + sl < len; p++)
			if (memcmp(*s + p, seps[k], sl) == 0)
			{
				if (names_site(m, *s + p + sl, len - p - sl, false))
					return h_trim(*s, p, &st);
				if (names_site(m, *s, p, false))
				{
					*s += p + sl;
					return h_trim(*s, len - p - sl, &st);
				}
				break;
			}
	}
	return len;
}

/*
 * The name is the site's own domain name, letter for letter: "CBS News" on
 * www.cbsnews.com, "Hildesheimer Presse" on hildesheimer-presse.de,
 * "FinanceScout" on financescout24.de.  Only the label before the top-level
 * domain counts: "surfguard" on surfguard.wordpress.com and "Heiko" on
 * heiko-adams.de are bloggers' names.
 */
static bool
names_host(const Meta *m, const char *s, size_t len)
{
	const Cand *url = &m->f[F_URL];
	const char *u,
			   *h,
			   *e,
			   *lab;
	size_t		ul,
				ll,
				pn = 0,
				ln = 0;
	char		part[64],
				label[64];

	if (!url->n)
		return false;
	u = url->s[0];
	ul = url->len[0];
	h = u;
	for (size_t k = 0; k + 3 <= ul; k++)
		if (memcmp(u + k, "://", 3) == 0)
		{
			h = u + k + 3;
			break;
		}
	for (e = h; e < u + ul && *e != '/' && *e != ':' && *e != '?'; e++)
		;
	/* the label before the top-level domain, or before "co.uk", "com.ar" */
	{
		const char *dots[3] = {NULL, NULL, NULL};

		for (const char *q = h; q < e; q++)
			if (*q == '.')
			{
				dots[2] = dots[1];
				dots[1] = dots[0];
				dots[0] = q;
			}
		if (!dots[0])
			return false;
		if (dots[1] && dots[0] - dots[1] - 1 <= 3 && e - dots[0] - 1 == 2)
		{
			dots[0] = dots[1];
			dots[1] = dots[2];
		}
		lab = dots[1] ? dots[1] + 1 : h;
		ll = dots[0] - lab;
	}
	for (size_t i = 0; i < ll && ln < sizeof(label); i++)
		if ((lab[i] | 0x20) >= 'a' && (lab[i] | 0x20) <= 'z')
			label[ln++] = lab[i] | 0x20;
		else if (lab[i] >= '0' && lab[i] <= '9')
			label[ln++] = lab[i];
	while (ln > 0 && label[ln - 1] >= '0' && label[ln - 1] <= '9')
		ln--;					/* financescout24, mix1 */
	for (size_t i = 0; i < len; i++)
		if (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (s[i] >= '0' && s[i] <= '9'))
		{
			if (pn == sizeof(part))
				return false;
			part[pn++] = (s[i] >= '0' && s[i] <= '9') ? s[i] : (s[i] | 0x20);
		}
		else if (s[i] != ' ' && s[i] != '.' && s[i] != '-' && s[i] != '_' && s[i] != '\'')
			return false;
	while (pn > 0 && part[pn - 1] >= '0' && part[pn - 1] <= '9')
		pn--;
	return pn >= 3 && pn == ln && memcmp(part, label, pn) == 0;
}

/*
 * The site's name followed by two or more comma parts: "Site, City,
 * Country" (a publisher with its address)
 */
static bool
site_address(const Meta *m, const char *s, size_t len)
{
	const char *c1 = memchr(s, ',', len);

	return c1 && c1 > s && memchr(c1 + 1, ',', len - (c1 + 1 - s)) &&
		(names_site(m, s, c1 - s, false) || names_host(m, s, c1 - s));
}

/* Words between names in a byline: "Ann Lee and Bo Kim", "Ann Lee & Bo Kim" */
static const char *const name_joiners[] = {"and", "und", "&", "et", "y", "e", "&amp;"};

/* Every word of a byline's names capitalised, but for the words that join names */
static bool
names_line(const char *s, size_t len)
{
	for (size_t p = 0; p < len;)
	{
		size_t		e = p,
					we;

		while (e < len && s[e] != ' ')
			e++;
		for (we = e; we > p && (s[we - 1] == ',' || s[we - 1] == ';');)
			we--;
		if (we > p && !at_word_in(s + p, we - p, name_joiners, AT_LENGTHOF(name_joiners)) &&
			!capitalised(s + p, we - p))
			return false;
		p = e + 1;
	}
	return true;
}

/* Split "A, B and C" into names; a visible byline (rank 6) gives capitalised names only */
static void
keep_authors_of(Meta *m, const Cand *c, int rank)
{
	for (int i = 0; i < c->n && m->a->authors.len < MAX_VALUES; i++)
	{
		const char *s = c->s[i];
		size_t		len = c->len[i];
		bool		commas = commas_split_names(s, len);
		const char *c1 = commas ? NULL : memchr(s, ',', len);

		/*
		 * "GIROMATCH, Frankfurt a. M., Germany": the site's name and its
		 * address, an organisation's imprint, no person
		 */
		if (memchr(s, ',', len) && site_address(m, s, len))
			continue;

		/*
		 * A visible line after a byline word names people only when all
		 * its words are capitalised, but for the words between names:
		 * "Vom Blech, mit Streuseln & Co." is a teaser, no byline
		 */
		if (rank == 6)
		{
			const char *w = s;
			size_t		wl = clean_author(&w, len);

			if (wl && !names_line(w, wl))
				continue;
		}

		/*
		 * The site's name as a whole, before it is split at "&" or "and"
		 * into parts that are not ("Jobs & Hire", "Bild und Ton")
		 */
		{
			const char *w = s;
			size_t		wl = clean_author(&w, len);

			if (wl && m->a->source.len &&
				eq_ci(w, wl, m->base->data + m->a->source.start, m->a->source.len))
				continue;
		}

		/* "Uta Staschewski, Projektleiterin der HSS": the name before its role */
		if (c1)
		{
			const char *nm = s;
			size_t		nl = clean_author(&nm, c1 - s);
			int			w = nl ? at_count_words(nm, nl) : 0;

			if (w >= 2 && w <= 4 && capitalised(nm, nl))
				len = c1 - s;
		}

		for (size_t p = 0; p <= len;)
		{
			size_t		e = p,
						skip = 0;
			const char *part;
			size_t		plen;

			while (e < len)
			{
				/* a character reference left in the value ("Redacci&oacute;n") is no separator */
				if (s[e] == '&' && e + 3 < len)
				{
					size_t		q = e + 1;

					while (q < len && q < e + 10 && (at_alnum_at(s, len, q) || s[q] == '#'))
						q++;
					if (q < len && s[q] == ';' && q > e + 2)
					{
						e = q + 1;
						continue;
					}
				}
				if ((s[e] == ',' && commas) || s[e] == ';' || s[e] == '&')
				{
					skip = 1;
					break;
				}
				if (e + 5 <= len && (memcmp(s + e, " and ", 5) == 0 || memcmp(s + e, " und ", 5) == 0))
				{
					skip = 5;
					break;
				}
				e++;
			}
			part = s + p;
			plen = clean_author(&part, e - p);
			plen = drop_site_part(m, &part, plen);
			if (plen && ((m->a->source.len &&
						  eq_ci(part, plen, m->base->data + m->a->source.start, m->a->source.len)) ||
						 names_host(m, part, plen)))
				plen = 0;		/* the site's name */
			if (plen && rank == 6 && !capitalised(part, plen))
				plen = 0;
			if (plen)
			{
				bool		dup = false;
				AtSpan		sp;

				for (size_t k = 0; k < m->a->authors.len; k++)
				{
					AtSpan	   *o = AT_VEC_AT(&m->a->authors, AtSpan, k);

					dup |= eq_ci(m->base->data + o->start, o->len, part, plen);
				}
				if (!dup && (sp = keep(m, part, plen)).len)
					*(AtSpan *) at_vec_push(&m->a->authors) = sp;
			}
			p = e + (skip ? skip : 1);
		}
	}
}

/*
 * A personal site: no source names an author, and the JSON-LD publisher of
 * the article or of the WebSite is a Person (Yoast SEO's "site represents a
 * person"), its name capitalised: the owner wrote the page.  (A JSON-LD
 * author typed Person and named as the site is mostly a brand: "Stars
 * Insider", "Ostbelgien Direkt"; the site-name rule drops it.)
 */
static void
owner_author(Meta *m)
{
	AtSpan		sp;

	if (m->a->authors.len || !m->owner_len)
		return;
	if (clean_author(&m->owner, m->owner_len) != m->owner_len ||
		!capitalised(m->owner, m->owner_len))
		return;
	if ((sp = keep(m, m->owner, m->owner_len)).len)
		*(AtSpan *) at_vec_push(&m->a->authors) = sp;
}

/*
 * The letters of a name, folded to ASCII lower case (accented Latin letters
 * to their base letter), without spaces or punctuation: "Gàbor Muniér" and
 * "gabor_munier" both give "gabormunier".  0 when it does not fit.
 */
static size_t
name_key(const char *s, size_t len, char *out, size_t cap)
{
	/* U+00C0..U+00FF to a base letter ('.' for the two signs) */
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo.ouuuuyts" "aaaaaaaceeeeiiiidnooooo.ouuuuyty";
	size_t		n = 0;

	for (size_t p = 0; p < len;)
	{
		uint32_t	cp;
		int			k = at_utf8_decode(s + p, len - p, &cp);
		char		c = 0;

		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			c = (char) (cp | 0x20);
		else if (cp >= '0' && cp <= '9')
			c = (char) cp;
		else if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0] != '.')
			c = latin1[cp - 0xC0];
		else if (cp >= 0x80 && at_cp_is_alpha(cp))
			return 0;			/* another script: no key */
		if (c)
		{
			if (n == cap)
				return 0;
			out[n++] = c;
		}
		p += k;
	}
	return n;
}

/*
 * A publishing system's login name rather than a byline: one word of ASCII
 * lower-case letters, digits and ".", "_", "-" ("edilson.la.rosa",
 * "arianschlichenmayer", "gabor_munier")
 */
static bool
login_name(const char *s, size_t len)
{
	bool		letter = false;

	for (size_t p = 0; p < len; p++)
	{
		if (s[p] >= 'a' && s[p] <= 'z')
			letter = true;
		else if (!(s[p] >= '0' && s[p] <= '9') && s[p] != '.' && s[p] != '_' && s[p] != '-')
			return false;
	}
	return letter;
}

/*
 * A login name kept as the author gives way to the name a reader sees when
 * another source gives it with the same letters ("edilson.la.rosa" in
 * JSON-LD, "Edilson La Rosa" in the byline).
 */
static void
display_names(Meta *m)
{
	for (size_t k = 0; k < m->a->authors.len; k++)
	{
		AtSpan	   *o = AT_VEC_AT(&m->a->authors, AtSpan, k);
		char		lk[64],
					ck[64];
		size_t		ll,
					ll2;

		if (!login_name(m->base->data + o->start, o->len) ||
			(ll = name_key(m->base->data + o->start, o->len, lk, sizeof(lk))) < 4)
			continue;
		for (int r = 0; r < AUTHOR_RANKS; r++)
			for (int i = 0; i < m->by_rank[r].n; i++)
			{
				const char *c = m->by_rank[r].s[i];
				size_t		cl = clean_author(&c, m->by_rank[r].len[i]);
				const char *comma = cl ? memchr(c, ',', cl) : NULL;
				AtSpan		sp;

				if (comma)
					cl = h_trim(c, comma - c, &ll2);	/* "Ann Lee, Datum: ..." */

				if (cl && at_count_words(c, cl) >= 2 && capitalised(c, cl) &&
					name_key(c, cl, ck, sizeof(ck)) == ll && memcmp(lk, ck, ll) == 0 &&
					(sp = keep(m, c, cl)).len)
				{
					*o = sp;
					r = AUTHOR_RANKS;
					break;
				}
			}
	}
}

/* Names of the best rank that gives any */
static void
keep_authors(Meta *m)
{
	for (int r = 0; r < AUTHOR_RANKS && m->a->authors.len == 0; r++)
		keep_authors_of(m, &m->by_rank[r], r);
	display_names(m);
}

static void
keep_tags(Meta *m)
{
	Cand	   *c = &m->f[F_TAGS];

	for (int i = 0; i < c->n; i++)
	{
		const char *s = c->s[i];

		for (size_t p = 0; p < c->len[i] && m->a->tags.len < 64;)
		{
			const char *e = memchr(s + p, ',', c->len[i] - p);
			size_t		q = e ? (size_t) (e - s) : c->len[i];
			AtSpan		sp = keep(m, s + p, q - p);

			if (sp.len)
				*(AtSpan *) at_vec_push(&m->a->tags) = sp;
			p = q + 1;
		}
	}
}

/*
 * s is "Kicker - t" (or "Kicker: t", "Kicker :t"): t, of 3 words or more,
 * ends s after a title separator or a colon
 */
static bool
kicker_before(const char *s, size_t len, const char *t, size_t tl)
{
	size_t		b;

	if (tl + 3 >= len || at_count_words(t, tl) < 3 || !eq_ci(s + len - tl, tl, t, tl))
		return false;
	b = len - tl;
	for (size_t sl = 2; sl <= 5 && sl <= b; sl++)
		if (sep_at(s, len, b - sl) == sl)
			return true;
	while (b > 0 && s[b - 1] == ' ')
		b--;
	return b > 1 && s[b - 1] == ':';
}

/* Words of a (runs of letters and digits, ASCII caseless) that b holds too, per word of a */
static double
word_share(const char *a, size_t al, const char *b, size_t bl)
{
	int			words = 0,
				found = 0;

	for (size_t p = 0; p < al;)
	{
		size_t		e;

		while (p < al && !at_alnum_at(a, al, p))
			p++;
		if (p >= al)
			break;
		e = p;
		while (e < al && at_alnum_at(a, al, e))
			e++;
		words++;
		for (size_t q = 0; q + (e - p) <= bl; q++)
			if ((q == 0 || !at_alnum_at(b, bl, q - 1)) && eq_ci(b + q, e - p, a + p, e - p) &&
				(q + (e - p) == bl || !at_alnum_at(b, bl, q + (e - p))))
			{
				found++;
				break;
			}
		p = e;
	}
	return words ? (double) found / words : 0;
}

/* The rest of an <h1> after the meta title: its lower-case go-on, or a part after a separator that is no site name */
static bool
continues(const Meta *m, const char *s, size_t len)
{
	size_t		p = 0;

	if (len < 2 || s[0] != ' ')
		return (len > 0 && (s[0] == ':' || s[0] == ','));
	p = 1;
	if (s[p] >= 'a' && s[p] <= 'z')
		return true;
	for (size_t k = 0; k < AT_LENGTHOF(title_seps); k++)
	{
		size_t		sl = strlen(title_seps[k]);

		if (len >= sl && memcmp(s, title_seps[k], sl) == 0)
			return !site_like(m, s + sl, len - sl, true);
	}
	return false;
}

/*
 * The title: the best candidate, weighed against the headline the page
 * shows (its <h1>), which is what a reader calls the title when the two
 * differ only by a site name, a kicker or a cut.
 */
static void
choose_title(Meta *m)
{
	const char *s = m->f[F_TITLE].s[0];
	size_t		len = m->f[F_TITLE].len[0];
	int			rank = m->f[F_TITLE].rank;
	size_t		hst,
				hl = h_trim(m->h1.data, m->h1.len, &hst);
	const char *h = m->h1.data + hst;
	int			hw = hl ? at_count_words(h, hl) : 0;

	/*
	 * "Kicker - Headline" in one meta title, "Headline" in another (JSON-LD
	 * and og:title of one page): the kicker is a place or a rubric, the
	 * headline the other
	 */
	if (rank <= 2)
		for (int i = 0; i < m->meta_titles.n; i++)
			if (kicker_before(s, len, m->meta_titles.s[i], m->meta_titles.len[i]))
			{
				s = m->meta_titles.s[i];
				len = m->meta_titles.len[i];
				break;
			}

	/*
	 * A meta title cut at a quote its attribute did not escape
	 * (content="Biden de "incapacitado""): <title> goes on with the quote
	 */
	if (rank <= 2 && m->html_title_len > len + 1 && eq_ci(m->html_title, len, s, len) &&
		(m->html_title[len] == '"' || (m->html_title[len] == ' ' && m->html_title[len + 1] == '"')))
	{
		s = m->html_title;
		len = m->html_title_len;
		rank = 5;
	}

	/*
	 * A meta title or <h1> that is only the site's name ("seelenradio",
	 * "Disfunctions.de") is no headline: the page's one <h1>, else <title>
	 */
	if (rank < 5 && site_like(m, s, len, false))
	{
		size_t		st,
					l = h_trim(m->h1.data, m->h1.len, &st);

		if (l && m->h1_count == 1 && at_count_words(m->h1.data + st, l) >= 2 &&
			!site_like(m, m->h1.data + st, l, false))
		{
			m->a->title = keep(m, m->h1.data + st, cut(m->h1.data + st, l, 2000));
			return;
		}
		if (m->html_title_len && !site_like(m, m->html_title, m->html_title_len, false))
		{
			s = m->html_title;
			len = m->html_title_len;
			rank = 5;
		}
	}
	/*
	 * An <h1> of one word under a <title> of several that lacks it is a logo
	 * or a section label ("Lorem", "News"), not the headline: the <title>
	 */
	if ((rank == 3 || rank == 4) && at_count_words(s, len) == 1 && m->html_title_len &&
		at_count_words(m->html_title, m->html_title_len) >= 2 &&
		word_share(s, len, m->html_title, m->html_title_len) == 0)
	{
		s = m->html_title;
		len = m->html_title_len;
		rank = 5;
	}
	if (m->main_h1.len)
	{
		hl = h_trim(m->main_h1.data, m->main_h1.len, &hst);
		h = m->main_h1.data + hst;
		hw = hl ? at_count_words(h, hl) : 0;
	}
	else if (m->h1_count != 1)
		hl = hw = 0;
	if (hl > 0 && rank <= 2 && hw >= 2)
	{
		int			tw = at_count_words(s, len);

		/* "Site | Headline", "Kicker: Headline" around the <h1>: the <h1> */
		if (hl < len && contains(s, len, h, hl))
			goto h1;
		/* the <h1> goes on where the meta title was cut ("... - Part two", "... in Tennessee") */
		if (hl > len && tw >= 2 && hw <= tw + 12 && eq_ci(h, len, s, len) && continues(m, h + len, hl - len))
			goto h1;
		/* a kicker or a subtitle around the meta title inside the <h1>: the meta title */
		if (hl > len && tw >= 2 && contains(h, hl, s, len))
			goto meta;
		/* the same headline reworded for search engines: the one shown */
		if (hw >= 3 && word_share(h, hl, s, len) >= 0.5)
			goto h1;
		/* a meta title of one word over a shown headline of several: a section label ("Pressemitteilungen") */
		if (tw == 1 && hw >= 3)
			goto h1;
	}
meta:
	strip_site(m, &s, &len, rank == 5);
	m->a->title = keep(m, s, cut(s, len, 2000));
	return;
h1:
	/* "Kicker :Headline" in the <h1>, "Headline" in <title>: the <title> */
	if (m->html_title_len && kicker_before(h, hl, m->html_title, m->html_title_len))
	{
		h = m->html_title;
		hl = m->html_title_len;
	}
	m->a->title = keep(m, h, cut(h, hl, 2000));
}

static bool dom_date(HDoc *d, AtArticle *a, int within);

void
h_meta_extract(HDoc *d, AtArticle *a, AtBuf *base, int root)
{
	Meta		m;

	memset(&m, 0, sizeof(m));
	m.d = d;
	m.a = a;
	m.base = base;
	for (int f = 0; f < F_NFIELDS; f++)
		m.f[f].rank = 99;
	at_buf_init(&m.scratch, d->mem, 256);
	at_buf_init(&m.h1, d->mem, 64);
	at_buf_init(&m.main_h1, d->mem, 64);
	at_buf_init(&m.logo, d->mem, 64);
	scan_document(&m, root);

	if (m.html_title && m.html_title_len)
		offer(&m, F_TITLE, 5, m.html_title, m.html_title_len);
	if (m.f[F_TITLE].n)
		choose_title(&m);
	if (m.f[F_SOURCE].n)
		a->source = keep(&m, m.f[F_SOURCE].s[0], cut(m.f[F_SOURCE].s[0], m.f[F_SOURCE].len[0], 300));
	if (m.f[F_URL].n)
		a->url = keep(&m, m.f[F_URL].s[0], cut(m.f[F_URL].s[0], m.f[F_URL].len[0], 2000));
	if (m.f[F_SECTION].n)
		a->section = keep(&m, m.f[F_SECTION].s[0], cut(m.f[F_SECTION].s[0], m.f[F_SECTION].len[0], 300));
	keep_date(&m, F_PUBLISHED);
	/*
	 * A generic meta date (name="date", dc.date: often the day the page
	 * was built or last changed) or a <time> without a mark (a comment's, a
	 * related story's) gives way to a date the reader sees in an element
	 * whose class says date, near the main content (under its
	 * grandparent: not a header's "today" widget)
	 */
	if (a->has_published && m.pub_weak && root > 0)
	{
		AtDate		weak = a->published;
		int			w = root;

		for (int up = 0; up < 2 && HN(d, w)->parent >= 0; up++)
			w = HN(d, w)->parent;
		if (!dom_date(d, a, w))
			a->published = weak;
	}
	keep_date(&m, F_UPDATED);
	if (!a->has_published && a->url.len && url_date(&m, &a->published))
		a->has_published = true;
	keep_authors(&m);
	owner_author(&m);
	keep_tags(&m);
}

/* ---- visible date lines -------------------------------------------------- */

static bool
has_date_hint(const HDoc *d, int node)
{
	static const HAttrName where[] = {HA_CLASS, HA_ID, HA_ITEMPROP};

	for (size_t w = 0; w < AT_LENGTHOF(where); w++)
	{
		size_t		len;
		const char *v = h_attr(d, node, where[w], &len);

		if (!v)
			continue;
		for (size_t k = 0; k < AT_LENGTHOF(date_hints); k++)
		{
			size_t		hl = strlen(date_hints[k]);

			for (size_t p = 0; p + hl <= len; p++)
				if (eq_ci(v + p, hl, date_hints[k], hl))
					return true;
		}
	}
	return false;
}

/*
 * The published date from what the page shows: the first full date in a
 * short element whose class says date, else the first full date in a short
 * text line outside boilerplate.
 */
void
h_meta_dom_dates(HDoc *d, AtArticle *a, int root)
{
	(void) root;
	dom_date(d, a, -1);
}

/*
 * The visible date: the first full date in a short element whose class says
 * date, else (unless hinted_only) the first in a short text line; true when
 * one was set
 */
static bool
dom_date(HDoc *d, AtArticle *a, int within)
{
	AtDate		first;
	bool		have_first = false;
	size_t		from = 0,
				to = d->nodes.len;

	/* the nodes are in document order: a subtree is a run of them */
	if (within >= 0)
	{
		int			e = within;

		from = (size_t) within;
		while (e >= 0 && HN(d, e)->next < 0)
			e = HN(d, e)->parent;
		to = e >= 0 ? (size_t) HN(d, e)->next : d->nodes.len;
	}
	for (size_t i = from; i < to; i++)
	{
		HNode	   *n = HN(d, i);
		const char *s;
		AtDate		dt;
		bool		hinted;
		int			p;

		if ((i & 4095) == 4095)
			AT_CHECK_INTERRUPTS();
		if (n->tag != H_TEXT || n->len < 6 || (n->flags & HF_SKIP) ||
			(within >= 0 && n->len > 200) ||
			n->parent < 0 || HN(d, n->parent)->tag == H_TITLE || HN(d, n->parent)->tag == H_SCRIPT)
			continue;
		if (within >= 0)
		{
			/* only a hinted line counts here: the cheaper test first */
			hinted = false;
			p = n->parent;
			for (int up = 0; p >= 0 && up < 3 && !hinted; up++, p = HN(d, p)->parent)
				hinted = has_date_hint(d, p);
			if (!hinted)
				continue;
		}
		s = d->text.data + n->start;
		if (n->len > 200)
		{
			size_t		st,
						l = h_trim(s, n->len, &st);

			/* a long text only when it opens with the date: "27.1.2022 - Bei der ..." */
			if (have_first || !(day_first_date(s + st, l, 0, &dt) ||
								((at_match_date(s + st, l, 0, &dt) && dt.has_year && dt.has_day))) ||
				dt.year < 1990 || dt.year > 2100)
				continue;
		}
		else if (!parse_date_value(s, n->len, &dt))
			continue;
		p = n->parent;
		hinted = false;
		for (int up = 0; p >= 0 && up < 3 && !hinted; up++, p = HN(d, p)->parent)
			hinted = has_date_hint(d, p);
		if (hinted)
		{
			a->published = dt;
			a->has_published = true;
			return true;
		}
		if (!have_first)
		{
			first = dt;
			have_first = true;
		}
	}
	if (have_first && within < 0)
	{
		a->published = first;
		a->has_published = true;
		return true;
	}
	return false;
}
