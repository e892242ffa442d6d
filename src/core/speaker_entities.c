/*
 * speaker_entities.c - one person under every mention an article gives
 * them: the index of an article's entities by name key, which mention joins
 * which entity ("Mr. Okafor" after "David Okafor"), and a surname slipped by
 * one letter after the full name.  Apart from speaker_names.c, which finds
 * the names in the text, because this file decides who they are.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "na_lexicon.h"
#include "na_places.h"
#include "na_unicode.h"
#include "speakers_internal.h"

/*
 * Is token k a party's people in the plural ("Republicans", "Democrats": a
 * party word of data/lexicon/name_prefixes.tsv ending in s)?  Such a group
 * is counted as written, never under a longer name that ends in it
 * ("Oversight Committee Republicans"), nor the reverse.
 */
static int
party_plural(const qctx *q, uint32_t k)
{
	uint8_t		kind;
	uint32_t	len = q_base_len(q, k);

	return q->doc->tokens[k].kind == NA_TK_WORD && len > 1 &&
		q->doc->text[q->doc->tokens[k].start + len - 1] == 's' &&
		sp_name_prefix_at(q, k, &kind) == 1 && kind == Q_PREFIX_PARTY;
}

/*
 * Is token k an organisation's name that stands alone (CNN, Twitter:
 * data/lexicon/org_brand_names.tsv) or an acronym (EU, WHO; not PAC, a
 * word ending organisations' names)?  Such a word
 * is no surname: it never joins a longer name ending in it ("New EU rules"
 * at a sentence's start, "It's All CNN's Fault", "Wilayat Twitter" in
 * quotation marks), nor does the longer name take it.
 */
int
sp_name_stands_alone(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];

	if (t->kind != NA_TK_WORD)
		return 0;
	/* (the word's folded entry, kept per token: every entity compared with
	 * a mention of one word asked the lexicon again, 9,000 times over BBC) */
	if (q_word_base_in(q, k, NA_LEX_ORG_BRAND_NAMES))
		return 1;
	/* (a super PAC: an acronym of a kind of organisation ends names) */
	return (t->flags & NA_TF_ALLCAPS) && t->clen >= 2 && !q_in(q, k, LEX_ORG_WORDS);
}

/*
 * Are entity c and mention m a name that stands alone (sp_name_stands_alone)
 * and a longer name ending in it, or an organisation's word after another
 * name's possessive (Sheriff's Department) and a longer name?  Not when the
 * longer name is in capitals too (a transcript's DONALD TRUMP, then TRUMP:).
 */
static int
alone_beside_longer(const qctx *q, const q_entity *c, const q_mention *m, uint32_t ntok, uint32_t cn)
{
	uint32_t	longer_first;
	uint32_t	lone;

	if (ntok == cn)
		return 0;
	lone = ntok == 1 ? m->first : c->name_first;
	/* the County Sheriff's Department: another's department, not the State
	 * Department the article named */
	if (ntok == 1 && m->first > 0 && q_in(q, m->first, LEX_ORG_WORDS) &&
		q_is_cap(q, m->first - 1) && q_possessive(q, m->first - 1))
		return 1;
	longer_first = ntok > cn ? m->first : c->name_first;
	return sp_name_stands_alone(q, lone) &&
		!(q->doc->tokens[longer_first].flags & NA_TF_ALLCAPS);
}

/*
 * The gender mention m (of ntok tokens) tells: its honorific's, else its
 * given name's (Michelle Obama is not Mr. Obama).  Asked once a mention,
 * where each entity it was compared with asked it again.
 */
static int
mention_gender(const qctx *q, q_mention *m, uint32_t ntok)
{
	int			given;

	if (m->gender == NA_GENDER_UNKNOWN && ntok >= 2 &&
		(given = sp_mention_given_gender(q, m)) > NA_GENDER_UNKNOWN)
		return given;
	return m->gender;
}

/*
 * Does entity c take the mention m (of ntok tokens, with these keys and
 * mention_gender)?  The same spelling; a surname alone (Haley -> Nikki R.
 * Haley); the end of a longer name (Suu Kyi -> Aung San Suu Kyi); a known
 * given name alone (Hillary -> Hillary Clinton) of someone who is surely a
 * person, so that "Trump" never becomes "Trump Tower Grill".  Never across
 * genders: Mr. Clinton is not Hillary Clinton.
 */
static int
entity_takes(const qctx *q, const q_entity *c, const q_mention *m, uint32_t ntok,
			 uint32_t last_key, uint32_t first_key, int gender)
{
	uint32_t	cn = c->name_last - c->name_first + 1;

	if (gender != NA_GENDER_UNKNOWN &&
		((c->gender != NA_GENDER_UNKNOWN && c->gender != gender) ||
		 (c->given_gender > NA_GENDER_UNKNOWN && c->given_gender != gender)))
		return 0;
	if (c->last_key == last_key)
	{
		if (cn == ntok && sp_same_name(q, c->name_first, c->name_last, m->first, m->last))
			return 1;
		/* Haley -> Nikki R. Haley; Ms. Haley -> Nikki R. Haley (but
		 * England is not the Bank of England, nor Trump a Coalition for
		 * Trump: a name over of/for ends in no head of its own) */
		if (!c->place && (ntok == 1 || cn == 1) && q_same_base(q, c->name_last, m->last) &&
			!alone_beside_longer(q, c, m, ntok, cn) &&
			!(cn > 2 && sp_name_has_joint(q, c->name_first, c->name_last)) &&
			!(ntok == 1 && cn > 1 && party_plural(q, m->last)) &&
			!(cn == 1 && ntok > 1 && party_plural(q, c->name_last)))
			return 1;
		/* Suu Kyi -> Aung San Suu Kyi, and the reverse */
		if (!c->place && cn > ntok && ntok >= 2 &&
			sp_same_name(q, c->name_last - ntok + 1, c->name_last, m->first, m->last))
			return 1;
		if (!c->place && ntok > cn && cn >= 2 &&
			sp_same_name(q, c->name_first, c->name_last, m->last - cn + 1, m->last))
			return 1;
	}
	/* Hillary -> Hillary Clinton (first names of known people) */
	return ntok == 1 && cn >= 2 && c->first_key == first_key && c->person && c->strong &&
		!c->place && q_same_base(q, c->name_first, m->first) &&
		sp_given_name_gender(q, m->first) >= 0;
}

uint32_t
sp_key_bucket(uint32_t key)
{
	return (key ^ (key >> 13)) & (Q_KEY_BUCKETS - 1);
}

/* File entity e under a name key it has (stale entries are checked on use).
 * Inline: a new entity files one or two keys, and the call cost as much as
 * the filing (callgrind over BBC: 640.91M -> 639.77M instructions). */
static inline __attribute__((always_inline)) int
index_key(qctx *q, uint32_t key, uint32_t e)
{
	uint32_t	b = sp_key_bucket(key);
	uint32_t   *node = na_vec_push_unset(&q->key_nodes, q->mem);

	if (node == NULL)
		return 0;
	node[0] = e;
	node[1] = q->key_heads[b];
	q->key_heads[b] = (uint32_t) q->key_nodes.count;
	return 1;
}

/* The gender entity c is known by (honorific, then given name), or unknown. */
static int
entity_gender(const q_entity *c)
{
	if (c->gender != NA_GENDER_UNKNOWN)
		return c->gender;
	return c->given_gender > NA_GENDER_UNKNOWN ? c->given_gender : NA_GENDER_UNKNOWN;
}

/*
 * Is the "her" at token k a possessive ("her staff", "her own plan") rather
 * than an object ("thanked her for", "told her.")?  A lower-case word after
 * it that is no preposition says so.
 */
static int
possessive_her(const qctx *q, uint32_t k)
{
	const na_token *t;

	if (k + 1 >= q->doc->ntokens)
		return 0;
	t = &q->doc->tokens[k + 1];
	return t->kind == NA_TK_WORD && !q_is_cap(q, k + 1) &&
		!q_word_in(q, k + 1, NA_LEX_OBJECT_PREPOSITIONS) &&
		!q_is(q, k + 1, "and") && !q_is(q, k + 1, "that") && !q_is(q, k + 1, "to");
}

/*
 * The gender of the first personal pronoun (data/lexicon/gendered_pronouns.tsv)
 * in the few words after mention m ("Clinton allowed her staff ..."), before
 * the sentence ends, a quotation or another capitalised word (a name the
 * pronoun may mean instead) intervenes; objects are skipped (they never
 * mean the subject); NA_GENDER_UNKNOWN when there is none.  It tells which of two people sharing a surname the mention is.
 */
static int
gender_of_pronoun_after(const qctx *q, const q_mention *m)
{
	uint32_t	n = q->doc->ntokens;

	for (uint32_t k = m->last + 1; k < n && k <= m->last + 8; k++)
	{
		const na_token *t = &q->doc->tokens[k];
		int32_t		row;

		if ((t->flags & (NA_TF_SENT_START | NA_TF_PARA_START)) || (q->in_quote[k] & 1) ||
			t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE)
			break;
		if (t->kind != NA_TK_WORD)
			continue;
		if ((row = q_word_row(q, k, NA_LEX_GENDERED_PRONOUNS)) >= 0)
		{
			const char *form = na_lex_attr(NA_LEX_GENDERED_PRONOUNS, (uint32_t) row,
										   NA_LEX_GENDERED_PRONOUNS_FORM);

			/* "without naming him": an object is someone else */
			if (strcmp(form, "object") == 0 ||
				(strcmp(form, "possessive_or_object") == 0 && !possessive_her(q, k)))
				continue;
			return strcmp(na_lex_attr(NA_LEX_GENDERED_PRONOUNS, (uint32_t) row,
									  NA_LEX_GENDERED_PRONOUNS_GENDER), "female") == 0 ?
				NA_GENDER_FEMALE : NA_GENDER_MALE;
		}
		if (q_is_cap(q, k))
			break;
	}
	return NA_GENDER_UNKNOWN;
}

/*
 * Of the entities that can take a surname alone (takers), the one a
 * pronoun right after it agrees with, when the surname is a subject (it
 * opens its sentence or follows a comma), the one chosen is of the other
 * gender and exactly one other is of that gender: "Clinton allowed her
 * staff" after Hillary Clinton and Bill Clinton is Hillary, whoever was
 * named last.  best otherwise.
 */
static uint32_t
taker_of_pronoun_gender(const qctx *q, const q_mention *m, uint32_t best,
						const uint32_t *takers, uint32_t ntakers)
{
	int			g;
	int			best_gender;
	uint32_t	found = QNONE;

	uint32_t	start = m->title_first != QNONE ? m->title_first : m->first;

	if (ntakers < 2 || best == QNONE)
		return best;
	/* only a subject opening its sentence or a clause after a comma: in
	 * "a delegate supporting Clinton, said he" the pronoun is the subject's */
	if (!(q->doc->tokens[start].flags & (NA_TF_SENT_START | NA_TF_PARA_START)) &&
		!(start > 0 && q_is_punct(q, start - 1, ',')))
		return best;
	best_gender = entity_gender(entity((qctx *) q, best));
	if (best_gender == NA_GENDER_UNKNOWN)
		return best;
	g = gender_of_pronoun_after(q, m);
	if (g == NA_GENDER_UNKNOWN || g == best_gender)
		return best;
	for (uint32_t i = 0; i < ntakers; i++)
		if (entity_gender(entity((qctx *) q, takers[i])) == g)
		{
			if (found != QNONE && found != takers[i])
				return best;
			found = takers[i];
		}
	return found != QNONE ? found : best;
}

/*
 * The entity (of the last LINK_WINDOW) that takes mention m: the most
 * recent, or for a surname alone the one named most, unless a pronoun
 * after it says the other (taker_of_pronoun_gender); only entities filed
 * under its keys can take it, so only those are compared.
 */
static uint32_t
find_entity(const qctx *q, q_mention *m, uint32_t ntok, uint32_t last_key,
			uint32_t first_key)
{
	uint32_t	n = (uint32_t) q->entities.count;
	uint32_t	lo = n > LINK_WINDOW ? n - LINK_WINDOW : 0;
	uint32_t	best = QNONE;
	uint32_t	best_mentions = 0;
	const uint32_t *nodes = q->key_nodes.items;
	uint32_t	takers[4];
	uint32_t	ntakers = 0;
	int			gender = -2;	/* mention_gender, once a candidate is compared */

	for (int pass = 0; pass < (ntok == 1 && first_key != last_key ? 2 : 1); pass++)
	{
		uint32_t	key = pass == 0 ? last_key : first_key;

		for (uint32_t x = q->key_heads[sp_key_bucket(key)]; x != 0; x = nodes[(x - 1) * 2 + 1])
		{
			uint32_t	k = nodes[(x - 1) * 2];

			const q_entity *c = &((const q_entity *) q->entities.items)[k];

			int			better;

			if (k < lo || k == best)
				continue;
			/*
			 * a surname alone that two people of the article take (Clinton
			 * after Hillary Clinton and Bill Clinton): the one the article
			 * names most, the person it is about; else the most recent
			 */
			better = best == QNONE ||
				(ntok == 1 && c->mentions > best_mentions) ||
				(k > best && !(ntok == 1 && c->mentions < best_mentions));
			if (!better && !(ntok == 1 && ntakers < 4))
				continue;
			if (gender == -2)
				gender = mention_gender(q, m, ntok);
			if (entity_takes(q, c, m, ntok, last_key, first_key, gender))
			{
				uint32_t	i = 0;

				while (i < ntakers && takers[i] != k)
					i++;
				if (ntok == 1 && i == ntakers && ntakers < 4)
					takers[ntakers++] = k;
				if (better)
				{
					best = k;
					best_mentions = c->mentions;
				}
			}
		}
	}
	return ntok == 1 ? taker_of_pronoun_gender(q, m, best, takers, ntakers) : best;
}

static inline int
same_letter_ci(char x, char y)
{
	return na_ascii_ci_equal(&x, &y, 1);
}

/*
 * Are the byte strings a and b one edit apart, ignoring ASCII case (a letter
 * changed, added, dropped, or two neighbours swapped: McFarlend / McFarland)?
 * Equal strings are not.
 */
static int
one_edit_apart(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	uint32_t	i = 0;

	if (alen > blen)
	{
		const char *t = a;
		uint32_t	tl = alen;

		a = b;
		alen = blen;
		b = t;
		blen = tl;
	}
	if (blen - alen > 1)
		return 0;
	while (i < alen && same_letter_ci(a[i], b[i]))
		i++;
	if (i == alen)
		return blen == alen + 1;
	if (alen == blen)
	{
		/* Haskel / Hasket */
		if (na_ascii_ci_equal(a + i + 1, b + i + 1, alen - i - 1))
			return 1;
		/* a swap of neighbours: Lindqvsit / Lindqvist */
		return i + 1 < alen && same_letter_ci(a[i], b[i + 1]) && same_letter_ci(a[i + 1], b[i]) &&
			na_ascii_ci_equal(a + i + 2, b + i + 2, alen - i - 2);
	}
	/* b has one letter more at i: Lindqvst / Lindqvist */
	return na_ascii_ci_equal(a + i, b + i + 1, alen - i);
}

/* The length of a word without the apostrophe of a plural possessive
 * (Sanders' -> Sanders, Sanders’ -> Sanders). */
static uint32_t
without_plural_apostrophe(const char *p, uint32_t len)
{
	if (len >= 3 && p[len - 1] == '\'' && p[len - 2] == 's')
		return len - 1;
	if (len >= 5 && (unsigned char) p[len - 1] == 0x99 && (unsigned char) p[len - 2] == 0x80 &&
		(unsigned char) p[len - 3] == 0xE2 && p[len - 4] == 's')
		return len - 3;
	return len;
}

/* Is a (alen bytes) b with an s added: a plural, no slip (Democrats)? */
static int
plural_of(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	return alen == blen + 1 && (a[blen] == 's' || a[blen] == 'S') &&
		na_ascii_ci_equal(a, b, blen);
}

/*
 * The bit of q->surname_heads for the last word of a name at token k: its
 * first two bytes, those misspelt_surname_entity compares first.  0 for a
 * word shorter than the five bytes a slip needs (its second byte may be past
 * the text).  Only the people named in full set it (sp_note_person and a
 * person's fuller name in sp_link_mention), the only ones a slip may mean:
 * when every entity set it, most new surnames found their bit set and
 * walked the entities for nothing.
 */
static uint64_t
surname_head_bit(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];
	const unsigned char *p = (const unsigned char *) q->doc->text + t->start;

	return t->len < 5 ? 0 : UINT64_C(1) << ((p[0] * 31u + p[1]) & 63);
}

/*
 * A surname alone that no one of the article takes but that is one typing
 * slip from the surname of exactly one person the article has named in
 * full before ("Petra Lindqvist ... Lindqvst's letter", "Omar Haskel ...
 * Hasket believes"): that person, or QNONE.  Copy editors miss such slips,
 * and without this the slip becomes a speaker of its own.  Only surnames of
 * five letters or more and slips past the first letter count, so that
 * short names and different names (Bush, Rush) stay apart.
 */
static uint32_t
misspelt_surname_entity(const qctx *q, const q_mention *m)
{
	const na_token *t = &q->doc->tokens[m->last];
	const char *p = q->doc->text + t->start;
	uint32_t	len;
	uint32_t	n = (uint32_t) q->entities.count;
	uint32_t	lo = n > LINK_WINDOW ? n - LINK_WINDOW : 0;
	uint32_t	found = QNONE;
	uint32_t	written;

	/* (no person's last word begins with its two bytes: none to compare,
	 * the answer for most new surnames, asked first) */
	if (!(q->surname_heads & surname_head_bit(q, m->last)))
		return QNONE;
	written = len = q_base_len(q, m->last);
	len = without_plural_apostrophe(p, len);
	if (len < 5 || t->kind != NA_TK_WORD || (t->flags & NA_TF_ALLCAPS))
		return QNONE;
	for (uint32_t k = n; k-- > lo;)
	{
		const q_entity *c = &((const q_entity *) q->entities.items)[k];
		const na_token *ct;
		uint32_t	clen;

		if (!c->person || c->place || c->name_last == c->name_first)
			continue;
		ct = &q->doc->tokens[c->name_last];
		/* the first two letters first: they set nearly every name apart
		 * (a base of five bytes or more needs a token as long) */
		if (ct->len < 5 || q->doc->text[ct->start] != p[0] || q->doc->text[ct->start + 1] != p[1])
			continue;
		clen = q_base_len(q, c->name_last);
		if (clen + 1 < len || len + 1 < clen || clen < 5)
			continue;
		if (m->gender != NA_GENDER_UNKNOWN && c->gender != NA_GENDER_UNKNOWN &&
			c->gender != m->gender)
			continue;
		/* Sanders' is Sanders and Deangelo DeAngelo (when the article
		 * wrote Bernie Sanders, Rosa DeAngelo); Democrats is no slip for
		 * Democrat */
		if (!(len == clen && na_ascii_ci_equal(p, q->doc->text + ct->start, len) &&
			  (len < written || memcmp(p, q->doc->text + ct->start, len) != 0)) &&
			(!one_edit_apart(p, len, q->doc->text + ct->start, clen) ||
			 plural_of(p, len, q->doc->text + ct->start, clen) ||
			 plural_of(q->doc->text + ct->start, clen, p, len)))
			continue;
		if (found != QNONE && found != k)
			return QNONE;		/* two people it could be: neither */
		found = k;
	}
	return found;
}

/*
 * A new entity named by the tokens first..last, nothing known of it yet (no
 * mention, no speaker, no gender): every way of making an entity (a name, a
 * description's person, a campaign named after a surname) starts here, so a
 * field added to q_entity cannot be left unset by one of them.  NULL, with
 * q->failed set, when memory runs out.
 */
static inline __attribute__((always_inline)) q_entity *
new_entity(qctx *q, uint32_t first, uint32_t last)
{
	q_entity   *e = na_vec_push_unset(&q->entities, q->mem);

	if (e == NULL)
	{
		q->failed = 1;
		return NULL;
	}
	memset(e, 0, sizeof(*e));
	e->name_first = first;
	e->name_last = last;
	e->first_mention = QNONE;
	e->last_mention = QNONE;
	e->speaker = -1;
	e->given_gender = -1;
	return e;
}

/* new_entity for the other files (descriptions); the names' own, one a
 * first mention, have it inline (callgrind over BBC: 639.77M -> 638.61M
 * instructions). */
q_entity *
sp_new_entity(qctx *q, uint32_t first, uint32_t last)
{
	return new_entity(q, first, last);
}

/* The entity a new mention [first, last] refers to, or a new one (place:
 * the mention is a place's name, never a slip for a person's). */
int
sp_link_mention(qctx *q, q_mention *m, uint32_t mi, int place)
{
	uint32_t	ntok = m->last - m->first + 1;
	uint32_t	best;
	uint32_t	last_key = sp_name_key(q, m->last);
	uint32_t	first_key = m->first == m->last ? last_key : sp_name_key(q, m->first);
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
	/*
	 * the most recent entities only: bounded work on book-length input; a
	 * name whose keys no entity is filed under (most first mentions: 39,000
	 * of 70,000 over BBC) has none to compare
	 */
	if (q->key_heads[sp_key_bucket(last_key)] == 0 &&
		!(link_ntok == 1 && first_key != last_key && q->key_heads[sp_key_bucket(first_key)] != 0))
		best = QNONE;
	else
		best = find_entity(q, m, link_ntok, last_key, first_key);
	/* Lindqvst's after Petra Lindqvist: a slip, not a new person */
	if (best == QNONE && ntok == 1 && !place)
		best = misspelt_surname_entity(q, m);
	if (best == QNONE)
	{
		e = new_entity(q, m->first, m->last);
		if (e == NULL)
			return 0;
		e->last_key = last_key;
		e->first_key = first_key;
		e->first_mention = mi;
		e->given_gender = (int8_t) sp_mention_given_gender(q, m);
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
		if (e->person)
			q->surname_heads |= surname_head_bit(q, m->last);
		e->last_key = last_key;
		e->first_key = first_key;
		e->given_gender = (int8_t) sp_mention_given_gender(q, m);
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
 * Entity e has just become a person (speaker_names.c's add_mention): named
 * in full, its surname may be misspelt later (misspelt_surname_entity's
 * filter, q->surname_heads).
 */
void
sp_note_person(qctx *q, const q_entity *e)
{
	if (e->name_last != e->name_first)
		q->surname_heads |= surname_head_bit(q, e->name_last);
}
