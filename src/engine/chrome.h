/*
 * chrome.h: the one classifier of page chrome lines, shared by
 * parse_article, extract_entities and extract_metrics.
 *
 * Page chrome is what a site's template puts around an article: share,
 * print and font-size widgets, navigation and breadcrumbs, login and comment
 * forms, app and follow-us prompts, copyright, licence and contact footers,
 * photo captions and credits.  The decision is made line by line on
 * features that hold across sites, not on any site's exact strings:
 *   - vocabulary: a short line without sentence punctuation whose every
 *     word is widget, navigation, account, app or footer vocabulary (with
 *     function words, numbers and publisher names as filler), as data tables;
 *   - structure: breadcrumbs (short labels joined by ">", "»", "|" or "/"),
 *     lines without a letter, copyright and registration patterns, a photo
 *     credit closing a short line;
 *   - context (at_chrome_context): short unpunctuated lines in a run of
 *     chrome before the first or after the last prose line, and a trailing
 *     block of links under a heading such as "Related stories".
 * A line is chrome only when all of it is: a sentence that mentions "share"
 * or "copyright" is text.  Every function is linear in its input.
 */
#ifndef AT_CHROME_H
#define AT_CHROME_H

#include "common.h"
#include "dates.h"

typedef enum AtChromeKind
{
	AT_CHROME_NONE = 0,			/* not chrome */
	AT_CHROME_MARKUP,			/* no letter or digit: rules, bullets, stray symbols */
	AT_CHROME_WIDGET,			/* share, print, e-mail, font size, player, comment counts */
	AT_CHROME_NAV,				/* navigation, breadcrumbs, "Read more", link headings */
	AT_CHROME_ACCOUNT,			/* login, registration and comment forms */
	AT_CHROME_PROMO,			/* app downloads, follow-us, newsletters, QR codes */
	AT_CHROME_LEGAL,			/* copyright, licences, reproduction notices, contacts */
	AT_CHROME_CAPTION,			/* a photo caption or credit (ends with the credit) */
	AT_CHROME_CONTEXT			/* by position: a label in a run of chrome, a link block */
} AtChromeKind;

/*
 * Classify the line s[start..end) (white space around it is allowed) alone,
 * without context.  Lines over 400 bytes are never chrome.  status, when
 * not NULL, receives a pattern's error (then the answer is AT_CHROME_NONE).
 */
extern AtChromeKind at_chrome_line(const char *s, size_t start, size_t end,
								   AtStatus *status);

/*
 * Length of one chrome item at s[p] inside a metadata line, or 0: a widget
 * word ("Print", "E-mail", "Share"), a counter ("0 Comment(s)", "12 views")
 * or "Go to Forum".  parse_article skips them between a date and a byline.
 */
extern size_t at_chrome_item_at(const char *s, size_t end, size_t p);

/*
 * Does s[start..end) hold a word of page widgets or navigation ("Latest",
 * "Headlines", "Share")?  A label that does is no section name.
 */
extern bool at_chrome_word_in(const char *s, size_t start, size_t end);

/*
 * Where a caption's own words end: the line s[start..end) without its
 * closing credit ("[Photo/Xinhua]", "(Photo: CNS/Zhang Yuan)"), trimmed;
 * start when the line is only a credit.  For lines at_chrome_line calls
 * AT_CHROME_CAPTION.
 */
extern size_t at_chrome_caption_end(const char *s, size_t start, size_t end);

/*
 * A scraper's date prefix at s[start], " date YYYY-MM-DD " (or cut to
 * " date YYYY-MM "), glued to whatever the page's first line holds: its
 * length with the white space after it, or 0.  d, when not NULL, receives
 * the date (has_day false for the cut form).  at_page_lines reads the
 * first line without it; parse_article takes the date as the page's date
 * when the page gives none.
 */
extern size_t at_scraper_prefix(const char *s, size_t start, size_t end, AtDate *d);

/*
 * Is s[start..end) a photo credit alone ("Ti Gong", "Jiang Wei / SHINE")?
 * Such a line introduces the caption on the line below it.
 */
extern bool at_chrome_credit_line(const char *s, size_t start, size_t end);

/*
 * A non-blank line of a page, trimmed.  chrome is an AtChromeKind; kind is
 * the caller's (parse_article keeps its line kind there).  Offsets fit 32
 * bits: inputs are below 4 GB.
 */
typedef struct AtPageLine
{
	uint32_t	start;
	uint32_t	end;
	uint8_t		chrome;
	uint8_t		kind;
	bool		break_before;	/* a blank line precedes it */
} AtPageLine;

/*
 * Split s[0..len) into its non-blank lines (AtPageLine, appended to lines,
 * which the caller initialised) and classify each with at_chrome_line.
 * Returns AT_OK, AT_ERR_TOO_LARGE (4 GB or more) or a pattern's error.
 */
extern AtStatus at_page_lines(const char *s, size_t len, AtVec *lines);

/*
 * Chrome by position, over the lines of one page: a short line without
 * sentence punctuation next to a chrome line, before the first or after
 * the last prose line, is chrome (AT_CHROME_CONTEXT), and so is a trailing
 * block of link-like lines that opens with a heading such as "Related
 * stories" or "Sources".  Lines whose chrome field is already set are left
 * as they are.  Two passes, linear.
 */
extern void at_chrome_context(const char *s, AtPageLine *lines, size_t n);

/*
 * The chrome lines of a whole page, for extractors that read raw pages:
 * at_page_lines + at_chrome_context, reported as AtSpan (start, len of each
 * chrome line, in order) appended to out (initialised by the caller).
 * Memory for the scratch line list comes from out's allocator.
 */
extern AtStatus at_chrome_spans(const char *s, size_t len, AtVec *out);

/*
 * Walk chrome spans along a scan that only moves forward: true when pos is
 * inside one.  Linear over a whole scan.  Initialise with {spans, 0}.
 */
typedef struct AtChromeCursor
{
	const AtVec *spans;			/* of AtSpan, from at_chrome_spans */
	size_t		next;
} AtChromeCursor;

extern bool at_chrome_cursor_in(AtChromeCursor *cur, size_t pos);

#endif							/* AT_CHROME_H */
