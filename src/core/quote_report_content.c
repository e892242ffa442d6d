/*
 * quote_report_content.c - where the content of a report begins and ends:
 * after the cue and its hearer or adjuncts ("told reporters on Tuesday
 * that"), up to the clause, sentence or next report that ends it.  Apart
 * from quote_reports.c, which finds the cues and sources of reported speech,
 * because the content bounds are the rules most often tuned on their own.
 */
#include <stdlib.h>
#include <string.h>
#include "na_lexicon.h"
#include "quote_attr.h"

/*
 * The row a quote's (quotes.c) or a report's (quote_report_rows.c) starts
 * from: no speaker, a piece of nothing.  Here, apart from both, so that
 * they copy it, a few moves: GCC made a memset of a row a rep stos (and so
 * a row of zeros it could see), a loop of the processor's with a cost to
 * start it, which callgrind's model counted at each of its steps and
 * mispredicted at its end (36,000 rows over BBC).
 */
const na_quote q_no_quote = {.speaker = -1, .part_of = -1};

#define ASIDE_MAX 20
#define APPOSITION_MAX 40		/* tokens of an apposition that ends a content */

/*
 * The last token of the sentence [s0, s1) that belongs to content: no final
 * stop.  Every report asks, most often of a sentence that ends in a word
 * and a full stop: a token of any other kind than punctuation ends the
 * look at once.
 */
uint32_t
q_content_end(const qctx *q, uint32_t s0, uint32_t s1)
{
	uint32_t	e = s1 - 1;

	while (e > s0)
	{
		uint8_t		kind = q->doc->tokens[e].kind;

		if (kind != NA_TK_PUNCT && kind != NA_TK_ELLIPSIS && kind != NA_TK_DASH)
			break;
		if (!(q_is_sentence_stop(q, e) || q_is_punct(q, e, ',') || q_is_punct(q, e, ';') ||
			  q_is_punct(q, e, ':') || kind == NA_TK_DASH))
			break;
		e--;
	}
	return e;
}

/*
 * Is token i an auxiliary or a form of "be" that makes a clause finite (was,
 * is, has, will, could, …)?  After "said that" it tells the pronoun "that"
 * (said that was wrong) from the conjunction (said that the plan was wrong).
 */
static int
finite_verb_at(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_FINITE_VERBS);
}

/*
 * Where the content after a cue at k begins: past the hearer of told /
 * warned / assured (X told reporters that …), a time or place (X said on
 * Tuesday that …, X said in a statement that …) when a "that" follows, a
 * colon, and the "that" itself.
 */
uint32_t
q_content_start_after(const qctx *q, uint32_t k, uint32_t end)
{
	uint32_t	j = k + 1;
	uint32_t	f,
				l;

	if (q_is(q, k, "according"))
		return QNONE;
	/* pointed out, went on to say: the particle belongs to the cue */
	if (q_is(q, j, "out") || q_is(q, j, "back"))
		j++;
	if (q_in(q, k, LEX_HEARER_CUES))
	{
		/* the hearer: him, reporters, the committee, CNN */
		if (q_in(q, j, LEX_HEARER_PRONOUNS))
			j++;
		else if (!q_is(q, j, "that") && q_np_forward(q, j, end, &f, &l) != SRC_NONE &&
				 l - j < 6)
			j = l + 1;
	}
	/* said on Tuesday that / said in a statement that / said Tuesday that */
	if (j < end && !q_is(q, j, "that") &&
		(q_in(q, j, LEX_TAIL_PREPOSITIONS) || q_is(q, j, "on") || q_in(q, j, LEX_WEEKDAY_WORDS) ||
		 q_in(q, j, LEX_CUE_ADJUNCT_OPENERS)))
	{
		for (uint32_t m = j + 1; m < end && m - j < 14; m++)
		{
			if (q_is(q, m, "that") && !q_in(q, m - 1, LEX_DETERMINERS))
			{
				j = m;
				break;
			}
			/* agreed on Tuesday to cap …: the time, then the infinitive */
			if (q_is(q, m, "to") && q_in(q, m - 1, LEX_WEEKDAY_WORDS))
			{
				j = m;
				break;
			}
			if (q->doc->tokens[m].kind == NA_TK_PUNCT && !q_is_punct(q, m, '.') &&
				!q_is_punct(q, m, '\'') && !q_is_punct(q, m, ','))
				break;
			if (q_is_quote_mark(q, m))
				break;
		}
	}
	if (q_is_punct(q, j, ':') || q_is_punct(q, j, ','))
		j++;
	/* said that the …; but in "said that was not her view" the pronoun
	 * "that" is the clause's subject: a verb follows it */
	if (q_is(q, j, "that") && !finite_verb_at(q, j + 1))
		j++;
	return j < end ? j : QNONE;
}

/*
 * Does a clause with a subject of its own and a verb of saying begin at
 * token from ("…, and more than half said …", "…, but he warned …")?  A
 * noun phrase and the cue within a few words, no punctuation between.
 */
static int
next_report_subject(const qctx *q, uint32_t from, uint32_t e)
{
	if (!q_is_word(q, from) || q_is_reporting_cue(q, from) || finite_verb_at(q, from) ||
		q_is(q, from, "that") || q_is(q, from, "to"))
		return 0;
	for (uint32_t m = from + 1; m <= e && m - from < 8; m++)
	{
		if (q->doc->tokens[m].kind == NA_TK_PUNCT || q_is_quote_mark(q, m) || q->in_quote[m])
			return 0;
		if (q_is_reporting_cue(q, m) && q_cue_class(q, m) == NA_CUE_SPEECH &&
			!q_is_participle(q, m) && !q_is(q, m - 1, "to"))
			return 1;
	}
	return 0;
}

/*
 * Do the tokens from "from" to the content's end e hold only the sentence's
 * inverted cue and its source: "…, he said." / "…, Holloway added on
 * Monday." / "…, said Smith."?  A report nested in a statement that ends so
 * ends before that comma ("That's expected to change, she added").
 */
static int
inverted_cue_tail(const qctx *q, uint32_t from, uint32_t e)
{
	uint32_t	f,
				l,
				j;

	/* the scanner's cue shape near the end first: most commas have none */
	for (j = e > from + 3 ? e - 3 : from; j <= e && !(q->doc->tokens[j].flags & NA_TF_CUE_SHAPE); j++)
		;
	if (j > e)
		return 0;
	j = from;
	/* they should vote rather than criticize him: a clause, no source */
	if (!q_in(q, from, LEX_SPEECH_VERBS) &&
		(q_np_forward(q, from, e, &f, &l) == SRC_NONE || (j = l + 1) > e || j - from > 5))
		return 0;
	return q_in(q, j, LEX_SPEECH_VERBS) && !q_is_participle(q, j) && !q->in_quote[j] &&
		e - j <= 3 && (j > from || e > j);
}

/*
 * Is there a finite verb (is, was, has, will, …), a "that", an "and", an
 * "or" or a comma among the tokens [from, to], outside quotation marks?  A
 * phrase with none is no clause ("…, the index remained high and that …"),
 * nor a list ("…, the disposal of units and weak trading dented sales").
 */
static int
clause_or_list_in(const qctx *q, uint32_t from, uint32_t to)
{
	for (uint32_t m = from; m <= to; m++)
		if ((q->doc->tokens[m].kind == NA_TK_WORD && !q->in_quote[m] &&
			 (finite_verb_at(q, m) || q_is(q, m, "and") || q_is(q, m, "or") || q_is(q, m, "that"))) ||
			q_is_punct(q, m, ','))
			return 1;
	return 0;
}

/*
 * Does a clause with a subject of its own begin after ", and" at from: a
 * few words, then a finite verb ("…, and his campaign is approaching …",
 * "…, and a fifth delegate has not been named")?  PolNeAR's content ends
 * before it; "and that …" goes on with the cue's own clause.
 */
static int
and_new_clause(const qctx *q, uint32_t from, uint32_t e)
{
	if (q_is(q, from, "that") || finite_verb_at(q, from))
		return 0;
	for (uint32_t m = from + 1; m <= e && m - from <= 5; m++)
	{
		if (!q_is_word(q, m) || q->in_quote[m])
			return 0;
		if (finite_verb_at(q, m))
			return 1;
	}
	return 0;
}

/*
 * Does the comma at m, inside a content from "from" to e, open the
 * writer's words rather than more of what was said: a closing apposition
 * (", a recommendation the board adopted"; but "said that in 2009, the pier
 * collapsed": a phrase opened the clause) or ", and" with a clause of its
 * own ("…, and his campaign is approaching …")?
 */
static int
writers_tail(const qctx *q, uint32_t from, uint32_t m, uint32_t e)
{
	if ((q_is(q, m + 1, "a") || q_is(q, m + 1, "an") || q_is(q, m + 1, "the")) &&
		e - m <= APPOSITION_MAX && q_words_between(q, from, m - 1) >= REPORT_MIN_WORDS &&
		!clause_or_list_in(q, m + 2, e))
		return 1;
	return q_is(q, m + 1, "and") && and_new_clause(q, m + 2, e);
}

static int	opens_clause_in_phrase(const qctx *q, uint32_t w);
static int	and_next_act(const qctx *q, uint32_t m, uint32_t last);

/*
 * The content of a report cued at k ends at a following ", adding" /
 * ", saying" / ", according to": the next report's cue.
 */
uint32_t
q_content_stop(const qctx *q, uint32_t from, uint32_t e)
{
	/* an infinitive's tokens [from, scanned) hold no clause opener, unless
	 * clause (q_object_end's reading, as far as its "and"s ask) */
	uint32_t	scanned = from;
	int			clause = 0;
	const na_token *tokens = q->doc->tokens;	/* (kept in a register: the
												 * loop's plain words ask
												 * nothing else) */

	for (uint32_t m = from + 1; m <= e; m++)
	{
		const na_token *t = &tokens[m];
		uint32_t	n,
					end;

		/*
		 * most tokens: a word that is no "and" nor "but" (nor "the": the
		 * length of both) stops nothing below, quoted or not.  First, and
		 * in one branch (GCC made two of "kind == word & len != 3"): the
		 * tests of the quotation and of the dash were made of every word
		 * before it.  BBC callgrind: this function 8.43M -> 8.09M
		 * instructions, 163,700 -> 140,600 mispredicted branches
		 */
		if (((unsigned) (t->kind ^ NA_TK_WORD) | (unsigned) (t->len == 3)) == 0)
			continue;
		/*
		 * said her family "came out not only broke, but in debt": inside a
		 * quotation the words are the speaker's own, and no comma, "but"
		 * or dash there ends what was said (a comma just before the
		 * closing mark may: …,” adding that)
		 */
		if ((q->in_quote[m] & 1) && m + 1 <= e && (q->in_quote[m + 1] & 1))
			continue;
		/*
		 * a dash or a semicolon closes the reported clause: … — a plan
		 * he has raised / …; the rest.  A pair of dashes is an aside
		 * inside it: economies - which include Japan - will grow
		 */
		if (t->kind == NA_TK_DASH && (t->flags & NA_TF_SPACE_BEFORE))
		{
			uint32_t	m2;

			for (m2 = m + 2; m2 <= e && m2 - m <= ASIDE_MAX; m2++)
				if ((q->doc->tokens[m2].kind == NA_TK_DASH &&
					 (q->doc->tokens[m2].flags & NA_TF_SPACE_BEFORE)) || q_is_punct(q, m2, ';'))
					break;
			if (m2 <= e && m2 - m <= ASIDE_MAX && q->doc->tokens[m2].kind == NA_TK_DASH &&
				m2 < e)
			{
				m = m2;
				continue;
			}
			/* … - including the re-emergence of …: the list is the content's */
			if (q_is(q, m + 1, "including"))
				continue;
			return m - 1;
		}
		if (q_is_punct(q, m, ';') || q_is_punct(q, m, '('))
			return m - 1;
		/* … and charged that / … but warned: the subject's next report */
		if ((q_is(q, m, "and") || q_is(q, m, "but")) && m + 1 <= e &&
			q_is_reporting_cue(q, m + 1) && !q_is_participle(q, m + 1) && !q_is_cap(q, m + 1) &&
			q_cue_class(q, m + 1) == NA_CUE_SPEECH)
			return q_is_punct(q, m - 1, ',') ? m - 2 : m - 1;
		/* declined to comment and is not …: the infinitive ends where the
		 * subject's next act begins */
		if (q_is(q, m, "and") && q_is(q, from, "to"))
		{
			for (; scanned < m && !clause; scanned++)
				clause = opens_clause_in_phrase(q, scanned);
			if (!clause && and_next_act(q, m, e))
				return m - 1;
		}
		if (!q_is_punct(q, m, ','))
			continue;
		/*
		 * n: the word after the comma, past a closing mark when the comma
		 * stands inside it (…,” adding that); the mark then closes the
		 * content
		 */
		n = m + 1;
		end = m - 1;
		if (n < e && q->doc->tokens[n].kind == NA_TK_CLOSE_QUOTE)
		{
			n++;
			end = m + 1;
		}
		/* …, adding that / …, according to / …, appearing to: a phrase of
		 * the sentence's own, not of the report */
		if (n <= e && ((q_is_reporting_cue(q, n) && q_is_participle(q, n)) ||
					   q_according_at(q, n)))
			return end;
		/* …, providing a boost / …, claiming that: a participle after the
		 * comma is the sentence's own (not "including") */
		if (n <= e && q_is_word(q, n) && q_is_participle(q, n) &&
			!q_is_cap(q, n) && !q_is(q, n, "including"))
			return end;
		/* …, he said: the sentence's own cue after a report inside it */
		if (e - m <= 9 && inverted_cue_tail(q, m + 1, e))
			return m - 1;
		/* …, which forced her to leave / …, who has led since May: a
		 * relative clause on the last noun */
		if (n <= e && (q_is(q, n, "which") || q_is(q, n, "who") || q_is(q, n, "whom")))
			return end;
		if (m + 2 <= e && q->doc->tokens[m + 1].len <= 3 && !q->in_quote[m] &&
			writers_tail(q, from, m, e))
			return m - 1;
		/* …, and three in four said …: a report of its own subject */
		if (n + 1 <= e && (q_is(q, n, "and") || q_is(q, n, "but")) &&
			next_report_subject(q, n + 1, e))
			return end;
		/*
		 * …, while 22 percent said / …, but he is: a clause set against
		 * it; "…, but could not bear to": the same subject's verb goes on
		 */
		if (n <= e && (q_is(q, n, "while") || q_is(q, n, "whereas") ||
					   (q_is(q, n, "but") &&
						!(finite_verb_at(q, n + 1) || q_is(q, n + 1, "not") ||
						  q_is(q, n + 1, "also") || q_is(q, n + 1, "still") ||
						  q_is(q, n + 1, "that"))) ||
					   q_is(q, n, "although") ||
					   q_is(q, n, "though") || q_is(q, n, "compared")))
			return end;
	}
	return e;
}

/*
 * Is token i a past tense with an object of its own, "signed the
 * petition", "thanked Okafor …", "wanted to …": a lower-case word in -ed
 * before a determiner, a pronoun, a name or "to".  "related measures",
 * "elected officials" have none: they are words of a noun phrase.
 */
static int
past_verb_with_object(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if (t->kind != NA_TK_WORD || t->len < 5 || (t->flags & NA_TF_CAPITALIZED) ||
		p[t->len - 2] != 'e' || p[t->len - 1] != 'd' || q->in_quote[i])
		return 0;
	return q_in(q, i + 1, LEX_DETERMINERS) || q_is_pronoun(q, i + 1) || q_possessive(q, i + 1) ||
		q_is_cap(q, i + 1) || q_is(q, i + 1, "to");
}

/*
 * Does token w open a clause inside an object or infinitive that a cue
 * reports ("how ferries and buses could …", "to show that it was … and
 * was …")?  Such a clause owns what follows a later "and".  (The question
 * words' list holds "to" and "about" too, which open infinitives and
 * topics, no clause.)
 */
static int
opens_clause_in_phrase(const qctx *q, uint32_t w)
{
	return finite_verb_at(q, w) || q_is(q, w, "that") ||
		(q_in(q, w, LEX_QUESTION_OPENERS) && !q_is(q, w, "to") && !q_is(q, w, "about"));
}

/*
 * Does the "and" at m, after an object or an infinitive that a cue
 * reports (and no clause opened inside it: opens_clause_in_phrase), go on
 * with the subject's next act: "endorsed Okafor and has campaigned with
 * her", "praised the plan and later signed the petition", "declined to
 * comment and her office has closed"?  PolNeAR's content ends before it.
 * (After a clause the same "and will …" goes on with the clause's own
 * subject: "said the tunnel is safe and will reopen".)
 */
static int
and_next_act(const qctx *q, uint32_t m, uint32_t last)
{
	uint32_t	v = m + 1;

	if (v > last || q->in_quote[m])
		return 0;
	/* … and even signed / and later told: an adverb before the verb */
	if (q_in(q, v, LEX_AUX_ADVERBS) && !finite_verb_at(q, v) && v + 1 <= last)
		v++;
	if (finite_verb_at(q, v) || past_verb_with_object(q, v))
		return 1;
	/* a clause with a subject of its own: a determiner, a pronoun or a
	 * name opens it ("… and her office has closed") */
	return (q_in(q, m + 1, LEX_DETERMINERS) || q_is_pronoun(q, m + 1) || q_possessive(q, m + 1) ||
			q_is_cap(q, m + 1)) && and_new_clause(q, m + 1, last);
}

/*
 * The end of the noun phrase a cue of LEX_OBJECT_CUES reports, from its
 * first token j to at most last: endorsed Clinton for president | on
 * Thursday, praised the plan | at a rally, backing her | while ….  The
 * time and place are the sentence's, not what is endorsed; prepositions
 * that often belong to the phrase (praised his positions on defence,
 * defended Trump as a candidate) do not end it.
 */
uint32_t
q_object_end(const qctx *q, uint32_t j, uint32_t last)
{
	/* the phrase's tokens [j, scanned) hold no clause opener, unless clause:
	 * read once, as far as the "and"s ask (a phrase of many "and"s stays linear) */
	uint32_t	scanned = j;
	int			clause = 0;

	for (uint32_t m = j + 1; m <= last; m++)
	{
		const na_token *t = &q->doc->tokens[m];

		if (t->kind == NA_TK_PUNCT || t->kind == NA_TK_DASH)
		{
			if (q_is_punct(q, m, '.') || q_is_punct(q, m, '\''))
				continue;
			return m - 1;
		}
		/*
		 * Friday, on Monday, last week; but a time noun after a word of
		 * the phrase is its head ("recounted his long night"): the phrase
		 * ends at a time word only where the time begins
		 */
		if (t->kind == NA_TK_WORD && (q_in(q, m, LEX_WEEKDAY_WORDS) ||
									  (q_is(q, m, "on") && q_in(q, m + 1, LEX_WEEKDAY_WORDS))) &&
			!(q_in(q, m, LEX_DAY_PART_WORDS) && !q_in(q, m - 1, LEX_WEEKDAY_WORDS)))
			return m - 1;
		if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED))
			continue;
		if (q_in(q, m, LEX_OBJECT_PHRASE_ENDS))
			return m - 1;
		if (q_is(q, m, "and"))
		{
			for (; scanned < m && !clause; scanned++)
				clause = opens_clause_in_phrase(q, scanned);
			if (!clause && and_next_act(q, m, last))
				return m - 1;
		}
	}
	return last;
}

/*
 * The end of the content [first, last] of a report inside a restrictive
 * relative clause ("voters who said the economy was weak backed Sanders",
 * "delegates who plan to attend the convention could face …"): the
 * sentence's own verb follows the clause, and the content ends before it.
 * own_verbs is how many verbs the content may hold (one for a clause, none
 * for an infinitive or an object); a verb after a pronoun, a relative or a
 * conjunction, or after another verb (has been), opens or goes on with a
 * clause inside the content and is not the sentence's.
 */
uint32_t
q_relative_content_end(const qctx *q, uint32_t first, uint32_t last, int own_verbs)
{
	int			verbs = 0;

	for (uint32_t m = first + 1; m <= last; m++)
	{
		if (q->in_quote[m] || !(finite_verb_at(q, m) || past_verb_with_object(q, m)))
			continue;
		/* (a subject pronoun only: "people like them backed" is the sentence's) */
		if ((q_is_pronoun(q, m - 1) && !q_in(q, m - 1, LEX_HEARER_PRONOUNS)) ||
			q_word_in(q, m - 1, NA_LEX_RELATIVE_CONTENT_VERB_JOINERS) || !q_is_word(q, m - 1) ||
			finite_verb_at(q, m - 1) || q_in(q, m - 1, LEX_AUX_ADVERBS))
		{
			verbs++;
			continue;
		}
		if (verbs++ >= own_verbs)
			return m - 1;
	}
	return last;
}

/* Words in tokens [first, last] (punctuation and marks not counted). */
uint32_t
q_words_between(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	n = 0;

	for (uint32_t k = first; k <= last && n < REPORT_MIN_WORDS; k++)
		n += q->doc->tokens[k].kind != NA_TK_PUNCT && !q_is_quote_mark(q, k);
	return n;
}

/* Is there a comma among the tokens (a, b)? */
int
q_comma_between(const qctx *q, uint32_t a, uint32_t b)
{
	for (uint32_t m = a + 1; m < b; m++)
		if (q_is_punct(q, m, ','))
			return 1;
	return 0;
}

/*
 * Is the cue at k a word of the source of the "according to" at a, with
 * only words between (according to the Datamonitor report the trend …,
 * according to a memo posted online by …)?  Not in a relative clause on
 * that source: "according to two senators who requested anonymity".
 */
int
q_in_according_source(const qctx *q, uint32_t a, uint32_t k)
{
	if (!q_is(q, a + 1, "to"))
		return 0;
	for (uint32_t m = a + 2; m < k; m++)
		if (!q_is_word(q, m) || q_is(q, m, "who") || q_is(q, m, "which") || q_is(q, m, "that"))
			return 0;
	return 1;
}
