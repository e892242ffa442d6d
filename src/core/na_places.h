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

#include <stdint.h>

#include "na_scan.h"

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

/*
 * The longest country name, demonym, metonym or people starting at token tok
 * ("the" may begin names, metonyms and the peoples listed with it; a
 * possessive 's / ’s on the last token is allowed).  The first word must be
 * capitalized; all-capital forms (US, UK) match only in capitals.  Returns 1
 * and fills *m, or 0 (m untouched).
 */
int			na_place_at(const na_doc *doc, uint32_t tok, na_place_match *m);

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
