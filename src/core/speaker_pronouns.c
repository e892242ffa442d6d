/*
 * speaker_pronouns.c - whom a he, she or it means: the person a pronoun
 * refers to (agreement, salience, chains of pronoun subjects, descriptions
 * as subjects) and the organisation an "it" refers to.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "na_lexicon.h"
#include "na_places.h"
#include "speakers_internal.h"

/* Mentions looked back at when resolving a pronoun. */
#define PRONOUN_LOOKBACK 40
/*
 * Rows q_resolve_it reads back for the last speaker: two paragraphs bound
 * the look in news, but not in one paragraph of thousands of reports ("It
 * said ..." 40,000 times read every row before each: 1.8 s, quadratic); a
 * speaker 512 rows back is no one an "it" means.
 */
#define IT_ROW_LOOKBACK 512
#define PRONOUN_CLEAR_MARGIN 50	/* score by which a pronoun's person beat the next */
#define PRONOUN_SENTENCES 3		/* sentences back a pronoun's person is looked for first */

/*
 * Look up once what entity e's name says of an organisation: whether a
 * word of it names organisations (quote_org_words.tsv, org_kinds.tsv) and
 * the first kind of org_kinds.tsv among its capitalised words.  Called
 * during attribution, when the names are final; pronouns and descriptions
 * ask it of the same entities again and again.
 */
void
sp_organisation_words(const qctx *q, q_entity *e)
{
	if (e->org_checked)
		return;
	e->org_checked = 1;
	for (uint32_t k = e->name_first; k <= e->name_last; k++)
	{
		const char *o;

		if (!q_is_cap(q, k))
			continue;
		o = sp_org_kind_of(q, k, 0);
		if (o != NULL || q_in(q, k, LEX_ORG_WORDS))
			e->org_named = 1;
		if (o != NULL && e->org_kind == NULL)
			e->org_kind = o;
	}
}

/*
 * Does entity e's name hold a word that names organisations (Department,
 * Centre, Coalition, Association: data/lexicon/quote_org_words.tsv,
 * org_kinds.tsv)?  Then it is no one a he or she can mean.
 */
static int
names_organisation(const qctx *q, const q_entity *e)
{
	sp_organisation_words(q, (q_entity *) e);
	return e->org_named;
}

/*
 * Is entity e, of one word, a country's or a US state's name (Wales,
 * Maine) that no mention titles or calls Mr. or Ms.?
 */
static int
names_a_place_alone(qctx *q, q_entity *e)
{
	na_place_match pm;

	/* looked up once: pronouns ask of the same entities again and again */
	if (e->place_alone != 0)
		return e->place_alone == 2;
	e->place_alone = 1;
	if (e->name_first != e->name_last ||
		(!q_word_base_in(q, e->name_first, NA_LEX_VOTE_US_STATES) &&
		 !(na_place_at(q->doc, e->name_first, &pm) && pm.kind == NA_PLACE_NAME)))
		return 0;
	for (uint32_t mi = e->first_mention; mi != QNONE; mi = mention(q, mi)->next)
		if (mention(q, mi)->title_first != QNONE)
			return 0;
	e->place_alone = 2;
	return 1;
}

/*
 * Can entity e be the person a pronoun of this gender means?  A person
 * (not a place, an event or an organisation: a name with a title, an
 * honorific, a role, a known given name, or someone already quoted under
 * a full name or a known given name alone), and not of the other gender,
 * whether the article says so or the given name does.
 */
static int
pronoun_may_mean(qctx *q, const q_entity *e, uint8_t gender)
{
	/* quoted counts for a full name or a known given name alone (Bob said)
	 * only: since reported speech groups are quoted too (Unions criticised
	 * the plan) */
	if (e->place || !(e->person || (e->quotes > 0 && (e->name_last > e->name_first ||
													 e->given_gender > NA_GENDER_UNKNOWN))))
		return 0;
	/* the Department of Trade, the Centre for Vision: no he or she */
	if (!e->strong && names_organisation(q, e))
		return 0;

	if (e->gender != NA_GENDER_UNKNOWN && e->gender != gender)
		return 0;
	if (e->given_gender > NA_GENDER_UNKNOWN && e->given_gender != gender)
		return 0;
	/* "in Portland, Maine", "playing for Wales": a one-word name of a
	 * country or a state no title or honorific made a person's */
	return !names_a_place_alone(q, (q_entity *) e);
}

/* Does token k end in these lowercase letters (wobbly: "ly")? */
static int
word_ends_in(const qctx *q, uint32_t k, const char *suffix, uint32_t min_len)
{
	const na_token *t = &q->doc->tokens[k];
	size_t		n = strlen(suffix);

	return t->len >= min_len && memcmp(q->doc->text + t->start + t->len - n, suffix, n) == 0;
}

/*
 * Does a clause open right before token k, so that a name there is its
 * subject: the sentence's start (after an opener: But, However), a comma,
 * a semicolon, a dash's clause or a conjunction (and, but, if, because)?
 */
static int
clause_opens_before(const qctx *q, uint32_t k)
{
	uint32_t	b;

	if (k == 0 || (q->doc->tokens[k].flags & (NA_TF_SENT_START | NA_TF_PARA_START)))
		return 1;
	b = k - 1;
	if (q->doc->tokens[b].kind == NA_TK_PUNCT)
		return q_is_punct(q, b, ',') || q_is_punct(q, b, ';') || q_is_punct(q, b, ':');
	return q_in(q, b, LEX_CLAUSE_CONJUNCTIONS) || q_in(q, b, LEX_SENTENCE_OPENERS) ||
		q_word_in(q, b, NA_LEX_SUBORDINATORS) || q_is(q, b, "that") || q_is(q, b, "or");
}

/*
 * Is the 's ending mention m "is" or "has", the name the subject of a verb
 * phrase, not a possessive: "If Clinton's wobbly on trade", "Trump's been
 * clear", "Obama's a lawyer"?  The name opens a clause (clause_opens_before:
 * "she's Obama's equal" is a possessive), and the word after the 's is a
 * determiner or an auxiliary's word (data/lexicon/name_contraction_followers.tsv),
 * or an adjective or participle (listed, or in -ly or -ed, and no noun of
 * the list: family, rally) that a preposition, "to", a determiner or the
 * clause's end follows ("Clinton's ready to", "Trump's proposed a", not
 * "Trump's proposed wall").
 */
int
sp_name_contraction(const qctx *q, const q_mention *m)
{
	uint32_t	w = m->last + 1;
	uint32_t	before = m->title_first != QNONE ? m->title_first : m->first;
	int32_t		row;
	const char *reads = NULL;

	if (!q_possessive(q, m->last) || !q_is_word(q, w) || q_is_cap(q, w) ||
		!clause_opens_before(q, before))
		return 0;
	if ((row = q_word_row(q, w, NA_LEX_NAME_CONTRACTION_FOLLOWERS)) >= 0)
		reads = na_lex_attr(NA_LEX_NAME_CONTRACTION_FOLLOWERS, (uint32_t) row,
							NA_LEX_NAME_CONTRACTION_FOLLOWERS_READS);
	if (reads != NULL && reads[0] == 'c')
		return 1;
	if (reads != NULL ? reads[0] != 'p' :
		!(word_ends_in(q, w, "ly", 5) || word_ends_in(q, w, "ed", 5)))
		return 0;
	if (w + 1 >= q->doc->ntokens)
		return 1;
	if (q->doc->tokens[w + 1].kind == NA_TK_PUNCT)
		return q_is_punct(q, w + 1, ',') || q_is_punct(q, w + 1, '.') || q_is_punct(q, w + 1, ';');
	return q_in(q, w + 1, LEX_DETERMINERS) || q_is(q, w + 1, "to") ||
		q_word_in(q, w + 1, NA_LEX_OBJECT_PREPOSITIONS);
}

/*
 * Have more pronouns of the other gender than of this one been resolved to
 * entity e ("she was appalled ... he called her weak")?  Evidence even when
 * none was clear enough to give e a gender: such a person is a pronoun's
 * last choice, and the pronoun gives no gender to it.
 */
static int
pronouns_say_otherwise(const q_entity *e, uint8_t gender)
{
	return gender == NA_GENDER_MALE ? e->she_resolved > e->he_resolved :
		e->he_resolved > e->she_resolved;
}

/*
 * Is mention m an interview's turn label, the name that opens a paragraph
 * (after brackets only) and is followed by a colon or a closing bracket
 * ("((Akram Pasha)) Greetings.", "NG: Yes")?  It names who answers, not
 * anyone the answer goes on about: in the answer the speaker is "I", and a
 * he or she is someone else.
 */
static int
turn_label(qctx *q, const q_mention *m)
{
	uint32_t	first = m->title_first != QNONE ? m->title_first : m->first;
	uint32_t	k = first;

	while (k > 0 && q_is_punct(q, k - 1, '(') && first - k < 2)
		k--;
	return (q->doc->tokens[k].flags & NA_TF_PARA_START) &&
		(q_is_punct(q, m->last + 1, ':') || q_is_punct(q, m->last + 1, ')'));
}

/*
 * May a he or she with no person near it go back to entity e, named far
 * before?  Only a person the text surely names as one: a title, an
 * honorific, a role or a known given name (e->strong), or this gender
 * said by the name, a clear pronoun or more pronouns of it than of the
 * other resolved to e; never a name only guessed to be a person's ("his
 * Easter Vigil Mass", "Retail Banking Research"), nor one the other
 * gender's pronouns went to.
 */
static int
far_pronoun_may_mean(const q_entity *e, uint8_t gender)
{
	if (pronouns_say_otherwise(e, gender))
		return 0;
	return e->strong || e->gender == gender || e->given_gender == gender ||
		(gender == NA_GENDER_MALE ? e->he_resolved > e->she_resolved :
		 e->she_resolved > e->he_resolved);
}

#define PRONOUN_CONTRARY_PENALTY 200	/* of a person other pronouns say is of the other gender */

/* The first mention at or after token tok (mentions are in text order). */
uint32_t
sp_first_mention_from(qctx *q, uint32_t tok)
{
	uint32_t	lo = 0;
	uint32_t	hi = (uint32_t) q->mentions.count;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (mention(q, mid)->first < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define PRONOUN_CHAIN_SENTENCES 12	/* sentences a chain of he/she subjects bridges */

/* The first token of sentence s a subject can start at: after an opener
 * (But, However, Meanwhile) and its comma; QNONE for a sentence that opens
 * a quotation or holds nothing. */
static uint32_t
sentence_subject_start(const qctx *q, uint32_t s)
{
	const na_sentence *sn = &q->doc->sentences[s];
	uint32_t	k = sn->first_token;
	uint32_t	end = sn->first_token + sn->ntokens;

	if (sn->ntokens == 0 || (q->in_quote[k] & 1))
		return QNONE;
	if (k + 1 < end && q_in(q, k, LEX_SENTENCE_OPENERS))
		k += q_is_punct(q, k + 1, ',') ? 2 : 1;
	return k < end && q_is_word(q, k) && !(q->in_quote[k] & 1) ? k : QNONE;
}

/*
 * Does sentence s open with a he or she of this gender as its subject ("She
 * has faced ...")?  Such a sentence goes on about the person the chain of
 * pronouns began with, so a pronoun after it is no farther from that person
 * for it (a chain of he/she sentences is one topic, not distance).
 */
static int
sentence_continues_pronoun(const qctx *q, uint32_t s, uint8_t gender)
{
	uint32_t	k = sentence_subject_start(q, s);

	if (k == QNONE)
		return 0;
	return gender == NA_GENDER_MALE ? q_in(q, k, LEX_PRONOUNS_HE) && !q_is(q, k, "his") :
		q_in(q, k, LEX_PRONOUNS_SHE) && !q_is(q, k, "her");
}

/*
 * The person a description opening sentence s names as its subject: "The
 * president's roots ...", "The senator said ...": the holder of that office
 * the article titled before (office_holder), a mention a pronoun after it
 * may mean like a name; QNONE otherwise.  Only a description before token
 * tok counts.
 */
static uint32_t
description_subject(qctx *q, uint32_t s, uint32_t tok)
{
	uint32_t	k = sentence_subject_start(q, s);
	uint32_t	end = q->doc->sentences[s].first_token + q->doc->sentences[s].ntokens;

	if (k == QNONE || !q_is(q, k, "the"))
		return QNONE;
	for (uint32_t j = k + 1; j < end && j < tok && j - k <= 5; j++)
	{
		if (!q_is_word(q, j) || q_is_cap(q, j))
			return QNONE;
		if (sp_office_of(q, j) != NULL)
		{
			/* The foreign secretary, Jack Straw, ...: the name is the
			 * subject, a mention of its own; the president's office, the
			 * mayor's spokesman: an organisation or someone else */
			if (q_is_punct(q, j + 1, ',') && q_is_cap(q, j + 2))
				return QNONE;
			if (q_possessive(q, j) && j + 1 < end &&
				(q_word_base_in(q, j + 1, NA_LEX_POSSESSOR_NOT_SUBJECT) ||
				 sp_org_kind_of(q, j + 1, 1) != NULL || q_is_role_noun(q, j + 1)))
				return QNONE;
			return sp_office_holder(q, k, j, 1);
		}
	}
	return QNONE;
}

/*
 * How salient mention k (of a person a he/she may mean) is for a pronoun
 * `distance` sentences after it: the subject of its sentence (*subject set)
 * and someone the article quotes or reports as saying ("X said ...") weigh more, a name that only qualifies a
 * noun, an object ("under President Obama", "with Rusty Humphries"), a
 * possessive and a name the text only guesses is a person
 * (looks_like_person) less.
 */
static int
mention_salience(qctx *q, uint32_t k, uint32_t distance, uint8_t gender, int *subject)
{
	const q_mention *m = mention(q, k);
	const q_entity *e = entity(q, m->entity);
	uint32_t	before = m->title_first != QNONE ? m->title_first : m->first;
	int			score = 100 - 30 * (int) distance;

	/* "McLenney said Clinton ...": the subject of a speech verb opening its
	 * sentence is someone quoted, though reported speech is attributed
	 * after the quotations */
	int			reports = sentence_subject_start(q, q->doc->tokens[before].sentence) == before &&
		sp_mention_reports(q, m);

	*subject = 0;
	if (sp_modifier_mention(q, m))
		score -= 40;
	else if ((e->strong || e->quotes > 0 || reports) && sp_starts_sentence(q, k))
	{
		score += 40;
		*subject = 1;
	}
	if (e->quotes > 0 || reports)
		score += 25;
	if (e->gender == gender)
		score += 10;
	if (!e->strong && e->quotes == 0 && !reports)
		score -= 40;
	if (before > 0 && q_in(q, before - 1, LEX_CLAUSE_PREPOSITIONS) &&
		!(q->doc->tokens[before].flags & NA_TF_SENT_START))
		score -= 35;
	if (q_possessive(q, m->last) && !sp_name_contraction(q, m))
		score -= 20;
	if (pronouns_say_otherwise(e, gender))
		score -= PRONOUN_CONTRARY_PENALTY;
	return score;
}

#define PRONOUN_WINDOW (PRONOUN_SENTENCES + PRONOUN_CHAIN_SENTENCES)

/* A person a pronoun may mean: a mention or a description before it. */
typedef struct pronoun_candidate
{
	uint32_t	entity;
	uint32_t	raw;			/* sentences back from the pronoun's */
	int			score;			/* mention_salience, or a description's */
	int			subject;		/* the subject of its sentence */
} pronoun_candidate;

/* The best candidate of a pronoun so far, and the best score of another. */
typedef struct pronoun_pick
{
	uint32_t	entity;
	int			score;
	int			second;			/* of another person; INT32_MIN: none */
} pronoun_pick;

/* Take candidate e with this score into the pick: the best so far, or
 * the best of another person (the margin that lets a pronoun give its
 * gender). */
static void
pick_candidate(pronoun_pick *p, uint32_t e, int score)
{
	if (p->entity == QNONE || score > p->score)
	{
		if (p->entity != QNONE && p->entity != e)
			p->second = p->score;
		p->entity = e;
		p->score = score;
	}
	else if (p->entity != e && score > p->second)
		p->second = score;
}

/*
 * Pick among the candidates, in the order found (descriptions, then
 * mentions from the nearest back).  The last speaker counts more, unless
 * someone else is the subject of a sentence after its mention ("Home
 * Secretary Paul Granger said ... The shadow home secretary, Eric
 * Whitlow, welcomed the news. But he said ...": the new subject is whom
 * the text goes on about).
 */
static pronoun_pick
pick_pronoun_candidate(const pronoun_candidate *c, uint32_t n, uint32_t last_speaker)
{
	pronoun_pick pick = {QNONE, 0, INT32_MIN};

	for (uint32_t i = 0; i < n; i++)
	{
		int			score = c[i].score;

		if (c[i].entity == last_speaker)
		{
			int			displaced = 0;

			for (uint32_t j = 0; j < n && !displaced; j++)
				displaced = c[j].subject && c[j].entity != last_speaker && c[j].raw < c[i].raw;
			if (!displaced)
				score += 30;
		}
		pick_candidate(&pick, c[i].entity, score);
	}
	return pick;
}

/*
 * The person a he/she at token tok means: of the compatible people named
 * before it (pronoun_may_mean), the most salient one (mention_salience),
 * scored by distance in sentences (the attribution's own sentence first);
 * an unbroken run of sentences just before the pronoun's whose subject is a
 * he/she of the same gender does not count in the distance (Lynch said ...
 * She has faced ... She has called ... she said: one chain back to the
 * person named before it), and a description that is a sentence's
 * subject ("The president's roots ...") is a mention of the person the
 * article titled so.  When none is near, the most recent compatible
 * person the text surely names as one (far_pronoun_may_mean), within the
 * interview turn of the pronoun.  A resolution gives the person that
 * gender only when nothing contradicts it.
 */
uint32_t
q_resolve_pronoun(qctx *q, uint32_t tok, uint8_t gender)
{
	uint32_t	lo;
	uint32_t	sentence = tok < q->doc->ntokens ? q->doc->tokens[tok].sentence : 0;
	uint32_t	last_speaker = QNONE;
	uint32_t	chain[PRONOUN_WINDOW + 1];	/* by raw distance: the he/she sentences
											 * between, in an unbroken run back
											 * from the pronoun's */
	uint32_t	window = 0;
	pronoun_candidate cand[PRONOUN_WINDOW + 1 + PRONOUN_LOOKBACK + 1];
	uint32_t	ncand = 0;
	pronoun_pick pick;

	/* the speaker of the last attributed quote, if in this or the last
	 * paragraph (the last row with a speaker: qctx.last_spoken) */
	if (q->last_spoken > 0)
	{
		const na_quote *prev = &((const na_quote *) q->quotes.items)[q->last_spoken - 1];

		if (tok < q->doc->ntokens && prev->paragraph + 1 >= q->doc->tokens[tok].paragraph)
			last_speaker = (uint32_t) prev->speaker;
	}
	chain[0] = 0;
	if (tok < q->doc->ntokens)
	{
		int			unbroken = 1;	/* every sentence since the pronoun's so far */

		for (window = 1; window <= PRONOUN_WINDOW && window <= sentence; window++)
		{
			unbroken = unbroken &&
				(window < 2 || sentence_continues_pronoun(q, sentence - window + 1, gender));
			chain[window] = chain[window - 1] + (window >= 2 && unbroken);
		}
	}
	/* descriptions as subjects: the president's ..., the senator said */
	for (uint32_t r = 0; r < window; r++)
	{
		uint32_t	distance = r - chain[r];
		uint32_t	e;
		const q_entity *c;

		if (distance > PRONOUN_SENTENCES)
			break;
		if ((e = description_subject(q, sentence - r, tok)) == QNONE ||
			!pronoun_may_mean(q, (c = entity(q, e)), gender))
			continue;
		cand[ncand].entity = e;
		cand[ncand].raw = r;
		cand[ncand].subject = 1;
		cand[ncand++].score = 100 - 30 * (int) distance + 40 + (c->quotes > 0 ? 25 : 0) +
			(c->gender == gender ? 10 : 0) -
			(pronouns_say_otherwise(c, gender) ? PRONOUN_CONTRARY_PENALTY : 0);
	}
	lo = sp_first_mention_from(q, tok);
	for (uint32_t k = lo; k-- > 0 && lo - k <= PRONOUN_LOOKBACK;)
	{
		const q_mention *m = mention(q, k);
		uint32_t	raw = sentence - q->doc->tokens[m->first].sentence;
		uint32_t	distance;

		/* (mentions are in text order: the first out of reach ends the
		 * search, compatible or not) */
		if (raw >= window)
			break;
		distance = raw - chain[raw];
		if (distance > PRONOUN_SENTENCES)
			break;
		/* people named inside quotes are spoken of, not speaking */
		if ((q->in_quote[m->first] & 1) || !pronoun_may_mean(q, entity(q, m->entity), gender) ||
			turn_label(q, m))
			continue;
		cand[ncand].entity = m->entity;
		cand[ncand].raw = raw;
		cand[ncand].score = mention_salience(q, k, distance, gender, &cand[ncand].subject);
		ncand++;
	}
	pick = pick_pronoun_candidate(cand, ncand, last_speaker);
	if (pick.entity == QNONE)
	{
		for (uint32_t k = lo; k-- > 0 && lo - k <= PRONOUN_LOOKBACK;)
		{
			const q_mention *m = mention(q, k);

			/* not past the turn the pronoun is in: someone else's answer */
			if (turn_label(q, m))
				break;
			if (!(q->in_quote[m->first] & 1) && far_pronoun_may_mean(entity(q, m->entity), gender) &&
				pronoun_may_mean(q, entity(q, m->entity), gender))
			{
				pick.entity = m->entity;
				pick.second = pick.score;	/* far away: no evidence of gender */
				break;
			}
		}
	}
	if (pick.entity == QNONE)
		return QNONE;
	{
		q_entity   *e = entity(q, pick.entity);

		/* the pronoun tells the gender when the given name agrees, or
		 * when no one else came near */
		if (e->gender == NA_GENDER_UNKNOWN && !pronouns_say_otherwise(e, gender) &&
			(e->given_gender == gender ||
			 (e->given_gender <= NA_GENDER_UNKNOWN &&
			  (pick.second == INT32_MIN || pick.score - pick.second >= PRONOUN_CLEAR_MARGIN))))
			e->gender = gender;
		e->pronoun_mentions++;
		if (gender == NA_GENDER_MALE && e->he_resolved < UINT8_MAX)
			e->he_resolved++;
		else if (gender == NA_GENDER_FEMALE && e->she_resolved < UINT8_MAX)
			e->she_resolved++;
		return pick.entity;
	}
}

/* Is entity e an organisation: made from a source's noun (the Trump
 * campaign) or named with a word that names organisations, and no group
 * (House Democrats)? */
static int
is_organisation(const qctx *q, const q_entity *e)
{
	return !e->place && !e->strong && !e->person &&
		(e->first_mention == QNONE || names_organisation(q, e)) &&
		!q_in(q, e->name_last, LEX_SOURCE_NOUNS);
}

/* Does a country's name or metonym start at token k (Russia, Beijing, the
 * Kremlin), not a demonym or a people (Swedish, Americans)?  What "it" may
 * mean of the places. */
static int
names_a_country(const qctx *q, uint32_t k)
{
	na_place_match pm;

	return na_place_at(q->doc, k, &pm) &&
		(pm.kind == NA_PLACE_NAME || pm.kind == NA_PLACE_METONYM);
}

/*
 * Can an "it" mean entity e, the source of the attribution before it?  An
 * organisation (is_organisation), or a name with no evidence of a person
 * that reads as no person's: a country (Russia said it would ...), an
 * acronym (the TUC, DrKW), a single word the text capitalises in mid
 * sentence (Yukos, Wipro, BA: companies are named so more often than not,
 * and "it" itself says e is no one).  Never a name with a title, an
 * honorific, a role or a known given name, a guessed person's full name
 * (Ildefonso Guajardo), a group (analysts), nor a word capitalised only
 * where sentences start (Rather, Creditors).
 */
static int
it_may_mean(qctx *q, const q_entity *e)
{
	if (is_organisation(q, e))
		return 1;
	if (e->strong || e->given_gender >= 0 || e->first_mention == QNONE ||
		q_in(q, e->name_last, LEX_SOURCE_NOUNS) || (e->person && !e->place))
		return 0;
	if (e->place)
		return names_a_country(q, e->name_first);
	if (e->name_last > e->name_first || (q->doc->tokens[e->name_first].flags & NA_TF_ALLCAPS))
		return 1;
	/* one capitalised word: a name only if the text capitalises it where a
	 * sentence does not start (Rather, Hopes, Creditors said ... are not) */
	for (uint32_t mi = e->first_mention; mi != QNONE; mi = mention(q, mi)->next)
	{
		const q_mention *m = mention(q, mi);

		if (!(q->doc->tokens[m->first].flags & NA_TF_SENT_START) &&
			(m->title_first == QNONE || m->title_first == m->first))
			return 1;
	}
	return 0;
}

/*
 * "Although the IMF did not name him, it warned ...": an "it" opening a
 * main clause after a subordinate clause that opens the sentence means
 * that clause's subject, when it can be an organisation's name (it_may_mean;
 * not a place: "Although Russia ..., it rained"); QNONE otherwise.  lo
 * is the first mention at or after tok (sp_first_mention_from).
 */
static uint32_t
subordinate_clause_subject(qctx *q, uint32_t tok, uint32_t lo)
{
	const na_token *toks = q->doc->tokens;
	uint32_t	s0;
	uint32_t	k;

	if (tok == 0 || tok >= q->doc->ntokens || !q_is_punct(q, tok - 1, ','))
		return QNONE;
	/* When X examined the claim, it was labeled ...: a passive's "it" is
	 * the thing done to, not the clause's subject */
	if (q_is(q, tok + 1, "was") || q_is(q, tok + 1, "is") || q_is(q, tok + 1, "were"))
		return QNONE;
	/* the first mention of the sentence, right after its conjunction */
	for (k = lo; k-- > 0 && lo - k <= PRONOUN_LOOKBACK;)
	{
		const q_mention *m = mention(q, k);

		if (toks[m->first].sentence != toks[tok].sentence)
			break;
		if (k > 0 && toks[mention(q, k - 1)->first].sentence == toks[tok].sentence)
			continue;
		s0 = m->first;
		while (s0 > 0 && toks[s0 - 1].sentence == toks[tok].sentence && m->first - s0 < 3)
			s0--;
		if (!(toks[s0].flags & (NA_TF_SENT_START | NA_TF_PARA_START)) ||
			!q_word_in(q, s0, NA_LEX_SUBORDINATORS))
			return QNONE;
		/* Although the IMF / Because Moody's: the conjunction, "the", the name */
		if (!(s0 + 1 == m->first || (s0 + 2 == m->first && q_is(q, s0 + 1, "the"))))
			return QNONE;
		if (q->in_quote[m->first] & 1)
			return QNONE;
		return it_may_mean(q, entity(q, m->entity)) && !entity(q, m->entity)->place ?
			m->entity : QNONE;
	}
	return QNONE;
}

/*
 * The organisation an "it" at token tok means: the source of the last
 * attribution before it, in its paragraph or the one before (the
 * Association of Flight Attendants called Clinton a champion ... It said
 * ...), or, when quotations are read before reported speech is, the
 * subject of one of the last two sentences; only when "it" can mean that
 * source or subject (it_may_mean; QNONE otherwise: it is no person, and
 * nothing else is sure enough).
 */
uint32_t
q_resolve_it(qctx *q, uint32_t tok)
{
	uint32_t	para = tok < q->doc->ntokens ? q->doc->tokens[tok].paragraph : 0;
	uint32_t	sentence = tok < q->doc->ntokens ? q->doc->tokens[tok].sentence : 0;
	uint32_t	lo = sp_first_mention_from(q, tok);

	uint32_t	clause = subordinate_clause_subject(q, tok, lo);

	if (clause != QNONE)
		return clause;
	for (size_t x = q->quotes.count; x-- > 0 && q->quotes.count - x <= IT_ROW_LOOKBACK;)
	{
		const na_quote *prev = &((const na_quote *) q->quotes.items)[x];

		/* (bounded: the quotes of two paragraphs at most, and no more rows
		 * than IT_ROW_LOOKBACK) */
		if (prev->paragraph + 1 < para)
			break;
		if (prev->speaker < 0 || prev->first_token >= tok)
			continue;
		return it_may_mean(q, entity(q, (uint32_t) prev->speaker)) ?
			(uint32_t) prev->speaker : QNONE;
	}
	for (uint32_t k = lo; k-- > 0 && lo - k <= PRONOUN_LOOKBACK;)
	{
		const q_mention *m = mention(q, k);
		const na_token *t = &q->doc->tokens[m->first];

		if (sentence - t->sentence > 2)
			break;
		if ((q->in_quote[m->first] & 1) || !sp_starts_sentence(q, k))
			continue;
		/* the nearest subject decides: a person there is no "it" */
		return is_organisation(q, entity(q, m->entity)) ? m->entity : QNONE;
	}
	return QNONE;
}
