/*
 * Unit tests of the HTML path's main-text extractor (src/engine/html_body*.c),
 * one small team-written page per kind of text it keeps or leaves out.
 */
#include "unit.h"
#include "unit_mem.h"
#include "../../src/engine/html.h"
#include "../../src/engine/utf8.h"

#include <stdlib.h>

static AtArticle ba;

/* The body of an HTML page */
static const char *
body_of(const char *html)
{
	ut_mem_reset();
	UT_EQ_INT(at_parse_article(html, strlen(html), &ut_mem, &ba), AT_OK);
	return ba.body.len ? ba.body.data : "";
}

/* The paragraphs every test page shares: an article of plain prose */
#define PROSE3 \
	"<p>The city council voted on Tuesday to close the old bridge over the river for repairs, " \
	"a decision that will send traffic through the centre for most of next year.</p>" \
	"<p>Engineers found cracks in two of the piers last spring, and the council said the " \
	"work could not wait for the new budget, which is due in March.</p>" \
	"<p>Shop owners near the bridge said they feared a long winter, though the mayor promised " \
	"signs, extra buses and free parking on Saturdays while the work goes on.</p>"

/*
 * Three more: a body under 150 words is looked for again without the
 * class-word drops, so tests of those need a longer article
 */
#define PROSE6 PROSE3 \
	"<p>The bridge was built in 1908 and carries some twelve thousand cars a day, more than twice " \
	"the number it was designed for, according to a report the council published in April.</p>" \
	"<p>A temporary footbridge will open next to it in January so that people who walk to the " \
	"station can still cross the river, and cyclists will be asked to dismount on it.</p>" \
	"<p>The council will hold a public meeting on the plans at the town hall next Thursday, " \
	"and residents can also send their questions to the highways office by post.</p>"

#define PAGE(head, inner, tail) \
	"<!DOCTYPE html><html><head><title>Bridge to close</title></head><body>" \
	"<nav><a href=/>Home</a> <a href=/news>News</a></nav>" head \
	"<div class=\"story\"><h1>Bridge to close</h1>" PROSE3 inner "</div>" tail \
	"<footer>Copyright 2024 The Daily Example</footer></body></html>"

/* ---- paragraphs with links inside their sentences --------------------------- */

UT_TEST(html_body_linked_prose_kept)
{
	const char *b = body_of(PAGE("",
		"<p>The mayor, <a href=/mayor>who took office after a recall vote in 2022</a>, said the "
		"council <a href=/budget>had set aside money for the repairs</a> and that the bridge would "
		"reopen before the summer, when the tourist season brings the most traffic to the old town.</p>"
		"<p>Police said the repairs were <a href=/report>needed after the inspection in May</a>, "
		"and that drivers should expect delays.</p>"
		"<ul class=\"links\"><li><a href=/a>Rail strike called off after late talks</a></li>"
		"<li><a href=/b>New park opens on the east side of town</a></li>"
		"<li><a href=/c>Library hours to change in the new year</a></li></ul>", ""));

	UT_CHECK(strstr(b, "who took office after a recall vote") != NULL);
	/* a short sentence of which half is linked */
	UT_CHECK(strstr(b, "Police said the repairs were") != NULL);
	UT_CHECK(strstr(b, "reopen before the summer") != NULL);
	UT_CHECK(strstr(b, "Engineers found cracks") != NULL);
	/* a list of headlines is still left out */
	UT_CHECK(strstr(b, "Rail strike") == NULL);
}

/* ---- the article inside an element dropped for its tag -------------------- */

UT_TEST(html_body_role_main_in_open_header)
{
	/* a template that never closes its <header>: the page's main landmark is inside */
	const char *b = body_of("<!DOCTYPE html><html><body><div id=page>"
		"<header class=\"site-header\"><div class=\"top\"><a href=/>The Daily Example</a></div>"
		"<section class=\"container\" role=\"main\"><article><h1>Bridge to close</h1>"
		PROSE3 "</article></section></div></body></html>");

	UT_CHECK(strstr(b, "The city council voted") != NULL);
	UT_CHECK(strstr(b, "free parking on Saturdays") != NULL);
	UT_CHECK(strstr(b, "The Daily Example") == NULL);
}

/* ---- forms inside the article: sign-up and comment boxes ------------------- */

UT_TEST(html_body_signup_form_left_out)
{
	const char *b = body_of(PAGE("",
		"<form method=post action=/newsletter><p>Local news, delivered every morning</p>"
		"<input type=email name=email placeholder=\"you@example.com\"><button>Sign up</button>"
		"<label><input type=checkbox name=offers> We would like to send you offers and updates "
		"by e-mail; tick the box to be contacted</label></form>"
		"<p>Work is due to start on the first Monday of February, the council said.</p>", ""));

	UT_CHECK(strstr(b, "Local news, delivered") == NULL);
	UT_CHECK(strstr(b, "offers and updates") == NULL);
	UT_CHECK(strstr(b, "first Monday of February") != NULL);
}

UT_TEST(html_body_page_wrapped_in_form_kept)
{
	/* a page built as one form (ASP.NET): the article is inside it */
	const char *b = body_of("<!DOCTYPE html><html><body><form id=aspnetForm method=post>"
		"<input type=hidden name=__VIEWSTATE value=abc><div class=story>"
		"<h1>Bridge to close</h1>" PROSE3 "</div><input type=text name=q></form></body></html>");

	UT_CHECK(strstr(b, "The city council voted") != NULL);
	UT_CHECK(strstr(b, "free parking on Saturdays") != NULL);
}

/* ---- the author's biography under the article -------------------------------- */

UT_TEST(html_body_author_bio_left_out)
{
	const char *b = body_of(PAGE("", "",
		"<div class=\"post-body-bio\">Ann Lee is a city hall reporter for The Daily Example. "
		"She previously covered transport and housing for the Evening Courier.</div>"));
	const char *b2;

	UT_CHECK(strstr(b, "city hall reporter") == NULL);
	UT_CHECK(strstr(b, "The city council voted") != NULL);
	b2 = body_of(PAGE("", PROSE6 "<div class=\"user-bio__main-text\">Ann Lee is a city hall reporter for "
					  "The Daily Example, based in the council's press room since 2019.</div>", ""));
	UT_CHECK(strstr(b2, "city hall reporter") == NULL);
	UT_CHECK(strstr(b2, "Engineers found cracks") != NULL);
}

/* ---- a publisher's calls to action between or after the paragraphs ----------- */

UT_TEST(html_body_promo_paragraphs_left_out)
{
	const char *b = body_of(PAGE("",
		"<p>Never miss the latest news from the riverside by signing up to our newsletter today!</p>"
		"<p>The highways office said the bus lanes would stay in place until the bridge reopens.</p>"
		"<p>We want to hear what you think about this article. Submit a letter to the editor.</p>"
		"<p><em>For the latest stories download the Daily Example apps for iOS and Android.</em></p>", ""));

	UT_CHECK(strstr(b, "Never miss") == NULL);
	UT_CHECK(strstr(b, "We want to hear") == NULL);
	UT_CHECK(strstr(b, "apps for iOS") == NULL);
	UT_CHECK(strstr(b, "bus lanes would stay in place") != NULL);
	/* the same words inside a long paragraph of the article stay */
	b = body_of(PAGE("", "<p>The council's own newsletter, which goes to every household, said "
					 "residents could follow us on the council's website, where maps of the diversions, "
					 "bus timetables and the dates of every closure will be published each week until "
					 "the work is finished, and where residents can also ask questions of the engineers "
					 "and read the answers of earlier meetings in full.</p>", ""));
	UT_CHECK(strstr(b, "follow us on the council") != NULL);
}

/* ---- headings inside the article ---------------------------------------------- */

UT_TEST(html_body_section_h1_kept)
{
	/* the first <h1> is the headline; later ones head the article's sections */
	const char *b = body_of(PAGE("",
		"<h1>What the engineers found</h1>"
		"<p>The report lists eleven cracks, four of them wider than the limit the rules allow.</p>", ""));

	UT_CHECK(strstr(b, "What the engineers found") != NULL);
	UT_CHECK(strstr(b, "eleven cracks") != NULL);
	UT_CHECK(strstr(b, "Bridge to close") == NULL);
}

/* ---- a drop cap in an element of its own ------------------------------------ */

UT_TEST(html_body_drop_cap_joined)
{
	const char *b = body_of("<!DOCTYPE html><html><body><div class=story><h1>Bridge to close</h1>"
		"<div class=para><span class=dropcap>T</span><p>he city council voted on Tuesday to close "
		"the old bridge over the river for repairs, a decision that will send traffic through the "
		"centre for most of next year.</p></div>" PROSE3 "</div></body></html>");

	UT_CHECK(strncmp(b, "The city council voted on Tuesday", 33) == 0);
	UT_CHECK(strstr(b, "\nhe city") == NULL);
	UT_CHECK(strncmp(b + ba.lead.start, "The city council", 16) == 0);
}

/* ---- the standfirst in the article's header, outside the paragraphs' element -- */

UT_TEST(html_body_standfirst_before_content)
{
	const char *b = body_of("<!DOCTYPE html><html><body><nav><a href=/>Home</a></nav>"
		"<article><header><h1>Bridge to close</h1>"
		"<p class=\"article-deck\">Repairs to the 1908 crossing will send traffic through the centre "
		"for most of next year.</p></header>"
		"<div class=\"story-text\">" PROSE6 "</div></article></body></html>");

	UT_CHECK(strncmp(b, "Repairs to the 1908 crossing", 28) == 0);
	UT_CHECK(strstr(b, "The city council voted") != NULL);
	UT_CHECK(strstr(b, "Bridge to close") == NULL);
}

UT_TEST(html_body_standfirst_not_repeated)
{
	/* the content opens with the standfirst's text: it comes once */
	const char *b = body_of("<!DOCTYPE html><html><body>"
		"<article><header><h1>Bridge to close</h1>"
		"<p class=\"summary\">The city council voted on Tuesday to close the old bridge over the river "
		"for repairs, a decision that will send traffic through the centre for most of next year.</p>"
		"</header><div class=\"story-text\">" PROSE6 "</div></article></body></html>");
	const char *again = strstr(b, "The city council voted");

	UT_CHECK(again != NULL);
	UT_CHECK(again != NULL && strstr(again + 1, "The city council voted") == NULL);
}

UT_TEST(html_body_standfirst_not_from_header_group)
{
	/* a header block that holds the headline is not a standfirst */
	const char *b = body_of("<!DOCTYPE html><html><body><article>"
		"<div class=\"intro\"><span>News</span><h1>Bridge to close</h1><p>Repairs to the 1908 "
		"crossing will send traffic through the centre for most of next year.</p></div>"
		"<div class=\"story-text\">" PROSE6 "</div></article></body></html>");

	UT_CHECK(strstr(b, "Bridge to close") == NULL);
	UT_CHECK(strstr(b, "The city council voted") != NULL);
}

/* ==== hbody, sixth round: kinds of text the body left out or let in ============ */

/* ---- the post's text in <noscript> (Blogger's templates) ---------------------- */

UT_TEST(html_body_noscript_post_read)
{
	/*
	 * the post is written in a script template for the page's scripts and
	 * in <noscript> for readers without them: the <noscript> copy is the text
	 */
	const char *b = body_of("<!DOCTYPE html><html><body><noscript><img src=/pixel.gif></noscript>"
		"<div class=\"post\"><h2 class=title>Bridge to close</h2>"
		"<div class=\"post-body\"><div class=\"post-content\" itemprop=\"articleBody\">"
		"<script type=\"text/template\"><p>The city council voted on Tuesday</p></script>"
		"<noscript>" PROSE3 "</noscript></div></div></div>"
		"<noscript><p>Please enable JavaScript to see the comments.</p></noscript>"
		"</body></html>");

	UT_CHECK(strstr(b, "The city council voted on Tuesday to close") != NULL);
	UT_CHECK(strstr(b, "free parking on Saturdays") != NULL);
	/* a line for readers without scripts is no text of the page */
	UT_CHECK(strstr(b, "enable JavaScript") == NULL);
}

UT_TEST(html_body_noscript_notice_left_out)
{
	/* a long notice of one paragraph next to the article stays out */
	const char *b = body_of(PAGE("",
		"<noscript><p>This site works best with JavaScript turned on. Without it, some of the "
		"maps, galleries and videos on this page will not load, and the comments will not be "
		"shown; please turn it on in your browser's settings.</p></noscript>", ""));

	UT_CHECK(strstr(b, "The city council voted") != NULL);
	UT_CHECK(strstr(b, "JavaScript turned on") == NULL);
}

/* ---- readers' comments under a short post --------------------------------- */

#define COMMENT(who, text) \
	"<li class=\"comment\"><div class=\"comment-author\">" who " says:</div>" \
	"<div class=\"comment-content\"><p>" text "</p></div></li>"

UT_TEST(html_body_comments_under_short_post_left_out)
{
	/*
	 * a post under 150 words is looked for again without class-word drops;
	 * the comment section under it stays out all the same
	 */
	const char *b = body_of("<!DOCTYPE html><html><body><div id=page class=\"site two-col-sidebar\">"
		"<div class=\"wrap\"><h1>Bridge to close</h1>" PROSE3
		"<div id=\"comments\" class=\"comments-area\"><h3>4 Responses</h3><ol class=\"comment-list\">"
		COMMENT("Mary", "We drive over that bridge every single morning, and the cracks have been "
				"there for years; about time the council did something, even if the buses will be full.")
		COMMENT("Tom", "Free parking on Saturdays is fine, but what about the shops that open on "
				"Sundays, and the people who work there and have to get in from the other side of town?")
		COMMENT("Ann", "The footbridge should have been built first. Every time they repair something "
				"in this town, the people who walk are the last ones anybody at the council thinks about.")
		COMMENT("Bob", "My grandfather helped paint that bridge in the fifties, and he always said the "
				"piers were the weak part of it, so none of this is much of a surprise to our family.")
		"</ol></div></div></div></body></html>");

	UT_CHECK(strstr(b, "The city council voted") != NULL);
	UT_CHECK(strstr(b, "free parking on Saturdays while") != NULL);
	UT_CHECK(strstr(b, "every single morning") == NULL);
	UT_CHECK(strstr(b, "My grandfather") == NULL);
}

UT_TEST(html_body_forum_posts_kept)
{
	/* a page whose only text is in comment boxes (a forum thread): that is its text */
	const char *b = body_of("<!DOCTYPE html><html><body><div class=\"forum\">"
		"<h1>Bridge to close next year?</h1><ol class=\"comment-list\">"
		COMMENT("Mary", "We drive over that bridge every single morning, and the cracks have been "
				"there for years; about time the council did something, even if the buses will be full.")
		COMMENT("Tom", "Free parking on Saturdays is fine, but what about the shops that open on "
				"Sundays, and the people who work there and have to get in from the other side of town?")
		"</ol></div></body></html>");

	UT_CHECK(strstr(b, "every single morning") != NULL);
	UT_CHECK(strstr(b, "shops that open on Sundays") != NULL);
}

/* ---- figure captions, where the reader sees them, without the picture's credit -- */

UT_TEST(html_body_caption_in_body_without_credit)
{
	const char *b = body_of(PAGE("",
		"<figure><img src=/pier.jpg><figcaption><span class=\"caption-text\">One of the cracked "
		"piers seen from the river bank in May.</span> <span class=\"image-credit\">Ann Lee / The Daily "
		"Example</span></figcaption></figure>"
		"<p>The highways office said the bus lanes would stay in place until the bridge reopens.</p>"
		"<figure><img src=/bus.jpg><figcaption>A bus on the diversion through the centre. "
		"Foto: Tom Brown</figcaption></figure>"
		"<figure><img src=/mayor.jpg><figcaption>The mayor at the town hall on Tuesday "
		"(AP Photo/Jane Doe)</figcaption></figure>"
		"<figure><img src=/river.jpg><figcaption>\xc2\xa9 The Daily Example</figcaption></figure>", ""));
	const char *pier = strstr(b, "One of the cracked piers seen from the river bank in May.");

	/* in its place among the paragraphs */
	UT_CHECK(pier != NULL && strstr(b, "free parking on Saturdays") < pier);
	UT_CHECK(pier != NULL && strstr(pier, "bus lanes would stay") != NULL);
	UT_CHECK(strstr(b, "A bus on the diversion through the centre.") != NULL);
	UT_CHECK(strstr(b, "The mayor at the town hall on Tuesday") != NULL);
	UT_CHECK(strstr(b, "Ann Lee") == NULL);
	UT_CHECK(strstr(b, "Tom Brown") == NULL);
	UT_CHECK(strstr(b, "Jane Doe") == NULL);
	UT_CHECK(strstr(b, "Daily Example") == NULL);
	/* the captions column keeps each caption whole */
	UT_EQ_INT(ba.captions.len, 4);
}

/* ---- code listings in a technical article -------------------------------------- */

UT_TEST(html_body_code_listing_kept)
{
	/* the text path drops script residue; a page's <pre> is a listing the reader sees */
	const char *b = body_of(PAGE("",
		"<p>The council's open data can be read with a few lines of JavaScript:</p>"
		"<pre><code>var res = fetch(\"/bridge/closures.json\"); res.then(function (r) { console.log(r.status); });"
		"</code></pre>"
		"<p>Each closure has a start date, an end date and the streets of its diversion.</p>", ""));

	UT_CHECK(strstr(b, "var res = fetch(\"/bridge/closures.json\");") != NULL);
	UT_CHECK(strstr(b, "streets of its diversion") != NULL);
}

UT_TEST(html_body_caption_line_without_credit)
{
	/* a caption outside <figcaption> that ends with its credit: the caption stays */
	const char *b = body_of(PAGE("",
		"<div class=\"media\"><img src=/pier.jpg><div class=\"media-caption\">Workers on the north pier "
		"of the bridge in May - Photo: Ann Lee</div></div>"
		"<p>The highways office said the bus lanes would stay in place until the bridge reopens.</p>"
		"<div class=\"media\"><img src=/bus.jpg><div class=\"media-caption\">Photo: Tom Brown</div></div>", ""));

	UT_CHECK(strstr(b, "Workers on the north pier of the bridge in May\n") != NULL);
	UT_CHECK(strstr(b, "Ann Lee") == NULL);
	UT_CHECK(strstr(b, "Tom Brown") == NULL);
	UT_CHECK(strstr(b, "bus lanes would stay") != NULL);
}

/* ---- the summary under the headline in the article's own <header> --------------- */

UT_TEST(html_body_header_summary_opens_body)
{
	/* no class word says "deck": the sentence after the <h1> in the article's header is one */
	const char *b = body_of("<!DOCTYPE html><html><body><header class=site><a href=/>The Daily Example</a>"
		"</header><article><header><h1>Bridge to close</h1>"
		"<p>Repairs to the 1908 crossing will send traffic through the centre for most of next year.</p>"
		"<p>By Ann Lee</p><p>March 4, 2024</p></header>"
		"<section class=\"css-53u6y8\">" PROSE6 "</section></article></body></html>");

	UT_CHECK(strncmp(b, "Repairs to the 1908 crossing", 28) == 0);
	UT_CHECK(strstr(b, "The city council voted") != NULL);
	UT_CHECK(strstr(b, "Ann Lee") == NULL);
	UT_CHECK(strstr(b, "Bridge to close") == NULL);
}
