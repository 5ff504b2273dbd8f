/*
 * The cheap gates in front of chrome.c's patterns (may_be_chrome,
 * may_be_legal, caption_shape) must pass every line the pattern matches:
 * one line per alternative of each pattern, some with non-ASCII spaces,
 * quotes and case-folded letters.  The unit tests are built with
 * AT_COUNT_STEPS, in which at_chrome_line() also tries the pattern on each
 * line its gate rejects and aborts on a match, so these tests (and every
 * other test that classifies a line) fail when a gate misses a word added
 * to a pattern.
 */
#include "unit.h"
#include "../../src/engine/chrome.h"

static AtChromeKind
kind(const char *line)
{
	return at_chrome_line(line, 0, strlen(line), NULL);
}

UT_TEST(chrome_gates_pass_pattern_lines)
{
	static const char *const lines[] = {
		/* re_chrome, one line per alternative */
		"Copyright \xc2\xa9 2024 Example Media Group",
		"\xc2\xa9 2024 Example Media Group",
		"Please follow our reporters on Twitter for updates",
		"Download the Example News app to read offline",
		"Join our channel on Telegram for breaking stories",
		"(This article was first published on Example Weekly)",
		"Image source, Getty Images",
		"Scan the QR code to read the report",
		"Available on the App Store and Google Play",
		"Leave a comment below the report",
		"Please log in to comment on the report",
		"Comments are moderated before they appear",
		"42 comments",
		"Click here to subscribe to the bulletin",
		"Video player is loading",
		"Loaded: 0%",
		"Current time 0:00",
		"01:23 / 04:56",
		"Your browser does not support the video tag",
		"Newspapers in English",
		"Tags: economy, trade",
		"Read more: the full report",
		"Sign up for breaking alerts",
		"Have an opinion on this report?",
		"Homepage > World",
		"Hotline: 400 123 4567",
		"Contact us: desk@example.com",
		"(Example Daily 03/12/2021 page 4)",
		"5 min read",
		"Our standards: the editorial code",
		"Why you can trust our reporting",
		"Get our weekly business newsletter delivered free",
		"Best viewed at a screen resolution of 1024x768",
		"Example Online is Example Group's official English news website",
		"Example Online is Example Group\xe2\x80\x99s new media platform",
		"Example Online\xc2\xa0is\xc2\xa0" "Example Group's mobile edition",
		"(With inputs from agencies)",
		"editor@example.com",
		"\xe2\x84\xaa" "eywords: trade",	/* KELVIN SIGN folds to "k" */
		"Filed under: Business",
		/* re_legal */
		"Every one of the rights is reserved: all rights reserved",
		"Reproduction of this content without written permission is prohibited",
		"If there is any infringement, let the editors know",
		"Please contact us at desk@example.com for reprints",
		"Licence No 123456 of the broadcaster",
		/* re_caption */
		"A worker checks cells in Wuxi. [Photo/Xinhua]",
		"Visitors at the fair. (Xinhua/Li Ming)",
		"Visitors at the fair. Photo: Li Ming",
		"Visitors at the fair. Credits: Li Ming",
		"Visitors at the fair. Photo by Li Ming",
		"Visitors at the fair. /Li Ming",
		"Visitors at the fair. Ti Gong",
		"Visitors at the fair. Getty Images",
		"Visitors at the fair. (Yonhap)",
		"Visitors at the fair.\xc2\xa0Photo:\xc2\xa0Li Ming",
		"Visitors at the fair.\xe2\x80\x9d /\xc2\xa0Li Ming",
		"Visitors at the fair \xe3\x80\x90Photo\xe3\x80\x91",
	};

	for (size_t i = 0; i < AT_LENGTHOF(lines); i++)
		if (kind(lines[i]) == AT_CHROME_NONE)
			ut_fail(__FILE__, __LINE__, "a chrome pattern's line is not chrome: \"%s\"", lines[i]);
}

UT_TEST(chrome_gates_keep_prose)
{
	/* prose with the bytes the gates look for stays text */
	UT_EQ_INT(kind("Sales rose by 5% to 1bn pounds in 2004, the firm said."), AT_CHROME_NONE);
	UT_EQ_INT(kind("He told reporters: \"We will fight on.\""), AT_CHROME_NONE);
	UT_EQ_INT(kind("Trading opened at 10:30 and/or closed early."), AT_CHROME_NONE);
	UT_EQ_INT(kind("This is the company's new strategy for growth, officials said."), AT_CHROME_NONE);
	UT_EQ_INT(kind("The film was directed by Ang Lee (Taiwan)"), AT_CHROME_NONE);
	UT_EQ_INT(kind("Human rights groups contacted the ministry."), AT_CHROME_NONE);
}
