/*
 * libxml2_reader.h: pages read by libxml2's HTML parser instead of our
 * tokenizer, for comparisons only (same_tree.c, linear.c, fuzz_html.c).
 *
 * The HTML path of the extension reads pages with html_tokenize.c, which
 * gives the tree libxml2 2.9's HTML parser gives.  This test tool keeps the
 * way the path read pages before: libxml2's SAX callbacks drive the same
 * HDoc builder, after a pre-pass (libxml2_prepass.c) that takes out what the
 * path never reads.  Never linked into the server.
 */
#ifndef AT_LIBXML2_READER_H
#define AT_LIBXML2_READER_H

#include "../../src/engine/html_int.h"

/* true: at_parse_html reads pages with libxml2 from now on; false: our tokenizer */
extern void at_html_use_libxml2(bool on);

/*
 * True (the default): before libxml2 reads a page, the pre-pass takes out
 * attributes, comments and element content the HTML path never reads, and
 * moves attribute values out of libxml2's way.  False: only script and
 * style bodies; the rows are the same (fuzz_html compares the two).
 */
extern bool at_html_prepass_all;

/*
 * libxml2_prepass.c: the page without what the HTML path never reads, or
 * NULL.  Attribute values that need no decoding are moved out of the tags
 * into moved (values in s), and the tag gets the attribute H_MOVED_MARK,
 * without a value: the groups are in the order of the tags.
 */
typedef struct HMovedAttr
{
	uint32_t	start;
	uint32_t	len;
	uint8_t		name;			/* HAttrName */
	bool		last;			/* the tag's last one */
} HMovedAttr;

#define H_MOVED_MARK	"_0_0"
extern char *h_prepass(const char *s, size_t len, const AtMem *mem, AtVec *moved,
					   size_t *outlen);

#endif							/* AT_LIBXML2_READER_H */
