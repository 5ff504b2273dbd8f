/*
 * sentences.h: paragraph and sentence segmentation of news text.
 *
 * Paragraphs are runs of non-blank lines separated by blank lines; text with
 * no blank line at all has one paragraph per line (the usual shape of
 * scraped pages).  Sentences never cross a paragraph.  Spans are in bytes,
 * trimmed of surrounding white space.
 */
#ifndef AT_SENTENCES_H
#define AT_SENTENCES_H

#include "common.h"

/* Appends AtSpan elements to out (which must be initialised for AtSpan) */
extern void at_split_paragraphs(const char *text, size_t len, AtVec *out);

/* Sentences of text[0..len), each an AtSpan appended to out */
extern void at_split_sentences(const char *text, size_t len, AtVec *out);

/*
 * Sentences of one paragraph-free stretch: the caller guarantees that
 * text[start..end) holds no paragraph break.
 */
extern void at_split_sentences_range(const char *text, size_t start,
									 size_t end, AtVec *out);

/*
 * Index of the sentence containing byte offset off, given sentence spans
 * sorted by start (binary search); -1 when off lies between sentences.
 */
extern long at_sentence_of(const AtVec *sentences, size_t off);

#endif							/* AT_SENTENCES_H */
