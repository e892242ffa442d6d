/*
 * speakers.c - the people of an article: name mentions grouped into
 * entities by surname ("Nikki R. Haley", "Ms. Haley", "Haley"), gender from
 * honorifics and resolved pronouns, role and affiliation from titles and
 * appositions ("The French ambassador, François Delattre"; "President
 * Vladimir V. Putin of Russia"), and pronouns resolved to the most recent
 * compatible person.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "na_lexicon.h"
#include "na_places.h"
#include "na_unicode.h"
#include "quote_internal.h"

/* Mentions looked back at when resolving a pronoun. */
#define PRONOUN_LOOKBACK 40
#define PRONOUN_CLEAR_MARGIN 50	/* score by which a pronoun's person beat the next */
#define PRONOUN_SENTENCES 3		/* sentences back a pronoun's person is looked for first */
#define SUBJECT_REACH 6			/* a sentence's subject starts within its first words */
#define PHRASE_MAX 8			/* tokens of a role phrase */
#define LINK_WINDOW 512			/* entities a new name is compared with */
#define MAX_ALIASES 16			/* spellings kept per speaker */

int
q_is_role_noun(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_ROLE_NOUNS);
}

/* Is token i a title or honorific before a name?  Sets gender and honorific. */
int
q_is_title(const qctx *q, uint32_t i, uint8_t *gender, uint8_t *honorific)
{
	uint64_t	m;

	if (!q_is_cap(q, i))
		return 0;
	*gender = NA_GENDER_UNKNOWN;
	*honorific = 0;
	m = q_lexmask(q, i);
	/* M. Dupuis, but M. Dane Waters has an initial */
	if (q->doc->tokens[i].kind == NA_TK_INITIAL && q_is_cap(q, i + 2))
		return 0;
	if (m & Q_LEX_BIT(LEX_HONORIFICS_MALE))
	{
		*gender = NA_GENDER_MALE;
		*honorific = 1;
		return 1;
	}
	if (m & Q_LEX_BIT(LEX_HONORIFICS_FEMALE))
	{
		*gender = NA_GENDER_FEMALE;
		*honorific = 1;
		return 1;
	}
	if (m & Q_LEX_BIT(LEX_HONORIFICS_NEUTRAL))
	{
		*honorific = 1;
		return 1;
	}
	/* President, Sen., and roles used as titles: Economist Li Wei */
	if (m & (Q_LEX_BIT(LEX_TITLES) | Q_LEX_BIT(LEX_ROLE_NOUNS)))
	{
		if (q_is(q, i, "congresswoman") || q_is(q, i, "chairwoman") ||
			q_is(q, i, "councilwoman") || q_is(q, i, "assemblywoman"))
			*gender = NA_GENDER_FEMALE;
		else if (q_is(q, i, "congressman") || q_is(q, i, "chairman") ||
				 q_is(q, i, "councilman") || q_is(q, i, "assemblyman") ||
				 q_is(q, i, "father"))
			*gender = NA_GENDER_MALE;
		return 1;
	}
	return 0;
}

/* The bytes of token i without a possessive ('s, ’s): its length. */
static uint32_t
token_base_len(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if (q_possessive(q, i))
		return t->len - (p[t->len - 2] == '\'' ? 2 : 4);
	return t->len;
}

/*
 * The kind of organisation token i names (data/lexicon/org_kinds.tsv), or
 * NULL; with described, only a noun that describes one ("the union", not
 * "the workers" or "the times").
 */
static const char *
org_kind_of(const qctx *q, uint32_t i, int described)
{
	const na_token *t = &q->doc->tokens[i];
	int32_t		row;

	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return NULL;
	row = na_lex_lookup(NA_LEX_ORG_KINDS, q->doc->text + t->start, token_base_len(q, i));
	if (row < 0 || (described &&
					strcmp(na_lex_attr(NA_LEX_ORG_KINDS, (uint32_t) row, NA_LEX_ORG_KINDS_DESCRIBED), "yes") != 0))
		return NULL;
	return na_lex_attr(NA_LEX_ORG_KINDS, (uint32_t) row, NA_LEX_ORG_KINDS_KIND);
}

/*
 * Is token i a known given name (data/lexicon/first_names.tsv)?  -1 when
 * not; else the gender it usually means (NA_GENDER_UNKNOWN when used for
 * both).  Evidence of a person, and a check on pronouns: "she" is not
 * Donald Trump.
 */
static int
given_name_gender(const qctx *q, uint32_t i)
{
	int32_t		row;
	const char *g;

	if (!q_is_cap(q, i) || q->doc->tokens[i].kind != NA_TK_WORD)
		return -1;
	row = na_lex_lookup(NA_LEX_FIRST_NAMES, q->doc->text + q->doc->tokens[i].start,
						token_base_len(q, i));
	if (row < 0)
		return -1;
	g = na_lex_attr(NA_LEX_FIRST_NAMES, (uint32_t) row, NA_LEX_FIRST_NAMES_GENDER);
	return strcmp(g, "male") == 0 ? NA_GENDER_MALE :
		strcmp(g, "female") == 0 ? NA_GENDER_FEMALE : NA_GENDER_UNKNOWN;
}

/*
 * Is token i an adverb opening its sentence (Interestingly Blocher said,
 * Maybe Donald Trump …, Afterwards Trump …)?  A sentence opener of the
 * lexicon, or a word in -ly before a capital that is no given name (Kelly,
 * Emily): no name begins with it.
 */
static int
sentence_adverb(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *end;

	/* “Certainly Donald Trump has …: a quotation opens a sentence too */
	if (t->kind != NA_TK_WORD ||
		!((t->flags & (NA_TF_SENT_START | NA_TF_PARA_START)) ||
		  (i > 0 && q->doc->tokens[i - 1].kind == NA_TK_OPEN_QUOTE)))
		return 0;
	if (q_in(q, i, LEX_SENTENCE_OPENERS))
		return 1;
	end = q->doc->text + t->start + t->len;
	/* Connolly said: a surname; Interestingly Blocher said, Initially,
	 * regulators said: an adverb */
	return t->len >= 6 && end[-2] == 'l' && end[-1] == 'y' && i + 1 < q->doc->ntokens &&
		(q_is_cap(q, i + 1) || q_is_punct(q, i + 1, ',')) && given_name_gender(q, i) < 0;
}

/*
 * The words at token i written before a name but never part of it (a party,
 * a state, a description: data/lexicon/name_prefixes.tsv): how many tokens
 * (0, 1 or 2), and their kind.
 */
static uint32_t
name_prefix_at(const qctx *q, uint32_t i, uint8_t *kind)
{
	uint32_t	n = 0;
	int32_t		row;
	const char *k;

	if (!q_is_cap(q, i) || q_possessive(q, i))
		return 0;
	row = na_lex_longest(NA_LEX_NAME_PREFIXES, q->doc, i, &n);
	if (row < 0 || n == 0)
		return 0;
	for (uint32_t x = i + 1; x < i + n; x++)
		if (!q_is_cap(q, x))
			return 0;
	k = na_lex_attr(NA_LEX_NAME_PREFIXES, (uint32_t) row, NA_LEX_NAME_PREFIXES_KIND);
	*kind = strcmp(k, "party") == 0 ? Q_PREFIX_PARTY :
		strcmp(k, "state") == 0 ? Q_PREFIX_STATE : Q_PREFIX_DESCRIPTOR;
	return n;
}

static q_entity *
entity(qctx *q, uint32_t e)
{
	return &((q_entity *) q->entities.items)[e];
}

static q_mention *
mention(qctx *q, uint32_t m)
{
	return &((q_mention *) q->mentions.items)[m];
}

/* Does the name [first, last] read as a person's (no place, no organisation)? */
/* place_at_first: na_place_at(first) when the caller knows it, else -1 */
static int
looks_like_person(const qctx *q, uint32_t first, uint32_t last, int place_at_first)
{
	na_place_match pm;
	int			words = 0;

	if (q_in(q, last, LEX_ORG_WORDS) || q_in(q, first, LEX_ORG_WORDS))
		return 0;
	if (place_at_first < 0)
		place_at_first = na_place_at(q->doc, first, &pm);
	if (place_at_first)
		return 0;
	for (uint32_t k = first; k <= last; k++)
	{
		if (q->doc->tokens[k].flags & NA_TF_ALLCAPS && q->doc->tokens[k].kind == NA_TK_WORD)
			return 0;
		words += q->doc->tokens[k].kind == NA_TK_WORD && q->doc->tokens[k].clen > 1;
	}
	return words > 0;
}

/* An apposition next to the name that holds a role noun: a person. */
static int
has_role_apposition(const qctx *q, uint32_t first, uint32_t last)
{
	if (first >= 2 && q_is_punct(q, first - 1, ','))
	{
		for (uint32_t k = first - 2; k != QNONE && first - 2 - k < 3; k--)
		{
			if (q_is_role_noun(q, k))
				return 1;
			if (!q_is_word(q, k))
				break;
		}
	}
	if (q_is_punct(q, last + 1, ','))
	{
		for (uint32_t k = last + 2; k < q->doc->ntokens && k - last - 2 < PHRASE_MAX; k++)
		{
			if (q_is_role_noun(q, k))
				return 1;
			if (!q_is_word(q, k) && q->doc->tokens[k].kind != NA_TK_ABBREV)
				break;
		}
	}
	return 0;
}

static int	same_word_any_case(const qctx *q, uint32_t a, uint32_t b);

/* Two names [a1,a2] and [b1,b2] spelled alike (possessives ignored; a
 * particle in either case: De Blasio and Bill de Blasio)? */
static int
same_name(const qctx *q, uint32_t a1, uint32_t a2, uint32_t b1, uint32_t b2)
{
	if (a2 - a1 != b2 - b1)
		return 0;
	for (uint32_t k = 0; k <= a2 - a1; k++)
		if (!q_same_base(q, a1 + k, b1 + k) &&
			!(k < a2 - a1 && q_in(q, a1 + k, LEX_NAME_PARTICLES) &&
			  same_word_any_case(q, a1 + k, b1 + k)))
			return 0;
	return 1;
}

/* A hash of a name token without its possessive: Haley and Haley’s agree,
 * so do O’Neill and O'Neill. */
static uint32_t
name_key(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;
	uint32_t	len = t->len;

	uint32_t	h = 0x811C9DC5u;

	if (q_possessive(q, i))
		len -= p[len - 2] == '\'' ? 2 : 4;
	/* na_fnv1a, with ’ hashed as ' (O’Neill and O'Neill are one name) */
	for (uint32_t k = 0; k < len; k++)
	{
		uint32_t	a = q_apostrophe_at(p + k, len - k);

		h ^= a ? (unsigned char) '\'' : (unsigned char) p[k];
		h *= 0x01000193u;
		if (a)
			k += a - 1;
	}
	return h;
}

/* Do tokens (first, last) hold an "of" or "for" (Bank of England)? */
static int
name_has_joint(const qctx *q, uint32_t first, uint32_t last)
{
	for (uint32_t k = first + 1; k < last; k++)
		if (q_is(q, k, "of") || q_is(q, k, "for"))
			return 1;
	return 0;
}

/*
 * Does entity c take the mention m (of ntok tokens, with these keys)?  The
 * same spelling; a surname alone (Haley -> Nikki R. Haley); the end of a
 * longer name (Suu Kyi -> Aung San Suu Kyi); a known given name alone
 * (Hillary -> Hillary Clinton) of someone who is surely a person, so that
 * "Trump" never becomes "Trump Tower Grill".  Never across genders: Mr.
 * Clinton is not Hillary Clinton.
 */
static int
entity_takes(const qctx *q, const q_entity *c, const q_mention *m, uint32_t ntok,
			 uint32_t last_key, uint32_t first_key)
{
	uint32_t	cn = c->name_last - c->name_first + 1;

	if (m->gender != NA_GENDER_UNKNOWN &&
		((c->gender != NA_GENDER_UNKNOWN && c->gender != m->gender) ||
		 (c->given_gender > NA_GENDER_UNKNOWN && c->given_gender != m->gender)))
		return 0;
	if (c->last_key == last_key)
	{
		if (cn == ntok && same_name(q, c->name_first, c->name_last, m->first, m->last))
			return 1;
		/* Haley -> Nikki R. Haley; Ms. Haley -> Nikki R. Haley (but
		 * England is not the Bank of England, nor Trump a Coalition for
		 * Trump: a name over of/for ends in no head of its own) */
		if (!c->place && (ntok == 1 || cn == 1) && q_same_base(q, c->name_last, m->last) &&
			!(cn > 2 && name_has_joint(q, c->name_first, c->name_last)))
			return 1;
		/* Suu Kyi -> Aung San Suu Kyi, and the reverse */
		if (!c->place && cn > ntok && ntok >= 2 &&
			same_name(q, c->name_last - ntok + 1, c->name_last, m->first, m->last))
			return 1;
		if (!c->place && ntok > cn && cn >= 2 &&
			same_name(q, c->name_first, c->name_last, m->last - cn + 1, m->last))
			return 1;
	}
	/* Hillary -> Hillary Clinton (first names of known people) */
	return ntok == 1 && cn >= 2 && c->first_key == first_key && c->person && c->strong &&
		!c->place && q_same_base(q, c->name_first, m->first) &&
		given_name_gender(q, m->first) >= 0;
}

static uint32_t
key_bucket(uint32_t key)
{
	return (key ^ (key >> 13)) & (Q_KEY_BUCKETS - 1);
}

/* File entity e under a name key it has (stale entries are checked on use). */
static int
index_key(qctx *q, uint32_t key, uint32_t e)
{
	uint32_t	b = key_bucket(key);
	uint32_t   *node = na_vec_push(&q->key_nodes, q->mem);

	if (node == NULL)
		return 0;
	node[0] = e;
	node[1] = q->key_heads[b];
	q->key_heads[b] = (uint32_t) q->key_nodes.count;
	return 1;
}

/*
 * The entity (of the last LINK_WINDOW) that takes mention m: the most
 * recent, or for a surname alone the one named most; only entities filed
 * under its keys can take it, so only those are compared.
 */
static uint32_t
find_entity(const qctx *q, const q_mention *m, uint32_t ntok, uint32_t last_key,
			uint32_t first_key)
{
	uint32_t	n = (uint32_t) q->entities.count;
	uint32_t	lo = n > LINK_WINDOW ? n - LINK_WINDOW : 0;
	uint32_t	best = QNONE;
	uint32_t	best_mentions = 0;
	const uint32_t *nodes = q->key_nodes.items;

	for (int pass = 0; pass < (ntok == 1 && first_key != last_key ? 2 : 1); pass++)
	{
		uint32_t	key = pass == 0 ? last_key : first_key;

		for (uint32_t x = q->key_heads[key_bucket(key)]; x != 0; x = nodes[(x - 1) * 2 + 1])
		{
			uint32_t	k = nodes[(x - 1) * 2];

			const q_entity *c = &((const q_entity *) q->entities.items)[k];

			if (k < lo || k == best)
				continue;
			/*
			 * a surname alone that two people of the article take (Clinton
			 * after Hillary Clinton and Bill Clinton): the one the article
			 * names most, the person it is about; else the most recent
			 */
			if (best != QNONE &&
				!(ntok == 1 && c->mentions > best_mentions) &&
				!(k > best && !(ntok == 1 && c->mentions < best_mentions)))
				continue;
			if (entity_takes(q, c, m, ntok, last_key, first_key))
			{
				best = k;
				best_mentions = c->mentions;
			}
		}
	}
	return best;
}

/* The entity a new mention [first, last] refers to, or a new one. */
static int
link_mention(qctx *q, q_mention *m, uint32_t mi)
{
	uint32_t	ntok = m->last - m->first + 1;
	uint32_t	best;
	uint32_t	last_key = name_key(q, m->last);
	uint32_t	first_key = m->first == m->last ? last_key : name_key(q, m->first);
	q_entity   *e;

	/*
	 * De Blasio (a sentence's first word) after Bill de Blasio: a particle
	 * and a surname are the surname alone, no first name
	 */
	uint32_t	link_ntok = ntok;

	if (ntok == 2 && q_in(q, m->first, LEX_NAME_PARTICLES))
	{
		link_ntok = 1;
		first_key = last_key;
	}
	/* the most recent entities only: bounded work on book-length input */
	best = find_entity(q, m, link_ntok, last_key, first_key);
	if (best == QNONE)
	{
		e = na_vec_push(&q->entities, q->mem);
		if (e == NULL)
			return 0;
		memset(e, 0, sizeof(*e));
		e->name_first = m->first;
		e->name_last = m->last;
		e->last_key = last_key;
		e->first_key = first_key;
		e->first_mention = mi;
		e->last_mention = QNONE;
		e->speaker = -1;
		e->given_gender = (int8_t) given_name_gender(q, m->first);
		best = (uint32_t) q->entities.count - 1;
		if (!index_key(q, last_key, best) ||
			(first_key != last_key && !index_key(q, first_key, best)))
			return 0;
	}
	e = entity(q, best);
	/* the fullest name the article uses is the canonical one */
	if (ntok > e->name_last - e->name_first + 1)
	{
		if ((last_key != e->last_key && !index_key(q, last_key, best)) ||
			(first_key != e->first_key && first_key != last_key &&
			 !index_key(q, first_key, best)))
			return 0;
		e = entity(q, best);
		e->name_first = m->first;
		e->name_last = m->last;
		e->last_key = last_key;
		e->first_key = first_key;
		e->given_gender = (int8_t) given_name_gender(q, m->first);
	}
	e->mentions++;
	if (m->gender && !e->gender)
		e->gender = m->gender;
	m->entity = best;
	m->next = QNONE;
	if (e->last_mention != QNONE)
		mention(q, e->last_mention)->next = mi;
	e->last_mention = mi;
	return 1;
}

/*
 * Is the sentence of token i English?  Then a leading "Le" or "La" is part
 * of a name (Le Pen said), not a French article.
 */
static int
english_sentence(const qctx *q, uint32_t i)
{
	uint32_t	s = q->doc->tokens[i].sentence;
	uint32_t	end;

	if (s >= q->doc->nsentences)
		return 1;
	end = q->doc->sentences[s].first_token + q->doc->sentences[s].ntokens;
	for (uint32_t k = q->doc->sentences[s].first_token; k < end && k < q->doc->ntokens; k++)
	{
		const na_token *t = &q->doc->tokens[k];

		/* the, and, of, said...: data/lexicon/english_markers.tsv */
		if (t->kind == NA_TK_WORD &&
			na_lex_has(NA_LEX_ENGLISH_MARKERS, q->doc->text + t->start, t->len))
			return 1;
	}
	return 0;
}

/*
 * Is the paragraph [from, to) a byline: "By Jane Doe", "By JANE DOE and
 * Tom Reyes, Reuters"?  Its author writes the article and is quoted in none
 * of it: a byline must not give "she said" an antecedent (issue 15).
 */
static int
is_byline(const qctx *q, uint32_t from, uint32_t to)
{
	const na_doc *doc = q->doc;

	if (to - from < 2 || to - from > 12 || !q_is(q, from, "by") ||
		!(doc->tokens[from].flags & NA_TF_CAPITALIZED))
		return 0;
	for (uint32_t k = from + 1; k < to; k++)
	{
		const na_token *t = &doc->tokens[k];

		if (!((t->kind == NA_TK_WORD && (t->flags & NA_TF_CAPITALIZED)) ||
			  t->kind == NA_TK_INITIAL || q_is(q, k, "and") ||
			  (t->kind == NA_TK_PUNCT && t->len == 1 && doc->text[t->start] == ',')))
			return 0;
	}
	return 1;
}

/*
 * Does the paragraph [from, to) attribute a quote, with a lower-case cue
 * after a closing mark (“Private,” said Rosa Lind.)?  Then it is no
 * headline, however capitalized.
 */
static int
attributes_quote(const qctx *q, uint32_t from, uint32_t to)
{
	int			closed = 0;

	for (uint32_t k = from; k < to; k++)
	{
		const na_token *t = &q->doc->tokens[k];

		if (t->kind == NA_TK_CLOSE_QUOTE)
			closed = 1;
		else if (closed && t->kind == NA_TK_WORD && !(t->flags & NA_TF_CAPITALIZED) &&
				 !(q->in_quote[k] & 1) && q_in(q, k, LEX_SPEECH_VERBS))
			return 1;
	}
	return 0;
}

/*
 * Is token k the surname of someone the article has already named as
 * surely a person (Trump after Donald Trump)?
 */
static int
known_person(const qctx *q, uint32_t k)
{
	uint32_t	key = name_key(q, k);
	const uint32_t *nodes = q->key_nodes.items;

	for (uint32_t x = q->key_heads[key_bucket(key)]; x != 0; x = nodes[(x - 1) * 2 + 1])
	{
		const q_entity *e = &((const q_entity *) q->entities.items)[nodes[(x - 1) * 2]];

		if (e->person && e->strong && !e->place && e->last_key == key &&
			q_same_base(q, e->name_last, k))
			return 1;
	}
	return 0;
}

/*
 * Is token j an "of" or "for" inside an organisation's name: after a word
 * that names organisations (Association, Center, Ministry, Workers:
 * data/lexicon/quote_org_words.tsv, org_kinds.tsv) and before a capital
 * (the Association of Flight Attendants, the Center for American
 * Progress, United Mine Workers of America)?
 */
static int
organisation_joint(const qctx *q, uint32_t j)
{
	const na_token *t = &q->doc->tokens[j - 1];

	if (!(q_is(q, j, "of") || q_is(q, j, "for")) || !q_is_cap(q, j + 1) ||
		q_in(q, j + 1, LEX_STOP_CAPS) || q_possessive(q, j - 1))
		return 0;
	if (!q_in(q, j - 1, LEX_ORG_WORDS) &&
		!na_lex_has(NA_LEX_ORG_KINDS, q->doc->text + t->start, t->len))
		return 0;
	/* a Coalition for Trump, the East Room for Obama: a person named after
	 * it is no part of the name */
	if ((q_is(q, j, "for") && given_name_gender(q, j + 1) >= 0) || known_person(q, j + 1))
		return 0;
	return 1;
}

int
q_collect_names(qctx *q)
{
	const na_doc *doc = q->doc;
	const na_token *toks = doc->tokens;
	uint32_t	n = doc->ntokens;
	uint32_t	checked_block = UINT32_MAX;	/* interrupts checked per 4096 tokens */

	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	j;
		uint32_t	title_first = QNONE;

		uint8_t		gender = 0;
		uint8_t		honorific = 0;
		uint8_t		g,
					h;
		uint32_t	first;
		q_mention  *m;
		na_place_match pm;
		int			place = 0;
		int			prefixed;
		uint32_t	place_checked;
		int			place_found;

		/* most tokens are lower case and inside a paragraph: skip them first */
		if (i != 0 && !(toks[i].flags & (NA_TF_CAPITALIZED | NA_TF_PARA_START)))
		{
			do
				i++;
			while (i < n && !(toks[i].flags & (NA_TF_CAPITALIZED | NA_TF_PARA_START)));
			if (i >= n)
				break;
		}
		j = i;
		/* a headline (most words capitalized) names no one reliably */
		if (i == 0 || (doc->tokens[i].flags & NA_TF_PARA_START))
		{
			uint32_t	words = 0,
						caps = 0,
						k = i;

			/* counted without branches: which tokens are words is a coin toss */
			do
			{
				uint32_t	is_word = toks[k].kind == NA_TK_WORD;

				words += is_word;
				caps += is_word & ((toks[k].flags & NA_TF_CAPITALIZED) != 0);
				k++;
			} while (k < n && !(toks[k].flags & NA_TF_PARA_START));
			if ((words >= 4 && caps * 10 >= words * 7 && !attributes_quote(q, i, k)) ||
				is_byline(q, i, k))
			{
				i = k - 1;
				continue;
			}
		}
		if ((i >> 12) != checked_block)
		{
			checked_block = i >> 12;
			na_check_interrupts(q->mem);
		}
		/* most tokens are lower case: reject them before anything else */
		if (!(doc->tokens[i].flags & NA_TF_CAPITALIZED) || !q_is_cap(q, i))
			continue;
		while (j < n && j - i < 3 && q_is_title(q, j, &g, &h) && q_is_cap(q, j + 1) &&
			   !q_in(q, j + 1, LEX_STOP_CAPS))
		{
			if (title_first == QNONE)
				title_first = j;
			if (g)
				gender = g;
			honorific |= h;
			j++;
			/* Secretary of State John Kerry */
			if (q_is(q, j, "of") && q_is_cap(q, j + 1) && q_is_cap(q, j + 2))
				j += 2;
		}
		/* Pour Bernard Lemaire / El Parlamento: a function word, no name */
		if ((doc->tokens[i].flags & (NA_TF_SENT_START | NA_TF_PARA_START)) &&
			q_in(q, i, LEX_FOREIGN_OPENERS) && q_is_cap(q, i + 1) && !english_sentence(q, i))
			continue;
		if (title_first == QNONE && (q_in(q, j, LEX_STOP_CAPS) || sentence_adverb(q, j) ||
									 (doc->tokens[j].kind == NA_TK_ABBREV &&
									  !q_is_cap(q, j + 1))))
			continue;
		first = j;
		place_checked = first;
		place_found = na_place_at(doc, first, &pm);
		if (place_found && !(pm.flags & NA_PLACE_AMBIGUOUS))
		{
			place = 1;
			j = first + pm.ntokens;
		}
		else
		{
			while (j < n && j - first < 6)
			{
				const na_token *t = &doc->tokens[j];

				if (j > first && (t->flags & (NA_TF_PARA_START | NA_TF_SENT_START)))
					break;
				if ((t->kind == NA_TK_WORD || t->kind == NA_TK_INITIAL) &&
					(t->flags & NA_TF_CAPITALIZED))
				{
					/* Haley The; Trump Wednesday: no part of the name */
					if (j > first && (q_in(q, j, LEX_RUN_BREAKERS) ||
									  q_in(q, j, LEX_WEEKDAY_WORDS)))
						break;
					j++;
					if (q_possessive(q, j - 1))
						break;
					continue;
				}
				if (j > first && (q_in(q, j, LEX_NAME_PARTICLES) && q_is_cap(q, j + 1)))
				{
					j++;
					continue;
				}
				/* Association of Flight Attendants, Center for American
				 * Progress: an organisation's name runs on over of/for */
				if (j > first && j + 1 - first < 6 && organisation_joint(q, j))
				{
					j++;
					continue;
				}
				if (j > first && q_in(q, j, LEX_NAME_SUFFIXES))
				{
					j++;
					continue;
				}
				break;
			}
		}
		if (j == first)
		{
			i = j > i ? j - 1 : i;
			continue;
		}
		/* Veto Power Impedes Peace Efforts: a paragraph's heading, no name */
		if (!place && title_first == QNONE && j - first >= 4 && q_is_punct(q, j, ':') &&
			(toks[first].flags & NA_TF_PARA_START))
		{
			i = j - 1;
			continue;
		}
		/*
		 * CONGRESS HAS INVESTIGATED HIM: a shouted headline, no name; NEW
		 * YORK at a paragraph's start: a dateline (a transcript's DONALD
		 * TRUMP: keeps its colon)
		 */
		if (!place && (j - first >= 3 ||
					   (j - first == 2 && (toks[first].flags & NA_TF_PARA_START) &&
						!q_is_punct(q, j, ':'))))
		{
			uint32_t	caps = 0;

			for (uint32_t k = first; k < j; k++)
				caps += (toks[k].flags & NA_TF_ALLCAPS) && toks[k].kind == NA_TK_WORD &&
					toks[k].clen > 1;
			if (caps == j - first)
			{
				i = j - 1;
				continue;
			}
		}
		/*
		 * Trump Booed After Telling Jeb Bush: a capitalised preposition
		 * inside a run of capitals makes it a headline in title case (a
		 * live blog's entry glued to its text), no name
		 */
		if (!place && title_first == QNONE && j - first >= 3)
		{
			uint32_t	k;

			for (k = first + 1; k < j; k++)
				if (q_is_cap(q, k) && q_in(q, k, LEX_CLAUSE_PREPOSITIONS))
					break;
			if (k < j)
			{
				i = j - 1;
				continue;
			}
		}
		if (!place && j - first > 2)
		{
			/* Fire Chief Dan Ortiz: the words up to a title are the title */
			for (uint32_t k = j - 2; k > first; k--)
			{
				/* (the National Conference of State Legislatures: no title) */
				if (q_is_title(q, k, &g, &h) && !h && !q_is(q, k - 1, "of") &&
					!q_is(q, k - 1, "for"))
				{
					if (title_first == QNONE)
						title_first = first;
					first = k + 1;
					break;
				}
			}
			/*
			 * Opposition MP David Okafor, East Midlands MEP Ann Hill: an
			 * acronym (MP, MEP, CEO) before a given name ends a title
			 */
			for (uint32_t k = first + 1; k + 1 < j; k++)
			{
				if ((toks[k].flags & NA_TF_ALLCAPS) && toks[k].kind == NA_TK_WORD &&
					toks[k].clen >= 2 && toks[k].clen <= 4 && given_name_gender(q, k + 1) >= 0)
				{
					if (title_first == QNONE)
						title_first = first;
					first = k + 1;
					break;
				}
			}
		}
		/*
		 * Republican Donald Trump, Vermont Bernie Sanders, Rival Hillary
		 * Clinton: a party, a state or a description before a given name
		 * is no part of the name (Democratic National Committee keeps its
		 * words: no given name follows); Republican Trump keeps "Trump".
		 */
		prefixed = 0;
		if (!place)
		{
			uint8_t		kind = 0;
			uint32_t	np;
			uint32_t	k = first;

			/*
			 * the chain of prefixes from first (a name has at most six
			 * words), each link's answer kept, the last one's too: the loop
			 * after this one asks the same questions
			 */
			uint32_t	chain_np[8];
			uint8_t		chain_kind[8];
			uint32_t	nchain = 0;

			/* South Carolina Republican: a description made of prefixes, no name */
			while (k < j)
			{
				np = name_prefix_at(q, k, &kind);
				if (nchain < sizeof(chain_np) / sizeof(chain_np[0]))
				{
					chain_np[nchain] = np;
					chain_kind[nchain++] = kind;
				}
				if (np == 0 || k + np > j)
					break;
				k += np;
			}
			if (k == j && title_first == QNONE && j - first >= 2)
			{
				i = j - 1;
				continue;
			}

			/* the prefixes the name drops: the first links of that chain */
			for (uint32_t c = 0;
				 first + 1 < j &&
				 (np = c < nchain ? (kind = chain_kind[c], chain_np[c]) :
				  name_prefix_at(q, first, &kind)) > 0 &&
				 first + np < j &&
				 (given_name_gender(q, first + np) >= 0 ||
				  (kind == Q_PREFIX_PARTY && first + np + 1 == j &&
				   !q_in(q, first + np, LEX_ORG_WORDS) &&
				   !q_in(q, first + np, LEX_STOP_CAPS)));
				 c++)
			{
				first += np;
				prefixed = 1;
			}
		}
		m = na_vec_push(&q->mentions, q->mem);
		if (m == NULL)
			return 0;
		m->first = first;
		m->last = j - 1;
		m->title_first = title_first;
		m->honorific = honorific;
		m->gender = gender;
		if (!link_mention(q, m, (uint32_t) q->mentions.count - 1))
			return 0;
		{
			q_entity   *e = entity(q, m->entity);

			uint32_t	before = (title_first != QNONE ? title_first : m->first);
			/* a Retired American Warriors conference: a name used as a modifier */
			int			modifier = title_first == QNONE && !prefixed && before > 0 &&
				(q_is(q, before - 1, "a") || q_is(q, before - 1, "an") ||
				 q_is(q, before - 1, "the"));

			if (place)
				e->place = 1;
			else if (modifier)
				;
			else if (title_first != QNONE || prefixed || has_role_apposition(q, m->first, m->last) ||
					 (m->last > m->first && given_name_gender(q, m->first) >= 0 &&
					  !q_in(q, m->last, LEX_ORG_WORDS)))
				e->person = e->strong = 1;
			else if (m->last > m->first &&
					 looks_like_person(q, m->first, m->last,
									   m->first == place_checked ? place_found : -1))
				e->person = 1;
		}
		for (uint32_t k = (title_first != QNONE ? title_first : first); k < j; k++)
			q->mention_at[k] = (uint32_t) q->mentions.count;
		i = j - 1;
	}
	return 1;
}

/*
 * Is mention m, inside a source phrase ending at token last, a name that
 * qualifies a role noun after it ("Tory spokesman", "Clinton campaign
 * chairman") rather than the source itself?
 */
static int
role_modifier(const qctx *q, const q_mention *m, uint32_t last)
{
	for (uint32_t k = m->last + 1; k <= last && k <= m->last + 3; k++)
	{
		if (!q_is_word(q, k) || q_is_cap(q, k))
			return 0;
		if (q_is_role_noun(q, k))
			return 1;
	}
	return 0;
}

/*
 * The entity a source phrase [first, last] names: of the mentions inside it,
 * the last that is surely a person, else the last person, else the last
 * one; so "Michael Mulgrew, president of the United Federation of
 * Teachers" is Mulgrew and "Clinton's memoir Living History" is Clinton,
 * while "Clinton spokesman Jesse Lehrich" is Lehrich.  QNONE when none.
 */
uint32_t
q_mention_ending_in(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	any = QNONE;
	uint32_t	person = QNONE;

	for (uint32_t k = last + 1; k-- > first;)
	{
		const q_mention *m;
		const q_entity *e;

		if (!q->mention_at[k])
			continue;
		m = &((const q_mention *) q->mentions.items)[q->mention_at[k] - 1];
		e = &((const q_entity *) q->entities.items)[m->entity];
		/* a Tory spokesman: the name qualifies a role, the source is unnamed */
		if (role_modifier(q, m, last))
		{
			/* past the mention's own tokens, its title's too */
			k = m->title_first != QNONE && m->title_first < m->first ? m->title_first : m->first;
			if (k <= first)
				break;
			continue;
		}
		if (any == QNONE)
			any = m->entity;
		if (e->person && !e->place && e->strong)
			return m->entity;
		if (e->person && !e->place && person == QNONE)
			person = m->entity;
		/* the mention's own tokens are done */
		k = m->title_first != QNONE && m->title_first < m->first ? m->title_first : m->first;
		if (k <= first)
			break;
	}
	return person != QNONE ? person : any;
}

/*
 * Is mention m a modifier of what follows rather than someone acting: a
 * name before a role (Clinton communication director Jennifer Palmieri),
 * before a noun that makes an organisation of it (the Clinton campaign,
 * the Obama administration) or a possessive (Trump's spokesman)?
 */
static int
modifier_mention(const qctx *q, const q_mention *m)
{
	uint32_t	k = m->last + 1;

	if (q_possessive(q, m->last))
		return 1;
	if (k < q->doc->ntokens && q_is_word(q, k) && !q_is_cap(q, k) &&
		na_lex_has(NA_LEX_ORG_HEADS_AFTER_NAME, q->doc->text + q->doc->tokens[k].start,
				   token_base_len(q, k)))
		return 1;
	for (; k < q->doc->ntokens && k <= m->last + 3 && q_is_word(q, k) && !q_is_cap(q, k); k++)
		if (q_is_role_noun(q, k))
			return 1;
	return 0;
}

/* Does the mention open its sentence (after a few words: The French ambassador, X)? */
static int
starts_sentence(qctx *q, uint32_t k)
{
	const q_mention *m = mention(q, k);
	uint32_t	first = m->title_first != QNONE ? m->title_first : m->first;
	uint32_t	s = q->doc->tokens[first].sentence;

	if (s >= q->doc->nsentences || first - q->doc->sentences[s].first_token > SUBJECT_REACH)
		return 0;
	/* the first person of the sentence, not a second one: X praised Y */
	for (uint32_t j = k; j-- > 0;)
	{
		const q_mention *o = mention(q, j);

		if (q->doc->tokens[o->first].sentence != s)
			break;
		if (entity(q, o->entity)->person && !entity(q, o->entity)->place &&
			(entity(q, o->entity)->strong || entity(q, o->entity)->quotes > 0) &&
			!modifier_mention(q, o))
			return 0;
	}
	return 1;
}

/*
 * Look up once what entity e's name says of an organisation: whether a
 * word of it names organisations (quote_org_words.tsv, org_kinds.tsv) and
 * the first kind of org_kinds.tsv among its capitalised words.  Called
 * during attribution, when the names are final; pronouns and descriptions
 * ask it of the same entities again and again.
 */
static void
organisation_words(const qctx *q, q_entity *e)
{
	if (e->org_checked)
		return;
	e->org_checked = 1;
	for (uint32_t k = e->name_first; k <= e->name_last; k++)
	{
		const char *o;

		if (!q_is_cap(q, k))
			continue;
		o = org_kind_of(q, k, 0);
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
	organisation_words(q, (q_entity *) e);
	return e->org_named;
}

/*
 * Can entity e be the person a pronoun of this gender means?  A person
 * (not a place, an event or an organisation: a name with a title, an
 * honorific, a role, a known given name, or someone already quoted under
 * a full name), and not of the other gender, whether the article says so or the
 * given name does.
 */
static int
pronoun_may_mean(const qctx *q, const q_entity *e, uint8_t gender)
{
	/* quoted counts for a full name only: since reported speech groups are
	 * quoted too (Unions criticised the plan) */
	if (e->place || !(e->person || (e->quotes > 0 && e->name_last > e->name_first)))
		return 0;
	/* the Department of Trade, the Centre for Vision: no he or she */
	if (!e->strong && names_organisation(q, e))
		return 0;
	if (e->gender != NA_GENDER_UNKNOWN && e->gender != gender)
		return 0;
	if (e->given_gender > NA_GENDER_UNKNOWN && e->given_gender != gender)
		return 0;
	return 1;
}

/* The first mention at or after token tok (mentions are in text order). */
static uint32_t
first_mention_from(qctx *q, uint32_t tok)
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

static uint32_t office_holder(qctx *q, uint32_t first, uint32_t last, int possessive_ok);
static const char *office_of(const qctx *q, uint32_t i);

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
		if (office_of(q, j) != NULL)
		{
			/* The foreign secretary, Jack Straw, ...: the name is the
			 * subject, a mention of its own; the president's office, the
			 * mayor's spokesman: an organisation or someone else */
			if (q_is_punct(q, j + 1, ',') && q_is_cap(q, j + 2))
				return QNONE;
			if (q_possessive(q, j) && j + 1 < end &&
				(na_lex_has(NA_LEX_POSSESSOR_NOT_SUBJECT, q->doc->text + q->doc->tokens[j + 1].start,
							token_base_len(q, j + 1)) ||
				 org_kind_of(q, j + 1, 1) != NULL || q_is_role_noun(q, j + 1)))
				return QNONE;
			return office_holder(q, k, j, 1);
		}
	}
	return QNONE;
}

/*
 * How salient mention k (of a person a he/she may mean) is for a pronoun
 * `distance` sentences after it: the subject of its sentence (*subject set)
 * and someone the article quotes weigh more, a name that only qualifies a
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

	*subject = 0;
	if (modifier_mention(q, m))
		score -= 40;
	else if ((e->strong || e->quotes > 0) && starts_sentence(q, k))
	{
		score += 40;
		*subject = 1;
	}
	if (e->quotes > 0)
		score += 25;
	if (e->gender == gender)
		score += 10;
	if (!e->strong && e->quotes == 0)
		score -= 40;
	if (before > 0 && q_in(q, before - 1, LEX_CLAUSE_PREPOSITIONS) &&
		!(q->doc->tokens[before].flags & NA_TF_SENT_START))
		score -= 35;
	if (q_possessive(q, m->last))
		score -= 20;
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
 * person.  A resolution gives the person that gender only when nothing
 * contradicts it.
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

	/* the speaker of the last attributed quote, if in this or the last paragraph */
	for (size_t x = q->quotes.count; x-- > 0;)
	{
		const na_quote *prev = &((const na_quote *) q->quotes.items)[x];

		if (prev->speaker < 0)
			continue;
		if (tok < q->doc->ntokens && prev->paragraph + 1 >= q->doc->tokens[tok].paragraph)
			last_speaker = (uint32_t) prev->speaker;
		break;
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
			(c->gender == gender ? 10 : 0);
	}
	lo = first_mention_from(q, tok);
	for (uint32_t k = lo; k-- > 0 && lo - k <= PRONOUN_LOOKBACK;)
	{
		const q_mention *m = mention(q, k);
		uint32_t	raw = sentence - q->doc->tokens[m->first].sentence;
		uint32_t	distance;

		/* people named inside quotes are spoken of, not speaking */
		if ((q->in_quote[m->first] & 1) || !pronoun_may_mean(q, entity(q, m->entity), gender))
			continue;
		if (raw >= window)
			break;
		distance = raw - chain[raw];
		if (distance > PRONOUN_SENTENCES)
			break;
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

			if (!(q->in_quote[m->first] & 1) && pronoun_may_mean(q, entity(q, m->entity), gender))
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
		if (e->gender == NA_GENDER_UNKNOWN &&
			(e->given_gender == gender ||
			 (e->given_gender <= NA_GENDER_UNKNOWN &&
			  (pick.second == INT32_MIN || pick.score - pick.second >= PRONOUN_CLEAR_MARGIN))))
			e->gender = gender;
		e->pronoun_mentions++;
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
	uint32_t	lo = first_mention_from(q, tok);

	for (size_t x = q->quotes.count; x-- > 0;)
	{
		const na_quote *prev = &((const na_quote *) q->quotes.items)[x];

		/* (bounded: the quotes of two paragraphs at most) */
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
		if ((q->in_quote[m->first] & 1) || !starts_sentence(q, k))
			continue;
		/* the nearest subject decides: a person there is no "it" */
		return is_organisation(q, entity(q, m->entity)) ? m->entity : QNONE;
	}
	return QNONE;
}

/* The office a title or description noun names (data/lexicon/role_offices.tsv), or NULL. */
static const char *
office_of(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	int32_t		row;

	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return NULL;
	row = na_lex_lookup(NA_LEX_ROLE_OFFICES, q->doc->text + t->start, token_base_len(q, i));
	return row < 0 ? NULL : na_lex_attr(NA_LEX_ROLE_OFFICES, (uint32_t) row, NA_LEX_ROLE_OFFICES_OFFICE);
}

#define DESCRIPTION_LOOKBACK 400	/* mentions back a description's person is looked for */

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
static uint32_t
office_holder(qctx *q, uint32_t first, uint32_t last, int possessive_ok)
{
	const char *office;
	uint32_t	lo = 0;
	uint32_t	hi = (uint32_t) q->mentions.count;

	if (last <= first || last - first > 5 || !q_is(q, first, "the") ||
		q_is_cap(q, last) || (q_possessive(q, last) && !possessive_ok) ||
		(office = office_of(q, last)) == NULL)
		return QNONE;
	for (uint32_t k = first + 1; k < last; k++)
		if (q->doc->tokens[k].kind != NA_TK_WORD || q_possessive(q, k) || q_is(q, k, "of"))
			return QNONE;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (mention(q, mid)->first < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (uint32_t k = lo; k-- > 0 && lo - k <= DESCRIPTION_LOOKBACK;)
	{
		const q_mention *m = mention(q, k);
		const q_entity *e = entity(q, m->entity);

		if (m->title_first == QNONE || m->honorific || !e->person || e->place ||
			(q->in_quote[m->first] & 1))
			continue;
		for (uint32_t t = m->title_first; t < m->first; t++)
		{
			const char *o = office_of(q, t);

			if (o != NULL && strcmp(o, office) == 0)
				return m->entity;
		}
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
	organisation_words(q, (q_entity *) e);
	if (e->org_kind == NULL)
		return 0;
	if (strcmp(e->org_kind, kind) != 0)
	{
		/* its head, the last word, when no "of" or "for" puts the head
		 * first: the Police Federation is a federation (and, by its first
		 * word, the Dayton Police Department a police); the Association
		 * of Chief Police Officers is no police */
		const char *head = org_kind_of(q, e->name_last, 0);

		if (head == NULL || strcmp(head, kind) != 0 ||
			name_has_joint(q, e->name_first, e->name_last))
			return 0;
	}
	/* "The Committee" alone names no committee in particular */
	return !(e->name_first == e->name_last && (org_kind_of(q, e->name_first, 1) != NULL ||
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
	return q_is(q, k, "that") || q_is(q, k, "which") || q_is(q, k, "who") ||
		q_is(q, k, "of") || q_is(q, k, "in") || q_is(q, k, "for") || q_is(q, k, "at") ||
		q_is(q, k, "with");
}

#define ORG_DESCRIPTION_MODIFIERS 4	/* words between a description's determiner and its noun */

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
	if (head == QNONE || q_is_cap(q, head) || org_kind_of(q, head, 1) == NULL)
	{
		/* a union representing flight attendants, the union that ...: a
		 * clause after the noun, not another noun (the committee chairmen) */
		head = first + 1;
		if (!(q_is(q, first, "a") || q_is(q, first, "an") || q_is(q, first, "the")) ||
			head >= last || q_is_cap(q, head) || org_kind_of(q, head, 1) == NULL ||
			q_possessive(q, head) || !clause_after_noun(q, head + 1))
			return QNONE;
	}
	kind = org_kind_of(q, head, 1);
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
		uint32_t	lo = first_mention_from(q, first);

		for (uint32_t k = lo; k-- > 0 && lo - k <= DESCRIPTION_LOOKBACK;)
		{
			const q_mention *m = mention(q, k);

			if (!(q->in_quote[m->first] & 1) && organisation_of_kind(q, entity(q, m->entity), kind))
				return m->entity;
		}
	}
	for (uint32_t k = first_mention_from(q, last + 1), n = 0;
		 k < q->mentions.count && n < DESCRIPTION_LOOKBACK; k++, n++)
	{
		const q_mention *m = mention(q, k);

		if (!(q->in_quote[m->first] & 1) && organisation_of_kind(q, entity(q, m->entity), kind))
			return m->entity;
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
		 name_prefix_at(q, m->first, &kind) == 1))
		return 0;
	return 1;
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
	const na_token *t = &q->doc->tokens[last];
	uint32_t	k;

	if (t->kind != NA_TK_WORD || q_is_cap(q, last) ||
		!na_lex_has(NA_LEX_SOURCE_DOCUMENTS, q->doc->text + t->start, t->len))
		return QNONE;
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
	if (k < q->doc->ntokens && q->mention_at[k])
	{
		const q_mention *m = mention(q, q->mention_at[k] - 1);

		if (!entity(q, m->entity)->place && names_an_author(q, m))
			return m->entity;
	}
	return QNONE;
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
		!na_lex_has(NA_LEX_ORG_HEADS_AFTER_NAME, q->doc->text + t->start, token_base_len(q, last)))
		return QNONE;
	m = mention(q, q->mention_at[last - 1] - 1);
	if (m->first < first || m->last != last - 1 || q_possessive(q, m->last) ||
		apostrophe_end(q, m->last))
		return QNONE;
	for (uint32_t k = n; k-- > lo;)
	{
		e = entity(q, k);
		if (e->first_mention == QNONE &&
			same_name(q, e->name_first, e->name_last, m->first, last))
			return k;
	}
	e = na_vec_push(&q->entities, q->mem);
	if (e == NULL)
	{
		q->failed = 1;
		return QNONE;
	}
	memset(e, 0, sizeof(*e));
	e->name_first = m->first;
	e->name_last = last;
	e->first_mention = QNONE;
	e->last_mention = QNONE;
	e->speaker = -1;
	e->given_gender = -1;
	return (uint32_t) q->entities.count - 1;
}

/* The same word, case aside (ASCII), possessives ignored: De and de. */
static int
same_word_any_case(const qctx *q, uint32_t a, uint32_t b)
{
	uint32_t	la = token_base_len(q, a);
	uint32_t	lb = token_base_len(q, b);
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
	uint32_t	len = token_base_len(q, k);

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
		given_name_gender(q, a) < 0 && q_in(q, a, LEX_SOURCE_NOUNS))
		return QNONE;
	key = name_key(q, b);
	for (uint32_t x = q->key_heads[key_bucket(key)]; x != 0; x = nodes[(x - 1) * 2 + 1])
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
			same = same_word_any_case(q, c->name_last - w, b - w);
		if (same && (best == QNONE || c->mentions > best_mentions))
		{
			best = k;
			best_mentions = c->mentions;
		}
	}
	return best;
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
	if ((e = office_holder(q, first, last, 0)) != QNONE)
		return e;
	if ((e = q_organisation_after_name(q, first, last)) != QNONE)
		return e;
	if ((e = document_author(q, first, last)) != QNONE)
		return e;
	return organisation_described(q, first, last);
}

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
	return s;
}

static inline int
is_layout_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
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
		if (is_layout_space(x[i]) && is_layout_space(y[j]))
		{
			while (i < a.len && is_layout_space(x[i]))
				i++;
			while (j < b.len && is_layout_space(y[j]))
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
					(q_is(q, r + 1, "of") || q_is(q, r + 1, "de") || q_is(q, r + 1, "du") ||
					 q_is(q, r + 1, "del") || q_is(q, r + 1, "di") || q_is(q, r + 1, "for")) &&
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
		name_prefix_at(q, e->name_first, &kind) != 1 || kind != Q_PREFIX_PARTY ||
		org_kind_of(q, e->name_first, 0) != NULL)
		return 1;
	if (t->len > 1 && q->doc->text[t->start + token_base_len(q, e->name_first) - 1] == 's')
		return 1;
	return na_lex_has(NA_LEX_PARTY_NAMES, q->doc->text + t->start, token_base_len(q, e->name_first));
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
	len = token_base_len(q, e->name_first);
	if ((row = na_lex_lookup(NA_LEX_PARTY_NAMES, q->doc->text + t->start, len)) >= 0)
		return na_lex_attr(NA_LEX_PARTY_NAMES, (uint32_t) row, NA_LEX_PARTY_NAMES_NAME);
	if ((row = na_lex_lookup(NA_LEX_NAME_RESPELLINGS, q->doc->text + t->start, len)) >= 0)
		return na_lex_attr(NA_LEX_NAME_RESPELLINGS, (uint32_t) row, NA_LEX_NAME_RESPELLINGS_NAME);
	return NULL;
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

/*
 * One speaker row for every entity that is quoted, in order of first mention,
 * with its canonical name, aliases, role and counts; the quotes' speaker
 * numbers are then turned from entities into these rows.  Returns 0 when
 * memory runs out.
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

	na_vec_init(&speakers, sizeof(na_speaker));
	na_vec_init(&aliases, sizeof(na_quote_span));

	/*
	 * speakers in order of first mention: link_mention makes the entities
	 * of names in text order, but an organisation of a source ("the Trump
	 * campaign", q_organisation_after_name) comes after them all
	 */
	for (uint32_t ei = 0; ei < ne; ei++)
		nquoted += entity(q, ei)->quotes > 0 && names_a_source(q, entity(q, ei));
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
	if (nquoted > 1)
		qsort(order, nquoted, sizeof(uint32_t) * 2, token_entity_cmp);
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
		canonical = name_span(q, e->name_first, e->name_last);
		sp->name = canonical;
		sp->name_static = static_name_of(q, e);
		sp->gender = e->gender;
		sp->mentions = e->mentions + e->pronoun_mentions;
		sp->quotes = e->quotes;
		sp->first_start = q->doc->tokens[first_token].start;
		sp->first_cstart = q->doc->tokens[first_token].cstart;
		sp->first_alias = (uint32_t) aliases.count;
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
		/* “Ms. Haley” implies the bare “Haley” */
		if (honorific_alias && e->name_last > e->name_first &&
			!add_alias(q, &aliases, sp->first_alias, canonical,
					   name_span(q, e->name_last, e->name_last)))
			goto fail;
		sp->naliases = (uint32_t) aliases.count - sp->first_alias;
	}
	for (uint32_t i = 0; i < q->quotes.count; i++)
	{
		if (quotes[i].speaker >= 0)
			quotes[i].speaker = entity(q, (uint32_t) quotes[i].speaker)->speaker;
	}
	na_free(q->mem, order);
	out->speakers = speakers.items;
	out->nspeakers = (uint32_t) speakers.count;
	out->aliases = aliases.items;
	out->naliases = (uint32_t) aliases.count;
	return 1;
fail:
	na_free(q->mem, order);
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
		tlen = token_base_len(q, k);
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
	memset(&q, 0, sizeof(q));
	q.doc = &doc;
	q.mem = mem;
	/*
	 * The New York Times, the South Carolina Republican Party: the name of an
	 * organisation is all its words (its "prefixes" tell one from another)
	 */
	for (k = doc.ntokens; k-- > 0;)
		if (doc.tokens[k].kind == NA_TK_WORD)
			break;
	if (k != QNONE && k < doc.ntokens &&
		na_lex_lookup(NA_LEX_QUOTE_ORG_WORDS, doc.text + doc.tokens[k].start,
					  token_base_len(&q, k)) >= 0)
	{
		n = fold_key_apostrophes(out, org_key(&q, out, cap));
		na_doc_free(&doc, mem);
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
		if ((np = name_prefix_at(&q, k, &kind)) > 0 && k + np < doc.ntokens)
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
		uint32_t	words[2] = {first, last};

		for (int w = 0; w < (first == last ? 1 : 2); w++)
		{
			const na_token *t = &doc.tokens[words[w]];
			uint32_t	tlen = t->len;
			size_t		got;

			if (q_possessive(&q, words[w]))
				tlen -= doc.text[t->start + tlen - 2] == '\'' ? 2 : 4;
			if (w > 0)
			{
				if (n + 1 >= cap)
					break;
				out[n++] = ' ';
			}
			got = na_utf8_lower(doc.text + t->start, tlen, out + n, cap - n - 1);
			if (got == 0)
			{
				n = 0;
				break;
			}
			n += got;
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
		if (n > 0 && first == last && gender != NA_GENDER_UNKNOWN)
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
	na_doc_free(&doc, mem);
	return n;
}
