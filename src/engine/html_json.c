/*
 * html_json.c: a small JSON reader for the JSON-LD blocks of news pages
 * (<script type="application/ld+json">).
 *
 * Recursive descent with a depth limit; strings are decoded (\uXXXX and
 * surrogate pairs; a lone surrogate becomes U+FFFD) into NUL-terminated
 * copies.  Malformed JSON gives NULL: pages often carry broken JSON-LD and
 * the other metadata sources then apply.  Linear in the input.
 */
#include "html_int.h"
#include "utf8.h"

#include <string.h>

#define JSON_MAX_DEPTH	64

typedef struct JP
{
	const char *s;
	size_t		len;
	size_t		pos;
	const AtMem *mem;
	bool		bad;
} JP;

static void
ws(JP *p)
{
	while (p->pos < p->len &&
		   (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
			p->s[p->pos] == '\r'))
		p->pos++;
}

static int
hex4(const char *s)
{
	int			v = 0;

	for (int i = 0; i < 4; i++)
	{
		char		c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v |= (c | 0x20) - 'a' + 10;
		else
			return -1;
	}
	return v;
}

/* A string at p->pos (at the opening quote), decoded */
static char *
str(JP *p, size_t *outlen)
{
	AtBuf		b;

	at_buf_init(&b, p->mem, 16);
	p->pos++;
	while (p->pos < p->len && p->s[p->pos] != '"')
	{
		char		c = p->s[p->pos];

		if (c != '\\')
		{
			size_t		e = p->pos;

			while (e < p->len && p->s[e] != '"' && p->s[e] != '\\')
				e++;
			at_buf_append(&b, p->s + p->pos, e - p->pos);
			p->pos = e;
			continue;
		}
		if (p->pos + 1 >= p->len)
			break;
		c = p->s[p->pos + 1];
		p->pos += 2;
		switch (c)
		{
			case 'n':
				at_buf_appendc(&b, '\n');
				break;
			case 't':
				at_buf_appendc(&b, '\t');
				break;
			case 'r':
			case 'b':
			case 'f':
				at_buf_appendc(&b, ' ');
				break;
			case 'u':
				{
					int			v = p->pos + 4 <= p->len ? hex4(p->s + p->pos) : -1;
					char		enc[4];
					uint32_t	cp;

					if (v < 0)
					{
						p->bad = true;
						return NULL;
					}
					p->pos += 4;
					cp = (uint32_t) v;
					if (cp >= 0xD800 && cp <= 0xDBFF && p->pos + 6 <= p->len &&
						p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u')
					{
						int			lo = hex4(p->s + p->pos + 2);

						if (lo >= 0xDC00 && lo <= 0xDFFF)
						{
							cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t) lo - 0xDC00);
							p->pos += 6;
						}
					}
					if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
						cp = 0xFFFD;
					at_buf_append(&b, enc, at_utf8_encode(cp, enc));
					break;
				}
			default:
				at_buf_appendc(&b, c);
				break;
		}
	}
	if (p->pos >= p->len)
	{
		p->bad = true;
		return NULL;
	}
	p->pos++;
	at_buf_appendc(&b, '\0');
	*outlen = b.len - 1;
	return b.data;
}

static HJson *value(JP *p, int depth);

static HJson *
container(JP *p, int depth, bool obj)
{
	HJson	   *v = at_alloc0(p->mem, sizeof(HJson)),
			  **tail = &v->child;
	char		close = obj ? '}' : ']';

	v->type = obj ? HJ_OBJ : HJ_ARR;
	p->pos++;
	ws(p);
	if (p->pos < p->len && p->s[p->pos] == close)
	{
		p->pos++;
		return v;
	}
	for (unsigned long iter = 0; !p->bad; iter++)
	{
		const char *key = NULL;
		HJson	   *e;
		size_t		kl;

		if ((iter & 1023) == 1023)
			AT_CHECK_INTERRUPTS();
		ws(p);
		if (obj)
		{
			if (p->pos >= p->len || p->s[p->pos] != '"' || !(key = str(p, &kl)))
				break;
			ws(p);
			if (p->pos >= p->len || p->s[p->pos] != ':')
				break;
			p->pos++;
		}
		if (!(e = value(p, depth + 1)))
			break;
		e->key = key;
		*tail = e;
		tail = &e->next;
		ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',')
		{
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close)
		{
			p->pos++;
			return v;
		}
		break;
	}
	p->bad = true;
	return NULL;
}

static HJson *
value(JP *p, int depth)
{
	HJson	   *v;
	char		c;

	ws(p);
	if (p->pos >= p->len || depth > JSON_MAX_DEPTH)
	{
		p->bad = true;
		return NULL;
	}
	c = p->s[p->pos];
	if (c == '{' || c == '[')
		return container(p, depth, c == '{');
	v = at_alloc0(p->mem, sizeof(HJson));
	if (c == '"')
	{
		v->type = HJ_STR;
		v->str = str(p, &v->slen);
		return v->str ? v : NULL;
	}
	/* numbers, true, false, null: a run of word characters */
	{
		size_t		e = p->pos;

		while (e < p->len && (p->s[e] == '-' || p->s[e] == '+' || p->s[e] == '.' ||
							  (p->s[e] >= '0' && p->s[e] <= '9') ||
							  ((p->s[e] | 0x20) >= 'a' && (p->s[e] | 0x20) <= 'z')))
			e++;
		if (e == p->pos)
		{
			p->bad = true;
			return NULL;
		}
		v->type = (c == 't' || c == 'f') ? HJ_BOOL : c == 'n' ? HJ_NULL : HJ_NUM;
		v->str = at_strndup(p->mem, p->s + p->pos, e - p->pos);
		v->slen = e - p->pos;
		p->pos = e;
	}
	return v;
}

HJson *
h_json_parse(const char *s, size_t len, const AtMem *mem)
{
	JP			p = {s, len, 0, mem, false};
	HJson	   *v;

	/* some pages wrap the block in an HTML comment or CDATA */
	ws(&p);
	if (p.pos + 4 <= len && memcmp(s + p.pos, "<!--", 4) == 0)
		p.pos += 4;
	else if (p.pos + 2 <= len && memcmp(s + p.pos, "//", 2) == 0)
	{
		/* "//<![CDATA[" on a line of its own */
		while (p.pos < len && s[p.pos] != '\n')
			p.pos++;
	}
	else if (p.pos + 9 <= len && memcmp(s + p.pos, "<![CDATA[", 9) == 0)
		p.pos += 9;
	ws(&p);
	v = value(&p, 0);
	return p.bad ? NULL : v;
}

const HJson *
h_json_get(const HJson *obj, const char *key)
{
	if (!obj || obj->type != HJ_OBJ)
		return NULL;
	for (const HJson *m = obj->child; m; m = m->next)
		if (m->key && strcmp(m->key, key) == 0)
			return m;
	return NULL;
}
