/*
 * main.c: runner for the engine unit tests.  Usage: unit_tests [name-filter]
 */
#include "unit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>

#define UT_MAX_TESTS 1024

static struct
{
	const char *name;
	ut_fn		fn;
}			tests[UT_MAX_TESTS];
static int	ntests = 0;
static int	current_failures = 0;

void
ut_register(const char *name, ut_fn fn)
{
	if (ntests >= UT_MAX_TESTS)
	{
		fprintf(stderr, "too many unit tests\n");
		exit(2);
	}
	tests[ntests].name = name;
	tests[ntests].fn = fn;
	ntests++;
}

void
ut_fail(const char *file, int line, const char *fmt, ...)
{
	va_list		ap;

	fprintf(stdout, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	current_failures++;
}

const char *
ut_shared_dir(void)
{
	static const char *dir = NULL;
	struct stat st;

	if (dir)
		return dir;
	dir = getenv("AT_SHARED_DIR");
	if (!dir)
		dir = "../shared";
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		dir = NULL;
	return dir;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

int
main(int argc, char **argv)
{
	int			passed = 0,
				failed = 0;

	/* registration order depends on link order: run in name order */
	qsort(tests, ntests, sizeof(tests[0]), by_name);
	for (int i = 0; i < ntests; i++)
	{
		if (argc > 1 && strstr(tests[i].name, argv[1]) == NULL)
			continue;
		current_failures = 0;
		tests[i].fn();
		if (current_failures == 0)
			passed++;
		else
		{
			printf("FAIL %s\n", tests[i].name);
			failed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
