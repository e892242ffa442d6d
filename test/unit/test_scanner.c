/*
 * test_scanner.c - unit tests of the scanner on news text, no server needed.
 */
#include <stdlib.h>

#include "na_layout.h"
#include "na_lexicon.h"
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
test_foreign_titles(void)
{
	/* Spanish and French honorifics keep their name, as English ones do */
	scan("Según la Sra. Ruiz, el pacto sigue. Mme. Vasseur a répondu.");
	CHECK_INT(doc.nsentences, 2);
	CHECK_STR(tok(2), "Sra.");
	CHECK_STR(kind(2), "abbreviation");
	CHECK_STR(tok(9), "Mme.");
}

static void
test_cjk_sentences(void)
{
	/* 。 ends a sentence although CJK text puts no space after it */
	scan("東京は晴れ。大阪は雨！本当？");
	CHECK_INT(doc.nsentences, 3);
	CHECK_INT(doc.sentences[1].cstart, 6);
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

static void
test_word_flags(void)
{
	/* the ASCII fast path and the general path set the same flags */
	scan("Hello WORLD mp3 I x1 Élan ÉTÉ");
	CHECK_INT(doc.tokens[0].flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS), NA_TF_CAPITALIZED);
	CHECK_INT(doc.tokens[1].flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS),
			  NA_TF_CAPITALIZED | NA_TF_ALLCAPS);
	CHECK_INT(doc.tokens[2].flags & (NA_TF_HAS_DIGIT | NA_TF_CAPITALIZED), NA_TF_HAS_DIGIT);
	CHECK_INT(doc.tokens[3].flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS), NA_TF_CAPITALIZED);
	CHECK(doc.tokens[4].flags & NA_TF_HAS_DIGIT);
	CHECK_INT(doc.tokens[5].flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS | NA_TF_NONASCII),
			  NA_TF_CAPITALIZED | NA_TF_NONASCII);
	CHECK_INT(doc.tokens[6].flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS | NA_TF_NONASCII),
			  NA_TF_CAPITALIZED | NA_TF_ALLCAPS | NA_TF_NONASCII);
	CHECK(doc.tokens[1].flags & NA_TF_SPACE_BEFORE);
	CHECK(!(doc.tokens[0].flags & NA_TF_NONASCII));
}

static void
test_word_endings(void)
{
	/* a plain word stops where scan_word must look further */
	scan("word. Kremlin's Russia-backed AT&T press@un.org http://x.org/a www.x.org now");
	CHECK_STR(tok(0), "word");
	CHECK_STR(tok(1), ".");
	CHECK_STR(tok(2), "Kremlin's");
	CHECK_STR(tok(3), "Russia-backed");
	CHECK(doc.tokens[3].flags & NA_TF_HYPHENATED);
	CHECK_STR(tok(4), "AT&T");
	CHECK_STR(kind(5), "email");
	CHECK_STR(kind(6), "url");
	CHECK_STR(tok(7), "www.x.org");
	CHECK_STR(kind(7), "url");
	CHECK_STR(tok(8), "now");
}

static void
test_news_abbreviations(void)
{
	scan("He met then-Sen. Barack Obama at No. 10 in St. Louis on Sept. 11 at 10 a.m. Monday.");
	CHECK_INT(doc.nsentences, 1);
	CHECK_STR(tok(2), "then-Sen.");
	CHECK_STR(kind(2), "abbreviation");
	scan("The U.S Senate met. It was the U.S. The vote failed.");
	CHECK_STR(tok(1), "U.S");
	CHECK_STR(kind(1), "abbreviation");
	CHECK_INT(doc.nsentences, 3);
}

static void
test_sentence_edges(void)
{
	/* a dotted state after a comma closes a place name */
	scan("A rally in Fayetteville, N.C. Protesters came. In Washington, D.C., they met.");
	CHECK_INT(doc.nsentences, 3);
	/* a space lost after a full stop, but not inside ASP.NET */
	scan("He gave to the appeal.Steve will run. He uses ASP.NET daily.");
	CHECK_INT(doc.nsentences, 3);
	/* a lone closing apostrophe after the stop stays with its sentence */
	scan("We can StopGunViolence.’ Schumer was there.");
	CHECK_INT(doc.nsentences, 2);
	CHECK_STR(tok(doc.sentences[0].first_token + doc.sentences[0].ntokens - 1), "’");
	/* the possessive of an abbreviation does not start a quotation */
	scan("Joseph R. Biden Jr.'s decision came. The U.S.’s role grew.");
	CHECK_INT(doc.nsentences, 2);
	CHECK_STR(tok(4), "'s");
	CHECK_STR(kind(4), "word");
	/* ?” and !” end a sentence */
	scan("“Is it over?” Yes. “Stop!” he said.");
	CHECK_INT(doc.nsentences, 3);
}

static void
test_count_bytes(void)
{
	/* SQL_ASCII: offsets count bytes */
	const char *s = "é a\xff b";

	text = s;
	na_doc_free(&doc, na_mem_stdlib());
	CHECK_INT(na_scan(&doc, s, strlen(s), NA_SCAN_COUNT_BYTES, na_mem_stdlib()), NA_OK);
	CHECK_INT(doc.tokens[1].cstart, 3);
	CHECK_INT(doc.tokens[1].clen, 1);
	CHECK_INT(doc.nchars, (uint32_t) strlen(s));
}

static void
test_doubled_apostrophes(void)
{
	/* ''like this'': two apostrophes are one double mark */
	scan("He said, ''We will win.'' Then he left.");
	CHECK_STR(tok(3), "''");
	CHECK_STR(kind(3), "open_quote");
	CHECK_INT(doc.tokens[3].mark, NA_MARK_DOUBLE);
	CHECK_STR(tok(8), "''");
	CHECK_STR(kind(8), "close_quote");
	CHECK_INT(doc.nsentences, 2);
	/* three: the single mark is the inner one */
	scan("''Yell 'China bad.''' But he did not. '''Why?' he asked,'' she said.");
	CHECK_STR(tok(6), "'");
	CHECK_STR(kind(6), "close_quote");
	CHECK_STR(tok(7), "''");
	CHECK_STR(kind(7), "close_quote");
	CHECK_INT(doc.nsentences, 3);
	CHECK_STR(tok(doc.sentences[2].first_token), "''");
	CHECK_STR(tok(doc.sentences[2].first_token + 1), "'");
	CHECK_STR(kind(doc.sentences[2].first_token + 1), "open_quote");
}


/* A hard-wrapped paragraph is one paragraph; a blank line still ends it. */
static void
test_hard_wrapped(void)
{
	const char *wrapped =
		"The finance ministers of the region met in the capital on Monday\n"
		"and agreed to extend the credit line for exporters by a year, after\n"
		"talks that ran late into the night over the cost of the guarantees.\n"
		"\n"
		"The Senate voted\n"
		"61 to 38 to approve the measure later that week, officials said on\n"
		"Friday, and the House is expected to follow before the recess ends.\n";

	scan(wrapped);
	CHECK_INT(doc.nparagraphs, 2);
	CHECK_INT(doc.nsentences, 2);
	/* "and" continues the first line: a space, flagged as a soft break */
	CHECK_STR(tok(12), "and");
	CHECK((doc.tokens[12].flags & NA_TF_SOFT_BREAK) != 0);
	CHECK((doc.tokens[12].flags & NA_TF_PARA_START) == 0);
	CHECK_INT(doc.tokens[12].paragraph, 0);
}

/*
 * The paragraph cues of wrapped text taken from web pages: a no-break space
 * leading a line is no indent (the wrap fell on the space before it), one
 * ending a sentence's line ends the paragraph ("&nbsp;" at a paragraph's
 * end), and a numbered item after a short line is an item even when the line
 * before ends no sentence.
 */
static void
test_wrapped_web_text(void)
{
	const char *wrapped =
		"Council members argued for hours over the harbour budget and the\n"
		"ferry timetable before the chair called a vote late in the evening.\n"
		"\xC2\xA0Members then passed the budget without a recorded objection, and\n"
		"the ferry plan was sent back to the transport committee for review.\xC2\xA0\n"
		"Ferry operators said they would ask the committee to keep the early\n"
		"boats, which carry most of the workers who commute across the bay.\n"
		"\n"
		"Items for the next meeting\n"
		"1. Harbour dues\n"
		"2. Parking near the terminal\n";

	scan(wrapped);
	CHECK_INT(doc.nparagraphs, 5);
	/* "\xC2\xA0Members" continues the paragraph */
	CHECK_INT(doc.sentences[1].paragraph, 0);
	/* "review.\xC2\xA0" ends it */
	CHECK_INT(doc.sentences[2].paragraph, 1);
	/* "Items for the next meeting" and each item are paragraphs */
	CHECK_INT(doc.sentences[3].paragraph, 2);
	CHECK_INT(doc.sentences[4].paragraph, 3);
	CHECK_INT(doc.sentences[doc.nsentences - 1].paragraph, 4);

	/* two no-break spaces ("&nbsp;&nbsp;") end a paragraph as one does */
	scan("Council members argued for hours over the harbour budget and the\n"
		 "ferry timetable before the chair called a vote late in the evening.\n"
		 "Members then passed the budget without a recorded objection, and\n"
		 "the ferry plan was sent back to the transport committee for review.\xC2\xA0\xC2\xA0\n"
		 "Ferry operators said they would ask the committee to keep the early\n"
		 "boats, which carry most of the workers who commute across the bay.\n");
	CHECK_INT(doc.nparagraphs, 2);
	CHECK_INT(doc.sentences[2].paragraph, 1);

	/* a hyphen after a wrapped line's break is spaced: a dash, as unwrapped */
	scan("The water board said on Tuesday that it would sell off its old depots\n"
		 "- a third of the land it owns - to the city council, which plans to\n"
		 "build a school and a clinic on them before the end of next year.\n");
	CHECK_INT(doc.nparagraphs, 1);
	CHECK_STR(tok(14), "-");
	CHECK_STR(kind(14), "dash");
}

/*
 * A wrapped text of paragraphs on lines of their own: where a paragraph's last
 * line is full, the text's habits tell its end (layout.c, wrap_habits): a
 * quotation or an attribution closing it, a signed quotation before the
 * next, a headline's "; " before its subtitle (not in a text that puts two
 * spaces between sentences, where a wrap can leave one at a line's end); a
 * line opening with the attribution of the quotation before it goes on.
 */
static void
test_wrapped_paragraph_habits(void)
{
	char		text[2048];
	const char *at;
	const char *wrapped =
		"Board shuts Kestrel Point ferry pier after ninety-four years; \n"
		"The harbour board voted on Thursday to close the old ferry pier\n"
		"at Kestrel Point, ending a service that ran for more than ninety\n"
		"years.\n"
		"\xE2\x80\x9C" "We could not keep patching a pier the sea is slowly taking\n"
		"back, and nobody wanted to be the one to say it out loud.\xE2\x80\x9D" "\n"
		"Members said repairs would have cost twice the board's yearly\n"
		"budget.\n"
		"Fares on the two remaining routes will rise by four percent in\n"
		"April to pay for a new landing stage, the chair Tom Brill said.\n"
		"Villagers gathered at the pier on Friday evening to mark its\n"
		"last crossing.\n"
		"\xE2\x80\x9C" "The pier was the heart of this village for as long as anyone\n"
		"can remember, long before anyone built the road.\xE2\x80\x9D" " \xE2\x80\x95" " Maren Holt\n"
		"\xE2\x80\x9C" "My father fished from it every day.\xE2\x80\x9D" " \xE2\x80\x95" " Dan Ruiz\n"
		"\xE2\x80\x9C" "Who would have thought we would see this happen on our bay?\xE2\x80\x9D" "\n"
		"Brill said. \xE2\x80\x9C" "It is a loss for every family here.\xE2\x80\x9D" "\n"
		"The board will meet again in May to decide what becomes of the\n"
		"land.\n";

	scan(wrapped);
	CHECK_INT(doc.nparagraphs, 10);
	CHECK_INT(doc.nsentences, 14);
	CHECK_INT(doc.sentences[0].paragraph, 0);	/* the headline */
	CHECK_INT(doc.sentences[2].paragraph, 2);	/* "... out loud.”" */
	CHECK_INT(doc.sentences[3].paragraph, 3);	/* "Members said ..." */
	CHECK_INT(doc.sentences[5].paragraph, 5);	/* after "Tom Brill said." */
	CHECK_INT(doc.sentences[8].paragraph, 7);	/* after "― Maren Holt" */
	CHECK_INT(doc.sentences[11].paragraph, 8);	/* "Brill said." goes on */

	/* two spaces between two sentences: the "; " may be a wrap's leftover */
	at = strstr(wrapped, "Brill said. ");
	CHECK(at != NULL && strlen(wrapped) + 2 < sizeof(text));
	memcpy(text, wrapped, (size_t) (at - wrapped) + 12);
	strcpy(text + (at - wrapped) + 12, at + 11);
	scan(text);
	CHECK_INT(doc.nparagraphs, 9);
	CHECK_INT(doc.nsentences, 13);	/* headline and lead: one sentence */
	CHECK_INT(doc.sentences[1].paragraph, 1);
}

/*
 * In a wrapped text of single-break paragraphs whose wraps leave no white
 * space at a line's end, a full line ending a sentence with white space after
 * it is a paragraph's last line; not where the text puts two spaces between
 * sentences (a wrap there can leave one).
 */
static void
test_wrapped_trailing_blank(void)
{
	char		text[1024];
	const char *at;
	const char *wrapped =
		"The water board raised its charges by six percent on Monday, the\n"
		"first rise in three years.\n"
		"Households in the valley will pay about forty more a year from\n"
		"April, and farms will pay more for every litre they take from\n"
		"the river in the long dry months of the summer and autumn. \n"
		"Officials said the money would go to new pipes in the old town,\n"
		"where leaks lose a fifth of the water.\n"
		"Its chair, Lena Ostrom, will take questions at the town hall\n"
		"next week.\n";

	scan(wrapped);
	CHECK_INT(doc.nparagraphs, 4);
	CHECK_INT(doc.sentences[2].paragraph, 2);

	at = strstr(wrapped, "Monday, the");
	CHECK(at != NULL && strlen(wrapped) + 2 < sizeof(text));
	memcpy(text, wrapped, (size_t) (at - wrapped) + 8);
	strcpy(text + (at - wrapped) + 8, at + 7);	/* "Monday,  the" */
	scan(text);
	CHECK_INT(doc.nparagraphs, 3);
	CHECK_INT(doc.sentences[2].paragraph, 1);
}

/*
 * A wrapped text that ends most of its paragraphs at single line breaks and
 * sets a few apart with blank lines (a headline, a block quotation): more
 * single-break ends than blank lines, not twice as many.  Where a
 * paragraph's last line is full, an attribution ending it ("..., the board
 * chair Tom Brill said."), white space after its sentence where the text's
 * wraps leave none, and a paragraph that would otherwise run longer than
 * nine in ten of the text's paragraphs end it, as in a text of single-break
 * paragraphs: each sentence here is a paragraph of its own, as written.
 */
static void
test_wrapped_mixed_paragraph_ends(void)
{
	const char *wrapped =
		"Harbour board closes the old ferry pier at Kestrel Point\n"
		"\n"
		"The harbour board voted on Thursday to close the old ferry pier\n"
		"at Kestrel Point, ending a service that ran for almost a\n"
		"century.\n"
		"Repairs would have cost twice the board's yearly budget, members\n"
		"said.\n"
		"Fares on the two remaining routes will rise by four percent in\n"
		"April to pay for a landing stage, the board chair Tom Brill said.\n"
		"Villagers gathered at the pier on Friday evening to watch the\n"
		"last boat leave.\n"
		"Fishermen asked the board whether they could still moor at the\n"
		"pier in winter, and were told to ask the harbour master in May. \n"
		"Their boats will stay at the old quay until the new stage opens.\n"
		"\n"
		"\xE2\x80\x9C" "We could not keep patching a pier the sea is slowly taking\n"
		"back.\xE2\x80\x9D" "\n"
		"\n"
		"The board will meet again in May to decide what becomes of the\n"
		"land.\n"
		"Some members want a park there; others would sell it to pay for\n"
		"the new stage.\n";

	scan(wrapped);
	CHECK_INT(doc.nparagraphs, 10);
	CHECK_INT(doc.nsentences, 10);
	for (uint32_t k = 0; k < doc.nsentences; k++)
		CHECK_INT(doc.sentences[k].paragraph, k);	/* "Villagers ...", "Their boats ..." */

	/* the paragraph of "... end of June." runs to a full line; read on, it
	 * would be six lines where the text's other paragraphs have one or two */
	scan("Harbour board agrees to sell the old ferry terminal\n"
		 "\n"
		 "The harbour board voted on Monday to sell the old ferry terminal\n"
		 "to the city.\n"
		 "The sale ends a dispute that lasted six years.\n"
		 "Members said the building had cost too much to heat and to\n"
		 "insure, and that the money would pay for a new pier.\n"
		 "The chair, Ines Varga, said the vote was close.\n"
		 "\n"
		 "The city will pay four million for the site.\n"
		 "It plans to turn the hall into a covered market with room for\n"
		 "sixty stalls, a cafe and a small museum of the crossings. Work\n"
		 "on the roof will begin in the spring. The council expects the\n"
		 "first of the traders to move in well before the end of June.\n"
		 "Traders who sold fish on the quay for decades welcomed the plan,\n"
		 "though several asked for lower rents in the first year.\n"
		 "\n"
		 "The board will meet again in May.\n"
		 "Its next task is the winter timetable, which the ferry crews\n"
		 "have asked to see by March.\n"
		 "\n"
		 "Ferries will run every hour until October, and every two hours\n"
		 "from then on.\n"
		 "After that, the last boat of the day will leave the island at\n"
		 "nine in the evening.\n"
		 "\n"
		 "A public meeting on the plans for the terminal is set for the\n"
		 "second week of April.");
	CHECK_INT(doc.nparagraphs, 13);
	CHECK_INT(doc.sentences[8].paragraph, 6);	/* "... end of June." */
	CHECK_INT(doc.sentences[9].paragraph, 7);	/* "Traders who sold ..." */
}

/*
 * A text that sets its paragraphs apart with blank lines (five paragraphs,
 * one single line break after a sentence): the single break is a line
 * break inside its paragraph, as Markdown and wiki text read it, unwrapped
 * and hard-wrapped alike (at 58 columns it falls at a full line, where the
 * wrap cannot show it; at 64 at a short one).  A text with as many single
 * breaks as blank lines, and verse in stanzas, keep every line break.
 */
static void
test_blank_line_paragraphs(void)
{
	char		text[2048];
	const char *at;
	const char *layouts[] = {
		"The harbour board met on Tuesday evening in the old customs house to hear the engineers' report on the sea wall, which the winter storms cracked in three places along the northern quay.\n"
		"\n"
		"Engineers told the board that the worst of the cracks would widen with every high tide until the spring, and that sandbags would hold the quay for a few weeks at most.\n"
		"The chair, Ines Varga, said the board would borrow the money if it had to, because the ferries and the fish market depend on the quay for most of their trade.\n"
		"\n"
		"Fishermen who moor their boats along the quay asked the board to let them keep working while the repairs go on, and the engineers said that could be done if the work began at the southern end.\n"
		"\n"
		"The board will vote on the plan at its next meeting in March, after the council has published the full costs of the work and residents have had a month to comment on them.\n"
		"\n"
		"Work on the wall is expected to take most of the summer.",
		"The harbour board met on Tuesday evening in the old\n"
		"customs house to hear the engineers' report on the sea\n"
		"wall, which the winter storms cracked in three places\n"
		"along the northern quay.\n"
		"\n"
		"Engineers told the board that the worst of the cracks\n"
		"would widen with every high tide until the spring, and\n"
		"that sandbags would hold the quay for a few weeks at most.\n"
		"The chair, Ines Varga, said the board would borrow the\n"
		"money if it had to, because the ferries and the fish\n"
		"market depend on the quay for most of their trade.\n"
		"\n"
		"Fishermen who moor their boats along the quay asked the\n"
		"board to let them keep working while the repairs go on,\n"
		"and the engineers said that could be done if the work\n"
		"began at the southern end.\n"
		"\n"
		"The board will vote on the plan at its next meeting in\n"
		"March, after the council has published the full costs of\n"
		"the work and residents have had a month to comment on\n"
		"them.\n"
		"\n"
		"Work on the wall is expected to take most of the summer.",
		"The harbour board met on Tuesday evening in the old customs\n"
		"house to hear the engineers' report on the sea wall, which the\n"
		"winter storms cracked in three places along the northern quay.\n"
		"\n"
		"Engineers told the board that the worst of the cracks would\n"
		"widen with every high tide until the spring, and that sandbags\n"
		"would hold the quay for a few weeks at most.\n"
		"The chair, Ines Varga, said the board would borrow the money if\n"
		"it had to, because the ferries and the fish market depend on the\n"
		"quay for most of their trade.\n"
		"\n"
		"Fishermen who moor their boats along the quay asked the board to\n"
		"let them keep working while the repairs go on, and the engineers\n"
		"said that could be done if the work began at the southern end.\n"
		"\n"
		"The board will vote on the plan at its next meeting in March,\n"
		"after the council has published the full costs of the work and\n"
		"residents have had a month to comment on them.\n"
		"\n"
		"Work on the wall is expected to take most of the summer."
	};

	for (int i = 0; i < 3; i++)
	{
		scan(layouts[i]);
		CHECK_INT(doc.nparagraphs, 5);
		CHECK_INT(doc.nsentences, 6);
		CHECK_INT(doc.sentences[2].paragraph, 1);	/* "The chair, ..." */
		CHECK_INT(doc.sentences[3].paragraph, 2);	/* "Fishermen ..." */
	}

	/* a second single break (before the last paragraph): two against three
	 * blank lines, every line break counts */
	at = strstr(layouts[0], "\n\nWork on");
	CHECK(at != NULL && strlen(layouts[0]) < sizeof(text));
	memcpy(text, layouts[0], (size_t) (at - layouts[0]) + 1);
	strcpy(text + (at - layouts[0]) + 1, at + 2);
	scan(text);
	CHECK_INT(doc.nparagraphs, 6);
	CHECK_INT(doc.sentences[2].paragraph, 2);

	/* verse in stanzas: every line */
	scan("The tide goes out.\nThe gulls come in.\n\nThe boats lie still.\nThe nets are thin.\n\n"
		 "The lamps are lit.\nThe day is done.\n\nThe harbour sleeps.\nWe wait for sun.");
	CHECK_INT(doc.nparagraphs, 8);
}

/* A name wrapped over lines is given on one line; other white space stays. */
static void
test_name_on_one_line(void)
{
	char		out[64];
	const char *wrapped = "Henrike\nVollmer  and\r\nAnna \n Berg";
	size_t		n = na_layout_one_line(wrapped, strlen(wrapped), out);

	out[n] = '\0';
	CHECK_STR(out, "Henrike Vollmer  and Anna Berg");
	CHECK(!na_layout_has_break("Anna  Berg", 10));
	CHECK(na_layout_has_break("Anna\rBerg", 9));
}

/* Verse and lists keep every line break. */
static void
test_verse_and_lists(void)
{
	scan("the tide comes in at noon\nand leaves the boats aground\nthe gulls do not mind");
	CHECK_INT(doc.nparagraphs, 3);
	scan("Three measures passed:\n- a bus lane\n- longer library hours");
	CHECK_INT(doc.nparagraphs, 3);
}

/* CR LF and CR are line breaks like LF; offsets count every character. */
static void
test_crlf(void)
{
	scan("First line.\r\nSecond line.\r\n\r\nThird.\rFourth.");
	CHECK_INT(doc.nparagraphs, 4);
	CHECK_INT(doc.sentences[1].cstart, 13);
	CHECK_INT(doc.sentences[2].cstart, 29);
	CHECK_INT(doc.sentences[3].cstart, 36);
}

/* HTML references are the characters they stand for, at their own offsets. */
static void
test_html_references(void)
{
	scan("&#8220;No,&#8221; said Jos&eacute; &amp; Ana&nbsp;Ruiz.");
	CHECK_STR(kind(0), "open_quote");
	CHECK_INT(doc.tokens[0].clen, 7);
	CHECK_STR(tok(1), "No");
	CHECK_STR(kind(3), "close_quote");
	CHECK_STR(tok(5), "Jos&eacute;");
	CHECK_STR(kind(5), "word");
	CHECK_STR(tok(6), "&amp;");
	CHECK_STR(tok(7), "Ana");
	CHECK_STR(tok(8), "Ruiz");
	CHECK_INT(doc.tokens[8].cstart, 50);
	/* not references: no semicolon, unknown name, a control character */
	scan("M&S &bogus; &#10; AT&T");
	CHECK_STR(tok(0), "M&S");
	CHECK_STR(tok(1), "&");
	CHECK_STR(tok(doc.ntokens - 1), "AT&T");
}

/* A soft hyphen inside a word is nothing; a no-break space is a space. */
static void
test_soft_hyphen(void)
{
	scan("com\xC2\xADmittee met\xC2\xA0today");
	CHECK_INT(doc.ntokens, 3);
	CHECK_STR(tok(0), "com\xC2\xADmittee");
	CHECK_INT(doc.tokens[0].clen, 10);
}

/*
 * A dateline opens the lead sentence's text, but analysers start after it:
 * its tokens are flagged, first_token is the lead's first word.
 */
static void
test_dateline(void)
{
	scan("LONDON (Reuters) - The bank held rates on Thursday.");
	CHECK_INT(doc.nsentences, 1);
	CHECK_INT(doc.sentences[0].cstart, 0);
	CHECK_INT(doc.sentences[0].clen, 51);
	CHECK_STR(tok(doc.sentences[0].first_token), "The");
	CHECK_INT(doc.sentences[0].ntokens, 7);
	CHECK((doc.tokens[0].flags & NA_TF_DATELINE) != 0);
	CHECK((doc.tokens[4].flags & NA_TF_DATELINE) != 0);
	CHECK((doc.tokens[5].flags & NA_TF_DATELINE) == 0);
	CHECK((doc.tokens[5].flags & NA_TF_SENT_START) != 0);
	CHECK_INT(doc.tokens[0].sentence, 0);
	/* an ALL-CAPS kicker of data/lexicon/kickers.tsv before a colon too */
	scan("BREAKING NEWS: The bank held rates on Thursday.");
	CHECK_INT(doc.nsentences, 1);
	CHECK_STR(tok(doc.sentences[0].first_token), "The");
	CHECK((doc.tokens[2].flags & NA_TF_DATELINE) != 0);
	/* an acronym before a colon is a source, not a kicker */
	scan("NATO: Russia has moved troops.");
	CHECK_STR(tok(doc.sentences[0].first_token), "NATO");
	scan("GM, whose plants are idle, said it would wait.");
	CHECK_INT(doc.nsentences, 1);
}

static void
test_cue_shapes(void)
{
	const na_lex_list_info *l = &na_lex_lists[NA_LEX_REPORTING_CUES];
	static const char *const common[] = {
		"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "on", "was",
		"with", "he", "as", "by", "at", "from", "his", "an", "have", "are", "but", "be",
	};
	int			flagged = 0;
	char		buf[128];

	/* every cue, in any case, mid-text and at the very end of the text
	 * (where its first four bytes are not all there to load) */
	CHECK(l->nrows > 100);
	for (uint32_t row = 0; row < l->nrows; row++)
	{
		const char *key = na_lex_key(NA_LEX_REPORTING_CUES, row);
		size_t		n = strlen(key);
		char		upper[64];

		for (size_t k = 0; k < n && k < sizeof(upper) - 1; k++)
			upper[k] = (char) (key[k] >= 'a' && key[k] <= 'z' ? key[k] - 32 : key[k]);
		upper[n < sizeof(upper) - 1 ? n : sizeof(upper) - 1] = '\0';
		snprintf(buf, sizeof(buf), "x %s, %c%s %s", key, upper[0], key + 1, upper);
		scan(buf);
		CHECK_INT(doc.ntokens, 5);
		for (uint32_t t = 1; t < doc.ntokens; t++)
			if (t != 2 && !(doc.tokens[t].flags & NA_TF_CUE_SHAPE))
			{
				fprintf(stderr, "  cue \"%s\" without NA_TF_CUE_SHAPE in \"%s\"\n", tok(t), buf);
				CHECK(0);
			}
	}
	/* words with other letters may fold to a cue: always looked at */
	scan("sayſ Élan");
	CHECK(doc.tokens[0].flags & NA_TF_CUE_SHAPE);
	CHECK(doc.tokens[1].flags & NA_TF_CUE_SHAPE);
	/* the filter is selective: the commonest words pass it rarely */
	for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++)
	{
		scan(common[i]);
		flagged += (doc.tokens[0].flags & NA_TF_CUE_SHAPE) != 0;
	}
	CHECK(flagged <= 2);
	scan("12 , said");
	CHECK(!(doc.tokens[0].flags & NA_TF_CUE_SHAPE));
	CHECK(!(doc.tokens[1].flags & NA_TF_CUE_SHAPE));
}

/* Characters (UTF-8 sequences) in s[0..n): what a token's cstart counts. */
static uint32_t
chars_in(const char *s, size_t n)
{
	uint32_t	chars = 0;

	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char) s[i] & 0xC0) != 0x80;
	return chars;
}

/*
 * Runs of plain words and punctuation are written by a loop of their own
 * (scan_token_run): its tokens must carry the offsets, flags and paragraph
 * the general path gives, across non-ASCII text before a run (character
 * offsets behind byte offsets) and past the room reserved for tokens.
 */
static void
test_token_runs(void)
{
	enum
	{
		UNITS = 20000
	};
	static const char unit_text[] = "a, b. Cd ";
	size_t		unit_len = strlen(unit_text);
	char	   *big = malloc(UNITS * unit_len + 1);

	scan("Caf\xc3\xa9 na\xc3\xafve, the cat sat (on) the mat; it was done.\n\nNew para, here");
	CHECK_INT(doc.ntokens, 20);
	for (uint32_t i = 0; i < doc.ntokens; i++)
	{
		const na_token *t = &doc.tokens[i];

		CHECK_INT(t->cstart, chars_in(text, t->start));
		CHECK_INT(t->clen, chars_in(text + t->start, t->len));
		CHECK_INT((t->flags & NA_TF_SPACE_BEFORE) != 0,
				  t->start == 0 || text[t->start - 1] == ' ' || text[t->start - 1] == '\n');
		CHECK_INT(t->paragraph, i < 16 ? 0 : 1);
	}
	CHECK_STR(tok(2), ",");
	CHECK_STR(kind(2), "punctuation");
	CHECK_STR(tok(15), ".");
	CHECK_INT(doc.tokens[16].flags & (NA_TF_PARA_START | NA_TF_CAPITALIZED),
			  NA_TF_PARA_START | NA_TF_CAPITALIZED);

	/* about two bytes a token: more tokens than the room reserved ahead */
	if (big == NULL)
	{
		CHECK(big != NULL);
		return;
	}
	for (int u = 0; u < UNITS; u++)
		memcpy(big + u * unit_len, unit_text, unit_len);
	big[UNITS * unit_len] = '\0';
	scan(big);
	CHECK_INT(doc.ntokens, 5 * UNITS);
	for (uint32_t i = 0; i < doc.ntokens; i++)
	{
		const na_token *t = &doc.tokens[i];
		uint32_t	k = i % 5;

		CHECK_INT(t->start, (i / 5) * unit_len + (k == 0 ? 0 : k == 1 ? 1 : k == 2 ? 3 : k == 3 ? 4 : 6));
		CHECK_INT(t->cstart, t->start);
		CHECK_INT(t->len, k == 4 ? 2 : 1);
		CHECK_INT(t->kind, (k == 1 || k == 3) ? NA_TK_PUNCT : NA_TK_WORD);
		CHECK_INT(t->flags & (NA_TF_SPACE_BEFORE | NA_TF_CAPITALIZED),
				  (k == 1 || k == 3) ? 0 : NA_TF_SPACE_BEFORE | (k == 4 ? NA_TF_CAPITALIZED : 0));
		CHECK_INT(t->paragraph, 0);
		if (unit_failures_in_case)
			break;				/* one report, not a hundred thousand */
	}
	free(big);
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
		{"foreign_titles", test_foreign_titles},
		{"cjk_sentences", test_cjk_sentences},
		{"paragraphs", test_paragraphs},
		{"character_offsets", test_character_offsets},
		{"invalid_utf8", test_invalid_utf8},
		{"urls_and_handles", test_urls_and_handles},
		{"empty", test_empty},
		{"word_flags", test_word_flags},
		{"word_endings", test_word_endings},
		{"news_abbreviations", test_news_abbreviations},
		{"sentence_edges", test_sentence_edges},
		{"count_bytes", test_count_bytes},
		{"doubled_apostrophes", test_doubled_apostrophes},
		{"hard_wrapped", test_hard_wrapped},
		{"wrapped_web_text", test_wrapped_web_text},
		{"wrapped_paragraph_habits", test_wrapped_paragraph_habits},
		{"wrapped_trailing_blank", test_wrapped_trailing_blank},
		{"wrapped_mixed_paragraph_ends", test_wrapped_mixed_paragraph_ends},
		{"blank_line_paragraphs", test_blank_line_paragraphs},
		{"name_on_one_line", test_name_on_one_line},
		{"verse_and_lists", test_verse_and_lists},
		{"crlf", test_crlf},
		{"html_references", test_html_references},
		{"soft_hyphen", test_soft_hyphen},
		{"dateline", test_dateline},
		{"cue_shapes", test_cue_shapes},
		{"token_runs", test_token_runs},
		{NULL, NULL}
	};
	int			status = unit_run("scanner", cases);

	na_doc_free(&doc, na_mem_stdlib());
	return status;
}
