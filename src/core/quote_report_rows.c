/*
 * quote_report_rows.c - reported speech as rows: a report found by
 * quote_reports.c becomes an attribution row (push_report); a transcript's
 * turns and a lead-in before a quotation are reports of their own; and the
 * reports are merged with the quotations into one list in text order, a
 * mixed attribution holding its quoted pieces (q_merge_reports).
 */
#include <stdlib.h>
#include <string.h>

#include "na_lexicon.h"
#include "quote_attr.h"

/*
 * Is the report's content all one quotation the quotes already hold?  Its
 * first word outside quotation marks answers no, with no look at the rest
 * (nearly every report's first word: the whole content was read for each).
 */
int
q_content_is_quoted(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	words = 0;

	for (uint32_t k = first; k <= last; k++)
	{
		if (q->doc->tokens[k].kind == NA_TK_PUNCT || q_is_quote_mark(q, k))
			continue;
		if (!(q->in_quote[k] & 1))
			return 0;
		words++;
	}
	return words > 0;
}

/* The commas among the tokens [first, last]. */
static uint32_t
commas_in(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	n = 0;

	for (uint32_t k = first; k <= last; k++)
		n += q_is_punct(q, k, ',');
	return n;
}

static int
any_quoted(const qctx *q, uint32_t first, uint32_t last)
{
	for (uint32_t k = first; k <= last; k++)
		if ((q->in_quote[k] & 1) || q_is_quote_mark(q, k))
			return 1;
	return 0;
}

/*
 * Is the report rp (its source the entity, QNONE for none) a thought or a
 * finding inside the content of a report of someone else's, cued earlier in
 * its sentence: "Half of the voters said they want a change", "Berg said the
 * survey shows losses"?  What the outer source says is the attribution; the
 * inner cue is a word of its content (PolNeAR annotates it so).  The same
 * speaker's thought ("Berg said he thinks …") stays a report of its own.
 * Only the reports of rp's sentence pushed before it are looked at, from
 * the last one back, and reports of the sentence are few.
 */
int
q_report_nested_in_other(const qctx *q, const q_report *rp, uint32_t entity, uint32_t nquotations)
{
	const na_quote *quotes = q->quotes.items;
	uint32_t	sentence = q->doc->tokens[rp->a.cue_first].sentence;
	uint32_t	cue_start = q->doc->tokens[rp->a.cue_first].start;

	if (rp->cue_class != NA_CUE_THOUGHT && rp->cue_class != NA_CUE_FINDING)
		return 0;
	if (any_quoted(q, rp->first, rp->last))
		return 0;
	for (uint32_t i = (uint32_t) q->quotes.count; i-- > nquotations;)
	{
		const na_quote *o = &quotes[i];

		if (o->sentence != sentence)
			break;
		if ((o->kind != NA_QK_INDIRECT && o->kind != NA_QK_MIXED) || o->cue.len == 0 ||
			o->cue.start >= cue_start || o->first_token > rp->a.cue_first ||
			o->first_token > rp->first || o->first_token + o->ntokens <= rp->last)
			continue;
		return entity == QNONE ? rp->a.type != SRC_PRONOUN : o->speaker != (int32_t) entity;
	}
	return 0;
}

/* One quote row of a report piece [first, last]. */
na_quote *
push_report(qctx *q, const q_report *rp, uint32_t first, uint32_t last, uint32_t entity,
			int second_piece)
{
	na_quote   *qt = na_vec_push_unset(&q->quotes, q->mem);

	if (qt == NULL)
		return NULL;
	*qt = q_no_quote;
	qt->text = q_span(q, first, last);
	qt->first_token = first;
	qt->ntokens = last - first + 1;
	qt->paragraph = q->doc->tokens[first].paragraph;
	qt->sentence = q->doc->tokens[first].sentence;
	qt->kind = any_quoted(q, first, last) ? NA_QK_MIXED : NA_QK_INDIRECT;
	qt->attribution = rp->a.how;
	if (rp->a.type != SRC_NONE)
		qt->mention = q_span(q, rp->a.src_first, rp->a.src_last);
	qt->cue = q_span(q, rp->a.cue_first, rp->a.cue_last);
	qt->cue_class = rp->cue_class;
	qt->confidence = rp->a.confidence;
	if (entity != QNONE)
	{
		/* a speaker's attributions count once, not once per piece */
		if (!second_piece)
			((q_entity *) q->entities.items)[entity].quotes++;
		qt->speaker = (int32_t) entity;
		q_row_spoken(q, qt);
	}
	return qt;
}

/*
 * The report of a one-word cue whose source and content a line's layout
 * gives (a transcript's "NAME:", an opening "In a poll,"): rp with the
 * source [sf, sl], the cue, the content [first, last]; r spanning them for
 * the speaker's lookup.
 */
static void
line_report(q_report *rp, q_raw *r, src_type type, uint32_t sf, uint32_t sl, uint32_t cue,
			uint8_t how, uint8_t cue_class, uint32_t first, uint32_t last)
{
	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	q_set_attr(&rp->a, type, sf, sl, cue, cue, how, 0.6f);
	rp->cue_class = cue_class;
	rp->first = first;
	rp->last = last;
	memset(r, 0, sizeof(*r));
	r->open = r->close = QNONE;
	r->first = sf < cue ? sf : cue;
	r->last = last;
}

/*
 * A transcript's turn or a headline's speaker: "FALLIN: Well, I think the
 * nation …" / "Cruz: Trump Would Put Liberals On Court".  A paragraph that
 * opens with a speaker and a colon reports the rest of the paragraph,
 * the colon its cue.  The speaker is a name in capitals (TAPPER, JAKE
 * TAPPER) or a name the article gives a person elsewhere (not "Update:",
 * "Photo:": no one is called so), of at most four words; a quotation right
 * after the colon is the quotations' (q_attr_colon).
 */
static int
transcript_turn_at(qctx *q, uint32_t i)
{
	const na_doc *doc = q->doc;
	uint32_t	t0 = doc->sentences[i].first_token;
	uint32_t	c,
				last,
				sf,
				sl;
	int			caps = 1;
	uint32_t	kicker_words;
	q_report	rp;
	q_raw		r;
	uint32_t	entity;

	if (!(doc->tokens[t0].flags & NA_TF_PARA_START) || q->in_quote[t0])
		return 1;
	for (c = t0; c < doc->ntokens && c - t0 <= 4 && !q_is_punct(q, c, ':'); c++)
	{
		const na_token *t = &doc->tokens[c];

		if (!(t->flags & NA_TF_CAPITALIZED) && !(t->flags & NA_TF_ALLCAPS))
			break;
		if (t->kind != NA_TK_WORD && t->kind != NA_TK_INITIAL && t->kind != NA_TK_ABBREV)
			break;
		/* Q: / A: an interview's question and answer name no one */
		if (c == t0 && t->len == 1)
			break;
		caps &= (t->flags & NA_TF_ALLCAPS) != 0;
	}
	if (c == t0 || c >= doc->ntokens || c - t0 > 4 || !q_is_punct(q, c, ':') ||
		c + 1 >= doc->ntokens || q_is_quote_mark(q, c + 1) ||
		doc->tokens[c + 1].paragraph != doc->tokens[t0].paragraph)
		return 1;
	if (!caps && !(q_np_backward(q, c - 1, t0, &sf, &sl) == SRC_NAME && sf == t0 &&
				   sl == c - 1))
		return 1;
	/* CLARIFICATION:, UPDATE:, The Latest:: a desk's label (kickers.tsv),
	 * in capitals or in a headline's title case, no speaker */
	if (na_lex_longest(NA_LEX_KICKERS, doc, t0, &kicker_words) >= 0 && t0 + kicker_words == c)
		return 1;
	sf = t0;
	sl = c - 1;
	/* the turn: the rest of its paragraph, within the content's bound */
	for (last = c + 1; last + 1 < doc->ntokens && last - c < REPORT_CONTENT_MAX &&
		 doc->tokens[last + 1].paragraph == doc->tokens[t0].paragraph; last++)
		;
	while (last > c + 1 && (q_is_sentence_stop(q, last) || q_is_quote_mark(q, last) ||
							doc->tokens[last].kind == NA_TK_PUNCT))
		last--;
	if (q_words_between(q, c + 1, last) < REPORT_MIN_WORDS || q_content_is_quoted(q, c + 1, last))
		return 1;
	/*
	 * "Rubio: I Am Not Interested In Being Vice President": a headline's
	 * name in title case is no mention the speakers' pass reads, but the
	 * speaker named in the article is found below; a place before a
	 * list of names ("Iowa: Tim Albrecht, Brad Anderson, …") is no one
	 */
	if (!caps && q_mention_ending_in(q, t0, c - 1) == QNONE && commas_in(q, c + 1, last) > 2)
		return 1;
	line_report(&rp, &r, SRC_NAME, sf, sl, c, NA_QA_COLON, NA_CUE_SPEECH, c + 1, last);
	entity = q_entity_of_source(q, &rp.a, &r);
	/*
	 * a speaker no one else in the article is: no turn of a transcript;
	 * but the headline's "Harbour Poll: …" is PolNeAR's report of
	 * that source all the same (the row keeps its mention, no speaker)
	 */
	if (entity == QNONE && doc->tokens[t0].paragraph != 0)
		return 1;
	if (push_report(q, &rp, rp.first, rp.last, entity, 0) == NULL)
		return 0;
	return 1;
}

/* a lower-case word in -ed (conducted, released): a participle by its shape */
static int
past_participle_shape(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];
	const char *p = q->doc->text + t->start;

	return t->kind == NA_TK_WORD && !(t->flags & NA_TF_CAPITALIZED) && t->len >= 5 &&
		p[t->len - 2] == 'e' && p[t->len - 1] == 'd';
}

/*
 * "In a CNN poll released Monday, 52 percent backed the levy": a finding of
 * the poll, survey or study that a sentence's opening "In" phrase names,
 * the clause after its comma the content, the document the source and "In"
 * the cue (PolNeAR annotates them so), of the finding class.  A clause
 * with a cue of its own ("In a memo, Mook acknowledged …", "In its report,
 * the board found …") is that cue's report, read where the cue is.  The
 * phrase opens with a determiner, a possessive or a name: not "In polling
 * terms, …".
 */
static int
document_frame_at(qctx *q, uint32_t i)
{
	const na_doc *doc = q->doc;
	uint32_t	s0 = doc->sentences[i].first_token;
	uint32_t	s1 = s0 + doc->sentences[i].ntokens;
	uint32_t	t0 = s0;
	uint32_t	c,
				e,
				document = QNONE,
				entity;
	int			own_cue = 0;
	q_report	rp;
	q_attr		maker;
	q_raw		r;

	if (q_is(q, t0, "but") || q_is(q, t0, "and"))
		t0++;
	if (t0 + 2 >= s1 || !q_is(q, t0, "in") || q->in_quote[t0] ||
		!(q_in(q, t0 + 1, LEX_DETERMINERS) || q_possessive(q, t0 + 1) || q_is_cap(q, t0 + 1)))
		return 1;
	for (c = t0 + 1; c < s1 && c - t0 <= 14 && !q_is_punct(q, c, ',') &&
		 !q_is_sentence_stop(q, c) && !q_is_quote_mark(q, c); c++)
		if (document == QNONE && q_word_in(q, c, NA_LEX_QUOTE_FINDING_DOCUMENTS))
			document = c;
	if (document == QNONE || c >= s1 || !q_is_punct(q, c, ','))
		return 1;
	/* In a CBS poll, conducted in May, …: the participle's aside is the poll's */
	if (c + 1 < s1 && (q_participial_opener(q, c + 1) || past_participle_shape(q, c + 1)))
	{
		uint32_t	aside = c + 1;

		while (aside < s1 && aside - c <= 10 && !q_is_punct(q, aside, ',') &&
			   !q_is_sentence_stop(q, aside))
			aside++;
		if (aside >= s1 || !q_is_punct(q, aside, ','))
			return 1;
		c = aside;
	}
	e = q_content_end(q, s0, s1);
	if (e <= c + 1 || e - c > REPORT_CONTENT_MAX ||
		q_words_between(q, c + 1, e) < REPORT_MIN_WORDS || q_content_is_quoted(q, c + 1, e))
		return 1;
	for (uint32_t k = c + 1; k <= e && !own_cue; k++)
		own_cue = !q->in_quote[k] && doc->tokens[k].kind == NA_TK_WORD &&
			(q_is_reporting_cue(q, k) || q_in(q, k, LEX_REPORTING_NOUNS));
	if (own_cue)
		return 1;
	line_report(&rp, &r, SRC_NOMINAL, t0 + 1, c - 1, t0, NA_QA_NONE, NA_CUE_FINDING, c + 1, e);
	/* the poll's maker, when a name heads the document (a CNN poll,
	 * conducted in May): read up to the document's word */
	maker = rp.a;
	maker.src_last = document;
	entity = q->mention_at[document] != 0 ? q_entity_of_source(q, &maker, &r) :
		q_resolve_description(q, t0 + 1, document);
	if (push_report(q, &rp, rp.first, rp.last, entity, 0) == NULL)
		return 0;
	return 1;
}

/*
 * The reports that a sentence's layout gives rather than a cue's position
 * (a transcript's turn, an opening "In a poll," frame): one pass over the
 * sentences, each tried for both; 0 only when memory runs out.
 */
int
q_line_reports(qctx *q)
{
	for (uint32_t i = 0; i < q->doc->nsentences; i++)
	{
		if ((i & 1023) == 0)
			na_check_interrupts(q->mem);
		if (!transcript_turn_at(q, i) || !document_frame_at(q, i))
			return 0;
	}
	return 1;
}

/*
 * Bytes from offset a to offset b with each run of white space counted as
 * one: the distance a reader sees, the same whether a line ends in LF or
 * CR LF or a wrap replaced a space.
 */
static uint32_t
visible_distance(const char *text, uint32_t a, uint32_t b)
{
	uint32_t	n = 0;

	for (uint32_t i = a; i < b; i++)
		if (!q_is_layout_space(text[i]) || i == a || !q_is_layout_space(text[i - 1]))
			n++;
	return n;
}

/*
 * Not paying taxes “makes me smart,” he said: a partial quotation that
 * closes its sentence's content before the cue after it leaves the words
 * before it, in the speaker's clause, unattributed.  The attribution is
 * the whole clause from the sentence's start (past "But", "And" or a dash)
 * to the closing mark, a mixed one with the quotation inside it
 * (q_merge_reports makes the partial its piece).  Only where the lead-in
 * holds at least two words and no quotation of its own, and the cue follows
 * the closing mark within the sentence: "…, he said" / "…, said X".
 */
int
lead_in_mixed(qctx *q, uint32_t nquotations)
{
	uint32_t	nrows = (uint32_t) q->quotes.count;
	uint8_t    *reported;

	if (nrows == 0)
		return 1;
	/* the tokens of the reports found at their cues: a quotation inside
	 * one is already a piece of a mixed attribution */
	reported = na_alloc(q->mem, q->doc->ntokens);
	if (reported == NULL)
		return 0;
	memset(reported, 0, q->doc->ntokens);
	for (uint32_t i = nquotations; i < nrows; i++)
	{
		const na_quote *r = &((na_quote *) q->quotes.items)[i];

		memset(reported + r->first_token, 1, r->ntokens);
	}
	for (uint32_t i = 0; i < nquotations; i++)
	{
		na_quote	row = ((na_quote *) q->quotes.items)[i];
		uint32_t	open = row.first_token - 1;
		uint32_t	close = row.first_token + row.ntokens;
		uint32_t	first,
					s0;
		const na_sentence *s;
		na_quote   *qt;
		int			bare = 1;
		uint32_t	words = 0;

		if (row.kind != NA_QK_PARTIAL || row.cue.len == 0 || row.part_of >= 0 ||
			reported[row.first_token] ||
			row.first_token == 0 || close >= q->doc->ntokens ||
			!q_is_quote_mark(q, open) || !q_is_quote_mark(q, close) ||
			row.cue.start < q->doc->tokens[close].start ||
			visible_distance(q->doc->text, q->doc->tokens[close].start, row.cue.start) > 16 ||
			(s = q_sentence_of(q, open)) == NULL)
			continue;
		s0 = s->first_token;
		/* the cue follows the closing mark after a comma (inside or outside it) */
		if (!(q_is_punct(q, close + 1, ',') || q_is_punct(q, close - 1, ',')))
			continue;
		first = s0;
		while (first < open && (q->doc->tokens[first].kind == NA_TK_DASH ||
								q_is(q, first, "but") || q_is(q, first, "and")))
			first++;
		if (open < first + 2)
			continue;
		for (uint32_t m = first; m < open && bare; m++)
		{
			if (q_is_quote_mark(q, m) || q_is_punct(q, m, ':') || q->in_quote[m])
				bare = 0;
			words += q->doc->tokens[m].kind == NA_TK_WORD;
		}
		if (!bare || words < 2)
			continue;
		qt = na_vec_push(&q->quotes, q->mem);
		if (qt == NULL)
		{
			na_free(q->mem, reported);
			return 0;
		}
		*qt = row;
		qt->text = q_span(q, first, close);
		qt->first_token = first;
		qt->ntokens = close - first + 1;
		qt->paragraph = q->doc->tokens[first].paragraph;
		qt->sentence = q->doc->tokens[first].sentence;
		qt->kind = NA_QK_MIXED;
		if (qt->speaker >= 0)
			((q_entity *) q->entities.items)[qt->speaker].quotes++;
		q_row_spoken(q, qt);
	}
	na_free(q->mem, reported);
	return 1;
}

/* A row and where it was before sorting. */
#define SMALL_SORT_MAX 64		/* rows sorted by insertion (sort_row_order) */

typedef struct q_row_order
{
	uint32_t	start;			/* content's byte offset */
	uint32_t	kind;
	uint32_t	index;			/* in the unsorted rows */
} q_row_order;

/* By content start, quotations before reports at a tie, then as found. */
static int
row_order_cmp(const void *pa, const void *pb)
{
	const q_row_order *a = pa;
	const q_row_order *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * order[0..n) sorted by row_order_cmp: by insertion while the rows are few
 * (most articles: the reports, appended in the order of their cues, are
 * nearly in text order already, and qsort's calls of the comparator cost
 * 4M instructions over BBC), by qsort past that (no quadratic sort of a
 * long text).  The order is total, so both give the same.
 */
static void
sort_row_order(q_row_order *order, uint32_t n)
{
	if (n > SMALL_SORT_MAX)
	{
		qsort(order, n, sizeof(q_row_order), row_order_cmp);
		return;
	}
	for (uint32_t i = 1; i < n; i++)
	{
		q_row_order x = order[i];
		uint32_t	j = i;

		for (; j > 0 && row_order_cmp(&x, &order[j - 1]) < 0; j--)
			order[j] = order[j - 1];
		order[j] = x;
	}
}

/*
 * Row j is a piece of row i: the speaker's attributions count it once, with
 * i, when both name the same one (rows hold entity indexes until
 * q_build_speakers).
 */
static void
piece_of(qctx *q, na_quote *rows, uint32_t j, uint32_t i)
{
	rows[j].part_of = (int32_t) i;
	if (rows[j].speaker >= 0 && rows[j].speaker == rows[i].speaker)
		((q_entity *) q->entities.items)[rows[j].speaker].quotes--;
}

/*
 * Put the reports (appended after the quotations in the order of their
 * cues, which is not their content's: "…, X said" reports what precedes)
 * into text order with the quotations, O(n log n), keeping part_of right,
 * and give each partial quote inside a mixed report's content that report
 * as part_of.
 */
int
q_merge_reports(qctx *q, uint32_t nquotes)
{
	na_quote   *rows = q->quotes.items;
	uint32_t	total = (uint32_t) q->quotes.count;
	na_quote   *merged;
	q_row_order *order;
	int32_t    *moved;

	if (total == nquotes)
		return 1;
	merged = na_alloc(q->mem, (sizeof(na_quote) + sizeof(q_row_order) + sizeof(int32_t)) *
					  (size_t) total);
	if (merged == NULL)
		return 0;
	order = (q_row_order *) (merged + total);
	moved = (int32_t *) (order + total);
	for (uint32_t i = 0; i < total; i++)
	{
		order[i].start = rows[i].text.start;
		order[i].kind = rows[i].kind;
		order[i].index = i;
	}
	sort_row_order(order, total);
	for (uint32_t o = 0; o < total; o++)
	{
		moved[order[o].index] = (int32_t) o;
		merged[o] = rows[order[o].index];
	}
	for (uint32_t i = 0; i < total; i++)
		if (merged[i].part_of >= 0)
			merged[i].part_of = moved[merged[i].part_of];
/* partial quotes inside a mixed report: the report is their attribution */
	for (uint32_t i = 0; i < total; i++)
	{
		const na_quote *m = &merged[i];

		if (m->kind != NA_QK_MIXED)
			continue;
		for (uint32_t j = i + 1; j < total && merged[j].text.start < m->text.start + m->text.len; j++)
			if (merged[j].kind == NA_QK_PARTIAL && merged[j].part_of < 0 &&
				merged[j].text.start + merged[j].text.len <= m->text.start + m->text.len + 4)
				piece_of(q, merged, j, i);
		for (uint32_t j = i; j-- > 0 && i - j < 8;)
			if (merged[j].kind == NA_QK_PARTIAL && merged[j].part_of < 0 &&
				merged[j].text.start >= m->text.start)
				piece_of(q, merged, j, i);
	}
	memcpy(rows, merged, sizeof(na_quote) * total);
	na_free(q->mem, merged);
	return 1;
}
