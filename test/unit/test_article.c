/*
 * Unit tests of parse_article's engine.
 */
#include "unit.h"
#include "../../src/engine/article.h"

#include <stdlib.h>

typedef struct Parsed
{
	const char *text;
	AtArticle	a;
	char		title[256],
				source[128],
				editor[128],
				dateline[128],
				lead[512],
				author0[64],
				author1[64],
				section[64],
				url[128],
				caption0[128],
				tag0[32];
} Parsed;

static void
copy_span(char *dst, size_t cap, const char *s, AtSpan sp)
{
	size_t		n = AT_MIN(sp.len, cap - 1);

	memcpy(dst, s + sp.start, n);
	dst[n] = '\0';
}

static Parsed *
parse(const char *text)
{
	static Parsed p;

	if (p.text)
	{
		free(p.a.body.data);
		free(p.a.authors.data);
		free(p.a.captions.data);
		free(p.a.tags.data);
	}
	memset(&p, 0, sizeof(p));
	p.text = text;
	UT_EQ_INT(at_parse_article(text, strlen(text), &at_malloc_mem, &p.a), AT_OK);
	copy_span(p.title, sizeof(p.title), text, p.a.title);
	copy_span(p.source, sizeof(p.source), text, p.a.source);
	copy_span(p.editor, sizeof(p.editor), text, p.a.editor);
	copy_span(p.dateline, sizeof(p.dateline), text, p.a.dateline);
	if (p.a.paragraphs)
		copy_span(p.lead, sizeof(p.lead), p.a.body.data, p.a.lead);
	if (p.a.authors.len > 0)
		copy_span(p.author0, sizeof(p.author0), text, *AT_VEC_AT(&p.a.authors, AtSpan, 0));
	if (p.a.authors.len > 1)
		copy_span(p.author1, sizeof(p.author1), text, *AT_VEC_AT(&p.a.authors, AtSpan, 1));
	copy_span(p.section, sizeof(p.section), text, p.a.section);
	copy_span(p.url, sizeof(p.url), text, p.a.url);
	if (p.a.captions.len > 0)
		copy_span(p.caption0, sizeof(p.caption0), text, *AT_VEC_AT(&p.a.captions, AtSpan, 0));
	if (p.a.tags.len > 0)
		copy_span(p.tag0, sizeof(p.tag0), text, *AT_VEC_AT(&p.a.tags, AtSpan, 0));
	return &p;
}

static const char *
body(Parsed *p)
{
	return p->a.body.len ? p->a.body.data : "";
}

UT_TEST(article_empty)
{
	Parsed	   *p = parse("");

	UT_EQ_INT(p->a.paragraphs, 0);
	UT_EQ_INT(p->a.words, 0);
	UT_EQ_INT(p->a.title.len, 0);
	UT_CHECK(!p->a.has_published);
	p = parse(" \n\t\r\n  \n");
	UT_EQ_INT(p->a.paragraphs, 0);
	UT_EQ_INT(p->a.body.len, 0);
	UT_EQ_INT(p->a.chrome_removed, 0);
}

UT_TEST(article_china_daily_layout)
{
	Parsed	   *p = parse(
		"Capital's tech firms go global\n\nRelease time:2019.04.29\n\n"
		"By Liang Kaiyan | China Daily\n\n"
		"From high-tech companies to carmakers, Beijing's influence is expanding.\n\n\n"
		"Tus-Holdings has set up more than 300 innovation centers.\n\n[News Resource:]");

	UT_EQ_STR(p->title, "Capital's tech firms go global");
	UT_CHECK(p->a.has_published);
	UT_EQ_INT(p->a.published.year, 2019);
	UT_EQ_INT(p->a.published.day, 29);
	UT_CHECK(!p->a.published.has_time);
	UT_EQ_STR(p->author0, "Liang Kaiyan");
	UT_EQ_INT(p->a.authors.len, 1);
	UT_EQ_STR(p->source, "China Daily");
	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_STR(body(p), "From high-tech companies to carmakers, Beijing's influence is expanding.\n\n"
			  "Tus-Holdings has set up more than 300 innovation centers.");
	UT_EQ_STR(p->lead, "From high-tech companies to carmakers, Beijing's influence is expanding.");
	UT_EQ_INT(p->a.words, 18);
}

UT_TEST(article_xinhua_layout)
{
	Parsed	   *p = parse(
		"Interview: How Haidian backs tech firms\n\n"
		"Source: Xinhua| 2017-05-12 17:14:34|Editor: Zhang Dongmiao\nVideo PlayerClose\n\n"
		"BEIJING, May 12 (Xinhua) -- Haidian sees opportunity in the project.\n\n"
		"Yu Jun is the head of the district.");

	UT_EQ_STR(p->title, "Interview: How Haidian backs tech firms");
	UT_EQ_STR(p->source, "Xinhua");
	UT_EQ_STR(p->editor, "Zhang Dongmiao");
	UT_EQ_STR(p->dateline, "BEIJING, May 12 (Xinhua)");
	UT_EQ_INT(p->a.published.hour, 17);
	UT_EQ_INT(p->a.published.second, 34);
	UT_CHECK(p->a.published.has_time);
	UT_EQ_INT(p->a.chrome_removed, 1);
	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_STR(p->lead, "BEIJING, May 12 (Xinhua) -- Haidian sees opportunity in the project.");
}

UT_TEST(article_dateline_year_from_page)
{
	/* no page date: no published date, the dateline is still found */
	Parsed	   *p = parse("Orders rise\n\nWASHINGTON, Dec. 3 (Xinhua) -- Orders rose 1.3 percent.\n\nMore text.");

	UT_EQ_STR(p->dateline, "WASHINGTON, Dec. 3 (Xinhua)");
	UT_EQ_STR(p->source, "Xinhua");
	UT_CHECK(!p->a.has_published);
	/* an "Updated:" date gives the year; a December dateline on a January page is last year's */
	p = parse("Orders rise\n\nUpdated: 2022-01-04 10:00\n\nWASHINGTON, Dec. 30 (Xinhua) -- Orders rose.\n\nMore.");
	UT_CHECK(p->a.has_published);
	UT_EQ_INT(p->a.published.year, 2021);
	UT_EQ_INT(p->a.published.month, 12);
	UT_EQ_INT(p->a.published.day, 30);
	UT_CHECK(p->a.has_updated);
	UT_EQ_INT(p->a.updated.year, 2022);
	p = parse("Title here now\n\nHONG KONG (Reuters) - Shares fell.\n\nMore.");
	UT_EQ_STR(p->dateline, "HONG KONG (Reuters)");
	/* an agency without a place is the source, not a dateline (the page fixtures' convention) */
	p = parse("Title here now\n\n(ECNS) -- Trips rose 70.8 percent.\n\nMore.");
	UT_EQ_INT(p->a.dateline.len, 0);
	UT_EQ_STR(p->source, "ECNS");
	/* prose is not a dateline */
	p = parse("Title here now\n\nThe firm - a maker of cells - grew.\n\nMore.");
	UT_EQ_INT(p->a.dateline.len, 0);
}

UT_TEST(article_bylines)
{
	Parsed	   *p = parse("A headline for bylines\n\n- By Wang Lina\n\nText of the article.");

	UT_EQ_STR(p->author0, "Wang Lina");
	p = parse("A headline for bylines\n\nBy Chen Qing and Zhou Xin in Shanghai\n\nText of the article.");
	UT_EQ_STR(p->author0, "Chen Qing");
	UT_EQ_STR(p->author1, "Zhou Xin");
	p = parse("A headline for bylines\n\nBy Oswald Lam in Hong Kong | China Daily Global | Updated: 2021-09-02 08:15\n\nText.");
	UT_EQ_STR(p->author0, "Oswald Lam");
	UT_EQ_STR(p->source, "China Daily Global");
	UT_CHECK(p->a.has_updated);
	UT_EQ_INT(p->a.published.minute, 15);	/* published falls back on updated */
	p = parse("A headline for bylines\n\nAuthor: Li Hong, Zhao Yan & Mary-Jane O'Neil\n\nText.");
	UT_EQ_INT(p->a.authors.len, 3);
	UT_EQ_STR(p->author1, "Zhao Yan");
	/* prose that starts with "By" stays */
	p = parse("A headline for bylines\n\nBy 2025, the city plans 40 stations.\n\nBy Contrast Li said no.\n\nBy Monday, Li had left.");
	UT_EQ_INT(p->a.authors.len, 0);
	UT_EQ_INT(p->a.paragraphs, 3);
}

UT_TEST(article_meta_forms)
{
	Parsed	   *p = parse("Title of the piece\n\n(People's Daily Online) 15:13, May 08, 2023\n\nBody text here.\n\nWeb editor: Wu Chaolan");

	UT_EQ_STR(p->source, "People's Daily Online");
	UT_EQ_STR(p->editor, "Wu Chaolan");
	UT_EQ_INT(p->a.published.hour, 15);
	UT_EQ_INT(p->a.published.day, 8);
	p = parse("Title of the piece\n\nSource:Global Times Published: 2022/6/14 21:08:45\n\nBody text here.");
	UT_EQ_STR(p->source, "Global Times");
	UT_EQ_INT(p->a.published.month, 6);
	p = parse("Title of the piece\n\n2023-05-04 09:12:40 ECNS Editor: Li Yan\n\nBody text here.");
	UT_EQ_STR(p->source, "ECNS");
	UT_EQ_STR(p->editor, "Li Yan");
	p = parse("Title of the piece\n\nUpdated: Oct 8, 2018\n\nBody text here.");
	UT_EQ_INT(p->a.updated.month, 10);
	UT_EQ_INT(p->a.published.month, 10);
	p = parse("Title of the piece\n\nApril 2, 2020\n\nBody text here.");
	UT_EQ_INT(p->a.published.day, 2);
	UT_EQ_INT(p->a.paragraphs, 1);
	/* a Wikinews date line run into the first paragraph */
	p = parse("Title of the piece\n\nThursday, May 7, 2015 On Tuesday, the government announced a process.\n\nMore.");
	UT_EQ_INT(p->a.published.year, 2015);
	UT_EQ_STR(p->lead, "On Tuesday, the government announced a process.");
	/* a bare date inside the body is text */
	p = parse("Title of the piece\n\nBody text here.\n\nApril 2, 2020\n\nMore body.");
	UT_EQ_INT(p->a.paragraphs, 3);
}

UT_TEST(article_chrome)
{
	Parsed	   *p = parse(
		"Home | Business\nA headline about chrome\nPrint E-mail\nA A A\nShare: Facebook Twitter\n"
		"Real paragraph one.\n"
		"A worker checks cells in Wuxi. [Photo/Xinhua]\n"
		"Real paragraph two.\n"
		"Copyright 1995 - 2018 . All rights reserved.\n京ICP备05004340号-1\n"
		"Follow China Daily on Facebook and Twitter\nDownload the Xinhua app for the latest news\n"
		"Leave a comment\nPlease login to comment.\nNewspapers in English\n(China Daily 04/29/2019 page 14)\n");

	UT_EQ_STR(p->title, "A headline about chrome");
	UT_EQ_STR(body(p), "Real paragraph one.\n\nReal paragraph two.");
	UT_EQ_INT(p->a.chrome_removed, 13);
}

UT_TEST(article_never_drops_prose)
{
	/* sentences that start like chrome but are article text */
	const char *t =
		"A headline about prose\n\n"
		"Copyright holders sued the platform for 2 million yuan.\n\n"
		"Follow the money, investigators said on Monday.\n\n"
		"Download speeds on the app rose 40 percent.\n\n"
		"Newspapers in Britain reported the deal on Friday.\n\n"
		"Share prices rose 3 percent.\n\n"
		"Print media revenue fell.\n\n"
		"Related: the firm also cut 200 jobs, Li said.\n\n"
		"The image: a worker in a mask.";
	Parsed	   *p = parse(t);

	UT_EQ_INT(p->a.chrome_removed, 1);	/* only "Related: ..." is a link label */
	UT_EQ_INT(p->a.paragraphs, 7);
}

UT_TEST(article_trailing_blocks)
{
	Parsed	   *p = parse("Headline of wind farm\n\nThe farm opened.\n\nSources\n\n"
						  "\"Wind farm opens\" — Harbor Gazette, August 1, 2015\n\n"
						  "Categories: Energy Published");

	UT_EQ_INT(p->a.paragraphs, 1);
	UT_EQ_INT(p->a.chrome_removed, 3);
	/* a heading followed by prose is a real section */
	p = parse("Headline of wind farm\n\nThe farm opened.\n\nSources\n\nOfficials declined to name their sources.");
	UT_EQ_INT(p->a.paragraphs, 3);
}

UT_TEST(article_title_and_lead)
{
	/* a single sentence is body, not a title */
	Parsed	   *p = parse("Just one line of text");

	UT_EQ_INT(p->a.title.len, 0);
	UT_EQ_INT(p->a.paragraphs, 1);
	/* a first line that is prose: no title */
	p = parse("The company said on Monday that sales rose.\n\nMore text.");
	UT_EQ_INT(p->a.title.len, 0);
	UT_EQ_INT(p->a.paragraphs, 2);
	/* headlines that start with a symbol or a brand written in lower case */
	p = parse("$1m payoff for former chief\n\nThe firm paid $1m.");
	UT_EQ_STR(p->title, "$1m payoff for former chief");
	p = parse("iPhone sales rise 12%\n\nSales rose.");
	UT_EQ_STR(p->title, "iPhone sales rise 12%");
	p = parse("and then it rose\n\nSales rose.");
	UT_EQ_INT(p->a.title.len, 0);
	/* the lead passes over a caption-like subheading */
	p = parse("Hajj stampede kills hundreds\n\nThe Plains of Arafat on the day of Hajj\n\nOver 345 pilgrims died.");
	UT_EQ_STR(p->lead, "Over 345 pilgrims died.");
	UT_EQ_INT(p->a.paragraphs, 2);
}

UT_TEST(article_paragraph_layouts)
{
	/* wrapped paragraphs stay whole; CRLF line ends */
	Parsed	   *p = parse("Wrapped headline here\r\n\r\nFirst line\r\nsecond line.\r\n\r\nNext.\r\n");

	UT_EQ_STR(body(p), "First line\r\nsecond line.\n\nNext.");
	/* no blank lines: one paragraph per line */
	p = parse("Compact headline here\nSource:Global Times\nLine one.\nLine two.");
	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_STR(p->source, "Global Times");
}

UT_TEST(article_big_token)
{
	size_t		n = 1 << 20;
	char	   *t = malloc(n + 1);
	Parsed	   *p;

	memset(t, 'x', n);
	t[n] = '\0';
	p = parse(t);
	UT_EQ_INT(p->a.paragraphs, 1);
	UT_EQ_INT(p->a.words, 1);
	UT_EQ_INT(p->a.body.len, n);
	parse("");
	free(t);
}

UT_TEST(article_classify_line)
{
	UT_EQ_INT(at_classify_line("Print E-mail", 12), AT_LINE_CHROME);
	UT_EQ_INT(at_classify_line("  ", 2), AT_LINE_BLANK);
	UT_EQ_INT(at_classify_line("Editor: Li", 10), AT_LINE_META);
	UT_EQ_INT(at_classify_line("Li said so.", 11), AT_LINE_TEXT);
	UT_EQ_INT(at_count_words("Sales rose 9.8 % to $6.2 billion -- up", 38), 7);
}

UT_TEST(article_section_above_headline)
{
	/* a label above the headline is the section, not the title */
	Parsed	   *p = parse(
		"Home | Business\nNews and Policies\n\nCity opens new science park for startups\n\n"
		"Updated: Sep 29, 2017 China Daily Print\nShare - WeChat\nAdjust font size:\n\n"
		"The city opened a science park for young companies on Friday, officials said.\n\n"
		"Workers prepare the opening ceremony on Friday. [Photo/Xinhua]\n\n"
		"More than 300 startups have applied for space in the park, the officials said.\n\n"
		"User name required\nChinanews App Download\nCopyright\xc2\xa9" "2024 China Daily\n"
		"https://www.chinadaily.com.cn/a/201709/29/WS59cd.html\n");

	UT_EQ_STR(p->title, "City opens new science park for startups");
	UT_EQ_STR(p->section, "News and Policies");
	UT_EQ_STR(p->source, "China Daily");
	UT_EQ_INT(p->a.published.year, 2017);
	UT_EQ_INT(p->a.published.day, 29);
	UT_EQ_STR(p->url, "https://www.chinadaily.com.cn/a/201709/29/WS59cd.html");
	UT_EQ_INT(p->a.captions.len, 1);
	UT_EQ_STR(p->caption0, "Workers prepare the opening ceremony on Friday. [Photo/Xinhua]");
	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_STR(body(p), "The city opened a science park for young companies on Friday, officials said.\n\n"
			  "More than 300 startups have applied for space in the park, the officials said.");

	/* a breadcrumb names the section when no label does */
	p = parse("Home > News > Business\nStartups flock to the new science park\n"
			  "By Wang Lina | China Daily\nThe park opened on Friday, the city said.");
	UT_EQ_STR(p->section, "Business");
	UT_EQ_STR(p->title, "Startups flock to the new science park");
	UT_EQ_STR(p->author0, "Wang Lina");
}

UT_TEST(article_meta_with_widgets)
{
	/* widgets and counters between the fields of a metadata line */
	Parsed	   *p = parse("China rolls out new rules on data export\n"
						  "0 Comment(s)Print E-mail, March 30, 2021\nAdjust font size:\n\n"
						  "BEIJING, March 30 (Xinhua) -- China on Tuesday released rules, the regulator said.\n");

	UT_EQ_STR(p->title, "China rolls out new rules on data export");
	UT_EQ_INT(p->a.published.year, 2021);
	UT_EQ_INT(p->a.published.month, 3);
	UT_EQ_STR(p->dateline, "BEIJING, March 30 (Xinhua)");
	UT_EQ_INT(p->a.paragraphs, 1);
	UT_EQ_INT(p->a.chrome_removed, 1);
	/* a line of widgets alone carries no field: it stays chrome */
	UT_EQ_INT(at_classify_line("Print E-mail Share", 18), AT_LINE_CHROME);
	UT_EQ_INT(at_classify_line("0 Comment(s)Print E-mail, March 30, 2021", 40), AT_LINE_META);
}

UT_TEST(article_url_and_tags)
{
	Parsed	   *p = parse("Wind farm opens off the coast\n\nURL: http://example.com/news/wind-farm.html\n\n"
						  "The farm opened on Monday, the operator said.\n\nTags: energy, wind power\n");

	UT_EQ_STR(p->url, "http://example.com/news/wind-farm.html");
	UT_EQ_INT(p->a.tags.len, 2);
	UT_EQ_STR(p->tag0, "energy");
	UT_EQ_INT(p->a.paragraphs, 1);
	/* a sentence with a link in it is text */
	p = parse("Wind farm opens off the coast\n\nSee www.example.com for the report, it said.\n");
	UT_EQ_INT(p->a.url.len, 0);
	UT_EQ_INT(p->a.paragraphs, 1);
}

UT_TEST(article_bylines_without_by)
{
	/* names alone next to the date; a standfirst and bullets above them */
	Parsed	   *p = parse("China / Politics\n\nBeijing to cut red tape for start-ups\n\n"
						  "- The plan lets founders register online in one day\n"
						  "- Officials say the move will draw talent\n\n"
						  "Jane Chan and Tom Wu\n\nPublished: 9:00am, 3 Mar, 2023\n\n"
						  "Beijing will let entrepreneurs register companies online, the city said.\n");

	UT_EQ_STR(p->title, "Beijing to cut red tape for start-ups");
	UT_EQ_STR(p->section, "Politics");
	UT_EQ_INT(p->a.authors.len, 2);
	UT_EQ_STR(p->author1, "Tom Wu");
	UT_EQ_INT(p->a.published.hour, 9);
	/* a name and its role on one line, below a standfirst */
	p = parse("Rail fares to rise by 6 percent in March\n\n"
			  "Commuters face the steepest increase in a decade.\n\n"
			  "Jane Doe Transport correspondent\n\nWed 4 Jan 2023 07.00 GMT\n\n"
			  "Rail fares will rise by 5.9 percent from March, the government said.\n");
	UT_EQ_STR(p->title, "Rail fares to rise by 6 percent in March");
	UT_EQ_STR(p->author0, "Jane Doe");
	UT_EQ_INT(p->a.published.minute, 0);
	UT_EQ_INT(p->a.published.hour, 7);
	/* the standfirst between the headline and the byline is no paragraph */
	UT_EQ_INT(p->a.paragraphs, 1);
	UT_EQ_STR(p->lead, "Rail fares will rise by 5.9 percent from March, the government said.");
	/* a bare date in the body is still text */
	p = parse("Title of the piece\n\nBody text here.\n\nApril 2, 2020\n\nMore body.");
	UT_EQ_INT(p->a.paragraphs, 3);
}

UT_TEST(article_footer_fields)
{
	Parsed	   *p = parse("Factory output climbs as power curbs ease\n\nMarch 3, 2023 4:10 PM GMT+8 Updated 3 hours ago\n\n"
						  "TAIPEI, March 3 (Reuters) - Factory output rose 4 percent in February, it said.\n\n"
						  "Reporting by Anna Lee; Editing by Tom Park\n\n"
						  "Copyright \xc2\xa9 2023 CGTN. All rights reserved.\n");

	UT_EQ_STR(p->author0, "Anna Lee");
	UT_EQ_STR(p->editor, "Tom Park");
	UT_EQ_STR(p->source, "Reuters");
	UT_EQ_INT(p->a.published.hour, 16);
	UT_EQ_INT(p->a.paragraphs, 1);
	/* the copyright holder is the source of a page that names none; a
	 * section after the date; the headline repeated below the date */
	p = parse("Insurers cut exposure to property bonds\n\nBy Jane Wang / Mar 10, 2023 05:12 PM / Finance\n\n"
			  "Insurers cut exposure to property bonds\n\n"
			  "Chinese insurers cut holdings of developer bonds by a third, data showed.\n\n"
			  "Copyright \xc2\xa9 2023 CGTN. All rights reserved.\n");
	UT_EQ_STR(p->source, "CGTN");
	UT_EQ_STR(p->section, "Finance");
	UT_EQ_INT(p->a.paragraphs, 1);
}

UT_TEST(article_scraper_prefix_and_label_pairs)
{
	/* a scraper's date prefix glued to the first line: the page's date if it has none */
	Parsed	   *p = parse(" date 2024-03-08 A ferry route opened on Thursday, cutting the crossing to 35 minutes.\n\n"
						  "Two electric ferries serve it.\n");

	UT_EQ_INT(p->a.published.year, 2024);
	UT_EQ_INT(p->a.published.day, 8);
	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_STR(p->lead, "A ferry route opened on Thursday, cutting the crossing to 35 minutes.");
	/* labels above their values */
	p = parse("Grain output sets record despite floods in the north\nSource:\nXinhua\nEditor:\nLiu Xin\n"
			  "Updated\nJun 3, 2024, 08:15 PM\nPublished\nJun 3, 2024, 06:00 PM\n\n"
			  "China's grain output reached a record this year, officials said.\n");
	UT_EQ_STR(p->title, "Grain output sets record despite floods in the north");
	UT_EQ_STR(p->source, "Xinhua");
	UT_EQ_STR(p->editor, "Liu Xin");
	UT_EQ_INT(p->a.published.hour, 18);
	UT_EQ_INT(p->a.updated.hour, 20);
	UT_EQ_INT(p->a.authors.len, 0);
	UT_EQ_INT(p->a.paragraphs, 1);
}

UT_TEST(article_glued_fields)
{
	/* a source glued to the seconds, an editor glued to an app prompt */
	Parsed	   *p = parse("Port handles record car exports in first quarter\n"
						  "2024-04-18 09:15:42Xinhua Editor : Li Yan ECNS App Download\n\n"
						  "A port in Guangzhou shipped 310,000 cars abroad in the quarter, it said.\n");

	UT_EQ_STR(p->source, "Xinhua");
	UT_EQ_STR(p->editor, "Li Yan");
	UT_EQ_INT(p->a.published.second, 42);
	/* a name glued to its date; an outlet glued to its age */
	p = parse("Footbridge to open before Christmas\nMandy Ho12 Jun 2023 4:30 PM\n\n"
			  "A covered footbridge will open before Christmas, the department said.\n");
	UT_EQ_STR(p->author0, "Mandy Ho");
	UT_EQ_INT(p->a.published.hour, 16);
	p = parse("Village hall wins grant for solar panels\nBBC News4 hours ago\n"
			  "A village hall has won a grant to fit solar panels, its trustees said.\n");
	UT_EQ_STR(p->source, "BBC News");
	UT_EQ_INT(p->a.has_published, false);
	UT_EQ_INT(p->a.paragraphs, 1);
	/* a publisher's name followed by its app prompt is no source */
	p = parse("Libraries lend e-readers to older residents\n2023-10-09 16:40 Editor: Wang Qiu ECNS App Download\n\n"
			  "Public libraries have started lending e-readers to residents over 65.\n");
	UT_EQ_INT(p->a.source.len, 0);
	UT_EQ_STR(p->editor, "Wang Qiu");
}

UT_TEST(article_hard_wrapped)
{
	/* greedy wraps at one width: cut where the next word would have fitted */
	Parsed	   *p = parse("Buses to replace diesel fleet on island routes\nTuesday, 12 Sep 2023\n"
						  "KUALA LUMPUR: Penang will add 60 electric buses to its island\n"
						  "routes next year, replacing diesel buses that are more than 15\n"
						  "years old, the state transport committee said today.\n"
						  "Its chairman said the buses would be delivered in three batches\n"
						  "from March, with charging bays built at two depots.\n");

	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_STR(p->lead, "KUALA LUMPUR: Penang will add 60 electric buses to its island routes next year, "
			  "replacing diesel buses that are more than 15 years old, the state transport committee said today.");
	/* short paragraphs that each end a sentence are not a wrapped run */
	p = parse("Title of a short story here\n\nOne.\nThe second paragraph ends here.\nA third one ends too.\n");
	UT_EQ_INT(p->a.paragraphs, 1);
	p = parse("Title of a short story here\nThe first paragraph ends here.\nThe second paragraph ends here.\n");
	UT_EQ_INT(p->a.paragraphs, 2);
}

UT_TEST(article_footer_signatures)
{
	/* the last paragraph signed "(Yonhap)" stays; a repeated date and page labels go */
	Parsed	   *p = parse("Seoul to add night buses on four routes\nPublished : Jul 11, 2023 - 15:02\n\n"
						  "Seoul will add night buses on four routes from next month, the city said.\n\n"
						  "The city said ridership on night routes had doubled since 2021. (Yonhap)\n\n"
						  "Most Popular\n");

	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_INT(p->a.captions.len, 0);
	p = parse("Hydrogen bus line opens in Yanqing\nSource:\xe5\xa4\xae\xe8\xa7\x86\xe7\xbd\x91 05-08-20 14:32 Updated BJT\n\n"
			  "Beijing opened its first hydrogen bus line on Wednesday, officials said.\n\n"
			  "Editor: Zhang Rui\n05-08-20 14:32 BJT\nShare this:\n");
	UT_EQ_INT(p->a.published.year, 2020);
	UT_EQ_INT(p->a.published.month, 8);
	UT_EQ_INT(p->a.published.day, 5);
	UT_EQ_STR(p->source, "\xe5\xa4\xae\xe8\xa7\x86\xe7\xbd\x91");
	UT_EQ_STR(p->editor, "Zhang Rui");
	UT_EQ_INT(p->a.paragraphs, 1);
}

UT_TEST(article_fourth_round_kinds)
{
	/* a day-first publisher: "05-06-2024" is 5 June; elsewhere month first */
	Parsed	   *p = parse("Hawker centres to trial tray deposits\nStraits Times05-06-2024\n"
						  "Diners at three hawker centres will pay a deposit for trays from July.\n");

	UT_EQ_STR(p->source, "Straits Times");
	UT_EQ_INT(p->a.published.month, 6);
	UT_EQ_INT(p->a.published.day, 5);
	p = parse("Rail holiday traffic peaks\nSource: CCTV 05-06-2024\n"
			  "Railways carried a record number of passengers on Friday, operators said.\n");
	UT_EQ_INT(p->a.published.month, 5);
	UT_EQ_INT(p->a.published.day, 6);
	/* script residue opening with a closing quote and bracket; its blank lines are no paragraph breaks */
	p = parse("Ferry pier upgrade to add lifts\n\"); jQuery(\"#318 h3\").html(\"\n\n"
			  "\"); jQuery(document).ready(function() { var x = jwplayer(\"p\"); });\n"
			  "2024-02-06 HKT 09:15\nThree piers will get lifts, the department said on Tuesday.\n"
			  "The works are expected to take two years.\n");
	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_INT(p->a.published.day, 6);
	/* a NAME ROLE byline above the headline, a standfirst between the headline and the date */
	p = parse("Europe\nOwen Castell Transport editor\nNight trains return between Vienna and Rome\n"
			  "Operator says demand for sleepers has doubled\nTue 12 Mar 2024 14.05 GMT\n"
			  "A night train between Vienna and Rome will run again from December, the operator said.\n");
	UT_EQ_STR(p->title, "Night trains return between Vienna and Rome");
	UT_EQ_STR(p->author0, "Owen Castell");
	UT_EQ_INT(p->a.paragraphs, 1);
	/* the agency signing the last paragraph; the dateline's agency first */
	p = parse("Padi farmers to get early subsidy\nTuesday, 05 Mar 2024 3:45 PM MYT\n"
			  "ALOR SETAR, March 5 \xe2\x80\x94 Padi farmers will receive their subsidy two weeks earlier.\n"
			  "Payments will be made directly into farmers' bank accounts. \xe2\x80\x94 Bernama\n");
	UT_EQ_STR(p->source, "Bernama");
	p = parse("Rail tunnel works reach halfway mark\n05/03/2024 04:12 PM\n"
			  "KUALA LUMPUR, March 5 (Bernama) -- Tunnelling has reached the halfway mark, the company said.\n"
			  "-- BERNAMA\n");
	UT_EQ_STR(p->source, "Bernama");
	UT_EQ_INT(p->a.published.month, 3);
	UT_EQ_INT(p->a.published.day, 5);
	/* a circled-c copyright names the owner; an audio file's address is no page URL */
	p = parse("Palace night tours to open earlier\nBy Lee Soo-min\n"
			  "Night tours of a palace in Seoul will start two weeks earlier this year, officials said.\n"
			  "https://example.invalid/radio/news/20240819_english_1.mp3\n\xe2\x93\x92 Herald Corporation\n");
	UT_EQ_STR(p->source, "Herald Corporation");
	UT_EQ_STR(p->url, "");
	UT_EQ_INT(p->a.paragraphs, 1);
	/* dates in a list of other stories under the body are not the page's date */
	p = parse("Volunteers in Fujian have replanted mangroves along two kilometers of shoreline this spring.\n"
			  "MORE FROM CGTN\nVideo\n03:12, 14-Apr-2025\nVideo\n22:40, 13-Apr-2025\n");
	UT_CHECK(!p->a.has_published);
}

UT_TEST(article_fifth_round_kinds)
{
	/* a name on one line, a job title (not a name) on the next */
	Parsed	   *p = parse("World\nCoffee exporters turn to blends\nNguyen Lan Anh\nHanoi Bureau Chief\n"
						  "Published Aug 12, 2023, 6:00 am SGT\n\n"
						  "Exporters are blending robusta with small amounts of arabica, traders said.\n");

	UT_EQ_STR(p->title, "Coffee exporters turn to blends");
	UT_EQ_STR(p->author0, "Nguyen Lan Anh");
	UT_EQ_INT(p->a.authors.len, 1);
	/* NAME ROLE under the headline, next to the date: a byline, not the headline */
	p = parse("Wildlife\nOtters return to rivers in every county of England\n"
			  "Ruth Okafor Biodiversity correspondent\nWed 6 Sep 2023 00.01 BST\n\n"
			  "Otters have been recorded on rivers in every county of England, a survey found.\n");
	UT_EQ_STR(p->title, "Otters return to rivers in every county of England");
	UT_EQ_STR(p->author0, "Ruth Okafor");
	UT_EQ_INT(p->a.paragraphs, 1);
	/* the section named by a label under the headline, bulleted or not */
	p = parse("Ferry operator adds winter sailings\n  \xe2\x80\xa2 12 December 2014\n  \xe2\x80\xa2 From the section Scotland\n\n"
			  "A ferry operator is to add winter sailings on three island routes, it said.\n");
	UT_EQ_STR(p->section, "Scotland");
	UT_EQ_INT(p->a.paragraphs, 1);
	p = parse("Elderly residents to get free flu jabs\n- Scheme extended to 120 centres\nTopic | Health and wellness\n"
			  "Elizabeth Cheung\nPublished: 11:30am, 18 Oct, 2023\n\n"
			  "Residents aged 65 and over will get a free flu vaccine, officials said.\n");
	UT_EQ_STR(p->title, "Elderly residents to get free flu jabs");
	UT_EQ_STR(p->section, "Health and wellness");
	/* a topic headline over its standfirst; alt text without a full stop over its credited caption */
	p = parse("Karnataka Floods | Bridge on state highway washed away\n"
			  "Traffic diverted through two villages as repair work begins\n"
			  "July 30, 2024 09:20 am | Updated 10:05 am IST - MANGALURU\n"
			  "A washed-out bridge near Sullia on Monday, July 29, 2024\n"
			  "A washed-out bridge near Sullia on Monday, July 29, 2024 | Photo Credit: Special Arrangement\n\n"
			  "A bridge on the state highway near Sullia was washed away on Monday night.\n");
	UT_EQ_STR(p->title, "Karnataka Floods | Bridge on state highway washed away");
	UT_EQ_INT(p->a.captions.len, 2);
	UT_EQ_INT(p->a.paragraphs, 1);
	/* a photo's agency credit between two paragraphs credits the photo, not the article */
	p = parse("Shipbuilders hire foreign welders\nBy Choi Ji-won\n"
			  "South Korean shipbuilders are hiring welders from Vietnam and Indonesia, officials said.\n(Yonhap)\n"
			  "The three largest yards have orders for more than three years of work, they said.\n"
			  "Copyright Herald Corporation. All rights reserved.\n");
	UT_EQ_STR(p->source, "Herald Corporation");
	UT_EQ_INT(p->a.paragraphs, 2);
	UT_EQ_INT(p->a.captions.len, 0);
	/* under the headline it credits the article */
	p = parse("Textile exporters shift orders inland\n(Xinhua)\n08:11, October 23, 2012\n"
			  "Garment makers in coastal provinces are moving more orders to inland factories.\n");
	UT_EQ_STR(p->source, "Xinhua");
	/* a reseller's bracketed notice, then the agency's own; the notice's wrapped tail */
	p = parse("Copper slips as warehouse stocks rise\nBy Martin Kessler\n"
			  "Copper prices fell on Wednesday after stocks in warehouses in Asia rose.\n"
			  "[\xc2\xa9 2015 Thomson Reuters. All rights reserved.] Copyright 2015 Reuters. All rights reserved. This material may not be published,\n"
			  "broadcast, rewritten or redistributed.\n");
	UT_EQ_STR(p->source, "Reuters");
	UT_EQ_INT(p->a.paragraphs, 1);
	/* a feed reader's envelope: the section in the feed's title, the envelope line is no headline */
	p = parse("Article 3PW7 Bus operator to buy 200 electric buses\nBus operator to buy 200 electric buses\n\n"
			  "from Business | The Guardian on (#3PW7)\n\n"
			  "A bus operator has ordered 200 electric double-decker buses, it said on Monday.\n");
	UT_EQ_STR(p->title, "Bus operator to buy 200 electric buses");
	UT_EQ_STR(p->section, "Business");
	UT_EQ_STR(p->source, "The Guardian");
	UT_EQ_INT(p->a.paragraphs, 1);
	/* a news bar of several headlines above the headline is no topic headline */
	p = parse("HURRICANE IDA: Live updates | Power still out in New Orleans | Levees held\n"
			  "Ferry service resumes after engine fault\nBy Sam Okoye\nSeptember 2, 2021, 6:15 PM\n"
			  "SEATTLE (AP) \xe2\x80\x94 Ferry service resumed on Thursday evening after an engine fault.\n");
	UT_EQ_STR(p->title, "Ferry service resumes after engine fault");
}
