/*
 * test_votes.c - unit tests of the vote analyser (na_votes.h) on sentences
 * we wrote: actors, actions, tallies, modalities and distractors.
 */
#include <stdlib.h>
#include <time.h>

#include "na_votes.h"
#include "unit.h"

static na_doc doc;
static na_vote_result res;
static const char *text;

static void
analyse(const char *s)
{
	text = s;
	na_vote_result_free(&res, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	CHECK_INT(na_scan(&doc, s, strlen(s), 0, na_mem_stdlib()), NA_OK);
	CHECK_INT(na_votes_analyse(&doc, na_mem_stdlib(), &res), NA_OK);
}

/* "actor/action/modality" of row i */
static const char *
row(uint32_t i)
{
	static char buf[256];
	const na_vote *v;

	if (i >= res.nvotes)
		return "(none)";
	v = &res.votes[i];
	if (v->actor)
		snprintf(buf, sizeof(buf), "%s/%s/%s", v->actor, na_vote_action_name(v->action),
				 na_vote_modality_name(v->modality));
	else if (v->actor_span.len)
		snprintf(buf, sizeof(buf), "%.*s/%s/%s", (int) v->actor_span.len, text + v->actor_span.start,
				 na_vote_action_name(v->action), na_vote_modality_name(v->modality));
	else
		snprintf(buf, sizeof(buf), "-/%s/%s", na_vote_action_name(v->action),
				 na_vote_modality_name(v->modality));
	return buf;
}

static const char *
span(const na_vote_span *s)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%.*s", (int) s->len, text + s->start);
	return buf;
}

/* "for-against-abstentions" of row i, -1 for not given */
static const char *
tally(uint32_t i)
{
	static char buf[64];

	if (i >= res.nvotes)
		return "(none)";
	snprintf(buf, sizeof(buf), "%d-%d-%d", res.votes[i].votes_for, res.votes[i].votes_against,
			 res.votes[i].abstentions);
	return buf;
}

static void
test_veto_and_coordination(void)
{
	analyse("Moscow vetoed a draft resolution on Tuesday that was drafted by Norway and backed by "
			"the United States. Russia and China, the two holdouts on the Security Council, "
			"blocked the measure.");
	CHECK_INT(res.nvotes, 5);
	CHECK_STR(row(0), "Russia/veto/asserted");
	CHECK_STR(span(&res.votes[0].evidence), "Moscow vetoed a draft resolution");
	CHECK_STR(span(&res.votes[0].motion), "a draft resolution");
	CHECK_STR(res.votes[0].body, "UN Security Council");
	CHECK_INT(res.votes[0].outcome, NA_VO_VETOED);
	CHECK_STR(row(1), "Norway/sponsor/asserted");
	CHECK_STR(row(2), "United States/support/asserted");
	/* blocked by permanent members on the Council: a veto, same event, actors in text order */
	CHECK_STR(row(3), "Russia/veto/asserted");
	CHECK_STR(row(4), "China/veto/asserted");
	CHECK_STR(span(&res.votes[4].evidence),
			  "Russia and China, the two holdouts on the Security Council, blocked the measure");
	for (uint32_t i = 0; i < res.nvotes; i++)
		CHECK_INT(res.votes[i].event, 1);
	CHECK_INT(res.nevents, 1);
}

static void
test_tallies(void)
{
	analyse("The Senate voted 51 to 49 to confirm Jane Doe.");
	CHECK_STR(row(0), "Senate/confirm/asserted");
	CHECK_STR(tally(0), "51-49--1");
	CHECK_STR(span(&res.votes[0].motion), "to confirm Jane Doe");
	CHECK_INT(res.votes[0].outcome, NA_VO_PASSED);

	analyse("The House passed the farm bill 230-201.");
	CHECK_STR(tally(0), "230-201--1");
	analyse("The bill passed by a vote of 219-212.");
	CHECK_STR(tally(0), "219-212--1");
	analyse("The Security Council approved the text 14-0 with one abstention.");
	CHECK_STR(tally(0), "14-0-1");
	analyse("The council adopted the ordinance in a 7-2-1 vote.");
	CHECK_STR(tally(0), "7-2-1");
	analyse("The motion received eight in favour, four against and three abstentions.");
	CHECK_STR(tally(0), "8-4-3");
	analyse("MPs backed the motion by 1,310 votes to 442.");
	CHECK_STR(tally(0), "1310-442--1");
	analyse("The assembly approved the budget unanimously.");
	CHECK_INT(res.votes[0].method, NA_VME_UNANIMOUS);
	/* the codebook counts only what the sentence states: the method, no 0 against */
	CHECK_INT(res.votes[0].votes_against, -1);
	analyse("The amendment was carried by a show of hands.");
	CHECK_INT(res.nvotes, 1);
	CHECK_INT(res.votes[0].method, NA_VME_SHOW_OF_HANDS);
}

static void
test_modalities(void)
{
	analyse("France did not veto the resolution.");
	CHECK_STR(row(0), "France/veto/negated");
	CHECK_INT(res.votes[0].outcome, NA_VO_NONE);
	analyse("China might veto the resolution.");
	CHECK_STR(row(0), "China/veto/hypothetical");
	analyse("Washington has threatened to veto the draft.");
	CHECK_STR(row(0), "United States/veto/hypothetical");
	analyse("Beijing made clear that it would block the measure.");
	CHECK_STR(row(0), "China/block/hypothetical");
	analyse("It was Washington's ninth veto on the issue.");
	CHECK_STR(row(0), "United States/veto/historical");
	CHECK_INT(res.votes[0].event, 0);
	analyse("Russia has vetoed 12 resolutions since 2011.");
	CHECK_STR(row(0), "Russia/veto/historical");
}

static void
test_distractors(void)
{
	const char *const texts[] = {
		"Arsenal won 3-1 against Everton on Saturday.",
		"The Celtics beat the Knicks 52-48 in overtime.",
		"Respondents aged 18-24 were the least likely to vote.",
		"The Conservatives lead 52-48 in the latest poll.",
		"The board gave the chief executive a vote of confidence.",
		"The film was voted best comedy by viewers.",
		"He passed the ball to Smith, who backed away.",
		"The 2014-15 season ended with a 52-48 win.",
		"",
		NULL
	};

	for (int k = 0; texts[k]; k++)
	{
		analyse(texts[k]);
		if (res.nvotes != 0)
			fprintf(stderr, "  distractor %d: %s\n", k, row(0));
		CHECK_INT(res.nvotes, 0);
	}
}

static void
test_actors(void)
{
	analyse("Republican senators voted against the amendment.");
	CHECK_STR(row(0), "Republican Party/vote_against/asserted");
	CHECK_INT(res.votes[0].actor_kind, NA_VK_PARTY);
	analyse("Senator Mary Smith voted for the bill.");
	CHECK_STR(row(0), "Mary Smith/vote_for/asserted");
	CHECK_INT(res.votes[0].actor_kind, NA_VK_PERSON);
	analyse("The Russians abstained on the resolution.");
	CHECK_STR(row(0), "Russia/abstain/asserted");
	/* the members named as abstaining are the abstentions the tally leaves out */
	analyse("The measure was adopted by 12 votes to none, with Russia and China abstaining.");
	CHECK_INT(res.nvotes, 3);
	CHECK_STR(tally(0), "12-0-2");
	CHECK_STR(tally(1), "12-0-2");
	CHECK_STR(row(2), "China/abstain/asserted");
}

/* Offsets are consistent: evidence characters equal evidence bytes. */
static void
test_offsets(void)
{
	analyse("“No,” said Ms. Li. Britain’s envoy said the Kremlin’s veto of the draft was its fifth. "
			"The Élysée backed the text proposed by Ireland and Mexico.");
	CHECK(res.nvotes >= 3);
	for (uint32_t i = 0; i < res.nvotes; i++)
	{
		const na_vote *v = &res.votes[i];

		CHECK(v->evidence.len > 0);
		CHECK(v->evidence.start + v->evidence.len <= strlen(text));
		CHECK(v->evidence.clen <= v->evidence.len);
		CHECK(v->sentence < doc.nsentences);
	}
}

/* Hostile input: no crash, sane output. */
static void
test_garbage(void)
{
	static char big[200000];

	for (size_t i = 0; i + 1 < sizeof(big); i++)
		big[i] = "voted 52-48 by the Senate, vetoed it, and , , the the "[i % 54];
	big[sizeof(big) - 1] = '\0';
	analyse(big);
	CHECK(res.nvotes < 100000);
	analyse("vetoed");
	CHECK_INT(res.nvotes, 0);
}

/* One huge sentence full of triggers stays linear: no per-trigger rescans. */
static void
test_long_sentence(void)
{
	static const char piece[] = "The Senate voted 52-48 and Russia, China, the members, vetoed the measure if ";
	size_t		n = 8000;
	char	   *big = malloc(n * (sizeof(piece) - 1) + 1);
	clock_t		t0;
	double		cpu;

	if (big == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		memcpy(big + i * (sizeof(piece) - 1), piece, sizeof(piece) - 1);
	big[n * (sizeof(piece) - 1)] = '\0';
	t0 = clock();
	analyse(big);
	cpu = (double) (clock() - t0) / CLOCKS_PER_SEC;
	/* about 0.6 MB: linear work takes a few milliseconds, quadratic work minutes */
	CHECK(cpu < 5.0);
	CHECK(res.nvotes >= n);
	na_vote_result_free(&res, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	free(big);
	analyse("by by by by vetoed by");
	CHECK_INT(res.nvotes, 0);
}


/* Regressions found on the sample articles (texts written for this test). */
static void
test_named_members(void)
{
	/*
	 * a count in favour, the members against and abstaining named: 13-1-1;
	 * "put forward by" names the draft's sponsors, in the same vote
	 */
	analyse("The draft, put forward by Chile and Kenya, won 13 votes in favour, with Russia against "
			"and China abstaining.");
	CHECK_INT(res.nvotes, 4);
	CHECK_STR(row(0), "Chile/sponsor/asserted");
	CHECK_STR(row(1), "Kenya/sponsor/asserted");
	CHECK_STR(row(2), "Russia/vote_against/asserted");
	CHECK_STR(span(&res.votes[2].evidence), "Russia against");
	CHECK_STR(row(3), "China/abstain/asserted");
	CHECK_STR(tally(2), "13-1-1");
	CHECK_STR(tally(0), "13-1-1");
	CHECK_INT(res.votes[0].event, res.votes[3].event);
	CHECK_INT(res.votes[2].event, res.votes[3].event);

	/* the tally in a later sentence that has no verb: "the 13-1-1 tally" */
	analyse("Russia vetoed the resolution on Tuesday. Diplomats said the 13-1-1 tally showed how "
			"isolated Moscow had become.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(tally(0), "13-1-1");

	/* split counts and then a range: the range completes the abstentions */
	analyse("The text received 12 votes in favour and one against, with Britain and France "
			"abstaining, a 12-1-2 result.");
	CHECK_INT(res.nvotes, 2);
	CHECK_STR(tally(0), "12-1-2");
	CHECK_STR(row(0), "United Kingdom/abstain/asserted");
	CHECK_STR(row(1), "France/abstain/asserted");
	analyse("The resolution received 11 votes in favour and two against, with two abstentions.");
	CHECK_STR(tally(0), "11-2-2");
	analyse("The Senate passed the measure 60-38 with two abstentions.");
	CHECK_STR(tally(0), "60-38-2");
	/* a 2-part score before "result" is no tally */
	analyse("The Senate passed the bill. Rovers won the match, a 2-1 result.");
	CHECK_STR(tally(0), "-1--1--1");
}

static void
test_bodies_and_motions(void)
{
	/* a possessive is never a body: "the council's chair" -> "council" */
	analyse("The council's finance chair, Mr. Owen Bradley, voted against.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "Owen Bradley/vote_against/asserted");
	CHECK_STR(span(&res.votes[0].body_span), "council");
	analyse("The committee’s chair voted for the budget.");
	CHECK(res.nvotes == 0 || strcmp(span(&res.votes[0].body_span), "committee") == 0);

	/* a vote to do something, after a time adjunct; no dangling "for at" */
	analyse("Riverside city council voted 7-2 on Monday night to keep the branch library open for "
			"at least three more years.");
	CHECK_STR(row(0), "city council/approve/asserted");
	CHECK_STR(span(&res.votes[0].motion), "to keep the branch library open");
	CHECK_INT(res.votes[0].outcome, NA_VO_PASSED);

	/* "a similar motion" is another vote: its tally is not the first one's */
	analyse("The opposition leader, Ms. Ana Ruiz, tabled the motion on Wednesday. The government "
			"survived a similar motion in parliament in November by 201 votes to 188.");
	CHECK_INT(res.nvotes, 2);
	CHECK_STR(span(&res.votes[1].motion), "a similar motion");
	CHECK(res.votes[0].event != res.votes[1].event);
	CHECK_STR(tally(0), "-1--1--1");
	CHECK_STR(tally(1), "201-188--1");

	/* peers sit in the House of Lords, whatever house the article named before */
	analyse("MPs in the House of Commons backed the bill in March. The bill was passed by peers on Tuesday.");
	CHECK_INT(res.nvotes >= 1, 1);
	CHECK_STR(row(res.nvotes - 1), "peers/pass/asserted");
	CHECK_STR(res.votes[res.nvotes - 1].body, "House of Lords");
	analyse("MEPs voted 400 to 200 to approve the directive.");
	CHECK_STR(row(0), "MEPs/vote_for/asserted");
	CHECK_STR(res.votes[0].body, "European Parliament");
	/* ... but a committee of the chamber, named before, keeps the vote */
	analyse("The Legal Affairs Committee met on Monday. Only two MEPs backed the draft law at the meeting.");
	CHECK_INT(res.nvotes, 1);
	CHECK(res.votes[0].body == NULL);
	CHECK_STR(span(&res.votes[0].body_span), "Legal Affairs Committee");

	/* a body that is to vote on a motion: an event with no side yet */
	analyse("The Storting is expected to vote on the bill next month.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "Storting/schedule/planned");
	CHECK_STR(span(&res.votes[0].motion), "the bill");
	CHECK_INT(res.votes[0].outcome, NA_VO_NONE);
	/* a person who votes on something, or a body that votes on no motion, says too little */
	analyse("Senator Mary Smith will vote on the bill next week.");
	CHECK_INT(res.nvotes, 0);
	analyse("The Senate voted on Tuesday.");
	CHECK_INT(res.nvotes, 0);

	/* a body that acts is the body of its vote, whatever the sentence names first */
	analyse("A committee member said that until the full House votes to authorize an inquiry, "
			"nothing is formal.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "House of Representatives/approve/hypothetical");
	CHECK_STR(res.votes[0].body, "House of Representatives");
	CHECK_INT(res.votes[0].outcome, NA_VO_NONE);
	analyse("A House panel voted on Thursday to hold the contractor in contempt.");
	CHECK_STR(span(&res.votes[0].actor_span), "House panel");

	/* a quoted bill title is the motion */
	analyse("The state parliament voted to pass the \"Health Care Reform Bill 2019\" on Thursday.");
	CHECK_STR(span(&res.votes[0].motion), "to pass the \"Health Care Reform Bill 2019\"");
}

static void
test_subjects(void)
{
	/* the object of a preposition is not the subject */
	analyse("Workers at Harwick Motors in Castleford have voted to strike over the plan.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "Workers/vote_for/asserted");
	CHECK_INT(res.votes[0].actor_kind, NA_VK_GROUP);
	analyse("Karaoke singers in the UK voted for it.");
	CHECK_INT(res.nvotes, 0);
	/* but it controls an infinitive: "called on Congress to pass" */
	analyse("She called on Congress to pass a bill.");
	CHECK_STR(row(0), "Congress/pass/planned");
	/* "with X abstaining" is the subject of abstaining */
	analyse("The resolution was adopted, with Britain and France abstaining.");
	CHECK_STR(row(1), "United Kingdom/abstain/asserted");
	CHECK_STR(row(2), "France/abstain/asserted");

	/* a relative clause: its antecedent */
	analyse("Councillor Dana Whitfield, who proposed the motion, said the library mattered.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "Dana Whitfield/sponsor/asserted");

	/* a pronoun subject: no actor, or the others named with it, or the person before */
	analyse("On polling day, I will vote for the Labour candidate.");
	CHECK_INT(res.nvotes, 0);
	analyse("Voters have lost patience and everyone is voting for the outsider.");
	CHECK_INT(res.nvotes, 0);
	analyse("Senator Ann Ruiz and I voted for it.");
	CHECK_STR(row(0), "Ann Ruiz/vote_for/asserted");
	analyse("Maria Lopez, whose brother was killed, confirmed she would vote against the bill.");
	CHECK_STR(row(0), "Maria Lopez/vote_against/hypothetical");

	/* the subject search stops at another clause's verb and object */
	analyse("Poland has rejected the proposal and Hungary's ruling parties have opposed it.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "Poland/oppose/asserted");
}

static void
test_more_distractors(void)
{
	analyse("Smith's appointment as manager of the club is confirmed.");
	CHECK_INT(res.nvotes, 0);
	analyse("Residents will be asked to vote for or against the congestion charge.");
	CHECK_INT(res.nvotes, 0);
	analyse("Registered voters say they would consider voting for the senator.");
	CHECK(res.nvotes == 0 || res.votes[0].modality == NA_VM_HYPOTHETICAL);
	/* a question, like a referendum's, asserts no position */
	analyse("The ballot will ask: \"Should Norway approve the treaty?\"");
	CHECK(res.nvotes == 0 || res.votes[0].modality == NA_VM_HYPOTHETICAL);
	analyse("Will the Senate pass the bill before the recess?");
	CHECK(res.nvotes == 0 || res.votes[0].modality == NA_VM_HYPOTHETICAL);
	CHECK(res.nvotes == 0 || res.votes[0].outcome == NA_VO_NONE);
	analyse("The Tories say they will vote against it unless changes are agreed. They oppose the bill.");
	CHECK(res.nvotes >= 1);
	CHECK(res.votes[0].motion.len == 0 || strcmp(span(&res.votes[0].motion), "it") == 0);
}

/* Does some row read "actor/action/modality" (as row() prints it)? */
static int
has_row(const char *want)
{
	for (uint32_t i = 0; i < res.nvotes; i++)
		if (strcmp(row(i), want) == 0)
			return 1;
	return 0;
}

/* Patterns of #14 met on real news, in sentences written for these tests. */
static void
test_codebook_patterns(void)
{
	/* a relative clause after a parenthetical party label or "X of <state>" */
	analyse("Maria Lopez (D-Ore.), who voted against the earlier farm bill, spoke on Monday.");
	CHECK(has_row("Maria Lopez/vote_against/historical"));
	analyse("Tom Becker of Nebraska, who voted for the earlier Senate bill, was absent.");
	CHECK(has_row("Tom Becker/vote_for/historical"));
	/* "in support of", "in opposition to" */
	analyse("Dana Reyes voted in support of the amendment.");
	CHECK(has_row("Dana Reyes/vote_for/asserted"));
	analyse("Dana Reyes voted in opposition to the amendment.");
	CHECK(has_row("Dana Reyes/vote_against/asserted"));
	/* motions: "articles", "a set of measures", "his proposed budget" */
	analyse("The House passed three articles of censure.");
	CHECK(has_row("House of Representatives/pass/asserted"));
	analyse("The assembly on Monday passed a set of measures to curb rents.");
	CHECK_INT(res.nvotes, 1);
	analyse("The governor wants cuts. The legislature has not passed his proposed budget.");
	CHECK(has_row("legislature/pass/negated"));
	/* a titled surname that is also a place; a loser and the winner after "to" */
	analyse("Mr Selby was elected in 2001.");
	CHECK(has_row("Selby/win/historical"));
	analyse("Laura Hart ran again. Hart lost the runoff in the northern districts to former Governor "
			"Paul Dunmore.");
	CHECK(has_row("Hart/win/negated"));
	CHECK(has_row("Paul Dunmore/win/asserted"));
	/* surnames coordinated: both win */
	analyse("Ann Ruiz and Ben Ode ran. Both Ruiz and Ode won their primaries in 2018.");
	CHECK(has_row("Ruiz/win/historical"));
	CHECK(has_row("Ode/win/historical"));
	/* "he" after "<Surname> said that": the speaker, not the person named most */
	analyse("Omar Lind backs Eva Moss. Eva Moss spoke. Moss campaigned. Lind said on Friday that he "
			"planned to vote for Moss in the primary.");
	CHECK(has_row("Lind/vote_for/planned"));
	CHECK(!has_row("Moss/vote_for/planned"));
	/* "voted down": the side and the motion after the particle */
	analyse("The state legislature voted down the zoning bill on Tuesday.");
	CHECK(has_row("state legislature/reject/asserted"));
	CHECK_STR(span(&res.votes[0].motion), "the zoning bill");
	/* lower-case chambers with the country before them; the codebook's unanimous: no count */
	analyse("The Chilean congress approved a bill on pensions.");
	CHECK(has_row("Chilean congress/approve/asserted"));
	analyse("The small republic's cabinet unanimously voted to lift the curfew.");
	CHECK(has_row("cabinet/approve/asserted"));
	CHECK_STR(tally(0), "-1--1--1");
	/* "241-to-188" is a tally */
	analyse("The Senate took up the bill. The bill passed by a vote of 241-to-188.");
	CHECK_STR(tally(res.nvotes - 1), "241-188--1");
	/* the month May is no modal; "mid-2012" and "that year" date a vote; a present report of a past vote */
	analyse("In May, the county council voted to close the depot.");
	CHECK(has_row("county council/approve/asserted"));
	analyse("Rosa Keel was elected as mayor in mid-2012.");
	CHECK(has_row("Rosa Keel/win/historical"));
	analyse("Ivan Petrov won the caucuses that year.");
	CHECK(has_row("Ivan Petrov/win/historical"));
	analyse("Nora Flint has said she voted against the measure because it cost too much.");
	CHECK(has_row("Nora Flint/vote_against/historical"));
	/* a person's veto: a possessive surname, a promised veto, a threat; an override to come */
	analyse("Governor Amy Lund dislikes the bill. Lund's veto is expected on Friday.");
	CHECK(has_row("Lund/veto/planned"));
	analyse("Governor Amy Lund has promised a veto of the bill.");
	CHECK(has_row("Amy Lund/veto/planned"));
	analyse("Governor Amy Lund spoke. If the president goes ahead with his veto threat, nothing changes.");
	CHECK(!has_row("Amy Lund/veto/hypothetical"));
	analyse("Legislators expect that the veto will be overridden.");
	CHECK(has_row("-/override/planned"));
	/* where and when a vote was held is no side: the infinitive after them is */
	analyse("Norway voted in a 1994 referendum to stay out of the union.");
	CHECK(has_row("Norway/vote_for/historical"));
	analyse("Ireland voted on May 22, 2015, to change the constitution.");
	CHECK(has_row("Ireland/vote_for/historical"));
	/* names listed between dashes; an appositive between dashes skipped */
	analyse("Three senators -- Ada Kim of Iowa, Rob Lane of Utah and Eve Tan -- all voted against "
			"the amendment.");
	CHECK_INT(res.nvotes, 3);
	CHECK(has_row("Ada Kim/vote_against/asserted"));
	CHECK(has_row("Rob Lane/vote_against/asserted"));
	CHECK(has_row("Eve Tan/vote_against/asserted"));
	analyse("Senator Joan Hale -- a former judge -- voted against the amendment.");
	CHECK(has_row("Joan Hale/vote_against/asserted"));
	/* "would only vote", "on track to win", "if she's elected" */
	analyse("Paul Amis said he would only vote for the deal if it changed.");
	CHECK(has_row("Paul Amis/vote_for/hypothetical"));
	analyse("Lena Berg remained on track to win the seat.");
	CHECK(has_row("Lena Berg/win/planned"));
	analyse("Lena Berg has plans if she's elected.");
	CHECK(has_row("Lena Berg/win/hypothetical"));
	/* the chamber as the object of "passed"; a second verb of the same subject */
	analyse("The water bill passed the Senate again despite a veto threat.");
	CHECK(has_row("Senate/pass/asserted"));
	analyse("The assembly voted to close the debate and voted for the budget.");
	CHECK_INT(res.nvotes, 2);
	CHECK_STR(span(&res.votes[1].motion), "the budget");
	/* a counted group named in an appositive; "for the first ... but against the second" */
	analyse("Two Labour members, Ann Ode and Bo Lind, opposed both amendments, and a third, Cy Moor, "
			"voted for the first amendment but against the second.");
	CHECK(has_row("Ann Ode/oppose/asserted"));
	CHECK(has_row("Bo Lind/oppose/asserted"));
	CHECK(has_row("Cy Moor/vote_for/asserted"));
	CHECK(has_row("Cy Moor/vote_against/asserted"));
	/* the codebook's counted group: a null actor; "cast his ballot for"; a nominee as a pronoun */
	analyse("Nine of the 12 councillors voted in favour of the plan.");
	CHECK(has_row("-/vote_for/asserted"));
	analyse("Dora Fenn said on Monday that she cast her ballot for Ian Roe.");
	CHECK(has_row("Dora Fenn/vote_for/asserted"));
	analyse("The Senate took up the nomination of Ian Roe. Nobody spoke against him, and he was "
			"confirmed 90 to 0.");
	CHECK(has_row("-/confirm/asserted"));
	analyse("The cast for the new play is large.");
	CHECK_INT(res.nvotes, 0);
	/* chambers of data/lexicon/vote_bodies.tsv, longest first, with the country as an address */
	analyse("The Lok Sabha passed the land bill on Tuesday.");
	CHECK(has_row("Lok Sabha/pass/asserted"));
	CHECK_STR(res.votes[0].body, "Lok Sabha");
	analyse("On Friday the State Duma voted to adopt the budget.");
	CHECK(has_row("State Duma/adopt/asserted"));
	analyse("The National Assembly for Wales (NAW), United Kingdom voted to adopt the rules.");
	CHECK(has_row("National Assembly for Wales/adopt/asserted"));
	CHECK(!has_row("United Kingdom/vote_for/asserted"));
	/* how a body is elected is a topic; "he" after "the president's" is not the last name read */
	analyse("Critics focus on the way the city council is elected.");
	CHECK_INT(res.nvotes, 0);
	analyse("Carl Weber spoke. The president's reply was odd: he maintained he had won the election.");
	CHECK(!has_row("Carl Weber/win/historical") && !has_row("Carl Weber/win/asserted"));
	/* a rate-setting committee, even with its appositive between dashes, is no vote event */
	analyse("The bank's Rate Committee - which sets interest rates - voted unanimously in favour of a "
			"half point rise.");
	CHECK_INT(res.nvotes, 0);
	/* a pronoun after "New York City" is not "York City" */
	analyse("Carl Weber ran. Although Weber campaigned in 2013 for New York City comptroller, he lost the "
			"election.");
	CHECK(!has_row("York City/win/negated"));
}

/*
 * The sample articles' patterns as classes (sentences written for this
 * test): votes still to come, a referendum's electorate, French and Spanish
 * tallies, a position told again.
 */
static void
test_sample_patterns(void)
{
	analyse("The reform now goes to the upper chamber, where senators are expected to vote on it in May.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "senators/schedule/planned");
	CHECK_STR(span(&res.votes[0].motion), "The reform");
	analyse("Chancellor Ida Holm will face a vote of confidence in parliament on Monday.");
	CHECK_STR(row(0), "-/schedule/planned");
	analyse("The Senate has not yet scheduled its own vote.");
	CHECK_STR(row(0), "Senate/schedule/negated");
	analyse("Voters in the canton approved a shorter working week in a referendum, with 61% in favour.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "Voters/approve/asserted");
	CHECK_STR(tally(0), "-1--1--1");	/* a percentage is no tally */
	analyse("Le conseil municipal a adopté jeudi le budget par 29 voix contre 14.");
	CHECK_STR(row(0), "conseil municipal/adopt/asserted");
	CHECK_STR(span(&res.votes[0].motion), "le budget");
	CHECK_STR(tally(0), "29-14--1");
	analyse("El Senado aprobó la ley por 70 votos a favor y 61 en contra.");
	CHECK_STR(row(0), "Senado/approve/asserted");
	CHECK_STR(tally(0), "70-61--1");
	analyse("Le conseil a adopté le plan par 29 contre 14.");
	CHECK_INT(res.nvotes, 0);
	analyse("China abstained on the draft. Its envoy said Beijing had abstained because the text was weak.");
	CHECK_INT(res.nvotes, 2);
	CHECK_STR(row(1), "China/abstain/asserted");
	CHECK_INT(res.votes[0].event, res.votes[1].event);
}

static const unit_case cases[] = {
	{"codebook_patterns", test_codebook_patterns},
	{"veto_and_coordination", test_veto_and_coordination},
	{"tallies", test_tallies},
	{"modalities", test_modalities},
	{"distractors", test_distractors},
	{"actors", test_actors},
	{"offsets", test_offsets},
	{"garbage", test_garbage},
	{"long_sentence", test_long_sentence},
	{"named_members", test_named_members},
	{"bodies_and_motions", test_bodies_and_motions},
	{"subjects", test_subjects},
	{"more_distractors", test_more_distractors},
	{"sample_patterns", test_sample_patterns},
	{NULL, NULL}
};

int
main(void)
{
	int			rc = unit_run("votes", cases);

	na_vote_result_free(&res, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	return rc;
}
