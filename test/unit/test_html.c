/*
 * Unit tests of the HTML path of parse_article (src/engine/html*.c).
 * Every page here is written for the test.
 */
#include "unit.h"
#include "unit_mem.h"
#include "../../src/engine/html.h"
#include "../../src/engine/html_int.h"
#include "../../src/engine/utf8.h"

#include <stdlib.h>

/* ---- helpers ------------------------------------------------------------------- */

/* Two paragraphs of plain prose, the article of the title, author and date tests */
#define FLOOD_PROSE \
	"<p>The river rose a metre overnight and the valley is under a flood warning until Friday, officials said.</p>" \
	"<p>Schools stay closed and the ferry does not run while the water is this high, the mayor said.</p>"

/* The prose, closing an <article> or a <div class="post"> and the page */
#define ARTICLE_TAIL	FLOOD_PROSE "</article></body></html>"
#define POST_TAIL		FLOOD_PROSE "</div></body></html>"

static AtArticle a;
static char field[4096];

static void
parse(const char *html)
{
	ut_mem_reset();
	UT_EQ_INT(at_parse_article(html, strlen(html), &ut_mem, &a), AT_OK);
}

static const char *
span(AtSpan sp)
{
	size_t		n = AT_MIN(sp.len, sizeof(field) - 1);

	memcpy(field, a.base + sp.start, n);
	field[n] = '\0';
	return field;
}

static const char *
item(const AtVec *v, size_t i)
{
	return i < v->len ? span(*AT_VEC_AT(v, AtSpan, i)) : "";
}

static const char *
body(void)
{
	return a.body.len ? a.body.data : "";
}

static char *
repeat(const char *head, const char *unit, size_t n, const char *tail)
{
	size_t		hl = strlen(head),
				ul = strlen(unit),
				tl = strlen(tail);
	char	   *s = malloc(hl + ul * n + tl + 1),
			   *p = s;

	memcpy(p, head, hl);
	p += hl;
	for (size_t i = 0; i < n; i++, p += ul)
		memcpy(p, unit, ul);
	memcpy(p, tail, tl + 1);
	return s;
}

/* ---- recognition ----------------------------------------------------------------- */

UT_TEST(html_recognised_by_content)
{
	const char *yes[] = {
		"<!DOCTYPE html><p>x</p>", "  \n<!doctype HTML>", "<html>", "<HTML lang=en>",
		"\xef\xbb\xbf<html>", "<!-- saved page --><html><body>x</body></html>",
		"<!--[if !IE]> served from cache <![endif]-->\n<!doctype html><html>",
		"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
		"<head><title>t</title></head>", "<body>text</body>",
		"<div><p>one</p><p>two</p><p>three</p><p>four</p></div>",
	};
	const char *no[] = {
		"", "   ", "plain text", "<htmlx>", "Prices rose <b>sharply</b> on Monday.",
		"Use the <p> tag and the <div> tag, said the guide, then <br> for lines.",
		"<< not a tag >>", "a < b and c > d",
	};

	for (size_t i = 0; i < AT_LENGTHOF(yes); i++)
		if (!at_looks_like_html(yes[i], strlen(yes[i])))
			ut_fail(__FILE__, __LINE__, "not recognised: %s", yes[i]);
	for (size_t i = 0; i < AT_LENGTHOF(no); i++)
		if (at_looks_like_html(no[i], strlen(no[i])))
			ut_fail(__FILE__, __LINE__, "recognised: %s", no[i]);
}

UT_TEST(html_text_with_few_tags_stays_text)
{
	/* the text path keeps the title line and the markup as written */
	parse("Markup in the news\n\nThe old <blink> tag is back, said a developer on Monday, and the <marquee> tag too.");
	UT_EQ_STR(span(a.title), "Markup in the news");
	UT_CHECK(strstr(body(), "<blink>") != NULL);
}

/* ---- fields ------------------------------------------------------------------------ */

static const char *news_page =
"<!DOCTYPE html><html lang=\"en-US\"><head>"
"<meta charset=\"windows-1252\">"
"<title>Council approves new cycle lanes - City Herald</title>"
"<meta property=\"og:title\" content=\"Council approves new cycle lanes | City Herald\">"
"<meta property=\"og:site_name\" content=\"City Herald\">"
"<meta property=\"article:published_time\" content=\"2021-05-03T08:00:00Z\">"
"<meta name=\"author\" content=\"Jane Roe\">"
"<meta name=\"keywords\" content=\"cycling, roads,transport\">"
"<link rel=\"canonical\" href=\"https://herald.example/2021/05/03/cycle-lanes\">"
"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Six kilometres of \\u201ccycle\\u201d lanes for the city\","
"\"datePublished\":\"2021-05-02T22:15:00-04:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
"\"publisher\":{\"name\":\"The City Herald\"},\"articleSection\":[\"Local\",\"Roads\"]}</script>"
"</head><body>"
"<header><a href=\"/\">City Herald</a><nav><a href=\"/a\">News</a> <a href=\"/b\">Sport</a></nav></header>"
"<main><article><h1>Council approves new cycle lanes</h1>"
"<div class=\"social-share\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div>"
"<p>The city council approved six kilometres of new cycle lanes on Monday, after a debate that lasted more than four hours.</p>"
"<p>Work on the first lane, along the river, starts in June and should take three months, the council said in a statement.</p>"
"<ul class=\"related\"><li><a href=\"/x\">Earlier: cyclists protest</a></li><li><a href=\"/y\">Bus fares rise</a></li></ul>"
"</article></main>"
"<div id=\"comments\"><p>I cycle to work every day and this is welcome news for all of us, thanks.</p></div>"
"<footer>Copyright 2021 City Herald</footer></body></html>";

UT_TEST(html_fields_first_source_wins)
{
	parse(news_page);
	/* JSON-LD first, with its escapes decoded */
	UT_EQ_STR(span(a.title), "Six kilometres of \xe2\x80\x9c" "cycle\xe2\x80\x9d lanes for the city");
	UT_CHECK(a.has_published);
	UT_EQ_INT(a.published.year, 2021);
	UT_EQ_INT(a.published.month, 5);
	UT_EQ_INT(a.published.day, 2);		/* the day as written, in its own zone */
	UT_EQ_INT(a.published.hour, 22);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	UT_EQ_STR(span(a.source), "The City Herald");
	UT_EQ_STR(span(a.url), "https://herald.example/2021/05/03/cycle-lanes");
	UT_EQ_STR(span(a.section), "Local");
	UT_EQ_STR(span(a.language), "en-US");
	UT_EQ_INT(a.tags.len, 3);
	UT_EQ_STR(item(&a.tags, 2), "transport");
}

UT_TEST(html_body_main_text_only)
{
	parse(news_page);
	UT_EQ_STR(body(),
			  "The city council approved six kilometres of new cycle lanes on Monday, after a debate that lasted more than four hours.\n\n"
			  "Work on the first lane, along the river, starts in June and should take three months, the council said in a statement.");
	UT_EQ_INT(a.paragraphs, 2);
	UT_EQ_INT(a.lead.start, 0);
	UT_CHECK(a.words > 30);
}

/* A widget's heading left in the content is no paragraph */
UT_TEST(html_body_widget_lines)
{
	parse("<html><body><article><h1>Cycle lanes</h1>"
		  "<p>The city council approved six kilometres of new cycle lanes on Monday, after a debate that lasted more than four hours.</p>"
		  "<p>Work on the first lane, along the river, starts in June and should take three months, the council said in a statement.</p>"
		  "<p>\xc3\x84hnliche Beitr\xc3\xa4ge</p><p>War der Artikel n\xc3\xbctzlich?</p></article></body></html>");
	UT_EQ_INT(a.paragraphs, 2);
	UT_CHECK(a.body.data && strstr(a.body.data, "Beitr") == NULL);
	/* a picture's credit line; a sentence that opens with the same word stays */
	parse("<html><body><article><h1>Cycle lanes</h1>"
		  "<p>The city council approved six kilometres of new cycle lanes on Monday, after a debate that lasted more than four hours.</p>"
		  "<p>Foto: Instagram</p><p>Crédits photos : Bestimage</p>"
		  "<p>Photo: the new lane along the river, which the council opened on Monday after three months of work on it.</p></article></body></html>");
	UT_EQ_INT(a.paragraphs, 2);
	UT_CHECK(a.body.data && strstr(a.body.data, "Instagram") == NULL);
	UT_CHECK(a.body.data && strstr(a.body.data, "Bestimage") == NULL);
}

/* An article split into boxes of one class, a picture between them: all boxes */
UT_TEST(html_body_split_boxes)
{
	parse("<html><body><div class=\"page\"><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>"
		  "<div class=\"article_block pb-15\"><div class=\"text\">"
		  "<p>The city council approved six kilometres of new cycle lanes on Monday, after a debate that lasted more than four hours, with forty speakers.</p>"
		  "<p>Work on the first lane, along the river, starts in June and should take three months, the council said in a statement, and the second follows in autumn.</p>"
		  "<p>Shop owners on the high street had asked for more parking instead, and some of them said they would take the council to court over the plan.</p></div></div>"
		  "<div class=\"gallery\"><img src=\"a.jpg\"></div>"
		  "<div class=\"article_block pb-10 quote\"><div class=\"text\">"
		  "<p>The lanes will cost four million euros, most of it paid by the region, which wants more people to cycle to work and to school.</p>"
		  "<p>The council will count the cyclists on the river lane every month for two years and publish the figures on its website.</p></div></div>"
		  "</div></body></html>");
	UT_CHECK(a.body.data && strstr(a.body.data, "four million euros") != NULL);
	UT_CHECK(a.body.data && strstr(a.body.data, "six kilometres") != NULL);
	UT_CHECK(a.body.data && strstr(a.body.data, "Home") == NULL);
	/* boxes of one text class under different wrappers, a teaser list between them */
	parse("<html><body><div class=\"page\"><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>"
		  "<div class=\"wrap-a\"><div class=\"block\"><div class=\"grid\"><div class=\"article-text c-gray\">"
		  "<p>The city council approved six kilometres of new cycle lanes on Monday, after a debate that lasted more than four hours, with forty speakers.</p>"
		  "<p>Work on the first lane, along the river, starts in June and should take three months, the council said in a statement, and the second follows in autumn.</p>"
		  "<p>Shop owners on the high street had asked for more parking instead, and some of them said they would take the council to court over the plan.</p></div></div></div></div>"
		  "<ul class=\"teasers\"><li><a href=\"/a\">Bridge reopens after repairs</a></li><li><a href=\"/b\">New bus timetable</a></li></ul>"
		  "<div class=\"block\"><div class=\"article-text c-gray more\">"
		  "<p>The lanes will cost four million euros, most of it paid by the region, which wants more people to cycle to work and to school.</p>"
		  "<p>The council will count the cyclists on the river lane every month for two years and publish the figures on its website.</p></div></div>"
		  "</div></body></html>");
	UT_CHECK(a.body.data && strstr(a.body.data, "four million euros") != NULL);
	UT_CHECK(a.body.data && strstr(a.body.data, "six kilometres") != NULL);
	UT_CHECK(a.body.data && strstr(a.body.data, "Home") == NULL);
	UT_CHECK(a.body.data && strstr(a.body.data, "Bridge reopens") == NULL);
}

UT_TEST(html_fields_fallbacks)
{
	/* no JSON-LD: og:title with the site name cut, meta author split */
	parse("<html><head><title>Ignored</title>"
		  "<meta property=\"og:title\" content=\"Flood warning for the valley | Valley News\">"
		  "<meta property=\"og:site_name\" content=\"Valley News\">"
		  "<meta name=\"author\" content=\"By Sam Poe and Kim Doe\">"
		  "</head><body><p>The river rose a metre overnight and the valley is under a flood warning until Friday, officials said.</p></body></html>");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	UT_EQ_INT(a.authors.len, 2);
	UT_EQ_STR(item(&a.authors, 0), "Sam Poe");
	UT_EQ_STR(item(&a.authors, 1), "Kim Doe");
	UT_CHECK(!a.has_published);

	/* <title> with a site suffix, <time datetime>, rel=author */
	parse("<html><head><title>Snow closes the mountain pass - Alpine Times</title></head><body>"
		  "<div class=\"post\"><time datetime=\"2020-12-24\">Christmas Eve</time> <a rel=\"author\" href=\"/u/1\">Luca Rossi</a>"
		  "<p>Heavy snow closed the mountain pass on Thursday, and the police asked drivers to wait until the ploughs are through.</p></div></body></html>");
	UT_EQ_STR(span(a.title), "Snow closes the mountain pass");
	UT_CHECK(a.has_published && a.published.year == 2020 && a.published.month == 12 && a.published.day == 24);
	UT_EQ_STR(item(&a.authors, 0), "Luca Rossi");

	/* a date in the URL; a day-first visible date */
	parse("<html><head><link rel=\"canonical\" href=\"https://x.example/news/2019/07/14/fair\"></head><body>"
		  "<p>The summer fair opened on Sunday with more than two hundred stalls and a parade through the old town.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2019 && a.published.month == 7 && a.published.day == 14);
	parse("<html><body><div class=\"entry-date\">Posted 03.02.2018</div>"
		  "<p>The bakery on the corner closed after forty years, and its owners said they would miss their customers.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2018 && a.published.month == 2 && a.published.day == 3);
	/* datePublished in UTC and the same instant in local time: the local day */
	parse("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-09T02:11:03Z\"}</script></head>"
		  "<body><time datetime=\"2023-11-08T21:11:03-05:00\">November 8, 2023</time>"
		  "<p>Two people were hurt in a crash on the highway late on Wednesday evening, the police said.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2023 && a.published.month == 11 && a.published.day == 8);
	/* another instant (an hour and a minute apart) is no local rendering */
	parse("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-09T02:11:03Z\"}</script></head>"
		  "<body><time datetime=\"2023-11-08T21:12:03-05:00\">November 8, 2023</time>"
		  "<p>Two people were hurt in a crash on the highway late on Wednesday evening, the police said.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2023 && a.published.month == 11 && a.published.day == 9);
	/* a long paragraph that opens with the date, the page's only one: a press release */
	parse("<html><body><p>27.1.2022 - The city council approved six kilometres of new cycle lanes on Monday, after a debate that "
		  "lasted more than four hours, and work on the first lane, along the river, starts in June and should take three months, "
		  "the council said in a statement.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2022 && a.published.month == 1 && a.published.day == 27);
	/* 23:00 UTC sharp is local midnight of the next day east of Greenwich */
	parse("<html><head><meta property=\"article:published_time\" content=\"2022-12-31T23:00:00.000Z\"></head><body>"
		  "<p>The new year began with fireworks over the river and a concert in the square that lasted until dawn.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2023 && a.published.month == 1 && a.published.day == 1);
	/* the URL's day over a UTC instant a day off, and over a bare <time> */
	parse("<html><head><link rel=\"canonical\" href=\"https://x.example/2019/01/01/new-year/\">"
		  "<meta property=\"article:published_time\" content=\"2018-12-31T23:11:59+00:00\"></head><body>"
		  "<p>The new year began with fireworks over the river and a concert in the square that lasted until dawn.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2019 && a.published.month == 1 && a.published.day == 1);
	parse("<html><head><link rel=\"canonical\" href=\"https://x.example/2019/10/22/repair/\"></head><body>"
		  "<p>The repair cafe fixed sixty toasters and kettles on its first evening, the volunteers said.</p>"
		  "<aside><time datetime=\"2009-04-11\">older post</time></aside></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2019 && a.published.month == 10 && a.published.day == 22);
	/* a German month written first; a no-break space inside a day-first date */
	parse("<html><body><span class=\"post-info-date\">Juli 12, 2017</span>"
		  "<p>The bakery on the corner closed after forty years, and its owners said they would miss their customers.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2017 && a.published.month == 7 && a.published.day == 12);
	parse("<html><body><p>Hofheim am Taunus | Wiesbaden, 11. November&nbsp;2021</p>"
		  "<p>The bakery on the corner closed after forty years, and its owners said they would miss their customers.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2021 && a.published.month == 11 && a.published.day == 11);
	/* 02:25Z of the next day is the URL's day in New York; 10:04Z is not */
	parse("<html><head><link rel=\"canonical\" href=\"https://x.example/2020/02/24/exit/\">"
		  "<meta property=\"article:published_time\" content=\"2020-02-25T02:25:54Z\"></head><body>"
		  "<p>The former press secretary is leaving the studio after three years in the role, the company said.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2020 && a.published.month == 2 && a.published.day == 24);
	parse("<html><head><link rel=\"canonical\" href=\"https://x.example/politics/return/2020/07/08/c3d2_story.html\">"
		  "<meta property=\"article:published_time\" content=\"2020-07-09T10:04:04Z\"></head><body>"
		  "<p>Federal workers are returning to the office, and some members of Congress say they should not be.</p></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2020 && a.published.month == 7 && a.published.day == 9);
}

/* The meta title weighed against the headline the page shows */
static void
title_of(const char *meta, const char *h1)
{
	static char page[2048];

	snprintf(page, sizeof(page),
			 "<html><head><meta property=\"og:title\" content=\"%s\">"
			 "<link rel=\"canonical\" href=\"https://www.valleynews.example/a/1\"></head><body><article><h1>%s</h1>"
			 "<p>The river rose a metre overnight and the valley is under a flood warning until Friday, officials said.</p>"
			 "<p>Schools stay closed and the ferry does not run while the water is this high, the mayor said.</p>"
			 "</article></body></html>", meta, h1);
	parse(page);
}

UT_TEST(html_title_against_h1)
{
	/* a reworded headline for search engines: the one shown */
	title_of("Valley flood warning until Friday", "Flood warning for the valley until Friday");
	UT_EQ_STR(span(a.title), "Flood warning for the valley until Friday");
	/* a kicker before the <h1>'s headline: the <h1> */
	title_of("Weather: Flood warning for the valley", "Flood warning for the valley");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* a meta title of one word is a section label: the headline shown */
	title_of("Pressemitteilungen", "Flood warning for the valley until Friday");
	UT_EQ_STR(span(a.title), "Flood warning for the valley until Friday");
	/* the <h1> goes on where the meta title stops */
	title_of("Flood warning for the valley", "Flood warning for the valley \xe2\x80\x93 schools closed");
	UT_EQ_STR(span(a.title), "Flood warning for the valley \xe2\x80\x93 schools closed");
	/* JSON-LD's headline cut at 110 characters; the <main> inside a wrapper named for an ad format */
	parse("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
		  "\"Flood warning for the valley\"}</script></head><body><div id=\"skyscraper-wrap\"><main>"
		  "<h1>Flood warning for the valley until Friday</h1>"
		  "<p>The river rose a metre overnight and the valley is under a flood warning until Friday, officials said.</p>"
		  "</main></div></body></html>");
	UT_EQ_STR(span(a.title), "Flood warning for the valley until Friday");
	/* a kicker inside the <h1>, or a site's domain after it: the meta title */
	title_of("Flood warning for the valley", "Weather Flood warning for the valley");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	title_of("Flood warning for the valley", "Flood warning for the valley | VALLEYNEWS.EXAMPLE");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* an og:title's second half is no site name unless the site is named */
	title_of("Flood warning \xe2\x80\x93 schools closed", "Storm");
	UT_EQ_STR(span(a.title), "Flood warning \xe2\x80\x93 schools closed");
	title_of("Flood warning for the valley \xe2\x80\x93 Valley News", "Storm");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* a kicker element inside the <h1> is not part of the headline */
	title_of("Weather: Flood warning for the valley",
			 "<span class=\"article-kicker\">Weather</span><span>: </span><span>Flood warning for the valley</span>");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* an og:title that is the site's name: the page's one <h1> */
	title_of("Valleynews", "Flood warning for the valley");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* a site's part between separators ends the title: "Headline : Site | Slogan | Founded" */
	parse("<html><head><title>Flood warning for the valley : Valleynews | News of the valley | Since 1901</title>"
		  "<link rel=\"canonical\" href=\"https://www.valleynews.example/a/1\"></head><body><article>"
		  "<p>The river rose a metre overnight and the valley is under a flood warning until Friday, officials said.</p></article></body></html>");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* a one-word <h1> under a <title> of other words is a logo or a label: the <title> */
	parse("<html><head><title>Flood warning for the valley</title></head><body><article><h1>Storm</h1>"
		  "<p>The river rose a metre overnight and the valley is under a flood warning until Friday, officials said.</p></article></body></html>");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	parse("<html><head><title>Storm warning</title></head><body><article><h1>Storm</h1>"
		  "<p>The river rose a metre overnight and the valley is under a flood warning until Friday, officials said.</p></article></body></html>");
	UT_EQ_STR(span(a.title), "Storm");
	/* an <h1> for screen readers only is not the headline */
	parse("<html><head><meta property=\"og:title\" content=\"Flood warning for the valley\"></head><body>"
		  "<h1 class=\"visually-hidden\">Valley News: home of the valley</h1><article><p>The river rose a metre "
		  "overnight and the valley is under a flood warning until Friday, officials said.</p></article></body></html>");
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* nor is the heading of a skip link over a section label */
	parse("<html><head><title>Reden und Interviews</title></head><body>"
		  "<h1 class=\"navSkip\">Navigation und Service</h1><div><h2>Rede zum Konvent</h2><p>The river rose a metre "
		  "overnight and the valley is under a flood warning until Friday, officials said.</p></div></body></html>");
	UT_EQ_STR(span(a.title), "Reden und Interviews");
}

/* Authors: an organisation is no byline; a visible "By" line and author-page links are */
UT_TEST(html_authors_kinds)
{
	/* meta author an organisation: the visible byline instead */
	parse("<html><head><meta name=\"author\" content=\"Valley Media GmbH\"></head>"
		  "<body><article><h1>Flood warning</h1><p class=\"meta\">By <b>Sam Poe</b> and Kim Doe</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 2);
	UT_EQ_STR(item(&a.authors, 0), "Sam Poe");
	UT_EQ_STR(item(&a.authors, 1), "Kim Doe");
	/* "By" opening a sentence of lower-case words is no byline */
	parse("<html><body><article><h1>Flood warning</h1><p>by the river</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	/* a link to the author's page, German */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div>Von <a href=\"/autoren/lee-ann\">Ann Lee</a></div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	/* an author box: its heading, a copyright sign, the name twice, a link text after it */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"author\">\xc2\xa9 Ann Lee Ann Lee Alle Artikel</div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	/* placeholders of publishing systems */
	parse("<html><head><meta name=\"author\" content=\"publisher\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	parse("<html><head><meta name=\"author\" content=\"an\xc3\xb3nimo\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	/* "Written by:", a byline that goes on with a date, a bullet and a widget after the name */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p>Written by: Ann Lee March 3, 2021</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"byline\">Theresa May \xe2\x80\xa2 Staff</div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Theresa May");
	/* the site's name beside the person's, a character reference left in the value */
	parse("<html><head><meta name=\"author\" content=\"Rob Picheta, Valleynews\">"
		  "<link rel=\"canonical\" href=\"https://www.valleynews.example/a/1\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Rob Picheta");
	parse("<html><head><meta name=\"author\" content=\"Redacci&amp;oacute;n Diario\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Redacci\xc3\xb3n Diario");
	/* "A, B and C": three names */
	parse("<html><head><meta name=\"author\" content=\"Ann Lee, Bo Kim and Eve Ng\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 3);
	UT_EQ_STR(item(&a.authors, 2), "Eve Ng");
	/* a name and its role after a comma; a "by" line of lower-case words before the byline */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p><strong>Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.</strong></p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Uta Staschewski");
	parse("<html><body><article><h1>Flood warning</h1><div>by the river</div>"
		  "<p><em>Written by: <a href=\"/x\">Julie Mollins</a></em></p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Julie Mollins");
	/* the site's domain name as author; a blogger's name in a blog host's subdomain stays */
	parse("<html><head><meta name=\"author\" content=\"Hildesheimer Presse\">"
		  "<link rel=\"canonical\" href=\"https://www.hildesheimer-presse.de/a/1\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	parse("<html><head><meta name=\"author\" content=\"surfguard\">"
		  "<link rel=\"canonical\" href=\"https://surfguard.wordpress.com/2020/01/02/a/\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "surfguard");
	/* Twitter's card pair: a "Written by" label, then the name (its handle cut) */
	parse("<html><head><meta name=\"twitter:label1\" content=\"Written by\">"
		  "<meta name=\"twitter:data1\" content=\"Williams Perdomo @wperdomod\">"
		  "<meta name=\"twitter:label2\" content=\"Est. reading time\"><meta name=\"twitter:data2\" content=\"3 minutes\">"
		  "</head><body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Williams Perdomo");
	/* JSON-LD author as a reference to a Person of the @graph */
	parse("<html><head><script type=\"application/ld+json\">{\"@graph\":["
		  "{\"@type\":\"Article\",\"headline\":\"Flood warning\",\"author\":{\"@id\":\"https://v.example/#/person/1\"}},"
		  "{\"@type\":\"Person\",\"@id\":\"https://v.example/#/person/1\",\"name\":\"Ann Lee\"}]}</script></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	/* a BEM-style class part; a box of the verb alone gives way to the next box */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"c-page-intro__author\"><span>von</span> Ann Lee</div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<span class=\"meta-prep meta-prep-author\">Posted</span> <span class=\"author vcard\">marc</span>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "marc");
	/* "Posted on <date> by <name>"; a weekday abbreviation before the date */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"page-meta--author\">Posted on September 21, 2020 by Adi Tzlil</div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Adi Tzlil");
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"entry-meta pf-author\">Heiko Sauer <time>Do 9 Apr 2020</time></div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Heiko Sauer");
}

/* Authors: a publisher with its address is no byline; a personal site's owner is the author */
UT_TEST(html_authors_site_owner)
{
	/* "Site, City, Country": the publisher's imprint, no person */
	parse("<html><head><meta name=\"author\" content=\"Valleynews, Frankfurt a. M., Germany\">"
		  "<link rel=\"canonical\" href=\"https://www.valleynews.example/a/1\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	/* the site's name after a person's stays cut off, the person kept */
	parse("<html><head><meta name=\"author\" content=\"Rob Picheta, Valleynews\">"
		  "<link rel=\"canonical\" href=\"https://www.valleynews.example/a/1\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Rob Picheta");
	/* no author anywhere, the WebSite's publisher a Person (by "@id"): the owner */
	parse("<html><head><script type=\"application/ld+json\">{\"@graph\":["
		  "{\"@type\":\"WebSite\",\"name\":\"River notes\",\"publisher\":{\"@id\":\"https://v.example/#/person/1\"}},"
		  "{\"@type\":[\"Person\",\"Organization\"],\"@id\":\"https://v.example/#/person/1\",\"name\":\"Ann Lee\"}]}"
		  "</script></head><body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	/* an Organization as publisher is no author; a named author wins over the owner */
	parse("<html><head><script type=\"application/ld+json\">"
		  "{\"@type\":\"Article\",\"headline\":\"Flood warning\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Valley Media\"}}"
		  "</script></head><body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	parse("<html><head><script type=\"application/ld+json\">"
		  "{\"@type\":\"Article\",\"headline\":\"Flood warning\",\"author\":{\"@type\":\"Person\",\"name\":\"Bo Kim\"},"
		  "\"publisher\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"}}"
		  "</script></head><body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Bo Kim");
	/* a Person publisher named in lower case is the site's handle, no owner's name */
	parse("<html><head><script type=\"application/ld+json\">"
		  "{\"@type\":\"Article\",\"headline\":\"Flood warning\",\"publisher\":{\"@type\":\"Person\",\"name\":\"rivernotes\"}}"
		  "</script></head><body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
}

/* Titles: a blog theme's <h1> that only links home is the site's name, not the headline */
UT_TEST(html_title_home_link_h1)
{
	parse("<html><head><title>Flood warning for the valley : River Notes | Since 2005</title>"
		  "<link rel=\"canonical\" href=\"https://rivernotes.example/2020/flood\"></head>"
		  "<body><h1 class=\"vcard\"><a href=\"https://rivernotes.example/\">River Notes</a></h1><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	parse("<html><head><title>Flood warning for the valley : River Notes</title></head>"
		  "<body><h1> <a href=\"/\">River Notes</a> </h1><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* a headline linked to its own page stays the headline */
	parse("<html><head><title>River Notes</title></head>"
		  "<body><h1><a href=\"https://rivernotes.example/2020/flood\">Flood warning for the valley</a></h1>"
		  "<div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
}

/* Titles: "Site » Blog Archive » Headline" in <title> gives the headline */
UT_TEST(html_title_blog_archive)
{
	parse("<html><head><title>River Notes &raquo; Blog Archive &raquo; Flood warning for the valley in spring</title></head>"
		  "<body><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley in spring");
	/* the label as the headline's own words stays */
	parse("<html><head><title>Blog archive and river notes in the valley</title></head>"
		  "<body><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Blog archive and river notes in the valley");
}

/* Titles: "Kicker - Headline" in JSON-LD and "Headline" in og:title give the headline */
UT_TEST(html_title_kicker_in_one_meta_title)
{
	parse("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		  "\"headline\":\"Riverside - Flood warning for the valley\"}</script>"
		  "<meta property=\"og:title\" content=\"Flood warning for the valley\"></head>"
		  "<body><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* a shorter og:title that is no part after a separator leaves the headline whole */
	parse("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		  "\"headline\":\"New flood warning for the valley\"}</script>"
		  "<meta property=\"og:title\" content=\"flood warning for the valley\"></head>"
		  "<body><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "New flood warning for the valley");
}

/* Titles: a meta title cut at a quote its attribute did not escape gives way to <title> */
UT_TEST(html_title_unescaped_quote)
{
	parse("<html><head><title>Mayor calls the flood \"historic\" | Valley News</title>"
		  "<meta property=\"og:title\" content=\"Mayor calls the flood \"historic\"\">"
		  "<meta property=\"og:site_name\" content=\"Valley News\"></head>"
		  "<body><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Mayor calls the flood \"historic\"");
	/* a <title> that goes on without a quote keeps the meta title */
	parse("<html><head><title>Mayor calls the flood historic and more</title>"
		  "<meta property=\"og:title\" content=\"Mayor calls the flood historic\"></head>"
		  "<body><div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Mayor calls the flood historic");
}

/* Titles: an <h1> that wraps the <title> in a kicker ("Rubric :Headline") gives the <title> */
UT_TEST(html_title_kicker_in_h1)
{
	parse("<html><head><title>Flood warning for the valley</title>"
		  "<meta property=\"og:title\" content=\"Pressemitteilungen\"></head>"
		  "<body><article><h1><span class=\"css-1x\">Press release of the water board </span>:Flood warning for the valley</h1>"
		  ARTICLE_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
}

/* Authors: a byline word alone in its element, the name in the siblings after it */
UT_TEST(html_authors_opener_alone)
{
	parse("<html><body><article><h1>Flood warning</h1>" FLOOD_PROSE
		  "<p>(to be continued)<br><strong>Text:</strong> Klaus Friedrich</p><p><strong>Photos: </strong>Ann Lee</p>"
		  "</article></body></html>");
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Klaus Friedrich");
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"textblock\"><strong>von</strong> <span class=\"name\">Dennis Kochin</span></div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Dennis Kochin");
	/* lower-case words after the opener are prose */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p><b>By</b> the river there is a house</p>" ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
}

/* Authors: a visible "Von" line of a lower-case word beyond ASCII is prose; a name may open with É */
UT_TEST(html_authors_non_ascii_case)
{
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p>Von Atemschutzmaske \xc3\xbc" "ber Exit-Strategie und Kontaktverbot bis Zoonose</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p>Von \xc3\x89mile Zola</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "\xc3\x89mile Zola");
}

/* Authors: digits inside a word are a user name's, not a date's */
UT_TEST(html_authors_user_names)
{
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p>von Marianne1 am 20.09.2020</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Marianne1");
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"author\">Author: Bo2man am 29.12.2010, 13:36 Uhr</div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Bo2man");
	/* a date after the name is still cut */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p>By Ann Lee 12.05.2020</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
}

/* Dates: a date line "23.09.22" (day first, two-digit year); a version number is none */
UT_TEST(html_dates_two_digit_year)
{
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"uploaded-date\"> 23.09.22 </div>"
		  ARTICLE_TAIL);
	UT_CHECK(a.has_published && a.published.year == 2022 && a.published.month == 9 && a.published.day == 23);
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"date\">02.12.98</div>"
		  ARTICLE_TAIL);
	UT_CHECK(a.has_published && a.published.year == 1998 && a.published.month == 12 && a.published.day == 2);
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"date\">1.2.19</div><div>31.02.22</div>"
		  ARTICLE_TAIL);
	UT_CHECK(!a.has_published);
}

/* ---- metadata, sixth round (hmeta) ------------------------------------------------ */

/* Authors: a login name gives way to the name shown with the same letters */
UT_TEST(html_authors_login_display_name)
{
	parse("<html><head><script type=\"application/ld+json\">"
		  "{\"@type\":\"NewsArticle\",\"headline\":\"Flood warning\",\"author\":{\"@type\":\"Person\",\"name\":\"ann.lee\"}}"
		  "</script></head><body><article><h1>Flood warning</h1><div class=\"byline\">By Ann Lee</div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	/* accents folded, a comma part after the name left out */
	parse("<html><head><meta property=\"article:author\" content=\"emile_zola\"></head>"
		  "<body><article><h1>Flood warning</h1><p>Author: \xc3\x89mile Zol\xc3\xa0, Datum: 03.05.19</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "\xc3\x89mile Zol\xc3\xa0");
	/* other letters: the login name stays (a blogger's handle is the byline) */
	parse("<html><head><meta name=\"author\" content=\"rivernotes\"></head>"
		  "<body><article><h1>Flood warning</h1><p>By Bo Kim</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "rivernotes");
}

/* Authors: the site's name as a whole gives way, though "&" would split it into two words */
UT_TEST(html_authors_site_name_whole)
{
	parse("<html><head><meta name=\"author\" content=\"Jobs &amp; Hire\">"
		  "<meta property=\"og:site_name\" content=\"Jobs &amp; Hire\"></head>"
		  "<body><article><h1>Flood warning</h1><div class=\"wrote_by\">By&nbsp;<a href=\"/reporters/ann\">Jose de la Cruz</a></div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Jose de la Cruz");
	/* two people joined by "&" stay two */
	parse("<html><head><meta name=\"author\" content=\"Ann Lee &amp; Bo Kim\">"
		  "<meta property=\"og:site_name\" content=\"River Notes\"></head>"
		  "<body><article><h1>Flood warning</h1>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 2);
	UT_EQ_STR(item(&a.authors, 1), "Bo Kim");
}

/* Authors: a visible line after a byline word with a lower-case word in it is a teaser */
UT_TEST(html_authors_teaser_line)
{
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"teasertext\">Vom Blech, mit Streuseln &amp; Co.</div>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 0);
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<p>Von Ann Lee und Bo Kim</p>"
		  ARTICLE_TAIL);
	UT_EQ_INT(a.authors.len, 2);
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
	UT_EQ_STR(item(&a.authors, 1), "Bo Kim");
}

/* Authors: line breaks between a byline word alone and the name */
UT_TEST(html_authors_opener_breaks)
{
	parse("<html><body><article><h1>Flood warning</h1>" FLOOD_PROSE
		  "<div class=\"info\"><b>Von:</b> <br /> <br /> Klaus Friedrich</div>"
		  "</article></body></html>");
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Klaus Friedrich");
	/* a break after the name still ends the line */
	parse("<html><body><article><h1>Flood warning</h1>" FLOOD_PROSE
		  "<div class=\"info\"><b>Von:</b> Klaus Friedrich<br>Leipzig Tourism Board</div>"
		  "</article></body></html>");
	UT_EQ_INT(a.authors.len, 1);
	UT_EQ_STR(item(&a.authors, 0), "Klaus Friedrich");
}

/* Titles: in a page saved by the Wayback Machine, an <h1> that links home through web.archive.org is the logo */
UT_TEST(html_title_wayback_home_link)
{
	parse("<html><head><title>River Notes &raquo; Blog Archiv &raquo; Flood warning for the valley</title></head>"
		  "<body><h1><a href=\"https://web.archive.org/web/20140226054445/http://rivernotes.example/\">River Notes</a></h1>"
		  "<div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* a link to the story's own page stays a headline */
	parse("<html><head><title>River Notes</title></head>"
		  "<body><h1><a href=\"https://web.archive.org/web/20140226054445/http://rivernotes.example/2014/flood\">Flood warning for the valley</a></h1>"
		  "<div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
}

/* Titles: the text of an <h1> that only links home (a theme's logo) is the site's name in <title> */
UT_TEST(html_title_logo_suffix)
{
	parse("<html><head><title> Flood warning for the valley | Love goes through the stomach</title></head>"
		  "<body><h1><a href=\"http://rivernotes.example\" title=\"x\">Love goes through the stomach</a></h1>"
		  "<div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning for the valley");
	/* the logo's own separator stays inside it */
	parse("<html><head><title>Flood warning - River notes - Rueda in Berlin</title></head>"
		  "<body><div id=\"header\"><h1><a href=\"/\"><span>River notes - Rueda in Berlin</span></a></h1></div>"
		  "<div class=\"post\">"
		  POST_TAIL);
	UT_EQ_STR(span(a.title), "Flood warning");
}

/* Dates: microdata's datePublished in the content attribute of an element other than <meta> */
UT_TEST(html_dates_microdata_content)
{
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<div class=\"info\"><span itemprop=\"datePublished\" content=\"2020-04-27T18:50:24+02:00\">27.04.2020 - 18:50 Uhr</span></div>"
		  "<ul class=\"teaser-list\"><li><time datetime=\"2020-07-08T10:00:00+02:00\">08.07.2020</time> Flood warning lifted</li></ul>"
		  ARTICLE_TAIL);
	UT_CHECK(a.has_published && a.published.year == 2020 && a.published.month == 4 && a.published.day == 27);
	/* a <time> with its own datetime keeps that */
	parse("<html><body><article><h1>Flood warning</h1>"
		  "<time itemprop=\"datePublished\" datetime=\"2020-04-28\" content=\"2020-04-27\">28.04.2020</time>"
		  ARTICLE_TAIL);
	UT_CHECK(a.has_published && a.published.month == 4 && a.published.day == 28);
}

/* Dates: a generic meta date or an unmarked <time> gives way to a date line near the content */
UT_TEST(html_dates_weak_sources)
{
	parse("<html><head><meta name=\"date\" content=\"2020-04-30T09:00:00+02:00\"></head>"
		  "<body><div id=\"page\"><div class=\"wrap\"><div class=\"col\"><div class=\"main\"><article><h1>Flood warning</h1>"
		  "<ul class=\"infoline\"><li class=\"author\">Von Ann Lee</li><li class=\"Date\"><time>29.04.2020, 12:01 Uhr</time></li></ul>"
		  FLOOD_PROSE "</article></div></div></div></div></body></html>");
	UT_CHECK(a.has_published && a.published.month == 4 && a.published.day == 29);
	/* a comment's <time datetime> */
	parse("<html><body><div class=\"main\"><article><h1>Flood warning</h1><p class=\"post-date\">16.08.2019</p>"
		  FLOOD_PROSE "</article><ol class=\"comments\"><li><time datetime=\"2019-08-24T03:36:11+02:00\">24. August 2019</time>"
		  "<p>Thanks for the warning, we moved the car.</p></li></ol></div></body></html>");
	UT_CHECK(a.has_published && a.published.month == 8 && a.published.day == 16);
	/* a header's "today" widget far from the content does not */
	parse("<html><head><meta name=\"date\" content=\"2017-05-01T17:05:00+0200\"></head>"
		  "<body><div id=\"page\"><header><span class=\"site-date\">26.02.2020</span></header>"
		  "<div class=\"wrap\"><div class=\"col\"><div class=\"main\"><article><h1>Flood warning</h1>"
		  FLOOD_PROSE "</article></div><div class=\"more\"><a href=\"/a\">Storm</a> <a href=\"/b\">Rain</a></div>"
		  "</div></div></div></body></html>");
	UT_CHECK(a.has_published && a.published.year == 2017 && a.published.month == 5 && a.published.day == 1);
	/* the URL's date is no weak source */
	parse("<html><head><link rel=\"canonical\" href=\"https://rivernotes.example/2020/04/30/flood\">"
		  "<meta name=\"date\" content=\"2020-04-30\"></head>"
		  "<body><div class=\"main\"><article><h1>Flood warning</h1><p class=\"date\">29.04.2020</p>"
		  FLOOD_PROSE "</article></div></body></html>");
	UT_CHECK(a.has_published && a.published.month == 4 && a.published.day == 30);
}

/* editor and dateline by the text path's reader over the body's head and its metadata lines */
UT_TEST(html_editor_dateline)
{
	parse("<html><body><article><h1>Port strike ends</h1>"
		  "<p>LONDON (Reuters) - Dock workers at the port ended their strike on Tuesday after the owners raised their pay by six percent, the union said.</p>"
		  "<p>The strike had stopped most container traffic for nine days and left hundreds of lorries waiting outside the gates.</p>"
		  "<p>Editing by Tom Brown</p></article></body></html>");
	UT_EQ_STR(span(a.dateline), "LONDON (Reuters)");
	UT_EQ_STR(span(a.editor), "Tom Brown");
	UT_CHECK(strstr(body(), "Editing by") == NULL);
	/* a photo label before the dash is no place */
	parse("<html><body><article><h1>Port strike ends</h1>"
		  "<p>FILE - Dock workers at the port ended their strike on Tuesday after the owners raised their pay by six percent, the union said.</p>"
		  "<p>The strike had stopped most container traffic for nine days and left hundreds of lorries waiting outside the gates.</p>"
		  "</article></body></html>");
	UT_EQ_INT(a.dateline.len, 0);
}

/*
 * An interrupt pending while libxml2 parses stops the parser; the engine then
 * checks interrupts outside libxml2 and, when nothing was raised, parses
 * again: the row is the one an undisturbed parse gives.
 */
static int	pending_asked;
static int	hook_calls;

static bool
pending_once(void)
{
	return pending_asked++ == 0;
}

static void
count_hook(void)
{
	hook_calls++;
}

UT_TEST(html_interrupt_outside_libxml2)
{
	char	   *page = repeat("<html><body><article><h1>Many paragraphs</h1>",
							  "<p>The council met again on Monday and talked about the new bridge for a long time.</p>",
							  6000, "</article></body></html>");
	char	   *expected;
	int			words;

	parse(page);
	expected = strdup(body());
	words = a.words;
	at_html_interrupt_pending = pending_once;
	at_interrupt_hook = count_hook;
	pending_asked = hook_calls = 0;
	parse(page);
	at_html_interrupt_pending = NULL;
	at_interrupt_hook = NULL;
	UT_CHECK(pending_asked >= 1);
	UT_CHECK(hook_calls >= 1);
	UT_EQ_INT(a.words, words);
	UT_EQ_STR(body(), expected);
	free(expected);
	free(page);
}

/*
 * A body that still reads as markup (comments and tags libxml2 keeps as
 * text) is not read by the HTML path again for its editor and dateline: that
 * recursed without end (fuzz_html, stack overflow).
 */
UT_TEST(html_body_quoting_markup)
{
	parse("!-- x --><!-x --><!-- x --><!-- x --><!-><!- x --><!-- x --><!-- x --><!-><!-- x --><!-- x --><! -->< -->--><! --><!-- x --><!-- x --><!-<b><b><b><b>?x --><!b><b><b>c c");
	UT_EQ_INT(a.dateline.len, 0);
}

/* JSON-LD in a CDATA section or a comment is read */
UT_TEST(html_json_ld_wrapped)
{
	parse("<html><head><script type=\"application/ld+json\">\n<![CDATA[\n{\"@type\":\"NewsArticle\","
		  "\"headline\":\"Ferry stops for the winter\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"}}\n]]>"
		  "</script></head><body><p>The ferry across the lake stops on Monday for the winter and runs again in April, "
		  "the operator said.</p></body></html>");
	UT_EQ_STR(span(a.title), "Ferry stops for the winter");
	UT_EQ_STR(item(&a.authors, 0), "Ann Lee");
}

UT_TEST(html_body_rendering)
{
	parse("<html><body><div class=\"article-body\">"
		  "<p>Caf&eacute; &amp; bar prices rose 5&#37; in &#x32;021, a survey of two hundred owners found this week.</p>"
		  "<p>Line one<br>line two<br/><br>After two breaks, a new paragraph that is long enough to stay.</p>"
		  "<table><tr><th>City</th><th>Rise</th></tr><tr><td>Oslo</td><td>5%</td></tr></table>"
		  "<figure><img src=\"a.jpg\"><figcaption>Prices on a board.</figcaption></figure>"
		  "<script>document.write('<p>no</p>')</script><style>p{}</style><noscript>Enable scripts</noscript>"
		  "<template><p>later</p></template><div hidden>secret</div><div style=\"display: none\">gone</div>"
		  "</div></body></html>");
	UT_EQ_STR(body(),
			  "Caf\xc3\xa9 & bar prices rose 5% in 2021, a survey of two hundred owners found this week.\n\n"
			  "Line one\nline two\n\nAfter two breaks, a new paragraph that is long enough to stay.\n\n"
			  "City | Rise\nOslo | 5%\n\nPrices on a board.");
	UT_EQ_INT(a.captions.len, 1);
	UT_EQ_STR(item(&a.captions, 0), "Prices on a board.");
}

UT_TEST(html_declared_charset_ignored)
{
	/* the text is UTF-8 already: a declared latin-1 must not turn é into Ã© */
	parse("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>"
		  "<body><p>R\xc3\xa9sum\xc3\xa9 of the na\xc3\xafve caf\xc3\xa9 owner, who opened in the spring of that year.</p></body></html>");
	UT_CHECK(strstr(body(), "R\xc3\xa9sum\xc3\xa9") != NULL);
	UT_CHECK(at_utf8_valid(body(), strlen(body())));
}

UT_TEST(html_empty_and_broken)
{
	const char *pages[] = {
		"<html></html>", "<!DOCTYPE html>", "<html><body></body></html>",
		"<html><body><p>unclosed <b>bold <i>italic <a href='x", "<html><<<>>></html>",
		"<html><body>\xef\xbf\xbd</body></html>", "<html><head><title></title></head></html>",
	};

	for (size_t i = 0; i < AT_LENGTHOF(pages); i++)
	{
		parse(pages[i]);
		UT_CHECK((a.paragraphs == 0) == (a.body.len == 0));
		UT_CHECK(at_utf8_valid(body(), a.body.len));
	}
	parse("<html><body><p>unclosed <b>bold <i>italic text that never ends");
	UT_EQ_STR(body(), "unclosed bold italic text that never ends");
}

/* ---- JSON-LD reader ------------------------------------------------------------- */

UT_TEST(html_json_reader)
{
	const char *ok = "{\"a\": [1, -2.5e3, true, null, \"x\\u00e9\\ud83d\\ude00\\ud800\"], \"b\": {}}";
	HJson	   *j;
	const HJson *arr;
	char	   *deep;

	ut_mem_reset();
	j = h_json_parse(ok, strlen(ok), &ut_mem);
	UT_CHECK(j != NULL);
	arr = h_json_get(j, "a");
	UT_CHECK(arr && arr->type == HJ_ARR);
	UT_EQ_STR(arr->child->next->next->next->next->str, "x\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbd");
	UT_CHECK(h_json_get(j, "b") && h_json_get(j, "b")->type == HJ_OBJ);
	UT_CHECK(h_json_parse("{\"a\":", 5, &ut_mem) == NULL);
	UT_CHECK(h_json_parse("[1,,2]", 6, &ut_mem) == NULL);
	UT_CHECK(h_json_parse("\"open", 5, &ut_mem) == NULL);
	deep = repeat("", "[", 100000, "");
	UT_CHECK(h_json_parse(deep, strlen(deep), &ut_mem) == NULL);	/* depth limit */
	free(deep);
	ut_mem_reset();
}

/* ---- bad input: each finishes (in linear time; test/html/linear.sh measures) --- */

UT_TEST(html_bad_input)
{
	char	   *s;

	/* 100,000 nested <div>: libxml2 stops at 256 levels; a clean row */
	s = repeat("<html><body>", "<div>", 100000, "deep text</body></html>");
	parse(s);
	UT_CHECK(at_utf8_valid(body(), a.body.len));
	free(s);

	/* 11 MB of inline script before the text: the text is kept */
	s = repeat("<html><body><script>", "var x = 1; ", 1000000,
			   "</script><p>The one paragraph after a very long script, with enough words to count.</p></body></html>");
	parse(s);
	UT_EQ_STR(body(), "The one paragraph after a very long script, with enough words to count.");
	free(s);

	/* a 4 MB attribute value */
	s = repeat("<html><head><title>Long attribute</title></head><body><div class=\"", "xxxx", 1000000,
			   "\"><p>The paragraph after an element with a four megabyte class attribute.</p></div></body></html>");
	parse(s);
	UT_EQ_STR(span(a.title), "Long attribute");
	UT_EQ_STR(body(), "The paragraph after an element with a four megabyte class attribute.");
	free(s);

	/* 200,000 unclosed inline and list tags, and a page of only '<' */
	s = repeat("<html><body>", "<b><i><a href=x><li>w ", 200000, "</body></html>");
	parse(s);
	free(s);
	s = repeat("<html>", "<", 1000000, "");
	parse(s);
	free(s);

	/* over the tag limit: a clear error, not gigabytes inside libxml2 */
	s = repeat("<html><body>", "<br>", AT_HTML_MAX_TAGS, "</body></html>");
	ut_mem_reset();
	UT_EQ_INT(at_parse_article(s, strlen(s), &ut_mem, &a), AT_ERR_TOO_LARGE);
	free(s);

	/* a long text with a few tags: the text path */
	s = repeat("A long report <b>starts</b> here. ", "Plain words of text go on and on. ", 100000, "");
	UT_CHECK(!at_looks_like_html(s, strlen(s)));
	free(s);
	ut_mem_reset();
}

UT_TEST(html_cut_sequences_stay_valid)
{
	AtBuf		b;

	/* a value cut inside a character by a length limit (found by fuzz_html) */
	ut_mem_reset();
	at_buf_init(&b, &ut_mem, 16);
	h_append_clean(&b, "ab\xc3\xa9\xc3", 5, false);
	UT_EQ_STR(b.data, "ab\xc3\xa9\xef\xbf\xbd");
	UT_CHECK(at_utf8_valid(b.data, b.len));
	ut_mem_reset();
}
