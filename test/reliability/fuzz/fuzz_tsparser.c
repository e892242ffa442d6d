/*
 * fuzz_tsparser.c - the text search parser of src/pg/tsparser_pg.c, driven the
 * way to_tsvector drives it (start, gettoken until 0, end), outside a server
 * (test/reliability/fuzz/pg_stubs.c), in UTF8 and SQL_ASCII databases.
 *
 * The parser promises that every byte of the text comes back exactly once
 * (compound tokens aside, which overlap the parts that follow them), that
 * no token reaches the 2,047-byte limit of a lexeme, and that every type is
 * one lextype declares.  The loop must also end.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "tsearch/ts_public.h"

/* stdio as is: the server's port.h maps these to pgport, which is not linked */
#undef fprintf
#undef vfprintf

#include "fuzz_common.h"
#include "pg_stubs.h"

extern Datum na_ts_start(PG_FUNCTION_ARGS);
extern Datum na_ts_nexttoken(PG_FUNCTION_ARGS);
extern Datum na_ts_end(PG_FUNCTION_ARGS);
extern Datum na_ts_lextype(PG_FUNCTION_ARGS);

/* the default parser's compound ids, whose parts follow them */
#define IS_COMPOUND(type) ((type) == 5 || (type) == 15 || (type) == 17)

static bool known_type[256];
static bool types_loaded = false;

static void
load_types(void)
{
	LOCAL_FCINFO(fcinfo, 1);
	LexDescr   *descr;

	InitFunctionCallInfoData(*fcinfo, NULL, 1, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = (Datum) 0;
	fcinfo->args[0].isnull = false;
	descr = (LexDescr *) DatumGetPointer(na_ts_lextype(fcinfo));
	for (int i = 0; descr[i].lexid != 0; i++)
	{
		FUZZ_ASSERT(descr[i].lexid > 0 && descr[i].lexid < 256);
		FUZZ_ASSERT(!known_type[descr[i].lexid]);
		known_type[descr[i].lexid] = true;
		pfree(descr[i].alias);
		pfree(descr[i].descr);
	}
	pfree(descr);
	types_loaded = true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t input_size)
{
	LOCAL_FCINFO(fcinfo, 3);
	char	   *owned;
	size_t		size;
	const char *text = fuzz_text(data, input_size, &size, &owned);
	char	   *buf;
	Datum		state;
	size_t		done = 0;
	size_t		calls = 0;
	size_t		compound_end = 0;

	if (!types_loaded)
		load_types();
	if (size > INT32_MAX)
		return 0;
	stub_database_encoding = (fuzz_options(data, input_size) & NA_SCAN_COUNT_BYTES) ?
		PG_SQL_ASCII : PG_UTF8;

	/* the parser gets the text without a terminator, as to_tsvector passes it */
	buf = malloc(size ? size : 1);
	FUZZ_ASSERT(buf != NULL);
	memcpy(buf, text, size);

	InitFunctionCallInfoData(*fcinfo, NULL, 2, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = PointerGetDatum(buf);
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = Int32GetDatum((int32) size);
	fcinfo->args[1].isnull = false;
	state = na_ts_start(fcinfo);

	for (;;)
	{
		char	   *token = NULL;
		int			len = -1;
		int			type;

		InitFunctionCallInfoData(*fcinfo, NULL, 3, InvalidOid, NULL, NULL);
		fcinfo->args[0].value = state;
		fcinfo->args[1].value = PointerGetDatum(&token);
		fcinfo->args[2].value = PointerGetDatum(&len);
		for (int i = 0; i < 3; i++)
			fcinfo->args[i].isnull = false;
		type = DatumGetInt32(na_ts_nexttoken(fcinfo));
		/* every call but the last returns some text: the loop must end */
		FUZZ_ASSERT(++calls <= 3 * size + 2);
		if (type == 0)
			break;
		FUZZ_ASSERT(type > 0 && type < 256 && known_type[type]);
		FUZZ_ASSERT(len > 0 && len < 2047);
		FUZZ_ASSERT(token >= buf && (size_t) (token - buf) + (size_t) len <= size);
		if (IS_COMPOUND(type))
		{
			/* a compound starts where the text stands; its parts follow */
			FUZZ_ASSERT((size_t) (token - buf) == done);
			compound_end = done + (size_t) len;
		}
		else
		{
			/* the next bytes, each exactly once */
			FUZZ_ASSERT((size_t) (token - buf) == done);
			done += (size_t) len;
			FUZZ_ASSERT(compound_end == 0 || done <= compound_end || token - buf >= (ptrdiff_t) compound_end);
			if (done >= compound_end)
				compound_end = 0;
		}
	}
	FUZZ_ASSERT(done == size);

	InitFunctionCallInfoData(*fcinfo, NULL, 1, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = state;
	fcinfo->args[0].isnull = false;
	na_ts_end(fcinfo);
	free(buf);
	free(owned);
	return 0;
}
