/*
 * votes_events.c - vote events and rows: the event a position joins, the rows emitted for
 * its actors, and the last steps (outcome, body and tally shared by every
 * position of an event; sorting, dedupe, renumbering).
 */
#include "votes_internal.h"

/* Is the canonical country a permanent member (data/lexicon/vote_permanent_members.tsv)? */
int
is_p5(const char *country)
{
	return country != NULL && na_lex_lookup(NA_LEX_VOTE_PERMANENT_MEMBERS, country, strlen(country)) >= 0;
}

/* The words that make two motions the same vote. */
int
same_motion_word(vctx *c, uint32_t head)
{
	return in_list(c, head, generic_motions);
}

/*
 * The event a position joins: a definite motion ("the measure") continues the
 * latest event in the last EVENT_WINDOW sentences with a compatible body; an
 * indefinite one opens a new event.
 */
uint32_t
event_for(vctx *c, uint32_t sentence, int has_motion, int definite, uint32_t head,
		  const body_ref *body, int body_given, uint32_t same_sentence_event)
{
	vote_event *ev;

	if (same_sentence_event)
		return same_sentence_event;
	if (c->events.count > 0 && (!has_motion || (definite && same_motion_word(c, head))))
	{
		vote_event *last = (vote_event *) c->events.items + c->events.count - 1;

		if (last->sentence + EVENT_WINDOW >= sentence &&
			(!body_given || body->end == 0 || last->body.end == 0 ||
			 (body->canonical && last->body.canonical && strcmp(body->canonical, last->body.canonical) == 0) ||
			 (!body->canonical && !last->body.canonical)))
		{
			last->sentence = sentence;
			if (last->body.end == 0 && body->end)
				last->body = *body;
			return (uint32_t) c->events.count;
		}
	}
	if (c->events.count >= MAX_EVENTS)
		return (uint32_t) c->events.count;
	ev = na_vec_push(&c->events, c->mem);
	if (ev == NULL)
	{
		c->failed = 1;
		return 0;
	}
	memset(ev, 0, sizeof(*ev));
	ev->body = *body;
	ev->sentence = sentence;
	ev->votes_for = ev->votes_against = ev->abstentions = NA_VOTE_NO_COUNT;
	return (uint32_t) c->events.count;
}

vote_event *
event_ptr(vctx *c, uint32_t event)
{
	if (event == 0 || event > c->events.count)
		return NULL;
	return (vote_event *) c->events.items + event - 1;
}

/*
 * The codebook's action for a body's own decision, from the verb that states
 * it: passed/carried -> pass, approved/ratified/endorsed -> approve,
 * confirmed -> confirm, overrode -> override, adopted -> adopt.  A vote with
 * no side stated is a vote set for a date when it is planned, a body's
 * approval when a body took it ("the council voted 7-2"), and stays "vote"
 * otherwise (a count with no outcome: "the draft received nine votes").
 */
static uint8_t
codebook_action(vctx *c, const position *p)
{
	uint32_t	v = p->verb ? p->verb - 1 : 0;

	if (p->action == NA_VA_ADOPT && p->verb)
	{
		if (is_word(c, v, "passed") || is_word(c, v, "pass") || is_word(c, v, "passes") ||
			is_word(c, v, "carried"))
			return NA_VA_PASS;
		if (is_word(c, v, "confirmed") || is_word(c, v, "confirm") || is_word(c, v, "confirms"))
			return NA_VA_CONFIRM;
		if (is_word(c, v, "adopted") || is_word(c, v, "adopt") || is_word(c, v, "adopts"))
			return NA_VA_ADOPT;
		return NA_VA_APPROVE;
	}
	if (p->action == NA_VA_VOTE)
	{
		if (p->modality == NA_VM_PLANNED || p->modality == NA_VM_HYPOTHETICAL)
			return NA_VA_SCHEDULE;
		/* a body's own vote becomes its decision in propagate(), once the
		 * event's outcome is known */
	}
	return p->action;
}

/*
 * One output row for position p of event event: the codebook's action, the
 * actor, body and motion as canonical names or spans of the text.  Running out
 * of memory is recorded and reported once, at the end of the analysis.
 */
void
emit(vctx *c, const position *p, uint32_t event)
{
	na_vote    *v = na_vec_push(&c->rows, c->mem);

	if (v == NULL)
	{
		c->failed = 1;
		return;
	}
	memset(v, 0, sizeof(*v));
	v->sentence = p->sentence;
	span_of(c, p->ev_first, p->ev_end, &v->evidence);
	v->actor = p->actor.canonical;
	if (p->actor.kind != NA_VK_NONE && p->actor.canonical == NULL)
		name_span_of(c, p->actor.name_first, p->actor.name_end, &v->actor_span);
	v->actor_kind = p->actor.kind;
	v->action = codebook_action(c, p);
	v->outcome = p->outcome;
	v->modality = p->modality;
	v->body = p->body.canonical;
	if (p->body.end && p->body.canonical == NULL)
		name_span_of(c, p->body.first, p->body.end, &v->body_span);
	if (p->motion_end)
		span_of(c, p->motion_first, p->motion_end, &v->motion);
	v->votes_for = v->votes_against = v->abstentions = NA_VOTE_NO_COUNT;
	v->event = event;
	if (p->actor.kind == NA_VK_COUNTRY || p->actor.kind == NA_VK_BODY)
	{
		c->last_actor = p->actor;
		c->last_actor_sentence = p->sentence;
		c->has_last_actor = 1;
	}
}

/* Is there a vote event mentioned within the last n sentences? */
int
recent_event(vctx *c, uint32_t sentence, uint32_t n)
{
	return c->events.count > 0 &&
		((vote_event *) c->events.items)[c->events.count - 1].sentence + n >= sentence;
}

/*
 * Did the sentence s already give a row with a motion ("the congress
 * approved a bill in 2018, but it was dismissed by the senate")?  A vote
 * recalled as background opens no event, so recent_event misses it; "it"
 * after it still names that motion.
 */
int
motion_row_in_sentence(vctx *c, uint32_t s)
{
	const na_vote *rows = (const na_vote *) c->rows.items;

	return c->rows.count > 0 && rows[c->rows.count - 1].sentence == s &&
		rows[c->rows.count - 1].motion.len > 0;
}

/* Fill a position's motion and event, then emit one row per actor. */
void
emit_positions(vctx *c, sent_state *st, position *p, actor_ref *actors, int nactors)
{
	int			definite = p->motion_end ? motion_definite(c, p->motion_first) : 1;
	uint32_t	event = 0;

	int			body_given = p->body.end != 0 || st->body_here;

	for (int k = 0; k < nactors; k++)
		if (actors[k].first < p->ev_first && actors[k].first >= st->first)
			p->ev_first = actors[k].first;
	/* "the full House votes": a body that acts is the body of the vote */
	if (nactors == 1 && actors[0].kind == NA_VK_BODY && p->body.end == 0)
	{
		p->body.canonical = actors[0].canonical;
		p->body.first = actors[0].name_first;
		p->body.end = actors[0].name_end;
		body_given = 1;
	}
	/*
	 * "passed by peers": members who sit in one chamber only name it, unless
	 * the article's body is one of its committees ("two MEPs backed the
	 * draft law at the JURI meeting")
	 */
	else if (nactors == 1 && actors[0].kind == NA_VK_GROUP && p->body.end == 0 &&
			 !body_is_committee(c, &st->body) &&
			 (p->body.canonical = chamber_of_members(c, &actors[0])) != NULL)
	{
		p->body.first = actors[0].name_first;
		p->body.end = actors[0].name_end;
		body_given = 1;
	}
	if (p->body.end == 0)
		p->body = st->body;
	if (p->modality != NA_VM_HISTORICAL)
	{
		event = event_for(c, st->s, p->motion_end != 0, definite, p->motion_head,
						  &p->body, body_given, st->event);
		st->event = event;
		/* a joined event knows its body better than the article context */
		if (!body_given && event_ptr(c, event) && event_ptr(c, event)->body.end)
			p->body = event_ptr(c, event)->body;
	}
	if (nactors == 0)
	{
		memset(&p->actor, 0, sizeof(p->actor));
		emit(c, p, event);
		return;
	}
	for (int k = 0; k < nactors; k++)
	{
		position	q = *p;

		q.actor = actors[k];
		/* a permanent member blocking a Council resolution vetoes it */
		if (q.action == NA_VA_BLOCK && q.actor.kind == NA_VK_COUNTRY && is_p5(q.actor.canonical) &&
			q.body.canonical && strcmp(q.body.canonical, "UN Security Council") == 0 && q.motion_end)
			q.action = NA_VA_VETO;
		if (q.action == NA_VA_VETO && q.modality == NA_VM_ASSERTED)
			q.outcome = NA_VO_VETOED;
		/* a country's veto with no body named is a Security Council veto */
		if (q.action == NA_VA_VETO && q.body.end == 0 && q.body.canonical == NULL &&
			q.actor.kind == NA_VK_COUNTRY && is_p5(q.actor.canonical))
		{
			vote_event *ev = event_ptr(c, event);

			q.body.canonical = "UN Security Council";
			if (ev && ev->body.end == 0 && ev->body.canonical == NULL)
				ev->body.canonical = q.body.canonical;
		}
		emit(c, &q, event);
	}
}

/*
 * The codebook action a trigger's class stands for when nothing in the
 * sentence changes it.
 */
uint8_t
class_action(int cls)
{
	switch (cls)
	{
		case W_VETO:
			return NA_VA_VETO;
		case W_BLOCK:
			return NA_VA_BLOCK;
		case W_ABSTAIN:
			return NA_VA_ABSTAIN;
		case W_SPONSOR:
			return NA_VA_SPONSOR;
		case W_SUPPORT:
			return NA_VA_SUPPORT;
		case W_OPPOSE:
			return NA_VA_OPPOSE;
		case W_DEFEAT:
			return NA_VA_VOTE_AGAINST;
		case W_ADOPT:
		case W_PASS:
			return NA_VA_ADOPT;
		case W_REJECT:
		case W_FAIL:
			return NA_VA_REJECT;
		case W_OVERRIDE:
			return NA_VA_OVERRIDE;
	}
	return NA_VA_VOTE;
}

/* A body or a group decides collectively; a country or a person takes a side. */
uint8_t
action_for_actor(uint8_t action, const actor_ref *a)
{
	int			collective = a->kind == NA_VK_BODY || a->kind == NA_VK_GROUP || a->kind == NA_VK_NONE;

	if (action == NA_VA_ADOPT && !collective)
		return NA_VA_SUPPORT;
	if (action == NA_VA_REJECT && !collective)
		return NA_VA_OPPOSE;
	if ((action == NA_VA_VOTE_AGAINST || action == NA_VA_OPPOSE) && a->kind == NA_VK_BODY)
		return NA_VA_REJECT;
	if ((action == NA_VA_SUPPORT || action == NA_VA_VOTE_FOR) && a->kind == NA_VK_BODY)
		return NA_VA_ADOPT;
	return action;
}

/*
 * The outcome a trigger's class states (passed, rejected, failed); none for
 * the classes that state a position only.
 */
uint8_t
class_outcome(int cls)
{
	switch (cls)
	{
		case W_ADOPT:
			return NA_VO_ADOPTED;
		case W_PASS:
			return NA_VO_PASSED;	/* passed, confirmed, ratified, carried */
		case W_REJECT:
		case W_DEFEAT:
			return NA_VO_REJECTED;
		case W_FAIL:
			return NA_VO_FAILED;
	}
	return NA_VO_NONE;
}

/*
 * Is the row a position told again in the past perfect: "had" in its
 * evidence ("Beijing had abstained"), and no word in its sentence that
 * makes it an earlier vote before it or right after it (a year,
 * data/lexicon/vote_earlier_vote_words.tsv: "too", "years earlier")?
 */
static int
restated_past_perfect(vctx *c, const na_vote *row)
{
	const na_sentence *ss = &c->doc->sentences[row->sentence];
	int			had = 0;

	for (uint32_t k = ss->first_token; k < ss->first_token + ss->ntokens; k++)
	{
		/* up to two words after the evidence: "had abstained too", not "came too late" further on */
		if (T(c, k)->start >= row->evidence.start + row->evidence.len &&
			(k < ss->first_token + 2 ||
			 T(c, k - 2)->start >= row->evidence.start + row->evidence.len))
			break;
		if (in_lex(c, k, NA_LEX_VOTE_EARLIER_VOTE_WORDS) || is_year(c, k))
			return 0;
		if (T(c, k)->start >= row->evidence.start &&
			T(c, k)->start < row->evidence.start + row->evidence.len && is_word(c, k, "had"))
			had = 1;
	}
	return had;
}

/*
 * "China's deputy ambassador said Beijing had abstained because ...": a
 * country's position told again in the past perfect, a few sentences after
 * the vote that reported it, is that vote's position restated, not an
 * earlier vote: the row joins the vote's event, asserted, with its body.
 * A count ("its seventh veto"), a position on a motion of its own ("had
 * vetoed a similar text in 2019") or one no vote of the article holds
 * stays historical.
 */
void
restated_positions(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;

	for (size_t r = 1; r < c->rows.count; r++)
	{
		if (rows[r].event != 0 || rows[r].modality != NA_VM_HISTORICAL || rows[r].actor == NULL ||
			rows[r].actor_kind != NA_VK_COUNTRY || rows[r].votes_for != NA_VOTE_NO_COUNT ||
			rows[r].motion.len > 0 || !restated_past_perfect(c, &rows[r]))
			continue;
		for (size_t q = r; q-- > 0;)
			if (rows[q].event != 0 && rows[q].modality == NA_VM_ASSERTED && rows[q].actor != NULL &&
				strcmp(rows[q].actor, rows[r].actor) == 0 && rows[q].action == rows[r].action &&
				rows[q].sentence + 10 >= rows[r].sentence && rows[q].sentence < rows[r].sentence)
			{
				rows[r].event = rows[q].event;
				rows[r].modality = NA_VM_ASSERTED;
				rows[r].body = rows[q].body;
				rows[r].body_span = rows[q].body_span;
				break;
			}
	}
}

/* Give every position of an event the event's body, outcome, tally and method. */
void
propagate(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;

	/* outcomes stated by asserted rows */
	for (size_t r = 0; r < c->rows.count; r++)
	{
		vote_event *ev = event_ptr(c, rows[r].event);

		if (ev && rows[r].outcome && rows[r].modality == NA_VM_ASSERTED &&
			(ev->outcome == NA_VO_NONE || rows[r].outcome == NA_VO_VETOED))
			ev->outcome = rows[r].outcome;
	}
	for (size_t r = 0; r < c->rows.count; r++)
	{
		vote_event *ev = event_ptr(c, rows[r].event);

		/*
		 * A vote recalled as background is no event of the article; a body's
		 * vote with no side stated is still its decision ("the council voted
		 * 31 to 12 in 2010"), which its own tally tells.
		 */
		if (ev == NULL)
		{
			if (rows[r].action == NA_VA_VOTE && rows[r].actor_kind == NA_VK_BODY)
				rows[r].action = rows[r].votes_against > rows[r].votes_for ? NA_VA_REJECT : NA_VA_APPROVE;
			continue;
		}
		if (rows[r].outcome == NA_VO_NONE)
			rows[r].outcome = ev->outcome;

		/*
		 * A body that voted with no side stated ("the council voted 7-2")
		 * decided as a whole: its approval, its rejection when the motion was
		 * rejected or failed; when a veto stopped the motion the body's vote
		 * was no decision of its own and stays "vote".
		 */
		if (rows[r].action == NA_VA_VOTE && rows[r].actor_kind == NA_VK_BODY)
		{
			if (rows[r].outcome == NA_VO_REJECTED || rows[r].outcome == NA_VO_FAILED)
				rows[r].action = NA_VA_REJECT;
			else if (rows[r].outcome != NA_VO_VETOED)
				rows[r].action = NA_VA_APPROVE;
		}
		if (rows[r].body == NULL && rows[r].body_span.len == 0 && (ev->body.end || ev->body.canonical))
		{
			rows[r].body = ev->body.canonical;
			if (ev->body.canonical == NULL)
				name_span_of(c, ev->body.first, ev->body.end, &rows[r].body_span);
		}
		rows[r].votes_for = ev->votes_for;
		rows[r].votes_against = ev->votes_against;
		rows[r].abstentions = ev->abstentions;
		rows[r].method = ev->method;
	}
}

/*
 * Rows in text order (by evidence, then actor), as the SQL function returns them.
 */
int
row_cmp(const void *a, const void *b)
{
	const na_vote *x = a;
	const na_vote *y = b;

	if (x->evidence.start != y->evidence.start)
		return x->evidence.start < y->evidence.start ? -1 : 1;
	if (x->actor_span.start != y->actor_span.start)
		return x->actor_span.start < y->actor_span.start ? -1 : 1;
	return 0;
}

/* Drop a row that repeats the previous one (same evidence, actor and action). */
void
dedupe(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;
	size_t		out = 0;

	for (size_t r = 0; r < c->rows.count; r++)
	{
		if (out > 0)
		{
			na_vote    *p = &rows[out - 1];

			if (p->evidence.start == rows[r].evidence.start && p->evidence.len == rows[r].evidence.len &&
				p->action == rows[r].action && p->actor == rows[r].actor &&
				p->actor_span.start == rows[r].actor_span.start)
				continue;
		}
		rows[out++] = rows[r];
	}
	c->rows.count = out;
}

/* insertion sort: rows are nearly sorted and few */
void
sort_rows(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;

	for (size_t i = 1; i < c->rows.count; i++)
	{
		na_vote		tmp = rows[i];
		size_t		j = i;

		while (j > 0 && row_cmp(&rows[j - 1], &tmp) > 0)
		{
			rows[j] = rows[j - 1];
			j--;
		}
		rows[j] = tmp;
	}
}

/* Renumber events 1.. in order of first appearance after sorting. */
void
renumber(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;
	uint32_t	next = 0;
	uint32_t   *map;

	if (c->events.count == 0)
		return;
	map = na_alloc(c->mem, (c->events.count + 1) * sizeof(uint32_t));
	if (map == NULL)
	{
		c->failed = 1;
		return;
	}
	memset(map, 0, (c->events.count + 1) * sizeof(uint32_t));
	for (size_t r = 0; r < c->rows.count; r++)
	{
		uint32_t	e = rows[r].event;

		if (e == 0)
			continue;
		if (map[e] == 0)
			map[e] = ++next;
		rows[r].event = map[e];
	}
	na_free(c->mem, map);
	c->events.count = next;
}

/*
 * "If ... the veto is overridden, it would be the first time that Congress
 * would have overridden an Obama veto": a passive with no agent and an
 * active clause of the same sentence telling the same vote, with the same
 * action and modality; the codebook codes it once, with the actor named.
 * Drops such null-actor rows (rows are in text order: a sentence's rows are
 * neighbours, so the scan stays linear).
 */
void
drop_unnamed_repeats(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;
	size_t		out = 0;

	for (size_t r = 0; r < c->rows.count; r++)
	{
		int			repeat = 0;

		if (rows[r].actor == NULL && rows[r].actor_span.len == 0)
		{
			for (size_t q = r + 1; q < c->rows.count && q < r + 8 && rows[q].sentence == rows[r].sentence; q++)
				if ((rows[q].actor != NULL || rows[q].actor_span.len > 0) &&
					rows[q].action == rows[r].action && rows[q].modality == rows[r].modality)
					repeat = 1;
		}
		if (!repeat)
			rows[out++] = rows[r];
	}
	c->rows.count = out;
}
