/*
 * test_quotes.c - unit tests of quotes and speakers on invented news text,
 * no server needed.
 */
#include <stdlib.h>
#include <time.h>

#include "na_quotes.h"
#include "na_scan.h"
#include "unit.h"

static na_doc doc;
static na_quote_result res;
static const char *text;

static void
analyse(const char *s)
{
	text = s;
	na_quote_result_free(&res, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	CHECK_INT(na_scan(&doc, s, strlen(s), 0, na_mem_stdlib()), NA_OK);
	CHECK_INT(na_quotes_analyse(&doc, na_mem_stdlib(), &res), NA_OK);
}

/* A span of the text, in one of two static buffers. */
static const char *
span(na_quote_span s)
{
	static char buf[2][512];
	static int	which;

	which ^= 1;
	if (s.len == 0)
		return "(none)";
	snprintf(buf[which], sizeof(buf[which]), "%.*s", (int) s.len, text + s.start);
	return buf[which];
}

static const char *
quote_text(uint32_t i)
{
	return i < res.nquotes ? span(res.quotes[i].text) : "(no quote)";
}

static const char *
speaker(uint32_t i)
{
	if (i >= res.nquotes || res.quotes[i].speaker < 0)
		return "(none)";
	return span(res.speakers[res.quotes[i].speaker].name);
}

static const char *
mention(uint32_t i)
{
	return i < res.nquotes ? span(res.quotes[i].mention) : "(no quote)";
}

static const char *
kind(uint32_t i)
{
	return i < res.nquotes ? na_quote_kind_name(res.quotes[i].kind) : "(no quote)";
}

static const char *
how(uint32_t i)
{
	const char *name = i < res.nquotes ? na_quote_attribution_name(res.quotes[i].attribution) : NULL;

	return name ? name : "(none)";
}

/* The row whose content is exactly s (res.nquotes when none is): tests of
 * one report need not count the rows of the others. */
static uint32_t
row_with(const char *s)
{
	for (uint32_t i = 0; i < res.nquotes; i++)
		if (strcmp(quote_text(i), s) == 0)
			return i;
	return res.nquotes;
}

static void
test_said_after(void)
{
	analyse("“The bridge will open in May,” Mayor Ana Silva said. "
			"“It is on budget,” said Ms. Silva.");
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(quote_text(0), "The bridge will open in May,");
	CHECK_STR(speaker(0), "Ana Silva");
	CHECK_STR(mention(0), "Mayor Ana Silva");
	CHECK_STR(how(0), "name");
	CHECK_STR(span(res.quotes[0].cue), "said");
	CHECK_STR(kind(0), "direct");
	CHECK_STR(speaker(1), "Ana Silva");
	CHECK_STR(mention(1), "Ms. Silva");
	CHECK_INT(res.nspeakers, 1);
	CHECK_INT(res.speakers[0].gender, NA_GENDER_FEMALE);
	CHECK_INT(res.speakers[0].quotes, 2);
}

static void
test_character_offsets(void)
{
	/* 0-based code points: é and the emoji are one character each */
	analyse("Café 😀 “Oui,” Luc Martin said.");
	CHECK_INT(res.nquotes, 1);
	CHECK_INT(res.quotes[0].text.cstart, 8);
	CHECK_INT(res.quotes[0].text.clen, 4);
	CHECK_INT(res.quotes[0].mention.cstart, 14);
	CHECK_INT(res.quotes[0].mention.clen, 10);
}

static void
test_colon_and_role(void)
{
	analyse("Norway’s ambassador, Kari Holm, said: “We will vote no.”");
	CHECK_INT(res.nquotes, 1);
	CHECK_STR(speaker(0), "Kari Holm");
	CHECK_STR(how(0), "colon");
	CHECK_INT(res.nspeakers, 1);
	CHECK_STR(span(res.speakers[0].role), "ambassador");
	CHECK_STR(res.speakers[0].affiliation, "Norway");
}

static void
test_pronoun_gender(void)
{
	analyse("Mr. Omar Reyes debated Ms. Lucy Grant. Reyes spoke first. "
			"“I disagree,” she said. “So do I,” he said.");
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(speaker(0), "Lucy Grant");
	CHECK_STR(mention(0), "she");
	CHECK_STR(how(0), "pronoun");
	CHECK_STR(speaker(1), "Omar Reyes");
}

static void
test_continuation(void)
{
	analyse("“Taxes will fall,” the governor, Paul Hart, said.\n\n"
			"“Schools will get more money.”");
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(speaker(0), "Paul Hart");
	CHECK_STR(speaker(1), "Paul Hart");
	CHECK_STR(how(1), "continuation");
}

static void
test_multi_paragraph(void)
{
	/* the opening mark repeats on each paragraph, the closing one only at the end */
	analyse("“We started with roads.\n\n“Then came the schools,” Dr. Ines Vogel said.");
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(quote_text(0), "We started with roads.");
	CHECK_STR(speaker(0), "Ines Vogel");
	CHECK_STR(how(0), "continuation");
	CHECK_STR(speaker(1), "Ines Vogel");
	CHECK_INT(res.quotes[0].paragraph, 0);
	CHECK_INT(res.quotes[1].paragraph, 1);
}

static void
test_partial_and_scare(void)
{
	analyse("Senator Ruth Ames called the deal “a disaster” on Tuesday. "
			"The so-called “gig economy” keeps growing.");
	/* the report holding the quoted phrase, the phrase, the scare quote */
	CHECK_INT(res.nquotes, 3);
	CHECK_STR(quote_text(0), "the deal “a disaster” on Tuesday");
	CHECK_STR(kind(0), "mixed");
	CHECK_STR(quote_text(1), "a disaster");
	CHECK_STR(kind(1), "partial");
	CHECK_INT(res.quotes[1].part_of, 0);
	CHECK_STR(speaker(1), "Ruth Ames");
	CHECK_INT(res.speakers[0].quotes, 1);
	CHECK_STR(kind(2), "unattributed");
	CHECK_STR(speaker(2), "(none)");
}

static void
test_according_to(void)
{
	analyse("The dam was “never inspected,” according to engineer Maya Stone.");
	/* the report holding the quoted words (mixed), then the quote itself */
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(kind(0), "mixed");
	CHECK_STR(quote_text(0), "The dam was “never inspected,”");
	CHECK_STR(speaker(0), "Maya Stone");
	CHECK_STR(kind(1), "partial");
	CHECK_INT(res.quotes[1].part_of, 0);
	CHECK_STR(how(1), "according_to");
	CHECK_STR(speaker(1), "Maya Stone");
	CHECK_STR(span(res.quotes[1].cue), "according to");
}

static void
test_nested_single(void)
{
	analyse("“They chanted ‘lock the gates’ all night,” Officer Ben Cole said.");
	CHECK_INT(res.nquotes, 1);
	CHECK_STR(quote_text(0), "They chanted ‘lock the gates’ all night,");
	CHECK_STR(speaker(0), "Ben Cole");
}

static void
test_unbalanced(void)
{
	/* an opening mark that never closes ends with its paragraph */
	analyse("She wrote “we will see\n\nThe next paragraph is plain prose. "
			"“A real quote,” Ivo Petrov said.");
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(quote_text(0), "we will see");
	CHECK_INT(res.quotes[0].paragraph, 0);
	CHECK_STR(quote_text(1), "A real quote,");
	CHECK_STR(speaker(1), "Ivo Petrov");
}

static void
test_markup_and_titles(void)
{
	analyse("<tweet author=\"somebody\">Hello</tweet> She appeared on NBC’s “Morning Desk” show.");
	CHECK_INT(res.nquotes, 1);
	CHECK_STR(quote_text(0), "Morning Desk");
	CHECK_STR(kind(0), "unattributed");
}

static void
test_aliases(void)
{
	analyse("“We are ready,” said President Vera Lind of Finland. "
			"Ms. Lind later added: “Fully ready.”");
	CHECK_INT(res.nspeakers, 1);
	CHECK_STR(span(res.speakers[0].name), "Vera Lind");
	CHECK_STR(span(res.speakers[0].role), "President");
	CHECK_STR(res.speakers[0].affiliation, "Finland");
	CHECK_INT(res.speakers[0].naliases, 2);
	CHECK_STR(span(res.aliases[res.speakers[0].first_alias]), "Ms. Lind");
	CHECK_STR(span(res.aliases[res.speakers[0].first_alias + 1]), "Lind");
	CHECK_INT(res.speakers[0].quotes, 2);
}

static void
test_hostile(void)
{
	/* many marks, lone marks, empty quotes, invalid bytes: no crash, bounded */
	static char big[20000];

	for (size_t i = 0; i + 4 < sizeof(big); i += 4)
		memcpy(big + i, i % 3 ? "\xe2\x80\x9c a" : "\" \n\n", 4);
	big[sizeof(big) - 1] = '\0';
	analyse(big);
	CHECK(res.nquotes < 10000);
	analyse("“”\"\" “ ” \xff\xfe “x");
	CHECK(res.nquotes <= 2);
	analyse("");
	CHECK_INT(res.nquotes, 0);
	CHECK_INT(res.nspeakers, 0);
}

static void
test_tokens_only(void)
{
	/* a scan without sentences (as the text search parser makes) still works */
	const char *s = "“Fine,” Mayor Ana Silva said. She called it “a start.”";

	text = s;
	na_quote_result_free(&res, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	CHECK_INT(na_scan(&doc, s, strlen(s), NA_SCAN_NO_SENTENCES, na_mem_stdlib()), NA_OK);
	CHECK_INT(na_quotes_analyse(&doc, na_mem_stdlib(), &res), NA_OK);
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(speaker(0), "Ana Silva");
}

static void
test_names_only(void)
{
	/* quotes() asks for names only: the same quotes and speakers' names,
	 * no role or alias */
	const char *s = "“Enough,” Britain’s ambassador, Eleanor Whitcombe, told the council. "
		"Ms. Whitcombe added: “We will not wait.” "
		"“No,” said Senator Lee Park. Park later said the vote was lost.";
	na_quote_result light;

	analyse(s);
	CHECK_INT(na_quotes_analyse_with(&doc, NA_QUOTES_NAMES_ONLY, na_mem_stdlib(), &light), NA_OK);
	CHECK_INT(light.nquotes, res.nquotes);
	CHECK_INT(light.nspeakers, res.nspeakers);
	CHECK_INT(res.naliases > 0, 1);
	CHECK_INT(light.naliases, 0);
	for (uint32_t i = 0; i < res.nquotes && i < light.nquotes; i++)
	{
		CHECK_INT(light.quotes[i].text.start, res.quotes[i].text.start);
		CHECK_INT(light.quotes[i].speaker, res.quotes[i].speaker);
	}
	for (uint32_t i = 0; i < res.nspeakers && i < light.nspeakers; i++)
	{
		CHECK_INT(light.speakers[i].name.start, res.speakers[i].name.start);
		CHECK_INT(light.speakers[i].name.len, res.speakers[i].name.len);
		CHECK_INT(light.speakers[i].quotes, res.speakers[i].quotes);
		CHECK_INT(light.speakers[i].role.len, 0);
		CHECK_INT(light.speakers[i].naliases, 0);
	}
	na_quote_result_free(&light, na_mem_stdlib());
}

static void
test_role_apposition_after(void)
{
	analyse("“Enough,” Britain’s ambassador, Eleanor Whitcombe, told the council. "
			"“Wait,” said the French ambassador, Marc Lavigne. "
			"“No,” Senator Lee Park, a veteran strategist, said.");
	CHECK_INT(res.nquotes, 3);
	CHECK_STR(speaker(0), "Eleanor Whitcombe");
	CHECK_STR(mention(0), "Eleanor Whitcombe");
	CHECK_STR(speaker(1), "Marc Lavigne");
	CHECK_STR(speaker(2), "Lee Park");
	CHECK_INT(res.nspeakers, 3);
	CHECK_STR(span(res.speakers[0].role), "ambassador");
	CHECK_STR(res.speakers[0].affiliation ? res.speakers[0].affiliation : "(none)", "United Kingdom");
	CHECK_STR(span(res.speakers[2].role), "Senator");
}

static void
test_quote_paragraph_not_headline(void)
{
	/* four words, three capitalized: still a quote and its cue */
	analyse("“Private,” said Rosa Lind.");
	CHECK_INT(res.nquotes, 1);
	CHECK_STR(mention(0), "Rosa Lind");
	CHECK_STR(speaker(0), "Rosa Lind");
}

static void
test_other_languages(void)
{
	analyse("« Les pistes seront prêtes », a déclaré la maire, Claire Vasseur, hier.\n\n"
			"Pour Bernard Lemaire, chef de l’opposition, « le projet est mal financé ».\n\n"
			"«Hay agua», afirmó la consejera de Medio Ambiente, Lucía Ferrer.");
	CHECK_INT(res.nquotes, 3);
	CHECK_STR(speaker(0), "Claire Vasseur");
	CHECK_STR(span(res.quotes[0].cue), "a déclaré");
	CHECK_STR(speaker(1), "Bernard Lemaire");
	CHECK_STR(how(1), "according_to");
	CHECK_STR(speaker(2), "Lucía Ferrer");
	CHECK_STR(span(res.speakers[0].role), "maire");
	CHECK_STR(span(res.speakers[2].role), "consejera de Medio Ambiente");
}

static void
test_title_is_role(void)
{
	analyse("“The roads are safe,” Councillor Dana Whitfield said. "
			"The housing secretary, Ms. Priya Raman, said it was “fully funded”.");
	CHECK_INT(res.nquotes, 3);
	CHECK_STR(speaker(0), "Dana Whitfield");
	CHECK_STR(span(res.speakers[0].role), "Councillor");
	CHECK_STR(kind(1), "mixed");
	CHECK_STR(quote_text(1), "it was “fully funded”");
	CHECK_STR(speaker(1), "Priya Raman");
	CHECK_STR(kind(2), "partial");
	CHECK_STR(speaker(2), "Priya Raman");
	CHECK_STR(span(res.speakers[1].role), "housing secretary");
}

static void
test_joined_sources_after(void)
{
	/* two people, one row: the first keeps the quote */
	analyse("“The levee held through the storm,” hydrologists Paula Grant and Omar Reyes "
			"of the river authority wrote in a report. "
			"“No school will close,” board chair Lisa Moon and trustee Tom Ridge, both "
			"parents, said on Tuesday. "
			"“The line reopens soon,” the transit director and former mayor told WKRP.");
	CHECK_INT(res.nquotes, 3);
	CHECK_STR(speaker(0), "Paula Grant");
	CHECK_STR(how(0), "name");
	CHECK_STR(speaker(1), "Lisa Moon");
	/* a role joined to a role describes one person */
	CHECK_STR(mention(2), "the transit director and former mayor");
}

static void
test_appositions_before_cue(void)
{
	analyse("“Rents doubled when the mill shut,” Maria Lopez, 41, of Dayton, Ohio, who "
			"rents a flat near the river, said in an interview. "
			"“We sold out,” Karl Imhof, the baker, one of the fair’s founders, said.");
	CHECK_INT(res.nquotes, 2);
	CHECK_STR(kind(0), "direct");
	CHECK_STR(speaker(0), "Maria Lopez");
	CHECK_STR(speaker(1), "Karl Imhof");
}

static void
test_participle_after_quote(void)
{
	/* the mention after "telling" is the hearer */
	analyse("Mayor Ines Ortega hailed the vote as “historic,” telling the crowd "
			"that the port deal would bring work. "
			"The band covered a song he calls “Salt Road,” pointing at the stage.");
	/* with the reports around the quotes (a title's closing comma ends any) */
	CHECK_INT(res.nquotes, 4);
	CHECK_STR(quote_text(1), "historic,");
	CHECK_STR(kind(1), "partial");
	CHECK_STR(mention(1), "Mayor Ines Ortega");
	CHECK_STR(quote_text(3), "Salt Road,");
	CHECK_STR(mention(3), "he");
}

static void
test_time_phrase_opens_sentence(void)
{
	/* "Two days later," reads like a mention; the subject follows it */
	analyse("Two days later, Governor Tess Alvarez reversed course, telling a radio host "
			"the curfew was “over and done with for good.”\n\n"
			"Shortly afterward, she called the plan “a fresh start.”");
	CHECK_STR(quote_text(1), "over and done with for good.");
	CHECK_STR(speaker(1), "Tess Alvarez");
	CHECK_STR(quote_text(3), "a fresh start.");
	CHECK_STR(mention(3), "she");
}

static void
test_long_partial_is_subject_words(void)
{
	/* a phrase quoted inside another subject's sentence is not the last speaker's */
	analyse("“We will win this district,” Mayor Dan Ruiz said.\n\n"
			"The county clerk talked about keeping “every polling station open until "
			"nine at night” in the fall.");
	CHECK_STR(quote_text(2), "every polling station open until nine at night");
	CHECK_STR(how(2), "subject");
	CHECK_STR(speaker(2), "(none)");
	CHECK_INT(strncmp(mention(2), "The county clerk", 16), 0);
}

static void
test_as_clause_source(void)
{
	/* "as X put it" beside a quote names who worded it */
	analyse("“The storm is over,” as the harbour master put it.\n\n"
			"That is because, as he puts it, “the rates are low and we like them.”\n\n"
			"The levy is, as one county memo put it, a “fair price for clean water.”");
	CHECK_STR(quote_text(0), "The storm is over,");
	CHECK_STR(mention(0), "the harbour master");
	CHECK_STR(span(res.quotes[0].cue), "put");
	CHECK_STR(quote_text(1), "the rates are low and we like them.");
	CHECK_STR(mention(1), "he");
	CHECK_STR(quote_text(2), "fair price for clean water.");
	CHECK_STR(mention(2), "one county memo");
}

static void
test_as_clause_before_colon(void)
{
	analyse("Of course, as Tom Reyes of the Valley Post observed, the real winner was "
			"the format itself:\n\n"
			"“The clear winner of the night was the network, which ran two lively rounds.”\n\n"
			"The mayor cited the signs as “Go Home” and “Not Here” as examples of his "
			"rude comments about renters.");
	CHECK_STR(quote_text(0), "The clear winner of the night was the network, which ran two lively rounds.");
	CHECK_STR(speaker(0), "Tom Reyes");
	CHECK_STR(how(0), "colon");
	/* "as examples of his rude comments about" is no source clause: the
	 * sentence's subject, a role, cites the scare quote */
	CHECK_STR(quote_text(2), "Not Here");
	CHECK_STR(how(2), "subject");
	CHECK_STR(mention(2), "The mayor");
}

static void
test_previous_sentence_apposition(void)
{
	/* the sentence before names the next speaker through an apposition */
	analyse("“The group had planned this for months,” said Ruth Adler, a researcher.\n\n"
			"Ada Coan, the rancher's lawyer, argues that her client was never violent in "
			"any way. “Her aim was a calm end to the standoff at the ranch.”");
	CHECK_STR(quote_text(2), "Her aim was a calm end to the standoff at the ranch.");
	CHECK_STR(speaker(2), "Ada Coan");
	/* the cue still reports its own sentence */
	CHECK_STR(kind(1), "indirect");
	CHECK_STR(quote_text(1), "her client was never violent in any way");
}

/*
 * An object or an infinitive that a cue reports ends where the subject's
 * next act begins ("… and has campaigned", "… and signed …"); in a
 * reported clause the same "and will …" goes on with the clause.  A
 * refusal to speak is a report however short ("declined to comment").
 */
static void
test_object_ends_at_next_act(void)
{
	analyse("The mayor endorsed Ms. Okafor and has campaigned with her twice. "
			"Councillor Brandt praised the harbour plan and signed the petition. "
			"The ferry company declined to comment and has closed its office. "
			"Senator Lyle said the tunnel is safe and will reopen in May.");
	CHECK_INT(res.nquotes, 4);
	CHECK_STR(quote_text(0), "Ms. Okafor");
	CHECK_STR(quote_text(1), "the harbour plan");
	CHECK_STR(quote_text(2), "to comment");
	CHECK_STR(kind(2), "indirect");
	CHECK_STR(quote_text(3), "the tunnel is safe and will reopen in May");
}

/*
 * "CLAUSE, according to X, …": the words after X's comma describe X; they
 * are content only when the words before the phrase are no clause.
 */
static void
test_according_to_apposition(void)
{
	analyse("The harbour tunnel carried forty thousand cars last year, according to "
			"Tidewatch, a group that counts traffic on the coast. "
			"Ticket sales, according to the club, have doubled since the spring.");
	CHECK_INT(res.nquotes, 3);
	CHECK_STR(quote_text(0), "The harbour tunnel carried forty thousand cars last year");
	CHECK_STR(speaker(0), "Tidewatch");
	CHECK_STR(quote_text(1), "Ticket sales");
	CHECK_STR(quote_text(2), "have doubled since the spring");
}

/*
 * A time after the cue is no inverted source ("said early Monday that");
 * a report inside a relative clause ("which officials said …,") ends at the
 * comma that closes the clause; a finding cue with a reflexive object
 * ("found itself short") reports nothing.
 */
static void
test_report_clause_bounds(void)
{
	analyse("The harbour master, Ingrid Solberg, said early Monday that the ferries would "
			"run again. The new timetable, which officials said will start in March, does "
			"not cover the island routes. The ferry company found itself short of crews, "
			"and the audit found that two boats had missed their inspections.");
	CHECK_INT(res.nquotes, 3);
	CHECK_STR(quote_text(0), "the ferries would run again");
	CHECK_STR(speaker(0), "Ingrid Solberg");
	CHECK_STR(quote_text(1), "will start in March");
	CHECK_STR(quote_text(2), "two boats had missed their inspections");
	CHECK_STR(mention(2), "the audit");
}

/*
 * A quotation closed with its comma inside the marks (…,”): the phrase
 * after the mark (", adding that", ", although") ends the content there,
 * as it does after a plain comma.
 */
static void
test_comma_inside_closing_mark(void)
{
	analyse("Councillor Brandt said the harbour plan was “a disaster for the town,” adding "
			"that she would vote against it. The ferry chief said the timetable was "
			"“nearly finished,” although two routes were still unplanned.");
	CHECK_INT(res.nquotes, 5);
	CHECK_STR(kind(0), "mixed");
	CHECK_STR(quote_text(0), "the harbour plan was “a disaster for the town,”");
	CHECK_STR(quote_text(2), "she would vote against it");
	CHECK_STR(kind(3), "mixed");
	CHECK_STR(quote_text(3), "the timetable was “nearly finished,”");
}

/*
 * A poll's share is a source even when a number word ends it ("one in
 * three said", "three in five said": not "the said company"); "said the
 * same" is a whole report; an object ends where "after …" begins.
 */
static void
test_poll_shares_and_pro_forms(void)
{
	analyse("One in three said the ferry service had got worse, and nearly three in five "
			"said they would use a faster boat. Only 26 percent said the same. The union "
			"endorsed Ms. Okafor after a long meeting on Friday.");
	CHECK_INT(res.nquotes, 4);
	CHECK_STR(quote_text(0), "the ferry service had got worse");
	CHECK_STR(mention(0), "One in three");
	CHECK_STR(quote_text(1), "they would use a faster boat");
	CHECK_STR(mention(1), "three in five");
	CHECK_STR(quote_text(2), "the same");
	CHECK_STR(quote_text(3), "Ms. Okafor");
}

/*
 * A headline "SOURCE: words" reports the source's words even when the
 * article names the source nowhere else ("Harbour Poll: …"); a desk's
 * label in title case ("The Latest: …") is no source.
 */
static void
test_headline_colon_source(void)
{
	analyse("Harbour Poll: Most Islanders Want A Second Ferry.\n\nThe island council met on Monday.");
	CHECK_STR(kind(0), "indirect");
	CHECK_STR(quote_text(0), "Most Islanders Want A Second Ferry");
	CHECK_STR(mention(0), "Harbour Poll");
	CHECK_STR(speaker(0), "(none)");
	analyse("The Latest: Storm closes the island ferry for a day.\n\nThe ferry was closed.");
	CHECK_INT(res.nquotes, 0);
}

/*
 * A quoted term or title that opens a sentence the sentence then talks
 * about (“X” is …, ''Y,'' on the radio, is …) is no one's next words: it
 * does not continue the speaker quoted just before.
 */
static void
test_term_opening_sentence(void)
{
	analyse("“The ferry will run again on Monday,” said Captain Rosa Lind.\n\n"
			"“Ferryfall” is what islanders call a cancelled crossing, and ''Tide Tables,'' "
			"on the local radio, is the show that reports them.");
	CHECK_STR(speaker(row_with("The ferry will run again on Monday,")), "Rosa Lind");
	CHECK_STR(kind(row_with("Ferryfall")), "unattributed");
	CHECK_STR(speaker(row_with("Ferryfall")), "(none)");
	CHECK_STR(kind(row_with("Tide Tables,")), "unattributed");
}

/*
 * A scare quote with no cue goes to its sentence's subject when the subject
 * names people by their role (many residents, the lawyer); a thing as
 * subject (the timetable) leaves it unattributed.
 */
static void
test_scare_quote_role_subject(void)
{
	analyse("Many residents are expected to skip the “slow boat” this winter. "
			"The new timetable offers a “seamless” crossing.");
	CHECK_STR(how(row_with("slow boat")), "subject");
	CHECK_STR(mention(row_with("slow boat")), "Many residents");
	CHECK_STR(kind(row_with("seamless")), "unattributed");
}

/*
 * A quote holding no words anyone said, a stage direction in brackets or a
 * lone label before a colon, is no one's speech: it neither continues the
 * speaker before it nor takes the speaker of the paragraph after it.
 */
static void
test_quote_without_speech(void)
{
	analyse("“We open the new pier in June,” said Mayor Ines Ruiz.\n\n"
			"\"(LAUGHTER.)\n\n"
			"\"The cranes arrive next week,\" she added.\n\n"
			"\"Related:\"\n\n"
			"Pier Opening Delayed By Storm.");
	CHECK_STR(speaker(row_with("We open the new pier in June,")), "Ines Ruiz");
	CHECK_STR(kind(row_with("(LAUGHTER.)")), "unattributed");
	CHECK_STR(speaker(row_with("(LAUGHTER.)")), "(none)");
	CHECK_STR(kind(row_with("Related:")), "unattributed");
}

/*
 * A short quote right after a verb that gives a name (a book called “…”,
 * calls it “…”) is a quote of whoever is the sentence's subject, a title
 * among them; "so-called" distances the writer and names no one.
 */
static void
test_name_given_after_naming_verb(void)
{
	analyse("Mayor Ana Silva wrote a book called “Island Days” last year. "
			"The so-called “fast boat” is late again.");
	CHECK_STR(how(row_with("Island Days")), "subject");
	CHECK_STR(speaker(row_with("Island Days")), "Ana Silva");
	CHECK_STR(kind(row_with("fast boat")), "unattributed");
}

/*
 * A question put to someone later in the sentence ("said no when asked
 * whether …", "was asked what …"): the asker is not named and the one who
 * answers did not ask, so the question's row has no source.
 */
static void
test_asked_question_no_source(void)
{
	uint32_t	i;

	analyse("“Not this year,” the warden said when asked whether the lighthouse would reopen. "
			"On Tuesday the ferry pilot Orla Quinn was asked how long the crossing would take "
			"in a gale. Dana Pike shrugged when asked about the plan for a second pier.");
	i = row_with("whether the lighthouse would reopen");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "(none)");
	i = row_with("how long the crossing would take in a gale");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "(none)");
	i = row_with("the plan for a second pier");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "(none)");
}

/*
 * Inside a quotation the words are the speaker's own: a ", but" or
 * ", while" there does not end the reported clause around it.
 */
static void
test_quoted_comma_keeps_clause(void)
{
	analyse("The harbour master said the new breakwater was \"ugly, but it will hold back the sea\" "
			"for years. Councillor Imre Basch said the levy would be \"small, while the benefits "
			"are large\" for the village.");
	CHECK_INT(row_with("the new breakwater was \"ugly, but it will hold back the sea\" for years") <
			  res.nquotes, 1);
	CHECK_INT(row_with("the levy would be \"small, while the benefits are large\" for the village") <
			  res.nquotes, 1);
}

/*
 * A reporting word that ends a noun ("a radio show", "her strong
 * showing") reports nothing; the verb still does ("figures show that").
 */
static void
test_cue_word_ending_a_noun(void)
{
	uint32_t	cues = 0;

	analyse("Last week the mayor went on a late-night radio show to defend the ferry budget. "
			"Her strong showing in the harbour wards surprised the council. "
			"Figures from the port authority show that freight fell by a fifth.");
	for (uint32_t i = 0; i < res.nquotes; i++)
		if (strncmp(span(res.quotes[i].cue), "show", 4) == 0)
			cues++;
	CHECK_INT(cues, 1);
	CHECK_INT(row_with("freight fell by a fifth") < res.nquotes, 1);
}

/*
 * A time phrase between the subject and its verb ("X on Thursday evening
 * said", "the board less than ten days ago said") is not the source.
 */
static void
test_time_phrase_before_verb(void)
{
	uint32_t	i;

	analyse("Harbour spokesman Ivo Lund on Thursday evening said the ferry was not in trouble. "
			"The port authority less than ten days ago said that fares would rise.");
	i = row_with("the ferry was not in trouble");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "Harbour spokesman Ivo Lund");
	i = row_with("fares would rise");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "The port authority");
}

/*
 * A restrictive relative's "who" is the source as written, even when no
 * mention stands before it ("those who fear …"), not a mention earlier in
 * the sentence.
 */
static void
test_restrictive_who_source(void)
{
	uint32_t	i;

	analyse("The ferry debate pits those who fear a bigger port will spoil the coast against "
			"the traders.");
	i = row_with("a bigger port will spoil the coast against the traders");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "who");
}

/*
 * A report inside a restrictive relative clause ends before the
 * sentence's own verb: "the man who claimed that … was fined", "the
 * newcomer who hopes to … is drawing crowds".
 */
static void
test_relative_content_ends_at_main_verb(void)
{
	analyse("The man who claimed that Dana Roe owned a private boat while she was mayor was fined "
			"on Monday. On the island, the newcomer who hopes to replace the harbour master is "
			"drawing large crowds.");
	CHECK_INT(row_with("Dana Roe owned a private boat while she was mayor") < res.nquotes, 1);
	CHECK_INT(row_with("to replace the harbour master") < res.nquotes, 1);
}

/*
 * Forms of known reporting verbs that the lexicon lacked: a base form after
 * a modal or "to" (will discuss, to express), a present participle
 * (proposing, expressing) and a third person (hints).
 */
static void
test_reporting_verb_forms(void)
{
	uint32_t	i;

	analyse("The ferry board will discuss the winter timetable with the harbour staff. "
			"Marta Ilves hints that the pier could close for a month. "
			"Owen Sark wrote to the council, proposing that the loan be repaid in spring.");
	i = row_with("the winter timetable with the harbour staff");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "The ferry board");
	i = row_with("the pier could close for a month");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(speaker(i), "Marta Ilves");
	CHECK_INT(row_with("the loan be repaid in spring") < res.nquotes, 1);
}

/*
 * A relative clause on the last noun of a reported clause after a comma
 * (", who ran the ferry line") is the writer's description, not what was
 * said, as ", which" was already.
 */
static void
test_content_ends_before_who(void)
{
	analyse("The council said it would hire Ruth Ober, who ran the ferry line for a decade.");
	CHECK_INT(row_with("it would hire Ruth Ober") < res.nquotes, 1);
}

/*
 * Reporting verbs of thought and finding that the lexicon lacked
 * (learned, recognizes) and the phrase "talk about" beside "talked about".
 */
static void
test_more_reporting_verbs(void)
{
	uint32_t	i;

	analyse("Marta Ilves learned that the harbour pier would close in June. "
			"The island board will talk about the new mooring levy at its next meeting. "
			"Tomas Berg recognizes that the toll road has been a burden for commuters.");
	i = row_with("the harbour pier would close in June");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(speaker(i), "Marta Ilves");
	CHECK_INT(row_with("the new mooring levy") < res.nquotes, 1);
	i = row_with("the toll road has been a burden for commuters");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(speaker(i), "Tomas Berg");
}

/*
 * Reporting phrases whose first word is no cue alone: "points to" and
 * "lashed out at" report an object, "points out" a clause.
 */
static void
test_more_reporting_phrases(void)
{
	uint32_t	i;

	analyse("Nadia Vos points to the empty berths as proof of the decline. "
			"The harbour master lashed out at the ferry company on Tuesday. "
			"The auditor points out that the ferry fund is nearly empty.");
	i = row_with("the empty berths as proof of the decline");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(speaker(i), "Nadia Vos");
	i = row_with("the ferry company");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "The harbour master");
	CHECK_INT(row_with("the ferry fund is nearly empty") < res.nquotes, 1);
}

/*
 * "see" / "sees" X as Y: a view held, reported as thought.
 */
static void
test_see_as_view(void)
{
	uint32_t	i;

	analyse("Most fishermen see the new quota as a threat to their trade. "
			"Tomas Berg sees the bridge as a waste of money.");
	i = row_with("the new quota as a threat to their trade");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "Most fishermen");
	i = row_with("the bridge as a waste of money");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(speaker(i), "Tomas Berg");
}

/*
 * Pressing and offering are speech: "pushed the board to …", "was
 * offering the crews …".
 */
static void
test_push_and_offer_cues(void)
{
	uint32_t	i;

	analyse("The dockers union pushed the port board to raise night wages. "
			"The mayor was offering the crews a bonus for winter sailings.");
	i = row_with("the port board to raise night wages");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "The dockers union");
	CHECK_INT(row_with("the crews a bonus for winter sailings") < res.nquotes, 1);
}

/*
 * "with NP -ing": the phrase after "with" is the participle's own subject,
 * not the subject of the sentence ("The vote looks close, with several
 * polls showing …").
 */
static void
test_with_phrase_participle_subject(void)
{
	uint32_t	i;

	analyse("The ferry vote looks close, with several island polls showing that the toll plan "
			"trails by a point.");
	i = row_with("the toll plan trails by a point");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "several island polls");
}

/*
 * The subject of a clause opened by "while", "though", "as" …, not the
 * sentence's subject before it: "…, though public records indicate …",
 * "… as a number of fishermen suggested …"; and a participle after a form
 * of "be" ("Berg is arguing") has its own subject before it.
 */
static void
test_subject_of_opened_clause(void)
{
	uint32_t	i;

	analyse("The plan for a new pier gained support this week as a number of fishermen suggested "
			"such a pier was overdue. "
			"She is praising the old harbour, while Berg is arguing that the harbour cannot be saved. "
			"Ferry revenue rose last year, though public records indicate the company did not pay "
			"its fees.");
	i = row_with("such a pier was overdue");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "a number of fishermen");
	i = row_with("the harbour cannot be saved");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(speaker(i), "Berg");
	i = row_with("the company did not pay its fees");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "public records");
	/* a progressive past an adverb: "is already claiming" */
	analyse("The count is not over, but the Green slate is already claiming that it won the "
			"harbour ward.");
	i = row_with("it won the harbour ward");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "the Green slate");
}

/*
 * Findings and reactions: "determined that", "forecast that" (finding),
 * "welcomed X" (speech).
 */
static void
test_finding_and_reaction_cues(void)
{
	uint32_t	i;

	analyse("The hull inspectors determined that the old ferry was still sound. "
			"The island council welcomed the grant from the region. "
			"The weather office forecast that the storm would pass by noon.");
	i = row_with("the old ferry was still sound");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "The hull inspectors");
	CHECK_INT(row_with("the grant from the region") < res.nquotes, 1);
	CHECK_INT(row_with("the storm would pass by noon") < res.nquotes, 1);
}

/*
 * Thought cues in other forms: "is considering whether …", "remember that …".
 */
static void
test_thought_cue_forms(void)
{
	uint32_t	i;

	analyse("The harbour board is considering whether to lease the east pier. "
			"Many islanders remember that the old bridge was built in a single summer.");
	i = row_with("whether to lease the east pier");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "The harbour board");
	i = row_with("the old bridge was built in a single summer");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "Many islanders");
}

/*
 * A participle cue that opens its sentence has the subject after its
 * comma as source: "Noting that …, the harbour master asked …".  A
 * participle of no report ("Walking to the dock, …") gives nothing.
 */
static void
test_opening_participle_source(void)
{
	uint32_t	i;

	analyse("Noting that the pier had been shut for a year, the harbour master asked for funds. "
			"Walking to the dock, she saw the boats.");
	i = row_with("the pier had been shut for a year");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "the harbour master");
	CHECK_INT(row_with("the dock") < res.nquotes, 0);
}

/*
 * A passive cue with no agent and no clause after it reports its subject,
 * with no source: "The price … was not disclosed."  "It was reported live"
 * names nothing that was reported.
 */
static void
test_passive_subject_content(void)
{
	uint32_t	i;

	analyse("The price of the old ferry was not disclosed. "
			"The harbour plan was widely criticized in the island press. "
			"It was reported live on the radio.");
	i = row_with("The price of the old ferry");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "(none)");
	CHECK_INT(row_with("The harbour plan") < res.nquotes, 1);
	CHECK_INT(res.nquotes, 2);
	/* a passive inside another report's clause: that report's words */
	analyse("The port office said the crews would be questioned.");
	CHECK_INT(row_with("the crews would be questioned") < res.nquotes, 1);
	CHECK_INT(res.nquotes, 1);
	/* the subject ends before an auxiliary */
	analyse("The ferry levy has been criticized.");
	CHECK_INT(row_with("The ferry levy") < res.nquotes, 1);
}

/*
 * A quantifier alone is the source before its cue ("Several said …",
 * "Others argued …"), not a determiner that makes "said" an adjective
 * ("the said company").
 */
static void
test_quantifier_source(void)
{
	uint32_t	i;

	analyse("The workers met on Friday. Several said the plant would close by summer. "
			"Others argued that the ferry was too slow for the island.");
	i = row_with("the plant would close by summer");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "Several");
	i = row_with("the ferry was too slow for the island");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "Others");
	/* a number word alone too */
	analyse("Two said they would vote for the levy.");
	i = row_with("they would vote for the levy");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "Two");
	/* a quantifier of an object pronoun: "most of them" */
	analyse("The crews met, and most of them said the old ferry was far too slow.");
	i = row_with("the old ferry was far too slow");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "most of them");
	/* a quantifier after an auxiliary floats after its subject: the subject */
	analyse("The harbour master and the pilot have both warned that the channel is silting up.");
	i = row_with("the channel is silting up");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "the pilot");
}

/*
 * A report of two words with a source is a report ("… Ana Lind said it
 * would."); two words of time or place after the cue are not ("The mayor
 * wrote to investors.").
 */
static void
test_two_word_report(void)
{
	uint32_t	i;

	analyse("Asked whether the harbour would reopen, Ana Lind said it would. "
			"The mayor wrote to investors.");
	i = row_with("it would");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(speaker(i), "Ana Lind");
	CHECK_INT(row_with("to investors") < res.nquotes, 0);
}

/*
 * "estimated about half of …": "about" before a number is "roughly" and opens
 * the reported clause, not a topic.
 */
static void
test_about_a_number(void)
{
	uint32_t	i;

	analyse("Our harbour trust estimated about half of the ferry deficit came from fuel.");
	i = row_with("about half of the ferry deficit came from fuel");
	CHECK_INT(i < res.nquotes, 1);
	CHECK_STR(mention(i), "Our harbour trust");
}

/*
 * The analysis's CPU time of `copies` copies of piece, in seconds (the text
 * left for the caller to check).
 */
static double
analysis_seconds(const char *piece, size_t copies, char **out)
{
	size_t		len = strlen(piece);
	char	   *big = malloc(len * copies + 1);
	clock_t		t0;

	CHECK(big != NULL);
	for (size_t i = 0; i < copies; i++)
		memcpy(big + i * len, piece, len);
	big[len * copies] = '\0';
	t0 = clock();
	analyse(big);
	*out = big;
	return (double) (clock() - t0) / CLOCKS_PER_SEC;
}

/*
 * One paragraph of reports by "it" and by "he" that no one names, up to
 * 100,000 reporting verbs: the pronouns' look back over the rows made so
 * far was quadratic (40,000 pairs of "it" sentences took 1.8 s).  Four
 * times the text must take about four times as long, not sixteen; the
 * reports are all found.
 */
static void
test_pronoun_reports_linear(void)
{
	static const char *const pieces[] = {
		"The company said it was fine. It said the plan was very good. ",
		"The minister spoke. He said the plan was very good. ",
	};

	for (size_t p = 0; p < sizeof(pieces) / sizeof(pieces[0]); p++)
	{
		char	   *small_text,
				   *big_text;
		double		small = analysis_seconds(pieces[p], 12500, &small_text);
		double		big = analysis_seconds(pieces[p], 50000, &big_text);

		CHECK(res.nquotes >= 50000);
		CHECK(big < 8 * small + 0.5);
		free(small_text);
		free(big_text);
	}
}


int
main(void)
{
	static const unit_case cases[] = {
		{"said_after", test_said_after},
		{"names_only", test_names_only},
		{"character_offsets", test_character_offsets},
		{"colon_and_role", test_colon_and_role},
		{"pronoun_gender", test_pronoun_gender},
		{"continuation", test_continuation},
		{"multi_paragraph", test_multi_paragraph},
		{"partial_and_scare", test_partial_and_scare},
		{"according_to", test_according_to},
		{"nested_single", test_nested_single},
		{"unbalanced", test_unbalanced},
		{"markup_and_titles", test_markup_and_titles},
		{"aliases", test_aliases},
		{"hostile", test_hostile},
		{"tokens_only", test_tokens_only},
		{"role_apposition_after", test_role_apposition_after},
		{"quote_paragraph_not_headline", test_quote_paragraph_not_headline},
		{"other_languages", test_other_languages},
		{"title_is_role", test_title_is_role},
		{"joined_sources_after", test_joined_sources_after},
		{"appositions_before_cue", test_appositions_before_cue},
		{"participle_after_quote", test_participle_after_quote},
		{"time_phrase_opens_sentence", test_time_phrase_opens_sentence},
		{"long_partial_is_subject_words", test_long_partial_is_subject_words},
		{"as_clause_source", test_as_clause_source},
		{"as_clause_before_colon", test_as_clause_before_colon},
		{"previous_sentence_apposition", test_previous_sentence_apposition},
		{"object_ends_at_next_act", test_object_ends_at_next_act},
		{"according_to_apposition", test_according_to_apposition},
		{"report_clause_bounds", test_report_clause_bounds},
		{"comma_inside_closing_mark", test_comma_inside_closing_mark},
		{"poll_shares_and_pro_forms", test_poll_shares_and_pro_forms},
		{"headline_colon_source", test_headline_colon_source},
		{"term_opening_sentence", test_term_opening_sentence},
		{"scare_quote_role_subject", test_scare_quote_role_subject},
		{"quote_without_speech", test_quote_without_speech},
		{"name_given_after_naming_verb", test_name_given_after_naming_verb},
		{"asked_question_no_source", test_asked_question_no_source},
		{"quoted_comma_keeps_clause", test_quoted_comma_keeps_clause},
		{"cue_word_ending_a_noun", test_cue_word_ending_a_noun},
		{"time_phrase_before_verb", test_time_phrase_before_verb},
		{"restrictive_who_source", test_restrictive_who_source},
		{"relative_content_ends_at_main_verb", test_relative_content_ends_at_main_verb},
		{"reporting_verb_forms", test_reporting_verb_forms},
		{"content_ends_before_who", test_content_ends_before_who},
		{"more_reporting_verbs", test_more_reporting_verbs},
		{"more_reporting_phrases", test_more_reporting_phrases},
		{"see_as_view", test_see_as_view},
		{"push_and_offer_cues", test_push_and_offer_cues},
		{"with_phrase_participle_subject", test_with_phrase_participle_subject},
		{"subject_of_opened_clause", test_subject_of_opened_clause},
		{"finding_and_reaction_cues", test_finding_and_reaction_cues},
		{"thought_cue_forms", test_thought_cue_forms},
		{"opening_participle_source", test_opening_participle_source},
		{"passive_subject_content", test_passive_subject_content},
		{"quantifier_source", test_quantifier_source},
		{"two_word_report", test_two_word_report},
		{"about_a_number", test_about_a_number},
		{"pronoun_reports_linear", test_pronoun_reports_linear},
		{NULL, NULL}
	};
	int			status = unit_run("quotes", cases);

	na_quote_result_free(&res, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	return status;
}
