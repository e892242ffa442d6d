/*
 * votes_clauses.c - the vote analyser's readings of clauses around a vote
 * verb that name its actor elsewhere in the sentence: a relative clause on a
 * predicate ("He was among the members who voted against": he).
 */
#include "votes_internal.h"

/*
 * The subject of "who" at k when its antecedent is the predicate of a
 * copula: "He was among the Representatives who voted against", "She is the
 * only candidate in this race who has voted against", "Jane Hill was one of
 * 12 senators who voted for": the voter is the copula's subject, not the
 * class named after it.  Walks left over at most ten tokens of the
 * predicate (no punctuation, no other verb); returns the actors, 0 when the
 * clause is no such predicate.
 */
int
copula_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors, int max)
{
	uint32_t	j = k;

	while (j > st->first && j + 10 > k)
	{
		uint32_t	b = j - 1;

		if (is_word(c, b, "was") || is_word(c, b, "were") || is_word(c, b, "is") || is_word(c, b, "are"))
		{
			/* the predicate opens as a class or a rank does: among, one of, the only */
			if (!(is_word(c, j, "among") || is_word(c, j, "one") || is_word(c, j, "the") ||
				  is_word(c, j, "a") || is_word(c, j, "an")) || j + 1 >= k)
				return 0;
			return subject_of(c, st, b, actors, max);
		}
		if (T(c, b)->kind != NA_TK_WORD && T(c, b)->kind != NA_TK_NUMBER)
			return 0;
		if (trigger_of(c, b) || in_list(c, b, clause_words))
			return 0;
		j = b;
	}
	return 0;
}
