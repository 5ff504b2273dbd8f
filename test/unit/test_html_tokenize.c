/*
 * Unit tests of our own HTML tokenizer (src/engine/html_tokenize.c): the
 * tree it gives the later steps, written out, for markup whose tree rules
 * matter (implied and closed elements, raw text, references, attributes,
 * limits), and the same tree as libxml2's HTML parser gives for each.
 */
#include "unit.h"
#include "../html/libxml2_reader.h"

#include <stdlib.h>

static char out[8192];

/* d written out: name(children), text as "text", kept attributes as [n=v] */
static void
write_tree(const HDoc *d, int node, size_t *o)
{
	static const struct
	{
		uint8_t		tag;
		const char *name;
	}			names[] = {
		{H_HTML, "html"}, {H_HEAD, "head"}, {H_BODY, "body"}, {H_TITLE, "title"},
		{H_META, "meta"}, {H_P, "p"}, {H_DIV, "div"}, {H_SPAN, "span"}, {H_A, "a"},
		{H_UL, "ul"}, {H_LI, "li"}, {H_TABLE, "table"}, {H_TR, "tr"}, {H_TD, "td"},
		{H_SCRIPT, "script"}, {H_STYLE, "style"}, {H_H1, "h1"}, {H_BR, "br"},
		{H_OPTION, "option"}, {H_EMBED, "embed"}, {H_FORM, "form"}, {H_DL, "dl"},
		{H_DT, "dt"}, {H_DD, "dd"}, {H_IMG, "img"}, {H_HR, "hr"},
	};

	for (int i = HN(d, node)->first; i >= 0; i = HN(d, i)->next)
	{
		const HNode *n = HN(d, i);

		if (*o > sizeof(out) - 200)
			return;
		if (n->tag == H_TEXT)
		{
			*o += (size_t) snprintf(out + *o, sizeof(out) - *o, "\"%.*s\"",
									(int) n->len, d->text.data + n->start);
			continue;
		}
		{
			const char *nm = "?";

			for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
				if (names[k].tag == n->tag)
					nm = names[k].name;
			*o += (size_t) snprintf(out + *o, sizeof(out) - *o, "%s", nm);
		}
		for (uint32_t k = 0; k < n->nattr; k++)
		{
			const HAttr *at = AT_VEC_AT(&d->attrs, HAttr, n->attr0 + k);

			*o += (size_t) snprintf(out + *o, sizeof(out) - *o, "[%d=%.*s]", at->name,
									(int) at->len, d->text.data + at->start);
		}
		*o += (size_t) snprintf(out + *o, sizeof(out) - *o, "(");
		write_tree(d, i, o);
		*o += (size_t) snprintf(out + *o, sizeof(out) - *o, ")");
	}
}

/* The tree of page with one tokenizer, written out (static buffer) */
static const char *
tree(const char *page, bool libxml2)
{
	HDoc		d;
	size_t		o = 0;

	at_html_use_libxml2(libxml2);
	at_html_prepass_all = false;
	h_read_page(&d, page, strlen(page), &at_malloc_mem);
	out[0] = '\0';
	if (d.nodes.len)
		write_tree(&d, 0, &o);
	free(d.nodes.data);
	free(d.attrs.data);
	free(d.text.data);
	free(d.meta_lines.data);
	at_html_use_libxml2(false);
	at_html_prepass_all = true;
	return out;
}

/* Our tree of page is expected, and libxml2's is the same */
static void
check(const char *page, const char *expected)
{
	char		own[sizeof(out)];

	snprintf(own, sizeof(own), "%s", tree(page, false));
	if (expected)
		UT_EQ_STR(own, expected);
	UT_EQ_STR(tree(page, true), own);
}

UT_TEST(html_tokenize_implied_and_closed)
{
	check("<p>a<p>b<div>c</div>", "html(body(p(\"a\")p(\"b\")div(\"c\")))");
	check("<ul><li>one<li>two</ul>", "html(body(ul(li(\"one\")li(\"two\"))))");
	check("<table><tr><td>a<td>b<tr><td>c</table>",
		  "html(body(table(tr(td(\"a\")td(\"b\"))tr(td(\"c\")))))");
	check("<b>x<p>y</b>z", NULL);
	check("<div><span>a</div>b", "html(body(div(span(\"a\"))\"b\"))");
	check("<p>a</span>b</p>", "html(body(p(\"ab\")))");
	check("<h1>a<p>b</h1>", NULL);
	check("<dl><dt>a<dd>b<dt>c</dl>", "html(body(dl(dt(\"a\")dd(\"b\")dt(\"c\"))))");
	check("<form><form>x</form>", NULL);
	check("<option>a<option>b", "html(body(option()option()))");
	check("<td>x", NULL);
	check("<embed>t<p>u", "html(body(embed()))");
	check("<br/><hr/><img src=x>t", "html(body(br()hr()img()\"t\"))");
	check("<P CLASS=Up>x</P>", "html(body(p[0=Up](\"x\")))");
	check("<p.x>a</p.x>b", NULL);
}

UT_TEST(html_tokenize_document_parts)
{
	check("text before<html><head><title>T &amp; U</title></head><body>x</body></html>after", NULL);
	check("<head><meta name=author content='A &amp; B'><body>x",
		  "html(head(meta[2=author][5=A & B]())body(\"x\"))");
	check("<html><body><body class=x><p>t</p></body></html>", "html(body(p(\"t\")))");
	check("<!DOCTYPE html><p>x<!DOCTYPE html>y", "html(body(p(\"xy\")))");
	check("<title>a<b>c</b></title>", NULL);
	check("<!-- c -->a<!-- d -->b", "html(body(p(\"a\"\"b\")))");
	check("<p>a<!-- b", "html(body(p(\"a\")))");
	check("<![CDATA[x]]><p>y", NULL);
	check("<?php echo 1 ?><p>x", "html(body(p(\"x\")))");
	check("\xef\xbb\xbf<p>x", NULL);
}

UT_TEST(html_tokenize_raw_text)
{
	check("<script>if (a<b) x='</scr'</script><p>after", "html(head(script())body(p(\"after\")))");
	check("<script type=application/ld+json>{\"a\":\"<b>\"}</script>",
		  "html(head(script[10=application/ld+json](\"{\"a\":\"<b>\"}\")))");
	check("<p>a<style>b</style>c", "html(body(p(\"a\"style()\"c\")))");
	check("<div><script>x</SCRIPT >y</div>", "html(body(div(script()\"y\")))");
	/* <script/> opens a body up to </script>: what the pre-pass gave libxml2 */
	UT_EQ_STR(tree("<div><script/>var x;</script>y</div>", false),
			  "html(body(div(script()\"y\")))");
}

UT_TEST(html_tokenize_references_and_attributes)
{
	check("<p>&amp &amp; &#65; &#x42; &#0; &nbsp; &bogus; &#1114112; &</p>",
		  "html(body(p(\"&amp & A B  \xc2\xa0 &bogus;  &\")))");
	check("<div title=\"a&#0;b\" class=\"x&amp;y &lt\" id=c class=d>z</div>",
		  "html(body(div[0=x&y &lt][1=c](\"z\")))");
	check("<a href=x/>y", "html(body(a[7=x/](\"y\")))");
	check("<div \"q\"=1 class = 'a b' hidden>x</div>", "html(body(div[0=a b][11=](\"x\")))");
	check("<p>a\x01" "b\xef\xbf\xbe" "c</p>", "html(body(p(\"abc\")))");
	check("<div class=\"unclosed>x", NULL);
}

UT_TEST(html_tokenize_depth_limit)
{
	char	   *page = malloc(300 * 5 + 2);

	for (int i = 0; i < 300; i++)
		memcpy(page + i * 5, "<div>", 5);
	strcpy(page + 300 * 5, "x");
	check(page, NULL);
	free(page);
}
