/*
 * test_lexicon.c - unit tests of the lexicon lookup (na_lexicon.h): case
 * folding as Python's str.casefold does it, exact and folded lists, rows and
 * attributes, every listed key found again, phrases over tokens.
 */
#include <stdlib.h>

#include "na_lexicon.h"
#include "na_scan.h"
#include "quote_internal.h"
#include "unit.h"

/* the folded form of s, or "<none>" */
static const char *
fold(const char *s)
{
	static char buf[NA_LEX_KEY_MAX * 4 + 1];
	size_t		n = na_lex_fold(s, strlen(s), buf, sizeof(buf) - 1);

	if (n == (size_t) -1)
		return "<none>";
	buf[n] = '\0';
	return buf;
}

static void
test_fold(void)
{
	CHECK_STR(fold("Said"), "said");
	CHECK_STR(fold("Déclaré"), "déclaré");
	CHECK_STR(fold("DÉCLARÉ"), "déclaré");
	CHECK_STR(fold("BÜRGERMEISTER"), "bürgermeister");
	CHECK_STR(fold("Straße"), "strasse");	/* full folding, not lower-casing */
	CHECK_STR(fold("ΣΟΦΟΣ"), "σοφοσ");
	CHECK_STR(fold("\xe2\x84\xaa"), "k");	/* KELVIN SIGN */
	CHECK_STR(fold("a\xff"), "<none>");	/* not UTF-8 */
	CHECK_STR(fold(""), "");
}

static int32_t
lookup(na_lex_list list, const char *s)
{
	return na_lex_lookup(list, s, strlen(s));
}

static void
test_exact_and_folded(void)
{
	/* exact lists: "Ill." abbreviates Illinois, "ill." ends a sentence */
	CHECK(lookup(NA_LEX_ABBREVIATIONS, "Ill") >= 0);
	CHECK(lookup(NA_LEX_ABBREVIATIONS, "ill") < 0);
	CHECK(lookup(NA_LEX_ABBREVIATIONS, "ILL") < 0);
	CHECK(lookup(NA_LEX_ABBREVIATIONS, "Dña") >= 0);
	CHECK(lookup(NA_LEX_ABBREVIATIONS, "DÑA") < 0);
	CHECK(lookup(NA_LEX_TITLE_ABBREVIATIONS, "Dña.") >= 0);
	/* folded lists: any case */
	CHECK(lookup(NA_LEX_SENTENCE_STARTERS, "however") >= 0);
	CHECK(lookup(NA_LEX_SENTENCE_STARTERS, "However") >= 0);
	CHECK(lookup(NA_LEX_SENTENCE_STARTERS, "HOWEVER") >= 0);
	CHECK(lookup(NA_LEX_SENTENCE_STARTERS, "Howevers") < 0);
	CHECK(lookup(NA_LEX_SENTENCE_STARTERS, "") < 0);
	CHECK(lookup(NA_LEX_SENTENCE_STARTERS, "a very long token that is in no list at all") < 0);
	/* one key in two lists */
	CHECK(na_lex_has(NA_LEX_ENGLISH_MARKERS, "The", 3));
	CHECK(na_lex_has(NA_LEX_SENTENCE_STARTERS, "The", 3));
	CHECK(!na_lex_has(NA_LEX_PEOPLE_FOLLOWERS, "The", 3));
}

static void
test_token_entries(void)
{
	int32_t		exact;
	int32_t		folded;

	na_lex_token("The", 3, &exact, &folded);
	CHECK(exact < 0);			/* no exact list holds "The" */
	CHECK(na_lex_in(NA_LEX_SENTENCE_STARTERS, folded));
	CHECK(na_lex_in(NA_LEX_ENGLISH_MARKERS, folded));
	CHECK(!na_lex_in(NA_LEX_ABBREVIATIONS, folded));
	na_lex_token("Co", 2, &exact, &folded);
	CHECK(na_lex_in(NA_LEX_ABBREVIATIONS, exact));
	CHECK(!na_lex_in(NA_LEX_ABBREVIATIONS, folded));	/* "co" is not "Co" */
	CHECK(!na_lex_in(NA_LEX_ABBREVIATIONS, -1));
}

static void
test_rows_and_attributes(void)
{
	int32_t		row = lookup(NA_LEX_ABBREVIATIONS, "Wash");

	CHECK(row >= 0);
	if (row >= 0)
	{
		CHECK_STR(na_lex_key(NA_LEX_ABBREVIATIONS, (uint32_t) row), "Wash");
		CHECK_STR(na_lex_attr(NA_LEX_ABBREVIATIONS, (uint32_t) row, NA_LEX_ABBREVIATIONS_GROUP),
				  "us_state");
	}
	row = lookup(NA_LEX_ABBREVIATIONS, "Sra");
	CHECK(row >= 0 && strcmp(na_lex_attr(NA_LEX_ABBREVIATIONS, (uint32_t) row,
										 NA_LEX_ABBREVIATIONS_GROUP), "title_foreign") == 0);
}

/* Every row of every list is found again, as its key and (folded lists) in capitals. */
static void
test_every_key(void)
{
	for (int l = 0; l < NA_LEX_NLISTS; l++)
	{
		const na_lex_list_info *info = &na_lex_lists[l];

		CHECK(info->nrows > 0);
		for (uint32_t r = 0; r < info->nrows; r++)
		{
			const char *key = na_lex_key((na_lex_list) l, r);
			char		upper[NA_LEX_KEY_MAX + 1];
			size_t		n = strlen(key);

			CHECK_INT(lookup((na_lex_list) l, key), (int32_t) r);
			if (r > 0)
				CHECK(strcmp(na_lex_key((na_lex_list) l, r - 1), key) < 0 || !info->exact);
			if (info->exact)
				continue;
			for (size_t i = 0; i < n; i++)
				upper[i] = (key[i] >= 'a' && key[i] <= 'z') ? (char) (key[i] - 32) : key[i];
			CHECK_INT(na_lex_lookup((na_lex_list) l, upper, n), (int32_t) r);
		}
	}
	for (uint32_t e = 0; e < na_lex_nentries; e++)
		CHECK(na_lex_entries[e].hash == na_lex_hash(NA_LEX_ENTRY_KEY(&na_lex_entries[e]), na_lex_entries[e].len));
}

static void
test_longest(void)
{
	const char *s = "He left the U.S. However, they stayed.";
	na_doc		doc;
	uint32_t	n = 99;
	int32_t		row;
	uint32_t	however = UINT32_MAX;

	CHECK_INT(na_scan(&doc, s, strlen(s), 0, na_mem_stdlib()), NA_OK);
	for (uint32_t i = 0; i < doc.ntokens; i++)
		if (doc.tokens[i].len == 7 && memcmp(s + doc.tokens[i].start, "However", 7) == 0)
			however = i;
	CHECK(however != UINT32_MAX);
	row = na_lex_longest(NA_LEX_SENTENCE_STARTERS, &doc, however, &n);
	CHECK(row >= 0 && n == 1);
	CHECK_INT(na_lex_longest(NA_LEX_SENTENCE_STARTERS, &doc, 1, &n), -1);	/* "left" */
	CHECK_INT(n, 0);
	CHECK_INT(na_lex_longest(NA_LEX_SENTENCE_STARTERS, &doc, doc.ntokens, &n), -1);
	na_doc_free(&doc, na_mem_stdlib());
}

/* The token of doc that spells w, or UINT32_MAX. */
static uint32_t
token_spelling(const na_doc *doc, const char *text, const char *w)
{
	for (uint32_t i = 0; i < doc->ntokens; i++)
		if (doc->tokens[i].len == strlen(w) && memcmp(text + doc->tokens[i].start, w, strlen(w)) == 0)
			return i;
	return UINT32_MAX;
}

/* A phrase's last word may carry a possessive, and only with the _possessive lookup. */
static void
test_longest_possessive(void)
{
	const char *s = "The Security Council\u2019s vote came after the Bundestag's debate and the "
		"House of Lords' reply; the security council's staff, the Council's and the Knesset's.";
	na_doc		doc;
	uint32_t	n = 99;
	int32_t		row;

	CHECK_INT(na_scan(&doc, s, strlen(s), 0, na_mem_stdlib()), NA_OK);
	row = na_lex_longest_possessive(NA_LEX_VOTE_BODIES, &doc, token_spelling(&doc, s, "Security"), &n);
	CHECK(row >= 0 && n == 2);
	CHECK_STR(na_lex_attr(NA_LEX_VOTE_BODIES, (uint32_t) row, NA_LEX_VOTE_BODIES_CANONICAL), "UN Security Council");
	CHECK_INT(na_lex_longest(NA_LEX_VOTE_BODIES, &doc, token_spelling(&doc, s, "Security"), &n), -1);
	/* one word before its 's; lower case as the list folds it */
	row = na_lex_longest_possessive(NA_LEX_VOTE_BODIES, &doc, token_spelling(&doc, s, "Bundestag's"), &n);
	CHECK(row >= 0 && n == 1);
	row = na_lex_longest_possessive(NA_LEX_VOTE_BODIES, &doc, token_spelling(&doc, s, "security"), &n);
	CHECK(row >= 0 && n == 2);
	/* "Lords'" is a plural's apostrophe, not 's: no key; "Council's" alone is no body of the list */
	CHECK_INT(na_lex_longest_possessive(NA_LEX_VOTE_BODIES, &doc, token_spelling(&doc, s, "House"), &n), -1);
	CHECK_INT(na_lex_longest_possessive(NA_LEX_VOTE_BODIES, &doc, token_spelling(&doc, s, "Council's"), &n), -1);
	CHECK_INT(n, 0);
	row = na_lex_longest_possessive(NA_LEX_VOTE_BODIES, &doc, token_spelling(&doc, s, "Knesset's"), &n);
	CHECK(row >= 0 && n == 1);
	na_doc_free(&doc, na_mem_stdlib());
}

/* the shape of the len bytes at w followed by suffix (a possessive), for the filters */
static uint32_t
shape_with(const char *w, size_t len, const char *suffix)
{
	char		buf[NA_LEX_KEY_MAX + 8];
	size_t		n = len + strlen(suffix);

	memcpy(buf, w, len);
	memcpy(buf + len, suffix, strlen(suffix));
	return na_lex_shape(na_lex_shape_head((const unsigned char *) buf, n), (unsigned char) buf[n - 1], n);
}

/*
 * The words the vote analyser's first pass reads must all pass its filter
 * (NA_TF_VOTE_SHAPE): the trigger and body words, the possessives of body
 * words ("the Council's vote") and the gazetteer's first words.  Returns
 * how many are refused.
 */
static int
vote_first_pass_refusals(void)
{
	static const na_lex_list plain[] = {NA_LEX_VOTE_TRIGGERS, NA_LEX_VOTE_LOWER_BODIES,
		NA_LEX_VOTE_BODY_HEADS, NA_LEX_VOTE_BODY_STARTS, NA_LEX_VOTE_NUMBER_WORDS};
	static const na_lex_list possessive[] = {NA_LEX_VOTE_LOWER_BODIES, NA_LEX_VOTE_BODY_HEADS,
		NA_LEX_VOTE_POSSESSIVE_BODY_STARTS};
	int			refused = 0;

	for (size_t k = 0; k < sizeof(plain) / sizeof(plain[0]); k++)
		for (uint32_t row = 0; row < na_lex_lists[plain[k]].nrows; row++)
		{
			const char *key = na_lex_key(plain[k], row);

			refused += !na_lex_shape_may(NA_LEX_SHAPES_VOTE_FIRST_PASS, shape_with(key, strlen(key), ""));
		}
	for (size_t k = 0; k < sizeof(possessive) / sizeof(possessive[0]); k++)
		for (uint32_t row = 0; row < na_lex_lists[possessive[k]].nrows; row++)
		{
			const char *key = na_lex_key(possessive[k], row);

			refused += !na_lex_shape_may(NA_LEX_SHAPES_VOTE_FIRST_PASS, shape_with(key, strlen(key), "'s"));
			refused += !na_lex_shape_may(NA_LEX_SHAPES_VOTE_FIRST_PASS,
										 shape_with(key, strlen(key), "\xE2\x80\x99s"));
		}
	for (uint32_t row = 0; row < na_lex_lists[NA_LEX_VOTE_BODIES].nrows; row++)
	{
		const char *key = na_lex_key(NA_LEX_VOTE_BODIES, row);
		const char *space = strchr(key, ' ');

		refused += !na_lex_shape_may(NA_LEX_SHAPES_VOTE_FIRST_PASS,
									 shape_with(key, space ? (size_t) (space - key) : strlen(key), ""));
	}
	return refused;
}

/*
 * The generated filters are computed in Python (scripts/gen-lexicon) and
 * read in C: every key must pass its list's first-word filter (and a list
 * of phrases only its second-word filter), and every
 * key of the quote analyser's lists (the run quote_lex.c reads) and of the
 * reporting cues must pass its shape filter, or those words are never found.
 */
static void
test_generated_filters(void)
{
	int			refused = 0;

	for (uint32_t l = 0; l < NA_LEX_NLISTS; l++)
		for (uint32_t row = 0; row < na_lex_lists[l].nrows; row++)
		{
			const char *key = na_lex_key((na_lex_list) l, row);
			const char *space = strchr(key, ' ');
			size_t		len = strlen(key);
			uint32_t	h = na_lex_hash(key, space ? (size_t) (space - key) : len) &
				(NA_LEX_FIRST_WORD_BITS - 1);
			uint32_t	shape = na_lex_shape(na_lex_shape_head((const unsigned char *) key, len),
											 (unsigned char) key[len - 1], len);

			if (!((na_lex_first_words[l][h >> 6] >> (h & 63)) & 1))
				refused++;
			/* a list of phrases only: the second word passes its filter */
			if (na_lex_lists[l].second_words >= 0)
			{
				const char *second = space ? space + 1 : key + len;
				const char *after = strchr(second, ' ');
				uint32_t	h2 = na_lex_hash(second, after ? (size_t) (after - second) : strlen(second)) &
					(NA_LEX_FIRST_WORD_BITS - 1);

				if (space == NULL ||
					!((na_lex_second_words[na_lex_lists[l].second_words][h2 >> 6] >> (h2 & 63)) & 1))
					refused++;
			}
			if (l >= Q_LEX_BASE && l < Q_LEX_BASE + LEX_COUNT &&
				!na_lex_shape_may(NA_LEX_SHAPES_QUOTE_WORDS, shape))
				refused++;
			if ((l == NA_LEX_REPORTING_CUES || l == NA_LEX_REPORTING_NOUNS) &&
				!na_lex_shape_may(NA_LEX_SHAPES_REPORTING_CUES, shape))
				refused++;
		}
	CHECK_INT(refused, 0);
	CHECK_INT(vote_first_pass_refusals(), 0);
	/* and the filters refuse something: a word in no list */
	CHECK_INT(na_lex_shape_may(NA_LEX_SHAPES_REPORTING_CUES,
							   na_lex_shape(na_lex_shape_head((const unsigned char *) "xyzzyq", 6),
											'q', 6)), 0);
}

/*
 * The word-at-a-time lookup (na_lex_find_head, used for short words) finds
 * every key of 8 bytes or fewer where na_lex_find does, and misses a word
 * that differs from a key in one byte or in its length: the hash of a word
 * (na_lex_hash_head) and of its bytes (na_lex_hash) agree, and an entry's
 * head is its first bytes.
 */
static void
test_find_head(void)
{
	for (uint32_t e = 0; e < na_lex_nentries; e++)
	{
		const na_lex_entry *x = &na_lex_entries[e];
		uint64_t	head = na_lex_word_at(NA_LEX_ENTRY_KEY(x), x->len < 8 ? x->len : 8);
		char		other[8] = {0};

		CHECK(x->head == head);
		if (x->len > 8)
			continue;
		CHECK_INT(na_lex_hash_head(head, x->len), na_lex_hash(NA_LEX_ENTRY_KEY(x), x->len));
		CHECK_INT(na_lex_find_head(head, x->len, x->hash), (int32_t) e);
		CHECK_INT(na_lex_find(NA_LEX_ENTRY_KEY(x), x->len), (int32_t) e);
		/* one byte changed: another key or none, never this one */
		memcpy(other, NA_LEX_ENTRY_KEY(x), x->len);
		other[x->len - 1] ^= 0x01;
		head = na_lex_word_at(other, x->len);
		CHECK_INT(na_lex_find_head(head, x->len, na_lex_hash_head(head, x->len)),
				  na_lex_find(other, x->len));
		CHECK(na_lex_find(other, x->len) != (int32_t) e);
	}
	/* the same bytes as a longer word (zero padding is no byte of it) */
	CHECK_INT(na_lex_find_head(na_lex_word_at("said", 4), 5, na_lex_hash_head(na_lex_word_at("said", 4), 5)),
			  -1);
}

static const unit_case cases[] = {
	{"fold", test_fold},
	{"exact_and_folded", test_exact_and_folded},
	{"token_entries", test_token_entries},
	{"generated_filters", test_generated_filters},
	{"rows_and_attributes", test_rows_and_attributes},
	{"every_key", test_every_key},
	{"longest", test_longest},
	{"longest_possessive", test_longest_possessive},
	{"find_head", test_find_head},
	{NULL, NULL}
};

int
main(void)
{
	return unit_run("lexicon", cases);
}
