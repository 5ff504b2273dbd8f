/*
 * Unit tests of the text search tokenizer (src/engine/tokenizer.h) and of
 * the canonical lexemes of money, percentages and dates (ftsnorm.h).
 *
 * The expected tokens of the default-parser types are what PostgreSQL 15's
 * default parser returns for the same text (checked with ts_parse).
 */
#include "unit.h"
#include "../../src/engine/dates.h"
#include "../../src/engine/ftsnorm.h"
#include "../../src/engine/metrics.h"
#include "../../src/engine/tokenizer.h"

#include <stdlib.h>

/* "alias:token|alias:token|..." of a text */
static char *
tokens(const char *s, unsigned flags)
{
	static char out[8192];
	size_t		o = 0,
				st,
				len;
	int			type;
	AtTokenizer t;

	at_tok_init(&t, s, strlen(s), flags);
	out[0] = '\0';
	while ((type = at_tok_next(&t, &st, &len)) > 0 && o < sizeof(out) - 64)
		o += snprintf(out + o, sizeof(out) - o, "%s%s:%.*s", o ? "|" : "",
					  at_tok_types[type].alias, (int) len, s + st);
	return out;
}

/*
 * Every byte is in some token: walking the tokens that are not compounds
 * (CJK pairs overlap by one character) covers the text without gaps.
 */
static bool
covers(const char *s, size_t n, unsigned flags, size_t *longest)
{
	AtTokenizer t;
	size_t		cur = 0,
				st,
				len;
	int			type;

	*longest = 0;
	at_tok_init(&t, s, n, flags);
	while ((type = at_tok_next(&t, &st, &len)) > 0)
	{
		if (len > *longest)
			*longest = len;
		if (len == 0)
			return false;
		if (at_tok_is_compound(type))
			continue;
		if (st > cur)
			return false;		/* a gap */
		if (st + len > cur)
			cur = st + len;
	}
	return cur == n;
}

UT_TEST(tok_default_words_and_hyphens)
{
	UT_EQ_STR(tokens("state-of-the-art e-mail", 0),
			  "asciihword:state-of-the-art|hword_asciipart:state|blank:-|hword_asciipart:of|blank:-|"
			  "hword_asciipart:the|blank:-|hword_asciipart:art|blank: |asciihword:e-mail|"
			  "hword_asciipart:e|blank:-|hword_asciipart:mail");
	UT_EQ_STR(tokens("covid-19 19-year-old café", 0),
			  "asciiword:covid|int:-19|blank: |uint:19|blank:-|asciihword:year-old|"
			  "hword_asciipart:year|blank:-|hword_asciipart:old|blank: |word:café");
}

UT_TEST(tok_default_urls_hosts_email)
{
	UT_EQ_STR(tokens("See www.example.com/a/b.html?x=1 or http://x.org:80/p", 0),
			  "asciiword:See|blank: |url:www.example.com/a/b.html?x=1|host:www.example.com|"
			  "url_path:/a/b.html?x=1|blank: |asciiword:or|blank: |protocol:http://|"
			  "url:x.org:80/p|host:x.org:80|url_path:/p");
	UT_EQ_STR(tokens("Mail j.smith@mail.com now", 0),
			  "asciiword:Mail|blank: |email:j.smith@mail.com|blank: |asciiword:now");
	/* a host needs a final label of two letters; "U.S" is a file name */
	UT_EQ_STR(tokens("the U.S. index.html ~/x ../y", 0),
			  "asciiword:the|blank: |file:U.S|blank:. |host:index.html|blank: ~|file:/x|"
			  "blank: ..|file:/y");
}

UT_TEST(tok_default_numbers)
{
	UT_EQ_STR(tokens("v1.2.3 1.5 -3 +4.5 2e10 -1.2.3 1e", 0),
			  "file:v1.2.3|blank: |float:1.5|blank: |int:-3|blank: |float:+4.5|blank: |"
			  "sfloat:2e10|blank: |blank:-|version:1.2.3|blank: |numword:1e");
}

UT_TEST(tok_default_markup)
{
	UT_EQ_STR(tokens("<b class=\"x\">bold</b> &amp; &#x26; <!-- c --> x", 0),
			  "tag:<b class=\"x\">|asciiword:bold|tag:</b>|blank: |entity:&amp;|blank: |"
			  "entity:&#x26;|blank: |tag:<!-- c -->|blank: |asciiword:x");
	/* script bodies are blank */
	UT_EQ_STR(tokens("<script>var a-1;</script>ok", 0),
			  "tag:<script>|blank:var a-1;|tag:</script>|asciiword:ok");
}

UT_TEST(tok_news_names)
{
	UT_EQ_STR(tokens("Xi Jinping met Bank of China staff", AT_TOK_NEWS),
			  "name:Xi Jinping|asciiword:Xi|blank: |asciiword:Jinping|blank: |asciiword:met|blank: |"
			  "name:Bank of China|asciiword:Bank|blank: |asciiword:of|blank: |asciiword:China|"
			  "blank: |asciiword:staff");
	UT_EQ_STR(tokens("Jean-Claude Juncker", AT_TOK_NEWS),
			  "name:Jean-Claude Juncker|asciihword:Jean-Claude|hword_asciipart:Jean|blank:-|"
			  "hword_asciipart:Claude|blank: |asciiword:Juncker");
	/* sentence starts and function words are not names */
	UT_EQ_STR(tokens("The Company. In China", AT_TOK_NEWS),
			  "asciiword:The|blank: |asciiword:Company|blank:. |asciiword:In|blank: |asciiword:China");
	/* a name ends where the default parser ends a word: not inside a host */
	UT_EQ_STR(tokens("Xi Jinping.com", AT_TOK_NEWS),
			  "asciiword:Xi|blank: |host:Jinping.com");
}

UT_TEST(tok_news_money_percent_date)
{
	UT_EQ_STR(tokens("hit 3,000 billion yuan.", AT_TOK_NEWS),
			  "asciiword:hit|blank: |money:3,000 billion yuan|uint:3|blank:,|uint:000|blank: |"
			  "asciiword:billion|blank: |asciiword:yuan|blank:.");
	UT_EQ_STR(tokens("US$42.5 billion", AT_TOK_NEWS),
			  "money:US$42.5 billion|asciiword:US|blank:$|float:42.5|blank: |asciiword:billion");
	/* the blank before a currency symbol stops there */
	UT_EQ_STR(tokens("a $5bn", AT_TOK_NEWS),
			  "asciiword:a|blank: |money:$5bn|blank:$|numword:5bn");
	/* a blank cut at the end of a compound goes on as blank */
	UT_EQ_STR(tokens("up 11%.. ok", AT_TOK_NEWS),
			  "asciiword:up|blank: |percent:11%|uint:11|blank:%|blank:.. |asciiword:ok");
	UT_EQ_STR(tokens("on Oct 8, 2018 and 2018.10.08", AT_TOK_NEWS),
			  "asciiword:on|blank: |date:Oct 8, 2018|asciiword:Oct|blank: |uint:8|blank:, |uint:2018|"
			  "blank: |asciiword:and|blank: |date:2018.10.08|version:2018.10.08");
}

UT_TEST(tok_news_cjk)
{
	UT_EQ_STR(tokens("中国经济 and 中 ok", AT_TOK_NEWS),
			  "cjk:中国|cjk:国经|cjk:经济|blank: |asciiword:and|blank: |cjk:中|blank: |asciiword:ok");
	/* without news types CJK is a word, as in the default parser */
	UT_EQ_STR(tokens("中国经济", 0), "word:中国经济");
}

UT_TEST(tok_limits)
{
	size_t		n = 3 * 1000 * 1000,
				longest;
	char	   *big = malloc(n + 1);

	/* empty text: no token */
	UT_EQ_STR(tokens("", AT_TOK_NEWS), "");

	/* a 3 MB word comes as blank pieces of at most 2047 bytes */
	memset(big, 'a', n);
	big[n] = '\0';
	UT_CHECK(covers(big, n, AT_TOK_NEWS, &longest));
	UT_CHECK(longest <= AT_TOK_MAX_LEN);

	/* 2047 bytes is still a word */
	UT_CHECK(strncmp(tokens(big + n - 2047, 0), "asciiword:", 10) == 0);

	/* junk: nested tag starts, comments that never end, long hosts */
	for (size_t i = 0; i < n; i++)
		big[i] = "<a <!--'\"\\x.-@:/é中$1%"[i % 21];
	UT_CHECK(covers(big, n, AT_TOK_NEWS, &longest));
	UT_CHECK(covers(big, n, 0, &longest));
	for (size_t i = 0; i + 2 <= n; i += 2)
		memcpy(big + i, "a.", 2);
	UT_CHECK(covers(big, n, AT_TOK_NEWS, &longest));
	UT_CHECK(longest <= AT_TOK_MAX_LEN);
	free(big);
}

UT_TEST(tok_covers_random_text)
{
	const char *alpha[] = {"a", "Z", "9", ".", "-", "_", "@", ":", "/", "~", "&", "#", ";",
		"<", ">", "!", "?", "'", "\"", "\\", " ", "\n", "+", "e", "%", "$", ",", "é", "—",
	"中", "国", "\xcc\x81", "http://", "<!--", "-->", "<script>", "US$", " billion", " yuan", "Oct 8, 2018"};
	char		buf[256];
	size_t		longest;

	srand(5);
	for (int i = 0; i < 20000; i++)
	{
		size_t		o = 0;
		int			k = 1 + rand() % 12;

		for (int j = 0; j < k; j++)
		{
			const char *a = alpha[rand() % AT_LENGTHOF(alpha)];

			memcpy(buf + o, a, strlen(a));
			o += strlen(a);
		}
		buf[o] = '\0';
		if (!covers(buf, o, AT_TOK_NEWS, &longest) || !covers(buf, o, 0, &longest))
		{
			UT_EQ_STR(buf, "(every byte in a token)");
			break;
		}
	}
}

UT_TEST(ftsnorm_canonical_lexemes)
{
	AtFtsCanon	c;
	static const char *const same_money[] = {"3 trillion yuan", "3,000 billion yuan", "RMB 3 trillion"};
	static const char *const same_usd[] = {"$42.5 billion", "US$42.5 billion", "42.5 billion U.S. dollars"};
	static const char *const same_pct[] = {"11 percent", "11 per cent", "11%"};
	static const char *const same_date[] = {"Oct 8, 2018", "2018-10-08", "2018.10.08", "October 8, 2018"};

	for (size_t i = 0; i < AT_LENGTHOF(same_money); i++)
	{
		UT_CHECK(at_fts_canon(same_money[i], strlen(same_money[i]), &c));
		UT_EQ_STR(c.id, "cny:3000000000000");
		UT_EQ_INT(c.nspelled, 3);
		UT_EQ_STR(c.spelled[0], "3");
		UT_EQ_STR(c.spelled[1], "trillion");
		UT_EQ_STR(c.spelled[2], "yuan");
	}
	for (size_t i = 0; i < AT_LENGTHOF(same_usd); i++)
	{
		UT_CHECK(at_fts_canon(same_usd[i], strlen(same_usd[i]), &c));
		UT_EQ_STR(c.id, "usd:42500000000");
	}
	for (size_t i = 0; i < AT_LENGTHOF(same_pct); i++)
	{
		UT_CHECK(at_fts_canon(same_pct[i], strlen(same_pct[i]), &c));
		UT_EQ_STR(c.id, "pct:11");
	}
	for (size_t i = 0; i < AT_LENGTHOF(same_date); i++)
	{
		UT_CHECK(at_fts_canon(same_date[i], strlen(same_date[i]), &c));
		UT_EQ_STR(c.id, "2018-10-08");
	}
	UT_CHECK(at_fts_canon("$0.5", 4, &c));
	UT_EQ_STR(c.id, "usd:0.5");
	UT_CHECK(at_fts_canon("12.50%", 6, &c));
	UT_EQ_STR(c.id, "pct:12.5");
	/* not money: no currency, an ambiguous currency word without a scale */
	UT_CHECK(!at_fts_canon("3 trillion", 10, &c));
	UT_CHECK(!at_fts_canon("5 pounds", 8, &c));
	UT_CHECK(!at_fts_canon("1.2.3%", 6, &c));
	UT_CHECK(!at_fts_canon("May 12", 6, &c));	/* a date needs its year */
}

/*
 * at_fts_may_start skips the month and weekday tables for capitalised words
 * whose first three letters start no month or weekday word: every word the
 * tables accept (all capitalised words of 3 and 4 letters, and the long
 * forms) must still reach the metrics engine's own filter.
 */
UT_TEST(ftsnorm_may_start_months_weekdays)
{
	static const char *const long_words[] = {
		"January", "February", "March", "April", "June", "July", "August",
		"September", "Sept", "October", "November", "December", "Monday",
		"Tuesday", "Tues", "Wednesday", "Thursday", "Thurs", "Thur", "Friday",
		"Saturday", "Sunday", "DECEMBER", "WEDNESDAY", "SEPT", "Sept.", "MAY"};
	char		w[16];
	size_t		wlen;
	int			accepted = 0;

	for (size_t i = 0; i < AT_LENGTHOF(long_words); i++)
	{
		snprintf(w, sizeof(w), "%s 5", long_words[i]);
		UT_CHECK(at_month_at(w, strlen(w), 0, &wlen) > 0 || at_weekday_at(w, strlen(w), 0, &wlen) > 0);
		UT_EQ_INT(at_fts_may_start(w, strlen(w), 0), at_metric_token_may_start(w, strlen(w), 0));
	}
	/* every capitalised word of 3 and 4 letters the tables accept */
	for (int n = 3; n <= 4; n++)
		for (long k = 0; k < (n == 3 ? 26L * 26 * 26 : 26L * 26 * 26 * 26); k++)
		{
			long		r = k;

			for (int j = n - 1; j >= 0; j--, r /= 26)
				w[j] = (char) ((j == 0 ? 'A' : 'a') + r % 26);
			memcpy(w + n, " 5", 3);
			if (at_month_at(w, n + 2, 0, &wlen) > 0 || at_weekday_at(w, n + 2, 0, &wlen) > 0)
			{
				accepted++;
				UT_EQ_INT(at_fts_may_start(w, n + 2, 0), at_metric_token_may_start(w, n + 2, 0));
			}
		}
	UT_EQ_INT(accepted, 24);
}

UT_TEST(tok_word_lists_sorted)
{
	UT_CHECK(at_tok_tables_sorted());
}
