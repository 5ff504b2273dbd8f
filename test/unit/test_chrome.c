/*
 * Unit tests of the shared chrome-line classifier (src/engine/chrome.c).
 */
#include "unit.h"
#include "../../src/engine/chrome.h"
#include "../../src/engine/lineset.h"

#include <stdio.h>

#include <stdlib.h>

static AtChromeKind
kind(const char *line)
{
	return at_chrome_line(line, 0, strlen(line), NULL);
}

UT_TEST(chrome_lines_by_kind)
{
	/* widgets, forms and prompts, whatever the site's exact words */
	UT_EQ_INT(kind("Share - WeChat"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("Adjust font size:"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("User name required"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("Chinanews App Download"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("Go to Forum >>0 Comment(s)"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("Print E-mail"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("Video PlayerClose"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("Back to top"), AT_CHROME_NAV);
	UT_EQ_INT(kind("Follow Reuters on Twitter"), AT_CHROME_WIDGET);
	UT_EQ_INT(kind("\xc2\xb7 Facebook \xc2\xb7 Twitter \xc2\xb7 LinkedIn"), AT_CHROME_WIDGET);
	/* footers */
	UT_CHECK(kind("Copyright\xc2\xa9" "2024 China Daily") != AT_CHROME_NONE);
	UT_EQ_INT(kind("Copyright 1995 - 2018 . All rights reserved."), AT_CHROME_LEGAL);
	UT_EQ_INT(kind("Tel: +86 10 6499 5000"), AT_CHROME_LEGAL);
	UT_EQ_INT(kind("\xe4\xba\xac" "ICP\xe5\xa4\x87" "05004340\xe5\x8f\xb7-1"), AT_CHROME_LEGAL);
	/* breadcrumbs */
	UT_EQ_INT(kind("Home > News > China"), AT_CHROME_NAV);
	UT_EQ_INT(kind("World \xc2\xbb Asia-Pacific"), AT_CHROME_NAV);
	UT_EQ_INT(kind("Opinion / Columnists"), AT_CHROME_NAV);
	UT_EQ_INT(kind("Home | Business"), AT_CHROME_NAV);
	/* captions and markup */
	UT_EQ_INT(kind("A worker checks cells in Wuxi. [Photo/Xinhua]"), AT_CHROME_CAPTION);
	UT_EQ_INT(kind("* * *"), AT_CHROME_MARKUP);
	/* paywall, ad-block and billing lines */
	UT_CHECK(kind("Unable to view this article?") != AT_CHROME_NONE);
	UT_CHECK(kind("This could be due to a conflict with your ad-blocking or security software.") != AT_CHROME_NONE);
	UT_CHECK(kind("This is a Premium article available exclusively to our subscribers.") != AT_CHROME_NONE);
	UT_CHECK(kind("Already a subscriber? Log in") != AT_CHROME_NONE);
	UT_CHECK(kind("Update payment details") != AT_CHROME_NONE);
	UT_CHECK(kind("You can follow BBC Shropshire on Facebook, X (Twitter), or Instagram.") != AT_CHROME_NONE);
	/* labels and widgets of other scripts; script residue */
	UT_EQ_INT(kind("\xec\x9d\xb4 \xea\xb8\xb0\xec\x82\xac\xeb\xa5\xbc \xea\xb3\xb5\xec\x9c\xa0\xed\x95\xa9\xeb\x8b\x88\xeb\x8b\xa4"), AT_CHROME_NAV);
	UT_CHECK(kind("\xe9\x98\x85\xe8\xaf\xbb\xe6\x9b\xb4\xe5\xa4\x9a(Read More)") != AT_CHROME_NONE);
	UT_CHECK(kind("var playerInstance = jwplayer(\"rthk-player\");") != AT_CHROME_NONE);
	UT_CHECK(kind("{\"type\":2,\"value\":\"CGTN\"}") != AT_CHROME_NONE);
	/* browser notes and comment-moderation notices of a footer */
	UT_CHECK(kind("Note: Browsers with 1024*768 or higher resolution are suggested for this site.") != AT_CHROME_NONE);
	UT_CHECK(kind("Web browsers at 1280x800 resolution or higher give the best view") != AT_CHROME_NONE);
	UT_CHECK(kind("Racist, abusive and off-topic comments may be removed by the moderator.") != AT_CHROME_NONE);
	UT_CHECK(kind("Comments containing personal attacks will be deleted without notice.") != AT_CHROME_NONE);
	/* a photo credit glued to its alt text; a caption closed by a bracketed agency */
	UT_CHECK(kind("Station platform with stairs Image copyright PA") != AT_CHROME_NONE);
	UT_EQ_INT(kind("Villagers wade through a flooded street, Aug 15, 2011. [AFP]"), AT_CHROME_CAPTION);
	UT_EQ_INT(kind("Officials said the image copyright belonged to the agency."), AT_CHROME_NONE);
	UT_CHECK(kind("broadcast, rewritten or redistributed.") != AT_CHROME_NONE);
}

UT_TEST(chrome_scraper_prefix)
{
	AtDate		d;
	const char *t = " date 2023-04-11 Subscription Notification";

	UT_EQ_INT(at_scraper_prefix(t, 0, strlen(t), &d), 17);
	UT_EQ_INT(d.day, 11);
	t = "date 2023-04 Headline";
	UT_EQ_INT(at_scraper_prefix(t, 0, strlen(t), &d), 13);
	UT_EQ_INT(d.has_day, false);
	t = "date 2023-04-11x";
	UT_EQ_INT(at_scraper_prefix(t, 0, strlen(t), NULL), 0);
	t = "Update 2023-04-11 Headline";
	UT_EQ_INT(at_scraper_prefix(t, 0, strlen(t), NULL), 0);
}

UT_TEST(chrome_never_text)
{
	/* sentences and headlines that use chrome words */
	UT_EQ_INT(kind("Share prices rose 3 percent."), AT_CHROME_NONE);
	UT_EQ_INT(kind("Share prices rise"), AT_CHROME_NONE);
	UT_EQ_INT(kind("App downloads surge"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Apple App Store"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Tencent WeChat Pay"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Photos | Time-tripping steam train in southwest China"), AT_CHROME_NONE);
	UT_EQ_INT(kind("By Liang Kaiyan | China Daily"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Source: Xinhua| 2017-05-12 17:14:34|Editor: Zhang Dongmiao"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Copyright holders sued the platform for 2 million yuan."), AT_CHROME_NONE);
	UT_EQ_INT(kind("News and Policies"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Capital's tech industrial influence goes global"), AT_CHROME_NONE);
	/* a currency sign of another script is no label; a sentence about paywalls is text */
	UT_EQ_INT(kind("\xc2\xbd \xe5\x85\x83 \xef\xbc\x85 \xe2\x88\x92" "5"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Publishers say paywalls cost them readers, a survey found."), AT_CHROME_NONE);
	UT_EQ_INT(kind("Policy"), AT_CHROME_NONE);
	/* sentences about browsers and moderation are text */
	UT_EQ_INT(kind("Browsers will soon block cookies from other sites, the company said."), AT_CHROME_NONE);
	UT_EQ_INT(kind("The platform said comments may be removed if they break its rules."), AT_CHROME_NONE);
	UT_EQ_INT(kind(""), AT_CHROME_NONE);
}

UT_TEST(chrome_items_and_captions)
{
	const char *m = "0 Comment(s)Print E-mail, March 30, 2021";
	const char *c = "Tourists visit the pagoda in Xi'an, May 1, 2023. (Photo: China News Service/Zhang Yuan)";

	UT_EQ_INT(at_chrome_item_at(m, strlen(m), 0), 12);
	UT_EQ_INT(at_chrome_item_at(m, strlen(m), 12), 5);
	UT_EQ_INT(at_chrome_item_at(m, strlen(m), 18), 6);
	UT_EQ_INT(at_chrome_item_at("Printing", 8, 0), 0);
	UT_EQ_INT(at_chrome_item_at("12 days", 7, 0), 0);
	UT_EQ_INT(at_chrome_caption_end(c, 0, strlen(c)), 48);
	UT_EQ_INT(at_chrome_caption_end("[Photo/Xinhua]", 0, 14), 0);
}

UT_TEST(chrome_spans_by_position)
{
	const char *t =
		"Home > Business\n"
		"Markets\n"
		"Print E-mail\n"
		"A headline about the spans\n"
		"The first paragraph is long enough to be prose, it said.\n\n"
		"The last paragraph is long enough to be prose as well.\n\n"
		"Related stories\n\n"
		"Another headline elsewhere\n\n"
		"Hot topics\n"
		"Share - WeChat\n";
	AtVec		spans;
	AtChromeCursor cur;

	at_vec_init(&spans, &at_malloc_mem, sizeof(AtSpan));
	UT_EQ_INT(at_chrome_spans(t, strlen(t), &spans), AT_OK);
	/* the breadcrumb, the label between chrome, the widgets, the tail block */
	UT_EQ_INT(spans.len, 7);
	UT_EQ_SPAN(t, AT_VEC_AT(&spans, AtSpan, 1)->start, AT_VEC_AT(&spans, AtSpan, 1)->len, "Markets");
	UT_EQ_SPAN(t, AT_VEC_AT(&spans, AtSpan, 3)->start, AT_VEC_AT(&spans, AtSpan, 3)->len, "Related stories");
	cur.spans = &spans;
	cur.next = 0;
	UT_CHECK(at_chrome_cursor_in(&cur, 0));
	UT_CHECK(!at_chrome_cursor_in(&cur, (size_t) (strstr(t, "A headline") - t)));
	UT_CHECK(!at_chrome_cursor_in(&cur, (size_t) (strstr(t, "The last") - t)));
	UT_CHECK(at_chrome_cursor_in(&cur, (size_t) (strstr(t, "WeChat") - t)));
	UT_CHECK(!at_chrome_cursor_in(&cur, strlen(t)));
	free(spans.data);
}

UT_TEST(chrome_story_list_footer)
{
	/* "MORE <Section> NEWS" and "POPULAR NEWS": teasers and headlines under them */
	const char *t =
		"A headline about the footer\n"
		"The first paragraph is long enough to be prose, it said.\n"
		"The last paragraph is long enough to be prose as well.\n"
		"MORE Science & Culture NEWS\n"
		"A teaser of another story ends with its agency. (NHK)\n"
		"POPULAR NEWS\n"
		"Another headline elsewhere\n"
		"Latest headlines\n"
		"A third headline\n";
	AtVec		spans;

	at_vec_init(&spans, &at_malloc_mem, sizeof(AtSpan));
	UT_EQ_INT(at_chrome_spans(t, strlen(t), &spans), AT_OK);
	UT_EQ_INT(spans.len, 6);
	UT_EQ_SPAN(t, AT_VEC_AT(&spans, AtSpan, 0)->start, AT_VEC_AT(&spans, AtSpan, 0)->len,
			   "MORE Science & Culture NEWS");
	free(spans.data);
	/* a heading that only begins like one is not: "More people ..." */
	t = "A headline about the footer\n"
		"The first paragraph is long enough to be prose, it said.\n"
		"More people than ever read the news\n";
	at_vec_init(&spans, &at_malloc_mem, sizeof(AtSpan));
	UT_EQ_INT(at_chrome_spans(t, strlen(t), &spans), AT_OK);
	UT_EQ_INT(spans.len, 0);
	free(spans.data);
}

UT_TEST(chrome_lines_counter)
{
	/* 1000 pages: a template line on 60% of them, another on 30%, every
	 * other line unique; the counter prunes as it goes */
	AtLineCounter c;
	AtVec		res;
	char		page[256];
	size_t		peak = 0;

	at_line_counter_init(&c, &at_malloc_mem, 0.5);
	for (int i = 0; i < 1000; i++)
	{
		int			n = snprintf(page, sizeof(page), "Headline number %d\n%s%s  Body line %d of the page.\n",
								 i, i % 10 < 6 ? "Share  this\n" : "", i % 10 < 3 ? "Rare line\n" : "", i);

		at_line_counter_add_page(&c, page, (size_t) n);
		peak = AT_MAX(peak, c.set.n);
	}
	at_vec_init(&res, &at_malloc_mem, sizeof(const AtLineEntry *));
	at_line_counter_result(&c, &res);
	UT_EQ_INT(res.len, 1);
	UT_EQ_SPAN((*AT_VEC_AT(&res, const AtLineEntry *, 0))->text, 0,
			   (*AT_VEC_AT(&res, const AtLineEntry *, 0))->len, "Share this");
	UT_CHECK(peak < 200);		/* unique lines are pruned, not kept */
	free(res.data);
	at_line_set_free(&c.set);

	/* a small table is counted exactly: a line on 2 of 4 pages is half */
	at_line_counter_init(&c, &at_malloc_mem, 0.5);
	at_line_counter_add_page(&c, "a\nb", 3);
	at_line_counter_add_page(&c, "a\nc", 3);
	at_line_counter_add_page(&c, "d\nb\nb", 5);
	at_line_counter_add_page(&c, "e", 1);
	at_vec_init(&res, &at_malloc_mem, sizeof(const AtLineEntry *));
	at_line_counter_result(&c, &res);
	UT_EQ_INT(res.len, 2);		/* "a" and "b" (b counted once on its page) */
	free(res.data);
	at_line_set_free(&c.set);
}
