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
	CHECK_INT(na_votes_analyze(&doc, na_mem_stdlib(), &res), NA_OK);
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
	CHECK_INT(res.votes[0].votes_against, 0);
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
	/* a count in favour, the members against and abstaining named: 13-1-1 */
	analyse("The draft, put forward by Chile and Kenya, won 13 votes in favour, with Russia against "
			"and China abstaining.");
	CHECK_INT(res.nvotes, 2);
	CHECK_STR(row(0), "Russia/vote_against/asserted");
	CHECK_STR(span(&res.votes[0].evidence), "Russia against");
	CHECK_STR(row(1), "China/abstain/asserted");
	CHECK_STR(tally(0), "13-1-1");
	CHECK_INT(res.votes[0].event, res.votes[1].event);

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
	analyse("The Senate is expected to vote on the bill next week.");
	CHECK_INT(res.nvotes, 1);
	CHECK_STR(row(0), "Senate/schedule/planned");
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
	analyse("On Election Day, I will vote for the Republican nominee.");
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
	analyse("The ballot will ask: \"Should the United Kingdom approve the treaty?\"");
	CHECK(res.nvotes == 0 || res.votes[0].modality == NA_VM_HYPOTHETICAL);
	analyse("Will the Senate pass the bill before the recess?");
	CHECK(res.nvotes == 0 || res.votes[0].modality == NA_VM_HYPOTHETICAL);
	CHECK(res.nvotes == 0 || res.votes[0].outcome == NA_VO_NONE);
	analyse("The Tories say they will vote against it unless changes are agreed. They oppose the bill.");
	CHECK(res.nvotes >= 1);
	CHECK(res.votes[0].motion.len == 0 || strcmp(span(&res.votes[0].motion), "it") == 0);
}

static const unit_case cases[] = {
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
