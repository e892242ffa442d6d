/*
 * test_places.c - unit tests of the place lookup (na_places.h): names,
 * demonyms, metonyms, peoples, possessives, articles and the traps.
 */
#include <stdlib.h>

#include "na_places.h"
#include "places_data.h"
#include "unit.h"

static na_doc doc;

static void
scan(const char *s)
{
	na_doc_free(&doc, na_mem_stdlib());
	CHECK_INT(na_scan(&doc, s, strlen(s), 0, na_mem_stdlib()), NA_OK);
}

/* "Country/kind/ntokens" of the match at token i of s, or "-" */
static const char *
at(const char *s, uint32_t i)
{
	static char buf[128];
	na_place_match m;

	scan(s);
	if (!na_place_at(&doc, i, &m))
		return "-";
	snprintf(buf, sizeof(buf), "%s/%s/%u", m.country, na_place_kind_name(m.kind), m.ntokens);
	return buf;
}

static uint8_t
flags_at(const char *s, uint32_t i)
{
	na_place_match m;

	scan(s);
	if (!na_place_at(&doc, i, &m))
		return 0xFF;
	return m.flags;
}

static void
test_names(void)
{
	CHECK_STR(at("Russia voted.", 0), "Russia/name/1");
	CHECK_STR(at("The Russian Federation voted.", 1), "Russia/name/2");
	CHECK_STR(at("The Russian Federation voted.", 0), "Russia/name/3");
	CHECK_STR(at("the United States and its allies", 0), "United States/name/3");
	CHECK_STR(at("the United States of America said", 0), "United States/name/5");
	CHECK_STR(at("the United Kingdom said", 1), "United Kingdom/name/2");
	CHECK_STR(at("Britain and France", 0), "United Kingdom/name/1");
	CHECK_STR(at("Great Britain and France", 0), "United Kingdom/name/2");
	CHECK_STR(at("Britain and France", 2), "France/name/1");
	CHECK_STR(at("the U.S. and the U.K.", 1), "United States/name/1");
	CHECK_STR(at("the U.S. and the U.K.", 3), "United Kingdom/name/2");
	CHECK_STR(at("South Korea and North Korea", 0), "South Korea/name/2");
	CHECK_STR(at("South Korea and North Korea", 3), "North Korea/name/2");
	CHECK_STR(at("Syria", 0), "Syria/name/1");
	CHECK_STR(at("the Syrian Arab Republic", 0), "Syria/name/4");
	CHECK_STR(at("Iran", 0), "Iran/name/1");
	CHECK_STR(at("Côte d’Ivoire abstained", 0), "Ivory Coast/name/2");
	CHECK_STR(at("Guinea-Bissau abstained", 0), "Guinea-Bissau/name/1");
	CHECK_STR(at("Papua New Guinea abstained", 0), "Papua New Guinea/name/3");
	CHECK_STR(at("the Soviet Union vetoed", 0), "Soviet Union/name/3");
}

static void
test_possessives(void)
{
	CHECK_STR(at("Britain’s ambassador", 0), "United Kingdom/name/1");
	CHECK_INT(flags_at("Britain’s ambassador", 0), NA_PLACE_POSSESSIVE);
	CHECK_STR(at("Russia's envoy", 0), "Russia/name/1");
	CHECK_STR(at("the Kremlin’s seventh veto", 0), "Russia/metonym/2");
	CHECK_INT(flags_at("the Kremlin’s seventh veto", 0), NA_PLACE_POSSESSIVE | NA_PLACE_ARTICLE);
	CHECK_STR(at("the United States' veto", 0), "United States/name/3");
	CHECK_STR(at("China’s ambassador", 0), "China/name/1");
}

static void
test_demonyms_and_peoples(void)
{
	CHECK_STR(at("The French ambassador", 1), "France/demonym/1");
	/* "the French ambassador": not the people, so nothing at "the" */
	CHECK_STR(at("The French ambassador", 0), "-");
	CHECK_STR(at("the French voted against", 0), "France/people/2");
	CHECK_STR(at("but the British abstained.", 1), "United Kingdom/people/2");
	CHECK_STR(at("the Russians had long signaled", 0), "Russia/people/2");
	CHECK_STR(at("Russians had long signaled", 0), "Russia/people/1");
	CHECK_STR(at("The American ambassador", 1), "United States/demonym/1");
	CHECK_STR(at("the Americans", 0), "United States/people/2");
	CHECK_STR(at("a South Korean diplomat", 1), "South Korea/demonym/2");
	CHECK_STR(at("Syrian military officials", 0), "Syria/demonym/1");
}

static void
test_metonyms(void)
{
	CHECK_STR(at("the Kremlin vetoed a measure", 0), "Russia/metonym/2");
	CHECK_STR(at("the Kremlin vetoed a measure", 1), "Russia/metonym/1");
	CHECK_STR(at("Moscow made clear", 0), "Russia/metonym/1");
	CHECK_STR(at("Beijing abstained", 0), "China/metonym/1");
	CHECK_STR(at("Downing Street said", 0), "United Kingdom/metonym/2");
	CHECK_STR(at("the White House said", 0), "United States/metonym/3");
	CHECK_STR(at("Washington said", 0), "United States/metonym/1");
	CHECK_INT(flags_at("Washington said", 0), NA_PLACE_AMBIGUOUS);
	CHECK_STR(at("Mexico City said", 0), "Mexico/metonym/2");
}

static void
test_traps(void)
{
	/* New Mexico and New Jersey are US states */
	CHECK_STR(at("New Mexico voted", 1), "-");
	CHECK_STR(at("New Jersey voted", 1), "-");
	/* lower case words are not names; "us" is a pronoun */
	CHECK_STR(at("china and crockery", 0), "-");
	CHECK_STR(at("Let us vote", 1), "-");
	CHECK_STR(at("Let US vote", 1), "United States/name/1");
	CHECK_STR(at("Turkey voted", 0), "Turkey/name/1");
	CHECK_STR(at("Northern Ireland", 0), "United Kingdom/name/2");
	CHECK_STR(at("Georgia voted", 0), "Georgia/name/1");
	CHECK_INT(flags_at("Georgia voted", 0), NA_PLACE_AMBIGUOUS);
	CHECK_STR(at("the resolution", 0), "-");
	CHECK_STR(at("The", 0), "-");
	CHECK_STR(at("United Nations", 0), "-");
	CHECK_STR(at("Nations", 5), "-");
}

static void
test_canonical(void)
{
	CHECK_STR(na_place_canonical("Russian Federation"), "Russia");
	CHECK_STR(na_place_canonical("the Kremlin"), "Russia");
	CHECK_STR(na_place_canonical("british"), "United Kingdom");
	CHECK_STR(na_place_canonical("  U.S.  "), "United States");
	CHECK_STR(na_place_canonical("Korea, Republic of") ? "?" : "none", "none");
	CHECK(na_place_canonical("us") == NULL);
	CHECK(na_place_canonical("") == NULL);
	CHECK(na_place_canonical("Atlantis") == NULL);
	CHECK(na_place_country_count() > 240);
	for (uint32_t i = 1; i < na_place_country_count(); i++)
		CHECK(strcmp(na_place_country(i - 1), na_place_country(i)) < 0);
	CHECK(na_place_country(na_place_country_count()) == NULL);
}

/*
 * The first-word filter is generated by scripts/gen-places in Python and
 * read by places.c in C: every first word of the tables must pass it, or
 * its places are never found.
 */
static void
test_first_filter(void)
{
	int			refused = 0;

	for (uint32_t h = 0; h <= na_place_hash_mask; h++)
	{
		const na_place_first *f;
		const char *word;
		uint32_t	bit;

		if (na_place_hash[h] == 0)
			continue;
		f = &na_place_firsts[na_place_hash[h] - 1];
		word = NA_PLACE_STR(f->word);
		bit = na_place_filter_bit((unsigned char) word[0], (unsigned char) word[f->len > 1],
								  (unsigned char) word[f->len - 1], f->len);
		if (!((na_place_first_filter[bit >> 6] >> (bit & 63)) & 1))
			refused++;
	}
	CHECK_INT(refused, 0);
}

static const unit_case cases[] = {
	{"names", test_names},
	{"possessives", test_possessives},
	{"demonyms_and_peoples", test_demonyms_and_peoples},
	{"metonyms", test_metonyms},
	{"traps", test_traps},
	{"canonical", test_canonical},
	{"first_filter", test_first_filter},
	{NULL, NULL}
};

int
main(void)
{
	int			rc = unit_run("places", cases);

	na_doc_free(&doc, na_mem_stdlib());
	return rc;
}
