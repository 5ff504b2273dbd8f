/*
 * fuzz_numbers: at_scan_number and at_scan_scale at every character, with
 * flags taken from the input, and the AtNum arithmetic on what they read.
 *
 * Invariants: a match or a skip stays inside the input and ends on a
 * character boundary; the numeral is not longer than the match; an AtNum
 * has at most AT_NUM_MAXDIG ASCII digits without leading or trailing zero
 * and formats into at most AT_NUM_STRLEN bytes.
 */
#include "fuzz.h"
#include "../../src/engine/numbers.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_num(const AtNum *n)
{
	char		buf[AT_NUM_STRLEN + 1];
	size_t		fl;

	FUZZ_ASSERT(n->ndig <= AT_NUM_MAXDIG);
	for (int i = 0; i < n->ndig; i++)
		FUZZ_ASSERT(n->dig[i] >= '0' && n->dig[i] <= '9');
	if (n->ndig > 0)
		FUZZ_ASSERT(n->dig[0] != '0' && n->dig[n->ndig - 1] != '0');
	memset(buf, 'X', sizeof(buf));
	fl = at_num_format(n, buf);
	FUZZ_ASSERT(fl < AT_NUM_STRLEN);
	FUZZ_ASSERT(buf[fl] == '\0' && strlen(buf) == fl);
	FUZZ_ASSERT(buf[AT_NUM_STRLEN] == 'X');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s;
	int			flags = size > 0 ? data[0] & 0x07 : 0;
	size_t		skipped_to = 0;

	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);
	for (size_t p = 0; p < len; p++)
	{
		AtNumber	num;
		size_t		n,
					skip = 0;
		int			pow10 = 0;

		if (!fuzz_is_boundary(s, len, p))
			continue;
		memset(&num, 0, sizeof(num));

		/*
		 * Inside a run a caller steps over (*skip), ask for no skip, as the
		 * tokenizer does: finding it reads the whole run, and at every byte
		 * of a 64 kB run that would make this harness quadratic.
		 */
		n = at_scan_number(s, len, p, flags, &num, p < skipped_to ? NULL : &skip);
		if (n > 0)
		{
			AtNum		v = num.value;
			int64_t		i64;

			fuzz_check_span(s, len, p, n);
			FUZZ_ASSERT(num.len == n);
			FUZZ_ASSERT(num.numeral_len <= n);
			FUZZ_ASSERT(num.int_digits >= 0);
			check_num(&num.value);
			/* arithmetic the metrics do on it: scale, divide, add, compare */
			if (at_num_mul_pow10(&v, (int) (p % 25) - 12))
				check_num(&v);
			if (at_num_div_u32(&v, (uint32_t) (p % 7) + 1))
				check_num(&v);
			if (!v.neg && !num.value.neg && at_num_add(&v, &num.value))
				check_num(&v);
			if (at_num_mul_u32(&v, 1000))
				check_num(&v);
			(void) at_num_cmp(&v, &num.value);
			if (at_num_to_i64(&num.value, &i64))
				FUZZ_ASSERT(at_num_is_integer(&num.value));
		}
		else if (skip > 0)
		{
			fuzz_check_span(s, len, p, skip);
			skipped_to = p + skip;
		}
		/*
		 * The engine looks for a scale word right after a number, so once
		 * per run of blanks; calling it inside a run would make this
		 * harness (not the engine) quadratic on long white space.
		 */
		if ((p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t')) ||
			(p > 1 && (unsigned char) s[p - 2] == 0xC2 && (unsigned char) s[p - 1] == 0xA0))
			continue;
		n = at_scan_scale(s, len, p, flags, &pow10);
		if (n > 0)
		{
			fuzz_check_span(s, len, p, n);
			FUZZ_ASSERT(pow10 > 0 && pow10 <= 15);
		}
	}
	fuzz_mem_reset();
	return 0;
}
