/*
 * speakers.c - the speakers of an article's result (canonical name,
 * aliases, role, affiliation, gender, counts) from its entities, and the
 * key a person is counted under across a corpus (na_person_key).  Names
 * and entities are speaker_names.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "na_lexicon.h"
#include "na_places.h"
#include "na_unicode.h"
#include "speakers_internal.h"

/* ---- speakers ---- */

/*
 * The span of a name as a speaker's value: without a possessive ending, so
 * that "Mr. Assad's" counts with "Mr. Assad".
 */
static na_quote_span
name_span(const qctx *q, uint32_t first, uint32_t last)
{
	na_quote_span s = q_span(q, first, last);

	/* Mr. Assad’s -> Mr. Assad */
	if (q_possessive(q, last))
	{
		const na_token *t = &q->doc->tokens[last];
		int			curly = q->doc->text[t->start + t->len - 2] != '\'';

		s.len -= curly ? 4 : 2;
		s.clen -= t->len == t->clen && curly ? 4 : 2;	/* SQL_ASCII counts bytes */
	}
	else
	{
		/* Ben Harris' podcast -> Ben Harris (a plural possessive's
		 * apostrophe alone) */
		const na_token *t = &q->doc->tokens[last];
		const char *p = q->doc->text + t->start;

		if (t->kind == NA_TK_WORD && t->len >= 3 && p[t->len - 1] == '\'' && p[t->len - 2] == 's')
		{
			s.len -= 1;
			s.clen -= 1;
		}
		else if (t->kind == NA_TK_WORD && t->len >= 5 && p[t->len - 4] == 's' &&
				 (unsigned char) p[t->len - 3] == 0xE2 && (unsigned char) p[t->len - 2] == 0x80 &&
				 (unsigned char) p[t->len - 1] == 0x99)
		{
			s.len -= 3;
			s.clen -= t->len == t->clen ? 3 : 1;
		}
	}
	return s;
}

/* The same spelling, where a line break (of hard-wrapped text) and a space
 * are the same: "Troy\nRoberts" is "Troy Roberts". */
static int
same_text(const qctx *q, na_quote_span a, na_quote_span b)
{
	const char *x = q->doc->text + a.start;
	const char *y = q->doc->text + b.start;
	uint32_t	i = 0,
				j = 0;

	if (a.len == b.len && memcmp(x, y, a.len) == 0)
		return 1;
	while (i < a.len && j < b.len)
	{
		if (q_is_layout_space(x[i]) && q_is_layout_space(y[j]))
		{
			while (i < a.len && q_is_layout_space(x[i]))
				i++;
			while (j < b.len && q_is_layout_space(y[j]))
				j++;
			continue;
		}
		if (x[i] != y[j])
			return 0;
		i++;
		j++;
	}
	return i == a.len && j == b.len;
}

/*
 * Adds s to a speaker's aliases unless it repeats the canonical name or an
 * alias already there; the list is capped (MAX_ALIASES) so that a name
 * mentioned in many forms cannot make it grow without bound.
 */
static int
add_alias(qctx *q, na_vec *aliases, uint32_t from, na_quote_span canonical, na_quote_span s)
{
	na_quote_span *slot;

	if (same_text(q, canonical, s) || aliases->count - from >= MAX_ALIASES)
		return 1;
	for (size_t k = from; k < aliases->count; k++)
		if (same_text(q, ((na_quote_span *) aliases->items)[k], s))
			return 1;
	slot = na_vec_push(aliases, q->mem);
	if (slot == NULL)
		return 0;
	*slot = s;
	return 1;
}

/* A place in tokens [from, to): its country, or NULL. */
static const char *
place_in(const qctx *q, uint32_t from, uint32_t to)
{
	na_place_match pm;

	for (uint32_t k = from; k < to; k++)
		if (q_is_cap(q, k) && na_place_at(q->doc, k, &pm) && k + pm.ntokens <= to)
			return pm.country;
	return NULL;
}

/* Role and affiliation from a mention's title or apposition. */
static void
role_of_mention(const qctx *q, const q_mention *m, na_speaker *sp)
{
	const na_doc *doc = q->doc;
	uint32_t	name_first = (m->honorific && m->title_first != QNONE) ? m->title_first : m->first;

	if (m->title_first != QNONE && !m->honorific)
	{
		uint32_t	t = m->title_first;

		sp->role = q_span(q, t, m->first - 1);
		/* Russian President Vladimir Putin; President Putin of Russia */
		if (!sp->affiliation && t > 0)
			sp->affiliation = place_in(q, t - 1, t);
		if (!sp->affiliation && q_is(q, m->last + 1, "of"))
			sp->affiliation = place_in(q, m->last + 2, m->last + 3);
		return;
	}
	/* The French ambassador, François Delattre / Britain's ambassador, ...
	 * (The business minister, Mr. Alan Purcell: before the honorific) */
	if (name_first >= 2 && q_is_punct(q, name_first - 1, ','))
	{
		uint32_t	end = name_first - 1;	/* exclusive */
		uint32_t	k = end - 1;
		uint32_t	role_last = k;
		uint32_t	start;

		/* la consejera de Medio Ambiente, X: the role noun heads the phrase */
		if (!q_is_role_noun(q, k) && q_is_word(q, k))
		{
			for (uint32_t r = k; r-- > 0 && k - r < PHRASE_MAX;)
			{
				if (!q_is_word(q, r) || (q->doc->tokens[r + 1].flags & NA_TF_SENT_START))
					break;
				if (q_in(q, r, LEX_SPEECH_VERBS) || q_in(q, r, LEX_PHRASE_VERBS) ||
					(q_in(q, r, LEX_NP_BLOCKERS) && !q_is(q, r, "of") && !q_is(q, r, "for")))
					break;
				/* a role with its complement, opening the phrase */
				if (q_is_role_noun(q, r) && !q_is_cap(q, r) &&
					q_in(q, r + 1, LEX_ROLE_COMPLEMENTS) &&
					(r == 0 || q_in(q, r - 1, LEX_DETERMINERS) ||
					 q_in(q, r - 1, LEX_FOREIGN_OPENERS) || q_possessive(q, r - 1) ||
					 (q->doc->tokens[r].flags & NA_TF_SENT_START)))
				{
					sp->role = q_span(q, r, k);
					return;
				}
			}
		}
		if (q_is_role_noun(q, k))
		{
			uint32_t	role_first;

			while (k > 0 && q_is_role_noun(q, k - 1) && !q_is_cap(q, k - 1))
				k--;
			/* The housing secretary: modifiers belong to the role */
			role_first = k;
			while (role_first > 0 && k - role_first < 2 && q_is_word(q, role_first - 1) &&
				   !q_is_cap(q, role_first - 1) && !q_in(q, role_first - 1, LEX_DETERMINERS) &&
				   !q_in(q, role_first - 1, LEX_NP_BLOCKERS) && !q_possessive(q, role_first - 1) &&
				   !q_in(q, role_first - 1, LEX_FOREIGN_OPENERS) &&
				   !q_in(q, role_first - 1, LEX_SPEECH_VERBS) &&
				   !q_in(q, role_first - 1, LEX_PHRASE_VERBS) &&
				   !(doc->tokens[role_first].flags & NA_TF_SENT_START))
				role_first--;
			/* only inside a phrase that a determiner opens: not "becoming president" */
			if (role_first < k && role_first > 0 &&
				!q_in(q, role_first - 1, LEX_DETERMINERS) && !q_possessive(q, role_first - 1) &&
				!(doc->tokens[role_first].flags & NA_TF_SENT_START))
				role_first = k;
			sp->role = q_span(q, role_first, role_last);
			start = k;
			while (start > 0 && k - start < PHRASE_MAX &&
				   !(doc->tokens[start].flags & NA_TF_SENT_START) &&
				   (q_is_word(q, start - 1) || doc->tokens[start - 1].kind == NA_TK_ABBREV))
				start--;
			sp->affiliation = place_in(q, start, k);
			if (!sp->affiliation && k > start && q_is_cap(q, k - 1) &&
				!q_in(q, k - 1, LEX_STOP_CAPS))
			{
				uint32_t	a = k - 1;

				while (a > start && q_is_cap(q, a - 1) && !q_in(q, a - 1, LEX_STOP_CAPS))
					a--;
				sp->affiliation_span = q_span(q, a, k - 1);
			}
			return;
		}
	}
	/* Dan Cantor, the national director of the Working Families Party, */
	if (q_is_punct(q, m->last + 1, ','))
	{
		uint32_t	k = m->last + 2;
		uint32_t	limit = k + PHRASE_MAX;

		if (limit > doc->ntokens)
			limit = doc->ntokens;
		for (; k < limit; k++)
		{
			if (q_is_role_noun(q, k) && !q_is_cap(q, k))
			{
				uint32_t	r = k;

				uint32_t	from = k;

				while (r + 1 < limit && q_is_role_noun(q, r + 1) && !q_is_cap(q, r + 1))
					r++;
				/* the communications director: modifiers belong to the role */
				while (from > m->last + 2 && from - k < 3 && q_is_word(q, from - 1) &&
					   !q_is_cap(q, from - 1) && !q_is(q, from - 1, "the") &&
					   !q_is(q, from - 1, "a") && !q_is(q, from - 1, "an") &&
					   !q_possessive(q, from - 1))
					from--;
				sp->role = q_span(q, from, r);
				sp->affiliation = place_in(q, m->last + 2, k);
				if (!sp->affiliation && q_is(q, r + 1, "of"))
				{
					uint32_t	a = r + 2;
					uint32_t	b;

					if (q_is(q, a, "the"))
						a++;
					sp->affiliation = place_in(q, a, a + 3);
					if (!sp->affiliation && q_is_cap(q, a))
					{
						for (b = a; b + 1 < doc->ntokens && b - a < 6 && q_is_cap(q, b + 1); b++)
							;
						sp->affiliation_span = q_span(q, a, b);
					}
				}
				return;
			}
			if (!q_is_word(q, k) && doc->tokens[k].kind != NA_TK_ABBREV)
				break;
		}
	}
}

/*
 * Does entity e name a source a researcher counts?  Not a party's
 * adjective or member alone ("One Republican said", "a Tory"): that is
 * someone unnamed.  A plural is a group (Republicans, the Tories) and a
 * party named by one word (Labour, data/lexicon/party_names.tsv) the party.
 */
static int
names_a_source(const qctx *q, const q_entity *e)
{
	const na_token *t = &q->doc->tokens[e->name_first];
	uint8_t		kind;

	/* (The Independent is a newspaper: a word of org_kinds.tsv keeps it) */
	if (e->name_first != e->name_last || e->first_mention == QNONE ||
		sp_name_prefix_at(q, e->name_first, &kind) != 1 || kind != Q_PREFIX_PARTY ||
		sp_org_kind_of(q, e->name_first, 0) != NULL)
		return 1;
	if (t->len > 1 && q->doc->text[t->start + q_base_len(q, e->name_first) - 1] == 's')
		return 1;
	return q_word_base_in(q, e->name_first, NA_LEX_PARTY_NAMES);
}

/*
 * The canonical name of a one-word speaker that the text does not spell:
 * a party's full name (data/lexicon/party_names.tsv: Labour -> Labour
 * Party), an organisation an outlet writes in capitals
 * (data/lexicon/name_respellings.tsv: POLITICO -> Politico); NULL when
 * the name as written is the name.
 */
static const char *
static_name_of(const qctx *q, const q_entity *e)
{
	const na_token *t = &q->doc->tokens[e->name_first];
	uint32_t	len;
	int32_t		row;

	if (e->name_first != e->name_last || e->first_mention == QNONE)
		return NULL;
	len = q_base_len(q, e->name_first);
	if ((row = q_word_base_row(q, e->name_first, NA_LEX_PARTY_NAMES)) >= 0)
		return na_lex_attr(NA_LEX_PARTY_NAMES, (uint32_t) row, NA_LEX_PARTY_NAMES_NAME);
	if ((row = na_lex_lookup(NA_LEX_NAME_RESPELLINGS, q->doc->text + t->start, len)) >= 0)
		return na_lex_attr(NA_LEX_NAME_RESPELLINGS, (uint32_t) row, NA_LEX_NAME_RESPELLINGS_NAME);
	return NULL;
}

static int	group_alone(const qctx *q, uint32_t k);

/*
 * Could the word k after "the" be the one-word name of a paper or a body
 * (named_with_the): a capitalised word, not in capitals, not a name that
 * stands alone, a title, a role or a party's people?
 */
static int
the_word_names(const qctx *q, uint32_t k)
{
	uint8_t		g,
				h,
				kind;

	return q->doc->tokens[k].kind == NA_TK_WORD && q_is_cap(q, k) &&
		!(q->doc->tokens[k].flags & NA_TF_ALLCAPS) && !group_alone(q, k) &&
		!q_is_title(q, k, &g, &h) && !q_is_role_noun(q, k) && sp_name_prefix_at(q, k, &kind) == 0;
}

/*
 * Is e named by one word after "the" that is no person's, a place's or a
 * group's (The Hill, the Guardian, The Atlantic reported)?  Then its name
 * keeps the article: the word alone is a surname's shape, and the people
 * registry would count "Hill" under the one person of that surname (it
 * keys "The Hill" as written, na_person_key).  Words that stand alone as
 * names already (Pentagon, EU, England), titles (The Queen) and a party's
 * people (The Democrats) keep their word.
 */
static int
named_with_the(const qctx *q, const q_entity *e)
{
	uint32_t	k = e->name_first;

	return e->name_first == e->name_last && k > 0 && e->first_mention != QNONE && !e->person &&
		!e->place && q_is(q, k - 1, "the") && the_word_names(q, k);
}

/*
 * Where a speaker is first mentioned: its first mention (with its title),
 * or for an organisation of a source, which has no mention, its noun (the
 * "campaign" of "the Trump campaign": no name starts there, so no two
 * speakers of an article share the position).
 */
static uint32_t
entity_first_token(qctx *q, const q_entity *e)
{
	const q_mention *m;

	if (e->noun_at != 0)
		return e->noun_at;
	if (e->first_mention == QNONE)
		return e->name_last;
	m = mention(q, e->first_mention);
	return m->title_first != QNONE ? m->title_first : m->first;
}

/* qsort order of (first token, entity) pairs: text order */
static int
token_entity_cmp(const void *pa, const void *pb)
{
	const uint32_t *a = pa;
	const uint32_t *b = pb;

	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

#define SMALL_SORT_MAX 64		/* pairs sorted by insertion */

/*
 * The (first token, entity) pairs of order[0..2n) in text order, by
 * insertion: an article quotes a few speakers, mostly in that order
 * already, where qsort called its comparator through a pointer (the order
 * is total: the same result).
 */
static void
sort_token_entity_pairs(uint32_t *order, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++)
	{
		uint32_t	x[2] = {order[2 * i], order[2 * i + 1]};
		uint32_t	j = i;

		for (; j > 0 && token_entity_cmp(x, &order[2 * (j - 1)]) < 0; j--)
		{
			order[2 * j] = order[2 * (j - 1)];
			order[2 * j + 1] = order[2 * (j - 1) + 1];
		}
		order[2 * j] = x[0];
		order[2 * j + 1] = x[1];
	}
}

/*
 * Token k's letters (2 to 6 ASCII capitals, an acronym: IMF, NATO), as a
 * NUL-ended string in out; 0 when it is no acronym.
 */
static int
acronym_letters(const qctx *q, uint32_t k, char out[8])
{
	const na_token *t = &q->doc->tokens[k];
	const char *p = q->doc->text + t->start;
	uint32_t	len = q_base_len(q, k);	/* the IMF's */

	if (t->kind != NA_TK_WORD || len < 2 || len > 6)
		return 0;
	for (uint32_t c = 0; c < len; c++)
	{
		if (p[c] < 'A' || p[c] > 'Z')
			return 0;
		out[c] = p[c];
	}
	out[len] = '\0';
	return 1;
}

/*
 * Does the name [first, last] of several words spell the acronym by the
 * initials of its capitalised words, the small words of
 * data/lexicon/acronym_small_words.tsv left out (International Monetary
 * Fund: IMF; Bank of England: BOE)?
 */
static int
spells_acronym(const qctx *q, uint32_t first, uint32_t last, const char *acronym)
{
	size_t		n = 0;

	for (uint32_t k = first; k <= last; k++)
	{
		const na_token *t = &q->doc->tokens[k];
		char		c;

		if (t->kind == NA_TK_WORD && !q_is_cap(q, k) &&
			q_word_in(q, k, NA_LEX_ACRONYM_SMALL_WORDS))
			continue;
		if (t->kind != NA_TK_WORD || !q_is_cap(q, k))
			return 0;
		/* the letter first: most names an acronym is tried on begin with
		 * another (a search for a hyphen each cost a call) */
		c = q->doc->text[t->start];
		if (acronym[n] == '\0' || c != acronym[n])
			return 0;
		/* (not Associated Press-GfK: a joint name is no spelling of AP) */
		if (memchr(q->doc->text + t->start, '-', t->len) != NULL)
			return 0;
		n++;
	}
	return acronym[n] == '\0';
}

/*
 * An organisation the article names both in full and by its acronym (the
 * International Monetary Fund ... the IMF) is one speaker, under the
 * acronym: the form news uses after the first mention and the one articles
 * that never spell it out share, so that the organisation is counted once
 * in an article and across a corpus.  Marks each full name's entity with
 * its acronym's; a name two acronyms could stand for is left alone.
 */
static void
join_acronyms(qctx *q)
{
	uint32_t	ne = (uint32_t) q->entities.count;

	for (uint32_t ai = 0; ai < ne; ai++)
	{
		q_entity   *a = entity(q, ai);
		char		letters[8];

		/*
		 * the tests of the fields in one branch: few entities are acronyms,
		 * and the tests one after the other were mispredicted (these loops
		 * over the entities were a third of q_build_speakers' time)
		 */
		if (((a->name_first != a->name_last) | a->place | a->strong | (a->acronym != 0) |
			 (a->noun_at != 0)) ||
			!acronym_letters(q, a->name_first, letters))
			continue;
		for (uint32_t fi = 0; fi < ne; fi++)
		{
			q_entity   *f = entity(q, fi);

			/*
			 * a name of two to nine words (unsigned: one word wraps past
			 * 7; so does a itself, one word), in one branch with the flags
			 */
			if (((f->acronym != 0) | f->place | f->strong |
				 (f->name_last - f->name_first - 1 > 7)) ||
				!spells_acronym(q, f->name_first, f->name_last, letters))
				continue;
			f->acronym = ai + 1;
			a->quotes += f->quotes;
			a->mentions += f->mentions;
			a->pronoun_mentions += f->pronoun_mentions;
			f->quotes = 0;
		}
	}
}

/*
 * Is entity a a transcript's label of a speaker: a paragraph opening with
 * its capitals and a colon ("NG: This study started in 1982")?
 */
static int
labels_a_transcript(qctx *q, const q_entity *a)
{
	for (uint32_t k = a->first_mention; k != QNONE; k = mention(q, k)->next)
	{
		const q_mention *m = mention(q, k);

		if ((q->doc->tokens[m->first].flags & NA_TF_PARA_START) && q_is_punct(q, m->last + 1, ':'))
			return 1;
	}
	return 0;
}

/*
 * An interview that names its guest once (Natasha Gownaris) and then
 * labels her answers with her initials (NG: ...): the initials are the
 * person, when exactly one person of the article has those initials.
 * Marks the initials' entity as the person's (the acronym link read the
 * other way: the person's name is the speaker's).
 */
static void
join_initials(qctx *q)
{
	uint32_t	ne = (uint32_t) q->entities.count;

	for (uint32_t ai = 0; ai < ne; ai++)
	{
		q_entity   *a = entity(q, ai);
		char		letters[8];
		uint32_t	person = QNONE;
		int			several = 0;

		if (((a->name_first != a->name_last) | a->place | (a->acronym != 0) | (a->quotes == 0)) ||
			!acronym_letters(q, a->name_first, letters) || strlen(letters) > 3 ||
			!labels_a_transcript(q, a))
			continue;
		for (uint32_t fi = 0; fi < ne && !several; fi++)
		{
			const q_entity *f = entity(q, fi);

			if (fi == ai || f->acronym || !f->person || f->place || f->name_last == f->name_first ||
				!spells_acronym(q, f->name_first, f->name_last, letters))
				continue;
			several = person != QNONE;
			person = fi;
		}
		if (person == QNONE || several)
			continue;
		a->acronym = person + 1;
		entity(q, person)->quotes += a->quotes;
		entity(q, person)->mentions += a->mentions;
		a->quotes = 0;
	}
}

/*
 * The names of the quoted organisations the text writes apart from their
 * person ("her campaign": Clinton campaign, person_organisation_made), made
 * into one buffer the result holds (out->made_names) and set as the
 * speakers' name_static.  Returns 0 when memory runs out.
 */
static int
make_apart_names(qctx *q, na_quote_result *out, na_speaker *speakers)
{
	size_t		bytes = 0;
	char	   *p;

	for (uint32_t ei = 0; ei < q->entities.count; ei++)
	{
		const q_entity *e = entity(q, ei);

		if (e->noun_at != 0 && e->speaker >= 0)
			bytes += name_span(q, e->name_first, e->name_last).len +
				(e->made_noun ? strlen(e->made_noun) : q_base_len(q, e->noun_at)) + 2;
	}
	if (bytes == 0)
		return 1;
	if ((out->made_names = na_alloc(q->mem, bytes)) == NULL)
		return 0;
	p = out->made_names;
	for (uint32_t ei = 0; ei < q->entities.count; ei++)
	{
		const q_entity *e = entity(q, ei);
		na_quote_span name;
		uint32_t	nlen;

		if (e->noun_at == 0 || e->speaker < 0)
			continue;
		name = name_span(q, e->name_first, e->name_last);
		nlen = e->made_noun ? (uint32_t) strlen(e->made_noun) : q_base_len(q, e->noun_at);
		speakers[e->speaker].name_static = p;
		memcpy(p, q->doc->text + name.start, name.len);
		p += name.len;
		*p++ = ' ';
		memcpy(p, e->made_noun ? e->made_noun : q->doc->text + q->doc->tokens[e->noun_at].start, nlen);
		p += nlen;
		*p++ = '\0';
	}
	return 1;
}

/*
 * One speaker row for every entity that is quoted, in order of first mention,
 * with its canonical name, aliases, role and counts (names and counts only
 * with NA_QUOTES_NAMES_ONLY); the quotes' speaker numbers are then turned
 * from entities into these rows.  Returns 0 when memory runs out.
 */
int
q_build_speakers(qctx *q, na_quote_result *out)
{
	uint32_t	ne = (uint32_t) q->entities.count;
	na_vec		speakers;
	na_vec		aliases;
	na_quote   *quotes = q->quotes.items;
	uint32_t   *order = NULL;
	uint32_t	nquoted = 0;
	int			acronyms = 0;	/* an entity is an acronym's or its initials' */

	na_vec_init(&speakers, sizeof(na_speaker));
	na_vec_init(&aliases, sizeof(na_quote_span));
	/* (the initials first: "Marta Kowalczyk" spells MK, no organisation's acronym) */
	join_initials(q);
	join_acronyms(q);

	/*
	 * speakers in order of first mention: link_mention makes the entities
	 * of names in text order, but an organisation of a source ("the Trump
	 * campaign", q_organisation_after_name) comes after them all.  The
	 * room is for every quoted entity, so that names_a_source is asked
	 * once an entity, and the walks for acronyms below are made only
	 * where an article has one.
	 */
	for (uint32_t ei = 0; ei < ne; ei++)
	{
		nquoted += entity(q, ei)->quotes > 0;
		acronyms |= entity(q, ei)->acronym != 0;
	}
	if (nquoted > 0 && (order = na_alloc(q->mem, sizeof(uint32_t) * 2 * nquoted)) == NULL)
		goto fail;
	nquoted = 0;
	for (uint32_t ei = 0; ei < ne; ei++)
	{
		if (entity(q, ei)->quotes == 0 || !names_a_source(q, entity(q, ei)))
			continue;
		order[2 * nquoted] = entity_first_token(q, entity(q, ei));
		order[2 * nquoted + 1] = ei;
		nquoted++;
	}
	if (nquoted > SMALL_SORT_MAX)
		qsort(order, nquoted, sizeof(uint32_t) * 2, token_entity_cmp);
	else
		sort_token_entity_pairs(order, nquoted);
	for (uint32_t oi = 0; oi < nquoted; oi++)
	{
		uint32_t	ei = order[2 * oi + 1];
		q_entity   *e = entity(q, ei);
		uint32_t	mi = e->first_mention;
		na_speaker *sp;
		na_quote_span canonical;
		int			honorific_alias = 0;
		uint32_t	first_token = order[2 * oi];

		if (e->quotes == 0 || e->speaker >= 0)
			continue;
		sp = na_vec_push(&speakers, q->mem);
		if (sp == NULL)
			goto fail;
		memset(sp, 0, sizeof(*sp));
		e->speaker = (int32_t) speakers.count - 1;
		sp->name_static = static_name_of(q, e);
		canonical = name_span(q, e->name_first - (sp->name_static == NULL && named_with_the(q, e)),
							  e->name_last);
		sp->name = canonical;
		sp->gender = e->gender;
		sp->mentions = e->mentions + e->pronoun_mentions;
		sp->quotes = e->quotes;
		sp->first_start = q->doc->tokens[first_token].start;
		sp->first_cstart = q->doc->tokens[first_token].cstart;
		sp->first_alias = (uint32_t) aliases.count;
		/* quotes() shows a speaker's name only: its role and aliases, a
		 * walk over its mentions, are left out (6M instructions over BBC) */
		if (q->options & NA_QUOTES_NAMES_ONLY)
			continue;
		for (uint32_t k = mi; k != QNONE; k = mention(q, k)->next)
		{
			q_mention  *o = mention(q, k);
			uint32_t	from;

			if (!sp->role.len && !sp->affiliation && !sp->affiliation_span.len)
				role_of_mention(q, o, sp);
			from = (o->honorific && o->title_first != QNONE) ? o->title_first : o->first;
			honorific_alias |= o->honorific && o->title_first != QNONE;
			if (!add_alias(q, &aliases, sp->first_alias, canonical, name_span(q, from, o->last)))
				goto fail;
		}
		/* the International Monetary Fund, when IMF is the name */
		for (uint32_t fi = 0; acronyms && fi < ne; fi++)
			if (entity(q, fi)->acronym == ei + 1 &&
				!add_alias(q, &aliases, sp->first_alias, canonical,
						   name_span(q, entity(q, fi)->name_first, entity(q, fi)->name_last)))
				goto fail;
		/* “Ms. Haley” implies the bare “Haley” */
		if (honorific_alias && e->name_last > e->name_first &&
			!add_alias(q, &aliases, sp->first_alias, canonical,
					   name_span(q, e->name_last, e->name_last)))
			goto fail;
		sp->naliases = (uint32_t) aliases.count - sp->first_alias;
	}
	for (uint32_t ei = 0; acronyms && ei < ne; ei++)
		if (entity(q, ei)->acronym)
			entity(q, ei)->speaker = entity(q, entity(q, ei)->acronym - 1)->speaker;
	for (uint32_t i = 0; i < q->quotes.count; i++)
	{
		if (quotes[i].speaker >= 0)
			quotes[i].speaker = entity(q, (uint32_t) quotes[i].speaker)->speaker;
	}
	na_free(q->mem, order);
	if (!make_apart_names(q, out, speakers.items))
		goto fail_names;
	out->speakers = speakers.items;
	out->nspeakers = (uint32_t) speakers.count;
	out->aliases = aliases.items;
	out->naliases = (uint32_t) aliases.count;
	return 1;
fail:
	na_free(q->mem, order);
fail_names:
	na_vec_free(&speakers, q->mem);
	na_vec_free(&aliases, q->mem);
	return 0;
}

/* ---- keys of people across a corpus ---- */

/* Is token k a word to drop anywhere in a name: an initial, a suffix (Jr.)? */
static int
key_noise(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];

	if (t->kind == NA_TK_INITIAL || q_in(q, k, LEX_NAME_SUFFIXES))
		return 1;
	return t->kind != NA_TK_WORD;
}

/*
 * The first token of the surname of the name [first, last]: last, or a
 * particle before it, after the given name (Bill de Blasio, Marine Le Pen,
 * Martin Van Buren), or opening the name when it is no given name (De
 * Blasio alone, De la Fuente; unlike Al Gore).
 */
static uint32_t
surname_start(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	k = last;

	while (k > first + 1 && q_in(q, k - 1, LEX_NAME_PARTICLES))
		k--;
	if (k == first + 1 && q_in(q, first, LEX_NAME_PARTICLES) &&
		sp_given_name_gender(q, first) < 0)
		k = first;
	return k;
}

/*
 * Appends token k to a name key in lower case (without a possessive): 0
 * when it does not fit or is no text.  An acronym alone keeps its capitals
 * (as_written): the key "SVP" is no surname of "junge svp", so the
 * registry never counts the party under the one longer name ending in it.
 */
static int
append_key_word(const qctx *q, uint32_t k, char *out, size_t *n, size_t cap, int as_written)
{
	const na_token *t = &q->doc->tokens[k];
	uint32_t	tlen = q_base_len(q, k);
	size_t		got;

	if (*n + 1 >= cap)
		return 0;
	if (as_written)
	{
		if (*n + tlen + 1 >= cap)
			return 0;
		memcpy(out + *n, q->doc->text + t->start, tlen);
		*n += tlen;
		return 1;
	}
	got = na_utf8_lower(q->doc->text + t->start, tlen, out + *n, cap - *n - 1);
	if (got == 0)
		return 0;
	*n += got;
	return 1;
}

/*
 * The key of an organisation's name (na_person_key): its words in lower
 * case, a leading determiner and punctuation dropped ("the New York Times"
 * is "new york times"), so that the Los Angeles Times stays apart.
 */
static size_t
org_key(const qctx *q, char *out, size_t cap)
{
	size_t		n = 0;
	int			started = 0;

	for (uint32_t k = 0; k < q->doc->ntokens; k++)
	{
		const na_token *t = &q->doc->tokens[k];
		uint32_t	tlen = t->len;
		size_t		got;

		if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
			continue;
		if (!started && q_in(q, k, LEX_DETERMINERS))
			continue;
		tlen = q_base_len(q, k);
		if (started)
		{
			if (n + 1 >= cap)
				break;
			out[n++] = ' ';
		}
		got = na_utf8_lower(q->doc->text + t->start, tlen, out + n, cap - n - 1);
		if (got == 0)
			return 0;
		n += got;
		started = 1;
	}
	out[n] = '\0';
	return n;
}

/* A key's curly apostrophes as typewriter ones (o’neill is o'neill): its new length. */
static size_t
fold_key_apostrophes(char *out, size_t n)
{
	size_t		w = 0;

	for (size_t r = 0; r < n; r++)
	{
		uint32_t	a = q_apostrophe_at(out + r, n - r);

		out[w++] = a ? '\'' : out[r];
		if (a)
			r += a - 1;
	}
	out[w] = '\0';
	return w;
}

/*
 * Does the word k alone name an organisation or a group, no person: an
 * acronym of at most four capitals (EU, SVP, NATO; a transcript's TRUMP:
 * is a surname), a name standing alone (Twitter), a party's people
 * (Tories), a place (England) or a group (Lawyers)?  Its key keeps the
 * word as written, so that the registry never counts it under the one
 * longer name ending in it (Junge SVP, Senior Tories, the Bank of England,
 * the National Association of Criminal Defense Lawyers), as a surname
 * alone is.
 */
static int
group_alone(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];
	uint32_t	len = q_base_len(q, k);
	uint8_t		kind;
	int			capitals = t->kind == NA_TK_WORD && len >= 2 && len <= 4;
	na_place_match pm;

	for (uint32_t c = 0; capitals && c < len; c++)
		capitals = q->doc->text[t->start + c] >= 'A' && q->doc->text[t->start + c] <= 'Z';
	if (capitals || (t->kind == NA_TK_WORD && q_word_base_in(q, k, NA_LEX_ORG_BRAND_NAMES)))
		return 1;
	if (t->kind != NA_TK_WORD)
		return 0;
	/* England, China (not Georgia, Jordan): a place; Lawyers, Analysts: a group */
	if ((na_place_at(q->doc, k, &pm) && pm.ntokens == 1 && !(pm.flags & NA_PLACE_AMBIGUOUS)) ||
		q_in(q, k, LEX_SOURCE_NOUNS))
		return 1;
	return len > 1 && q->doc->text[t->start + len - 1] == 's' &&
		sp_name_prefix_at(q, k, &kind) == 1 && kind == Q_PREFIX_PARTY;
}

/*
 * Does the name ending at token last run over an "of" or "for" between
 * capitals (the Bank of England, the Institute for Fiscal Studies)?  Then it
 * is an organisation's, keyed by all its words, not a given name and a
 * surname ("bank england").
 */
static int
names_over_joint(const qctx *q, uint32_t last)
{
	for (uint32_t k = 1; k < last; k++)
		if ((q_is(q, k, "of") || q_is(q, k, "for")) && q_is_cap(q, k - 1) && q_is_cap(q, k + 1))
			return 1;
	return 0;
}

/*
 * The analysis of a name alone (na_person_key, na_name_gender) over the
 * scanned doc: the word lists' per-token caches that quote_internal.h's
 * helpers read without a test for their absence, no other array.  0 when
 * memory runs out.  Free with name_context_free.
 */
static int
name_context(qctx *q, na_doc *doc, const na_mem *mem)
{
	size_t		bytes = ((size_t) doc->ntokens + 1) * (sizeof(uint64_t) + sizeof(q_word));

	memset(q, 0, sizeof(*q));
	q->doc = doc;
	q->mem = mem;
	q->lexmask = na_alloc(mem, bytes);
	if (q->lexmask == NULL)
		return 0;
	memset(q->lexmask, 0, bytes);
	q->words = (q_word *) (q->lexmask + doc->ntokens + 1);
	return 1;
}

static void
name_context_free(qctx *q, na_doc *doc, const na_mem *mem)
{
	na_free(mem, q->lexmask);
	na_doc_free(doc, mem);
}

size_t
na_person_key(const char *name, size_t len, int gender, const na_mem *mem,
			  char *out, size_t cap, na_status *status)
{
	na_doc		doc;
	qctx		q;
	uint32_t	first = QNONE,
				last = QNONE,
				suffix = QNONE;
	uint32_t	k;
	size_t		n = 0;

	*status = NA_OK;
	if (cap == 0)
		return 0;
	out[0] = '\0';
	memset(&doc, 0, sizeof(doc));
	*status = na_scan(&doc, name, len, NA_SCAN_NO_SENTENCES, mem);
	if (*status != NA_OK)
		return 0;
	if (!name_context(&q, &doc, mem))
	{
		na_doc_free(&doc, mem);
		*status = NA_ERR_NOMEM;
		return 0;
	}
	/*
	 * The Hill, the Guardian (named_with_the): "The" and the word as
	 * written, so that no surname alone ("hill") is counted under it
	 */
	if (doc.ntokens == 2 && q_is(&q, 0, "the") && the_word_names(&q, 1))
	{
		uint32_t	len = q_base_len(&q, 1);

		if (len + 4 < cap)
		{
			memcpy(out, "The ", 4);
			memcpy(out + 4, doc.text + doc.tokens[1].start, len);
			n = len + 4;
			out[n] = '\0';
		}
		name_context_free(&q, &doc, mem);
		return n;
	}
	/*
	 * The New York Times, the South Carolina Republican Party, the Bank of
	 * England: the name of an organisation is all its words (its "prefixes"
	 * tell one from another)
	 */
	for (k = doc.ntokens; k-- > 0;)
		if (doc.tokens[k].kind == NA_TK_WORD)
			break;
	if (k != QNONE && k < doc.ntokens &&
		(na_lex_lookup(NA_LEX_QUOTE_ORG_WORDS, doc.text + doc.tokens[k].start,
					   q_base_len(&q, k)) >= 0 || names_over_joint(&q, k)))
	{
		n = fold_key_apostrophes(out, org_key(&q, out, cap));
		/* Twitter alone, as written (group_alone), not "twitter" */
		if (n > 0 && memchr(out, ' ', n) == NULL && group_alone(&q, k) && q_base_len(&q, k) < cap)
		{
			n = q_base_len(&q, k);
			memcpy(out, doc.text + doc.tokens[k].start, n);
			out[n] = '\0';
		}
		name_context_free(&q, &doc, mem);
		return n;
	}
	/* leading titles, honorifics, prefixes and noise: President, Mr., Republican */
	for (k = 0; k < doc.ntokens; k++)
	{
		uint8_t		g,
					h,
					kind;
		uint32_t	np;

		if (key_noise(&q, k))
			continue;
		if (k + 1 < doc.ntokens && q_is_title(&q, k, &g, &h))
			continue;
		if ((np = sp_name_prefix_at(&q, k, &kind)) > 0 && k + np < doc.ntokens)
		{
			k += np - 1;
			continue;
		}
		break;
	}
	for (; k < doc.ntokens; k++)
	{
		/* Jr., Sr., III tell a son from his father: they stay in the key */
		if (first != QNONE && q_in(&q, k, LEX_NAME_SUFFIXES))
			suffix = k;
		if (key_noise(&q, k) || q_in(&q, k, LEX_WEEKDAY_WORDS))
			continue;
		if (first == QNONE)
			first = k;
		last = k;
		suffix = QNONE;
	}
	if (first != QNONE)
	{
		uint32_t	surname = surname_start(&q, first, last);

		/* the given name, then the surname with its particles run together
		 * (Bill de Blasio: "bill deblasio"; De Blasio alone: "deblasio") */
		int			acronym = first == last && group_alone(&q, first);

		if (surname > first && !append_key_word(&q, first, out, &n, cap, 0))
			n = 0;
		if (n > 0 && n + 1 < cap)
			out[n++] = ' ';
		for (uint32_t w = surname; w <= last && (n > 0 || surname == first); w++)
			if (!key_noise(&q, w) && !append_key_word(&q, w, out, &n, cap, acronym))
			{
				n = 0;
				break;
			}
		if (n > 0 && suffix != QNONE && n + 1 + doc.tokens[suffix].len < cap)
		{
			const na_token *t = &doc.tokens[suffix];
			size_t		got;

			out[n++] = ' ';
			got = na_utf8_lower(doc.text + t->start, t->len, out + n, cap - n - 1);
			n += got;
			if (got > 0 && out[n - 1] == '.')
				n--;
		}
		if (n > 0 && surname == first && gender != NA_GENDER_UNKNOWN)
		{
			const char *tag = gender == NA_GENDER_FEMALE ? " (female)" : " (male)";
			size_t		tl = strlen(tag);

			if (n + tl < cap)
			{
				memcpy(out + n, tag, tl);
				n += tl;
			}
		}
		out[n] = '\0';
	}
	n = fold_key_apostrophes(out, n);
	name_context_free(&q, &doc, mem);
	return n;
}

/*
 * The gender a name's own words imply: a gendered title or honorific in
 * front of it (Lord Falconer, Mrs Clinton, Congresswoman Reyes), else the
 * given name of a name of two words or more (Rebecca Falconer).  The people
 * registry uses it only as evidence AGAINST counting a surname alone under
 * a full name (Lord Falconer is not Rebecca Falconer), never as the gender
 * of a person (data/lexicon/first_names.tsv: given names are no output
 * gender).  NA_GENDER_UNKNOWN when the words tell none.
 */
int
na_name_gender(const char *name, size_t len, const na_mem *mem, na_status *status)
{
	na_doc		doc;
	qctx		q;
	uint32_t	k;
	int			gender = NA_GENDER_UNKNOWN;

	memset(&doc, 0, sizeof(doc));
	*status = na_scan(&doc, name, len, NA_SCAN_NO_SENTENCES, mem);
	if (*status != NA_OK)
		return NA_GENDER_UNKNOWN;
	if (!name_context(&q, &doc, mem))
	{
		na_doc_free(&doc, mem);
		*status = NA_ERR_NOMEM;
		return NA_GENDER_UNKNOWN;
	}
	for (k = 0; k < doc.ntokens; k++)
	{
		uint8_t		g,
					h,
					kind;
		uint32_t	np;

		/* before the noise: "Mr." is an abbreviation */
		if (k + 1 < doc.ntokens && q_is_title(&q, k, &g, &h))
		{
			if (g != NA_GENDER_UNKNOWN)
			{
				gender = g;
				break;
			}
			continue;
		}
		if (key_noise(&q, k))
			continue;
		if ((np = sp_name_prefix_at(&q, k, &kind)) > 0 && k + np < doc.ntokens)
		{
			k += np - 1;
			continue;
		}
		/* a given name: another word of the name follows it */
		for (uint32_t w = k + 1; w < doc.ntokens; w++)
			if (doc.tokens[w].kind == NA_TK_WORD && !key_noise(&q, w))
			{
				int			given = sp_given_name_gender(&q, k);

				if (given == NA_GENDER_MALE || given == NA_GENDER_FEMALE)
					gender = given;
				break;
			}
		break;
	}
	name_context_free(&q, &doc, mem);
	return gender;
}
