/*
 * quote_reports.c - reported speech: attributions without quotation marks
 * (X said that …; …, X said; according to X, …; the deal, she said, is
 * dead), found at the reporting cues the scanner flagged; quote_report_rows.c
 * makes them rows and merges them with the quotations into one list in
 * text order (mixed attributions hold their quoted pieces).
 */
#include <stdlib.h>
#include <string.h>

#include "na_lexicon.h"
#include "quote_attr.h"

/* ---- reported speech: attributions without quotation marks ---- */

static int	poll_share_before(const qctx *q, uint32_t k, uint32_t s0, uint32_t *first,
							  uint32_t *last);
static uint32_t passive_be_before(const qctx *q, uint32_t k, uint32_t s0);
static uint32_t clause_start_before(const qctx *q, uint32_t aux, uint32_t s0);

/*
 * Is the reporting word at k no cue here: "the said company", "That said,",
 * "having said that", "to say the least", "was said to", a noun ("his
 * claims", "the plans", "a think tank")?
 */
static int
not_a_report(const qctx *q, uint32_t k, uint32_t s0)
{
	uint32_t	compound_len,
				share_first,
				share_last;

	if (q_is(q, k, "according"))
		return !q_is(q, k + 1, "to");
	/* voters showed up at the polls, the coach called up a prop: the
	 * particle makes another verb, no report (but "expects up to 4,000
	 * people", "said up to ten died": a number's bound opens the content) */
	if (q_is(q, k + 1, "up") && !q_is(q, k + 2, "to"))
		return 1;
	/*
	 * Mayor Cheered After Thanking Staff: a capitalised cue after a
	 * capitalised preposition is a headline's word in title case (as the
	 * speakers read such a run), no report
	 */
	if (k > s0 && q_is_cap(q, k) && q_is_cap(q, k - 1) && q_in(q, k - 1, LEX_CLAUSE_PREPOSITIONS))
		return 1;
	/* (but "one in three said": the number closes a poll's share; "Many
	 * said", "Some argued": a quantifier alone is the subject) */
	if (k > s0 && (q_is(q, k - 1, "the") || q_is(q, k - 1, "aforesaid") ||
				   q_in(q, k - 1, LEX_DETERMINERS) || q_possessive(q, k - 1)) &&
		!q_word_in(q, k - 1, NA_LEX_QUANTIFIER_SOURCES) &&
		!poll_share_before(q, k, s0, &share_first, &share_last))
		return 1;
	if (q_noun_like(q, k))
		return 1;
	/* a liberal think tank: a compound noun (data/lexicon/cue_compound_nouns.tsv) */
	if (k + 1 < q->doc->ntokens && q_is_word(q, k + 1) &&
		q_phrase_may_start(q, k, NA_LEX_CUE_COMPOUND_NOUNS) &&
		na_lex_longest(NA_LEX_CUE_COMPOUND_NOUNS, q->doc, k, &compound_len) >= 0)
		return 1;
	/* a radio show, The Daily Show, her strong showing: the cue ends a
	 * noun (data/lexicon/cue_nouns_after_modifier.tsv) */
	if (k > s0 && q_is_word(q, k - 1) &&
		q_phrase_may_start(q, k - 1, NA_LEX_CUE_NOUNS_AFTER_MODIFIER) &&
		na_lex_longest(NA_LEX_CUE_NOUNS_AFTER_MODIFIER, q->doc, k - 1, &compound_len) >= 0 &&
		compound_len == 2)
		return 1;
	/* the harbour plan during …: plan(s) reports an intention only as a
	 * verb, and the verb takes "to" (they plan to sell) */
	if ((q_is(q, k, "plan") || q_is(q, k, "plans")) && !q_is(q, k + 1, "to"))
		return 1;
	/* support for him, 38 percent support, in support of, backing from: an
	 * object cue that is a noun */
	if (q_in(q, k, LEX_OBJECT_CUES) &&
		(q_in(q, k + 1, LEX_CUE_NOUN_FOLLOWERS) ||
		 (k > s0 && (q_is(q, k - 1, "of") || q_is(q, k - 1, "in"))) ||
		 /* 38 percent support; (but 40 percent support the tax) */
		 (k > s0 && (q_is(q, k - 1, "percent") || q->doc->tokens[k - 1].kind == NA_TK_PERCENT ||
					 q->doc->tokens[k - 1].kind == NA_TK_NUMBER) &&
		  !q_is_word(q, k + 1))))
		return 1;
	/*
	 * found himself in a bind, found a way to win: a finding cue with such
	 * an object finds nothing out (data/lexicon/finding_non_report_objects.tsv)
	 */
	if (k + 1 < q->doc->ntokens && q_cue_class(q, k) == NA_CUE_FINDING &&
		na_lex_longest(NA_LEX_FINDING_NON_REPORT_OBJECTS, q->doc, k + 1, &compound_len) >= 0)
		return 1;
	/* they should change the laws rather than criticize him: the verb after
	 * "than" has a subject of its own, seldom the sentence's */
	if (k > s0 && q_is(q, k - 1, "than"))
		return 1;
	/* That said, … / Having said that, … */
	if (q_is(q, k, "said") && (q_is_punct(q, k + 1, ',') || q_is(q, k + 1, "that")) &&
		k > s0 && (q_is(q, k - 1, "that") || q_is(q, k - 1, "having")) &&
		(k - 1 == s0 || q_is(q, k - 1, "having")))
		return 1;
	/* X is telling, was claiming: the progressive is active, a report */
	if (k > s0 && q_is_participle(q, k) && !q_is(q, k - 1, "to") && !q_is(q, k - 1, "being"))
		return 0;
	if (k > s0 && q_in(q, k - 1, LEX_CUE_INFINITIVE_BEFORE))
		return 1;
	return 0;
}

/*
 * The share of a poll before a cue at k: 24 percent said, 46% of voters
 * said, 23 percent who said, One in three said.  Polls report their
 * respondents this way, and no name or description is there to find.
 */
static int
poll_share_before(const qctx *q, uint32_t k, uint32_t s0, uint32_t *first, uint32_t *last)
{
	uint32_t	j = k;

	if (k == 0 || k <= s0)
		return 0;
	if (q_is(q, k - 1, "who") && k - 1 > s0)
		j = k - 1;
	*last = j - 1;
	for (uint32_t m = j; m-- > s0 && j - m <= 6;)
	{
		const na_token *t = &q->doc->tokens[m];

		if (t->kind == NA_TK_PERCENT)
		{
			*first = m;
			return 1;
		}
		if (q_is(q, m, "percent") && m > s0 && q->doc->tokens[m - 1].kind == NA_TK_NUMBER)
		{
			*first = m - 1;
			return 1;
		}
		/* One in three said / one in four voters said / three in five said */
		if (q_is(q, m, "in") && m > s0 && m + 1 < j &&
			(q->doc->tokens[m - 1].kind == NA_TK_NUMBER || q_is(q, m - 1, "one") ||
			 q_word_in(q, m - 1, NA_LEX_VOTE_NUMBER_WORDS)))
		{
			*first = m - 1;
			return 1;
		}
		if (t->kind != NA_TK_WORD && t->kind != NA_TK_NUMBER)
			return 0;
	}
	return 0;
}

/*
 * Does the source of an inverted cue end at token after (its first token
 * past the mention)?  "…, said the spokesman." / "…, said Smith, a lawyer" /
 * "…, said Smith on Tuesday" end there; "…, said the suing states were
 * wrong" does not: a verb goes on, so the noun phrase after the cue is the
 * subject of its content (X, a lawyer, said the states were wrong), not a
 * source.
 */
static int
inverted_source_ends(const qctx *q, uint32_t after, uint32_t s1)
{
	const na_token *t;

	after = q_skip_parenthesis(q, after, s1);
	if (after >= s1)
		return 1;
	t = &q->doc->tokens[after];
	if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED))
		return 1;
	if (!(q_in(q, after, LEX_CLAUSE_PREPOSITIONS) || q_in(q, after, LEX_TAIL_PREPOSITIONS) ||
		  q_in(q, after, LEX_WEEKDAY_WORDS) || q_is(q, after, "who") || q_is(q, after, "and")))
		return 0;
	/* …, said the turmoil at the convention was …: a verb before the
	 * sentence or the phrase ends makes it a clause */
	for (uint32_t m = after + 1; m < s1 && m - after < 10; m++)
	{
		if (q->doc->tokens[m].kind == NA_TK_PUNCT || q_is_quote_mark(q, m) ||
			q->doc->tokens[m].kind == NA_TK_DASH)
			break;
		if (q_in(q, m, LEX_INVERTED_CLAUSE_VERBS))
			return 0;
	}
	return 1;
}

/*
 * "The health minister, Sarah Pike, said …" / "Britain's ambassador, Hugh
 * Marsh, defended …": the words before the source [sf, sl] are one noun
 * phrase in apposition to it, the source closed by a comma right before the
 * cue k.  They describe the speaker and are no content: the report follows
 * the cue.  (The deal, she said, is dead: no comma between source and cue.)
 */
static int
role_apposition_before(const qctx *q, uint32_t first, uint32_t sf, uint32_t sl, uint32_t k)
{
	uint32_t	f2,
				l2;
	src_type	type;

	if (sf < first + 2 || !q_is_punct(q, sl + 1, ',') || q_skip_aux_backward(q, k - 1, sl + 1) != sl + 1)
		return 0;
	type = q_np_backward(q, sf - 2, first, &f2, &l2);
	if (type == SRC_NONE || type == SRC_PRONOUN || f2 > first || l2 != sf - 2)
		return 0;
	/* a description, or a name-like phrase ending in a role */
	return type == SRC_NOMINAL || q_role_head(q, f2, l2) || q_is_role_noun(q, l2);
}

/*
 * Is the text [first, comma) a subject and its apposition, "Rendell, a
 * party veteran" / "Mr. Obama, who knew the votes were not there" /
 * "Clinton, the former secretary of State", before the comma of a cue at
 * comma + 1?  Then "…, said he had …" is that subject's report, not the
 * inverted "CLAUSE, said X": the noun phrase after the cue starts the
 * content.
 */
static int
subject_with_apposition(const qctx *q, uint32_t first, uint32_t comma)
{
	uint32_t	f,
				l;
	src_type	type = q_np_forward(q, first, comma, &f, &l);

	if (type == SRC_NONE || type == SRC_PRONOUN || f != first || l + 2 >= comma ||
		!q_is_punct(q, l + 1, ','))
		return 0;
	return q_is(q, l + 2, "who") || q_in(q, l + 2, LEX_DETERMINERS) || q_possessive(q, l + 2) ||
		q_is_role_noun(q, l + 2);
}

/* Is token i a word of a time adjunct (in late August, this month, Tuesday)? */
static int
time_word_at(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];

	return (t->kind == NA_TK_WORD && q_word_in(q, i, NA_LEX_VOTE_TIME_WORDS)) ||
		t->kind == NA_TK_NUMBER || q_is(q, i, "late") || q_is(q, i, "early") ||
		q_is(q, i, "mid") || q_is(q, i, "initially");
}

/*
 * "A Quinnipiac poll in late August found …", "Federal prosecutors in April
 * charged …": a mention of nothing but a time is no source; the subject is
 * the phrase before the time (or none).  Rewrites [*sf, *sl] and returns
 * the new type, SRC_NONE when nothing stands before the time (the
 * mention then stays).
 */
static src_type
past_time_phrase(const qctx *q, uint32_t s0, uint32_t *sf, uint32_t *sl, src_type type)
{
	uint32_t	f2,
				l2;
	uint32_t	p;
	src_type	before;

	for (uint32_t m = *sf; m <= *sl; m++)
		if (!time_word_at(q, m))
			return type;
	for (p = *sf; p > s0 && time_word_at(q, p - 1) && *sf - p < 4;)
		p--;
	if (p <= s0 + 1 || p == *sf)
		return SRC_NONE;
	before = q_np_backward(q, p - 1, s0, &f2, &l2);
	if (before == SRC_NONE || l2 != p - 1)
		return SRC_NONE;
	*sf = f2;
	*sl = l2;
	return before;
}

/*
 * The "who" whose verb the cue at k is, past an aside between them (who
 * has in the past described, who, on a press call Friday, criticized, who
 * on Tuesday endorsed), or QNONE: only times, places, auxiliaries, adverbs,
 * names and commas may stand between.
 */
static uint32_t
relative_subject_before(const qctx *q, uint32_t k, uint32_t s0)
{
	for (uint32_t m = k; m-- > s0 && k - m <= 9;)
	{
		const na_token *t = &q->doc->tokens[m];
		const char *p = q->doc->text + t->start;

		if (q_is(q, m, "who"))
			return q->in_quote[m] ? QNONE : m;
		/* (the word lists in one test of the token's mask, not five) */
		if (q_is_punct(q, m, ',') || t->kind == NA_TK_NUMBER ||
			(t->flags & NA_TF_CAPITALIZED) ||
			q_in_any(q, m, Q_LEX_BIT(LEX_TAIL_PREPOSITIONS) | Q_LEX_BIT(LEX_CLAUSE_PREPOSITIONS) |
					 Q_LEX_BIT(LEX_WEEKDAY_WORDS) | Q_LEX_BIT(LEX_DETERMINERS) |
					 Q_LEX_BIT(LEX_RELATIVE_SUBJECT_SKIPS)) ||
			(t->kind == NA_TK_WORD && t->len > 4 && p[t->len - 2] == 'l' && p[t->len - 1] == 'y'))
			continue;
		return QNONE;
	}
	return QNONE;
}

/*
 * "According to X, CLAUSE" and "CLAUSE, according to X": the source is the
 * mention after the phrase (the organisation's report: according to a
 * report by X), the content the clause on the other side of it, and a
 * clause after X's comma too.
 */
static int
according_report(const qctx *q, uint32_t k, uint32_t s0, uint32_t s1, uint32_t first, uint32_t e,
				 q_report *rp)
{
	uint32_t	sf,
				sl;
	src_type	type;
	uint32_t	c;

	type = q_np_forward(q, k + 2, s1, &sf, &sl);
	if (type == SRC_NONE)
		return 0;
	/* the organisation's report: according to a report by X */
	c = q_skip_parenthesis(q, sl + 1, s1);
	while (c < s1 && c - sl < 12 && !q_is_punct(q, c, ',') && !q_is_sentence_stop(q, c))
		c++;
	q_set_attr(&rp->a, type, sf, sl, k, k + 1, NA_QA_ACCORDING_TO, 0.7f);
	rp->cue_class = NA_CUE_SPEECH;
	if (k <= first + 1 || (k > s0 && q_is_punct(q, k - 1, ',') && k - 1 == first))
	{
		/* According to X, CLAUSE */
		if (!q_is_punct(q, c, ',') || c >= e)
			return 0;
		rp->first = c + 1;
		rp->last = e;
		return 1;
	}
	/* CLAUSE, according to X. */
	rp->first = first;
	rp->last = q_is_punct(q, k - 1, ',') ? k - 2 : k - 1;
	/*
	 * The words after X's comma go on with the content only when the
	 * words before the phrase are too few to be a clause of their own
	 * ("Ticket sales, according to the club, have doubled"); after a
	 * clause they describe X ("…, according to Tidewatch, a group that
	 * counts ferries").
	 */
	if (c < e && q_is_punct(q, c, ',') &&
		q_words_between(q, rp->first, rp->last) < REPORT_MIN_WORDS)
	{
		rp->first2 = c + 1;
		rp->last2 = e;
	}
	return rp->last >= rp->first && rp->last != QNONE;
}

/*
 * CLAUSE, said X. / CLAUSE, said X, a spokesman.  Only verbs of saying
 * invert (not ", recalling the warnings", ", defended the veto").  Returns 1
 * with rp filled, 0 when the cue at k is not inverted.
 */
static int
inverted_report(const qctx *q, uint32_t k, uint32_t s1, uint32_t first, q_report *rp)
{
	uint32_t	sf,
				sl,
				a2,
				b2;
	src_type	type;

	if (!(k > first + 1 && q_is_punct(q, k - 1, ',') && rp->cue_class == NA_CUE_SPEECH &&
		q_in(q, k, LEX_SPEECH_VERBS) && !q_is_participle(q, k) && !q_in(q, k, LEX_PHRASE_VERBS) &&
		!subject_with_apposition(q, first, k - 1) &&
		(type = q_np_forward(q, k + 1, s1, &sf, &sl)) != SRC_NONE && type != SRC_PRONOUN &&
		inverted_source_ends(q, sl + 1, s1)))
		return 0;
	/* X, a lawyer, said early Monday that …: a time after the cue is no
	 * inverted source, and the report follows */
	if (time_word_at(q, sf))
		return 0;
	if (q_appositive_name(q, type, sf, sl, s1, &a2, &b2))
	{
		sf = a2;
		sl = b2;
		type = SRC_NAME;
	}
	q_set_attr(&rp->a, type, sf, sl, k, k, NA_QA_NONE, 0.7f);
	rp->first = first;
	rp->last = k - 2;
	return 1;
}

/*
 * The source of a report at k, before it: a poll's share right before the
 * cue, else the cue's subject, moved from an organisation to its role
 * ("a spokesman for the ministry"), from a time phrase to what it dates, and
 * to "who" across an aside.  Returns SRC_NONE when the cue has no source it
 * reports for (a stance: "they support the bill").
 */
static src_type
report_source(const qctx *q, uint32_t k, uint32_t s0, uint32_t first, uint32_t *sf_out,
			  uint32_t *sl_out)
{
	uint32_t	sf = 0,
				sl = 0;
	src_type	type;

	/* 20 percent said: the share right before the cue is its source, not
	 * the sentence's subject (61 percent said yes, while 20 percent said) */
	if (poll_share_before(q, k, s0, &sf, &sl))
		type = SRC_NOMINAL;
	/*
	 * 40 percent support the tax reports a poll's finding; "Cruz is
	 * supporting Trump", "they support the bill" far more often state a
	 * stance than report one (a third of them are attributions on train)
	 */
	else if (q_is(q, k, "support") || q_is(q, k, "supporting"))
		return SRC_NONE;
	else
		type = q_subject_before(q, k, s0, &sf, &sl);
	if (type == SRC_NONE || sf < s0 || sl >= k)
		return SRC_NONE;
	if (q_is(q, sf, "that"))
		return SRC_NONE;
	/* a spokesman for the ministry said: the role, not the ministry */
	if (type != SRC_PRONOUN && sf >= s0 + 2 && sf > first + 1 &&
		(q_is(q, sf - 1, "for") || q_is(q, sf - 1, "of") || q_is(q, sf - 1, "at")))
	{
		uint32_t	f2,
					l2;

		if (q_np_backward(q, sf - 2, s0, &f2, &l2) != SRC_NONE &&
			(q_is_role_noun(q, l2) || q_in(q, l2, LEX_SOURCE_NOUNS)) && f2 >= first)
		{
			sf = f2;
			type = SRC_NOMINAL;
		}
	}
	if (type != SRC_PRONOUN)
	{
		uint32_t	f2 = sf,
					l2 = sl;
		src_type	t2 = past_time_phrase(q, s0, &f2, &l2, type);

		if (t2 != SRC_NONE)
		{
			sf = f2;
			sl = l2;
			type = t2;
		}
	}
	/*
	 * Beck, who has in the past described …; Sanders, who on Tuesday
	 * endorsed …; 64 percent who say …: the relative pronoun is the source
	 * as written (its antecedent the speaker), not a phrase of the aside
	 */
	if (type != SRC_PRONOUN)
	{
		uint32_t	w = relative_subject_before(q, k, s0);

		if (w != QNONE && (sf > w || sl < w))
		{
			uint32_t	f2,
						l2;
			src_type	antecedent = w < s0 + 2 ? SRC_NONE :
				q_np_backward(q, q_is_punct(q, w - 1, ',') ? w - 2 : w - 1, s0, &f2, &l2);

			if (antecedent != SRC_NONE || poll_share_before(q, w + 1, s0, &f2, &l2))
			{
				sf = sl = w;
				type = antecedent == SRC_NONE || antecedent == SRC_PRONOUN ? SRC_NOMINAL : antecedent;
			}
		}
	}
	*sf_out = sf;
	*sl_out = sl;
	return type;
}

/*
 * A report whose content [j, rp->last] is a clause ends at its first comma
 * (outside quotation marks when skip_quoted): the comma that closes a
 * relative or an opening subordinate clause.
 */
static void
end_at_clause_comma(const qctx *q, uint32_t j, bool skip_quoted, q_report *rp)
{
	for (uint32_t m = j + 1; m < rp->last; m++)
		if (q_is_punct(q, m, ',') && !(skip_quoted && (q->in_quote[m] & 1)))
		{
			rp->last = m - 1;
			break;
		}
}

/*
 * A cue whose content is its object (data/lexicon/quote_object_cues.tsv:
 * "endorsed Clinton", "praised the plan") reports a noun phrase, not a
 * clause: the content ends with that phrase.
 */
static void
object_cue_end(const qctx *q, uint32_t k, uint32_t j, q_report *rp)
{
	if (q_in(q, k, LEX_OBJECT_CUES))
	{
		rp->last = q_object_end(q, j, rp->last);
		rp->object = 1;
	}
}

/*
 * Barkley, who said he votes for Democrats, said …; among the 64 percent
 * who say it is unsafe, most …: a report in a relative clause follows its
 * cue and ends at the comma that closes the clause (the words before "who"
 * are its antecedent, no content).
 */
static int
relative_clause_report(const qctx *q, uint32_t k, uint32_t e, q_report *rp)
{
	uint32_t	j = q_content_start_after(q, k, e + 1);

	if (j == QNONE)
		return 0;
	rp->first = j;
	rp->last = q_content_stop(q, j, e);
	end_at_clause_comma(q, j, true, rp);
	object_cue_end(q, k, j, rp);
	return 1;
}

/*
 * CLAUSE, X said …: the content comes before the source at sf, unless an
 * opening phrase (In a statement, X dismissed …) or a clause after the cue
 * says the report follows; "The deal, she said, is dead" has both pieces.
 */
static int
report_before_source(const qctx *q, uint32_t k, uint32_t first, uint32_t sf, uint32_t e,
					 q_report *rp)
{
	uint32_t	after = k + 1;
	uint32_t	c;
	int			clause_after = 0;

	for (c = after; c <= e && c - after < 8 && !q_is_punct(q, c, ','); c++)
		if (q_is(q, c, "that") || q_is_pronoun(q, c) || q_is_quote_mark(q, c) ||
			q_is_punct(q, c, ':') || (c == after && q_is(q, c, "to")))
			clause_after = 1;
	rp->first = first;
	rp->last = sf - 2;
	/* In a statement, X dismissed …; At one point, X asked for …; Unless
	 * the count is wrong, X said …: an opening phrase or subordinate
	 * clause before the comma, the main clause's report follows */
	if (!clause_after && first < sf - 1 &&
		(q_in(q, first, LEX_CLAUSE_PREPOSITIONS) || q_in(q, first, LEX_SUBORDINATORS) ||
		 q_participial_opener(q, first)) &&
		!q_is(q, first, "according") && q_content_start_after(q, k, e + 1) != QNONE)
		clause_after = 1;
	if (!clause_after && c < e && q_is_punct(q, c, ',') && q_words_between(q, first, sf - 2) >= 2)
	{
		/* The deal, she said, is dead. */
		rp->first2 = c + 1;
		rp->last2 = e;
	}
	else if (clause_after || (c <= e && c - after >= 8) ||
			 q_words_between(q, first, sf - 2) < REPORT_MIN_WORDS)
	{
		/* CLAUSE, X said CLAUSE: the report is after the cue */
		uint32_t	j = q_content_start_after(q, k, e + 1);

		if (j == QNONE)
			return 0;
		rp->first = j;
		rp->last = q_content_stop(q, j, e);
	}
	return 1;
}

/*
 * X called for a ban / X called on Y to resign / X called Friday for a ban
 * (a day between): the demand follows.  Returns 1 with rp filled, 0 when
 * the cue at k is no call for or on.
 */
static int
call_for_report(const qctx *q, uint32_t k, uint32_t e, q_report *rp)
{
	uint32_t	p = k + 1;

	if (!(q_is(q, k, "call") || q_is(q, k, "calls") || q_is(q, k, "called") ||
		  q_is(q, k, "calling")))
		return 0;
	if (q_in(q, p, LEX_WEEKDAY_WORDS) && (q_is(q, p + 1, "for") || q_is(q, p + 1, "on")))
		p++;
	if ((q_is(q, p, "for") || q_is(q, p, "on")) && p + 1 <= e)
	{
		rp->first = p + 1;
		rp->last = q_content_stop(q, p + 1, e);
		if (q_is(q, p, "for"))
		{
			rp->last = q_object_end(q, p + 1, rp->last);
			rp->object = 1;
		}
		return 1;
	}
	return 0;
}

/*
 * Does an adverbial clause of time begin at j, straight after a cue used
 * alone: "she said as she left", "Brown will say as he sets out his goals",
 * "the rally continued until midnight"?  It tells when the words were
 * said, not what.  Not "described as a victory" (no clause after "as"), nor
 * the other subordinators: "said while it was early, the deal …" and "said
 * after a year the plan had worked" open their content with the clause,
 * and "did not say when the move would come" is an indirect question.
 */
static int
adverbial_after_cue(const qctx *q, uint32_t j)
{
	if (q_is(q, j, "as"))
		return q_is_pronoun(q, j + 1);
	return q_is(q, j, "until");
}

/*
 * Is "about" at j "roughly" before a number ("said about half of …", "said
 * about 40 people …"), which opens a clause, not a topic ("said about the
 * plan")?
 */
static int
about_a_number(const qctx *q, uint32_t j)
{
	return q_is(q, j, "about") && j + 1 < q->doc->ntokens &&
		(q->doc->tokens[j + 1].kind == NA_TK_NUMBER || q_is(q, j + 1, "half") ||
		 (q_word_in(q, j + 1, NA_LEX_VOTE_NUMBER_WORDS) && !q_is(q, j + 1, "no") &&
		  !q_is(q, j + 1, "none")));
}

/*
 * X said (that) CLAUSE: the content after the cue, unless a participle
 * follows (a measure backed by the allies), "appeared" reports no saying,
 * an adverbial clause follows the cue alone (said as he left), or a
 * pro-form is the whole content (said as much); a report inside an
 * opening "While …," clause ends at that clause's comma.
 */
static int
that_clause_report(const qctx *q, uint32_t k, uint32_t first, uint32_t e, q_report *rp)
{
	uint32_t	j = q_content_start_after(q, k, e + 1);

	if (j == QNONE)
		return 0;
	/*
	 * a measure backed by the allies: a participle, no report (but
	 * "said that in 1998, …": a clause may open with a phrase)
	 */
	if (!q_is(q, j - 1, "that") &&
		(q_is(q, j, "by") || q_is(q, j, "into") ||
		 q_in(q, j, LEX_TAIL_PREPOSITIONS) || q_in(q, j, LEX_NON_CLAUSE_OBJECTS)) &&
		!about_a_number(q, j))
		return 0;
	/* X appeared to waver / seems that: not X appeared on television */
	if (q_in(q, k, LEX_SEEM_VERBS) &&
		!q_is(q, j, "to") && !q_is(q, j - 1, "that"))
		return 0;
	if (j == k + 1 && adverbial_after_cue(q, j))
		return 0;
	/* said as much / has said the same thing / 26 percent said the same.:
	 * a pro-form is the whole content, not the time and place after it */
	if ((q_is(q, j, "as") && q_is(q, j + 1, "much") && !q_is(q, j + 2, "as")) ||
		(q_is(q, j, "the") && q_is(q, j + 1, "same") &&
		 (q_is(q, j + 2, "thing") || q_is(q, j + 2, "things") || j + 1 == e)))
	{
		rp->first = j;
		rp->last = j + 1 + (q_is(q, j + 2, "thing") || q_is(q, j + 2, "things"));
		rp->object = 1;
		return rp->last <= e;
	}
	rp->first = j;
	rp->last = q_content_stop(q, j, e);
	/* declined to comment: a refusal to speak is a whole report, however
	 * short its infinitive (data/lexicon/no_comment_cues.tsv) */
	if (q_is(q, j, "to") && q_word_in(q, k, NA_LEX_NO_COMMENT_CUES))
		rp->object = 1;
	/*
	 * While his advisers have suggested …, Mr. Obama is …: a report
	 * inside a clause that opens the sentence ends at that clause's
	 * comma, where the sentence's own clause begins
	 */
	if (k - first <= SENTENCE_WINDOW && q_in(q, first, LEX_SUBORDINATORS) &&
		!q_comma_between(q, first, k))
		end_at_clause_comma(q, j, false, rp);
	object_cue_end(q, k, j, rp);
	return 1;
}

/*
 * The first token of a report's clause from first, before the cue at k: a
 * leading "but", "and" or dash opens the clause and is no content (But, … /
 * — …).
 */
static inline uint32_t
after_clause_opener(const qctx *q, uint32_t first, uint32_t k)
{
	while (first < k && (q->doc->tokens[first].kind == NA_TK_DASH ||
						 q_is(q, first, "but") || q_is(q, first, "and")))
		first++;
	return first;
}

/*
 * rp is a report of the cue at k, from first, that names no source (X is
 * expected to …; the price was not disclosed): its attribution has none.
 */
static void
report_without_source(const qctx *q, uint32_t k, uint32_t first, q_report *rp)
{
	rp->a.type = SRC_NONE;
	rp->a.how = NA_QA_NONE;
	rp->a.cue_first = rp->a.cue_last = k;
	rp->a.confidence = 0.5f;
	rp->cue_class = q_cue_class_at(q, k);
	rp->first = first;
}

/*
 * A passive cue with no agent and no clause after it ("The price was not
 * disclosed.", "Pigs are considered unclean", "she was announced the
 * winner on Friday"): what it reports is its subject, the clause's words
 * before the "be", and no one is its source (PolNeAR marks the subject as
 * the content).  A "that", "to", "by", "whether" or "about" after the cue
 * leaves the report to the other rules.  aux is the cue's "be"
 * (passive_be_before), QNONE when it has none.
 */
static int
passive_subject_report_at(const qctx *q, uint32_t k, uint32_t aux, uint32_t s0, uint32_t s1,
						  q_report *rp)
{
	uint32_t	first,
				last;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (aux == QNONE || aux == s0 || q_is_participle(q, k) || k + 1 >= s1 ||
		q_word_in(q, k + 1, NA_LEX_PASSIVE_CUE_FOLLOWERS) || q_is_quote_mark(q, k + 1) ||
		/* a state was called for X, can be found here, is assured of: no report */
		q_word_in(q, k, NA_LEX_PASSIVE_NON_REPORT_CUES) ||
		/* was named the winner, is considered a threat: a complement the
		 * subject's words go on with */
		q_in(q, k + 1, LEX_DETERMINERS))
		return 0;
	first = clause_start_before(q, aux, s0);
	/* the men would be questioned, has been criticized: the subject ends
	 * before the auxiliary */
	last = aux - 1;
	if (last > first && q_in(q, last, LEX_AUX_ADVERBS))
		last--;
	/* it was reported live / there are fears: no subject that was reported */
	if (first >= aux || last < first ||
		(first == last && (q_is(q, first, "it") || q_is(q, first, "there"))))
		return 0;
	/* The office said the men would be questioned: a clause of another
	 * report, not a subject */
	for (uint32_t m = first; m <= last; m++)
		if (q_is_reporting_cue(q, m) && q_cue_class(q, m) == NA_CUE_SPEECH && !q_noun_like(q, m))
			return 0;
	report_without_source(q, k, first, rp);
	rp->last = last;
	rp->object = 1;
	return 1;
}

/*
 * May the report rp, whose cue has a source, be one word shorter than
 * REPORT_MIN_WORDS: "said he would", "said the opposite"?  Not where its
 * first word opens an adjunct or a time ("said on Tuesday", "wrote to
 * investors", "this week"): those words are the sentence's, not a report.
 */
static int
short_report(const qctx *q, const q_report *rp)
{
	uint32_t	j = rp->first;

	return rp->a.type != SRC_NONE && rp->first2 == QNONE &&
		!q_in(q, j, LEX_CLAUSE_PREPOSITIONS) && !q_in(q, j, LEX_WEEKDAY_WORDS) &&
		!q_is(q, j, "this") && !q_is(q, j, "next") && !q_is(q, j, "and") && !q_is(q, j, "is");
}

/*
 * The subject after a participle cue that opens its sentence at k ("Noting
 * that …, the senator …", "Citing the storm, the ferry line …"): the phrase
 * right after the first comma outside quotation marks, at most
 * SENTENCE_WINDOW tokens on and before e, that is followed by a verb-like
 * word rather than more commas.  SRC_NONE when there is none.
 */
static src_type
opening_participle_source(const qctx *q, uint32_t k, uint32_t e, uint32_t *sf, uint32_t *sl)
{
	for (uint32_t m = k + 2; m < e && m - k <= SENTENCE_WINDOW; m++)
	{
		src_type	type;

		if (q_is_punct(q, m, ';') || q_is_punct(q, m, ':') || q->doc->tokens[m].kind == NA_TK_DASH)
			return SRC_NONE;
		if (!q_is_punct(q, m, ',') || (q->in_quote[m] & 1))
			continue;
		/* past a closing mark after the comma (…,” the senator) */
		if (q->doc->tokens[m + 1].kind == NA_TK_CLOSE_QUOTE)
			m++;
		type = q_np_forward(q, m + 1, e + 1, sf, sl);
		if (type == SRC_NONE || *sl >= e || q_is_punct(q, *sl + 1, ',') ||
			!q_is_word(q, *sl + 1))
			return SRC_NONE;
		return type;
	}
	return SRC_NONE;
}

/*
 * A report at cue k in the sentence [s0, s1), or 0.  The patterns of news:
 * X said (that) CLAUSE; X told Y CLAUSE; CLAUSE, X said / said X;
 * CLAUSE, according to X; According to X, CLAUSE; and the cue inside its
 * content: The deal, she said, is dead.
 */
static int
report_at(const qctx *q, uint32_t k, uint32_t s0, uint32_t s1, q_report *rp)
{
	uint32_t	e = q_content_end(q, s0, s1);
	uint32_t	sf,
				sl;
	src_type	type;
	uint32_t	first = s0;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (e <= s0 || k > e + 1)
		return 0;
	/* a run-on "sentence": content reaches no further than a sentence would */
	if (e > k + REPORT_CONTENT_MAX)
		e = k + REPORT_CONTENT_MAX;
	first = after_clause_opener(q, first, k);

	if (q_is(q, k, "according"))
		return according_report(q, k, s0, s1, first, e, rp);
	rp->cue_class = q_cue_class_at(q, k);
	if (inverted_report(q, k, s1, first, rp))
		return 1;
	type = report_source(q, k, s0, first, &sf, &sl);
	if (type == SRC_NONE && k == first && q_is_participle(q, k) &&
		(type = opening_participle_source(q, k, e, &sf, &sl)) != SRC_NONE)
	{
		/* Noting that …, the senator said …: the participle's content ends
		 * at the comma before its subject */
		q_set_attr(&rp->a, type, sf, sl, k, k, NA_QA_NONE, 0.6f);
		return that_clause_report(q, k, first, sf - 2, rp);
	}
	if (type == SRC_NONE)
		return 0;
	q_set_attr(&rp->a, type, sf, sl, k, k, NA_QA_NONE, 0.65f);
	/*
	 * 72 percent said yes / 55 percent said so in December / she said
	 * no.: the answer is the whole content (a verb of saying before it;
	 * "said so far", "said no one" go on)
	 */
	if (rp->cue_class == NA_CUE_SPEECH &&
		(q_is(q, k + 1, "yes") || q_is(q, k + 1, "no") || q_is(q, k + 1, "so")) &&
		(k + 1 == e || q_is_punct(q, k + 2, ',') || q_in(q, k + 2, LEX_ANSWER_FOLLOWERS)))
	{
		rp->first = rp->last = k + 1;
		rp->object = 1;
		return 1;
	}
	if ((q_is(q, sf, "who") || q_is(q, sf, "which")) && sf > s0)
		return relative_clause_report(q, k, e, rp);
	if (sf > first + 1 && q_is_punct(q, sf - 1, ',') && !q_is_quote_mark(q, sf - 2) &&
		!role_apposition_before(q, first, sf, sl, k))
		return report_before_source(q, k, first, sf, e, rp);
	if (call_for_report(q, k, e, rp))
		return 1;
	/* X said (that) CLAUSE */
	if (!that_clause_report(q, k, first, e, rp))
		return 0;
	/*
	 * The timetable, which officials said will start in March, does not
	 * …: the relative pronoun before the source is the subject of what was
	 * said, and the report ends with the clause, at its closing comma
	 */
	if (sf > s0 && (q_is(q, sf - 1, "which") || q_is(q, sf - 1, "that")))
		end_at_clause_comma(q, rp->first, true, rp);
	return 1;
}

/*
 * The form of "be" before a passive cue at k (X is expected to, X was
 * widely expected to, X isn't expected to), past adverbs and a negation;
 * QNONE when there is none.
 */
static uint32_t
passive_be_before(const qctx *q, uint32_t k, uint32_t s0)
{
	uint32_t	j = k;

	while (j > s0 && k - j < 4)
	{
		const na_token *t = &q->doc->tokens[j - 1];
		const char *p = q->doc->text + t->start;

		if (t->kind != NA_TK_WORD)
			return QNONE;
		if (q_in(q, j - 1, LEX_PASSIVE_BE))
			return j - 1;
		/* widely, originally, also, not, still, now */
		if (!((t->len > 4 && p[t->len - 2] == 'l' && p[t->len - 1] == 'y') ||
			  q_in(q, j - 1, LEX_PASSIVE_ADVERBS)))
			return QNONE;
		j--;
	}
	return QNONE;
}

/*
 * The first token of the clause whose subject stands before the form of
 * "be" at aux: after the sentence's last comma, semicolon, colon, dash,
 * parenthesis or quotation mark before it (at most REPORT_SOURCE_WINDOW
 * tokens back), and after a "but" or "and" opening it.  The impersonal and
 * the passive reports take that subject, with the words between, as their
 * content.
 */
static uint32_t
clause_start_before(const qctx *q, uint32_t aux, uint32_t s0)
{
	uint32_t	first = aux;

	while (first > s0)
	{
		const na_token *t = &q->doc->tokens[first - 1];

		if (t->kind == NA_TK_DASH || q_is_quote_mark(q, first - 1) || q_is_punct(q, first - 1, ',') ||
			q_is_punct(q, first - 1, ';') || q_is_punct(q, first - 1, ':') ||
			q_is_punct(q, first - 1, '(') || aux - first >= REPORT_SOURCE_WINDOW)
			break;
		first--;
	}
	while (first < aux && (q_is(q, first, "but") || q_is(q, first, "and")))
		first++;
	return first;
}

/*
 * X is expected to …: a belief that no one holds by name, its content the
 * whole clause, subject included (what is expected is that X does it).  Not
 * "X is said to": hearsay, no report (README).  The clause starts after the sentence's last comma,
 * semicolon, colon, dash or quotation mark before the cue's subject.
 */
static int
impersonal_report_at(const qctx *q, uint32_t k, uint32_t aux, uint32_t s0, uint32_t s1,
					 q_report *rp)
{
	uint32_t	e = q_content_end(q, s0, s1);
	uint32_t	first;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (e <= k + 1 || aux == s0)
		return 0;
	if (e > k + REPORT_CONTENT_MAX)
		e = k + REPORT_CONTENT_MAX;
	first = clause_start_before(q, aux, s0);
	if (first == aux)
		return 0;
	report_without_source(q, k, first, rp);
	rp->last = q_content_stop(q, k + 1, e);
	/* the clause ends at its first comma: …, as the rivals…, giving … */
	for (uint32_t m = k + 2; m <= rp->last; m++)
		if (q_is_punct(q, m, ','))
		{
			rp->last = m - 1;
			break;
		}
	return 1;
}

/*
 * The passive with its agent: "The story was first reported by the Gazette",
 * "The levy is supported by most skippers": the agent after "by" is the
 * source and the clause's subject before the form of "be" at aux the
 * content (what was reported, supported).  The subject runs back to the
 * clause's start: the sentence's, or a comma, semicolon, colon, dash or
 * quotation mark.
 */
static int
passive_agent_report_at(const qctx *q, uint32_t k, uint32_t aux, uint32_t s0, uint32_t s1,
						q_report *rp)
{
	uint32_t	first;
	uint32_t	sf,
				sl;
	src_type	type;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (!q_is(q, k + 1, "by") || aux == s0 || q_is_participle(q, k))
		return 0;
	type = q_np_forward(q, k + 2, s1, &sf, &sl);
	if (type == SRC_NONE || type == SRC_PRONOUN || sl - k > NP_MAX + 2)
		return 0;
	first = clause_start_before(q, aux, s0);
	/* On Monday the levy was …: the time opens the sentence, no content */
	if (q_in(q, first, LEX_CLAUSE_PREPOSITIONS) && first + 1 < aux && time_word_at(q, first + 1))
		for (first += 2; first < aux && time_word_at(q, first);)
			first++;
	/* "the ferry that was praised by": a relative clause, its antecedent elsewhere */
	if (first == aux || q_is(q, aux - 1, "that") || q_is(q, aux - 1, "which") ||
		q_is(q, aux - 1, "who") || q_is(q, first, "that") || q_is(q, first, "which") ||
		q_is(q, first, "who") || q_is_pronoun(q, first))
		return 0;
	q_set_attr(&rp->a, type, sf, sl, k, k + 1, NA_QA_NONE, 0.55f);
	rp->cue_class = q_cue_class_at(q, k);
	rp->first = first;
	rp->last = aux - 1;
	rp->object = 1;
	return 1;
}

/*
 * The source of a report with its cue at k: the mention [sf, sl] of that
 * type, or none written (SRC_NONE: "It is widely believed that …", "the
 * claim that …") with the cue alone and a lower confidence.
 */
static void
set_report_source(q_report *rp, src_type type, uint32_t sf, uint32_t sl, uint32_t k)
{
	if (type == SRC_NONE)
	{
		rp->a.type = SRC_NONE;
		rp->a.how = NA_QA_NONE;
		rp->a.cue_first = rp->a.cue_last = k;
		rp->a.confidence = 0.5f;
	}
	else
		q_set_attr(&rp->a, type, sf, sl, k, k, NA_QA_NONE, 0.6f);
}

/*
 * "When asked whether the ferry would run, the harbour master shrugged" /
 * "Asked by reporters if he would resign, Berg said no": the question put
 * to the sentence's subject, reported in an opening clause.  Its content
 * runs from the question's first word (whether, if, how, what, to, about
 * ...) to the comma that ends the clause; its source is the one who asked,
 * named only in a "by" phrase (the subject answers, it does not ask).  The
 * same question put later in the sentence ("Berg said no when asked about
 * the levy", "Berg was asked whether he would resign") is read the same
 * way, running to the comma or the sentence's end: the asker is unnamed and
 * the subject, who answers, is not its source (PolNeAR annotates none).
 * After "about" the question is what follows it (asked about the levy).
 * The cue at k is "asked" (the caller tests the word: every cue that
 * reaches the rule would call it, and few are "asked"); aux is its passive
 * "be" (passive_be_before), QNONE when it has none.
 */
static int
asked_clause_at(const qctx *q, uint32_t k, uint32_t aux, uint32_t s0, uint32_t s1, q_report *rp)
{
	uint32_t	lead = s0;
	uint32_t	j = k + 1;
	uint32_t	sf = QNONE,
				sl = QNONE;
	src_type	type = SRC_NONE;
	uint32_t	e;
	int			opening;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	e = q_content_end(q, s0, s1);
	while (lead < k && (q_is_quote_mark(q, lead) || q_is(q, lead, "but") || q_is(q, lead, "and") ||
						q->doc->tokens[lead].kind == NA_TK_DASH))
		lead++;
	opening = lead == k || (lead + 1 == k && (q_is(q, lead, "when") || q_is(q, lead, "after") ||
											  q_is(q, lead, "once") || q_is(q, lead, "if")));
	if (!opening && !(k > lead + 1 && (q_is(q, k - 1, "when") ||
									   aux != QNONE)))
		return 0;
	if (q_is(q, j, "by"))
	{
		type = q_np_forward(q, j + 1, s1, &sf, &sl);
		if (type == SRC_NONE || sl - j > NP_MAX)
			return 0;
		j = sl + 1;
	}
	/* on Fox News, at the rally, again: the occasion before the question */
	for (uint32_t m = j; m < e && m - j < 8; m++)
	{
		if (q_in(q, m, LEX_QUESTION_OPENERS))
		{
			j = m;
			break;
		}
		if (q->doc->tokens[m].kind != NA_TK_WORD || m + 1 - j >= 8)
			return 0;
	}
	if (!q_in(q, j, LEX_QUESTION_OPENERS))
		return 0;
	/* Berg was asked to resign: a request, not a question put to him */
	if (!opening && q_is(q, j, "to"))
		return 0;
	/* the clause ends at its comma (not one inside a quotation) */
	for (uint32_t m = j + 1; m <= e + 1 && m - j < REPORT_CONTENT_MAX; m++)
	{
		int			at_comma = q_is_punct(q, m, ',') && !(q->in_quote[m] & 1);

		if (at_comma || (!opening && m == e + 1))
		{
			set_report_source(rp, type, sf, sl, k);
			rp->cue_class = NA_CUE_SPEECH;
			rp->first = q_is(q, j, "about") ? j + 1 : j;
			rp->last = m - 1;
			return 1;
		}
		if (q_is_sentence_stop(q, m) || q_is_punct(q, m, ';') || q_is_punct(q, m, ':'))
			return 0;
	}
	return 0;
}

/*
 * "The plan seems to be failing", "the crowd appeared unmoved": an
 * impression no one holds by name.  Its subject is what seems, not who
 * thinks so, so the report has no source (PolNeAR annotates none).
 */
static int
seems_to(const qctx *q, uint32_t k)
{
	return q_in(q, k, LEX_SEEM_VERBS);
}

/*
 * A report cued by a noun of saying or thinking at k (reporting_nouns.tsv)
 * with the clause after its "that": Smith's claim that the bridge was
 * unsafe, her fear that the ferry would stop, the warning that ….  The word
 * must be a noun here: a determiner or a possessive before it, or before the
 * one word that describes it (his repeated claim); in "Trump claims that"
 * it is a verb, and the verb's rules read it.  The possessor is the source
 * (Smith's, his); a claim of no one's has none.
 */
static int
noun_report_at(const qctx *q, uint32_t k, uint32_t s0, uint32_t s1, q_report *rp)
{
	uint32_t	e = q_content_end(q, s0, s1);
	uint32_t	det = k - 1;
	uint32_t	sf = QNONE,
				sl = QNONE;
	src_type	type = SRC_NONE;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (k <= s0 || !q_is(q, k + 1, "that") || e < k + 2)
		return 0;
	if (e > k + REPORT_CONTENT_MAX)
		e = k + REPORT_CONTENT_MAX;
	if (!q_in(q, det, LEX_DETERMINERS) && !q_possessive(q, det))
	{
		if (det <= s0 || !q_is_word(q, det) || q_is_cap(q, det) ||
			!(q_in(q, det - 1, LEX_DETERMINERS) || q_possessive(q, det - 1)))
			return 0;
		det--;
	}
	/*
	 * Her fear that the ferry would stop was shared: the phrase is the
	 * sentence's subject and its clause runs into the sentence's verb,
	 * which no rule here finds; left alone
	 */
	if (det == s0 || (det == s0 + 1 && (q_is(q, s0, "but") || q_is(q, s0, "and") ||
										q_is_quote_mark(q, s0))))
		return 0;
	if (q_is(q, det, "his") || q_is(q, det, "her"))
	{
		type = SRC_PRONOUN;
		sf = sl = det;
	}
	else if (q_possessive(q, det) && q_is_cap(q, det))
	{
		/* Olaf Smith's claim: the name's capitalised words */
		type = SRC_NAME;
		sl = sf = det;
		while (sf > s0 && det - sf < 5 && q_is_cap(q, sf - 1) &&
			   (q->doc->tokens[sf - 1].kind == NA_TK_WORD ||
				q->doc->tokens[sf - 1].kind == NA_TK_INITIAL))
			sf--;
	}
	else if (q_possessive(q, det) &&
			 ((type = q_np_backward(q, det, s0, &sf, &sl)) == SRC_PRONOUN || sl != det ||
			  det - sf > 4))
		type = SRC_NONE;
	set_report_source(rp, type, sf, sl, k);
	rp->cue_class = q_noun_cue_class(q, k);
	rp->first = k + 2;
	rp->last = q_content_stop(q, k + 2, e);
	return rp->last >= rp->first;
}

/*
 * A report cued by a phrase of several words at k (reporting_phrases.tsv:
 * "spoke about", "made it clear", "took issue with"), ntok tokens long,
 * whose first word alone is no cue: the source is the phrase's subject, as
 * a one-word cue's, and the content follows the phrase, a clause (made
 * clear to the board that …) or a noun phrase it is about (spoke about the
 * levy on Monday).  The passive ("was made clear") and a noun ("the talks
 * about the levy") report nothing here.
 */
static int
phrase_report_at(const qctx *q, uint32_t k, uint32_t ntok, int32_t row, uint32_t s0, uint32_t s1,
				 q_report *rp)
{
	uint32_t	e = q_content_end(q, s0, s1);
	uint32_t	last_cue = k + ntok - 1;
	uint32_t	first = s0;
	uint32_t	sf,
				sl,
				j;
	src_type	type;
	const char *cls = na_lex_attr(NA_LEX_REPORTING_PHRASES, (uint32_t) row,
								  NA_LEX_REPORTING_PHRASES_CLASS);
	int			object = na_lex_attr(NA_LEX_REPORTING_PHRASES, (uint32_t) row,
									 NA_LEX_REPORTING_PHRASES_CONTENT)[0] == 'o';

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (e <= last_cue || not_a_report(q, k, s0))
		return 0;
	if (e > k + REPORT_CONTENT_MAX)
		e = k + REPORT_CONTENT_MAX;
	first = after_clause_opener(q, first, k);
	type = report_source(q, k, s0, first, &sf, &sl);
	if (type == SRC_NONE)
		return 0;
	q_set_attr(&rp->a, type, sf, sl, k, last_cue, NA_QA_NONE, 0.6f);
	rp->cue_class = cls[0] == 't' ? NA_CUE_THOUGHT : cls[0] == 'f' ? NA_CUE_FINDING : NA_CUE_SPEECH;
	if (object)
	{
		j = last_cue + 1;
		if (!q_is_word(q, j) && q->doc->tokens[j].kind != NA_TK_NUMBER && !q_is_quote_mark(q, j))
			return 0;
		rp->first = j;
		rp->last = q_object_end(q, j, q_content_stop(q, j, e));
		rp->object = 1;
	}
	else
	{
		/* made clear to the board on Monday that …: past the hearer and the time */
		uint32_t	hf,
					hl,
					before = last_cue;

		if (q_is(q, last_cue + 1, "to") &&
			q_np_forward(q, last_cue + 2, e, &hf, &hl) != SRC_NONE && hl - last_cue < 8)
			before = hl;
		j = q_content_start_after(q, before, e + 1);
		if (j == QNONE)
			return 0;
		/* made the case for the levy: the case is its object */
		if (q_is(q, j, "for") && j == last_cue + 1)
		{
			rp->first = j + 1;
			rp->last = q_object_end(q, j + 1, q_content_stop(q, j + 1, e));
			rp->object = 1;
		}
		else
		{
			rp->first = j;
			rp->last = q_content_stop(q, j, e);
		}
	}
	/* X, who spoke about …, left: the relative clause ends at its comma */
	if (q_is(q, sf, "who") || q_is(q, sf, "which"))
		end_at_clause_comma(q, rp->first, true, rp);
	return rp->last >= rp->first;
}

/*
 * Every report of speech, thought or finding outside quotation marks: one
 * pass over the tokens, the lexicon's reporting cues (their mask is cached
 * per token) tried in their sentence.  A cue that already attributes a
 * quotation, or lies inside one, reports nothing more; a report whose
 * content is a quotation is that quotation's.  The work per cue is bounded
 * by the sentence windows of the helpers, so a text of nothing but cues
 * stays linear.
 */
int
q_reported_speech(qctx *q)
{
	const na_doc *doc = q->doc;
	uint32_t	n = doc->ntokens;
	uint32_t	checked_block = UINT32_MAX;
	uint32_t	nquotations = (uint32_t) q->quotes.count;
	uint32_t	c = 0;			/* q->events.cues[c]: the first listed at k or after */
	uint32_t	src_first = 1,	/* the source of the last report read */
				src_last = 0,
				according = QNONE;	/* the last "according" */

	if (doc->nsentences == 0)
		return 1;
	for (uint32_t k = 0; k < n; k++)
	{
		const na_token *t;
		const na_sentence *s;
		uint32_t	s0,
					s1;
		q_report	rp;
		uint32_t	entity;
		q_raw		r;
		na_quote   *qt;
		int32_t		piece;
		uint32_t	aux;
		int			noun;
		int32_t		phrase;
		uint32_t	phrase_len;

		/*
		 * the scanner flagged the words shaped like a cue, and the analysis
		 * listed them (q_token_events): on to the next one (a run without
		 * such words takes microseconds, so interrupts are checked where
		 * the work is)
		 */
		while (c < q->events.ncues && q->events.cues[c] < k)
			c++;
		if (c == q->events.ncues)
			break;
		k = q->events.cues[c];
		t = &doc->tokens[k];
		if ((k >> 12) != checked_block)
		{
			checked_block = k >> 12;
			na_check_interrupts(q->mem);
		}
		/* according to the WHO's weekly report: a word of the last
		 * report's source is no cue of its own */
		if (t->kind != NA_TK_WORD || q->in_quote[k] || (k >= src_first && k <= src_last))
			continue;
		if (q_is(q, k, "according"))
			according = k;
		else if (according != QNONE && k - according <= 7 && q_in_according_source(q, according, k))
			continue;
		noun = q_in(q, k, LEX_REPORTING_NOUNS) && q_is(q, k + 1, "that");
		phrase = -1;
		/* a phrase's first word is no cue alone (spoke about, made clear) */
		if (!noun && !q_is_reporting_cue(q, k) &&
			(!q_phrase_may_start(q, k, NA_LEX_REPORTING_PHRASES) ||
			 (phrase = na_lex_longest(NA_LEX_REPORTING_PHRASES, doc, k, &phrase_len)) < 0))
			continue;
		if ((s = q_sentence_of(q, k)) == NULL)
			continue;
		s0 = s->first_token;
		s1 = s0 + s->ntokens;
		/* a sentence too long to be one: no report across a run-on text */
		if (s->ntokens > 300 && k - s0 > SENTENCE_WINDOW && s1 - k > SENTENCE_WINDOW)
			continue;
		/* the "be" of a passive cue, which three of the rules below ask
		 * about: looked for once (BBC: 43,187 -> 22,448 searches) */
		aux = passive_be_before(q, k, s0);
		if (phrase >= 0)
		{
			/* spoke about …, made it clear that …: a phrase's report */
			if (!phrase_report_at(q, k, phrase_len, phrase, s0, s1, &rp))
				continue;
		}
		else if (noun && noun_report_at(q, k, s0, s1, &rp))
			;					/* the claim that …: a noun's report */
		else if (!q_is_reporting_cue(q, k))
			continue;
		else if (q_is(q, k, "expected") && q_is(q, k + 1, "to") && aux != QNONE)
		{
			/* X is expected to …: no source, the clause is the content */
			if (!impersonal_report_at(q, k, aux, s0, s1, &rp))
				continue;
		}
		else if (aux != QNONE && passive_agent_report_at(q, k, aux, s0, s1, &rp))
			;					/* X was reported by Y: Y's report of X */
		else if (aux != QNONE && passive_subject_report_at(q, k, aux, s0, s1, &rp))
			;					/* the price was not disclosed: X, no one's */
		else if (q_is(q, k, "asked") && asked_clause_at(q, k, aux, s0, s1, &rp))
			;					/* When asked whether …, X …: the question */
		else if (not_a_report(q, k, s0) || !report_at(q, k, s0, s1, &rp))
			continue;
		else if (seems_to(q, k) && rp.a.type != SRC_NONE && rp.a.src_last + 1 == k)
			rp.a.type = SRC_NONE;	/* the plan seems to fail: no one holds the view */
		if (rp.a.type != SRC_NONE && q_impersonal_contraction(q, rp.a.src_first))
			rp.a.type = SRC_NONE;	/* That's expected, It's said: no one's report */
		/* voters who said the economy was weak backed Sanders: the
		 * relative's content ends before the sentence's own verb */
		if (rp.a.type != SRC_NONE && rp.a.src_first == rp.a.src_last && rp.a.src_first > s0 &&
			(q_is(q, rp.a.src_first, "who") || q_is(q, rp.a.src_first, "which")) &&
			!q_is_punct(q, rp.a.src_first - 1, ',') && rp.last != QNONE && rp.first < rp.last &&
			rp.first > k && rp.first2 == QNONE)
			rp.last = q_relative_content_end(q, rp.first, rp.last,
											 rp.object || q_is(q, rp.first, "to") ? 0 : 1);
		if (rp.a.type != SRC_NONE)
			src_first = rp.a.src_first, src_last = rp.a.src_last;
		if (rp.last == QNONE || rp.first > rp.last || rp.last >= n ||
			q_words_between(q, rp.first, rp.last) +
			(rp.first2 != QNONE && rp.last2 != QNONE && rp.last2 >= rp.first2 ?
			 q_words_between(q, rp.first2, rp.last2) : 0) <
			/* endorsed Trump: an object cue reports its object, a word will
			 * do; "said he would", "said the opposite": two words of a
			 * source's report will too */
			(rp.object ? 1 : short_report(q, &rp) ? REPORT_MIN_WORDS - 1 : REPORT_MIN_WORDS))
			continue;
		if (q_content_is_quoted(q, rp.first, rp.last) &&
			(rp.first2 == QNONE || q_content_is_quoted(q, rp.first2, rp.last2)))
			continue;
		memset(&r, 0, sizeof(r));
		r.open = r.close = QNONE;
		r.first = rp.first < rp.a.src_first ? rp.first : rp.a.src_first;
		r.last = rp.last;
		/*
		 * a description names a speaker only when a name heads it: not the
		 * Russian veto, Mr. Trump's administration, a United Nations panel.
		 * A source of no name is resolved as a description only, once: its
		 * resolution counts what it finds (a pronoun inside it, "his
		 * spokesman", is a mention of the person), and resolving it first
		 * as any source as well counted those twice.
		 */
		if (rp.a.type == SRC_NONE)
			entity = QNONE;
		else if (rp.a.type != SRC_PRONOUN && !q_is(q, rp.a.src_first, "who") &&
				 !q_is(q, rp.a.src_first, "which") &&
				 q->mention_at[rp.a.src_last] == 0)
			entity = q_resolve_description(q, rp.a.src_first, rp.a.src_last);
		else
			entity = q_entity_of_source(q, &rp.a, &r);
		/* (a speech report is nested in none: the class asked here, not by a
		 * call for every report) */
		if ((rp.cue_class == NA_CUE_THOUGHT || rp.cue_class == NA_CUE_FINDING) &&
			q_report_nested_in_other(q, &rp, entity, nquotations))
			continue;
		qt = push_report(q, &rp, rp.first, rp.last, entity, 0);
		if (qt == NULL)
			return 0;
		piece = (int32_t) q->quotes.count - 1;
		if (rp.first2 != QNONE && rp.last2 != QNONE && rp.last2 >= rp.first2 &&
			q_words_between(q, rp.first2, rp.last2) >= 1)
		{
			qt = push_report(q, &rp, rp.first2, rp.last2, entity, 1);
			if (qt == NULL)
				return 0;
			qt->part_of = piece;
		}
	}
	if (!q_line_reports(q))
		return 0;
	return lead_in_mixed(q, nquotations);
}

