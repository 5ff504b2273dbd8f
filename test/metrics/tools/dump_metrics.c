/*
 * dump_metrics: every field of at_extract_metrics_ref() over files, one
 * line per metric, for byte-identical comparisons of engine changes and
 * for callgrind profiles outside the server.
 *
 *   dump_metrics [-r YYYY-MM-DD] [-n REPEAT] file...
 *
 * Build: test/metrics/tools/build.sh [extra cc flags] (writes build/dump_metrics).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/engine/metrics.h"
#include "../../../src/tools/tool_io.h"

static void
put_num(const AtNum *n)
{
	char		buf[AT_NUM_STRLEN + 1];

	buf[at_num_format(n, buf)] = '\0';
	fputs(buf, stdout);
}

static void
put_text(const char *p, size_t l)
{
	putchar('\t');
	if (p)
		fwrite(p, 1, l, stdout);
	else
		putchar('-');
}

static void
put_day(const AtDay *d)
{
	printf("\t%04d-%02d-%02d", d->year, d->month, d->day);
}

int
main(int argc, char **argv)
{
	AtDay		ref = {0, 0, 0};
	int			repeat = 1;
	int			a = 1;

	for (; a < argc && argv[a][0] == '-'; a += 2)
	{
		if (a + 1 >= argc)
			return 2;
		if (strcmp(argv[a], "-r") == 0)
			sscanf(argv[a + 1], "%d-%d-%d", &ref.year, &ref.month, &ref.day);
		else if (strcmp(argv[a], "-n") == 0)
			repeat = atoi(argv[a + 1]);
		else
			return 2;
	}
	for (; a < argc; a++)
	{
		size_t		len;
		char	   *s = at_read_file(argv[a], &len);

		if (!s)
		{
			perror(argv[a]);
			return 1;
		}
		for (int r = 0; r < repeat; r++)
		{
			AtVec		out;

			at_vec_init(&out, &at_malloc_mem, sizeof(AtMetric));
			at_extract_metrics_ref(s, len, ref.year ? &ref : NULL, &out);
			for (size_t i = 0; r == 0 && i < out.len; i++)
			{
				const AtMetric *m = AT_VEC_AT(&out, AtMetric, i);

				printf("%s\t%zu\t%zu\t%s\t", argv[a], m->start, m->len,
					   at_metric_kind_names[m->kind]);
				if (m->has_value)
					put_num(&m->value);
				putchar('\t');
				if (m->has_range)
					put_num(&m->range_to);
				put_text(m->unit, m->unit_len);
				put_text(m->per, m->per_len);
				put_text(m->measure, m->measure_len);
				put_text(m->holder, m->holder_len);
				put_day(&m->time.start);
				put_day(&m->time.end);
				printf("\t%s\t%s\t%s\t%s\t%d", m->currency, m->qualifier ? m->qualifier : "-",
					   m->change ? m->change : "-", m->period ? m->period : "-", m->has_date);
				printf("\t%d-%d-%d %d:%d:%d\t%d\t%d\n", m->date.year, m->date.month, m->date.day,
					   m->date.hour, m->date.minute, m->date.second,
					   m->equivalent_of, m->sentence);
			}
			if (out.data)
				free(out.data);
		}
		free(s);
	}
	return 0;
}
