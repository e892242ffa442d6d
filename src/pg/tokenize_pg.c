/*
 * tokenize.c - tokenize(text) and sentences(text): the scanner's tokens and
 * sentences as SQL rows, with 1-based character offsets that substr() takes.
 */
#include "postgres.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "na_pg.h"

PG_FUNCTION_INFO_V1(na_tokenize);
PG_FUNCTION_INFO_V1(na_sentences);

#define TOKEN_COLUMNS 7
#define SENTENCE_COLUMNS 5

/* The kind names as text datums, made once per backend: rows only point at them. */
static text *kind_texts[NA_TK_KIND_COUNT];

/*
 * The token kind as a text value made once per backend: tokenize() returns
 * one for every token, and there are only a few kinds.
 */
static Datum
kind_datum(int kind)
{
	if (kind <= 0 || kind >= NA_TK_KIND_COUNT)
		kind = 0;
	if (kind_texts[kind] == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		kind_texts[kind] = cstring_to_text(na_kind_name(kind));
		MemoryContextSwitchTo(old);
	}
	return PointerGetDatum(kind_texts[kind]);
}

/*
 * A text value reused for every row: the tuplestore copies the row, so a
 * slice of the same bytes needs no allocation of its own.
 */
typedef struct slice_buffer
{
	text	   *value;
	uint32		capacity;
	bool		single_byte;	/* the server encoding has one byte a character */
} slice_buffer;

/* No conversion per row when the slice can be cut out of the server text. */
static bool
needs_conversion(const na_pg_text *doc, const slice_buffer *buf)
{
	return !doc->same_bytes && !buf->single_byte;
}

/*
 * The token's text in buf, reused across rows (the tuplestore copies the row);
 * only a conversion to another multi-byte server encoding allocates.
 */
static Datum
slice_datum(slice_buffer *buf, const na_pg_text *doc, uint32 start, uint32 len,
			uint32 cstart, uint32 clen)
{
	const char *bytes = doc->utf8 + start;

	if (!doc->same_bytes)
	{
		/* a single-byte server encoding: characters are bytes of the server text */
		if (!buf->single_byte)
			return PointerGetDatum(na_pg_slice(doc, start, len));
		bytes = doc->server + cstart;
		len = clen;
	}
	if (buf->value == NULL || len > buf->capacity)
	{
		if (buf->value)
			pfree(buf->value);
		buf->capacity = Max(len, 256);
		buf->value = palloc(VARHDRSZ + buf->capacity);
	}
	SET_VARSIZE(buf->value, VARHDRSZ + len);
	memcpy(VARDATA(buf->value), bytes, len);
	return PointerGetDatum(buf->value);
}

/*
 * tokenize(text) returns setof news_analysis.token
 *   (ordinal, sentence, paragraph, kind, token, start, length)
 */
Datum
na_tokenize(PG_FUNCTION_ARGS)
{
	na_pg_srf	srf;
	slice_buffer buf = {NULL, 0, pg_database_encoding_max_length() == 1};

	na_pg_srf_begin(&srf, fcinfo, 0, TOKEN_COLUMNS, "token");
	/* the reused slice buffer must outlive the row context */
	MemoryContextSwitchTo(srf.docctx);
	for (uint32 i = 0; i < srf.doc.ntokens; i++)
	{
		const na_token *t = &srf.doc.tokens[i];
		Datum		values[TOKEN_COLUMNS];
		bool		nulls[TOKEN_COLUMNS] = {0};

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) t->sentence + 1);
		values[2] = Int32GetDatum((int32) t->paragraph + 1);
		values[3] = kind_datum(t->kind);
		values[4] = slice_datum(&buf, &srf.text, t->start, t->len, t->cstart, t->clen);
		values[5] = Int32GetDatum((int32) t->cstart + 1);
		values[6] = Int32GetDatum((int32) t->clen);
		na_pg_srf_put(&srf, values, nulls);
		if (needs_conversion(&srf.text, &buf))
			pfree(DatumGetPointer(values[4]));
	}
	na_pg_srf_end(&srf);
	return (Datum) 0;
}

/*
 * sentences(text) returns setof news_analysis.sentence
 *   (ordinal, paragraph, start, length, text)
 */
Datum
na_sentences(PG_FUNCTION_ARGS)
{
	na_pg_srf	srf;
	slice_buffer buf = {NULL, 0, pg_database_encoding_max_length() == 1};

	na_pg_srf_begin(&srf, fcinfo, 0, SENTENCE_COLUMNS, "sentence");
	MemoryContextSwitchTo(srf.docctx);
	for (uint32 i = 0; i < srf.doc.nsentences; i++)
	{
		const na_sentence *s = &srf.doc.sentences[i];
		Datum		values[SENTENCE_COLUMNS];
		bool		nulls[SENTENCE_COLUMNS] = {0};

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) s->paragraph + 1);
		values[2] = Int32GetDatum((int32) s->cstart + 1);
		values[3] = Int32GetDatum((int32) s->clen);
		values[4] = slice_datum(&buf, &srf.text, s->start, s->len, s->cstart, s->clen);
		na_pg_srf_put(&srf, values, nulls);
		/* a converted sentence was allocated for its row alone */
		if (needs_conversion(&srf.text, &buf))
			pfree(DatumGetPointer(values[4]));
	}
	na_pg_srf_end(&srf);
	return (Datum) 0;
}
