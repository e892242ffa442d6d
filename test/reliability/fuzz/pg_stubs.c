/*
 * pg_stubs.c - the few server functions the binding layer's text search
 * parser (src/pg/tsparser_pg.c, src/pg/na_pg.c) calls, for running it outside a server
 * in fuzz_tsparser: palloc is malloc (so ASan sees leaks and overflows),
 * ereport(ERROR) aborts with its message (a fuzz input must never raise one),
 * and the database encoding is what the harness sets.  Conversions to other
 * encodings are not stubbed: the harness uses UTF8 and SQL_ASCII only.
 */
#include "postgres.h"

#include <signal.h>

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/tuplestore.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "na_pg.h"
#include "pg_stubs.h"

/* stdio as is: the server's port.h maps these to pgport, which is not linked */
#undef fprintf
#undef vfprintf

MemoryContext CurrentMemoryContext = NULL;
MemoryContext TopMemoryContext = NULL;
volatile sig_atomic_t InterruptPending = false;
int			stub_database_encoding = PG_UTF8;

static void
unsupported(const char *what)
{
	fprintf(stderr, "pg_stubs: %s is not stubbed\n", what);
	abort();
}

void *
palloc(Size size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
palloc0(Size size)
{
	void	   *p = calloc(1, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

void
pfree(void *pointer)
{
	free(pointer);
}

void *
MemoryContextAllocHuge(MemoryContext context, Size size)
{
	(void) context;
	return palloc(size);
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	(void) context;
	return palloc(size);
}

void *
repalloc_huge(void *pointer, Size size)
{
	void	   *p = realloc(pointer, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

char *
pstrdup(const char *in)
{
	char	   *p = strdup(in);

	if (p == NULL)
		abort();
	return p;
}

MemoryContext
AllocSetContextCreateInternal(MemoryContext parent, const char *name,
							  Size minContextSize, Size initBlockSize, Size maxBlockSize)
{
	(void) parent;
	(void) name;
	(void) minContextSize;
	(void) initBlockSize;
	(void) maxBlockSize;
	unsupported("AllocSetContextCreate");
	return NULL;
}

/* what the set-returning functions of na_pg.c use: never on the parser's path */
struct varlena *
pg_detoast_datum_packed(struct varlena *datum)
{
	(void) datum;
	unsupported("pg_detoast_datum_packed");
	return NULL;
}

/*
 * the binding's own helpers of na_pg.c's set-returning functions, whose
 * files (arena_pg.c, detoast_pg.c) the fuzz target does not link: never on
 * the parser's path
 */
text *
na_pg_detoast_text(Datum datum)
{
	(void) datum;
	unsupported("na_pg_detoast_text");
	return NULL;
}

void
na_pg_doc_mem_init(na_mem *mem, MemoryContext docctx)
{
	(void) mem;
	(void) docctx;
	unsupported("na_pg_doc_mem_init");
}

void
InitMaterializedSRF(FunctionCallInfo fcinfo, bits32 flags)
{
	(void) fcinfo;
	(void) flags;
	unsupported("InitMaterializedSRF");
}

void
tuplestore_putvalues(Tuplestorestate *state, TupleDesc tdesc, Datum *values, bool *isnull)
{
	(void) state;
	(void) tdesc;
	(void) values;
	(void) isnull;
	unsupported("tuplestore_putvalues");
}

char *
format_type_be(Oid type_oid)
{
	(void) type_oid;
	unsupported("format_type_be");
	return NULL;
}

void
tuplestore_puttuple(Tuplestorestate *state, HeapTuple tuple)
{
	(void) state;
	(void) tuple;
	unsupported("tuplestore_puttuple");
}

void
MemoryContextReset(MemoryContext context)
{
	(void) context;
	unsupported("MemoryContextReset");
}

void
MemoryContextDelete(MemoryContext context)
{
	(void) context;
	unsupported("MemoryContextDelete");
}

void
ProcessInterrupts(void)
{
}

int
GetDatabaseEncoding(void)
{
	return stub_database_encoding;
}

unsigned char *
pg_do_encoding_conversion(unsigned char *src, int len, int src_encoding, int dest_encoding)
{
	(void) len;
	if (src_encoding == dest_encoding || src_encoding == PG_SQL_ASCII)
		return src;
	unsupported("pg_do_encoding_conversion");
	return NULL;
}

char *
pg_any_to_server(const char *s, int len, int encoding)
{
	(void) s;
	(void) len;
	(void) encoding;
	unsupported("pg_any_to_server");
	return NULL;
}

int
pg_utf_mblen(const unsigned char *s)
{
	if ((*s & 0x80) == 0)
		return 1;
	if ((*s & 0xe0) == 0xc0)
		return 2;
	if ((*s & 0xf0) == 0xe0)
		return 3;
	if ((*s & 0xf8) == 0xf0)
		return 4;
	return 1;
}

int
pg_encoding_mblen(int encoding, const char *mbstr)
{
	if (encoding == PG_UTF8)
		return pg_utf_mblen((const unsigned char *) mbstr);
	return 1;
}

text *
cstring_to_text_with_len(const char *s, int len)
{
	text	   *result = (text *) palloc(len + VARHDRSZ);

	SET_VARSIZE(result, len + VARHDRSZ);
	memcpy(VARDATA(result), s, len);
	return result;
}

text *
cstring_to_text(const char *s)
{
	return cstring_to_text_with_len(s, strlen(s));
}

/* ereport: ERROR and worse abort with the message; lower levels are ignored */
static int	stub_elevel;

bool
errstart_cold(int elevel, const char *domain)
{
	(void) domain;
	stub_elevel = elevel;
	return elevel >= ERROR;
}

bool
errstart(int elevel, const char *domain)
{
	return errstart_cold(elevel, domain);
}

int
errcode(int sqlerrcode)
{
	(void) sqlerrcode;
	return 0;
}

static int
print_message(const char *fmt, va_list ap)
{
	fprintf(stderr, "pg_stubs: ereport(%d): ", stub_elevel);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	return 0;
}

/* errmsg, errdetail, errhint, ...: print the message; errfinish aborts */
#define STUB_MESSAGE_FUNCTION(name) \
int \
name(const char *fmt,...) \
{ \
	va_list		ap; \
\
	va_start(ap, fmt); \
	print_message(fmt, ap); \
	va_end(ap); \
	return 0; \
}

STUB_MESSAGE_FUNCTION(errmsg)
STUB_MESSAGE_FUNCTION(errmsg_internal)
STUB_MESSAGE_FUNCTION(errdetail)
STUB_MESSAGE_FUNCTION(errhint)

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	fprintf(stderr, "pg_stubs: error raised at %s:%d (%s)\n", filename, lineno,
			funcname ? funcname : "?");
	abort();
}
