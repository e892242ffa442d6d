/*
 * test_scanner.c - unit tests of the scanner on news text, no server needed.
 */
#include <stdlib.h>

#include "na_scan.h"
#include "unit.h"

static na_doc doc;
static const char *text;

static void
scan(const char *s)
{
	text = s;
	na_doc_free(&doc, na_mem_stdlib());
	CHECK_INT(na_scan(&doc, s, strlen(s), 0, na_mem_stdlib()), NA_OK);
}

/* The text of token i, in a static buffer. */
static const char *
tok(uint32_t i)
{
	static char buf[256];

	if (i >= doc.ntokens)
		return "(none)";
	snprintf(buf, sizeof(buf), "%.*s", (int) doc.tokens[i].len, text + doc.tokens[i].start);
	return buf;
}

static const char *
kind(uint32_t i)
{
	return i < doc.ntokens ? na_kind_name(doc.tokens[i].kind) : "(none)";
}

static void
test_words_and_apostrophes(void)
{
	scan("Kremlin’s isn't rock ’n’ roll");
	CHECK_INT(doc.ntokens, 5);
	CHECK_STR(tok(0), "Kremlin’s");
	CHECK_STR(tok(1), "isn't");
	CHECK_STR(tok(3), "’n’");
	CHECK_STR(kind(3), "word");
}

static void
test_numbers(void)
{
	scan("1,272 3.5% $2.5 billion 52-48 13-0-2 1980s");
	CHECK_INT(doc.ntokens, 6);
	CHECK_STR(kind(0), "number");
	CHECK_STR(tok(1), "3.5%");
	CHECK_STR(kind(1), "percent");
	CHECK_STR(tok(2), "$2.5 billion");
	CHECK_STR(kind(2), "money");
	CHECK_STR(kind(3), "range");
	CHECK_STR(tok(4), "13-0-2");
	CHECK_STR(kind(5), "number");
}

static void
test_abbreviations_and_initials(void)
{
	scan("Mr. Nikki R. Haley of the U.S. met W. M. D. s at 5 a.m.");
	CHECK_STR(kind(0), "abbreviation");
	CHECK_STR(kind(2), "initial");
	CHECK_STR(tok(6), "U.S.");
	CHECK_STR(kind(6), "abbreviation");
	CHECK_STR(kind(8), "initial");
	CHECK_INT(doc.nsentences, 1);
}

static void
test_quotes(void)
{
	scan("He said \"no.\" She said “yes,” and 'maybe'.");
	CHECK_STR(kind(2), "open_quote");
	CHECK_STR(kind(5), "close_quote");
	CHECK_STR(kind(8), "open_quote");
	CHECK_STR(kind(11), "close_quote");
	CHECK_STR(kind(13), "open_quote");
	CHECK_STR(kind(15), "close_quote");
	CHECK_INT(doc.nsentences, 2);
}

static void
test_spaced_closing_quote(void)
{
	/* the "place. ” Next" form: the quote closes the first sentence */
	scan("“It is a dangerous place. ” Diplomats said so.");
	CHECK_INT(doc.nsentences, 2);
	CHECK_INT(doc.sentences[0].cstart + doc.sentences[0].clen, 27);
}

static void
test_sentence_after_abbreviation(void)
{
	scan("He lives in the U.S. The next day he left. He met Gov. Smith on Jan. 24.");
	CHECK_INT(doc.nsentences, 3);
}

static void
test_paragraphs(void)
{
	scan("One line\nSecond paragraph.\n\nThird one");
	CHECK_INT(doc.nparagraphs, 3);
	CHECK_INT(doc.nsentences, 3);
	CHECK_INT(doc.tokens[2].paragraph, 1);
}

static void
test_character_offsets(void)
{
	scan("François 東京 😀 ok");
	CHECK_INT(doc.ntokens, 5);
	CHECK_INT(doc.tokens[1].cstart, 9);
	CHECK_STR(kind(1), "ideograph");
	CHECK_INT(doc.tokens[3].cstart, 12);
	CHECK_STR(kind(3), "emoji");
	CHECK_INT(doc.tokens[4].cstart, 14);
	CHECK_INT(doc.nchars, 16);
}

static void
test_invalid_utf8(void)
{
	/* invalid bytes are one character each and never split a token badly */
	scan("ab\xff\xfe cd \xe2\x80");
	CHECK(doc.ntokens >= 2);
	CHECK_INT(doc.nchars, 10);	/* a b ff fe sp c d sp e2 80 */
}

static void
test_urls_and_handles(void)
{
	scan("See https://example.org/a?b=1. Mail press@un.org or @UN #veto");
	CHECK_STR(kind(1), "url");
	CHECK_STR(tok(1), "https://example.org/a?b=1");
	CHECK_STR(kind(4), "email");
	CHECK_STR(kind(6), "handle");
	CHECK_STR(kind(7), "hashtag");
}

static void
test_empty(void)
{
	scan("");
	CHECK_INT(doc.ntokens, 0);
	CHECK_INT(doc.nsentences, 0);
	scan("   \n\n  ");
	CHECK_INT(doc.ntokens, 0);
	CHECK_INT(doc.nparagraphs, 0);
}

int
main(void)
{
	static const unit_case cases[] = {
		{"words_and_apostrophes", test_words_and_apostrophes},
		{"numbers", test_numbers},
		{"abbreviations_and_initials", test_abbreviations_and_initials},
		{"quotes", test_quotes},
		{"spaced_closing_quote", test_spaced_closing_quote},
		{"sentence_after_abbreviation", test_sentence_after_abbreviation},
		{"paragraphs", test_paragraphs},
		{"character_offsets", test_character_offsets},
		{"invalid_utf8", test_invalid_utf8},
		{"urls_and_handles", test_urls_and_handles},
		{"empty", test_empty},
		{NULL, NULL}
	};
	int			status = unit_run("scanner", cases);

	na_doc_free(&doc, na_mem_stdlib());
	return status;
}
