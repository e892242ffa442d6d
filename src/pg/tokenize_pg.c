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

/* The column types of news_analysis.token and news_analysis.sentence, for na_pg_srf_expect_cols. */
static const na_pg_col_kind token_kinds[TOKEN_COLUMNS] = {
	NA_PG_COL_INT4, NA_PG_COL_INT4, NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_TEXT,
	NA_PG_COL_INT4, NA_PG_COL_INT4
};
static const na_pg_col_kind sentence_kinds[SENTENCE_COLUMNS] = {
	NA_PG_COL_INT4, NA_PG_COL_INT4, NA_PG_COL_INT4, NA_PG_COL_INT4, NA_PG_COL_TEXT
};

/*
 * A token's or sentence's text as a column: the document's own bytes where
 * the server text is the core's or has one byte a character (then the
 * character offsets are the server text's byte offsets), else converted
 * (allocated in the row's context).
 */
static inline void
span_col(na_pg_col *col, const na_pg_text *doc, bool single_byte, uint32 start, uint32 len,
		 uint32 cstart, uint32 clen)
{
	if (doc->same_bytes || !single_byte)
	{
		na_pg_slice_col(col, doc, start, len);
		return;
	}
	col->bytes = doc->server + cstart;
	col->len = clen;
	col->static_name = false;
}

/*
 * tokenize(text) returns setof news_analysis.token
 *   (ordinal, sentence, paragraph, kind, token, start, length)
 * Rows are written by the row writer (na_pg_row_*): a text search of a
 * corpus makes a row of every token, and the generic tuple former cost
 * more than finding the tokens.
 */
Datum
na_tokenize(PG_FUNCTION_ARGS)
{
	na_pg_srf	srf;
	bool		single_byte = pg_database_encoding_max_length() == 1;

	na_pg_srf_begin(&srf, fcinfo, 0, TOKEN_COLUMNS, "token");
	na_pg_srf_expect_cols(&srf, token_kinds);
	for (uint32 i = 0; i < srf.doc.ntokens; i++)
	{
		const na_token *t = &srf.doc.tokens[i];
		na_pg_col	col;

		na_pg_row_begin(&srf);
		na_pg_row_int4(&srf, (int32) i + 1);
		na_pg_row_int4(&srf, (int32) t->sentence + 1);
		na_pg_row_int4(&srf, (int32) t->paragraph + 1);
		na_pg_static_name_col(&col, na_kind_name(t->kind));
		na_pg_row_text(&srf, &col);
		span_col(&col, &srf.text, single_byte, t->start, t->len, t->cstart, t->clen);
		na_pg_row_text(&srf, &col);
		na_pg_row_int4(&srf, (int32) t->cstart + 1);
		na_pg_row_int4(&srf, (int32) t->clen);
		na_pg_row_end(&srf);
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
	bool		single_byte = pg_database_encoding_max_length() == 1;

	na_pg_srf_begin(&srf, fcinfo, 0, SENTENCE_COLUMNS, "sentence");
	na_pg_srf_expect_cols(&srf, sentence_kinds);
	for (uint32 i = 0; i < srf.doc.nsentences; i++)
	{
		const na_sentence *s = &srf.doc.sentences[i];
		na_pg_col	col;

		na_pg_row_begin(&srf);
		na_pg_row_int4(&srf, (int32) i + 1);
		na_pg_row_int4(&srf, (int32) s->paragraph + 1);
		na_pg_row_int4(&srf, (int32) s->cstart + 1);
		na_pg_row_int4(&srf, (int32) s->clen);
		span_col(&col, &srf.text, single_byte, s->start, s->len, s->cstart, s->clen);
		na_pg_row_text(&srf, &col);
		na_pg_row_end(&srf);
	}
	na_pg_srf_end(&srf);
	return (Datum) 0;
}
