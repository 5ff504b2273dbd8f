/*
 * article.h: parse a scraped news page into title, dates, byline, source,
 * editor, dateline, section, URL, captions, tags and a clean body.
 *
 * The page is read line by line.  The shared classifier (chrome.h) decides
 * which lines are page chrome (widgets, navigation, forms, prompts,
 * footers), alone and by position; photo captions are taken out of the body
 * into captions.  Metadata lines hold dates, labels, bylines, publishers,
 * editors, the page's URL and widgets in any order, with any separators.
 * The headline is the headline-like line nearest above the first date or
 * byline; labels and breadcrumbs above it give the section.  Every other
 * line is kept, unchanged and in order.
 *
 * Linear in the input; AT_CHECK_INTERRUPTS() in every loop over it.
 */
#ifndef AT_ARTICLE_H
#define AT_ARTICLE_H

#include "common.h"
#include "dates.h"
#include "lineset.h"

/* What is left out of the body, by kind (for statistics and tests) */
typedef enum AtLineKind
{
	AT_LINE_BLANK,
	AT_LINE_TEXT,				/* article text: part of the body */
	AT_LINE_TITLE,
	AT_LINE_META,				/* date, byline, source, editor */
	AT_LINE_CHROME
} AtLineKind;

typedef struct AtArticle
{
	/* spans of the input; len == 0 when absent */
	AtSpan		title;
	AtSpan		source;
	AtSpan		editor;
	AtSpan		dateline;		/* "BEIJING, May 12 (Xinhua)" without the dash */
	AtVec		authors;		/* AtSpan, in byline order, no duplicates */
	AtSpan		section;		/* breadcrumb or category ("Business") */
	AtSpan		url;			/* the page's own URL, when it carries one */
	AtSpan		language;		/* language tag ("en"), when the page gives one */
	AtVec		captions;		/* AtSpan: photo captions taken out of the body */
	AtVec		tags;			/* AtSpan: the page's keywords or tags */

	/*
	 * The text the spans above point into: the input for a text page, a
	 * decoded copy (from mem) for an HTML page.
	 */
	const char *base;

	AtDate		published;		/* valid when has_published */
	AtDate		updated;		/* valid when has_updated */
	bool		has_published;
	bool		has_updated;

	/*
	 * Body paragraphs joined by one blank line.  The lead is the first
	 * paragraph that reads as prose (a subheading or caption without a
	 * sentence end is passed over), else the first paragraph.
	 */
	AtBuf		body;
	AtSpan		lead;			/* of body.data */
	int			paragraphs;
	int			words;
	int			chrome_removed; /* lines of chrome (not metadata) left out */
} AtArticle;

/*
 * Parse text[0..len), which must be valid UTF-8.  Memory for the body and
 * the author list comes from mem.  Empty or white-space-only text gives an
 * article with every span empty, no dates and zero counts.  Returns AT_OK,
 * or the error of a pattern that hit its limits (the article is then partial).
 */
extern AtStatus at_parse_article(const char *text, size_t len, const AtMem *mem,
							 AtArticle *out);

/*
 * The same, with a list of lines the caller knows to be chrome (lines that
 * a site repeats on every page, from chrome_lines()): such a line is chrome
 * wherever it stands, unless it is a metadata line with a field.  chrome
 * may be NULL.
 */
extern AtStatus at_parse_article_chrome(const char *text, size_t len, const AtMem *mem,
										const AtLineSet *chrome, AtArticle *out);

/* Classify one line alone (no context), for tests and tools */
extern AtLineKind at_classify_line(const char *line, size_t len);

/* Number of words (runs holding a letter or digit) in text[0..len) */
extern int	at_count_words(const char *text, size_t len);

#endif							/* AT_ARTICLE_H */
