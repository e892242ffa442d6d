/*
 * speaker_descriptions.c - sources that are no name: a description ("the
 * mayor", "the union"), an organisation named with a noun ("the Trump
 * campaign"), a document ("a Reuters survey") and a headline's name, each
 * resolved to the person or organisation the article names for it, or to
 * nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "na_lexicon.h"
#include "na_places.h"
#include "speakers_internal.h"

/* The office a title or description noun names (data/lexicon/role_offices.tsv), or NULL. */
const char *
sp_office_of(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	int32_t		row;

	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return NULL;
	row = q_word_base_row(q, i, NA_LEX_ROLE_OFFICES);
	return row < 0 ? NULL : na_lex_attr(NA_LEX_ROLE_OFFICES, (uint32_t) row, NA_LEX_ROLE_OFFICES_OFFICE);
}

#define DESCRIPTION_LOOKBACK 400	/* mentions back a description's person is looked for */

/*
 * Is mention m, of entity e, a person named with a title of that office
 * (data/lexicon/role_offices.tsv), outside quotation marks and without an
 * honorific ("Justice Frank Nervo" holds the judge's office)?  A
 * description is resolved to such a mention before or after it.
 */
static bool
titled_with_office(const qctx *q, const q_mention *m, const q_entity *e, const char *office)
{
	if (m->title_first == QNONE || m->honorific || !e->person || e->place ||
		(q->in_quote[m->first] & 1))
		return false;
	for (uint32_t t = m->title_first; t < m->first; t++)
	{
		const char *o = sp_office_of(q, t);

		if (o != NULL && strcmp(o, office) == 0)
			return true;
	}
	return false;
}

/*
 * The person a description source [first, last] means: "the mayor", "The
 * South Carolina senator", "the former secretary" is the person the article
 * named before it with a title of that office (Mayor Bill de Blasio, Sen.
 * Lindsey Graham, Secretary Ana Ruiz), the nearest one; QNONE when the
 * article titles nobody so (the description stays a description: no
 * guess).  Only "the", words and an office noun at its head make such a
 * description; "the mayor's office" or "a senator" do not (possessive_ok:
 * "the president's" names the president, as a pronoun's antecedent may).
 */
uint32_t
sp_office_holder(qctx *q, uint32_t first, uint32_t last, int possessive_ok)
{
	const char *office;
	uint32_t	lo;

	if (last <= first || last - first > 5 || !q_is(q, first, "the") ||
		q_is_cap(q, last) || (q_possessive(q, last) && !possessive_ok) ||
		(office = sp_office_of(q, last)) == NULL)
		return QNONE;
	for (uint32_t k = first + 1; k < last; k++)
		if (q->doc->tokens[k].kind != NA_TK_WORD || q_possessive(q, k) || q_is(q, k, "of"))
			return QNONE;
	lo = sp_first_mention_from(q, first);
	for (uint32_t k = lo; k-- > 0 && lo - k <= DESCRIPTION_LOOKBACK;)
	{
		const q_mention *m = mention(q, k);
		const q_entity *e = entity(q, m->entity);

		if (titled_with_office(q, m, e, office))
			return m->entity;
	}
	return QNONE;
}

#define INTRODUCED_SENTENCES 3	/* sentences after "a judge" its person may be named in */
#define LEAD_SENTENCES 2		/* a headline and a lead's first sentences */

/*
 * The person an indefinite description [first, last] introduces: "A New
 * York judge has rejected ..." in a lead, then "Manhattan Supreme Court
 * Justice Frank Nervo rejected that argument": the first person titled
 * with that office (data/lexicon/role_offices.tsv) in the next few
 * sentences.  Only in the headline and the lead, where news introduces
 * someone it names next; "a senator said" further on is someone unnamed.
 * QNONE otherwise.
 */
static uint32_t
office_holder_after(qctx *q, uint32_t first, uint32_t last)
{
	const char *office;
	uint32_t	sentence = q->doc->tokens[last].sentence;

	if (last <= first || last - first > 5 || !(q_is(q, first, "a") || q_is(q, first, "an")) ||
		q_is_cap(q, last) || q_possessive(q, last) || sentence > LEAD_SENTENCES ||
		(office = sp_office_of(q, last)) == NULL)
		return QNONE;
	for (uint32_t k = sp_first_mention_from(q, last + 1); k < q->mentions.count; k++)
	{
		const q_mention *m = mention(q, k);
		const q_entity *e = entity(q, m->entity);

		if (q->doc->tokens[m->first].sentence > sentence + INTRODUCED_SENTENCES)
			break;
		if (titled_with_office(q, m, e, office))
			return m->entity;
	}
	return QNONE;
}

/*
 * Does entity e name an organisation of this kind: no person, no place, a
 * word of its name of that kind, the first or the head (the Association of
 * Flight Attendants is a union, The Wall Street Journal a newspaper, the
 * Police Federation a police and a federation)?
 */
static int
organisation_of_kind(qctx *q, const q_entity *e, const char *kind)
{
	if (e->place || e->strong)
		return 0;
	sp_organisation_words(q, (q_entity *) e);
	if (e->org_kind == NULL)
		return 0;
	if (strcmp(e->org_kind, kind) != 0)
	{
		/* its head, the last word, when no "of" or "for" puts the head
		 * first: the Police Federation is a federation (and, by its first
		 * word, the Dayton Police Department a police); the Association
		 * of Chief Police Officers is no police */
		const char *head = sp_org_kind_of(q, e->name_last, 0);

		if (head == NULL || strcmp(head, kind) != 0 ||
			sp_name_has_joint(q, e->name_first, e->name_last))
			return 0;
	}
	/* "The Committee" alone names no committee in particular */
	return !(e->name_first == e->name_last && (sp_org_kind_of(q, e->name_first, 1) != NULL ||
											   q_in(q, e->name_first, LEX_SOURCE_NOUNS)));
}

/*
 * Does token k open what follows a noun rather than continue it: a
 * participle (representing), a relative pronoun or a preposition?
 */
static int
clause_after_noun(const qctx *q, uint32_t k)
{
	const na_token *t;

	if (!q_is_word(q, k) || q_is_cap(q, k))
		return 0;
	t = &q->doc->tokens[k];
	if (t->len > 4 && memcmp(q->doc->text + t->start + t->len - 3, "ing", 3) == 0)
		return 1;
	return q_in(q, k, LEX_DESCRIPTION_CLAUSE_OPENERS);
}

#define ORG_DESCRIPTION_MODIFIERS 4	/* words between a description's determiner and its noun */

/*
 * The organisation of this kind that mention m names: its entity's
 * (organisation_of_kind), or one named by m and the description's own noun
 * after it, "the Charlotte-Mecklenburg police chief" naming the
 * Charlotte-Mecklenburg police for "police said" (a noun of
 * data/lexicon/org_heads_after_name.tsv, as q_organisation_after_name
 * makes it); QNONE when m names none.
 */
static uint32_t
organisation_of_kind_at(qctx *q, const q_mention *m, uint32_t head, const char *kind)
{
	if (organisation_of_kind(q, entity(q, m->entity), kind))
		return m->entity;
	if (m->last + 1 < q->doc->ntokens && q_same_base(q, m->last + 1, head) &&
		!entity(q, m->entity)->strong && !entity(q, m->entity)->person)
		return q_organisation_after_name(q, m->first, m->last + 1);
	return QNONE;
}

/*
 * The organisation a description source [first, last] means: "the union",
 * "the paper", "the ministry" is the organisation of that kind
 * (data/lexicon/org_kinds.tsv) the article named last before it (the
 * Association of Flight Attendants, The Boston Globe, the Ministry of
 * Health); an indefinite or bare one ("A union representing flight
 * attendants endorsed ...", a headline's "Flight attendants' union") is
 * introduced before it is named, so it is the first one named after it.
 * The noun heads the phrase (its last word, or the one after "a"/"the"
 * with a clause after it: "a union representing ..."); a name among its
 * modifiers ("a United Nations panel") makes it a description of
 * something else.  QNONE when the article names none of that kind.
 */
static uint32_t
organisation_described(qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	head = last;
	const char *kind;
	int			definite;
	uint32_t	from;

	if (last - first > ORG_DESCRIPTION_MODIFIERS + 1)
		head = QNONE;
	if (head == QNONE || q_is_cap(q, head) || sp_org_kind_of(q, head, 1) == NULL)
	{
		/* a union representing flight attendants, the union that ...: a
		 * clause after the noun, not another noun (the committee chairmen) */
		head = first + 1;
		if (!(q_is(q, first, "a") || q_is(q, first, "an") || q_is(q, first, "the")) ||
			head >= last || q_is_cap(q, head) || sp_org_kind_of(q, head, 1) == NULL ||
			q_possessive(q, head) || !clause_after_noun(q, head + 1))
			return QNONE;
	}
	kind = sp_org_kind_of(q, head, 1);
	/* the union, and a bare noun in running text (according to police, as
	 * police have said): the one named before */
	definite = q_is(q, first, "the") ||
		(first == last && !q_is_cap(q, first) && !(q->doc->tokens[first].flags & NA_TF_PARA_START));
	from = (definite || q_is(q, first, "a") || q_is(q, first, "an")) ? first + 1 : first;
	for (uint32_t k = from; k < head; k++)
	{
		if (q->doc->tokens[k].kind != NA_TK_WORD || q_is(q, k, "of") ||
			(q_is_cap(q, k) && !(q->doc->tokens[k].flags & NA_TF_SENT_START)))
			return QNONE;
	}
	if (definite)
	{
		uint32_t	lo = sp_first_mention_from(q, first);

		for (uint32_t k = lo; k-- > 0 && lo - k <= DESCRIPTION_LOOKBACK;)
		{
			const q_mention *m = mention(q, k);

			uint32_t	e;

			if (!(q->in_quote[m->first] & 1) && (e = organisation_of_kind_at(q, m, head, kind)) != QNONE)
				return e;
		}
	}
	for (uint32_t k = sp_first_mention_from(q, last + 1), n = 0;
		 k < q->mentions.count && n < DESCRIPTION_LOOKBACK; k++, n++)
	{
		const q_mention *m = mention(q, k);
		uint32_t	e;

		if (!(q->in_quote[m->first] & 1) && (e = organisation_of_kind_at(q, m, head, kind)) != QNONE)
			return e;
	}
	return QNONE;
}

/* Does the name end in an apostrophe (the MPs' report, Sanders’ campaign)? */
static int
apostrophe_end(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];
	const char *p = q->doc->text + t->start;

	return (t->len >= 1 && p[t->len - 1] == '\'') ||
		(t->len >= 3 && (unsigned char) p[t->len - 3] == 0xE2 &&
		 (unsigned char) p[t->len - 2] == 0x80 && (unsigned char) p[t->len - 1] == 0x99);
}

/*
 * Can mention m name a document's author: a name, not a sentence's
 * capitalised first word alone (Early analysis), a party word alone
 * (Democratic party's estimates), a letter (The Q poll) or a plural
 * possessive (a new MPs' report)?
 */
static int
names_an_author(const qctx *q, const q_mention *m)
{
	uint8_t		kind;

	if (apostrophe_end(q, m->last))
		return 0;
	if (m->first == m->last &&
		((q->doc->tokens[m->first].flags & NA_TF_SENT_START) ||
		 q->doc->tokens[m->first].clen < 2 ||
		 sp_name_prefix_at(q, m->first, &kind) == 1))
		return 0;
	return 1;
}

/* Is token i a lower-case noun of a document whose author is a source
 * (data/lexicon/source_documents.tsv: poll, survey, study, report)? */
int
q_is_document_noun(const qctx *q, uint32_t i)
{
	const na_token *t;

	if (i >= q->doc->ntokens)
		return 0;
	t = &q->doc->tokens[i];
	return t->kind == NA_TK_WORD && !q_is_cap(q, i) &&
		q_word_in(q, i, NA_LEX_SOURCE_DOCUMENTS);
}

/*
 * The author of a document source: "a Reuters survey", "a new report by
 * Politico", "a study by the Brookings Institution" (a noun of
 * data/lexicon/source_documents.tsv at the phrase's end) is the
 * organisation or person who made it, when a name says so inside the
 * phrase (not a place: "a Florida poll" has no author) or right after
 * "by".  QNONE otherwise: the document stays a document.
 */
static uint32_t
document_author(qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	k;

	/* a 2014 study by Harvard and the University of Oslo: the document's
	 * noun inside the phrase, its author after "by" */
	if (!q_is_document_noun(q, last))
	{
		for (k = first; k < last; k++)
			if (q_is_document_noun(q, k) && q_is(q, k + 1, "by"))
				break;
		if (k >= last)
			return QNONE;
		last = k;
	}
	for (k = last; k-- > first;)
	{
		if (q->mention_at[k])
		{
			const q_mention *m = mention(q, q->mention_at[k] - 1);
			const q_entity *e = entity(q, m->entity);

			if (!e->place && !e->strong && !e->person && names_an_author(q, m))
				return m->entity;
			break;
		}
	}
	k = last + 1;
	if (!q_is(q, k, "by"))
		return QNONE;
	k++;
	if (q_is(q, k, "the"))
		k++;
	/* by the liberal watchdog group Media Matters: the name after its
	 * description */
	for (uint32_t words = 0; words < 4 && k < q->doc->ntokens && !q->mention_at[k] &&
		 q_is_word(q, k) && !q_is_cap(q, k) && !q_is(q, k, "and"); words++)
		k++;
	/* the first of joint authors (by Harvard and Yale) */
	if (k < q->doc->ntokens && q->mention_at[k])
	{
		const q_mention *m = mention(q, q->mention_at[k] - 1);

		/* by Loyola Law School professor Ann Reyes: the professor */
		if (q_is_role_noun(q, m->last + 1) && m->last + 2 < q->doc->ntokens &&
			q->mention_at[m->last + 2])
		{
			const q_mention *holder = mention(q, q->mention_at[m->last + 2] - 1);

			if (entity(q, holder->entity)->person)
				return holder->entity;
		}
		if (!entity(q, m->entity)->place && names_an_author(q, m))
			return m->entity;
	}
	return QNONE;
}

/*
 * "The authors of the study, which include the Harbor Institute and the
 * Tax League, found": the makers of a document
 * (data/lexicon/document_maker_nouns.tsv) listed after the source
 * (data/lexicon/member_listing_words.tsv) are its first organisation, as
 * with joint authors after "by".  A person or a place listed first leaves
 * the source unnamed: people listed are examples of a group, not its name.
 */
static uint32_t
makers_listed_after(qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	n = q->doc->ntokens;
	uint32_t	k = last + 1;
	const q_mention *m;
	const q_entity *e;

	if (last < first || !q_is_word(q, last) ||
		!q_word_in(q, last, NA_LEX_DOCUMENT_MAKER_NOUNS))
		return QNONE;
	/* of the report, of the 2015 study */
	if (k < n && q_is(q, k, "of"))
		for (uint32_t words = 0; words < 6 && k < n && !q_is_punct(q, k, ','); words++)
			k++;
	if (k >= n || !q_is_punct(q, k, ','))
		return QNONE;
	k++;
	if (k < n && (q_is(q, k, "which") || q_is(q, k, "who")))
		k++;
	if (k >= n || !q_is_word(q, k) ||
		!q_word_in(q, k, NA_LEX_MEMBER_LISTING_WORDS))
		return QNONE;
	k++;
	if (k < n && q_is(q, k, "the"))
		k++;
	if (k >= n || !q->mention_at[k])
		return QNONE;
	m = mention(q, q->mention_at[k] - 1);
	e = entity(q, m->entity);
	/* the U.S. Harbor Fund: a country's name before the organisation's */
	if (e->place && m->last + 1 < n && q->mention_at[m->last + 1])
	{
		m = mention(q, q->mention_at[m->last + 1] - 1);
		e = entity(q, m->entity);
	}
	if (e->person || e->place || e->strong)
		return QNONE;
	return m->entity;
}

/*
 * "The Trump campaign said", "the Obama administration said", "Tulsa
 * police said": a name right before a noun of
 * data/lexicon/org_heads_after_name.tsv that ends the source makes the
 * source an organisation named by both ("Trump campaign"), not the
 * person or the place.  The entity is made once per spelling, after the
 * names of the article, and carries no mention of its own (no pronoun
 * resolves to it).  QNONE when the source is no such phrase; 0 or more
 * the entity.  Called before the names inside a source are looked at.
 */
uint32_t
q_organisation_after_name(qctx *q, uint32_t first, uint32_t last)
{
	const na_token *t;
	const q_mention *m;
	uint32_t	n = (uint32_t) q->entities.count;
	uint32_t	lo = n > LINK_WINDOW ? n - LINK_WINDOW : 0;
	q_entity   *e;

	if (last <= first || last >= q->doc->ntokens || !q->mention_at[last - 1] ||
		q->mention_at[last] || q_is_cap(q, last))
		return QNONE;
	t = &q->doc->tokens[last];
	if (t->kind != NA_TK_WORD ||
		!q_word_base_in(q, last, NA_LEX_ORG_HEADS_AFTER_NAME))
		return QNONE;
	m = mention(q, q->mention_at[last - 1] - 1);
	if (m->first < first || m->last != last - 1 || q_possessive(q, m->last) ||
		apostrophe_end(q, m->last))
		return QNONE;
	for (uint32_t k = n; k-- > lo;)
	{
		e = entity(q, k);
		if (e->first_mention == QNONE && e->noun_at == 0 &&
			sp_same_name(q, e->name_first, e->name_last, m->first, last))
			return k;
	}
	if (sp_new_entity(q, m->first, last) == NULL)
		return QNONE;
	return (uint32_t) q->entities.count - 1;
}

/* The same word, case aside (ASCII), possessives ignored: De and de. */
int
sp_same_word_any_case(const qctx *q, uint32_t a, uint32_t b)
{
	uint32_t	la = q_base_len(q, a);
	uint32_t	lb = q_base_len(q, b);
	const char *x = q->doc->text + q->doc->tokens[a].start;
	const char *y = q->doc->text + q->doc->tokens[b].start;

	if (la != lb)
		return 0;
	for (uint32_t k = 0; k < la; k++)
	{
		char		cx = x[k] >= 'A' && x[k] <= 'Z' ? (char) (x[k] - 'A' + 'a') : x[k];
		char		cy = y[k] >= 'A' && y[k] <= 'Z' ? (char) (y[k] - 'A' + 'a') : y[k];

		if (cx != cy)
			return 0;
	}
	return 1;
}

/* Does token k hold an apostrophe before its end, other than a possessive (I'm, Don’t)? */
static int
contraction(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];
	uint32_t	len = q_base_len(q, k);

	for (uint32_t i = 1; i < len; i++)
		if (q_apostrophe_at(q->doc->text + t->start + i, len - i))
			return i + 1 < len || apostrophe_end(q, k);
	return apostrophe_end(q, k);
}

/*
 * The entity a source whose name was not collected means: a headline's
 * names are not read as names ("Chris Christie Calls Clinton ‘A
 * Disgrace’", "De Blasio says ..."), but the person is named in the
 * article, before or after.  The capitalised words ending the source must
 * end an entity's name (De Blasio ends Bill de Blasio, case aside); of
 * several, the one named most.  QNONE when none.
 */
static uint32_t
entity_spelled_like(qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	b = last;
	uint32_t	a;
	uint32_t	key;
	uint32_t	best = QNONE;
	uint32_t	best_mentions = 0;
	const uint32_t *nodes = q->key_nodes.items;

	/* the name ends the source: not "the Saturday debate", "New Jersey
	 * officials", "One news account" */
	if (!q_is_cap(q, b) || q->mention_at[b] || q->doc->tokens[b].kind != NA_TK_WORD ||
		q_in(q, b, LEX_WEEKDAY_WORDS) || q_in(q, b, LEX_PRONOUNS_HE) ||
		q_in(q, b, LEX_PRONOUNS_SHE) || q_in(q, b, LEX_PRONOUNS_OTHER) || contraction(q, b))
		return QNONE;
	for (a = b; a > first && b - a < 3 && q_is_cap(q, a - 1) && !q->mention_at[a - 1] &&
		 q->doc->tokens[a - 1].kind == NA_TK_WORD; a--)
		;
	/* a sentence's first word alone (Officials, Critics) names no one */
	if (a == b && (q->doc->tokens[a].flags & (NA_TF_SENT_START | NA_TF_PARA_START)) &&
		sp_given_name_gender(q, a) < 0 && q_in(q, a, LEX_SOURCE_NOUNS))
		return QNONE;
	key = sp_name_key(q, b);
	for (uint32_t x = q->key_heads[sp_key_bucket(key)]; x != 0; x = nodes[(x - 1) * 2 + 1])
	{
		uint32_t	k = nodes[(x - 1) * 2];
		const q_entity *c = entity(q, k);
		uint32_t	cn = c->name_last - c->name_first + 1;
		uint32_t	n = b - a + 1;
		/* all of its name, or a person's surname (with its particle: De
		 * Blasio), not the tail of a longer name (South Carolina of a
		 * "Ted Cruz South Carolina") */
		int			same = c->last_key == key && !c->place && cn >= n &&
			(cn == n || (c->person && (n == 1 || (n == 2 && q_in(q, a, LEX_NAME_PARTICLES)))));

		for (uint32_t w = 0; same && w < n; w++)
			same = sp_same_word_any_case(q, c->name_last - w, b - w);
		if (same && (best == QNONE || c->mentions > best_mentions))
		{
			best = k;
			best_mentions = c->mentions;
		}
	}
	return best;
}

/*
 * "The state said": the US state named last before it, in its paragraph
 * or the one before (data/lexicon/vote_us_states.tsv: the 2000 election in
 * Florida, when the state stated ...); QNONE when none is.
 */
static uint32_t
state_described(qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	para = q->doc->tokens[first].paragraph;
	uint32_t	lo;

	if (last != first + 1 || !q_is(q, first, "the") || !q_is(q, last, "state"))
		return QNONE;
	lo = sp_first_mention_from(q, first);
	for (uint32_t k = lo; k-- > 0 && lo - k <= DESCRIPTION_LOOKBACK;)
	{
		const q_mention *m = mention(q, k);
		uint32_t	ntokens = 0;

		if (q->doc->tokens[m->first].paragraph + 1 < para)
			break;
		if (entity(q, m->entity)->person || entity(q, m->entity)->strong ||
			(q->in_quote[m->first] & 1))
			continue;
		if (na_lex_longest(NA_LEX_VOTE_US_STATES, q->doc, m->first, &ntokens) >= 0 &&
			m->first + ntokens == m->last + 1)
			return m->entity;
	}
	return QNONE;
}

/*
 * The organisation of a person that the article never writes as a name
 * ("her campaign" with no "Clinton campaign" anywhere): one entity per
 * surname and noun, named by the person's surname and the noun (Clinton
 * campaign), as researchers count a campaign's or an administration's
 * statements: under the organisation, not the person, and not lost as an
 * unnamed description.  It has no mention (no pronoun resolves to it).
 */
static uint32_t
person_organisation_made(qctx *q, uint32_t person, uint32_t noun, const char *made_noun)
{
	uint32_t	surname = entity(q, person)->name_last;
	const char *word = made_noun ? made_noun : q->doc->text + q->doc->tokens[noun].start;
	size_t		len = made_noun ? strlen(made_noun) : q_base_len(q, noun);
	q_entity   *e;

	for (uint32_t k = 0; k < q->entities.count; k++)
	{
		const char *w;
		size_t		wl;

		e = entity(q, k);
		if (e->noun_at == 0 || !q_same_base(q, e->name_last, surname))
			continue;
		w = e->made_noun ? e->made_noun : q->doc->text + q->doc->tokens[e->noun_at].start;
		wl = e->made_noun ? strlen(e->made_noun) : q_base_len(q, e->noun_at);
		if (wl == len && na_ascii_ci_equal(w, word, len))
			return k;
	}
	e = sp_new_entity(q, surname, surname);
	if (e == NULL)
		return QNONE;
	e->noun_at = noun;
	e->made_noun = made_noun;
	return (uint32_t) q->entities.count - 1;
}

/*
 * "Her campaign said", "his administration said": the organisation of the
 * person the pronoun means, as the article names it elsewhere (the Clinton
 * campaign, the Obama administration: a noun of
 * data/lexicon/org_heads_after_name.tsv right after one of the person's
 * names), or else made of the person's surname and the noun
 * (person_organisation_made).  QNONE when the pronoun means no person:
 * the source stays a description rather than becoming someone.
 */
static uint32_t
possessor_organisation(qctx *q, uint32_t first, uint32_t last)
{
	const na_token *t;
	uint32_t	person;
	int			his = q_is(q, first, "his");

	if (last != first + 1 || (!his && !q_is(q, first, "her")))
		return QNONE;
	/* "throughout his campaign boasted": the object of a preposition is no
	 * source (the subject is further back) */
	if (first > 0 && q->doc->tokens[first - 1].kind == NA_TK_WORD &&
		q_word_in(q, first - 1, NA_LEX_OBJECT_PREPOSITIONS))
		return QNONE;
	t = &q->doc->tokens[last];
	if (t->kind != NA_TK_WORD || q_is_cap(q, last) ||
		!q_word_base_in(q, last, NA_LEX_ORG_HEADS_AFTER_NAME))
		return QNONE;
	person = q_resolve_pronoun(q, first, his ? NA_GENDER_MALE : NA_GENDER_FEMALE);
	if (person == QNONE)
		return QNONE;
	for (uint32_t mi = entity(q, person)->first_mention; mi != QNONE; mi = mention(q, mi)->next)
	{
		const q_mention *m = mention(q, mi);
		uint32_t	e;

		if (m->last + 1 < q->doc->ntokens && q_same_base(q, m->last + 1, last) &&
			(e = q_organisation_after_name(q, m->first, m->last + 1)) != QNONE)
			return e;
	}
	if (!entity(q, person)->person || entity(q, person)->place)
		return QNONE;
	return person_organisation_made(q, person, last, NULL);
}

/*
 * "The Okafor ad says", "a narrator in the Okafor ad asks": the words of a
 * candidate's advertisement (data/lexicon/ad_nouns.tsv; its voice,
 * ad_voice_nouns.tsv) are the campaign's, counted under the organisation
 * of the candidate's surname and the list's maker (Okafor campaign:
 * person_organisation_made), not the candidate and not a document.  Only
 * a person's name right before the noun makes the ad someone's: "the ad",
 * "a Harbor Fund ad" stay as they are.
 */
static uint32_t
advertisement_campaign(qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	n = q->doc->ntokens;
	uint32_t	k;
	int32_t		row;
	const q_mention *m;
	const q_entity *e;

	if (last < first || last >= n || !q_is_word(q, last))
		return QNONE;
	if (q_word_in(q, last, NA_LEX_AD_VOICE_NOUNS))
	{
		/* a narrator in the Okafor ad, the voice of an Okafor ad */
		k = last + 1;
		if (k >= n || !(q_is(q, k, "in") || q_is(q, k, "of")))
			return QNONE;
		k++;
		if (k < n && q_in(q, k, LEX_DETERMINERS))
			k++;
		if (k >= n || !q->mention_at[k])
			return QNONE;
		m = mention(q, q->mention_at[k] - 1);
		k = m->last + 1;
	}
	else
	{
		if (last == first || !q->mention_at[last - 1])
			return QNONE;
		m = mention(q, q->mention_at[last - 1] - 1);
		if (m->first < first)
			return QNONE;
		k = last;
	}
	if (k >= n || m->last + 1 != k || q_possessive(q, m->last) || !q_is_word(q, k) || q_is_cap(q, k) ||
		(row = q_word_row(q, k, NA_LEX_AD_NOUNS)) < 0)
		return QNONE;
	e = entity(q, m->entity);
	if (!e->person || e->place)
		return QNONE;
	return person_organisation_made(q, m->entity, k,
									na_lex_attr(NA_LEX_AD_NOUNS, (uint32_t) row, NA_LEX_AD_NOUNS_MAKER));
}

/*
 * The person or organisation a description source [first, last] means:
 * the person a name the analysis did not collect (in a headline) spells
 * (entity_spelled_like), the holder of the office it names (office_holder), the organisation
 * made of a name and a noun ("the Trump campaign"), the author of a
 * document ("a new report by Politico") or the organisation of the kind it
 * names ("the union"); QNONE when the article says nothing surer.
 */
uint32_t
q_resolve_description(qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	e;

	if (last < first || last >= q->doc->ntokens)
		return QNONE;
	if ((e = entity_spelled_like(q, first, last)) != QNONE)
		return e;
	if ((e = possessor_organisation(q, first, last)) != QNONE)
		return e;
	if ((e = advertisement_campaign(q, first, last)) != QNONE)
		return e;
	if ((e = state_described(q, first, last)) != QNONE)
		return e;
	if ((e = sp_office_holder(q, first, last, 0)) != QNONE)
		return e;
	if ((e = office_holder_after(q, first, last)) != QNONE)
		return e;
	if ((e = q_organisation_after_name(q, first, last)) != QNONE)
		return e;
	if ((e = document_author(q, first, last)) != QNONE)
		return e;
	if ((e = makers_listed_after(q, first, last)) != QNONE)
		return e;
	return organisation_described(q, first, last);
}
