/*
 * unit.h - a minimal test harness for the core: TEST() functions registered
 * in a table, CHECK macros that record the failing line and go on, and a
 * closing "N passed, N failed" line that .ci/run adds up.
 */
#ifndef NA_UNIT_H
#define NA_UNIT_H

#include <stdio.h>
#include <string.h>

static int	unit_failures_in_case;

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			unit_failures_in_case++; \
			fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

#define CHECK_INT(got, want) \
	do { \
		long long g_ = (long long) (got), w_ = (long long) (want); \
		if (g_ != w_) { \
			unit_failures_in_case++; \
			fprintf(stderr, "  %s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
		} \
	} while (0)

#define CHECK_STR(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if (g_ == NULL || strcmp(g_, w_) != 0) { \
			unit_failures_in_case++; \
			fprintf(stderr, "  %s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
					g_ ? g_ : "(null)", w_); \
		} \
	} while (0)

typedef struct unit_case
{
	const char *name;
	void		(*fn) (void);
} unit_case;

/* Run every case; print one line per failing case and the closing count. */
static inline int
unit_run(const char *suite, const unit_case *cases)
{
	int			passed = 0;
	int			failed = 0;

	for (const unit_case *c = cases; c->name; c++)
	{
		unit_failures_in_case = 0;
		c->fn();
		if (unit_failures_in_case)
		{
			failed++;
			fprintf(stderr, "not ok - %s.%s\n", suite, c->name);
		}
		else
			passed++;
	}
	printf("%s: %d passed, %d failed\n", suite, passed, failed);
	return failed ? 1 : 0;
}

#endif							/* NA_UNIT_H */
