/*
 * votes_clauses.c - the vote analyser's readings of names and clauses around
 * a vote verb: a name of one word the article never gives in full ("Chirac
 * was elected"), a relative clause on a predicate ("He was among the
 * members who voted against": he), a motion's own outcome ("The bill
 * passed.": no actor named) and a roll call told as counts ("four votes for
 * Trump, 31 for Cruz").
 */
#include "votes_internal.h"

/* Does the text w of len bytes contain needle?  (Token text is not NUL-terminated.) */
static int
strstr_n(const char *w, uint32_t len, const char *needle)
{
	size_t		n = strlen(needle);

	for (uint32_t i = 0; i + n <= len; i++)
		if (memcmp(w + i, needle, n) == 0)
			return 1;
	return 0;
}

/*
 * Does the article speak of politics (data/lexicon/vote_politics_signs.tsv:
 * "election", "voters", "parliament")?  A lone capitalised word that "won"
 * in a sports or music story is a team or a band.  Looked up once per
 * article, on the first question.
 */
static int
politics_article(vctx *c)
{
	for (uint32_t i = 0; c->politics_seen == 0 && i < c->doc->ntokens; i++)
		if (T(c, i)->kind == NA_TK_WORD &&
			na_lex_has(NA_LEX_VOTE_POLITICS_SIGNS, c->doc->text + T(c, i)->start, T(c, i)->len))
			c->politics_seen = 1;
	if (c->politics_seen == 0)
		c->politics_seen = -1;
	return c->politics_seen > 0;
}

/*
 * A name of one word that the article gives nowhere in full ("Chirac was
 * elected", "the MDC won a majority", "Respect won the seat"): a capitalised
 * word, or an acronym, right before the verb.  A word that opens the
 * sentence may be an ordinary noun ("Shareholders voted"), so there the
 * article must also write it capitalised inside a sentence (looking at most
 * 4,000 tokens either way).  A person unless written in capitals.
 */
int
lone_name(vctx *c, uint32_t k, actor_ref *a)
{
	const na_token *t = T(c, k);
	const char *w = c->doc->text + t->start;
	uint32_t	lo = k > 4000 ? k - 4000 : 0;
	uint32_t	hi = k + 4000 < c->doc->ntokens ? k + 4000 : c->doc->ntokens;
	int			proper = !(t->flags & NA_TF_SENT_START);
	na_place_match m;
	body_ref	b;

	if (t->kind != NA_TK_WORD || t->len < 2 || !(t->flags & NA_TF_CAPITALIZED) ||
		((t->flags & NA_TF_ALLCAPS) ? t->len > 5 : t->len < 3) ||
		memchr(w, '\'', t->len) || memchr(w, '.', t->len) || strstr_n(w, t->len, "\xE2\x80\x99") ||
		is_word(c, k, "The") ||
		/* "a Democrat to win", "Coalition for Unity and Democracy won": a noun, a name's end */
		(k > 0 && in_list(c, k - 1, lone_name_before)) || state_at(c, k, a) ||
		is_possessive(c, k) || in_list(c, k, name_stopwords) || in_list(c, k, person_titles) ||
		trigger_of(c, k) || (k > 0 && is_capitalized(c, k - 1) && T(c, k - 1)->sentence == t->sentence &&
							 !(T(c, k - 1)->flags & NA_TF_SENT_START)) ||
		na_place_at(c->doc, k, &m) || body_at(c, k, &b))
		return 0;
	/* "The MDC": the article's word after a capitalised determiner is still alone */
	if (k > 0 && is_capitalized(c, k - 1) && T(c, k - 1)->sentence == t->sentence &&
		!is_word(c, k - 1, "The"))
		return 0;
	for (uint32_t j = lo; !proper && j < hi; j++)
	{
		const na_token *u = T(c, j);

		proper = j != k && u->len == t->len && !(u->flags & NA_TF_SENT_START) &&
			memcmp(c->doc->text + u->start, w, t->len) == 0;
	}
	if (!proper || !politics_article(c))
		return 0;
	memset(a, 0, sizeof(*a));
	a->first = a->name_first = k;
	a->end = a->name_end = k + 1;
	a->kind = (t->flags & NA_TF_ALLCAPS) ? NA_VK_GROUP : NA_VK_PERSON;
	return 1;
}

/*
 * The subject of "who" at k when its antecedent is the predicate of a
 * copula: "He was among the Representatives who voted against", "She is the
 * only candidate in this race who has voted against", "Jane Hill was one of
 * 12 senators who voted for": the voter is the copula's subject, not the
 * class named after it ("why he's the only candidate who": the pronoun
 * and its "is" in one token).  Walks left over at most ten tokens of the
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
			if (!in_list(c, j, rank_predicate_openers) || j + 1 >= k)
				return 0;
			return subject_of(c, st, b, actors, max);
		}
		/* "why he's the only candidate who voted": the pronoun and "is" in one token */
		if (is_word_poss(c, b, "he") || is_word_poss(c, b, "she"))
		{
			if (!in_list(c, j, rank_predicate_openers) || j + 1 >= k || !resolve_person(c, b, &actors[0]))
				return 0;
			return 1;
		}
		if (T(c, b)->kind != NA_TK_WORD && T(c, b)->kind != NA_TK_NUMBER)
			return 0;
		if (trigger_of(c, b) || in_list(c, b, clause_words))
			return 0;
		j = b;
	}
	return 0;
}

/*
 * Does "to" before the vote verb at v state an aim ("to vote", "on track to
 * win": planned), as the modality of every vote verb reads it?  Not where
 * the infinitive tells the vote: "went on to win", "was the first senator
 * to vote against" (rank_infinitive), "overturned a big majority to win the
 * seat" (purpose_after_past).  One test for every class, so that each
 * reading holds for all of them.
 */
int
infinitive_aim(vctx *c, sent_state *st, uint32_t v)
{
	if (v <= st->first || !is_word(c, v - 1, "to"))
		return 0;
	/* "She went on to win the nomination": what happened next */
	if (v >= st->first + 3 && is_word(c, v - 2, "on") && is_word(c, v - 3, "went"))
		return 0;
	return !rank_infinitive(c, st, v) && !purpose_after_past(c, st, v);
}

/*
 * Is the verb at v an infinitive after a copula's rank or class, "Tom Hale
 * was the first senator to vote against it", "was one of three members to
 * back it", "were among the states to vote against": a relative clause
 * that tells the vote (who voted), whose voter is the copula's subject
 * (copula_subject at "to")?
 */
int
rank_infinitive(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];

	return v > st->first + 2 && is_word(c, v - 1, "to") && voter_rank_before(c, st, v - 1) &&
		copula_subject(c, st, v - 1, actors, MAX_ACTORS) > 0;
}

/* a rank word of a predicate: the first, the only, the last, one (of) */
static int
rank_word(vctx *c, uint32_t k)
{
	return in_list(c, k, ordinal_words) || in_list(c, k, rank_words);
}

/*
 * Do the words before "to" at k rank voters: a rank word among them (the
 * first, the only, one of, among) and a voter at their head ("the first
 * senator", "one of 25 senators", "the only Republicans", "the first")?
 * Not "the best candidate to defeat", "the only chance to pass": an
 * estimate, a thing.
 */
int
voter_rank_before(vctx *c, sent_state *st, uint32_t k)
{
	uint32_t	head = k - 1;
	const na_token *h;
	int			ranked = 0;
	actor_ref	a;
	char		plural[NA_LEX_KEY_MAX];

	if (k < st->first + 2)
		return 0;
	for (uint32_t j = head; j > st->first && j + 8 > k && T(c, j)->kind != NA_TK_PUNCT; j--)
		if (rank_word(c, j))
			ranked = 1;
	if (!ranked)
		return 0;
	/* "among 25 senators in 2008 to vote": the year after the voters */
	if (head > st->first + 2 && T(c, head)->kind == NA_TK_NUMBER && is_word(c, head - 1, "in"))
		head -= 2;
	h = T(c, head);
	if (rank_word(c, head) || in_list(c, head, group_heads) || in_lex(c, head, NA_LEX_VOTE_LEGISLATOR_NOUNS) ||
		(actor_at(c, head, &a) && a.kind == NA_VK_PARTY))
		return 1;
	/* "the first senator": a group head in the singular */
	if (h->kind != NA_TK_WORD || h->len + 1 > sizeof(plural))
		return 0;
	memcpy(plural, c->doc->text + h->start, h->len);
	plural[h->len] = 's';
	return na_lex_lookup(NA_LEX_VOTE_GROUP_HEADS, plural, h->len + 1) >= 0 ||
		na_lex_lookup(NA_LEX_VOTE_LEGISLATOR_NOUNS, plural, h->len + 1) >= 0;
}

/*
 * Does a verb follow the adverbials that start at k ("reforms passed in 2001
 * give the government the right")?  Then the participle before k may be a
 * reduced relative and the law a standard cited, no vote.  Skips up to 8
 * tokens of prepositions, times, numbers, adverbs and the noun phrases
 * after a determiner; a lower-case word outside them is taken for the verb.
 */
static int
verb_follows_adverbial(vctx *c, sent_state *st, uint32_t k)
{
	int			det = 0;

	for (uint32_t j = k; j < k + 8 && in_sentence(c, j, st->s); j++)
	{
		const na_token *t = T(c, j);

		if (t->kind == NA_TK_NUMBER)
			continue;
		if (t->kind != NA_TK_WORD || in_list(c, j, clause_words) || is_word(c, j, "and") ||
			is_word(c, j, "but"))
			return 0;
		if (in_list(c, j, prepositions) || in_list(c, j, time_words) || is_word(c, j, "easily") ||
			(t->len > 4 && memcmp(c->doc->text + t->start + t->len - 2, "ly", 2) == 0))
			det = 0;
		else if (in_list(c, j, adverbial_determiners))
			det = 1;
		else if (!det && !is_capitalized(c, j))
			return 1;
	}
	return 0;
}

/*
 * A motion that passed or failed with no object after the verb: "The bill
 * passed.", "after a bank deregulation bill passed", "The motion failed on
 * Tuesday": the vote's outcome with a null actor, as the codebook codes
 * "the motion failed".  The motion must open its clause (the sentence, or
 * after a comma, a conjunction or a subordinator), so that a law cited by
 * its date ("under a law passed in 1990") stays a distractor; "by" after
 * the verb is a passive and "failed to" a failure to act, both read
 * elsewhere.  Returns 1 when it emitted the row.
 */
int
motion_outcome(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	uint32_t	k = v + 1;
	uint32_t	q = v;
	uint32_t	mf;
	uint32_t	mh;
	position	p;

	if (!(is_word(c, v, "passed") || is_word(c, v, "failed")))
		return 0;
	/* after the verb: the clause ends, or an adverbial follows */
	if (in_sentence(c, k, st->s) && T(c, k)->kind == NA_TK_WORD &&
		(is_word(c, k, "by") || is_word(c, k, "to") || is_word(c, k, "that") ||
		 !(in_list(c, k, prepositions) || in_list(c, k, time_words) || in_list(c, k, clause_words) ||
		   in_list(c, k, aux_words) || is_word(c, k, "and") || is_word(c, k, "easily") ||
		   (T(c, k)->len > 4 && memcmp(c->doc->text + T(c, k)->start + T(c, k)->len - 2, "ly", 2) == 0))))
		return 0;
	/* "The amendment has narrowly passed": auxiliaries and adverbs before the verb */
	while (q > st->first && in_list(c, q - 1, aux_words))
		q--;
	if (q == st->first || !is_motion_head(c, q - 1) || !motion_left(c, q - 1, st->first, &mf, &mh) ||
		mh != q - 1 || is_word(c, mh, "it"))
		return 0;
	if (mf > st->first && !is_punct(c, mf - 1, ',') && !in_list(c, mf - 1, clause_words) &&
		!is_word(c, mf - 1, "and") && !is_word(c, mf - 1, "once"))
		return 0;
	/* "Controversial reforms passed in 2001 give ...": an indefinite law cited, not a vote */
	if (!motion_definite(c, mf) && verb_follows_adverbial(c, st, k))
		return 0;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.verb = v + 1;
	p.action = class_action(tw->cls);
	p.outcome = class_outcome(tw->cls);
	p.modality = modality_at(c, v, st->first);
	if (p.modality != NA_VM_ASSERTED && p.modality != NA_VM_HISTORICAL)
		p.outcome = NA_VO_NONE;
	p.motion_first = mf;
	p.motion_end = mh + 1;
	p.motion_head = mh;
	p.ev_first = mf;
	p.ev_end = v + 1;
	emit_positions(c, st, &p, NULL, 0);
	return 1;
}

/*
 * The name of a candidate at j in a roll call ("for Senator Ted Cruz", "for
 * Trump"): a person, a surname the article gave in full, or a capitalised
 * word.  Returns the token after it, 0 for none.
 */
static uint32_t
roll_call_name(vctx *c, sent_state *st, uint32_t j)
{
	actor_ref	a;

	if (!in_sentence(c, j, st->s))
		return 0;
	if ((person_at(c, j, &a) && a.kind == NA_VK_PERSON) || known_surname(c, j, &a))
		return a.end;
	return is_capitalized(c, j) && T(c, j)->kind == NA_TK_WORD ? j + 1 : 0;
}

/*
 * The rows of a roll call read by roll_call_counts: one null vote_for per
 * candidate (the candidate's name its motion), a null abstain when
 * abstentions are counted, all in one event that carries the counts.
 */
static void
roll_call_rows(vctx *c, sent_state *st, uint32_t k, const int32_t *counts, uint32_t names[][2], int n,
			   int32_t abstentions)
{
	body_ref	nobody;
	position	p;
	uint32_t	event;
	vote_event *ev;

	memset(&nobody, 0, sizeof(nobody));
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.verb = k + 2;
	p.modality = modality_at(c, k + 1, st->first);
	event = event_for(c, st->s, 1, 0, 0, &nobody, 1, 0);
	ev = event ? event_ptr(c, event) : NULL;
	if (ev)
	{
		ev->votes_for = counts[0];
		ev->votes_against = n > 1 ? counts[1] : NA_VOTE_NO_COUNT;
		ev->abstentions = abstentions;
	}
	for (int i = 0; i < n; i++)
	{
		p.action = NA_VA_VOTE_FOR;
		p.motion_first = p.ev_first = names[i][0];
		p.motion_end = p.ev_end = names[i][1];
		p.motion_head = names[i][1] - 1;
		if (i == 0)
			p.ev_first = k;
		emit(c, &p, event);
	}
	if (abstentions >= 0)
	{
		p.action = NA_VA_ABSTAIN;
		p.motion_first = p.motion_end = p.motion_head = 0;
		p.ev_first = k;
		p.ev_end = k + 2;
		emit(c, &p, event);
	}
}

/*
 * A roll call given as counts with no vote verb: "announced four votes for
 * Trump, 31 for Senator Ted Cruz and two abstentions".  The codebook gives a
 * null row for each side (vote_for each candidate, abstain), the counts the
 * event's tally (the first two candidates as for and against, an unordered
 * pair for the scorer).  Needs two items at least, so that "received 400
 * votes for mayor" stays an election's gain.
 */
void
roll_call_counts(vctx *c, sent_state *st)
{
	for (uint32_t k = st->first; k + 3 < st->end; k++)
	{
		int32_t		counts[4];
		uint32_t	names[4][2];
		int			n = 0;
		int32_t		abstentions = NA_VOTE_NO_COUNT;
		uint32_t	j = k + 3;
		uint32_t	e;

		if (number_at(c, k) < 0 || !is_word(c, k + 1, "votes") || !is_word(c, k + 2, "for"))
			continue;
		counts[0] = number_at(c, k);
		while (n < 4 && (e = roll_call_name(c, st, j)) != 0)
		{
			names[n][0] = j;
			names[n][1] = e;
			n++;
			if (is_punct(c, e, ','))
				e++;
			if (is_word(c, e, "and"))
				e++;
			if (number_at(c, e) >= 0 && (is_word(c, e + 1, "abstentions") || is_word(c, e + 1, "abstention")))
			{
				abstentions = number_at(c, e);
				break;
			}
			if (n == 4 || number_at(c, e) < 0 || !is_word(c, e + 1, "for"))
				break;
			counts[n] = number_at(c, e);
			j = e + 2;
		}
		if (n + (abstentions >= 0) < 2)
			return;
		roll_call_rows(c, st, k, counts, names, n, abstentions);
		return;
	}
}

/*
 * The office len bytes of token i name (data/lexicon/role_offices.tsv:
 * "senator" and "Sen." name the senate's, "congressman" and "Rep." the
 * house's), or NULL.
 */
static const char *
office_named(const vctx *c, uint32_t i, uint32_t len)
{
	const na_token *t = T(c, i);
	int32_t		row;

	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return NULL;
	row = na_lex_lookup(NA_LEX_ROLE_OFFICES, c->doc->text + t->start, len);
	return row < 0 ? NULL : na_lex_attr(NA_LEX_ROLE_OFFICES, (uint32_t) row, NA_LEX_ROLE_OFFICES_OFFICE);
}

/*
 * The person the article titled with the office named at token k: "the
 * president" after "President Barack Obama", "the governor" after
 * "Governor Dennis Daugaard" or "Gov. Dennis Daugaard", "the congressman"
 * after "Rep. Peter Welch" (the title and the noun name one office).  A
 * pronoun after the office most likely means its holder, whom the article
 * often named once; with no such title in the 4,000 tokens before, none
 * (better no row than the last person named).
 */
int
office_holder(vctx *c, uint32_t k, actor_ref *a)
{
	const na_token *t = T(c, k);
	const char *w = c->doc->text + t->start;
	uint32_t	len = t->len;
	uint32_t	lo = k > 4000 ? k - 4000 : 0;
	const char *office;

	/* "the governor's veto": the office without its possessive */
	if (is_possessive(c, k))
		len -= (w[len - 2] == '\'') ? 2 : 4;
	office = office_named(c, k, len);
	for (uint32_t j = k; j-- > lo;)
	{
		const na_token *u = T(c, j);
		const char *x = c->doc->text + u->start;
		const char *titled;
		uint32_t	i = 0;

		if (!(u->flags & NA_TF_CAPITALIZED))
			continue;
		if (office != NULL)
		{
			if ((titled = office_named(c, j, u->len)) == NULL || strcmp(titled, office) != 0)
				continue;
		}
		else
		{
			/* an office the list does not know: its own word as the title */
			if (u->len != len)
				continue;
			while (i < len && (x[i] | 0x20) == (w[i] | 0x20))
				i++;
			if (i != len)
				continue;
		}
		if (person_at(c, j, a) && a->kind == NA_VK_PERSON && a->name_end > a->name_first)
			return 1;
	}
	return 0;
}
