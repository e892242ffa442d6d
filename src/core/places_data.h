/*
 * places_data.h - the layout of the generated place tables (places_data.c,
 * written by scripts/gen-places): places.c's, and na_places.h's inline
 * test of a token before a lookup.
 *
 * Forms are stored normalized: ASCII letters lowercased, ’ as ', tokens
 * separated by one space.  A hash of the first token (FNV-1a, 32 bits) leads
 * through an open-addressing table to the forms that begin with it, longest
 * first.
 */
#ifndef NA_PLACES_DATA_H
#define NA_PLACES_DATA_H

#include <stddef.h>
#include <stdint.h>

/* na_place_form.flags */
#define NA_PF_AMBIGUOUS		0x01	/* = NA_PLACE_AMBIGUOUS */
#define NA_PF_ALLOW_THE		0x10	/* "the" may precede */
#define NA_PF_NEEDS_THE		0x20	/* only with "the" (the French: else a demonym) */
#define NA_PF_EXACT_CASE	0x40	/* all-capital form: US, UK */

/*
 * The tables name their strings by offset into na_place_bytes (NUL-terminated
 * strings one after another): a table of pointers would be relocated in
 * every process that loads the library, as na_lexicon.h explains.
 */
extern const char na_place_bytes[];
#define NA_PLACE_STR(offset) (na_place_bytes + (offset))

typedef struct na_place_form
{
	uint32_t	rest;			/* tokens after the first, normalized ("" if none) */
	uint32_t	exact;			/* the form as written, for NA_PF_EXACT_CASE ("" if none) */
	uint16_t	country;		/* index into na_place_countries */
	uint8_t		ntokens;		/* without "the" */
	uint8_t		kind;			/* na_place_kind */
	uint8_t		flags;			/* NA_PF_* */
} na_place_form;

typedef struct na_place_first
{
	uint32_t	word;			/* normalized first token */
	uint16_t	len;
	uint16_t	first_form;		/* na_place_forms[first_form .. + nforms) */
	uint16_t	nforms;
} na_place_first;

extern const uint32_t na_place_countries[];	/* the countries' names */
extern const uint32_t na_place_ncountries;
extern const na_place_form na_place_forms[];
extern const na_place_first na_place_firsts[];
extern const uint16_t na_place_hash[];	/* index + 1 into na_place_firsts, 0 = empty */
extern const uint32_t na_place_hash_mask;

/* places.c's filter of first words: bit filter_bit(word) set for each */
#define NA_PLACE_FILTER_BITS 14
extern const uint64_t na_place_first_filter[(1u << NA_PLACE_FILTER_BITS) / 64];

/*
 * The filter's bit of a normalized first word by its length and first,
 * second and last bytes (scripts/gen-places computes the same).
 */
static inline uint32_t
na_place_filter_bit(unsigned char first, unsigned char second, unsigned char last, size_t len)
{
	uint32_t	key = (uint32_t) first | ((uint32_t) second << 8) |
		((uint32_t) last << 16) | ((uint32_t) len << 24);

	return (key * 0x9E3779B1u) >> (32 - NA_PLACE_FILTER_BITS);
}

#endif							/* NA_PLACES_DATA_H */
