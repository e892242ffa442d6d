/*
 * na_places.h - countries as news names them: official and short names
 * ("Russian Federation", "Russia", "U.S."), demonyms ("French"), metonyms
 * ("the Kremlin", "Beijing", "Downing Street") and peoples ("the Russians"),
 * each mapped to one canonical short English country name.
 *
 * The names come from Debian's iso-codes (iso_3166-1.json) plus the
 * hand-kept data/places/demonyms.tsv; scripts/gen-places turns both into
 * src/core/places_data.c.  A lookup hashes the lowercased first token, so
 * calling na_place_at on every capitalized token is cheap.
 */
#ifndef NA_PLACES_H
#define NA_PLACES_H

#include <stddef.h>
#include <stdint.h>

#include "na_scan.h"
#include "places_data.h"

typedef enum na_place_kind
{
	NA_PLACE_NAME = 1,			/* Russia, the United States, U.K., Britain */
	NA_PLACE_DEMONYM,			/* French, American, British, South Korean */
	NA_PLACE_METONYM,			/* the Kremlin, Moscow, Beijing, Downing Street */
	NA_PLACE_PEOPLE				/* the Russians, Americans, the British, Britons */
} na_place_kind;

/* na_place_match.flags */
#define NA_PLACE_AMBIGUOUS	0x01	/* also commonly something else: Georgia,
									 * Jordan, Washington, London, Indians */
#define NA_PLACE_POSSESSIVE 0x02	/* the last token ends in 's or ’s: Britain’s */
#define NA_PLACE_ARTICLE	0x04	/* the match begins with "the" */

typedef struct na_place_match
{
	uint32_t	ntokens;		/* tokens covered, "the" and possessive included */
	const char *country;		/* canonical short English name: "United
								 * Kingdom", "Russia", "United States", "China",
								 * "South Korea"; static storage */
	uint8_t		kind;			/* na_place_kind */
	uint8_t		flags;			/* NA_PLACE_* */
} na_place_match;

#define NA_PLACE_WORD_MAX 64		/* longer tokens are never place names */

/* na_place_at past its inline test (places.c) */
int			na_place_lookup(const na_doc *doc, uint32_t tok, na_place_match *m);

/* ASCII lower-casing of one byte, as the place tables' words are normalized. */
static inline unsigned char
na_place_ascii_lower(char c)
{
	return (unsigned char) ((c >= 'A' && c <= 'Z') ? c + 32 : c);
}

/* May the ASCII word w[0..len), as written, be a first word of the place
 * tables?  Normalizing it would only lower-case it; 0 proves not. */
static inline int
na_place_ascii_may_be_first(const char *w, size_t len)
{
	uint32_t	bit;

	if (len == 0 || len > NA_PLACE_WORD_MAX)
		return 0;
	bit = na_place_filter_bit(na_place_ascii_lower(w[0]), na_place_ascii_lower(w[len > 1]),
							  na_place_ascii_lower(w[len - 1]), len);
	return (int) ((na_place_first_filter[bit >> 6] >> (bit & 63)) & 1);
}

/*
 * Might the ASCII token w begin a place, with or without a possessive (as
 * na_place_lookup tries it)?  Answered before normalizing: most names are no
 * place.
 */
static inline int
na_place_ascii_may_be_place(const char *w, size_t len)
{
	size_t		bare = len;

	if (na_place_ascii_may_be_first(w, len))
		return 1;
	/* the possessive the lookup strips from the normalized form */
	if (len > 2 && w[len - 2] == '\'' && na_place_ascii_lower(w[len - 1]) == 's')
		bare = len - 2;
	else if (len > 2 && w[len - 1] == '\'' && na_place_ascii_lower(w[len - 2]) == 's')
		bare = len - 1;
	return bare != len && na_place_ascii_may_be_first(w, bare);
}

/*
 * The longest country name, demonym, metonym or people starting at token tok
 * ("the" may begin names, metonyms and the peoples listed with it; a
 * possessive 's / ’s on the last token is allowed).  The first word must be
 * capitalized; all-capital forms (US, UK) match only in capitals.  Returns 1
 * and fills *m, or 0 (m untouched).  Inline, the test that refuses most
 * tokens (a lower-case word, a capitalised one no place begins with) before
 * the call: the analysers ask it of nearly every capitalised word, and the
 * calls that refused them cost 6M instructions of quotes() over BBC.
 */
static inline int
na_place_at(const na_doc *doc, uint32_t tok, na_place_match *m)
{
	const na_token *t;

	if (doc == NULL || tok >= doc->ntokens)
		return 0;
	t = &doc->tokens[tok];
	/* "the" takes the name after it: the lookup decides */
	if (t->len != 3 &&
		(!(t->kind == NA_TK_WORD || t->kind == NA_TK_ABBREV || t->kind == NA_TK_INITIAL) ||
		 !(t->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)) ||
		 (!(t->flags & NA_TF_NONASCII) && t->len <= NA_PLACE_WORD_MAX &&
		  !na_place_ascii_may_be_place(doc->text + t->start, t->len))))
		return 0;
	return na_place_lookup(doc, tok, m);
}

/* The kind's name: "name", "demonym", "metonym", "people" ("unknown" otherwise). */
const char *na_place_kind_name(int kind);

/*
 * The canonical name of a country given any of its names, demonyms or
 * metonyms as a string ("Russian Federation", "the Kremlin", "British";
 * case-insensitive, a leading "the" allowed), or NULL.
 */
const char *na_place_canonical(const char *name);

/* Number of countries and the i-th canonical name (sorted), for listings. */
uint32_t	na_place_country_count(void);
const char *na_place_country(uint32_t i);

#endif							/* NA_PLACES_H */
