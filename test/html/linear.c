/*
 * linear.c: times the HTML path on pathological pages at two sizes and
 * prints the ratio (about 2 for linear time).  Run by linear.sh; it reports,
 * it asserts nothing (timings are noisy on a shared machine).
 */
#include "../../src/engine/article.h"
#include "libxml2_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *
build(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
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
	*len = hl + ul * n + tl;
	return s;
}

static double
run(const char *head, const char *unit, size_t n, const char *tail)
{
	size_t		len;
	char	   *s = build(head, unit, n, tail, &len);
	AtArticle	a;
	struct timespec t0,
				t1;
	double		best = 1e9;

	for (int r = 0; r < 3; r++)
	{
		clock_gettime(CLOCK_MONOTONIC, &t0);
		at_parse_article(s, len, &at_malloc_mem, &a);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if ((t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9 < best)
			best = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	}
	free(s);
	return best;
}

int
main(void)
{
	static const struct
	{
		const char *name,
				   *head,
				   *unit,
				   *tail;
		size_t		n;
	}			cases[] = {
		{"nested div", "<html><body>", "<div>", "text", 100000},
		{"nested div closed", "<html><body>", "<div><p>some text here</p>", "", 100000},
		{"inline script", "<html><body><script>", "var x = 1; ", "</script><p>after</p>", 500000},
		{"huge attribute", "<html><body><div class=\"", "xxxxxxxxxx", "\">text</div>", 500000},
		{"unclosed inline", "<html><body>", "<b><i><a href=x>w ", "", 100000},
		{"unclosed li", "<html><body><ul>", "<li>item text ", "", 100000},
		{"only <", "<html>", "<", "", 1000000},
		{"many paragraphs", "<html><body><div>", "<p>A sentence of text, with a comma.</p>", "</div>", 100000},
		{"table cells", "<html><body><table>", "<tr><td>a</td><td>b</td></tr>", "</table>", 100000},
		{"json-ld", "<html><head><script type=\"application/ld+json\">", "[", "</script>", 500000},
		{"text, few tags", "A <b>report</b> ", "plain words of text ", "", 500000},
		/* the pre-pass (html_prepass.c): what it takes out, and where it gives up */
		{"data attributes", "<html><body>", "<div data-x=\"{&quot;a&quot;:1}\" srcset=\"a.jpg 1x\" class=c>w</div>", "", 100000},
		{"nested svg", "<html><body>", "<svg><g>", "", 100000},
		{"svg, then no close", "<html><body>", "<svg><path d=\"M0 0\"/>", "</div>", 100000},
		{"noscript mismatch", "<html><body>", "<noscript><p>x</noscript><span>", "", 100000},
		{"comments", "<html><body>", "<!-- a comment -->text ", "", 200000},
		{"unclosed comment", "<html><body><p>text</p><!--", "x", "", 1000000},
		{"unclosed attribute", "<html><body><p class=\"", "x>", "", 500000},
		/* our own tokenizer (html_tokenize.c): open elements and names */
		{"stray end tags, deep", "<html><body><div><div><div><div><div><div><div><div><div><div>"
			"<div><div><div><div><div><div><div><div><div><div><span><span><span><span>", "</x>", "", 500000},
		{"many names", "<html><body>", "<a1><b2><c3><d4><e5></e5></d4></c3></b2></a1>x", "", 50000},
		{"references", "<html><body><p>", "&amp;&#38;&nbsp;&bogus;&#x;&", "</p>", 200000},
		{"long names", "<html><body>", "<abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"
			"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij x=1>t", "", 50000},
		{"attribute references", "<html><body><div class=\"", "a&amp;b&#38;", "\">x</div>", 300000},
	};

	/* AT_HTML_PARSER=libxml2: the test tool's libxml2 reader (libxml2_reader.h) */
	at_html_use_libxml2(getenv("AT_HTML_PARSER") && strcmp(getenv("AT_HTML_PARSER"), "libxml2") == 0);
	printf("tokenizer: %s\n", getenv("AT_HTML_PARSER") ? getenv("AT_HTML_PARSER") : "default");
	printf("%-20s %10s %10s %6s\n", "case", "t(n) s", "t(2n) s", "ratio");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		double		t1 = run(cases[i].head, cases[i].unit, cases[i].n, cases[i].tail),
					t2 = run(cases[i].head, cases[i].unit, 2 * cases[i].n, cases[i].tail);

		printf("%-20s %10.4f %10.4f %6.2f\n", cases[i].name, t1, t2, t1 > 0 ? t2 / t1 : 0);
	}
	return 0;
}
