/*
 * votes.c - vote events of a scanned document (see na_votes.h).
 *
 * A first pass marks every token with one hash probe into a small lexicon
 * (trigger words, and the words that can start or end a body's name); only
 * the sentences that hold a trigger (a few in a hundred) are read closely,
 * and the walk for the body named earlier in the article visits only the
 * tokens the lexicon marked.  Inside a candidate sentence the cheap tests
 * that rule a trigger out (no motion after "came back", no side after
 * "voting") run before the subject search.  For each trigger the
 * analyser finds the actors (the subject to the left, skipping auxiliaries
 * and appositives, or the agent of a "by" phrase), the motion (the object, or
 * the noun a participle hangs on), the modality from the words around it,
 * and the tally and method anywhere in the sentence.  Positions join the
 * vote event of their motion: "a measure" opens one, "the measure" and "the
 * draft" continue the latest; events carry body, outcome and tally to all
 * their positions.
 */
#include "votes_internal.h"

/*
 * "The ruling was 6 to 3, with the bench's liberal wing in the majority":
 * the side named after "with" voted with the majority (vote_for) or the
 * minority ("in the minority", "in dissent": vote_against), a row of its
 * own in the tally sentence's vote, its actor the phrase as written (a
 * bench's wing is no name of the lists).  decision is that vote's row,
 * already emitted.
 */
static void
majority_side_row(vctx *c, sent_state *st, const position *decision, uint32_t event)
{
	for (uint32_t k = st->first; k + 4 < st->end; k++)
	{
		uint32_t	e = k + 1;
		uint32_t	side;
		position	p;

		if (!is_word(c, k, "with"))
			continue;
		while (e < k + 6 && e < st->end && T(c, e)->kind == NA_TK_WORD && !is_word(c, e, "in"))
			e++;
		/* "in the majority", "in the minority", "in dissent" */
		if (e == k + 1 || !is_word(c, e, "in"))
			continue;
		side = is_word(c, e + 1, "the") ? e + 2 : e + 1;
		if (!(is_word(c, side, "majority") || is_word(c, side, "minority") || is_word(c, side, "dissent")))
			continue;
		p = *decision;
		memset(&p.actor, 0, sizeof(p.actor));
		p.actor.first = k + 1;
		p.actor.end = e;
		p.actor.name_first = is_word(c, k + 1, "the") ? k + 2 : k + 1;
		p.actor.name_end = e;
		p.actor.kind = NA_VK_GROUP;
		if (p.actor.name_first >= e)
			return;
		p.action = is_word(c, side, "majority") ? NA_VA_VOTE_FOR : NA_VA_VOTE_AGAINST;
		p.ev_first = k + 1;
		p.ev_end = side + 1;
		emit(c, &p, event);
		return;
	}
}

/*
 * "The Senate passed the farm bill on Thursday. The vote was 64 to 35.": a
 * sentence that gives only the tally of the vote before it reports that
 * vote again, with no actor (the codebook's null row), the action of the
 * body's decision before and the same event.
 */
static void
tally_sentence_row(vctx *c, sent_state *st, const tally *t)
{
	vote_event *last = NULL;
	na_vote    *rows = (na_vote *) c->rows.items;
	position	p;
	uint32_t	says_vote = 0;

	if (c->events.count > 0 && c->rows.count > 0)
		last = (vote_event *) c->events.items + c->events.count - 1;
	if (last && last->sentence + 2 < st->s)
		last = NULL;
	for (uint32_t k = st->first; k < st->end && !says_vote; k++)
		if (in_list(c, k, tally_nouns) &&
			(in_list(c, k + 1, tally_link_verbs) ||
			 /* "the vote -- 611 in favor, 748 opposed -- kept the rules" */
			 (T(c, k + 1)->kind == NA_TK_DASH && number_at(c, k + 2) >= 0)))
			says_vote = k + 1;
	if (!says_vote)
		return;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	if (last == NULL)
	{
		/*
		 * "The vote was 5 to 4, with the court's liberals in the minority.":
		 * a vote of its own, with no vote before it in the article; the
		 * tally tells how it ended.  Only "the vote" (a vote known to the
		 * reader) with both sides counted: "a margin is" or a lone count
		 * reports no vote.
		 */
		if (t->votes_for < 0 || t->votes_against < 0 || says_vote < st->first + 2 ||
			!is_word(c, says_vote - 2, "the") || !is_word(c, says_vote - 1, "vote"))
			return;
		p.action = t->votes_against > t->votes_for ? NA_VA_REJECT : NA_VA_APPROVE;
		p.modality = modality_at(c, says_vote - 1, st->first);
		if (p.modality == NA_VM_ASSERTED)
			p.outcome = t->votes_against > t->votes_for ? NA_VO_REJECTED : NA_VO_ADOPTED;
		p.ev_first = st->first;
		p.ev_end = st->end;
		while (p.ev_end > p.ev_first && T(c, p.ev_end - 1)->kind == NA_TK_PUNCT)
			p.ev_end--;
		/* an event of its own: no vote came before it to join */
		p.body = st->body;
		st->event = event_for(c, st->s, 1, 0, 0, &p.body, st->body_here, 0);
		emit(c, &p, st->event);
		majority_side_row(c, st, &p, st->event);
		return;
	}
	p.action = NA_VA_APPROVE;
	p.modality = rows[c->rows.count - 1].modality;
	for (size_t r = c->rows.count; r-- > 0 && rows[r].event == (uint32_t) c->events.count;)
		if (rows[r].action == NA_VA_PASS || rows[r].action == NA_VA_APPROVE || rows[r].action == NA_VA_ADOPT ||
			rows[r].action == NA_VA_REJECT || rows[r].action == NA_VA_CONFIRM ||
			rows[r].action == NA_VA_OVERRIDE)
		{
			p.action = rows[r].action;
			break;
		}
	p.ev_first = st->first;
	p.ev_end = st->end;
	while (p.ev_end > p.ev_first && T(c, p.ev_end - 1)->kind == NA_TK_PUNCT)
		p.ev_end--;
	last->sentence = st->s;
	emit(c, &p, (uint32_t) c->events.count);
	st->event = (uint32_t) c->events.count;
	majority_side_row(c, st, &p, st->event);
}

/*
 * "The tie vote left the ruling in place": a vote the reader knows ("the"),
 * tied, so the question put failed; the codebook's null reject (the body is
 * the context's).  Returns 1 when the noun "vote" at v is such a tie.
 */
static int
tie_vote(vctx *c, sent_state *st, uint32_t v)
{
	position	p;

	if (v < st->first + 2 || !(is_word(c, v - 1, "tie") || is_word(c, v - 1, "tied")) ||
		!is_word(c, v - 2, "the"))
		return 0;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.action = NA_VA_REJECT;
	p.modality = modality_at(c, v, st->first);
	p.outcome = p.modality == NA_VM_ASSERTED ? NA_VO_FAILED : NA_VO_NONE;
	p.ev_first = v - 2;
	p.ev_end = v + 1;
	/* a vote of its own: a tie is not the count of the vote before it */
	p.body = st->body;
	st->event = event_for(c, st->s, 1, 0, 0, &p.body, st->body_here, 0);
	emit(c, &p, st->event);
	return 1;
}

/*
 * "Of the 2.8 million who voted, 85% were in favour": a referendum's or a
 * ballot's electorate by shares, each share a null row of its side (the
 * codebook's unnamed counted group; percentages are no tallies).  Only after
 * a vote word in the sentence: "85% were in favour" alone is a poll.
 */
static void
share_positions(vctx *c, sent_state *st)
{
	int			voted = 0;

	for (uint32_t k = st->first; k < st->end; k++)
	{
		const trigger_word *tw = trigger_of(c, k);
		uint32_t	q = k + 1;
		position	p;
		int			dir = 0;

		if (tw && tw->cls == W_VOTE)
			voted = 1;
		if (!voted || T(c, k)->kind != NA_TK_PERCENT)
			continue;
		if (is_word(c, q, "were") || is_word(c, q, "was") || is_word(c, q, "voted"))
			q++;
		if (is_word(c, q, "in") && (is_word(c, q + 1, "favour") || is_word(c, q + 1, "favor")))
			dir = 1, q += 2;
		else if (is_word(c, q, "against") || is_word(c, q, "opposed"))
			dir = -1, q++;
		if (dir == 0)
			continue;
		memset(&p, 0, sizeof(p));
		p.sentence = st->s;
		p.action = dir == 1 ? NA_VA_VOTE_FOR : NA_VA_VOTE_AGAINST;
		p.modality = modality_at(c, k, st->first);
		p.ev_first = k;
		p.ev_end = q;
		emit_positions(c, st, &p, NULL, 0);
	}
}

/*
 * A tally in a sentence no vote verb gave rows to, with a motion named ("The
 * draft received nine in favour, three against"): a vote on that motion
 * with no actor named, its outcome from a verb of the sentence if any.
 */
static void
named_motion_tally(vctx *c, sent_state *st)
{
	int			recent = c->events.count > 0 &&
		((vote_event *) c->events.items)[c->events.count - 1].sentence + 2 >= st->s;

	/* "The draft received nine in favour, three against": a vote on the motion named */
	for (uint32_t k = st->first; k < st->end; k++)
	{
		uint32_t	mf = 0,
					mh = 0;
		int			named = is_motion_head(c, k) && !is_motion_head(c, k + 1) &&
			motion_left(c, k, st->first, &mf, &mh) && mh == k;

		/* "survived a vote of confidence by 325 votes to 306": in a parliament only */
		if (!named && confidence_vote_at(c, st, k, &mf, &mh))
			named = 1;
		/* after a vote in the last sentences, only "a similar motion" is another one */
		if (named && recent && motion_definite(c, mf))
			break;
		if (named)
		{
			position	p;

			memset(&p, 0, sizeof(p));
			p.sentence = st->s;
			p.action = NA_VA_VOTE;
			p.modality = NA_VM_ASSERTED;
			/* "Politicians unanimously rejected the bill": the verb says how it ended */
			for (uint32_t q = st->first; q < st->end; q++)
			{
				const trigger_word *tw = trigger_of(c, q);

				if (tw && (tw->cls == W_ADOPT || tw->cls == W_PASS || tw->cls == W_REJECT ||
						   tw->cls == W_FAIL))
				{
					p.action = class_action(tw->cls);
					p.verb = q + 1;		/* "passed": the codebook's pass (codebook_action) */
					p.modality = modality_at(c, q, st->first);
					if (p.modality == NA_VM_ASSERTED)
						p.outcome = class_outcome(tw->cls);
					break;
				}
				/* "The government survived a similar motion by 201 votes to 188": the motion fell */
				if (in_lex(c, q, NA_LEX_VOTE_SURVIVE_VERBS))
				{
					p.action = NA_VA_REJECT;
					p.modality = modality_at(c, q, st->first);
					if (p.modality == NA_VM_ASSERTED)
						p.outcome = NA_VO_REJECTED;
					break;
				}
			}
			p.motion_first = mf;
			p.motion_end = mh + 1;
			p.motion_head = mh;
			p.ev_first = st->first;
			p.ev_end = st->end;
			while (p.ev_end > p.ev_first && T(c, p.ev_end - 1)->kind == NA_TK_PUNCT)
				p.ev_end--;
			/* "The bill was approved on a 61 to 38 vote": no actor named */
			emit_positions(c, st, &p, NULL, 0);
			break;
		}
	}
}

/*
 * A vote recalled as background has no event: its rows keep the sentence's
 * tally themselves, where they have none of their own.
 */
static void
historical_rows_take_tally(vctx *c, size_t rows_before, const tally *t)
{
	for (size_t r = rows_before; r < c->rows.count; r++)
	{
		na_vote    *row = (na_vote *) c->rows.items + r;

		if (row->event != 0 || row->modality != NA_VM_HISTORICAL)
			continue;
		if (t->votes_for >= 0 && row->votes_for == NA_VOTE_NO_COUNT)
			row->votes_for = t->votes_for;
		if (t->votes_against >= 0 && row->votes_against == NA_VOTE_NO_COUNT)
			row->votes_against = t->votes_against;
		if (t->abstentions >= 0 && row->abstentions == NA_VOTE_NO_COUNT)
			row->abstentions = t->abstentions;
	}
}

/*
 * The sentence's tally goes to its event, or to the latest event of the
 * last two sentences when this one gave no rows ("The vote was 64 to 35");
 * when the sentence gave rows, only if one of them is asserted (a planned
 * vote's tally is a forecast, not a result).
 */
static void
tally_to_event(vctx *c, const sent_state *st, size_t rows_before, const tally *t)
{
	uint32_t	event = st->event;
	vote_event *ev;

	if (event == 0 && c->events.count > 0 &&
		((vote_event *) c->events.items)[c->events.count - 1].sentence + 2 >= st->s &&
		c->rows.count == rows_before)
		event = (uint32_t) c->events.count;
	ev = event_ptr(c, event);
	if (ev && (c->rows.count > rows_before || event != 0))
	{
		int			asserted = 0;

		for (size_t r = rows_before; r < c->rows.count; r++)
			if (((na_vote *) c->rows.items)[r].event == event &&
				((na_vote *) c->rows.items)[r].modality == NA_VM_ASSERTED)
				asserted = 1;
		if (asserted || c->rows.count == rows_before)
		{
			if (t->votes_for >= 0)
				ev->votes_for = t->votes_for;
			if (t->votes_against >= 0)
				ev->votes_against = t->votes_against;
			if (t->abstentions >= 0)
				ev->abstentions = t->abstentions;
			if (t->method)
				ev->method = t->method;
		}
	}
}

/*
 * "The two measures passed by votes of 241-to-188 and 236-to-190": two votes
 * told in one sentence.  The first tally is the sentence's (its event); the
 * second is a vote of its own with the same positions, each row copied to a
 * new event that carries it.
 */
static void
second_tally_rows(vctx *c, sent_state *st, size_t rows_before)
{
	for (uint32_t k = st->first; k + 4 < st->end; k++)
	{
		int32_t		a[3] = {-1, -1, -1};
		int32_t		b[3] = {-1, -1, -1};
		uint32_t	first_event = 0;
		uint32_t	second_event;
		vote_event *ev;
		size_t		n = c->rows.count;

		if (!(is_word(c, k, "votes") || is_word(c, k, "margins") || is_word(c, k, "tallies")) ||
			!is_word(c, k + 1, "of") || range_parts(c, k + 2, a) != 2 || !is_word(c, k + 3, "and") ||
			range_parts(c, k + 4, b) != 2)
			continue;
		for (size_t r = rows_before; r < n && first_event == 0; r++)
			first_event = ((na_vote *) c->rows.items)[r].event;
		if (first_event == 0 || (ev = event_ptr(c, first_event)) == NULL)
			return;
		second_event = event_for(c, st->s, 1, 0, 0, &ev->body, 1, 0);
		if ((ev = event_ptr(c, second_event)) == NULL)
			return;
		ev->votes_for = b[0];
		ev->votes_against = b[1];
		for (size_t r = rows_before; r < n && !c->failed; r++)
		{
			na_vote    *copy;

			if (((na_vote *) c->rows.items)[r].event != first_event)
				continue;
			copy = na_vec_push(&c->rows, c->mem);
			if (copy == NULL)
			{
				c->failed = 1;
				return;
			}
			*copy = ((na_vote *) c->rows.items)[r];
			copy->event = second_event;
			span_of(c, k + 4, k + 5, &copy->evidence);
		}
		return;
	}
}

void
analyse_sentence(vctx *c, uint32_t s)
{
	const na_sentence *ss = &c->doc->sentences[s];
	sent_state	st;
	tally		t;
	size_t		rows_before = c->rows.count;
	int			vote_words = 0; /* a trigger other than an election's gain */

	memset(&st, 0, sizeof(st));
	st.s = s;
	st.first = ss->first_token;
	st.end = ss->first_token + ss->ntokens;
	if (!context_body(c, s, &st.body))
		st.body.end = 0;
	if (find_body(c, st.first, st.end, &st.body))
		st.body_here = 1;

	for (uint32_t v = st.first; v < st.end && !c->failed; v++)
	{
		const trigger_word *tw = trigger_of(c, v);

		if (((v - st.first) & 4095) == 4095)
			na_check_interrupts(c->mem);	/* a run-on "sentence" of megabytes */

		if (tw != NULL && tw->cls != W_GAIN)
			vote_words = 1;
		if (tw == NULL || tw->cls == W_UNANIMOUS || tw->cls == W_TALLY || v < st.consumed_until)
			continue;
		if (tw->cls == W_DEADLOCK)
		{
			deadlock_trigger(c, &st, v);
			continue;
		}
		if (tw->form & WF_NOUN_TOO && noun_use(c, v, st.first))
		{
			if (tw->cls == W_VETO)
				noun_veto(c, &st, v);
			else if (tw->cls == W_OVERRIDE)
				noun_override(c, &st, v);
			else if (tw->cls == W_VOTE && is_word(c, v, "vote") && !tie_vote(c, &st, v) &&
					 !planned_vote_noun(c, &st, v))
				possessed_vote(c, &st, v);
			continue;
		}
		/* "supported", "backed" as adjectives of a non-motion are handled by the motion test */
		/* "The bill passed.": an outcome with no actor and no object */
		if (!election_trigger(c, &st, v, tw) && !motion_outcome(c, &st, v, tw))
			verb_trigger(c, &st, v, tw);
	}
	against_positions(c, &st);
	/* "four votes for Trump, 31 for Cruz and two abstentions" */
	if (c->rows.count == rows_before)
		roll_call_counts(c, &st);
	/*
	 * "received", "took": words of elections only; a sentence with no other
	 * vote word is read for them alone ("the 5-to-4 decision" beside
	 * "garnered" is no vote)
	 */
	if (!vote_words)
		return;
	share_positions(c, &st);

	/* tallies and methods go to the sentence's event (or the latest one nearby) */
	sentence_tally(c, s, &t);
	/* "Le conseil a adopté le plan par 31 voix contre 12": a French or Spanish decision */
	if (t.found && c->rows.count == rows_before)
		romance_decision(c, &st);
	/* "Clinton led Sanders -- 212,205 to 210,424 votes": the leader's win */
	if (t.found && c->rows.count == rows_before && leader_in_count(c, &st, &t))
		return;
	if (t.found && c->rows.count == rows_before)
		named_motion_tally(c, &st);
	if (t.found && c->rows.count == rows_before)
		tally_sentence_row(c, &st, &t);
	if (t.found)
		second_tally_rows(c, &st, rows_before);
	if (t.found)
		historical_rows_take_tally(c, rows_before, &t);
	if (t.found)
		tally_to_event(c, &st, rows_before, &t);
}

na_status
na_votes_analyse(const na_doc *doc, const na_mem *mem, na_vote_result *out)
{
	return na_votes_analyse_with(doc, NULL, mem, out);
}

na_status
na_votes_analyse_with(const na_doc *doc, const na_vote_speakers *speakers, const na_mem *mem,
					  na_vote_result *out)
{
	vctx		c;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.mem = mem;
	c.speakers = speakers;
	na_vec_init(&c.rows, sizeof(na_vote));
	na_vec_init(&c.events, sizeof(vote_event));
	na_vec_init(&c.candidates, sizeof(uint32_t));

	votes_lexicon_init();
	c.token_lex = na_alloc(mem, (doc->ntokens ? doc->ntokens : 1) * sizeof(uint16_t));
	c.token_entry = na_alloc(mem, (doc->ntokens ? doc->ntokens : 1) * sizeof(int32_t));
	if (c.token_lex == NULL || c.token_entry == NULL)
		c.failed = 1;
	else
		memset(c.token_entry, 0, (doc->ntokens ? doc->ntokens : 1) * sizeof(int32_t));

	/*
	 * One pass over the tokens finds the trigger words; only the sentences
	 * that hold one (a few in a hundred) are read closely.  The whole table
	 * is filled first: the analysis of a sentence may look past its end.
	 */
	if (!c.failed)
		first_pass(&c);
	for (size_t k = 0; k < c.candidates.count && !c.failed; k++)
	{
		if ((k & 63) == 63)
			na_check_interrupts(mem);
		analyse_sentence(&c, ((uint32_t *) c.candidates.items)[k]);
	}
	if (!c.failed)
	{
		restated_positions(&c);
		propagate(&c);
		sort_rows(&c);
		dedupe(&c);
		drop_unnamed_repeats(&c);
		renumber(&c);
	}
	if (c.token_lex)
		na_free(mem, c.token_lex);
	if (c.token_entry)
		na_free(mem, c.token_entry);
	na_vec_free(&c.candidates, mem);
	if (c.failed)
	{
		na_vec_free(&c.rows, mem);
		na_vec_free(&c.events, mem);
		return NA_ERR_NOMEM;
	}
	out->votes = (na_vote *) c.rows.items;
	out->nvotes = (uint32_t) c.rows.count;
	out->nevents = (uint32_t) c.events.count;
	na_vec_free(&c.events, mem);
	return NA_OK;
}

void
na_vote_result_free(na_vote_result *result, const na_mem *mem)
{
	na_free(mem, result->votes);
	memset(result, 0, sizeof(*result));
}

const char *
na_vote_action_name(int action)
{
	static const char *const names[] = {
		NULL, "veto", "vote_for", "vote_against", "abstain", "block", "sponsor",
		"support", "oppose", "adopt", "reject", "vote", "pass", "approve", "confirm",
		"override", "elect", "win", "schedule"
	};

	return action > 0 && action < NA_VA_COUNT ? names[action] : NULL;
}

const char *
na_vote_actor_kind_name(int kind)
{
	static const char *const names[] = {
		NULL, "country", "party", "person", "body", "group"
	};

	return kind > 0 && kind < NA_VK_COUNT ? names[kind] : NULL;
}

const char *
na_vote_outcome_name(int outcome)
{
	static const char *const names[] = {
		NULL, "adopted", "passed", "rejected", "failed", "vetoed"
	};

	return outcome > 0 && outcome < NA_VO_COUNT ? names[outcome] : NULL;
}

const char *
na_vote_modality_name(int modality)
{
	static const char *const names[] = {
		NULL, "asserted", "negated", "planned", "hypothetical", "historical"
	};

	return modality > 0 && modality < NA_VM_COUNT ? names[modality] : NULL;
}

const char *
na_vote_method_name(int method)
{
	static const char *const names[] = {
		NULL, "unanimous", "show_of_hands", "voice_vote", "acclamation", "consensus", "secret_ballot"
	};

	return method > 0 && method < NA_VME_COUNT ? names[method] : NULL;
}
