/*
 * regex.c: compile-once, JIT-once PCRE2 wrapper with limits.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "regex.h"

#include <stdint.h>

/*
 * One match context and one JIT stack for the whole process: the backend is
 * single-threaded, and the limits are the same for every pattern.
 */
static pcre2_match_context *match_ctx = NULL;
static pcre2_jit_stack *jit_stack = NULL;
static uint32_t match_limit = AT_RE_MATCH_LIMIT;

void
at_regex_set_match_limit(long limit)
{
	match_limit = (limit >= 1 && limit <= AT_RE_MATCH_LIMIT) ?
		(uint32_t) limit : AT_RE_MATCH_LIMIT;
	if (match_ctx)
		pcre2_set_match_limit(match_ctx, match_limit);
}

static bool
ensure_match_context(void)
{
	if (match_ctx)
		return true;
	match_ctx = pcre2_match_context_create(NULL);
	if (!match_ctx)
		return false;
	pcre2_set_match_limit(match_ctx, match_limit);
	pcre2_set_depth_limit(match_ctx, AT_RE_DEPTH_LIMIT);
	jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (jit_stack)
		pcre2_jit_stack_assign(match_ctx, NULL, jit_stack);
	return true;
}

AtStatus
at_regex_compile(AtRegex *re)
{
	uint32_t	opts = 0;
	int			err;
	PCRE2_SIZE	erroff;
	pcre2_code *code;

	if (re->compiled)
		return AT_OK;
	if (!ensure_match_context())
		return AT_ERR_NOMEM;
	if (re->options & AT_RE_CASELESS)
		opts |= PCRE2_CASELESS;
	if (re->options & AT_RE_MULTILINE)
		opts |= PCRE2_MULTILINE;
	if (re->options & AT_RE_UNICODE)
		opts |= PCRE2_UTF | PCRE2_UCP;
	if (re->options & AT_RE_ANCHORED)
		opts |= PCRE2_ANCHORED;

	code = pcre2_compile((PCRE2_SPTR) re->source, PCRE2_ZERO_TERMINATED, opts,
						 &err, &erroff, NULL);
	if (!code)
		return AT_ERR_REGEX_INTERNAL;
	re->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	re->match_data = pcre2_match_data_create_from_pattern(code, NULL);
	if (!re->match_data)
	{
		pcre2_code_free(code);
		return AT_ERR_NOMEM;
	}
	re->code = code;
	re->compiled = true;
	return AT_OK;
}

int
at_regex_match(AtRegex *re, const char *subject, size_t len, size_t from,
			   AtMatch *m)
{
	int			rc;
	PCRE2_SIZE *ov;

	if (!re->compiled)
	{
		AtStatus	st = at_regex_compile(re);

		if (st != AT_OK)
			return -(int) st;
	}
	if (from > len)
		return 0;

	rc = pcre2_match((pcre2_code *) re->code, (PCRE2_SPTR) subject, len, from,
					 (re->options & AT_RE_UNICODE) ? PCRE2_NO_UTF_CHECK : 0,
					 (pcre2_match_data *) re->match_data, match_ctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
		rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return -(int) AT_ERR_REGEX_LIMIT;
	if (rc < 0)
		return -(int) AT_ERR_REGEX_INTERNAL;

	ov = pcre2_get_ovector_pointer((pcre2_match_data *) re->match_data);
	if (rc == 0 || rc > AT_RE_MAX_GROUPS)
		rc = AT_RE_MAX_GROUPS;
	m->ngroups = rc;
	for (int i = 0; i < AT_RE_MAX_GROUPS; i++)
	{
		if (i < rc && ov[2 * i] != PCRE2_UNSET)
		{
			m->start[i] = ov[2 * i];
			m->end[i] = ov[2 * i + 1];
		}
		else
		{
			m->start[i] = SIZE_MAX;
			m->end[i] = SIZE_MAX;
		}
	}
	return 1;
}
