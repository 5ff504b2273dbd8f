/*
 * html_body.c: the main text of an HTML page.
 *
 * Content scoring in the manner of readability and trafilatura:
 *   1. flags, top-down: elements that never hold the article (script, nav,
 *      footer, hidden ones, and class or id words of comments, share
 *      widgets, related links, ads; the word lists below) are dropped with
 *      their subtree, unless a content word vouches for them;
 *   2. statistics, bottom-up: visible characters, characters inside links,
 *      commas and text blocks of every subtree;
 *   3. every text block (a block element with 25+ characters of its own
 *      inline text) gives 1 + commas + length/100 (at most 3) to its parent,
 *      half to its grandparent and less further up; an ancestor starts from
 *      a tag weight and +-25 for its class words; the final score is scaled
 *      by 1 - link density, and the best element is the main content;
 *   4. siblings of it that score well, or are paragraphs of prose with few
 *      links, join it; inside, lists and boxes made mostly of links go.
 * The text is rendered with block elements ending paragraphs, <br>, list
 * items and table rows ending lines, and table cells separated by " | ";
 * figure captions stay in their place without the picture's credit (and
 * fill the captions column whole), and the <h1> (the headline, in the
 * title column) is left out.  A <noscript> that holds the page's text for
 * readers without scripts is read.  Every step is linear.
 */
#include "html_int.h"
#include "chrome.h"
#include "utf8.h"

#include <string.h>
#include <strings.h>

/* ---- data: class and id words ---------------------------------------------- */

/* Characters an article-body element needs to win over the scores */
#define STRONG_MIN_CHARS	200

/* Characters outside links that make a paragraph prose whatever it links */
#define PROSE_UNLINKED	50

/*
 * Words of boilerplate: an element whose class or id holds one (as a word,
 * or, for the longer ones, inside a word) is not article text.
 */
static const char *const neg_words[] = {
	"ad", "ads", "adv", "advert", "banner", "breadcrumb", "breadcrumbs", "combx",
	"comment", "comments", "community", "cookie", "cookies", "consent", "disqus",
	"foot", "footer", "footnote", "gdpr", "share", "sharing", "shoutbox", "sidebar",
	"skyscraper", "social", "sponsor", "sponsored", "promo", "popup", "modal", "menu",
	"nav", "navbar", "navigation", "newsletter", "outbrain", "pager", "pagination",
	"related", "recommended", "recirc", "remark", "replies", "rss", "subscribe",
	"subscription", "taboola", "tags", "tag", "toolbar", "tools", "widget", "masthead",
	"login", "signup", "teaser", "teasers", "trending", "popular", "mostread",
	"most-read", "byline", "author-bio", "jump", "print", "hidden", "meta",
	/* the author's biography under the article: "post-body-bio", "user-bio__main-text" */
	"bio", "bios", "authorbio", "author-info", "authorinfo", "about-author",
};

/* substrings that count inside a longer word ("article-comments") */
static const char *const neg_parts[] = {
	"comment", "sidebar", "breadcrumb", "newsletter", "advert", "sponsor",
	"outbrain", "taboola", "disqus", "social", "share", "related", "cookie",
	"footer", "popup", "recommend", "subscri", "banner", "navigation", "authorbio",
};

/*
 * Words of a comment section, kept out in the retry too: the retry undoes
 * class-word drops for a layout word on the page's wrapper ("two-col-sidebar"),
 * and readers' comments under a short post are never that (substrings)
 */
static const char *const comment_parts[] = {
	"comment", "disqus", "replies", "pingback", "trackback",
};

/* Words of article content */
static const char *const pos_words[] = {
	"article", "articlebody", "article-body", "article-content", "body", "content",
	"entry", "entry-content", "hentry", "main", "post", "post-body", "post-content",
	"story", "story-body", "text", "blog", "prose", "page-content", "main-content",
	"column", "single", "td-post-content", "rich-text", "field-body",
};

/* Strong content words: dropping rules never apply to these elements */
static const char *const strong_words[] = {
	"articlebody", "article-body", "article__body", "article-content",
	"article__content", "article_content", "article-text", "articletext",
	"article_body", "entry-content", "entry_content", "entry-body", "entrybody",
	"post-content", "post_content", "postcontent", "post-body", "post_body",
	"post-text", "post_text", "post-entry", "postentry", "story-body",
	"storybody", "story-content", "storycontent", "content-body", "td-post-content",
	"blog-content", "blogpost-content", "news-content", "news-text", "text-content",
};

/* ---- flags ------------------------------------------------------------------ */

/*
 * Some word of neg_parts occurs inside w[0..len).  The words are indexed by
 * their first letter on first use (static data, built once per backend), so
 * each byte of a class is compared with the two or so words that start with it.
 */
static bool
part_in(const char *w, size_t len)
{
	static uint8_t first[26][8];
	static uint8_t count[26];
	static bool ready = false;

	if (!ready)
	{
		for (size_t i = 0; i < AT_LENGTHOF(neg_parts); i++)
		{
			int			c = neg_parts[i][0] - 'a';

			if (c >= 0 && c < 26 && count[c] < 8)
				first[c][count[c]++] = (uint8_t) i;
		}
		ready = true;
	}
	for (size_t p = 0; p < len; p++)
	{
		int			c0 = ((w[p] >= 'A' && w[p] <= 'Z') ? w[p] + 32 : w[p]) - 'a';

		if (c0 < 0 || c0 >= 26)
			continue;
		for (int j = 0; j < count[c0]; j++)
		{
			const char *e = neg_parts[first[c0][j]];
			size_t		k = 1;

			while (e[k] && p + k < len && ((w[p + k] >= 'A' && w[p + k] <= 'Z') ? w[p + k] + 32 : w[p + k]) == e[k])
				k++;
			if (e[k] == '\0')
				return true;
		}
	}
	return false;
}

/* A word of comment_parts inside the class or id of a node */
static bool
comment_class(const HDoc *d, int node)
{
	static const HAttrName where[] = {HA_CLASS, HA_ID};
	static uint32_t firsts = 0;		/* the first letters of comment_parts */

	if (!firsts)
		for (size_t k = 0; k < AT_LENGTHOF(comment_parts); k++)
			firsts |= 1u << (comment_parts[k][0] - 'a');

	for (size_t w = 0; w < AT_LENGTHOF(where); w++)
	{
		size_t		len;
		const char *v = h_attr(d, node, where[w], &len);

		for (size_t p = 0; v && p < len; p++)
		{
			unsigned	c = (unsigned char) (v[p] | 0x20) - 'a';

			/* most bytes start no part: one test of their letter */
			if (c >= 26 || !(firsts & (1u << c)))
				continue;
			for (size_t k = 0; k < AT_LENGTHOF(comment_parts); k++)
			{
				size_t		cl = strlen(comment_parts[k]);

				if ((unsigned) (comment_parts[k][0] - 'a') == c && p + cl <= len &&
					strncasecmp(v + p, comment_parts[k], cl) == 0)
					return true;
			}
		}
	}
	return false;
}

/* HF_NEG, HF_POS and HF_STRONG from the class and id of a node */
static uint8_t
hint_flags(const HDoc *d, int node)
{
	static const HAttrName where[] = {HA_CLASS, HA_ID};
	uint8_t		f = 0;

	if (h_attr_is(d, node, HA_ITEMPROP, "articleBody"))
		f |= HF_STRONG | HF_POS;
	for (size_t w = 0; w < AT_LENGTHOF(where); w++)
	{
		size_t		len;
		const char *v = h_attr(d, node, where[w], &len);

		for (size_t i = 0; v && i < len;)
		{
			size_t		e = i,
						sub;

			while (e < len && v[e] != ' ' && v[e] != '\t' && v[e] != '\n')
				e++;
			if (at_word_in(v + i, e - i, strong_words, AT_LENGTHOF(strong_words)))
				f |= HF_STRONG | HF_POS;
			if (at_word_in(v + i, e - i, pos_words, AT_LENGTHOF(pos_words)))
				f |= HF_POS;
			if (part_in(v + i, e - i))
				f |= HF_NEG;
			/* words inside a compound class: "post-share-buttons", "ad_slot" */
			for (sub = i; sub < e;)
			{
				size_t		se = sub;

				while (se < e && v[se] != '-' && v[se] != '_')
					se++;
				if (at_word_in(v + sub, se - sub, neg_words, AT_LENGTHOF(neg_words)))
					f |= HF_NEG;
				sub = se + 1;
			}
			i = e + 1;
		}
	}
	return f;
}

static bool
hidden(const HDoc *d, int node)
{
	size_t		len;
	const char *st;

	if (h_attr(d, node, HA_HIDDEN, &len) || h_attr_is(d, node, HA_ARIA_HIDDEN, "true"))
		return true;
	st = h_attr(d, node, HA_STYLE, &len);
	if (!st)
		return false;
	for (size_t p = 0; p + 12 <= len; p++)
	{
		/* display:none or visibility:hidden, with or without spaces */
		if ((st[p] == 'd' || st[p] == 'v') &&
			(memcmp(st + p, "display:none", 12) == 0 || memcmp(st + p, "display: none", AT_MIN(13, len - p)) == 0 ||
			 (p + 17 <= len && memcmp(st + p, "visibility:hidden", 17) == 0)))
			return true;
	}
	return false;
}

/*
 * A <noscript> holding this many visible characters in two block elements
 * or more is the page's text for readers without scripts (Blogger's
 * templates keep the post in a <script type="text/template"> and its copy
 * in <noscript>), not a tracking pixel, an ad or an "enable JavaScript" line
 */
#define NOSCRIPT_TEXT	200

/* One past the last node of node's subtree (nodes are stored in document order) */
static size_t
subtree_end(const HDoc *d, int node)
{
	int			x = node;

	while (x > 0 && HN(d, x)->next < 0)
		x = HN(d, x)->parent;
	return x > 0 ? (size_t) HN(d, x)->next : d->nodes.len;
}

/* The <noscript> at node holds paragraphs of text; scans up to its end, once */
static bool
noscript_text(const HDoc *d, int node, size_t end)
{
	uint32_t	chars = 0,
				blocks = 0;

	for (size_t j = node + 1; j < end; j++)
	{
		const HNode *x = HN(d, j);

		if (x->tag == H_TEXT)
		{
			const unsigned char *s = (const unsigned char *) d->text.data + x->start;

			for (uint32_t k = 0; k < x->len; k++)
				chars += s[k] > ' ' && (s[k] & 0xC0) != 0x80;
		}
		else if ((x->tag_flags & HF_BLOCK) && x->first >= 0)
			blocks++;
		if (chars >= NOSCRIPT_TEXT && blocks >= 2)
			return true;
	}
	return false;
}

/*
 * Bytes of one text node that make it a paragraph of prose: in the retry,
 * a comment section after one is readers' comments under a post; one
 * before any is the page's text (a forum thread, a guest book)
 */
#define PROSE_TEXT		150

/* Nodes are stored parents first, so one forward pass inherits flags */
static void
mark_flags(HDoc *d, bool strict)
{
	size_t		noscript_end = 0;	/* the subtree of the last <noscript> read */
	bool		prose_seen = false; /* a paragraph's text before this node, outside comments */
	size_t		comment_end = 0;	/* the subtree of the last comment section kept */

	for (size_t i = 0; i < d->nodes.len; i++)
	{
		HNode	   *n = HN(d, i);
		uint8_t		inherit = n->parent >= 0 ? HN(d, n->parent)->flags & (HF_DROP | HF_BOIL | HF_SKIP) : 0;

		if ((i & 4095) == 4095)
			AT_CHECK_INTERRUPTS();
		n->flags = n->tag_flags;
		n->chars = n->link_chars = n->commas = n->paras = 0;
		n->score = 0;
		n->scored = false;
		if (n->tag == H_TEXT)
		{
			n->flags |= inherit;
			prose_seen |= !(n->flags & HF_DROP) && n->len >= PROSE_TEXT && i >= comment_end;
			continue;
		}
		/* class words and hiding, once: kept in tag_flags for the retry */
		if (!(n->tag_flags & HF_HINTED))
		{
			n->tag_flags |= hint_flags(d, i) | HF_HINTED;
			/* a <noscript> inside another was decided with it */
			if (n->tag == H_NOSCRIPT && (i < noscript_end ||
										 noscript_text(d, (int) i, noscript_end = subtree_end(d, (int) i))))
				n->tag_flags &= ~(HF_DROP | HF_SKIP);
			if (hidden(d, i))
				n->tag_flags |= HF_DROP | HF_SKIP;
			n->flags = n->tag_flags;
		}
		/* class words of boilerplate, unless content words vouch for it */
		if ((n->flags & HF_NEG) && !(n->flags & (HF_POS | HF_STRONG)) &&
			n->tag != H_BODY && n->tag != H_HTML && n->tag != H_ARTICLE && n->tag != H_MAIN &&
			n->tag != H_A && n->tag != H_SPAN && n->tag != H_P)
		{
			if (strict)
				n->flags |= HF_DROP | HF_BOIL;
			/* the retry: comments under a post stay out, comments that are the page are read */
			else if (i >= comment_end && !(inherit & HF_DROP) && comment_class(d, i))
			{
				if (prose_seen)
					n->flags |= HF_DROP | HF_BOIL;
				else
					comment_end = subtree_end(d, (int) i);
			}
		}
		/*
		 * an article body inside a <header>; the page's <main> (or its
		 * ARIA landmark, role="main") inside a wrapper whose class or id
		 * holds a boilerplate word (id="skyscraper-height-div" around the
		 * whole page), or inside a <header> left open by a broken template
		 */
		if ((n->flags & HF_STRONG) ||
			((n->tag == H_MAIN || ((inherit & HF_DROP) && (n->tag == H_DIV || n->tag == H_SECTION) &&
								   h_attr_is(d, i, HA_ROLE, "main"))) &&
			 !(inherit & HF_SKIP)))
			inherit &= ~(HF_DROP | HF_BOIL);
		n->flags |= inherit;
	}
}

/* ---- statistics ------------------------------------------------------------ */

static void
mark_stats(HDoc *d)
{
	for (size_t i = d->nodes.len; i-- > 0;)
	{
		HNode	   *n = HN(d, i);

		if ((i & 4095) == 4095)
			AT_CHECK_INTERRUPTS();
		if (n->tag == H_TEXT && !(n->flags & HF_DROP))
		{
			const unsigned char *s = (const unsigned char *) d->text.data + n->start;

			for (uint32_t k = 0; k < n->len; k++)
			{
				unsigned char c = s[k];

				if (c > ' ' && (c & 0xC0) != 0x80)
					n->chars++;
				if (c == ',' || (c == 0xEF && k + 2 < n->len && s[k + 1] == 0xBC && s[k + 2] == 0x8C))
					n->commas++;
			}
		}
		if (n->tag == H_A)
			n->link_chars = n->chars;
		if (n->parent >= 0 && !(n->flags & HF_DROP))
		{
			HNode	   *p = HN(d, n->parent);

			p->chars += n->chars;
			p->link_chars += n->link_chars;
			p->commas += n->commas;
			p->paras += n->paras;
		}
	}
}

/* ---- scores ---------------------------------------------------------------- */

static float
tag_weight(const HNode *n)
{
	float		w = 0;

	switch (n->tag)
	{
		case H_DIV:
		case H_ARTICLE:
		case H_MAIN:
			w = 5;
			break;
		case H_PRE:
		case H_TD:
		case H_BLOCKQUOTE:
		case H_SECTION:
			w = 3;
			break;
		case H_ADDRESS:
		case H_OL:
		case H_UL:
		case H_DL:
		case H_DD:
		case H_DT:
		case H_LI:
		case H_FORM:
			w = -3;
			break;
		case H_H1:
		case H_H2:
		case H_H3:
		case H_H4:
		case H_H5:
		case H_H6:
		case H_TH:
			w = -5;
			break;
		default:
			break;
	}
	if (n->flags & HF_NEG)
		w -= 25;
	if (n->flags & HF_POS)
		w += 25;
	if (n->flags & HF_STRONG)
		w += 50;
	return w;
}

/* Characters of a block's own inline text (not inside nested blocks) */
static uint32_t
own_chars(const HDoc *d, int node, uint32_t *commas)
{
	const HNode *n = HN(d, node);
	uint32_t	c = n->chars,
				k = n->commas;

	for (int ch = n->first; ch >= 0; ch = HN(d, ch)->next)
	{
		const HNode *x = HN(d, ch);

		if ((x->flags & HF_BLOCK) && !(x->flags & HF_DROP))
		{
			c -= x->chars;
			k -= x->commas;
		}
	}
	*commas = k;
	return c;
}

static void
add_score(HDoc *d, int node, float s)
{
	HNode	   *n = HN(d, node);

	if (!n->scored)
	{
		n->scored = true;
		n->score = tag_weight(n);
	}
	n->score += s;
}

/* Scores every text block into its ancestors; returns the best element */
static int
score_blocks(HDoc *d)
{
	int			best = -1;
	float		best_score = 0;

	for (size_t i = 0; i < d->nodes.len; i++)
	{
		HNode	   *n = HN(d, i);
		uint32_t	commas,
					own;
		float		s;
		int			p;

		if ((i & 4095) == 4095)
			AT_CHECK_INTERRUPTS();
		if (n->tag == H_TEXT || !(n->flags & HF_BLOCK) || (n->flags & HF_DROP) ||
			n->tag == H_BODY || n->tag == H_HTML)
			continue;
		own = own_chars(d, i, &commas);
		if (own < 25)
			continue;
		n->paras = 1;
		s = 1 + commas + AT_MIN(own / 100, 3);
		p = n->parent;
		for (int level = 0; p > 0 && level < 5; level++, p = HN(d, p)->parent)
			add_score(d, p, level == 0 ? s : level == 1 ? s / 2 : s / (level * 3));
	}
	for (size_t i = 0; i < d->nodes.len; i++)
	{
		HNode	   *n = HN(d, i);
		float		ld;

		if (!n->scored || (n->flags & HF_DROP))
			continue;
		ld = n->chars ? (float) n->link_chars / n->chars : 0;
		n->score *= 1 - ld;
		if (best < 0 || n->score > best_score)
		{
			best = (int) i;
			best_score = n->score;
		}
	}
	return best;
}

#define TOP_N	5

static bool
is_inside(const HDoc *d, int node, int anc)
{
	for (int i = node; i >= 0; i = HN(d, i)->parent)
		if (i == anc)
			return true;
	return false;
}

/*
 * readability's corrections of the best element: when several close
 * runners-up sit under one ancestor, that ancestor (the article is split in
 * boxes); climb to a parent that scores higher; a wrapper with the best as
 * its only element child.
 */
/* The first word of an element's class: "o-article_block" of "o-article_block pb-15" */
static size_t
first_class(const HDoc *d, int node, const char **w)
{
	size_t		len,
				e = 0;
	const char *v = h_attr(d, node, HA_CLASS, &len);

	if (!v)
		return 0;
	while (len > 0 && (*v == ' ' || *v == '\t' || *v == '\n'))
		v++, len--;
	while (e < len && v[e] != ' ' && v[e] != '\t' && v[e] != '\n')
		e++;
	*w = v;
	return e;
}

/*
 * An article split into boxes of one class ("o-article_block", one per
 * section between pictures): when the best element or one of its close
 * ancestors has a sibling of the same first class word that holds prose
 * too, the article is their parent.
 */
static int
join_boxes(HDoc *d, int best)
{
	int			anc = best;

	for (int up = 0; up < 4 && anc > 0 && HN(d, anc)->parent > 0; up++, anc = HN(d, anc)->parent)
	{
		const char *w,
				   *w2;
		size_t		wl = first_class(d, anc, &w);
		int			p = HN(d, anc)->parent;

		if (HN(d, p)->tag == H_BODY || (HN(d, p)->flags & HF_DROP))
			break;
		if (wl < 4)
			continue;
		for (int c = HN(d, p)->first; c >= 0; c = HN(d, c)->next)
		{
			const HNode *n = HN(d, c);

			if (c == anc || n->tag == H_TEXT || (n->flags & HF_DROP) || n->chars < 200 ||
				n->link_chars * 4 > n->chars)
				continue;
			if (first_class(d, c, &w2) == wl && memcmp(w, w2, wl) == 0)
				return p;
		}
	}
	return best;
}

static int
adjust_best(HDoc *d, int best)
{
	int			top[TOP_N];
	int			ntop = 0;
	float		bs = HN(d, best)->score;

	for (size_t i = 0; i < d->nodes.len; i++)
	{
		HNode	   *n = HN(d, i);
		int			k;

		if (!n->scored || (n->flags & HF_DROP) || (int) i == best || n->score < 0.75f * bs)
			continue;
		for (k = ntop; k > 0 && HN(d, top[k - 1])->score < n->score; k--)
			if (k < TOP_N)
				top[k] = top[k - 1];
		if (k < TOP_N)
		{
			top[k] = (int) i;
			if (ntop < TOP_N)
				ntop++;
		}
	}
	if (ntop >= 3)
		for (int anc = HN(d, best)->parent; anc > 0 && HN(d, anc)->tag != H_BODY; anc = HN(d, anc)->parent)
		{
			int			in = 0;

			for (int k = 0; k < ntop; k++)
				in += is_inside(d, top[k], anc);
			if (in >= 3)
			{
				best = anc;
				break;
			}
		}
	{
		float		last = HN(d, best)->score,
					threshold = last / 3;

		for (int p = HN(d, best)->parent; p > 0 && HN(d, p)->tag != H_BODY; p = HN(d, p)->parent)
		{
			if (!HN(d, p)->scored)
				continue;
			if (HN(d, p)->score < threshold)
				break;
			if (HN(d, p)->score > last)
			{
				best = p;
				break;
			}
			last = HN(d, p)->score;
		}
	}
	for (;;)
	{
		int			p = HN(d, best)->parent,
					elems = 0;

		if (p <= 0 || HN(d, p)->tag == H_BODY || (HN(d, p)->flags & HF_DROP))
			break;
		for (int c = HN(d, p)->first; c >= 0; c = HN(d, c)->next)
			elems += HN(d, c)->tag != H_TEXT || HN(d, c)->chars > 0;
		if (elems != 1)
			break;
		best = p;
	}
	return best;
}

int
h_body_mark(HDoc *d, bool strict)
{
	int			best;

	mark_flags(d, strict);
	mark_stats(d);
	/* paras are recounted by score_blocks, then summed again below */
	best = score_blocks(d);
	if (best > 0)
		best = join_boxes(d, adjust_best(d, best));
	for (size_t i = d->nodes.len; i-- > 1;)
	{
		HNode	   *n = HN(d, i);

		if (n->parent >= 0 && !(n->flags & HF_DROP))
			HN(d, n->parent)->paras += n->paras;
	}
	/*
	 * An element the page marks as the article body (itemprop=articleBody,
	 * class entry-content, ...) wins over scores when it holds text, as
	 * trafilatura's list of known content containers does: the biggest one.
	 */
	{
		int			strong = -1;

		for (size_t i = 1; i < d->nodes.len; i++)
		{
			HNode	   *n = HN(d, i);

			if ((n->flags & HF_STRONG) && !(n->flags & HF_DROP) && n->chars >= STRONG_MIN_CHARS &&
				(strong < 0 || n->chars > HN(d, strong)->chars))
				strong = (int) i;
		}
		if (strong >= 0)
			return strong;
	}
	if (best < 0)
	{
		/* no text block: the whole <body> */
		for (size_t i = 0; i < d->nodes.len; i++)
			if (HN(d, i)->tag == H_BODY)
				return (int) i;
		return 0;
	}
	return best;
}

/* ---- rendering -------------------------------------------------------------- */

typedef struct Writer
{
	AtBuf	   *out;
	int			pending;		/* 0 nothing, 1 space, 2 newline, 3 blank line */
	bool		cell;			/* a table cell separator is due */
	int			in_pre;
	int			removed;		/* elements left out */
	size_t		written;		/* bytes of text written */
} Writer;

static void
w_break(Writer *w, int level)
{
	if (w->pending < level)
		w->pending = level;
}

static void
w_text(Writer *w, const char *s, size_t len)
{
	size_t		st;
	size_t		tl = h_trim(s, len, &st);

	if (tl == 0)
	{
		if (len)
			w_break(w, 1);
		return;
	}
	if (st > 0)
		w_break(w, 1);
	if (w->out->len > 0 && w->pending)
	{
		if (w->pending >= 3)
			at_buf_append(w->out, "\n\n", 2);
		else if (w->pending == 2)
			at_buf_appendc(w->out, '\n');
		else if (w->cell)
			at_buf_append(w->out, " | ", 3);
		else
			at_buf_appendc(w->out, ' ');
	}
	w->pending = 0;
	w->cell = false;
	h_append_clean(w->out, s + st, tl, w->in_pre > 0);
	w->written += tl;
	if (st + tl < len)
		w_break(w, 1);
}

/* Lists, boxes and tables inside the content made mostly of links */
static bool
link_box(const HDoc *d, const HNode *n)
{
	float		ld;

	if (n->tag != H_UL && n->tag != H_OL && n->tag != H_DIV && n->tag != H_SECTION &&
		n->tag != H_TABLE && n->tag != H_DL && n->tag != H_FORM && n->tag != H_P &&
		n->tag != H_LI && n->tag != H_FIGURE)
		return false;
	if (n->chars == 0)
		return n->tag != H_FIGURE && n->tag != H_P;
	ld = (float) n->link_chars / n->chars;
	if (n->commas >= 10)
		return false;
	/*
	 * a paragraph of prose with a phrase or two linked ("who seized power in
	 * a targeted operation", a source's name) is article text: news sites
	 * link inside sentences; a list of headlines has little text between
	 * its links
	 */
	if (n->tag == H_P && ld <= 0.6 && n->chars - n->link_chars >= PROSE_UNLINKED)
		return false;
	return ld > 0.6 || (ld > 0.33 && !(n->flags & HF_POS) && n->chars < 400);
}

/* A form of less text than this inside the content is a widget, not the article */
#define FORM_MAX_CHARS	600

/*
 * A form inside the content with a field to fill in: a newsletter sign-up
 * ("Essential news, delivered daily", an e-mail field, the consent line) or
 * a comment box.  A page wrapped whole in one <form> (ASP.NET) is not
 * affected: the content is inside it, and it is never looked at here.
 */
static bool
form_box(const HDoc *d, int node)
{
	const HNode *n = HN(d, node);
	int			i = n->first;

	if (n->tag != H_FORM || n->chars >= FORM_MAX_CHARS)
		return false;
	while (i >= 0)
	{
		const HNode *x = HN(d, i);

		if (x->tag == H_TEXTAREA || (x->tag == H_INPUT && !h_attr_is(d, i, HA_TYPE, "hidden") &&
									 !h_attr_is(d, i, HA_TYPE, "submit")))
			return true;
		if (x->first >= 0)
		{
			i = x->first;
			continue;
		}
		while (i != node && HN(d, i)->next < 0)
			i = HN(d, i)->parent;
		i = i == node ? -1 : HN(d, i)->next;
	}
	return false;
}

static void
enter(Writer *w, const HDoc *d, int i)
{
	const HNode *n = HN(d, i);

	switch (n->tag)
	{
		case H_BR:
			w_break(w, w->pending >= 2 ? 3 : 2);
			return;
		case H_LI:
		case H_TR:
		case H_DT:
		case H_DD:
			w_break(w, 2);
			return;
		case H_TD:
		case H_TH:
			if (w->pending <= 1)
			{
				w_break(w, 1);
				w->cell = true;
			}
			return;
		case H_PRE:
			w->in_pre++;
			break;
		default:
			break;
	}
	if (n->flags & HF_BLOCK)
		w_break(w, 3);
	else if (n->tag == H_IMG)
		w_break(w, 1);
}

static void
leave(Writer *w, const HDoc *d, int i)
{
	const HNode *n = HN(d, i);

	if (n->tag == H_PRE)
		w->in_pre--;
	if (n->tag == H_LI || n->tag == H_TR || n->tag == H_DT || n->tag == H_DD)
		w_break(w, 2);
	else if (n->tag == H_TD || n->tag == H_TH)
		w_break(w, 1);
	else if (n->flags & HF_BLOCK)
		w_break(w, 3);
}

/* Text before the article's first paragraph: a kicker, a byline, a date */
#define HEAD_TEXT	200

/*
 * The <h1> before the article's text is its headline (the title column);
 * one after text is a section heading of the article (Medium, book
 * chapters and CMS templates head their sections with <h1>)
 */
static bool
headline(const Writer *w, const HNode *n)
{
	return n->tag == H_H1 && w->written < HEAD_TEXT;
}

static bool
take_caption(const HDoc *d, int i, AtArticle *a, AtBuf *base)
{
	size_t		start = base->len,
				st,
				len;

	if (HN(d, i)->tag != H_FIGCAPTION)
		return false;
	h_text_of(d, i, base, 1000);
	len = h_trim(base->data ? base->data + start : "", base->len - start, &st);
	if (len && a->captions.len < 64)
	{
		AtSpan	   *sp = at_vec_push(&a->captions);

		memmove(base->data + start, base->data + start + st, len);
		base->len = start + len;
		base->data[base->len] = '\0';
		sp->start = start;
		sp->len = len;
	}
	else
		base->len = start;
	return true;
}

/*
 * Class words of a picture's credit inside the content ("copyright-note",
 * "image-credit", "img-author"): no text of the article, in a caption or
 * under a picture (words of a compound class, or whole classes)
 */
static const char *const credit_words[] = {
	"credit", "credits", "copyright", "photographer", "fotograf", "bildquelle",
	"img-author", "image-author", "photo-author",
};

/* A word of credit_words in the class of node */
static bool
credit_box(const HDoc *d, int node)
{
	size_t		len;
	const char *v = HN(d, node)->tag == H_FIGCAPTION ? NULL : h_attr(d, node, HA_CLASS, &len);

	/* a caption of class "c-lead-image__credit" is a caption: its credit part is cut later */
	for (size_t i = 0; v && i < len;)
	{
		size_t		e = i;

		while (e < len && v[e] != ' ' && v[e] != '\t' && v[e] != '\n')
			e++;
		if (at_word_in(v + i, e - i, credit_words, AT_LENGTHOF(credit_words)))
			return true;
		for (size_t sub = i; sub < e;)
		{
			size_t		se = sub;

			while (se < e && v[se] != '-' && v[se] != '_')
				se++;
			if (at_word_in(v + sub, se - sub, credit_words, AT_LENGTHOF(credit_words)))
				return true;
			sub = se + 1;
		}
		i = e + 1;
	}
	return false;
}

static void render(Writer *w, const HDoc *d, int root, AtArticle *a, AtBuf *base);
static size_t caption_credit_at(const char *s, size_t len);

/*
 * A figure's caption in the body, where the reader sees it (under its
 * picture; readability's expected text keeps it too), without the
 * picture's credit ("Foto: ...", "© ...", "(REUTERS/...)")
 */
static void
caption_body(Writer *w, const HDoc *d, int node, AtArticle *a, AtBuf *base)
{
	size_t		start,
				cut;

	w_break(w, 3);
	/* the separator before the caption is written with its first text */
	if (w->out->len > 0 && w->pending)
	{
		at_buf_append(w->out, "\n\n", 2);
		w->pending = 0;
	}
	start = w->out->len;
	render(w, d, node, a, base);
	cut = caption_credit_at(w->out->data + start, w->out->len - start);
	while (cut > 0 && strchr(" |-(,;", w->out->data[start + cut - 1]))
		cut--;
	w->out->len = start + cut;
	w_break(w, 3);
}

/* Render the subtree of root, skipping what is not article text */
static void
render(Writer *w, const HDoc *d, int root, AtArticle *a, AtBuf *base)
{
	int			i = root;
	unsigned long iter = 0;

	while (i >= 0)
	{
		const HNode *n = HN(d, i);
		bool		skip = false;

		if ((++iter & 4095) == 0)
			AT_CHECK_INTERRUPTS();
		if (n->tag == H_TEXT)
		{
			if (!(n->flags & HF_DROP))
				w_text(w, d->text.data + n->start, n->len);
		}
		else if (i != root && ((n->flags & HF_DROP) || headline(w, n) || link_box(d, n) ||
							   form_box(d, i) || credit_box(d, i)))
		{
			skip = true;
			w->removed++;
		}
		else if (i != root && take_caption(d, i, a, base))
		{
			caption_body(w, d, i, a, base);
			skip = true;
		}
		else
			enter(w, d, i);

		if (!skip && n->tag != H_TEXT && n->first >= 0)
		{
			i = n->first;
			continue;
		}
		if (!skip && n->tag != H_TEXT)
			leave(w, d, i);
		/* next sibling, else leave the ancestors */
		while (i != root && HN(d, i)->next < 0)
		{
			i = HN(d, i)->parent;
			leave(w, d, i);
		}
		i = i == root ? -1 : HN(d, i)->next;
	}
}

/*
 * An element of the main content's first class word that holds prose: the
 * article split into boxes of one class under different wrappers
 * ("article-text" in each "o-article_block", some wrapped once more), which
 * join_boxes (siblings of close ancestors) does not reach
 */
static bool
clone_of(const HDoc *d, int i, const char *cw, size_t cl, const char **w2)
{
	const HNode *n = HN(d, i);

	return n->tag != H_TEXT && !(n->flags & HF_DROP) && n->chars >= 200 &&
		n->link_chars * 4 <= n->chars && first_class(d, i, w2) == cl && memcmp(cw, *w2, cl) == 0;
}

/* Boxes of the main content's class (the content itself included), not nested */
static int
class_clones(const HDoc *d, int root)
{
	const char *cw,
			   *w2;
	size_t		cl = first_class(d, root, &cw);
	int			n = 0,
				last = -1;

	/* layout words ("row", "col", "grid") are too short or too common to vouch */
	if (cl < 8 || !clone_of(d, root, cw, cl, &w2))
		return 0;
	for (size_t i = 1; i < d->nodes.len; i++)
	{
		if ((i & 4095) == 4095)
			AT_CHECK_INTERRUPTS();
		if (clone_of(d, (int) i, cw, cl, &w2) && (last < 0 || !is_inside(d, (int) i, last)))
		{
			if (is_inside(d, root, (int) i) && (int) i != root)
				return 0;		/* a wrapper of the content has its class: no split */
			n++;
			last = (int) i;
		}
	}
	return n;
}

/* A sibling of the main content that belongs to the article too */
static bool
joins(const HDoc *d, int sib, int top, float threshold)
{
	size_t		l1,
				l2;
	const char *c1 = h_attr(d, sib, HA_CLASS, &l1),
			   *c2 = h_attr(d, top, HA_CLASS, &l2);
	/* a sibling of the same class as the content is likely more of it */
	float		bonus = c1 && c2 && l1 == l2 && l1 > 0 && memcmp(c1, c2, l1) == 0 ?
		HN(d, top)->score * 0.2f : 0;
	const HNode *n = HN(d, sib);
	uint32_t	commas,
				own;
	float		ld;

	if (n->tag == H_TEXT || (n->flags & HF_DROP))
		return false;
	if (n->scored && n->score + bonus >= threshold)
		return true;
	if (n->tag != H_P)
		return false;
	own = own_chars(d, sib, &commas);
	ld = n->chars ? (float) n->link_chars / n->chars : 1;
	return (own > 80 && ld < 0.25) || (own > 0 && own <= 80 && ld == 0 && commas > 0);
}

/* ---- paragraphs ------------------------------------------------------------- */

static bool
prose(const char *s, size_t len)
{
	uint32_t	cp;

	if (len == 0 || at_count_words(s, len) < 8)
		return false;
	at_utf8_decode_prev(s, len, &cp);
	return cp == '.' || cp == '!' || cp == '?' || cp == '"' || cp == 0x201D || cp == ')' ||
		cp == 0x3002 || cp == ':';
}

/*
 * Whole paragraphs that head or label a widget, not the article: "Ähnliche
 * Beiträge", "Lesen Sie auch", "War der Artikel nützlich?".  Lower case; a
 * paragraph matches without its closing punctuation, in any case.
 */
static const char *const widget_lines[] = {
	"ähnliche beiträge", "ähnliche artikel", "auch interessant", "das könnte sie auch interessieren",
	"das thema könnte dich auch interessieren", "lesen sie auch", "mehr zum thema", "weitere artikel",
	"kommentieren", "kommentare schreiben", "kommentar schreiben", "war der artikel nützlich",
	"war dieser artikel hilfreich", "möchten sie den artikel teilen", "artikel teilen",
	"wie bewerten sie diesen artikel", "vorschau auf den nächsten artikel", "zum shop",
	"bild anzeigen", "wird geladen", "noch keine bewertungen", "jetzt teilen",
	"related posts", "related articles", "you may also like", "you might also like",
	"read more", "read next", "be sociable, share", "share this article", "loading",
	"voir aussi", "à lire aussi", "lire aussi", "lee también", "te puede interesar",
	"zobacz również", "czytaj także", "leggi anche",
};

/* s[0..len) is one of widget_lines, case aside (ASCII and Latin-1 letters) */
static bool
widget_line(const char *s, size_t len)
{
	while (len > 0 && s[len - 1] != 0 && strchr(":!?.)( ", s[len - 1]))
		len--;
	if (len == 0 || len > 48)
		return false;
	for (size_t k = 0; k < AT_LENGTHOF(widget_lines); k++)
	{
		const char *w = widget_lines[k];
		size_t		i = 0;

		if (strlen(w) != len)
			continue;
		for (; i < len; i++)
		{
			unsigned char a = (unsigned char) s[i],
						b = (unsigned char) w[i];

			if (a >= 'A' && a <= 'Z')
				a += 32;
			else if (i > 0 && (unsigned char) s[i - 1] == 0xC3 && a >= 0x80 && a <= 0x9E && a != 0x97)
				a += 32;		/* Ä -> ä */
			if (a != b)
				break;
		}
		if (i == len)
			return true;
	}
	return false;
}

/* Labels that open a picture's credit line ("Foto: dpa", "Photograph by Ann Lee") */
static const char *const credit_labels[] = {
	"foto:", "fotos:", "bild:", "bilder:", "titelbild:", "bildquelle:", "quelle:", "photo:",
	"photos:", "image:", "credit:", "credits:", "photograph by", "photo by", "crédits photos",
	"crédit photo", "fotografía:", "foto di",
};

/* Labels of a credit inside a caption, besides credit_labels */
static const char *const caption_credit_labels[] = {
	"©", "(c) ", "kuva:", "copyright", "quelle ",
};

/* A credit label at s[p] */
static bool
credit_label_at(const char *s, size_t len, size_t p)
{
	for (int list = 0; list < 2; list++)
	{
		const char *const *l = list ? caption_credit_labels : credit_labels;
		size_t		n = list ? AT_LENGTHOF(caption_credit_labels) : AT_LENGTHOF(credit_labels);

		for (size_t k = 0; k < n; k++)
		{
			size_t		cl;

			/* the first byte first: most bytes start no label */
			if ((s[p] | 0x20) != (l[k][0] | 0x20))
				continue;
			cl = strlen(l[k]);
			if (p + cl <= len && strncasecmp(s + p, l[k], cl) == 0)
				return true;
		}
	}
	return false;
}

/*
 * Where the picture's credit starts in a caption's text (len when it has
 * none): a credit label at the start of a word, or a last parenthesis
 * naming a source with a slash ("(REUTERS/Denis Balibouse)", "(AP Photo/...)")
 */
static size_t
caption_credit_at(const char *s, size_t len)
{
	size_t		open,
				end = len;

	for (size_t p = 0; p < len; p++)
		if ((p == 0 || s[p - 1] == ' ' || s[p - 1] == '(' || s[p - 1] == '\n') &&
			credit_label_at(s, len, p))
			return p;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '.'))
		end--;
	if (end > 0 && s[end - 1] == ')')
	{
		for (open = end - 1; open > 0 && s[open - 1] != '('; open--)
			;
		if (open > 0 && memchr(s + open, '/', end - open))
			return open - 1;
	}
	return len;
}

/* A short paragraph that is only a picture's credit */
static bool
credit_line(const char *s, size_t len)
{
	if (len > 80 || at_count_words(s, len) > 8)
		return false;
	for (size_t k = 0; k < AT_LENGTHOF(credit_labels); k++)
	{
		size_t		cl = strlen(credit_labels[k]);

		if (len >= cl && strncasecmp(s, credit_labels[k], cl) == 0)
			return true;
	}
	return false;
}

/*
 * Phrases of a publisher's call to action: a newsletter sign-up, an app, a
 * subscription, "follow us" ("Never miss the latest news by signing up to
 * our newsletter", "Follow The Gleaner on Twitter", "We want to hear what you
 * think about this article").  Lower case; matched inside short paragraphs.
 */
static const char *const promo_phrases[] = {
	"sign up for our", "sign up to our", "sign up here", "sign up now", "signing up to our",
	"signing up for our", "subscribe to our", "subscribe now", "subscribe today",
	"subscribe and support", "please subscribe", "already a subscriber", "first-time subscribers",
	"our newsletter", "our newsletters", "join our newsletter", "email newsletters",
	"download our app", "apps for ios", "app for ios", "follow us on", "like us on facebook",
	"keep up with me on", "we want to hear what you think", "letter to the editor",
	"if you enjoyed reading", "never miss the latest", "support independent journalism",
	"support our journalism", "straight to your inbox", "delivered to your inbox",
	"newsletter abonnieren", "zum newsletter", "unseren newsletter", "unser newsletter",
	"abonniere unseren", "abonnieren sie", "suscríbete", "abonnez-vous",
};
_Static_assert(AT_LENGTHOF(promo_phrases) <= 255, "promo_line indexes the phrases with uint8_t");

/* Words a paragraph may have to be read as a call to action */
#define PROMO_MAX_WORDS	40

/* A short paragraph holding one of promo_phrases (ASCII case aside) */
static bool
promo_line(const char *s, size_t len)
{
	/* room for every phrase under one letter: none is ever left out */
	static uint8_t first[26][AT_LENGTHOF(promo_phrases)];
	static uint8_t count[26];
	static bool ready = false;

	/* 40 words are well under 400 bytes: longer paragraphs are not looked at */
	if (len >= 400)
		return false;
	/* the phrases indexed by their first letter, once per backend (static data) */
	if (!ready)
	{
		for (size_t k = 0; k < AT_LENGTHOF(promo_phrases); k++)
		{
			int			c = promo_phrases[k][0] - 'a';

			if (c >= 0 && c < 26)
				first[c][count[c]++] = (uint8_t) k;
		}
		ready = true;
	}
	for (size_t p = 0; p < len; p++)
	{
		int			c = ((s[p] >= 'A' && s[p] <= 'Z') ? s[p] + 32 : s[p]) - 'a';

		if (c < 0 || c >= 26 || (p > 0 && at_is_ascii_alpha((unsigned char) s[p - 1])))
			continue;
		for (int j = 0; j < count[c]; j++)
		{
			const char *e = promo_phrases[first[c][j]];
			size_t		el;

			/* the second letter first: most words share no two letters with a phrase */
			if (p + 1 >= len || ((s[p + 1] >= 'A' && s[p + 1] <= 'Z') ? s[p + 1] + 32 : s[p + 1]) != e[1])
				continue;
			el = strlen(e);
			if (p + el <= len && strncasecmp(s + p, e, el) == 0)
				return at_count_words(s, len) <= PROMO_MAX_WORDS;
		}
	}
	return false;
}

/* A paragraph that is one capital letter: a drop cap set in its own element */
static bool
drop_cap(const char *s, size_t len)
{
	uint32_t	cp;

	return at_utf8_decode(s, len, &cp) == (int) len && at_cp_is_upper(cp);
}

/* The paragraph opens with a small letter: the rest of a drop cap's word */
static bool
starts_lower(const char *s, size_t len)
{
	uint32_t	cp;

	return at_utf8_decode(s, len, &cp) > 0 && at_cp_is_lower(cp);
}

/* Words of a line of code that the chrome classifier's script rules let stay */
#define CODE_MIN_WORDS	4
/* Words of a caption left when its credit is cut */
#define CAPTION_MIN_WORDS	3

/* Paragraphs of raw into the article's body; drops the title and chrome lines */
static void
paragraphs(HDoc *d, AtArticle *a, const char *raw, size_t rlen, const char *title, size_t tlen)
{
	bool		lead_found = false;
	const char *cap = "";
	size_t		cap_len = 0;

	for (size_t p = 0; p < rlen;)
	{
		size_t		q = p,
					st,
					len;
		const char *s;

		/* the next blank line (the writer emits exactly "\n\n" between paragraphs) */
		while (q < rlen && !(raw[q] == '\n' && q + 1 < rlen && raw[q + 1] == '\n'))
		{
			const char *nl = memchr(raw + q + 1, '\n', rlen - q - 1);

			q = nl ? (size_t) (nl - raw) : rlen;
		}
		len = h_trim(raw + p, q - p, &st);
		s = raw + p + st;
		p = q + 2;
		if (len == 0)
			continue;
		/* a drop cap set apart: "T" before "urkey, Poland and ..." */
		if (drop_cap(s, len))
		{
			cap = s;
			cap_len = len;
			continue;
		}
		/* the headline repeated, a widget's heading */
		if ((len == tlen && memcmp(s, title, tlen) == 0) || widget_line(s, len) || credit_line(s, len) ||
			promo_line(s, len))
		{
			if (len != tlen || memcmp(s, title, tlen) != 0)
				a->chrome_removed++;
			continue;
		}
		/* a byline, a date line or a widget, by the text path's line classifier */
		if (len <= 400 && !memchr(s, '\n', len))
		{
			AtLineKind	k = at_classify_line(s, len);

			/*
			 * the text path's script residue ("var x = ...; }") is a code
			 * listing the page shows: the HTML path never reads a script
			 */
			AtChromeKind ck = k == AT_LINE_CHROME ? at_chrome_line(s, 0, len, NULL) : AT_CHROME_NONE;

			if (ck == AT_CHROME_MARKUP && at_count_words(s, len) >= CODE_MIN_WORDS)
				k = AT_LINE_TEXT;
			/* a picture's caption ending with its credit: the caption stays, as <figcaption>'s */
			if (ck == AT_CHROME_CAPTION)
			{
				size_t		cut = caption_credit_at(s, len);

				while (cut > 0 && strchr(" |-(,;", s[cut - 1]))
					cut--;
				if (cut < len && at_count_words(s, cut) >= CAPTION_MIN_WORDS)
				{
					len = cut;
					k = AT_LINE_TEXT;
				}
			}
			if (k == AT_LINE_CHROME || k == AT_LINE_META)
			{
				/* a metadata line is kept aside: the editor and the like are read from it */
				if (k == AT_LINE_META && d->meta_lines.len + len < H_META_LINES_MAX)
				{
					at_buf_append(&d->meta_lines, s, len);
					at_buf_append(&d->meta_lines, "\n", 1);
				}
				a->chrome_removed++;
				continue;
			}
		}
		if (a->body.len)
			at_buf_append(&a->body, "\n\n", 2);
		if (cap_len && !starts_lower(s, len))
			cap_len = 0;
		if (!lead_found && prose(s, len))
		{
			a->lead.start = a->body.len;
			a->lead.len = cap_len + len;
			lead_found = true;
		}
		else if (a->paragraphs == 0)
		{
			a->lead.start = a->body.len;
			a->lead.len = cap_len + len;
		}
		at_buf_append(&a->body, cap, cap_len);
		cap_len = 0;
		at_buf_append(&a->body, s, len);
		a->paragraphs++;
	}
	a->words = at_count_words(a->body.data ? a->body.data : "", a->body.len);
}

/* ---- the standfirst --------------------------------------------------------- */

/*
 * Class and id words of a standfirst (the deck, the summary under the
 * headline), which pages keep in the article's header, outside the element
 * that holds the paragraphs; as parts of a compound class too
 * ("article-deck", "article-subheadline", "single-excerpt")
 */
static const char *const deck_words[] = {
	"standfirst", "deck", "dek", "excerpt", "subheadline", "subhead", "subtitle", "summary",
	"lead", "intro", "strapline", "bajada", "entradilla", "sumario", "chapo", "chapeau",
};

/* How far above the content the article's header may start */
#define DECK_UP			5
/* Bytes of a standfirst's text */
#define DECK_MIN		60
#define DECK_MAX		600
/* Nodes of a standfirst's subtree */
#define DECK_NODES		64

/* A word of deck_words in the class or id, whole or as a part of a compound word */
static bool
deck_class(const HDoc *d, int node)
{
	static const HAttrName where[] = {HA_CLASS, HA_ID};

	for (size_t k = 0; k < AT_LENGTHOF(where); k++)
	{
		size_t		len;
		const char *v = h_attr(d, node, where[k], &len);

		for (size_t i = 0; v && i < len;)
		{
			size_t		e = i;

			while (e < len && v[e] != ' ' && v[e] != '\t' && v[e] != '\n' && v[e] != '-' && v[e] != '_')
				e++;
			if (at_word_in(v + i, e - i, deck_words, AT_LENGTHOF(deck_words)))
				return true;
			i = e + 1;
		}
	}
	return false;
}

/*
 * A candidate standfirst: a text block with a deck word, not hidden, and
 * under nothing but a <header> that the flags drop (not nav, aside, a
 * boilerplate class) up to the article's element anc
 */
/* Nodes between an article's <header> and its standfirst paragraph */
#define HEADER_NODES	200

/*
 * A paragraph of the article's own <header> after its <h1> (the headline,
 * then the summary under it: "<header><h1>...</h1><p>...</p>"), which
 * templates write without a class word
 */
static bool
header_para(const HDoc *d, int node, int anc)
{
	int			x = HN(d, node)->parent;
	bool		found = false;
	AtBuf		t;
	size_t		st,
				len;

	while (x != anc && x > 0 && HN(d, x)->tag != H_HEADER)
		x = HN(d, x)->parent;
	if (x == anc || x <= 0 || node - x > HEADER_NODES)
		return false;
	for (int i = x + 1; i < node && !found; i++)
		found = HN(d, i)->tag == H_H1;
	if (!found)
		return false;
	/* a sentence, not a byline or a date line */
	at_buf_init(&t, d->mem, DECK_MAX + 2);
	h_text_of(d, node, &t, DECK_MAX + 1);
	len = h_trim(t.data ? t.data : "", t.len, &st);
	found = prose(t.data + st, len);
	at_free(d->mem, t.data);
	return found;
}

static bool
deck_at(const HDoc *d, int node, int anc)
{
	const HNode *n = HN(d, node);

	if (n->tag == H_TEXT || n->tag == H_H1 || n->tag == H_A || n->tag == H_IMG || n->tag == H_LI ||
		n->tag == H_UL || n->tag == H_OL || n->tag == H_FIGURE || n->tag == H_FIGCAPTION ||
		n->tag == H_TABLE || (n->flags & HF_SKIP) || n->first < 0 ||
		!(deck_class(d, node) || (n->tag == H_P && header_para(d, node, anc))))
		return false;
	for (int x = node; x != anc && x > 0; x = HN(d, x)->parent)
	{
		const HNode *p = HN(d, x);

		if (((p->tag_flags & HF_DROP) && p->tag != H_HEADER) || (p->flags & HF_NEG))
			return false;
	}
	/* a small element, without the headline (a header's whole group of kicker, <h1> and deck) */
	for (size_t i = node + 1; i < d->nodes.len && is_inside(d, (int) i, node); i++)
		if (i - node > DECK_NODES || HN(d, i)->tag == H_H1)
			return false;
	return true;
}

/*
 * The article's standfirst when it stands before the content, outside it:
 * the nearest candidate between one of the content's close ancestors and
 * the content, or -1
 */
static int
find_deck(const HDoc *d, int root)
{
	int			anc = HN(d, root)->parent,
				up = 1;

	/*
	 * nodes are stored in document order: anc's subtree before root is
	 * anc + 1 .. root - 1, so one pass back from root meets the nearest
	 * ancestors' parts first
	 */
	for (int i = root - 1; i > 0; i--)
	{
		while (i <= anc)
		{
			anc = HN(d, anc)->parent;
			if (++up > DECK_UP)
				return -1;
		}
		if (anc <= 0 || HN(d, anc)->tag == H_BODY || HN(d, anc)->tag == H_HTML)
			return -1;
		if (deck_at(d, i, anc))
			return i;
	}
	return -1;
}

/*
 * Puts the standfirst's text into raw before the content: returns its
 * length (0 when it is too short or too long to be one)
 */
static size_t
put_deck(const HDoc *d, int deck, AtBuf *raw)
{
	size_t		st,
				len;

	h_text_of(d, deck, raw, DECK_MAX + 1);
	len = h_trim(raw->data, raw->len, &st);
	if (len < DECK_MIN || len > DECK_MAX)
	{
		raw->len = 0;
		return 0;
	}
	memmove(raw->data, raw->data + st, len);
	raw->len = len;
	return len;
}

/* The content repeats the standfirst: take it out again */
static void
drop_repeated_deck(AtBuf *raw, size_t deck_len)
{
	size_t		probe = AT_MIN(deck_len, 60);

	for (size_t p = deck_len; p + probe <= raw->len; p++)
		if (raw->data[p] == raw->data[0] && memcmp(raw->data + p, raw->data, probe) == 0)
		{
			memmove(raw->data, raw->data + deck_len, raw->len - deck_len);
			raw->len -= deck_len;
			return;
		}
}

void
h_body_render(HDoc *d, AtArticle *a, int root, AtBuf *base)
{
	AtBuf		raw;
	Writer		w;
	const HNode *top = HN(d, root);
	float		threshold = AT_MAX(10, top->score * 0.2f);
	int			deck;
	size_t		deck_len = 0;

	at_buf_init(&raw, d->mem, 4096);
	memset(&w, 0, sizeof(w));
	w.out = &raw;
	if (root > 0 && (deck = find_deck(d, root)) > 0 && (deck_len = put_deck(d, deck, &raw)) > 0)
		w_break(&w, 3);
	if (root > 0 && class_clones(d, root) >= 2)
	{
		/* the article's text boxes of one class, wherever they sit, in page order */
		int			last = -1;
		const char *cw,
				   *w2;
		size_t		cl = first_class(d, root, &cw);

		for (size_t i = 1; i < d->nodes.len; i++)
			if (clone_of(d, (int) i, cw, cl, &w2) && (last < 0 || !is_inside(d, (int) i, last)))
			{
				render(&w, d, (int) i, a, base);
				w_break(&w, 3);
				last = (int) i;
			}
	}
	else if (top->parent >= 0 && root > 0)
	{
		for (int s = HN(d, top->parent)->first; s >= 0; s = HN(d, s)->next)
			if (s == root || joins(d, s, root, threshold))
			{
				render(&w, d, s, a, base);
				w_break(&w, 3);
			}
	}
	else
		render(&w, d, root, a, base);
	if (deck_len)
		drop_repeated_deck(&raw, deck_len);
	d->meta_lines.len = 0;
	paragraphs(d, a, raw.data ? raw.data : "", raw.len,
			   a->title.len ? base->data + a->title.start : "", a->title.len);
	a->chrome_removed += w.removed;
	at_free(d->mem, raw.data);
}
