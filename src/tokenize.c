/*
 * tokenize.c - tokenize(text) and sentences(text): the scanner's tokens and
 * sentences as SQL rows, with 1-based character offsets that substr() takes.
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "na_pg.h"

PG_FUNCTION_INFO_V1(na_tokenize);
PG_FUNCTION_INFO_V1(na_sentences);

#define TOKEN_COLUMNS 7
#define SENTENCE_COLUMNS 5

/*
 * tokenize(text) returns setof news_analysis.token
 *   (ordinal, sentence, paragraph, kind, token, start, length)
 */
Datum
na_tokenize(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *input = PG_GETARG_TEXT_PP(0);
	MemoryContext docctx;
	MemoryContext rowctx;
	MemoryContext oldctx;
	na_pg_text	doc_text;
	na_mem		mem;
	na_doc		doc;

	InitMaterializedSRF(fcinfo, 0);
	docctx = na_pg_document_context();
	oldctx = MemoryContextSwitchTo(docctx);
	na_pg_mem_init(&mem, docctx);
	na_pg_text_init(&doc_text, input);
	na_pg_scan(&doc, &doc_text, &mem);
	rowctx = AllocSetContextCreate(docctx, "news_analysis row", ALLOCSET_SMALL_SIZES);

	for (uint32 i = 0; i < doc.ntokens; i++)
	{
		const na_token *t = &doc.tokens[i];
		Datum		values[TOKEN_COLUMNS];
		bool		nulls[TOKEN_COLUMNS] = {0};

		/* the token's text lives only until its row is stored */
		MemoryContextSwitchTo(rowctx);

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) t->sentence + 1);
		values[2] = Int32GetDatum((int32) t->paragraph + 1);
		values[3] = CStringGetTextDatum(na_kind_name(t->kind));
		values[4] = PointerGetDatum(na_pg_slice(&doc_text, t->start, t->len));
		values[5] = Int32GetDatum((int32) t->cstart + 1);
		values[6] = Int32GetDatum((int32) t->clen);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		MemoryContextSwitchTo(docctx);
		MemoryContextReset(rowctx);
	}
	MemoryContextSwitchTo(oldctx);
	MemoryContextDelete(docctx);
	return (Datum) 0;
}

/*
 * sentences(text) returns setof news_analysis.sentence
 *   (ordinal, paragraph, start, length, text)
 */
Datum
na_sentences(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *input = PG_GETARG_TEXT_PP(0);
	MemoryContext docctx;
	MemoryContext oldctx;
	na_pg_text	doc_text;
	na_mem		mem;
	na_doc		doc;

	InitMaterializedSRF(fcinfo, 0);
	docctx = na_pg_document_context();
	oldctx = MemoryContextSwitchTo(docctx);
	na_pg_mem_init(&mem, docctx);
	na_pg_text_init(&doc_text, input);
	na_pg_scan(&doc, &doc_text, &mem);

	for (uint32 i = 0; i < doc.nsentences; i++)
	{
		const na_sentence *s = &doc.sentences[i];
		Datum		values[SENTENCE_COLUMNS];
		bool		nulls[SENTENCE_COLUMNS] = {0};

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) s->paragraph + 1);
		values[2] = Int32GetDatum((int32) s->cstart + 1);
		values[3] = Int32GetDatum((int32) s->clen);
		values[4] = PointerGetDatum(na_pg_slice(&doc_text, s->start, s->len));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextSwitchTo(oldctx);
	MemoryContextDelete(docctx);
	return (Datum) 0;
}
