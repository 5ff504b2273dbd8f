/*
 * toktypes.h: the token ids of the news text search tokenizer, shared by
 * the tokenizer (tokenizer.h) and the canonical lexemes of money,
 * percentages and dates (ftsnorm.h), so neither needs the other's header
 * for them.
 *
 * Types 1..23 have the ids of PostgreSQL's default parser
 * (src/backend/tsearch/wparser_def.c); 24..28 are news types.
 */
#ifndef AT_TOKTYPES_H
#define AT_TOKTYPES_H

enum
{
	AT_TOK_ASCIIWORD = 1,
	AT_TOK_WORD = 2,
	AT_TOK_NUMWORD = 3,
	AT_TOK_EMAIL = 4,
	AT_TOK_URL = 5,
	AT_TOK_HOST = 6,
	AT_TOK_SFLOAT = 7,
	AT_TOK_VERSION = 8,
	AT_TOK_HWORD_NUMPART = 9,
	AT_TOK_HWORD_PART = 10,
	AT_TOK_HWORD_ASCIIPART = 11,
	AT_TOK_BLANK = 12,
	AT_TOK_TAG = 13,
	AT_TOK_PROTOCOL = 14,
	AT_TOK_NUMHWORD = 15,
	AT_TOK_ASCIIHWORD = 16,
	AT_TOK_HWORD = 17,
	AT_TOK_URL_PATH = 18,
	AT_TOK_FILE = 19,
	AT_TOK_FLOAT = 20,
	AT_TOK_INT = 21,
	AT_TOK_UINT = 22,
	AT_TOK_ENTITY = 23,
	/* news types */
	AT_TOK_MONEY = 24,
	AT_TOK_PERCENT = 25,
	AT_TOK_DATE = 26,
	AT_TOK_CJK = 27,
	AT_TOK_NAME = 28
};

#define AT_TOK_LAST_DEFAULT 23
#define AT_TOK_LAST 28

#endif							/* AT_TOKTYPES_H */
