/*
 * quotes.c - quotation marks paired into quotes, and each quote attributed:
 * the cue verb next to it, the source mention, and the speaker it names.
 *
 * Pairing is bounded by paragraphs: a quote still open at a paragraph's end
 * ends there (a runaway mark cannot swallow the article), and when the next
 * paragraph opens with a mark it continues the same speech, as newspapers
 * write quotes that run over paragraphs.  Single marks nest inside double
 * ones, and quote on their own only in texts that never use double marks.
 *
 * Attribution tries, in order: a transcript label (“PENCE: …”); a cue right
 * after the quote (“…,” X said / said X / according to X / “…” ― X); a cue
 * right before it (X said: “…”); a cue earlier in its sentence (X called it
 * “barbaric”), preferring the outer report (She said she asked “…”); a cue
 * later in its sentence; the source named before a colon; the speaker of
 * the sentence just before (…, Schiff said. “…”); continuation of the last
 * speaker; for short phrases the person who is the sentence's subject.  A
 * quote of four words or more that none of these attributes is still
 * someone's words (speaker unknown); shorter ones and titles of works and
 * shows are quoted text nobody says (unattributed).  Markup attribute values
 * (author="…") are no quotations at all.  The confidence falls along that
 * order.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "quote_attr.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- token helpers (the word lists are in quote_lex.c) ---- */

/* Is the cue at k (k > 0, a word that may be a noun: q_noun_like) rather
 * a noun here, by the words before it: "the calls", "weapons attacks"? */
int
q_noun_like_here(const qctx *q, uint32_t k)
{
	const na_token *p = &q->doc->tokens[k - 1];

	if (q_in(q, k - 1, LEX_DETERMINERS) || q_possessive(q, k - 1))
		return 1;
	/* 32% of Republican claims, the Trump remarks */
	if ((p->flags & NA_TF_CAPITALIZED) && k >= 2 &&
		(q_in(q, k - 2, LEX_DETERMINERS) || q_is(q, k - 2, "of") ||
		 q->doc->tokens[k - 2].kind == NA_TK_NUMBER || q->doc->tokens[k - 2].kind == NA_TK_PERCENT))
		return 1;
	return p->kind == NA_TK_WORD && !(p->flags & NA_TF_CAPITALIZED) &&
		!q_in(q, k - 1, LEX_VERB_SUBJECT_WORDS) && !q_in(q, k - 1, LEX_AUX_ADVERBS);
}

/* Worried about …, / Speaking to …, : a sentence opening with a participle */
int
q_participial_opener(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if (t->kind != NA_TK_WORD || t->len < 5)
		return 0;
	/* Worried about, Speaking to — not Alfred said */
	if (!q_in(q, i + 1, LEX_NP_BLOCKERS) && !q_in(q, i + 1, LEX_DETERMINERS))
		return 0;
	return (p[t->len - 2] == 'e' && p[t->len - 1] == 'd') ||
		(p[t->len - 3] == 'i' && p[t->len - 2] == 'n' && p[t->len - 1] == 'g');
}

/* "according to" (2 tokens), selon / según / laut / secondo (1), or 0 */
uint32_t
q_according_at(const qctx *q, uint32_t k)
{
	uint64_t	m = q_lexmask(q, k);

	if (m & Q_LEX_BIT(LEX_ACCORDING))
		return 1;
	/* "according" is a blocker: only those are compared */
	if ((m & Q_LEX_BIT(LEX_NP_BLOCKERS)) && q_is(q, k, "according") && q_is(q, k + 1, "to"))
		return 2;
	return 0;
}

/* the auxiliary of a perfect cue: », a déclaré X / », ha detto X */
int
q_perfect_aux(const qctx *q, uint32_t k)
{
	return q_in(q, k, LEX_PERFECT_AUXILIARIES);
}

/* ---- marks to quotes ---- */

/*
 * Records the quoted tokens first..last between the marks open and close (QNONE
 * when the quote runs on without one); an empty quote is no quote.  Returns 0
 * when memory runs out.
 */
static int
push_raw(qctx *q, na_vec *raws, uint32_t open, uint32_t close, uint32_t first,
		 uint32_t last, int continues)
{
	q_raw	   *r;

	if (first > last || first == QNONE || last == QNONE)
		return 1;
	r = na_vec_push(raws, q->mem);
	if (r == NULL)
		return 0;
	r->open = open;
	r->close = close;
	r->first = first;
	r->last = last;
	r->continues = (uint8_t) continues;
	return 1;
}

/* Is there a closing mark of the same family later in i's paragraph? */
static int
closes_later(const qctx *q, uint32_t i, uint8_t mark)
{
	const na_doc *doc = q->doc;
	uint32_t	p = doc->tokens[i].paragraph;

	for (uint32_t k = i + 1; k < doc->ntokens && k - i < LOOKAHEAD; k++)
	{
		const na_token *t = &doc->tokens[k];

		if (t->paragraph != p)
			return 0;
		if (t->kind == NA_TK_CLOSE_QUOTE && t->mark == mark)
			return 1;
		if (t->kind == NA_TK_OPEN_QUOTE && t->mark == mark)
			return 0;
	}
	return 0;
}

/*
 * '' typed for a double mark (the New York Times' house style, old wire
 * copy), or two single marks that the scanner left apart.
 */
static int
is_doubled_apostrophe(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];

	if (t->len == 2 && q->doc->text[t->start] == '\'' && q->doc->text[t->start + 1] == '\'')
		return 1;
	/* scanners that emit them as two single marks */
	return (t->flags & NA_TF_STRAIGHT) && t->mark == NA_MARK_SINGLE &&
		((i + 1 < q->doc->ntokens && q->doc->tokens[i + 1].mark == NA_MARK_SINGLE &&
		  q->doc->tokens[i + 1].start == t->start + 1) ||
		 (i > 0 && q->doc->tokens[i - 1].mark == NA_MARK_SINGLE &&
		  q->doc->tokens[i - 1].start + 1 == t->start));
}

/*
 * Is the doubled apostrophe at i a quotation mark?  Only when the scanner
 * made one mark of it (a pair of single marks is two apostrophes), and not
 * in a measurement: 6'' or 12'' after a number is inches.
 */
static int
doubled_apostrophe_quotes(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];

	if (t->len != 2 || t->mark == NA_MARK_SINGLE)
		return 0;
	if (t->kind == NA_TK_CLOSE_QUOTE && i > 0 && !(t->flags & NA_TF_SPACE_BEFORE) &&
		(q->doc->tokens[i - 1].kind == NA_TK_NUMBER || q->doc->tokens[i - 1].kind == NA_TK_RANGE))
		return 0;
	return 1;
}

/* an attribute value in markup (author="…") is no quotation */
static int
is_markup_value(const qctx *q, uint32_t open)
{
	const na_token *p;

	if (open == 0 || (q->doc->tokens[open].flags & NA_TF_SPACE_BEFORE))
		return 0;
	p = &q->doc->tokens[open - 1];
	return p->len == 1 && q->doc->text[p->start] == '=';
}

/*
 * Does the text quote with double marks?  There single marks only nest (or
 * quote in headlines, as apostrophes do too): only British-style texts that
 * never use double marks quote with single ones.  Asked only when a single
 * mark needs it: most texts have none, and this reads every token.
 */
static int
has_double_marks(const qctx *q)
{
	for (uint32_t i = 0; i < q->doc->ntokens; i++)
	{
		const na_token *t = &q->doc->tokens[i];

		if (t->kind != NA_TK_OPEN_QUOTE && t->kind != NA_TK_CLOSE_QUOTE)
			continue;
		/* '' typed for a double mark counts as one */
		if (t->mark != NA_MARK_SINGLE || is_doubled_apostrophe(q, i))
			return 1;
	}
	return 0;
}

/* The token flags that put a token on the lists of capitals and of cues. */
#define CAP_FLAGS (NA_TF_CAPITALIZED | NA_TF_PARA_START)
static const uint8_t mark_kinds[256] = {[NA_TK_OPEN_QUOTE] = 1, [NA_TK_CLOSE_QUOTE] = 1};

/*
 * Where q_token_events' lists are filled in its block: each an index into
 * it, from the start of the list's run to past its last token so far.
 */
typedef struct event_lists
{
	uint32_t	marks,
				caps,
				cues;
} event_lists;

#if defined(__SSE2__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define EVENTS_BY_FOUR 1

_Static_assert(offsetof(na_token, kind) == offsetof(na_token, flags) + 2 &&
			   sizeof(((na_token *) 0)->flags) == 2,
			   "a token's flags and kind are one 32-bit load (list_event_tokens)");
_Static_assert(Q_LEX_ASKED_KINDS == ((1u << NA_TK_ABBREV) | (1u << NA_TK_INITIAL)),
			   "list_event_tokens compares the kinds asked always");
_Static_assert(Q_LEX_DONE == UINT64_C(0x80000000) << 32,
			   "list_event_tokens writes Q_LEX_DONE as the high half of a mask");

/*
 * For each of the 16 sets of four tokens on a list (bit j: token j is),
 * their places among the four, in order, and how many they are: the four
 * tokens' numbers are written in one store, and the list grows by the count.
 */
static const uint32_t events_of_four[16][4] = {
	{0}, {0}, {1}, {0, 1}, {2}, {0, 2}, {1, 2}, {0, 1, 2},
	{3}, {0, 3}, {1, 3}, {0, 1, 3}, {2, 3}, {0, 2, 3}, {1, 2, 3}, {0, 1, 2, 3}
};
static const uint8_t events_in_four[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

/*
 * Appends to the list of the block at *at the four tokens numbered
 * `numbers` that the bits `on` select, in one store: the slots past the
 * listed ones take numbers the next stores overwrite or no one reads (a
 * list's run holds a slot per token, and its index is at most that of the
 * first of the four).
 */
static inline void
append_four(uint32_t *block, uint32_t *at, __m128i numbers, unsigned on)
{
	_mm_storeu_si128((__m128i *) (block + *at),
					 _mm_add_epi32(numbers, _mm_loadu_si128((const __m128i *) events_of_four[on])));
	*at += events_in_four[on];
}

/*
 * list_event_tokens for four tokens at once, with SSE2: their flags and
 * kinds in one vector, the tests of each list and of the first lexmask as
 * compares, the four masks in two stores and each list's tokens in one
 * (append_four).  BBC callgrind: q_token_events, whose first pass listed
 * the tokens on any list (21 instructions a token, scalar) and whose second
 * sorted them onto the lists, 26.8M -> 20.2M instructions and 62,600 ->
 * 17,600 mispredicted branches.
 */
static inline void
list_four_tokens(const na_token *four, __m128i numbers, uint32_t *block, event_lists *at,
				 uint64_t *masks)
{
	__m128i		w[4],
				v,
				kind,
				para,
				asked,
				done;
	const __m128i zero = _mm_setzero_si128();

	/* (one load a token, then unpacked: GCC built _mm_setr_epi32 of four
	 * loads through the stack) */
	for (int j = 0; j < 4; j++)
	{
		int32_t		x;

		memcpy(&x, &four[j].flags, sizeof(x));
		w[j] = _mm_cvtsi32_si128(x);
	}
	v = _mm_unpacklo_epi64(_mm_unpacklo_epi32(w[0], w[1]), _mm_unpacklo_epi32(w[2], w[3]));
	kind = _mm_and_si128(_mm_srli_epi32(v, 16), _mm_set1_epi32(0xff));
	para = _mm_cmpeq_epi32(_mm_and_si128(v, _mm_set1_epi32(NA_TF_PARA_START)),
						   _mm_set1_epi32(NA_TF_PARA_START));
	append_four(block, &at->marks, numbers,
				(unsigned) _mm_movemask_ps(_mm_castsi128_ps(
					_mm_or_si128(para, _mm_or_si128(_mm_cmpeq_epi32(kind, _mm_set1_epi32(NA_TK_OPEN_QUOTE)),
													_mm_cmpeq_epi32(kind, _mm_set1_epi32(NA_TK_CLOSE_QUOTE)))))));
	append_four(block, &at->caps, numbers,
				~(unsigned) _mm_movemask_ps(_mm_castsi128_ps(
					_mm_cmpeq_epi32(_mm_and_si128(v, _mm_set1_epi32(CAP_FLAGS)), zero))) & 15u);
	append_four(block, &at->cues, numbers,
				~(unsigned) _mm_movemask_ps(_mm_castsi128_ps(
					_mm_cmpeq_epi32(_mm_and_si128(v, _mm_set1_epi32(NA_TF_CUE_SHAPE)), zero))) & 15u);
	/* looked up when asked (mask 0): q_lex_initial_masks' rule */
	asked = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi32(kind, _mm_set1_epi32(NA_TK_ABBREV)),
									  _mm_cmpeq_epi32(kind, _mm_set1_epi32(NA_TK_INITIAL))),
						 _mm_andnot_si128(_mm_cmpeq_epi32(_mm_and_si128(v, _mm_set1_epi32(Q_LEX_SHAPE_FLAGS)),
														  zero),
										  _mm_cmpeq_epi32(kind, _mm_set1_epi32(NA_TK_WORD))));
	done = _mm_andnot_si128(asked, _mm_set1_epi32((int) 0x80000000u));
	_mm_storeu_si128((__m128i *) masks, _mm_unpacklo_epi32(zero, done));
	_mm_storeu_si128((__m128i *) (masks + 2), _mm_unpackhi_epi32(zero, done));
}
#else
#define EVENTS_BY_FOUR 0
#endif

/*
 * q_token_events' pass over the tokens: each token on the lists it is on
 * (block at the indexes of *at), with no branch, and its first lexmask
 * (q_lex_initial_mask) from the same reading of its kind and flags.  Four
 * tokens at a time where SSE2 is at hand (list_four_tokens), the rest one
 * by one.  Apart, with nothing else live, so that the loop keeps its
 * indexes in registers (inside q_token_events they went to the stack,
 * reloaded at every token).
 */
static __attribute__((noinline)) void
list_event_tokens(const na_token *toks, uint32_t n, uint32_t *block, event_lists *lists,
				  uint64_t *lexmask)
{
	event_lists at = *lists;
	uint32_t	i = 0;

#if EVENTS_BY_FOUR
	__m128i		numbers = _mm_setzero_si128();	/* i in every lane */
	const na_token *four = toks;	/* (pointers that step, not indexes:
									 * GCC computed i * 28 at every step) */
	uint64_t   *masks = lexmask;

	for (; i + 4 <= n; i += 4, four += 4, masks += 4)
	{
		list_four_tokens(four, numbers, block, &at, masks);
		numbers = _mm_add_epi32(numbers, _mm_set1_epi32(4));
	}
#endif
	for (; i < n; i++)
	{
		unsigned	f = toks[i].flags;
		unsigned	kind = toks[i].kind;

		block[at.marks] = i;
		at.marks += (mark_kinds[kind] | (f & NA_TF_PARA_START)) != 0;
		block[at.caps] = i;
		at.caps += (f & CAP_FLAGS) != 0;
		block[at.cues] = i;
		at.cues += (f & NA_TF_CUE_SHAPE) != 0;
		lexmask[i] = q_lex_initial_mask(kind, f);
	}
	*lists = at;
}

/*
 * The tokens each step starts from (q_events), in one pass over every
 * token that puts each on the lists it is on with no branch (a capital, a
 * paragraph's start, a cue's shape, a quotation mark: a token in five);
 * every later step reads its list instead of all the tokens.  (A headline's
 * counts of words are headline_end's.)  Not inlined: in the analysis's one
 * large function its counters and lists went to the stack, reloaded at
 * every token.
 */
static __attribute__((noinline)) int
q_token_events(qctx *q)
{
	const na_token *toks = q->doc->tokens;
	uint32_t	n = q->doc->ntokens;
	q_events   *ev = &q->events;
	uint32_t   *block = na_alloc(q->mem, (size_t) 3 * (n + 1) * sizeof(uint32_t) +
									 (size_t) (n + 2) * sizeof(q_para));
	/*
	 * the lists are runs of one block, filled through indexes into it (few
	 * registers: the loop kept its pointers on the stack): marks from 0,
	 * capitals from n + 1, cues from 2 (n + 1), the paragraphs from
	 * 3 (n + 1) (n + 2 of them: token 0, the starts, the end)
	 */
	event_lists at = {0, n + 1, 2 * (n + 1)};
	q_para	   *paras;
	uint32_t	np = 0;

	if (block == NULL)
		return 0;
	paras = (q_para *) (block + 3 * (n + 1));
	if (n > 0 && !(toks[0].flags & NA_TF_PARA_START))
	{
		paras[0].token = 0;
		paras[0].first_cap = 0;
		np = 1;
	}
	list_event_tokens(toks, n, block, &at, q->lexmask);
	/*
	 * the paragraphs' starts are among the marks (a mark in ten or so) and
	 * among the capitals (CAP_FLAGS): read from the marks, each with its
	 * place on the list of capitals (headline_end's bound), found by one
	 * walk along that list
	 */
	for (uint32_t e = 0, c = n + 1; e < at.marks; e++)
	{
		uint32_t	i = block[e];

		if (!(toks[i].flags & NA_TF_PARA_START))
			continue;
		while (block[c] < i)
			c++;
		paras[np].token = i;
		paras[np++].first_cap = c - (n + 1);
	}
	paras[np].token = n;
	paras[np].first_cap = at.caps - (n + 1);
	ev->marks = block;
	ev->nmarks = at.marks;
	ev->caps = block + n + 1;
	ev->ncaps = at.caps - (n + 1);
	ev->cues = block + 2 * (n + 1);
	ev->ncues = at.cues - 2 * (n + 1);
	ev->paras = paras;
	ev->nparas = np;
	return 1;
}

/*
 * Pairs opening and closing marks into raw quotes in one pass over the tokens:
 * double (and angle) marks first, single marks only where they quote (inside
 * double marks, or in texts that never use double ones), and a quote left open
 * at a paragraph end continues when the next paragraph opens again, as news
 * style writes a quotation of several paragraphs.
 */
static int
pair_marks(qctx *q, na_vec *raws)
{
	const na_doc *doc = q->doc;
	uint32_t	open = QNONE;	/* double (or angle) quote open */
	uint8_t		open_mark = 0;
	uint32_t	sopen = QNONE;	/* single quote open outside double quotes */
	int			carry = 0;		/* the previous paragraph ended inside a quote */
	const na_token *toks = doc->tokens;
	uint32_t	checked_block = UINT32_MAX;	/* interrupts checked per 4096 tokens */
	int			continues = 0;
	int			has_double = -1;	/* has_double_marks, looked at when first needed */

	/* nearly every token is neither a mark nor a paragraph start: the
	 * others are listed (q_token_events) */
	for (uint32_t e = 0; e < q->events.nmarks; e++)
	{
		uint32_t	i = q->events.marks[e];
		const na_token *t = &toks[i];

		if ((i >> 12) != checked_block)
		{
			checked_block = i >> 12;
			na_check_interrupts(q->mem);
		}
		if ((t->flags & NA_TF_PARA_START) && i > 0)
		{
			carry = 0;
			if (open != QNONE)
			{
				/* unclosed at the paragraph's end: it ends here */
				if (!push_raw(q, raws, open, QNONE, open + 1, i - 1, continues))
					return 0;
				carry = 1;
				open = QNONE;
			}
			sopen = QNONE;
		}
		if (t->kind != NA_TK_OPEN_QUOTE && t->kind != NA_TK_CLOSE_QUOTE)
			continue;
		if (is_doubled_apostrophe(q, i) && !doubled_apostrophe_quotes(q, i))
			continue;
		if (t->mark == NA_MARK_SINGLE)
		{
			if (open != QNONE)
				continue;		/* nested: part of the outer quote */
			if (has_double < 0)
				has_double = has_double_marks(q);
			if (has_double)
				continue;
			if (t->kind == NA_TK_OPEN_QUOTE && sopen == QNONE && closes_later(q, i, NA_MARK_SINGLE))
				sopen = i;
			else if (t->kind == NA_TK_CLOSE_QUOTE && sopen != QNONE)
			{
				if (!is_markup_value(q, sopen) &&
					!push_raw(q, raws, sopen, i, sopen + 1, i - 1, 0))
					return 0;
				sopen = QNONE;
			}
			continue;
		}
		if (t->kind == NA_TK_OPEN_QUOTE && open == QNONE)
		{
			open = i;
			open_mark = t->mark;
			continues = carry && (t->flags & NA_TF_PARA_START);
			sopen = QNONE;
			continue;
		}
		if (t->kind == NA_TK_OPEN_QUOTE)
		{
			/* an opening mark while one is open: a new quote if a closing
			 * mark follows in the paragraph, otherwise a misdrawn close */
			if ((t->flags & NA_TF_SPACE_BEFORE) && i + 1 < doc->ntokens &&
				!(doc->tokens[i + 1].flags & NA_TF_SPACE_BEFORE) &&
				q_same_paragraph(q, i, i + 1) && closes_later(q, i, t->mark))
			{
				if (!is_markup_value(q, open) &&
					!push_raw(q, raws, open, QNONE, open + 1, i - 1, continues))
					return 0;
				open = i;
				open_mark = t->mark;
				continues = 0;
				continue;
			}
		}
		if (open == QNONE)
			continue;			/* a stray closing mark */
		if (t->mark != open_mark && t->kind == NA_TK_OPEN_QUOTE)
			continue;
		if (!is_markup_value(q, open) &&
			!push_raw(q, raws, open, i, open + 1, i - 1, continues))
			return 0;
		open = QNONE;
		continues = 0;
		carry = 0;
	}
	if (open != QNONE && !push_raw(q, raws, open, QNONE, open + 1, doc->ntokens - 1, continues))
		return 0;
	return 1;
}

/* ---- putting it together ---- */

/* Is the quote a title of a work or show (every word capitalized, named as one)? */
static int
is_title(const qctx *q, const q_raw *r)
{
	const na_doc *doc = q->doc;
	int			words = 0;

	if (r->open == QNONE || r->close == QNONE || r->open == 0 || r->last - r->first > 10)
		return 0;
	/* Ann Lee's commentary, “Tell your story,” is …: the name of a work */
	if (r->open >= 2 && q_is_punct(q, r->open - 1, ',') &&
		q_in(q, r->open - 2, LEX_TITLE_CUES) && q_is_word(q, r->open - 2) &&
		!q_is_cap(q, r->open - 2))
		return 1;
	for (uint32_t k = r->first; k <= r->last; k++)
	{
		const na_token *t = &doc->tokens[k];

		if (t->kind == NA_TK_PUNCT || t->kind == NA_TK_DASH)
			continue;
		if (!q_is_cap(q, k) && !(k > r->first && q_in(q, k, LEX_TITLE_SMALL_WORDS)) &&
			t->kind != NA_TK_NUMBER)
			return 0;
		words++;
	}
	if (words == 0)
		return 0;
	/* an episode of “Morning Desk,” / the author of “Going Home” */
	if (r->open >= 2 && q_is(q, r->open - 1, "of") && q_in(q, r->open - 2, LEX_TITLE_CUES))
		return 1;
	return q_possessive(q, r->open - 1) || q_in(q, r->open - 1, LEX_TITLE_CUES) ||
		q_in(q, r->close + 1, LEX_TITLE_FOLLOWERS) ||
		(q_is_cap(q, r->close + 1) && q_in(q, r->close + 2, LEX_TITLE_FOLLOWERS));
}

/* Does the mention [first, last] name a person? */
static int
names_person(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	e = q_mention_ending_in(q, first, last);

	return e != QNONE && ((q_entity *) q->entities.items)[e].person &&
		!((q_entity *) q->entities.items)[e].place;
}

/*
 * Does a description ending at token last name people by what they do (the
 * lawyer, many voters), not a thing (the plan, the name)?  Only such a
 * subject's sentence may be its scare quote's source: on train a short quote
 * given to any other description's subject was wrong two times in three.
 */
static int
names_people_by_role(const qctx *q, uint32_t last)
{
	return q_is_role_noun(q, last) || q_in(q, last, LEX_SOURCE_NOUNS);
}

/*
 * Does a verb that gives a name come just before the quote (calls it “…”,
 * called him a “…”, a film called “…”)?  Up to three words may stand
 * between; "so-called" and "self-described" only distance the writer.
 */
static int
after_naming_verb(const qctx *q, const q_raw *r)
{
	if (r->open == QNONE || r->open < 2)
		return 0;
	for (uint32_t k = r->open - 1, words = 0; k > 0 && words <= 3; k--, words++)
	{
		const na_token *t = &q->doc->tokens[k];

		if (t->kind != NA_TK_WORD || t->sentence != q->doc->tokens[r->open].sentence)
			return 0;
		if (na_lex_has(NA_LEX_NAMING_VERBS, q->doc->text + t->start, t->len))
			return !q_is_punct(q, k - 1, '-');
	}
	return 0;
}

/* Is quote r joined to the quote before it: “…” and “…”, “…” or “…”? */
static int
coordinated(const qctx *q, const q_raw *before, const q_raw *r)
{
	if (before->close == QNONE || r->open == QNONE || r->open <= before->close ||
		r->open - before->close > 4 ||
		q->doc->tokens[before->close].sentence != q->doc->tokens[r->open].sentence)
		return 0;
	for (uint32_t k = before->close + 1; k < r->open; k++)
		if (!q_is(q, k, "and") && !q_is(q, k, "or") && !q_is_punct(q, k, ',') &&
			!q_is(q, k, "a") && !q_is(q, k, "an") && !q_is(q, k, "as") && !q_is(q, k, "the"))
			return 0;
	return 1;
}

/* Words inside a quote (punctuation not counted). */
static uint32_t
count_words(const qctx *q, const q_raw *r)
{
	uint32_t	n = 0;

	for (uint32_t k = r->first; k <= r->last; k++)
		n += q->doc->tokens[k].kind != NA_TK_PUNCT && !q_is_quote_mark(q, k);
	return n;
}

/* Does the quote read as speech of its own (a sentence or more)? */
static int
is_direct(const qctx *q, const q_raw *r)
{
	const na_doc *doc = q->doc;
	const na_token *o;

	if (r->open == QNONE)
		return 1;
	o = &doc->tokens[r->open];
	if (o->flags & (NA_TF_SENT_START | NA_TF_PARA_START))
		return 1;
	if (r->open > 0 && (q_is_punct(q, r->open - 1, ':') || q_is_punct(q, r->open - 1, ',')) &&
		q_is_cap(q, r->first))
		return 1;
	for (uint32_t k = r->first; k <= r->last; k++)
		if (doc->tokens[k].flags & NA_TF_SENT_END)
			return q_is_cap(q, r->first);
	return 0;
}

/*
 * Is the quote a name or term its sentence goes on to talk about (“Refoulement”
 * is forbidden by law; ''Billions,'' on Showtime, is a drama; “Daily Show”
 * host)?  The sentence runs on after the closing mark in lower case, where
 * a speaker's next words end their sentence inside the marks.
 */
static int
named_in_its_sentence(const qctx *q, const q_raw *r)
{
	uint32_t	next;

	if (r->close == QNONE || r->close + 1 >= q->doc->ntokens)
		return 0;
	next = r->close + 1;
	if (q_is_punct(q, next, '(') || q_is_punct(q, next, ','))
		next++;
	return q_is_word(q, next) && !q_is_cap(q, next) &&
		q->doc->tokens[next].sentence == q->doc->tokens[r->close].sentence &&
		!(q->doc->tokens[next].flags & NA_TF_PARA_START);
}

/*
 * Does the quote hold no words anyone said: a stage direction in brackets
 * (“(CROSSTALK.)”, “(APPLAUSE)”) or a lone label before a colon (“Related:”)?
 * Such a quote is no one's speech, however it sits in a run of quotes.
 */
static int
carries_no_speech(const qctx *q, const q_raw *r)
{
	uint32_t	last = r->last;

	if (r->last < r->first)
		return 0;
	if (q_is_punct(q, last, '.') && last > r->first)
		last--;
	if (q_is_punct(q, r->first, '(') && q_is_punct(q, last, ')'))
	{
		/* one bracket around it all, not “(Yes) we will (win)” */
		for (uint32_t k = r->first + 1; k < last; k++)
			if (q_is_punct(q, k, '(') || q_is_punct(q, k, ')'))
				return 0;
		return 1;
	}
	return r->last == r->first + 1 && q_is_word(q, r->first) && q_is_punct(q, r->last, ':');
}

/* Does a quote with no cue stand as a sentence that may continue a speaker? */
static int
may_continue(const qctx *q, const q_raw *r, const q_raw *before)
{
	const na_doc *doc = q->doc;

	if (r->open == QNONE)
		return 1;
	/* “…,” said X, “…”: the second half of a quote split by its attribution */
	if (before && before->close != QNONE && r->open > 0 &&
		(q_is_punct(q, r->open - 1, ',') || q_is_punct(q, r->open - 1, ':')) &&
		q_same_paragraph(q, before->close, r->open) && r->open - before->close < CUE_WINDOW + 4)
		return 1;
	if (!(doc->tokens[r->open].flags & (NA_TF_SENT_START | NA_TF_PARA_START)))
	{
		/* right after the previous quote's closing mark: “…” “…” */
		if (!(r->open > 0 && doc->tokens[r->open - 1].kind == NA_TK_CLOSE_QUOTE))
			return 0;
	}
	if (named_in_its_sentence(q, r))
		return 0;
	return r->last - r->first + 1 >= 3 || q_is_cap(q, r->first);
}

/*
 * The speaker entity an attribution's source mention stands for: a pronoun
 * resolved to a person named before the quote, "X, who said" to X, and a
 * description ("the mayor") to the person the article titled so; QNONE when
 * the text does not say who.
 */
uint32_t
q_entity_of_source(qctx *q, const q_attr *a, const q_raw *r)
{
	if (a->type == SRC_PRONOUN)
	{
		/* “…,” he said: he is someone named before the quote */
		uint32_t	before = a->src_first;

		if (r->open != QNONE && r->open < before)
			before = r->open;
		else if (r->first < before)
			before = r->first;
		/* his claim that …, her fear that …: a possessive source (reports) */
		if (q_in(q, a->src_first, LEX_PRONOUNS_HE) || q_is(q, a->src_first, "his"))
			return q_resolve_pronoun(q, before, NA_GENDER_MALE);
		if (q_in(q, a->src_first, LEX_PRONOUNS_SHE) || q_is(q, a->src_first, "her"))
			return q_resolve_pronoun(q, before, NA_GENDER_FEMALE);
		/* “…,” it said: the organisation quoted just before */
		if (q_is(q, a->src_first, "it"))
			return q_resolve_it(q, before);
		return QNONE;
	}
	if (a->src_first == a->src_last && a->src_first >= 2 &&
		(q_is(q, a->src_first, "who") || q_is(q, a->src_first, "which")))
	{
		uint32_t	f,
					l;

		uint32_t	e;

		/* X, who said / X who said (a reporting relative with no comma) */
		if (q_np_backward(q, a->src_first - (q_is_punct(q, a->src_first - 1, ',') ? 2 : 1), 0,
						  &f, &l) == SRC_NONE)
			return QNONE;
		e = q_mention_ending_in(q, f, l);
		/* X, the office’s spokesperson, who said: X */
		if (e == QNONE && f >= 2 && q_is_punct(q, f - 1, ',') &&
			q_np_backward(q, f - 2, 0, &f, &l) == SRC_NAME)
			e = q_mention_ending_in(q, f, l);
		return e;
	}
	{
		/* the Trump campaign said: the campaign, not Trump */
		uint32_t	e = q_organisation_after_name(q, a->src_first, a->src_last);

		if (e == QNONE)
			e = q_mention_ending_in(q, a->src_first, a->src_last);
		/* the mayor said: the person the article titled Mayor */
		if (e == QNONE)
			e = q_resolve_description(q, a->src_first, a->src_last);
		return e;
	}
}

/*
 * Where the attribution of a document's quotations stands as they are read
 * in text order: the last source found, its speaker entity and paragraph.
 * A quote continuing into the next paragraph, a coordinated quote and a
 * long passage with no source of its own inherit them.
 */
typedef struct q_attr_run
{
	q_attr		prev;
	uint32_t	prev_entity;
	uint32_t	prev_para;
} q_attr_run;

/*
 * The per-token arrays of the analysis and the name key heads, in one
 * block: one allocation per article, not four.  Zeroed but for the word
 * lists' masks, which q_token_events writes for every token as it lists
 * them.
 */
static int
alloc_token_arrays(qctx *q)
{
	const na_doc *doc = q->doc;
	size_t		masks = (size_t) doc->ntokens * sizeof(uint64_t);
	size_t		words = (size_t) doc->ntokens + Q_KEY_BUCKETS;
	size_t		bytes = masks + (size_t) doc->ntokens * sizeof(q_word) +
		words * sizeof(uint32_t) + doc->ntokens;
	uint64_t   *block = na_alloc(q->mem, bytes);

	if (block == NULL)
		return 0;
	memset((char *) block + masks, 0, bytes - masks);
	q->lexmask = block;
	q->words = (q_word *) (block + doc->ntokens);
	q->mention_at = (uint32_t *) (q->words + doc->ntokens);
	q->key_heads = q->mention_at + doc->ntokens;
	q->in_quote = (uint8_t *) (q->key_heads + Q_KEY_BUCKETS);
	return 1;
}

/* Tokens inside a quotation are marked, so that names and reports there
 * are known as quoted. */
static void
mark_quoted_tokens(qctx *q, const q_raw *rs, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		memset(q->in_quote + rs[i].first, 1, rs[i].last - rs[i].first + 1);
}

/*
 * The source of quotation i, tried in the order news writes it: a
 * continuation of the paragraph before; a cue after or before the quote or
 * in its sentence; the sentence before; the run's last speaker; the
 * sentence's subject for short or long quotes.  Sets *a (type SRC_NONE: no
 * source), *entity (QNONE: none) and *speech (someone's words, speaker
 * unknown).  It stands apart from the row it fills because its order of
 * rules is the heart of direct-quote attribution and reads best alone.
 */
static void
source_of_quote(qctx *q, const q_raw *rs, uint32_t i, uint32_t para, const q_attr_run *run,
				q_attr *a, uint32_t *entity, int *speech)
{
	const q_raw *r = &rs[i];
	int			found;
	int			title = 0;
	src_type	short_type;
	uint32_t	short_first,
				short_last;

	if (carries_no_speech(q, r))
	{
		a->how = NA_QA_NONE;
		return;
	}
	if (r->continues && run->prev.type != SRC_NONE && run->prev_para != QNONE && para == run->prev_para + 1)
	{
		/* the next paragraph of the same speech, unless a transcript
		 * label hands it to the next speaker (“PENCE: …” after “WALLACE: …”) */
		found = q_attr_transcript(q, r, a) || q_attr_after(q, r, a);
		if (!found)
		{
			*a = run->prev;
			a->how = NA_QA_CONTINUATION;
			a->confidence = 0.8f;
			*entity = run->prev_entity;
		}
		else
			*entity = q_entity_of_source(q, a, r);
	}
	else
	{
		title = is_title(q, r);
		if (title)
			found = 0;
		else
		{
			found = q_attr_transcript(q, r, a);
			if (!found && q_is_embedded(q, r))
				found = q_attr_before(q, r, a) || q_attr_as_clause(q, r, a) ||
					q_attr_in_sentence_before(q, r, a) ||
					q_attr_after(q, r, a) || q_attr_in_sentence_after(q, r, a);
			else if (!found)
				found = q_attr_after(q, r, a) || q_attr_as_clause(q, r, a) || q_attr_before(q, r, a) ||
					q_attr_in_sentence_before(q, r, a) || q_attr_in_sentence_after(q, r, a) ||
					q_attr_colon(q, r, a);
		}
		if (found)
			*entity = q_entity_of_source(q, a, r);
		else if ((is_direct(q, r) || count_words(q, r) >= SPEECH_MIN_WORDS) &&
				 q_attr_previous_sentence(q, r, a))
			*entity = q_entity_of_source(q, a, r);
		else if (run->prev.type != SRC_NONE && run->prev_para != QNONE &&
				 (para == run->prev_para || para == run->prev_para + 1) &&
				 (may_continue(q, r, i > 0 ? &rs[i - 1] : NULL) ||
				  (a->how == NA_QA_CONTINUATION && para == run->prev_para)))
		{
			uint32_t	cue = a->how == NA_QA_CONTINUATION ? a->cue_first : 0;

			*a = run->prev;
			a->how = NA_QA_CONTINUATION;
			a->confidence = 0.65f;
			a->cue_first = a->cue_last = cue;
			*entity = run->prev_entity;
		}
		else if (!title && i > 0 && coordinated(q, &rs[i - 1], r) &&
				 ((na_quote *) q->quotes.items)[i - 1].attribution != NA_QA_NONE &&
				 run->prev.type != SRC_NONE)
		{
			/* “more listening” and “more learning”: one attribution */
			*a = run->prev;
			*entity = run->prev_entity;
		}
		else if (!title && count_words(q, r) < SPEECH_MIN_WORDS && !q_nickname_in_name(q, r) &&
				 (short_type = q_sentence_subject(q, r->open != QNONE ? r->open : r->first,
												&short_first, &short_last)) != SRC_NONE &&
				 !q_in(q, short_first, LEX_PRONOUNS_OTHER) &&
				 (short_type == SRC_PRONOUN || names_person(q, short_first, short_last) ||
				  (short_type == SRC_NOMINAL && names_people_by_role(q, short_last))))
		{
			/* Reid has gone after Trump as a “spoiled brat”: the subject's words */
			q_set_attr(a, short_type, short_first, short_last, 0, 0, NA_QA_SUBJECT, 0.35f);
			*entity = q_entity_of_source(q, a, r);
		}
		else if (!title && count_words(q, r) >= SPEECH_MIN_WORDS)
		{
			/* too long for a scare quote: someone's words, maybe the last
			 * speaker's, maybe the subject's */
			uint32_t	sf,
						sl;
			src_type	type;

			*speech = 1;
			if (q_is_embedded(q, r) &&
				(type = q_sentence_subject(q, r->open, &sf, &sl)) != SRC_NONE &&
				(type == SRC_PRONOUN ? !q_in(q, sf, LEX_PRONOUNS_OTHER) : names_person(q, sf, sl)))
			{
				/* Paul Ryan worried that the net was becoming “a hammock …” */
				q_set_attr(a, type, sf, sl, 0, 0, NA_QA_SUBJECT, 0.45f);
				*entity = q_entity_of_source(q, a, r);
			}
			else if (!is_direct(q, r) &&
					 (type = q_sentence_subject(q, r->open, &sf, &sl)) != SRC_NONE &&
					 !(type == SRC_PRONOUN && q_in(q, sf, LEX_PRONOUNS_OTHER)))
			{
				/*
				 * the secretary talked about continuing the “progress we
				 * made …”: a phrase inside a sentence is its subject's
				 * words far more often than the last speaker's (on train a
				 * third of such quotes handed on were right)
				 */
				q_set_attr(a, type, sf, sl, 0, 0, NA_QA_SUBJECT, 0.4f);
				*entity = q_entity_of_source(q, a, r);
			}
			else if (run->prev.type != SRC_NONE && run->prev_para != QNONE && para <= run->prev_para + 1)
			{
				*a = run->prev;
				a->how = NA_QA_CONTINUATION;
				a->confidence = 0.45f;
				a->cue_first = a->cue_last = 0;
				*entity = run->prev_entity;
			}
			else if ((type = q_sentence_subject(q, r->open != QNONE ? r->open : r->first,
											  &sf, &sl)) != SRC_NONE)
			{
				q_set_attr(a, type, sf, sl, 0, 0, NA_QA_SUBJECT, 0.4f);
				*entity = q_entity_of_source(q, a, r);
			}
			else
				a->how = NA_QA_NONE;
		}
		else if (count_words(q, r) < SPEECH_MIN_WORDS && after_naming_verb(q, r))
		{
			/*
			 * what the paper calls “the pearl”, a film called “…”: the
			 * name someone gave, which the annotators count as a quote
			 * (on train 19 of 25 such quotes left unattributed were
			 * gold).  Its sentence's subject gave it when the subject is
			 * someone (a named person or body, a role); with no such
			 * subject the row would be a report with no source, which
			 * costs the attributions more than the quotes gain.
			 */
			uint32_t	sf,
						sl;
			src_type	type = q_sentence_subject(q, r->open, &sf, &sl);

			if (type != SRC_NONE && !(type == SRC_PRONOUN && q_in(q, sf, LEX_PRONOUNS_OTHER)))
			{
				q_set_attr(a, type, sf, sl, 0, 0, NA_QA_SUBJECT, 0.3f);
				*entity = q_entity_of_source(q, a, r);
				if (*entity == QNONE && !(type == SRC_NOMINAL && names_people_by_role(q, sl)))
				{
					a->how = NA_QA_NONE;
					a->type = SRC_NONE;
				}
			}
			else
				a->how = NA_QA_NONE;
		}
		else
			a->how = NA_QA_NONE;
	}
}

/*
 * Quote row qt from the source found for it, and the run moved on when the
 * quote has a source (the next quotations may inherit it).
 */
static void
fill_quote_row(qctx *q, na_quote *qt, const q_raw *r, const q_attr *a, uint32_t entity,
			   int speech, uint32_t para, q_attr_run *run)
{
	qt->attribution = a->how;
	if (a->type != SRC_NONE)
	{
		qt->mention = q_span(q, a->src_first, a->src_last);
		if (a->cue_last >= a->cue_first && a->cue_first > 0)
		{
			qt->cue = q_span(q, a->cue_first, a->cue_last);
			qt->cue_class = a->how == NA_QA_ACCORDING_TO ? NA_CUE_SPEECH :
				q_is_reporting_cue(q, a->cue_first) ? q_cue_class_at(q, a->cue_first) : NA_CUE_SPEECH;
			/* the cue attributes this quotation: it reports nothing
			 * else (a partial quote's cue reports the clause around it,
			 * and a cue in the sentence before, whose speaker goes on
			 * in this quote, the clause it governs there) */
			if (is_direct(q, r) && a->how != NA_QA_CONTINUATION)
				for (uint32_t c = a->cue_first; c <= a->cue_last; c++)
					q->in_quote[c] |= 2;
		}
		qt->confidence = a->confidence;
		qt->kind = is_direct(q, r) ? NA_QK_DIRECT : NA_QK_PARTIAL;
		if (entity != QNONE)
		{
			q_entity   *e = &((q_entity *) q->entities.items)[entity];

			e->quotes++;
			qt->speaker = (int32_t) entity;		/* an entity until q_build_speakers */
			q_row_spoken(q, qt);
		}
		run->prev = *a;
		run->prev_entity = entity;
		run->prev_para = para;
	}
	else if (speech)
	{
		qt->kind = is_direct(q, r) ? NA_QK_DIRECT : NA_QK_PARTIAL;
		qt->confidence = 0.3f;
	}
	else
	{
		qt->kind = NA_QK_UNATTRIBUTED;
		qt->confidence = (r->last - r->first < 4) ? 0.8f : 0.5f;
	}
}

/* Quotation i as a row of q->quotes, with its source (see source_of_quote). */
static void
attribute_quote(qctx *q, const q_raw *rs, uint32_t i, q_attr_run *run)
{
	const na_doc *doc = q->doc;
	const q_raw *r = &rs[i];
	na_quote   *qt = na_vec_push_unset(&q->quotes, q->mem);	/* reserved: cannot fail */
	q_attr		a = {0};
	uint32_t	entity = QNONE;
	int			speech = 0;
	uint32_t	para = doc->tokens[r->open != QNONE ? r->open : r->first].paragraph;

	*qt = q_no_quote;
	qt->text = q_span(q, r->first, r->last);
	qt->first_token = r->first;
	qt->ntokens = r->last - r->first + 1;
	qt->paragraph = para;
	qt->sentence = doc->tokens[r->open != QNONE ? r->open : r->first].sentence;
	source_of_quote(q, rs, i, para, run, &a, &entity, &speech);
	fill_quote_row(q, qt, r, &a, entity, speech, para, run);
}

/*
 * A quote running over paragraphs may be attributed only at its end: the
 * unattributed paragraphs before it take the attribution of the one that
 * has it.
 */
static void
attribute_back_across_paragraphs(qctx *q, const q_raw *rs, uint32_t n)
{
	for (uint32_t i = n > 0 ? n - 1 : 0; i > 0; i--)
	{
		na_quote   *later = &((na_quote *) q->quotes.items)[i];
		na_quote   *earlier = &((na_quote *) q->quotes.items)[i - 1];

		if (rs[i].continues && earlier->attribution == NA_QA_NONE &&
			later->attribution != NA_QA_NONE && !carries_no_speech(q, &rs[i - 1]))
		{
			earlier->attribution = NA_QA_CONTINUATION;
			earlier->mention = later->mention;
			earlier->cue = later->cue;
			earlier->speaker = later->speaker;
			earlier->kind = NA_QK_DIRECT;
			earlier->confidence = 0.75f;
			if (later->speaker >= 0)
				((q_entity *) q->entities.items)[later->speaker].quotes++;
		}
	}
	/* (a row of none may have taken a speaker, one with a speaker none) */
	q->last_spoken = 0;
	for (uint32_t i = (uint32_t) q->quotes.count; i-- > 0 && q->last_spoken == 0;)
		q_row_spoken(q, &((na_quote *) q->quotes.items)[i]);
}

/*
 * The analysis of one scanned document in its steps: pair the quotation
 * marks, lay out the per-token arrays, collect the names, attribute every
 * quotation in text order (then back across paragraphs), find the reported
 * speech and merge it with the quotations, and build the speakers.
 */
static int
analyse(qctx *q, na_quote_result *out)
{
	na_vec		raws;
	q_raw	   *rs;
	uint32_t	n;
	q_attr_run	run = {{0}, QNONE, QNONE};
	int			ok = 0;

	na_vec_init(&raws, sizeof(q_raw));
	if (!alloc_token_arrays(q) || !q_token_events(q) || !pair_marks(q, &raws))
		goto done;
	n = (uint32_t) raws.count;
	rs = raws.items;
	if (q->doc->ntokens == 0)
	{
		ok = 1;
		goto done;
	}
	mark_quoted_tokens(q, rs, n);
	if (!q_collect_names(q) || !na_vec_reserve(&q->quotes, q->mem, n))
		goto done;
	for (uint32_t i = 0; i < n; i++)
	{
		if ((i & 255) == 0)
			na_check_interrupts(q->mem);
		attribute_quote(q, rs, i, &run);
	}
	attribute_back_across_paragraphs(q, rs, n);
	if (!q_reported_speech(q) || !q_merge_reports(q, n) || !q_build_speakers(q, out))
		goto done;
	ok = 1;
done:
	na_vec_free(&raws, q->mem);
	return ok;
}

na_status
na_quotes_analyse(const na_doc *doc, const na_mem *mem, na_quote_result *out)
{
	return na_quotes_analyse_with(doc, 0, mem, out);
}

na_status
na_quotes_analyse_with(const na_doc *doc, unsigned options, const na_mem *mem,
					   na_quote_result *out)
{
	qctx		q;
	int			ok;

	memset(out, 0, sizeof(*out));
	memset(&q, 0, sizeof(q));
	q.doc = doc;
	q.mem = mem;
	q.options = options;
	na_vec_init(&q.quotes, sizeof(na_quote));
	na_vec_init(&q.mentions, sizeof(q_mention));
	na_vec_init(&q.entities, sizeof(q_entity));
	na_vec_init(&q.key_nodes, sizeof(uint32_t) * 2);

	/* q.failed: an allocation failed where no status could be returned */
	ok = analyse(&q, out) && !q.failed;
	na_vec_free(&q.mentions, mem);
	na_vec_free(&q.entities, mem);
	na_vec_free(&q.key_nodes, mem);
	na_free(mem, q.lexmask);	/* the block of mention_at, key_heads, in_quote too */
	na_free(mem, q.events.marks);	/* the block of every event list */
	if (!ok)
	{
		na_vec_free(&q.quotes, mem);
		na_quote_result_free(out, mem);
		return NA_ERR_NOMEM;
	}
	out->quotes = q.quotes.items;
	out->nquotes = (uint32_t) q.quotes.count;
	return NA_OK;
}

void
na_quote_result_free(na_quote_result *result, const na_mem *mem)
{
	na_free(mem, result->quotes);
	na_free(mem, result->speakers);
	na_free(mem, result->aliases);
	na_free(mem, result->made_names);
	memset(result, 0, sizeof(*result));
}

/* The SQL spelling of a quote kind. */
const char *
na_quote_kind_name(int kind)
{
	switch (kind)
	{
		case NA_QK_DIRECT:
			return "direct";
		case NA_QK_PARTIAL:
			return "partial";
		case NA_QK_UNATTRIBUTED:
			return "unattributed";
		case NA_QK_MIXED:
			return "mixed";
		case NA_QK_INDIRECT:
			return "indirect";
	}
	return "unknown";
}

/* The SQL spelling of how a quote's source was found; NULL for none. */
const char *
na_quote_attribution_name(int attribution)
{
	static const char *const names[NA_QA_COUNT] = {
		NULL, "name", "title", "pronoun", "continuation", "colon", "according_to",
		"subject"
	};

	if (attribution <= 0 || attribution >= NA_QA_COUNT)
		return NULL;
	return names[attribution];
}

/* The SQL spelling of a cue's class; NULL for none. */
const char *
na_cue_class_name(int cue_class)
{
	static const char *const names[NA_CUE_COUNT] = {NULL, "speech", "thought", "finding"};

	if (cue_class <= 0 || cue_class >= NA_CUE_COUNT)
		return NULL;
	return names[cue_class];
}

/* The SQL spelling of a gender; NULL when unknown. */
const char *
na_gender_name(int gender)
{
	switch (gender)
	{
		case NA_GENDER_FEMALE:
			return "female";
		case NA_GENDER_MALE:
			return "male";
	}
	return NULL;
}
