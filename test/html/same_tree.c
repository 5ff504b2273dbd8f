/*
 * same_tree.c: reads each page given (file names, or one per line on stdin)
 * with libxml2's HTML parser (libxml2_reader.c) and with our own tokenizer,
 * and compares the trees they give the later steps: the
 * nodes (kinds, flags, links), their attributes and their text.  Prints the
 * first difference of each page that differs and a count at the end; exit 1
 * when one differs.  Run by same_tree.sh.
 */
#include "libxml2_reader.h"

#include "../../src/engine/utf8.h"
#include "../../src/tools/tool_io.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
show(const HDoc *d, int i)
{
	const HNode *n = HN(d, i);

	printf("    node %d tag %d flags %x parent %d nattr %u", i, n->tag, n->flags, n->parent, n->nattr);
	if (n->tag == H_TEXT)
		printf(" text[%u] \"%.*s\"", n->len, (int) (n->len < 120 ? n->len : 120), d->text.data + n->start);
	for (uint32_t k = 0; k < n->nattr; k++)
	{
		const HAttr *a = AT_VEC_AT(&d->attrs, HAttr, n->attr0 + k);

		printf(" a%d=\"%.*s\"", a->name, (int) (a->len < 60 ? a->len : 60), d->text.data + a->start);
	}
	printf("\n");
}

/* The first node that differs, or -1 */
static long
compare(const HDoc *x, const HDoc *y)
{
	size_t		n = x->nodes.len < y->nodes.len ? x->nodes.len : y->nodes.len;

	for (size_t i = 0; i < n; i++)
	{
		const HNode *a = HN(x, i),
				   *b = HN(y, i);

		if (a->tag != b->tag || a->flags != b->flags || a->parent != b->parent ||
			a->first != b->first || a->last != b->last || a->next != b->next ||
			a->nattr != b->nattr || a->len != b->len ||
			(a->tag == H_TEXT && memcmp(x->text.data + a->start, y->text.data + b->start, a->len) != 0))
			return (long) i;
		for (uint32_t k = 0; k < a->nattr; k++)
		{
			const HAttr *p = AT_VEC_AT(&x->attrs, HAttr, a->attr0 + k),
					   *q = AT_VEC_AT(&y->attrs, HAttr, b->attr0 + k);

			if (p->name != q->name || p->len != q->len ||
				memcmp(x->text.data + p->start, y->text.data + q->start, p->len) != 0)
				return (long) i;
		}
	}
	return x->nodes.len == y->nodes.len ? -1 : (long) n;
}

static int
one(const char *path, int *pages)
{
	size_t		len;
	char	   *s = at_read_file(path, &len);
	HDoc		x,
				y;
	long		i;

	if (!s)
		return 0;
	(*pages)++;
	/* as the database stores it: UTF-8 (else read as windows-1252), no NUL */
	if (!at_utf8_valid(s, len) || memchr(s, '\0', len))
	{
		iconv_t		cd = iconv_open("UTF-8", "WINDOWS-1252//IGNORE");
		char	   *out = calloc(len * 3 + 1, 1),
				   *in = s,
				   *o = out;
		size_t		inl = len,
					outl = len * 3;

		(void) iconv(cd, &in, &inl, &o, &outl);
		iconv_close(cd);
		len = (size_t) (o - out);
		len = strnlen(out, len);
		free(s);
		s = out;
		if (!at_utf8_valid(s, len))
		{
			free(s);
			return 0;
		}
	}
	at_html_use_libxml2(true);
	at_html_prepass_all = getenv("SAME_TREE_PREPASS") != NULL;
	h_read_page(&x, s, len, &at_malloc_mem);
	at_html_use_libxml2(false);
	h_read_page(&y, s, len, &at_malloc_mem);
	i = compare(&x, &y);
	if (i >= 0 && getenv("SAME_TREE_DUMP"))
	{
		for (size_t j = 0; j < x.nodes.len; j++)
		{
			printf("L ");
			show(&x, (int) j);
		}
		for (size_t j = 0; j < y.nodes.len; j++)
		{
			printf("O ");
			show(&y, (int) j);
		}
	}
	if (i >= 0)
	{
		printf("%s: differs at node %ld (libxml2 %zu nodes, own %zu)\n", path, i, x.nodes.len, y.nodes.len);
		for (long j = i - 3 < 0 ? 0 : i - 3; j <= i + 1; j++)
		{
			if ((size_t) j < x.nodes.len)
			{
				printf("  libxml2:");
				show(&x, (int) j);
			}
			if ((size_t) j < y.nodes.len)
			{
				printf("  own:    ");
				show(&y, (int) j);
			}
		}
	}
	free(x.nodes.data);
	free(x.attrs.data);
	free(x.text.data);
	free(x.meta_lines.data);
	free(y.meta_lines.data);
	free(y.nodes.data);
	free(y.attrs.data);
	free(y.text.data);
	free(s);
	return i >= 0;
}

int
main(int argc, char **argv)
{
	int			pages = 0,
				differ = 0;
	char		line[4096];

	if (argc > 1)
		for (int i = 1; i < argc; i++)
			differ += one(argv[i], &pages);
	else
		while (fgets(line, sizeof(line), stdin))
		{
			line[strcspn(line, "\n")] = '\0';
			if (line[0])
				differ += one(line, &pages);
		}
	printf("same_tree: %d pages, %d differ\n", pages, differ);
	return differ > 0;
}
