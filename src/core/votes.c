/*
 * votes.c - vote events of a scanned document (see na_votes.h).
 *
 * A first pass marks every token with one hash probe into a small lexicon
 * (trigger words, and the words that can start or end a body's name); only
 * the sentences that hold a trigger (a few in a hundred) are read closely,
 * and the walk for the body named earlier in the article visits only the
 * tokens the lexicon marked.  Inside a candidate sentence the cheap tests
 * that rule a trigger out (no motion after "came back", no side after
 * "voting") run before the subject search.  For each trigger the
 * analyser finds the actors (the subject to the left, skipping auxiliaries
 * and appositives, or the agent of a "by" phrase), the motion (the object, or
 * the noun a participle hangs on), the modality from the words around it,
 * and the tally and method anywhere in the sentence.  Positions join the
 * vote event of their motion: "a measure" opens one, "the measure" and "the
 * draft" continue the latest; events carry body, outcome and tally to all
 * their positions.
 */
#include <string.h>

#include "na_places.h"
#include "na_votes.h"

/* ---------------------------------------------------------------- lexicon */

/* A word of a list, with its length so comparisons skip strlen. */
typedef struct word_t
{
	const char *w;
	uint8_t		n;
} word_t;

#define W(s) {"" s, sizeof(s) - 1}

/* Word classes a trigger lookup yields. */
enum
{
	W_NONE = 0,
	W_VETO,						/* veto, vetoed, vetoes, vetoing */
	W_BLOCK,					/* block, blocked, filibustered */
	W_VOTE,						/* vote, voted, votes, voting */
	W_ABSTAIN,					/* abstain, abstained, abstaining */
	W_SPONSOR,					/* sponsored, proposed, drafted, tabled */
	W_SUPPORT,					/* backed, supported, endorsed */
	W_OPPOSE,					/* opposed */
	W_DEFEAT,					/* defeat, defeated */
	W_ADOPT,					/* adopted, approved */
	W_PASS,						/* passed, confirmed, ratified, carried */
	W_REJECT,					/* rejected */
	W_FAIL,						/* failed */
	W_UNANIMOUS,				/* unanimously, unanimous */
	W_TALLY						/* favour, abstentions: a tally without a verb */
};

/* Verb forms: does it end the way a past participle does (for passives)? */
#define WF_PARTICIPLE 0x01
#define WF_NOUN_TOO	  0x02		/* veto, vote, vetoes, votes: noun or verb */
#define WF_GERUND	  0x04		/* abstaining, voting */

typedef struct trigger_word
{
	const char *word;
	uint8_t		cls;
	uint8_t		form;
} trigger_word;

/* looked up through trigger_table (trigger_of) */
static const trigger_word triggers[] = {
	{"abstain", W_ABSTAIN, 0},
	{"abstained", W_ABSTAIN, WF_PARTICIPLE},
	{"abstaining", W_ABSTAIN, WF_GERUND},
	{"abstains", W_ABSTAIN, 0},
	{"abstentions", W_TALLY, 0},
	{"adopt", W_ADOPT, 0},
	{"adopted", W_ADOPT, WF_PARTICIPLE},
	{"adopts", W_ADOPT, 0},
	{"approve", W_ADOPT, 0},
	{"approved", W_ADOPT, WF_PARTICIPLE},
	{"approves", W_ADOPT, 0},
	{"back", W_SUPPORT, 0},
	{"backed", W_SUPPORT, WF_PARTICIPLE},
	{"backs", W_SUPPORT, 0},
	{"block", W_BLOCK, 0},
	{"blocked", W_BLOCK, WF_PARTICIPLE},
	{"blocking", W_BLOCK, WF_GERUND},
	{"blocks", W_BLOCK, 0},
	{"carried", W_PASS, WF_PARTICIPLE},
	{"co-sponsored", W_SPONSOR, WF_PARTICIPLE},
	{"confirm", W_PASS, 0},
	{"confirmed", W_PASS, WF_PARTICIPLE},
	{"cosponsored", W_SPONSOR, WF_PARTICIPLE},
	{"defeat", W_DEFEAT, 0},
	{"defeated", W_DEFEAT, WF_PARTICIPLE},
	{"drafted", W_SPONSOR, WF_PARTICIPLE},
	{"endorse", W_SUPPORT, 0},
	{"endorsed", W_SUPPORT, WF_PARTICIPLE},
	{"endorses", W_SUPPORT, 0},
	{"failed", W_FAIL, WF_PARTICIPLE},
	{"favor", W_TALLY, 0},
	{"favour", W_TALLY, 0},
	{"filibustered", W_BLOCK, WF_PARTICIPLE},
	{"introduced", W_SPONSOR, WF_PARTICIPLE},
	{"oppose", W_OPPOSE, 0},
	{"opposed", W_OPPOSE, WF_PARTICIPLE},
	{"opposes", W_OPPOSE, 0},
	{"pass", W_PASS, 0},
	{"passed", W_PASS, WF_PARTICIPLE},
	{"passes", W_PASS, 0},
	{"proposed", W_SPONSOR, WF_PARTICIPLE},
	{"ratified", W_PASS, WF_PARTICIPLE},
	{"ratify", W_PASS, 0},
	{"reject", W_REJECT, 0},
	{"rejected", W_REJECT, WF_PARTICIPLE},
	{"rejects", W_REJECT, 0},
	{"sponsor", W_SPONSOR, 0},
	{"sponsored", W_SPONSOR, WF_PARTICIPLE},
	{"support", W_SUPPORT, 0},
	{"supported", W_SUPPORT, WF_PARTICIPLE},
	{"supports", W_SUPPORT, 0},
	{"tabled", W_SPONSOR, WF_PARTICIPLE},
	{"tally", W_TALLY, 0},
	{"unanimous", W_UNANIMOUS, 0},
	{"unanimously", W_UNANIMOUS, 0},
	{"veto", W_VETO, WF_NOUN_TOO},
	{"vetoed", W_VETO, WF_PARTICIPLE},
	{"vetoes", W_VETO, WF_NOUN_TOO},
	{"vetoing", W_VETO, WF_GERUND},
	{"vote", W_VOTE, WF_NOUN_TOO},
	{"voted", W_VOTE, WF_PARTICIPLE},
	{"votes", W_VOTE, WF_NOUN_TOO},
	{"voting", W_VOTE, WF_GERUND},
};

#define NTRIGGERS (sizeof(triggers) / sizeof(triggers[0]))

/* Heads of a motion noun phrase. */
static const word_t motion_heads[] = {
	W("resolution"), W("resolutions"), W("measure"), W("measures"), W("bill"), W("bills"), W("draft"),
	W("motion"), W("motions"), W("amendment"), W("amendments"), W("legislation"), W("nominee"),
	W("nomination"), W("nominations"), W("proposal"), W("proposals"), W("treaty"), W("budget"),
	W("act"), W("law"), W("text"), W("package"), W("agreement"), W("accord"), W("declaration"),
	W("reform"), W("reforms"), W("appointment"), W("appointments"), W("merger"), W("statement"),
	W("ordinance"), W("referendum"), W("initiative"), W("candidacy"), W("ban"), W("deal"),
	W("sanctions"), W("plan"), W("directive"), W("regulation"), W("regulations"), W("veto"),
	{NULL, 0}
};

/* Motion heads that are the same vote when they recur ("the draft" = "the measure"). */
static const word_t generic_motions[] = {
	W("resolution"), W("measure"), W("draft"), W("text"), W("proposal"), W("motion"), W("bill"),
	W("legislation"), W("it"), {NULL, 0}
};

/* Nouns that make a group actor ("52 senators", "dozens of countries"). */
static const word_t group_heads[] = {
	W("lawmakers"), W("legislators"), W("senators"), W("representatives"), W("congressmen"),
	W("mps"), W("members"), W("delegates"), W("delegations"), W("countries"), W("nations"),
	W("states"), W("voters"), W("shareholders"), W("investors"), W("councillors"),
	W("councilors"), W("deputies"), W("peers"), W("governments"), W("allies"), W("judges"),
	W("justices"), W("directors"), W("ministers"), W("electorate"), W("parliamentarians"),
	W("meps"), W("diplomats"), W("workers"), W("employees"), W("residents"), {NULL, 0}
};

/* A country speaks through these: "Britain's ambassador", "the French delegation". */
static const word_t envoy_nouns[] = {
	W("ambassador"), W("envoy"), W("delegation"), W("delegate"), W("government"),
	W("representative"), W("diplomats"), W("administration"), W("mission"), {NULL, 0}
};

/* Words that may sit between a subject and its verb. */
static const word_t aux_words[] = {
	W("had"), W("has"), W("have"), W("was"), W("were"), W("is"), W("are"), W("be"), W("been"), W("would"),
	W("will"), W("could"), W("might"), W("may"), W("should"), W("shall"), W("did"), W("does"), W("do"),
	W("not"), W("never"), W("also"), W("long"), W("then"), W("later"), W("already"), W("again"),
	W("unanimously"), W("narrowly"), W("overwhelmingly"), W("eventually"), W("finally"),
	W("quickly"), W("promptly"), W("twice"), W("once"), W("both"), W("all"), W("jointly"),
	W("together"), W("formally"), W("effectively"), W("duly"), W("subsequently"), W("ultimately"),
	W("repeatedly"), W("previously"), W("just"), W("still"), W("yet"), W("easily"), W("comfortably"),
	W("can"), W("must"), W("reportedly"), W("now"), W("each"), W("instead"), W("swiftly"),
	{NULL, 0}
};

/* Words that end a clause when walking left to a subject. */
static const word_t clause_words[] = {
	W("that"), W("which"), W("who"), W("because"), W("while"), W("whereas"), W("although"),
	W("though"), W("when"), W("after"), W("before"), W("since"), W("but"), W("said"), W("says"),
	W("if"), W("unless"), W("whether"), W("where"), W("as"), {NULL, 0}
};

/* Expectation before "to": "threatened to veto", "is expected to vote". */
static const word_t intent_words[] = {
	W("expected"), W("set"), W("plans"), W("planned"), W("plan"), W("planning"), W("intends"),
	W("intended"), W("intend"), W("intent"), W("intention"), W("threatened"), W("threatens"),
	W("threaten"), W("threat"), W("vowed"), W("vows"), W("vow"), W("pledged"), W("pledges"),
	W("promised"), W("promises"), W("likely"), W("going"), W("poised"), W("ready"), W("prepared"),
	W("wants"), W("wanted"), W("want"), W("seeks"), W("sought"), W("seeking"), W("aims"), W("aimed"),
	W("hopes"), W("hoped"), W("due"), W("signaled"), W("signalled"), W("signaling"),
	W("signalling"), W("decided"), W("agreed"), W("determined"), W("scheduled"), W("urged"),
	W("asked"), W("called"), {NULL, 0}
};

/* Past-count words: "seventh veto", "vetoed 12 resolutions", "16 times". */
static const word_t ordinal_words[] = {
	W("first"), W("second"), W("third"), W("fourth"), W("fifth"), W("sixth"), W("seventh"),
	W("eighth"), W("ninth"), W("tenth"), W("eleventh"), W("twelfth"), W("thirteenth"),
	W("fourteenth"), W("fifteenth"), W("sixteenth"), W("seventeenth"), W("eighteenth"),
	W("nineteenth"), W("twentieth"), W("latest"), W("umpteenth"), {NULL, 0}
};

static const word_t number_words[] = {
	W("zero"), W("one"), W("two"), W("three"), W("four"), W("five"), W("six"),
	W("seven"), W("eight"), W("nine"), W("ten"), W("eleven"), W("twelve"),
	W("thirteen"), W("fourteen"), W("fifteen"), W("sixteen"), W("seventeen"),
	W("eighteen"), W("nineteen"), W("twenty"), {NULL, 0}
};

/* Determiners that make a motion definite: it continues an earlier vote. */
static const word_t definite_words[] = {
	W("the"), W("this"), W("that"), W("these"), W("those"), W("its"), W("their"), W("his"), W("her"),
	W("our"), W("it"), {NULL, 0}
};

/* Parties: the word as written -> canonical name; adjectives need a noun after. */
typedef struct party_word
{
	const char *word;
	const char *canonical;
	uint8_t		adjective;		/* "Republican senators": needs a group noun or Party */
} party_word;

static const party_word parties[] = {
	{"Republicans", "Republican Party", 0},
	{"Republican", "Republican Party", 1},
	{"GOP", "Republican Party", 1},
	{"Democrats", "Democratic Party", 0},
	{"Democratic", "Democratic Party", 1},
	{"Democrat", "Democratic Party", 1},
	{"Labour", "Labour Party", 0},
	{"Conservatives", "Conservative Party", 0},
	{"Conservative", "Conservative Party", 1},
	{"Tories", "Conservative Party", 0},
	{"Tory", "Conservative Party", 1},
	{"SNP", "Scottish National Party", 0},
	{"Greens", "Green Party", 0},
	{"UKIP", "UK Independence Party", 0},
	{"Liberals", "Liberal Party", 0},
	{NULL, NULL, 0}
};

/* Titles before a person's name. */
static const word_t person_titles[] = {
	W("Mr."), W("Mr"), W("Mrs."), W("Mrs"), W("Ms."), W("Ms"), W("Dr."), W("Dr"), W("Senator"), W("Sen."),
	W("Rep."), W("Representative"), W("President"), W("Governor"), W("Gov."), W("Judge"),
	W("Justice"), W("Speaker"), W("Chancellor"), W("Minister"), W("Congressman"),
	W("Congresswoman"), W("Lord"), W("Lady"), W("Sir"), W("Dame"), W("Secretary"),
	W("Sen"), W("Rep"), W("Gov"), W("Mayor"), W("Ambassador"), W("Leader"), W("Councillor"),
	W("Councilor"), W("Councilman"), W("Councilwoman"), W("Alderman"), {NULL, 0}
};

/* Verbs whose object is the subject of a following infinitive ("urged X to vote"). */
static const word_t control_verbs[] = {
	W("urged"), W("urge"), W("urges"), W("urging"), W("asked"), W("ask"), W("asks"),
	W("asking"), W("called"), W("calling"), W("allowed"), W("allow"), W("allows"),
	W("forced"), W("force"), W("pressed"), W("press"), W("persuaded"), W("persuade"),
	W("convinced"), W("convince"), W("require"), W("requires"), W("required"),
	W("free"), W("freed"), W("encouraged"), W("encourage"), W("told"), W("tell"),
	W("want"), W("wants"), W("wanted"), W("push"), W("pushed"), W("pushing"),
	W("lobbied"), W("lobbying"), W("pressured"), W("pressuring"), W("invited"),
	W("appealed"), W("compelled"), W("driven"), W("drove"), W("helped"), W("help"),
	W("led"), W("get"), W("got"), W("expect"), W("expects"), {NULL, 0}
};

/* Words that may stand between a subject and "to <vote>" besides auxiliaries and intent words. */
static const word_t infinitive_glue[] = {
	W("to"), W("their"), W("its"), W("his"), W("her"), W("our"), W("clear"),
	W("made"), W("thought"), W("believed"), W("said"), W("reported"), W("known"),
	W("well"), W("positioned"), W("able"), W("unable"), W("willing"), W("unwilling"),
	W("keen"), W("eager"), W("appear"), W("appears"), W("appeared"), W("seem"),
	W("seems"), W("seemed"), W("continue"), W("continued"), W("continues"),
	W("refused"), W("declined"), W("failed"), W("tried"), W("try"), W("tries"),
	W("sought"), W("chose"), W("choose"), W("voted"), W("moved"), W("moving"),
	W("not"), W("yet"), W("already"), W("firmly"), W("publicly"), W("openly"),
	W("need"), W("needs"), W("needed"), W("have"), W("has"), W("had"), W("got"),
	W("used"), W("likely"), W("unlikely"), W("certain"), W("sure"), W("bound"),
	{NULL, 0}
};

/* Last words of an organisation's name. */
static const word_t org_heads[] = {
	W("Services"), W("Association"), W("Union"), W("Party"), W("Group"),
	W("Company"), W("Ltd"), W("Department"), W("Ministry"), W("Office"),
	W("Agency"), W("Foundation"), W("Trust"), W("Federation"), W("Alliance"),
	W("Front"), W("Movement"), W("League"), W("Society"), W("Institute"),
	W("Corporation"), W("Bank"), W("Fund"), W("Organisation"), W("Organization"),
	W("Colonels"), W("Generals"), W("Workers"), W("Unions"), W("Coalition"),
	W("Motors"), W("Industries"), W("Holdings"), W("Airways"), W("Inc"), W("Corp"),
	{NULL, 0}
};

/* Prepositions that open an adverbial, not an appositive. */
static const word_t prepositions[] = {
	W("in"), W("at"), W("on"), W("for"), W("across"), W("with"), W("from"),
	W("by"), W("under"), W("after"), W("before"), W("during"), W("unlike"),
	W("like"), W("among"), W("within"), W("outside"), W("inside"), W("since"),
	W("until"), W("despite"), W("including"), W("as"), W("of"), W("to"),
	{NULL, 0}
};

/* Capitalized words that do not begin or continue a person's name. */
static const word_t name_stopwords[] = {
	W("State"), W("Another"), W("And"), W("But"), W("If"), W("When"), W("While"),
	W("As"), W("So"), W("Then"), W("This"), W("That"), W("These"), W("Those"),
	W("Former"), W("Only"), W("Even"), W("Also"), W("Still"), W("Many"), W("Most"),
	W("Some"), W("All"), W("Both"), W("Each"), W("Every"), W("No"), W("Not"),
	W("Now"), W("Here"), W("There"), W("What"), W("Which"), W("Who"), W("Why"),
	W("How"), W("Where"), W("I"), W("I've"), W("I'm"), W("We"), W("You"), W("He"),
	W("She"), W("They"), W("It"), W("Our"), W("Their"), W("His"), W("Her"), W("My"),
	W("Your"), W("In"), W("On"), W("At"), W("For"), W("With"), W("After"),
	W("Before"), W("Since"), W("Under"), W("Over"), W("Yet"), W("Meanwhile"),
	W("However"), W("Although"), W("Though"), W("Because"), W("Monday"),
	W("Tuesday"), W("Wednesday"), W("Thursday"), W("Friday"), W("Saturday"),
	W("Sunday"), W("Republicans"), W("Democrats"), W("Mr"), W("Mrs"), W("Ms"),
	/* first words of place and institution names, not of people's */
	W("New"), W("North"), W("South"), W("East"), W("West"), W("Los"), W("San"),
	W("Las"), W("Saint"), W("Fort"), W("Great"), W("Central"), W("Northern"),
	W("Southern"), W("Eastern"), W("Western"), W("United"), W("Supreme"),
	W("White"), W("National"), W("Federal"), W("Democratic"), W("Republican"),
	W("Independent"), W("Labour"), W("Green"), W("European"), W("International"),
	W("Royal"), W("Prime"), W("General"), W("Security"), W("Human"),
	{NULL, 0}
};

/* Adjectives of a group: "registered voters", "opposition MPs". */
static const word_t group_adjectives[] = {
	W("other"), W("fellow"), W("opposition"), W("independent"), W("undecided"),
	W("registered"), W("eligible"), W("likely"), W("young"), W("older"),
	W("black"), W("white"), W("hispanic"), W("rebel"), W("backbench"),
	W("swing"), W("primary"), W("many"), W("several"), W("most"), W("more"),
	W("some"), W("all"), W("both"), W("member"), W("western"), W("european"),
	W("african"), W("arab"), W("muslim"), W("conservative"), W("liberal"),
	W("moderate"), W("senior"), W("new"), W("first-time"), W("permanent"),
	W("elected"), W("non-permanent"), {NULL, 0}
};

/* Words after a place name that make it part of another name ("Washington Post"). */
static const word_t org_words[] = {
	W("Post"), W("Times"), W("News"), W("Journal"), W("Daily"), W("Today"),
	W("Airlines"), W("University"), W("Institute"), W("Bank"), W("Inc"),
	W("Corp"), W("Herald"), W("Tribune"), W("Examiner"), W("Street"),
	W("Square"), W("Avenue"), W("Road"), W("Airport"), W("State"),
	W("Stock"), W("Open"), W("Cup"), W("Mets"), W("Redskins"), W("Nationals"),
	{NULL, 0}
};

/* Heads of a capitalized body name: "Monetary Policy Committee". */
static const word_t body_heads[] = {
	W("Committee"), W("Commission"), W("Council"), W("Assembly"), W("Board"), W("Parliament"),
	W("Senate"), W("Congress"), W("Bundestag"), W("Knesset"), W("Duma"), W("Rada"), W("Sejm"),
	W("Riksdag"), W("Storting"), W("Majlis"), W("Cabinet"), W("Court"), W("Legislature"),
	W("Dail"), W("Dáil"), W("Lords"), W("Commons"), W("Chamber"), W("Synod"), W("Conference"),
	{NULL, 0}
};

/* First words of the bodies body_at names ("Senate", "UN Security Council"). */
static const word_t body_starts[] = {
	W("Commons"), W("Congress"), W("Council"), W("European"), W("General"), W("Human"),
	W("House"), W("Security"), W("Senate"), W("UN"), W("U.N."), W("U.N"), W("United"),
	{NULL, 0}
};

/* Words of a time adjunct: on Tuesday, last week, in June, earlier this month. */
static const word_t time_words[] = {
	W("on"), W("in"), W("at"), W("last"), W("this"), W("next"), W("earlier"),
	W("week"), W("month"), W("year"), W("monday"), W("tuesday"), W("wednesday"),
	W("thursday"), W("friday"), W("saturday"), W("sunday"), W("january"),
	W("february"), W("march"), W("april"), W("may"), W("june"), W("july"),
	W("august"), W("september"), W("october"), W("november"), W("december"),
	W("ago"), W("months"), W("weeks"), W("days"), W("today"), W("yesterday"),
	{NULL, 0}
};

/* Words before a trigger that make it a verb ("to vote", "they veto"). */
static const word_t verb_before[] = {
	W("to"), W("will"), W("would"), W("could"), W("might"), W("may"), W("can"),
	W("should"), W("must"), W("shall"), W("did"), W("does"), W("do"), W("not"),
	W("also"), W("then"), W("later"), W("effectively"), W("repeatedly"),
	W("they"), W("it"), W("he"), W("she"), W("we"), W("who"), W("which"),
	W("never"), W("again"), W("both"), W("all"), W("jointly"), W("unanimously"),
	W("narrowly"), W("overwhelmingly"), W("promptly"), W("quickly"), W("i"),
	W("you"), {NULL, 0}
};

/* ------------------------------------------------------------ the context */

typedef struct actor_ref
{
	uint32_t	first;			/* tokens [first, end) */
	uint32_t	end;
	const char *canonical;		/* static, or NULL: the span is the name */
	uint32_t	name_first;		/* the name within the span (titles dropped) */
	uint32_t	name_end;
	uint8_t		kind;			/* na_vote_actor_kind */
	uint8_t		pronoun;		/* it, they: resolve before use */
} actor_ref;

typedef struct body_ref
{
	const char *canonical;		/* static, or NULL: span */
	uint32_t	first;
	uint32_t	end;			/* 0 = no body */
} body_ref;

typedef struct vote_event
{
	body_ref	body;
	uint32_t	sentence;		/* latest sentence that mentions it */
	uint8_t		outcome;
	uint8_t		method;
	int32_t		votes_for;
	int32_t		votes_against;
	int32_t		abstentions;
} vote_event;

#define MAX_ACTORS 8
#define MAX_EVENTS 4096
#define EVENT_WINDOW 40			/* sentences over which "the measure" refers back */

typedef struct vctx
{
	const na_doc *doc;
	const na_mem *mem;
	na_vec		rows;			/* na_vote */
	na_vec		events;			/* vote_event */
	int			unsc_seen;		/* the article named the Security Council */
	int			un_context;		/* the article named a UN body */
	actor_ref	last_actor;		/* for "it"/"they" in a later sentence */
	uint32_t	last_actor_sentence;
	int			has_last_actor;
	uint32_t	body_cursor;	/* context_body has looked at tokens before this */
	body_ref	ctx_body;
	uint32_t	ctx_body_sentence;
	int			has_ctx_body;
	uint16_t   *token_lex;		/* per token: lex_flags, and body runs */
	na_vec		candidates;		/* uint32_t: sentences that hold a trigger */
	int			failed;
} vctx;

/* ---------------------------------------------------------------- helpers */

static inline const na_token *
T(const vctx *c, uint32_t i)
{
	return &c->doc->tokens[i];
}

/* Is token i inside sentence s (bounds included)? */
static inline int
in_sentence(const vctx *c, uint32_t i, uint32_t s)
{
	return i < c->doc->ntokens && c->doc->tokens[i].sentence == s;
}

/* Does token i spell the n-byte word w (ASCII case-insensitive)? */
static inline int
is_word_n(const vctx *c, uint32_t i, const char *w, size_t n)
{
	const na_token *t;
	const char *p;

	if (i >= c->doc->ntokens)
		return 0;
	t = T(c, i);
	if (t->len != n)
		return 0;
	p = c->doc->text + t->start;
	for (size_t k = 0; k < n; k++)
	{
		char		a = p[k];

		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (a != w[k] && !(w[k] >= 'A' && w[k] <= 'Z' && a == w[k] + 32))
			return 0;
	}
	return 1;
}

/* is_word(c, i, "literal"): the length comes from sizeof, no strlen per call */
#define is_word(c, i, w) is_word_n((c), (i), "" w, sizeof(w) - 1)

/*
 * Which of the word lists above a token's word belongs to, as a bit mask:
 * one hash probe instead of a walk over each list.  The lists compare ASCII
 * letters case-insensitively, so the table keys are folded to lower case.
 */
enum
{
	L_motion_heads,
	L_generic_motions,
	L_group_heads,
	L_envoy_nouns,
	L_aux_words,
	L_clause_words,
	L_intent_words,
	L_ordinal_words,
	L_number_words,
	L_definite_words,
	L_person_titles,
	L_control_verbs,
	L_infinitive_glue,
	L_org_heads,
	L_prepositions,
	L_name_stopwords,
	L_group_adjectives,
	L_body_heads,
	L_body_starts,
	L_org_words,
	L_time_words,
	L_verb_before,
	L_COUNT
};

static const word_t *const word_lists[L_COUNT] = {
	[L_motion_heads] = motion_heads,
	[L_generic_motions] = generic_motions,
	[L_group_heads] = group_heads,
	[L_envoy_nouns] = envoy_nouns,
	[L_aux_words] = aux_words,
	[L_clause_words] = clause_words,
	[L_intent_words] = intent_words,
	[L_ordinal_words] = ordinal_words,
	[L_number_words] = number_words,
	[L_definite_words] = definite_words,
	[L_person_titles] = person_titles,
	[L_control_verbs] = control_verbs,
	[L_infinitive_glue] = infinitive_glue,
	[L_org_heads] = org_heads,
	[L_prepositions] = prepositions,
	[L_name_stopwords] = name_stopwords,
	[L_group_adjectives] = group_adjectives,
	[L_body_heads] = body_heads,
	[L_body_starts] = body_starts,
	[L_org_words] = org_words,
	[L_time_words] = time_words,
	[L_verb_before] = verb_before,
};

#define WORD_SET_BITS 11
#define WORD_SET_SIZE (1u << WORD_SET_BITS)
#define WORD_SET_MAXLEN 24

typedef struct word_set_entry
{
	char		w[WORD_SET_MAXLEN + 1];	/* folded to lower case */
	uint8_t		n;
	uint32_t	mask;			/* 1 << L_* */
} word_set_entry;

static word_set_entry word_set[WORD_SET_SIZE];
static int	word_set_ready;

static inline char
fold_ascii(char ch)
{
	return (ch >= 'A' && ch <= 'Z') ? (char) (ch + 32) : ch;
}

/* Do the n bytes at w, folded, spell the folded key? */
static inline int
word_set_equal(const char *key, const char *w, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++)
		if (key[k] != fold_ascii(w[k]))
			return 0;
	return 1;
}

static inline uint32_t
word_set_hash(const char *w, uint32_t n)
{
	uint32_t	h = 0x811C9DC5u ^ n;

	for (uint32_t k = 0; k < n; k++)
		h = (h ^ (unsigned char) fold_ascii(w[k])) * 0x01000193u;
	return h & (WORD_SET_SIZE - 1);
}

static void
build_word_set(void)
{
	for (int l = 0; l < L_COUNT; l++)
		for (const word_t *w = word_lists[l]; w->w; w++)
		{
			uint32_t	h;

			if (w->n == 0 || w->n > WORD_SET_MAXLEN)
				continue;		/* no list word is this long; keep the table safe */
			h = word_set_hash(w->w, w->n);

			for (;; h = (h + 1) & (WORD_SET_SIZE - 1))
			{
				word_set_entry *e = &word_set[h];

				if (e->n == 0)
				{
					for (uint32_t k = 0; k < w->n; k++)
						e->w[k] = fold_ascii(w->w[k]);
					e->n = w->n;
				}
				else if (!(e->n == w->n && word_set_equal(e->w, w->w, w->n)))
					continue;
				e->mask |= 1u << l;
				break;
			}
		}
	word_set_ready = 1;
}

/* The lists the n bytes at w belong to. */
static inline uint32_t
word_set_of(const char *w, uint32_t n)
{
	if (n == 0 || n > WORD_SET_MAXLEN)
		return 0;
	for (uint32_t h = word_set_hash(w, n);; h = (h + 1) & (WORD_SET_SIZE - 1))
	{
		const word_set_entry *e = &word_set[h];

		if (e->n == 0)
			return 0;
		if (e->n == n && word_set_equal(e->w, w, n))
			return e->mask;
	}
}

static inline int
in_set(const vctx *c, uint32_t i, uint32_t mask)
{
	const na_token *t;

	if (i >= c->doc->ntokens)
		return 0;
	t = T(c, i);
	return (word_set_of(c->doc->text + t->start, t->len) & mask) != 0;
}

/* in_list(c, i, aux_words): is token i a word of that list? */
#define in_list(c, i, list) in_set((c), (i), 1u << L_##list)

static int
is_punct(const vctx *c, uint32_t i, char ch)
{
	return i < c->doc->ntokens && T(c, i)->kind == NA_TK_PUNCT && T(c, i)->len == 1 &&
		c->doc->text[T(c, i)->start] == ch;
}

static int
is_capitalized(const vctx *c, uint32_t i)
{
	return i < c->doc->ntokens && (T(c, i)->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)) &&
		(T(c, i)->kind == NA_TK_WORD || T(c, i)->kind == NA_TK_INITIAL ||
		 T(c, i)->kind == NA_TK_ABBREV);
}

/* A clause boundary a subject search does not cross. */
static int
is_boundary(const vctx *c, uint32_t i)
{
	const na_token *t = T(c, i);

	if (t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE || t->kind == NA_TK_DASH)
		return 1;
	if (t->kind == NA_TK_PUNCT)
		return t->len == 1 && (c->doc->text[t->start] == ';' || c->doc->text[t->start] == ':' ||
							   c->doc->text[t->start] == '(' || c->doc->text[t->start] == ')');
	return t->kind == NA_TK_WORD && in_list(c, i, clause_words);
}

/*
 * The first-pass lexicon: every word the first pass marks (triggers, the
 * lower-case body words, body heads and the first words of named bodies,
 * with their possessive forms) in one hash table keyed by length and three
 * letters (first, second, last).  Most words of a text miss on an empty slot
 * without a byte compare.  Built once per process, read-only after.
 */
#define LEX_TABLE_BITS 11
#define LEX_TABLE_SIZE (1u << LEX_TABLE_BITS)
#define LEX_MAXLEN 24
#define LEX_MAX_ENTRIES 512

/* token_lex[i]: the trigger's index + 1 in the low byte, flags above */
#define TRIGGER_SLOT_MASK 0x00FF
#define TOKEN_BODY_MAYBE 0x0100 /* body_at may find a body here; without it, not */
#define TOKEN_BODY_HEAD 0x0200	/* is_body_head */

typedef struct lex_entry
{
	char		w[LEX_MAXLEN + 1];	/* folded to lower case */
	uint8_t		n;
	uint8_t		trigger;		/* index + 1 into triggers, 0 = none */
	uint8_t		lower_body;		/* a body word when written in lower case */
	uint8_t		body_head;		/* a body head when capitalized */
	uint8_t		body_start;		/* a named body's first word when capitalized */
	int8_t		number;			/* number_at's value of a number word, -1 = none */
} lex_entry;

typedef struct lex_slot
{
	uint32_t	key;			/* lex_key of the entry's word */
	uint32_t	entry;			/* index + 1 into lex_entries, 0 = empty */
} lex_slot;

static lex_entry lex_entries[LEX_MAX_ENTRIES];
static lex_slot lex_table[LEX_TABLE_SIZE];
static int	lex_nentries;
static int	lex_ready;

/*
 * One bit per key hash, set for every entry: nearly all words of a text are
 * in no list, and a bit test that almost never passes predicts far better
 * than a probe that finds an empty slot only most of the time.
 */
#define LEX_FILTER_BITS 14
static uint64_t lex_filter[(1u << LEX_FILTER_BITS) / 64];

static inline uint32_t
lex_key(const char *w, uint32_t len)
{
	/* | 0x20 folds ASCII capitals; other bytes only collide, the compare decides */
	return (uint32_t) (unsigned char) (w[0] | 0x20) |
		((uint32_t) (unsigned char) (w[1] | 0x20) << 8) |
		((uint32_t) (unsigned char) (w[len - 1] | 0x20) << 16) | (len << 24);
}

static inline uint32_t
lex_hash(uint32_t key)
{
	return (key * 0x9E3779B1u) >> (32 - LEX_TABLE_BITS);
}

static inline uint32_t
lex_filter_bit(uint32_t key)
{
	return (key * 0x85EBCA77u) >> (32 - LEX_FILTER_BITS);
}

static inline int
lex_equal(const char *key, const char *w, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++)
	{
		char		ch = w[k];

		if (ch >= 'A' && ch <= 'Z')
			ch += 32;
		if (ch != key[k])
			return 0;
	}
	return 1;
}

static inline int
lex_filter_has(uint32_t key)
{
	uint32_t	bit = lex_filter_bit(key);

	return (int) ((lex_filter[bit >> 6] >> (bit & 63)) & 1);
}

/* The entry of the n bytes at w with key lex_key(w, n), past the filter. */
static inline const lex_entry *
lex_probe(const char *w, uint32_t n, uint32_t key)
{
	for (uint32_t h = lex_hash(key);; h = (h + 1) & (LEX_TABLE_SIZE - 1))
	{
		const lex_slot *slot = &lex_table[h];

		if (slot->entry == 0)
			return NULL;
		if (slot->key == key && lex_equal(lex_entries[slot->entry - 1].w, w, n))
			return &lex_entries[slot->entry - 1];
	}
}

static inline const lex_entry *
lex_find(const char *w, uint32_t n)
{
	uint32_t	key;

	if (n < 2 || n > LEX_MAXLEN)
		return NULL;
	key = lex_key(w, n);
	if (!lex_filter_has(key))
		return NULL;
	return lex_probe(w, n, key);
}

/* The entry for w + suffix, added if new (NULL if the table is full). */
static lex_entry *
lex_add(const char *w, const char *suffix)
{
	char		buf[LEX_MAXLEN + 1];
	size_t		n = strlen(w);
	size_t		m = strlen(suffix);
	lex_entry  *e;
	uint32_t	h;

	if (n + m > LEX_MAXLEN || n + m < 2)
		return NULL;
	memcpy(buf, w, n);
	memcpy(buf + n, suffix, m);
	n += m;
	e = (lex_entry *) lex_find(buf, (uint32_t) n);
	if (e)
		return e;
	if (lex_nentries >= LEX_MAX_ENTRIES)
		return NULL;
	e = &lex_entries[lex_nentries++];
	e->number = -1;
	for (size_t k = 0; k < n; k++)
		e->w[k] = (buf[k] >= 'A' && buf[k] <= 'Z') ? (char) (buf[k] + 32) : buf[k];
	e->n = (uint8_t) n;
	for (h = lex_hash(lex_key(e->w, (uint32_t) n)); lex_table[h].entry; h = (h + 1) & (LEX_TABLE_SIZE - 1))
		;
	lex_table[h].key = lex_key(e->w, (uint32_t) n);
	lex_table[h].entry = (uint32_t) lex_nentries;
	lex_filter[lex_filter_bit(lex_table[h].key) >> 6] |=
		UINT64_C(1) << (lex_filter_bit(lex_table[h].key) & 63);
	return e;
}

static void
build_lexicon(void)
{
	static const char *const possessives[] = {"", "'s", "\xE2\x80\x99s", NULL};
	static const char *const lower_bodies[] = {
		"parliament", "council", "committee", "legislature", "assembly", "board", NULL
	};
	/* body_at's possessive-tolerant first words (is_word_poss), the rest exact */
	static const char *const possessive_starts[] = {
		"Commons", "Congress", "Council", "House", "Senate", NULL
	};
	lex_entry  *e;

	for (size_t k = 0; k < NTRIGGERS; k++)
		if ((e = lex_add(triggers[k].word, "")) != NULL)
			e->trigger = (uint8_t) (k + 1);
	for (int k = 0; lower_bodies[k]; k++)
		for (int p = 0; possessives[p]; p++)
			if ((e = lex_add(lower_bodies[k], possessives[p])) != NULL)
				e->lower_body = 1;
	if ((e = lex_add("referendum", "")) != NULL)
		e->lower_body = 1;
	for (const word_t *h = body_heads; h->w; h++)
		for (int p = 0; possessives[p]; p++)
			if ((e = lex_add(h->w, possessives[p])) != NULL)
				e->body_head = 1;
	for (const word_t *h = body_starts; h->w; h++)
		if ((e = lex_add(h->w, "")) != NULL)
			e->body_start = 1;
	for (int k = 0; number_words[k].w; k++)
		if ((e = lex_add(number_words[k].w, "")) != NULL)
			e->number = (int8_t) k;
	if ((e = lex_add("none", "")) != NULL)
		e->number = 0;
	if ((e = lex_add("no", "")) != NULL)
		e->number = 0;
	for (int k = 0; possessive_starts[k]; k++)
		for (int p = 1; possessives[p]; p++)
			if ((e = lex_add(possessive_starts[k], possessives[p])) != NULL)
				e->body_start = 1;
	lex_ready = 1;
}

/*
 * Might token t be in the first-pass lexicon, by kind, case and length?
 * Asked only of the few tokens the filter passes (see first_pass).
 */
static inline int
lex_eligible(const na_token *t)
{
	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return 0;
	if (t->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS))
		return t->len >= 2 && t->len <= LEX_MAXLEN;
	/* lower-case words the lexicon has are 4 to 13 bytes long: "the", "of", "and" miss here */
	return t->len >= 4 && t->len <= 13;
}

/* lex_key of a token of len >= 1 bytes at w; a one-byte token reads its byte twice */
static inline uint32_t
lex_token_key(const char *w, uint32_t len)
{
	return (uint32_t) (unsigned char) (w[0] | 0x20) |
		((uint32_t) (unsigned char) (w[len > 1] | 0x20) << 8) |
		((uint32_t) (unsigned char) (w[len - 1] | 0x20) << 16) | (len << 24);
}

/*
 * The first-pass flags of token t, found as entry e: its trigger (triggers
 * are lower-case words, capitalized only at a sentence start) and its body
 * flags, the same tests as is_body_head and a superset of the tokens body_at
 * accepts.
 */
static inline uint16_t
lex_flags(const char *text, const na_token *t, const lex_entry *e)
{
	uint16_t	f = 0;

	if (e->trigger && t->kind == NA_TK_WORD && t->len >= 4 && t->len <= 12 &&
		(!(t->flags & NA_TF_CAPITALIZED) || (t->flags & NA_TF_SENT_START)))
		f = e->trigger;
	if (!(t->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)))
	{
		if (e->lower_body && t->len >= 5 && t->len <= 13)
			f |= TOKEN_BODY_MAYBE;
		return f;
	}
	if (e->body_start)
		f |= TOKEN_BODY_MAYBE;
	if (e->body_head && (t->flags & NA_TF_CAPITALIZED) && t->len >= 4 && t->len <= 14 &&
		text[t->start] >= 'A' && text[t->start] <= 'Z')
		f |= TOKEN_BODY_MAYBE | TOKEN_BODY_HEAD;
	return f;
}

/* The trigger word at token i, from the per-document table of na_votes_analyze. */
static inline const trigger_word *
trigger_of(const vctx *c, uint32_t i)
{
	uint16_t	slot = c->token_lex[i] & TRIGGER_SLOT_MASK;

	return slot ? &triggers[slot - 1] : NULL;
}

/* A number as written: digits with thousands separators, or a small number word. */
static int32_t
number_at(const vctx *c, uint32_t i)
{
	const na_token *t;

	if (i >= c->doc->ntokens)
		return -1;
	t = T(c, i);
	if (t->kind == NA_TK_NUMBER)
	{
		int64_t		v = 0;
		int			digits = 0;

		for (uint32_t k = 0; k < t->len; k++)
		{
			char		ch = c->doc->text[t->start + k];

			if (ch >= '0' && ch <= '9')
			{
				v = v * 10 + (ch - '0');
				digits++;
				if (v > 100000000)
					return -1;
			}
			else if (ch != ',')
				return -1;
		}
		return digits ? (int32_t) v : -1;
	}
	if (t->kind != NA_TK_WORD)
		return -1;
	if (t->len < 2 || t->len > 9)
		return -1;
	/* "no", "none", "zero" .. "twenty": one probe of the first-pass lexicon */
	{
		const lex_entry *e = lex_find(c->doc->text + t->start, t->len);

		return e ? e->number : -1;
	}
}

/* A range token "52-48" or "13-0-2": its parts (up to 3); returns the count. */
static int
range_parts(const vctx *c, uint32_t i, int32_t *parts)
{
	const na_token *t = T(c, i);
	int			n = 0;
	int64_t		v = 0;
	int			digits = 0;

	if (t->kind != NA_TK_RANGE)
		return 0;
	for (uint32_t k = 0; k <= t->len; k++)
	{
		char		ch = k < t->len ? c->doc->text[t->start + k] : '-';

		if (ch >= '0' && ch <= '9')
		{
			v = v * 10 + (ch - '0');
			digits++;
			if (v > 100000000)
				return 0;
		}
		else if (ch == ',' && digits)
			continue;
		else if (ch == '-' && digits && n < 3)
		{
			parts[n++] = (int32_t) v;
			v = 0;
			digits = 0;
		}
		else
			return 0;
	}
	/* 2014-15, 1998-2003: years, not votes */
	if (n >= 2 && parts[0] >= 1800 && parts[0] <= 2100 && parts[1] < parts[0])
		return 0;
	return n;
}

static void
span_of(const vctx *c, uint32_t first, uint32_t end, na_vote_span *s)
{
	const na_token *a;
	const na_token *b;

	if (end <= first)
	{
		memset(s, 0, sizeof(*s));
		return;
	}
	a = T(c, first);
	b = T(c, end - 1);
	s->start = a->start;
	s->len = b->start + b->len - a->start;
	s->cstart = a->cstart;
	s->clen = b->cstart + b->clen - a->cstart;
}

/* A name's span without a possessive ending: "the council's chair" names "council". */
static void
name_span_of(const vctx *c, uint32_t first, uint32_t end, na_vote_span *s)
{
	const na_token *t;
	const char *p;

	span_of(c, first, end, s);
	if (s->len == 0)
		return;
	t = T(c, end - 1);
	p = c->doc->text + t->start;
	if (t->kind != NA_TK_WORD)
		return;
	if (t->len > 2 && p[t->len - 2] == '\'' && (p[t->len - 1] == 's' || p[t->len - 1] == 'S'))
	{
		s->len -= 2;
		s->clen -= 2;
	}
	else if (t->len > 4 && memcmp(p + t->len - 4, "\xE2\x80\x99s", 4) == 0)
	{
		s->len -= 4;
		/* two characters, or four when offsets count bytes */
		s->clen -= t->clen == t->len ? 4 : 2;
	}
}

/* Does token i spell a word of a possessive form ("Council’s" ~ "council")? */
static int
is_word_poss_n(const vctx *c, uint32_t i, const char *w, size_t n)
{
	const na_token *t;

	if (i >= c->doc->ntokens)
		return 0;
	t = T(c, i);
	if (t->len == n)
		return na_token_is(c->doc, t, w);
	if (t->len == n + 2 || t->len == n + 4)
	{
		const char *p = c->doc->text + t->start;

		if (!na_ascii_ci_equal(p, w, n))
			return 0;
		return (t->len == n + 2 && p[n] == '\'' && (p[n + 1] == 's' || p[n + 1] == 'S')) ||
			(t->len == n + 4 && memcmp(p + n, "\xE2\x80\x99s", 4) == 0);
	}
	return 0;
}

#define is_word_poss(c, i, w) is_word_poss_n((c), (i), "" w, sizeof(w) - 1)

static int
is_possessive(const vctx *c, uint32_t i)
{
	const na_token *t = T(c, i);
	const char *p = c->doc->text + t->start;

	if (t->kind != NA_TK_WORD)
		return 0;
	return (t->len > 2 && p[t->len - 2] == '\'' && p[t->len - 1] == 's') ||
		(t->len > 4 && memcmp(p + t->len - 4, "\xE2\x80\x99s", 4) == 0);
}

/* ------------------------------------------------------------------ bodies */

/* Is the word at p, or the possessor of "X's"/"X’s", in one of the lists of mask? */
static inline int
word_or_possessor_in(const char *p, uint32_t len, uint32_t mask)
{
	if (word_set_of(p, len) & mask)
		return 1;
	if (len > 2 && p[len - 2] == '\'' && (p[len - 1] == 's' || p[len - 1] == 'S'))
		return (word_set_of(p, len - 2) & mask) != 0;
	if (len > 4 && memcmp(p + len - 4, "\xE2\x80\x99s", 4) == 0)
		return (word_set_of(p, len - 4) & mask) != 0;
	return 0;
}

/* Is token k a body head, possibly possessive ("Council’s")? */
static int
is_body_head(const vctx *c, uint32_t k)
{
	const na_token *t = T(c, k);
	char		first = c->doc->text[t->start];

	if (t->len < 4 || t->len > 14 || !(t->flags & NA_TF_CAPITALIZED))
		return 0;
	switch (first)
	{
		case 'A':
		case 'B':
		case 'C':
		case 'D':
		case 'K':
		case 'L':
		case 'M':
		case 'P':
		case 'R':
		case 'S':
			break;
		default:
			return 0;
	}
	/* body heads are capitalized: the token's first letter is theirs */
	return word_or_possessor_in(c->doc->text + t->start, t->len, 1u << L_body_heads);
}

/*
 * A body mentioned at token i ("the" not included): the Security Council, the
 * Senate, the House, Iran's parliament, the Monetary Policy Committee.
 * Returns the end token, or 0.
 */
static uint32_t
body_at(vctx *c, uint32_t i, body_ref *b)
{
	uint32_t	s = T(c, i)->sentence;
	uint32_t	j;
	uint32_t	end;

	if (i >= c->doc->ntokens)
		return 0;
	if (T(c, i)->kind != NA_TK_WORD && T(c, i)->kind != NA_TK_ABBREV)
		return 0;
	/* lower-case bodies are a few words of 5 to 11 letters */
	if (!(T(c, i)->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)) &&
		(T(c, i)->len < 5 || T(c, i)->len > 13))
		return 0;

	/*
	 * Quick refusals, for a context walk that meets every token: a lower-case
	 * body is one of the words tested below; a capitalized one is a name
	 * tested below by its first word, or a run of capitalized words that
	 * reaches a body head.
	 */
	if (!(T(c, i)->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)))
	{
		int			maybe;

		switch (c->doc->text[T(c, i)->start])
		{
			case 'p':
				maybe = is_word_poss(c, i, "parliament");
				break;
			case 'c':
				maybe = is_word_poss(c, i, "council") || is_word_poss(c, i, "committee");
				break;
			case 'l':
				maybe = is_word_poss(c, i, "legislature");
				break;
			case 'a':
				maybe = is_word_poss(c, i, "assembly");
				break;
			case 'b':
				maybe = is_word_poss(c, i, "board");
				break;
			case 'r':
				maybe = is_word(c, i, "referendum");
				break;
			default:
				maybe = 0;
		}
		if (!maybe)
			return 0;
	}
	else if (!is_capitalized(c, i))
		return 0;
	else
	{
		int			named;

		switch (c->doc->text[T(c, i)->start] | 0x20)
		{
			case 'c':
				named = is_word_poss(c, i, "Commons") || is_word_poss(c, i, "Congress") ||
					is_word_poss(c, i, "Council");
				break;
			case 'e':
				named = is_word(c, i, "European");
				break;
			case 'g':
				named = is_word(c, i, "General");
				break;
			case 'h':
				named = is_word(c, i, "Human") || is_word_poss(c, i, "House");
				break;
			case 's':
				named = is_word(c, i, "Security") || is_word_poss(c, i, "Senate");
				break;
			case 'u':
				named = is_word(c, i, "UN") || is_word(c, i, "U.N.") || is_word(c, i, "U.N") ||
					is_word(c, i, "United");
				break;
			default:
				named = 0;
		}
		if (!named)
		{
			for (end = i; end < i + 6 && in_sentence(c, end, s) && is_capitalized(c, end) &&
				 T(c, end)->kind == NA_TK_WORD; end++)
			{
				if (c->token_lex[end] & TOKEN_BODY_HEAD)
					break;
				if (is_possessive(c, end))
					return 0;
			}
			if (!(end < i + 6 && in_sentence(c, end, s) && is_capitalized(c, end) &&
				  T(c, end)->kind == NA_TK_WORD))
				return 0;
		}
	}
	b->canonical = NULL;
	b->first = i;
	/* lower case: parliament, referendum */
	if (is_word_poss(c, i, "parliament") && !is_capitalized(c, i))
	{
		na_place_match m;

		b->end = i + 1;
		/* the Greek parliament, Iran's parliament */
		if (i >= 1 && in_sentence(c, i - 1, s))
		{
			for (uint32_t k = (i >= 3 ? i - 3 : 0); k < i; k++)
				if (in_sentence(c, k, s) && na_place_at(c->doc, k, &m) && k + m.ntokens == i)
				{
					b->first = is_word(c, k, "the") ? k + 1 : k;
					break;
				}
		}
		return b->end;
	}
	/* the council, the city council, the committee: a body as written */
	if ((is_word_poss(c, i, "council") || is_word_poss(c, i, "committee") ||
		 is_word_poss(c, i, "legislature") || is_word_poss(c, i, "assembly") ||
		 is_word_poss(c, i, "board")) && !is_capitalized(c, i))
	{
		b->end = i + 1;
		if (i >= 1 && in_sentence(c, i - 1, s) && T(c, i - 1)->kind == NA_TK_WORD &&
			(is_word(c, i - 1, "city") || is_word(c, i - 1, "town") || is_word(c, i - 1, "county") ||
			 is_word(c, i - 1, "state") || is_word(c, i - 1, "school") || is_word(c, i - 1, "parish") ||
			 is_word(c, i - 1, "district") || is_word(c, i - 1, "regional") ||
			 is_word(c, i - 1, "national") || is_word(c, i - 1, "executive")))
			b->first = i - 1;
		return b->end;
	}
	if (is_word(c, i, "referendum") && !is_capitalized(c, i))
	{
		b->canonical = "referendum";
		b->end = i + 1;
		return b->end;
	}
	if (!is_capitalized(c, i))
		return 0;
	/* UN, U.N., United Nations prefixes */
	j = i;
	if (is_word(c, j, "UN") || is_word(c, j, "U.N.") || is_word(c, j, "U.N"))
		j++;
	else if (is_word(c, j, "United") && is_word(c, j + 1, "Nations"))
		j += 2;
	if (in_sentence(c, j + 1, s) && is_word(c, j, "Security") && is_word_poss(c, j + 1, "Council"))
	{
		b->canonical = "UN Security Council";
		c->unsc_seen = 1;
		c->un_context = 1;
		return b->end = j + 2;
	}
	if (in_sentence(c, j + 1, s) && is_word(c, j, "General") && is_word_poss(c, j + 1, "Assembly"))
	{
		b->canonical = "UN General Assembly";
		c->un_context = 1;
		return b->end = j + 2;
	}
	if (in_sentence(c, j + 2, s) && is_word(c, j, "Human") && is_word(c, j + 1, "Rights") &&
		is_word_poss(c, j + 2, "Council"))
	{
		b->canonical = "UN Human Rights Council";
		return b->end = j + 3;
	}
	if (j != i)
		return 0;
	if (is_word(c, i, "House") && i > 0 && in_sentence(c, i - 1, s) &&
		(is_word(c, i - 1, "White") || is_word(c, i - 1, "Opera") || is_word(c, i - 1, "Government") ||
		 is_word(c, i - 1, "Big") || is_word(c, i - 1, "Royal")))
		return 0;
	if (is_word(c, i, "House") && is_word(c, i + 1, "of") && in_sentence(c, i + 2, s))
	{
		if (is_word_poss(c, i + 2, "Representatives"))
			b->canonical = "House of Representatives";
		else if (is_word_poss(c, i + 2, "Commons"))
			b->canonical = "House of Commons";
		else if (is_word_poss(c, i + 2, "Lords"))
			b->canonical = "House of Lords";
		if (b->canonical)
			return b->end = i + 3;
	}
	/* "a House panel", "the Senate committee": a committee of the chamber, as written */
	if ((is_word(c, i, "House") || is_word(c, i, "Senate")) && in_sentence(c, i + 1, s) &&
		(is_word_poss(c, i + 1, "panel") || is_word_poss(c, i + 1, "committee") ||
		 is_word_poss(c, i + 1, "subcommittee")))
		return b->end = i + 2;
	if (is_word_poss(c, i, "House") && !is_word(c, i + 1, "of"))
	{
		b->canonical = "House of Representatives";
		return b->end = i + 1;
	}
	if (is_word_poss(c, i, "Commons"))
	{
		b->canonical = "House of Commons";
		return b->end = i + 1;
	}
	if (is_word_poss(c, i, "Senate"))
	{
		b->canonical = "Senate";
		/* the Senate Judiciary Committee: a committee */
		if (!(is_capitalized(c, i + 1) && in_sentence(c, i + 1, s) &&
			  (is_word_poss(c, i + 2, "Committee") || is_word_poss(c, i + 3, "Committee"))))
			return b->end = i + 1;
		b->canonical = NULL;
	}
	if (is_word_poss(c, i, "Congress") && !is_word(c, i + 1, "Party"))
	{
		b->canonical = "Congress";
		return b->end = i + 1;
	}
	if (is_word(c, i, "European") && is_word_poss(c, i + 1, "Parliament"))
	{
		b->canonical = "European Parliament";
		return b->end = i + 2;
	}
	if (is_word_poss(c, i, "Council") && c->unsc_seen && i > 0 && is_word(c, i - 1, "the"))
	{
		b->canonical = "UN Security Council";
		return b->end = i + 1;
	}
	/* a run of capitalized words ending in a body head */
	end = i;
	while (end < i + 6 && in_sentence(c, end, s) && is_capitalized(c, end) &&
		   T(c, end)->kind == NA_TK_WORD)
	{
		if (is_body_head(c, end))
		{
			/* the Court, Board alone are too vague; Parliament alone is fine */
			if (end == i && !is_word_poss(c, i, "Parliament") && !is_word_poss(c, i, "Bundestag") &&
				!is_word_poss(c, i, "Knesset") && !is_word_poss(c, i, "Duma") &&
				!is_word_poss(c, i, "Cabinet") && !is_word_poss(c, i, "Rada"))
				return 0;
			if (is_word(c, i, "The"))
				return 0;
			return b->end = end + 1;
		}
		if (is_possessive(c, end))
			return 0;
		end++;
	}
	return 0;
}

/* A body mentioned in sentence s, or the latest one before it (within 30 sentences). */
static int
find_body(vctx *c, uint32_t from_tok, uint32_t to_tok, body_ref *b)
{
	for (uint32_t i = from_tok; i < to_tok; i++)
	{
		body_ref	found;

		if ((c->token_lex[i] & TOKEN_BODY_MAYBE) && body_at(c, i, &found))
		{
			*b = found;
			return 1;
		}
	}
	return 0;
}

/*
 * The latest body named before sentence s, within 30 sentences.  A cursor
 * moves forward over the document, so every token is looked at once.
 */
static int
context_body(vctx *c, uint32_t sentence, body_ref *b)
{
	uint32_t	upto = c->doc->sentences[sentence].first_token;

	while (c->body_cursor < upto)
	{
		body_ref	found;
		uint32_t	e;

		if (!(c->token_lex[c->body_cursor] & TOKEN_BODY_MAYBE))
		{
			c->body_cursor++;
			continue;
		}
		e = body_at(c, c->body_cursor, &found);

		if (e)
		{
			c->ctx_body = found;
			c->ctx_body_sentence = T(c, c->body_cursor)->sentence;
			c->has_ctx_body = 1;
			c->body_cursor = e;
		}
		else
			c->body_cursor++;
	}
	if (c->has_ctx_body && c->ctx_body_sentence + 30 >= sentence)
	{
		*b = c->ctx_body;
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ actors */

static int
party_at(vctx *c, uint32_t i, actor_ref *a)
{
	uint32_t	s = T(c, i)->sentence;

	if (!is_capitalized(c, i))
		return 0;
	switch (c->doc->text[T(c, i)->start])
	{
		case 'C':
		case 'D':
		case 'G':
		case 'L':
		case 'R':
		case 'S':
		case 'T':
		case 'U':
			break;
		default:
			return 0;
	}
	if (is_word(c, i, "Liberal") && in_sentence(c, i + 1, s) && is_word(c, i + 1, "Democrats"))
	{
		a->first = a->name_first = i;
		a->end = a->name_end = i + 2;
		a->canonical = "Liberal Democrats";
		a->kind = NA_VK_PARTY;
		return 1;
	}
	if (is_word(c, i, "Lib") && in_sentence(c, i + 1, s) && is_word(c, i + 1, "Dems"))
	{
		a->first = a->name_first = i;
		a->end = a->name_end = i + 2;
		a->canonical = "Liberal Democrats";
		a->kind = NA_VK_PARTY;
		return 1;
	}
	for (const party_word *p = parties; p->word; p++)
	{
		if (p->word[0] != c->doc->text[T(c, i)->start])
			continue;
		if (!na_token_eq(c->doc, T(c, i), p->word) && !is_word_poss_n(c, i, p->word, strlen(p->word)))
			continue;
		if (!na_token_eq(c->doc, T(c, i), p->word) && strcmp(p->word, "GOP") != 0 &&
			!(T(c, i)->flags & NA_TF_CAPITALIZED))
			continue;
		a->first = a->name_first = i;
		a->end = a->name_end = i + 1;
		a->canonical = p->canonical;
		a->kind = NA_VK_PARTY;
		if (in_sentence(c, i + 1, s) && (is_word(c, i + 1, "Party") || in_list(c, i + 1, group_heads) ||
										 is_word(c, i + 1, "lawmaker") || is_word(c, i + 1, "senator") ||
										 is_word(c, i + 1, "MP") || is_word(c, i + 1, "leaders") ||
										 is_word(c, i + 1, "leadership")))
		{
			a->end = i + 2;
			return 1;
		}
		return !p->adjective;
	}
	return 0;
}

/* "dozens of countries", "52 senators", "lawmakers", "Republican senators" (a party). */
static int
group_at(vctx *c, uint32_t i, actor_ref *a)
{
	uint32_t	s = T(c, i)->sentence;
	uint32_t	j = i;

	if (number_at(c, j) >= 0 || is_word(c, j, "most") || is_word(c, j, "many") ||
		is_word(c, j, "several") || is_word(c, j, "some") || is_word(c, j, "all") ||
		is_word(c, j, "other") || is_word(c, j, "fellow"))
		j++;
	else if ((is_word(c, j, "dozens") || is_word(c, j, "hundreds") || is_word(c, j, "scores") ||
			  is_word(c, j, "majority") || is_word(c, j, "handful")) && is_word(c, j + 1, "of"))
		j += 2;
	if (is_word(c, j, "the") && j > i)
		j++;
	/* adjectives: "Western allies", "North Carolina lawmakers", "registered voters" */
	if (in_sentence(c, j + 1, s) && !in_list(c, j, group_heads) && T(c, j)->kind == NA_TK_WORD &&
		(is_capitalized(c, j) || in_list(c, j, group_adjectives)))
	{
		if (in_list(c, j + 1, group_heads))
			j++;
		else if (in_sentence(c, j + 2, s) && in_list(c, j + 2, group_heads) &&
				 (is_capitalized(c, j + 1) || in_list(c, j + 1, group_adjectives)))
			j += 2;
	}
	if (!in_sentence(c, j, s) || !in_list(c, j, group_heads))
		return 0;
	/* "the states" of a federation and "members" alone are too vague as subjects */
	if (j == i && (is_word(c, j, "states") || is_word(c, j, "members") || is_word(c, j, "allies")))
		return 0;
	a->first = a->name_first = i;
	a->end = a->name_end = j + 1;
	a->canonical = NULL;
	a->kind = NA_VK_GROUP;
	return 1;
}

static int
person_at(vctx *c, uint32_t i, actor_ref *a)
{
	uint32_t	s = T(c, i)->sentence;
	uint32_t	j = i;
	uint32_t	k;
	int			titled = 0;

	if (!is_capitalized(c, i) || in_list(c, i, name_stopwords))
		return 0;
	if (in_list(c, j, person_titles))
	{
		titled = 1;
		j++;
		/* Prime Minister Theresa May */
		if (is_word(c, j, "Minister") || is_word(c, j, "General"))
			j++;
	}
	else if (is_word(c, j, "Prime") && is_word(c, j + 1, "Minister"))
	{
		titled = 1;
		j += 2;
	}
	k = j;
	while (k < j + 4 && in_sentence(c, k, s) && is_capitalized(c, k) &&
		   (T(c, k)->kind == NA_TK_WORD || T(c, k)->kind == NA_TK_INITIAL))
	{
		na_place_match m;
		body_ref	b;

		if (trigger_of(c, k) || (k == i && T(c, k)->flags & NA_TF_SENT_START && !titled &&
								 !is_capitalized(c, k + 1)))
			break;
		if (na_place_at(c->doc, k, &m) || body_at(c, k, &b) || in_list(c, k, person_titles) ||
			in_list(c, k, name_stopwords) ||
			((T(c, k)->flags & NA_TF_ALLCAPS) && T(c, k)->kind == NA_TK_WORD && T(c, k)->len > 1))
			break;
		k++;
		if (is_possessive(c, k - 1))
			break;
	}
	if (k == j || (!titled && k - j < 2))
		return 0;
	/* "The Trump administration": not a person */
	if (is_word(c, j, "The") || is_word(c, j, "A") || is_word(c, j, "An"))
		return 0;
	a->first = i;
	a->end = k;
	a->name_first = j;
	a->name_end = k;
	a->canonical = NULL;
	a->kind = NA_VK_PERSON;
	/* "Medical Association", "Commercial Services": an organisation, not a person */
	if (!titled && in_list(c, k - 1, org_heads))
		a->kind = NA_VK_GROUP;
	return 1;
}

/*
 * Is the place at token j a political actor?  Not "Washington Post" or
 * "Georgia" the US state: an ambiguous name needs a UN context.
 */
static int
place_is_actor(vctx *c, uint32_t j, const na_place_match *m)
{
	uint32_t	end = j + m->ntokens;
	uint32_t	s = T(c, j)->sentence;

	if (in_sentence(c, end, s) && in_list(c, end, org_words))
		return 0;
	if (m->flags & NA_PLACE_AMBIGUOUS)
	{
		if (in_sentence(c, end, s) && is_capitalized(c, end) && !(m->flags & NA_PLACE_POSSESSIVE))
			return 0;
		if (m->kind == NA_PLACE_NAME && strcmp(m->country, "United States") != 0 && !c->un_context)
			return 0;
	}
	return 1;
}

/*
 * An actor starting at token i: a country (name, metonym, people, or its
 * envoy), a body, a party, a group or a person; "it"/"they" as a pronoun.
 * Returns 1 and fills *a.
 */
static int
actor_at(vctx *c, uint32_t i, actor_ref *a)
{
	na_place_match m;
	body_ref	b;
	uint32_t	s;
	uint32_t	j;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	memset(a, 0, sizeof(*a));
	if (is_word(c, i, "it") || is_word(c, i, "they"))
	{
		a->first = a->end = i;
		a->end = i + 1;
		a->pronoun = 1;
		return 1;
	}
	j = i;
	if (na_place_at(c->doc, j, &m) && place_is_actor(c, j, &m))
	{
		uint32_t	end = j + m.ntokens;
		int			envoy = in_sentence(c, end, s) && in_list(c, end, envoy_nouns);

		if (m.kind == NA_PLACE_DEMONYM || (m.flags & NA_PLACE_POSSESSIVE))
		{
			if (!envoy)
				return 0;
			end++;
		}
		else if (envoy && !(m.flags & NA_PLACE_POSSESSIVE) && m.kind != NA_PLACE_PEOPLE)
			end++;				/* "the Russia envoy" is rare but harmless */
		a->first = i;
		a->end = end;
		a->name_first = i;
		a->name_end = end;
		a->canonical = m.country;
		a->kind = NA_VK_COUNTRY;
		return 1;
	}
	if (is_word(c, i, "the") && in_sentence(c, i + 1, s))
		j = i + 1;
	if (body_at(c, j, &b))
	{
		a->first = b.first < i ? b.first : i;
		a->end = b.end;
		a->name_first = b.first;
		a->name_end = b.end;
		a->canonical = b.canonical;
		a->kind = NA_VK_BODY;
		return 1;
	}
	if (party_at(c, j, a) || group_at(c, j, a) || person_at(c, j, a))
	{
		a->first = i;
		return 1;
	}
	return 0;
}

/* An actor that ends exactly at token q (inclusive): the longest one. */
static int
actor_ending_at(vctx *c, uint32_t q, uint32_t floor, actor_ref *a)
{
	uint32_t	lo = q >= 7 ? q - 7 : 0;

	if (lo < floor)
		lo = floor;
	for (uint32_t st = lo; st <= q; st++)
	{
		if (actor_at(c, st, a) && a->end == q + 1)
			return 1;
	}
	return 0;
}

/* Actors coordinated to the left, ending at q: "Britain, France and the United States". */
static int
actors_left(vctx *c, uint32_t q, uint32_t floor, actor_ref *out, int max)
{
	int			n = 0;

	while (n < max && actor_ending_at(c, q, floor, &out[n]))
	{
		uint32_t	f = out[n].first;

		n++;
		if (out[n - 1].pronoun)
			break;
		if (f >= floor + 2 && (is_word(c, f - 1, "and") || is_word(c, f - 1, "or") ||
							   is_punct(c, f - 1, ',')))
		{
			q = f - 2;
			if (is_punct(c, q, ',') && q > floor)	/* Britain, France, and Germany */
				q--;
			continue;
		}
		break;
	}
	/* collected right to left: give them in text order */
	for (int k = 0; k < n / 2; k++)
	{
		actor_ref	tmp = out[k];

		out[k] = out[n - 1 - k];
		out[n - 1 - k] = tmp;
	}
	return n;
}

/* Actors coordinated to the right, from token i: "by Britain and France". */
static int
actors_right(vctx *c, uint32_t i, actor_ref *out, int max)
{
	int			n = 0;
	uint32_t	s;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	while (n < max && in_sentence(c, i, s) && actor_at(c, i, &out[n]) && !out[n].pronoun)
	{
		i = out[n].end;
		n++;
		if (is_punct(c, i, ',') && in_sentence(c, i + 1, s) && !is_word(c, i + 1, "and") &&
			actor_at(c, i + 1, &out[n < max ? n : max - 1]))
		{
			i++;
			continue;
		}
		if (is_punct(c, i, ','))
			i++;
		if ((is_word(c, i, "and") || is_word(c, i, "or")) && in_sentence(c, i + 1, s))
		{
			i++;
			continue;
		}
		break;
	}
	return n;
}

/* Resolve "it"/"they" at token p to the nearest actor before it in the sentence. */
static int
resolve_pronoun(vctx *c, uint32_t p, uint32_t sent_first, actor_ref *a)
{
	/* "Moscow made clear last week that it would": lower-case words and "that" between */
	for (uint32_t q = p, steps = 0; q-- > sent_first && steps < 10; steps++)
	{
		const na_token *t = T(c, q);

		if (actor_ending_at(c, q, sent_first, a) && !a->pronoun && a->kind != NA_VK_PERSON)
			return 1;
		if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED))
			break;
	}
	/* "It"/"They" opening a sentence: the latest country or body */
	if (p == sent_first && c->has_last_actor && c->last_actor_sentence + 1 >= T(c, p)->sentence)
	{
		*a = c->last_actor;
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ motions */

static int
is_motion_head(const vctx *c, uint32_t i)
{
	/* "Bill Clinton", "Act Now": a capitalized head followed by a capitalized word is a name */
	if (is_capitalized(c, i) && i + 1 < c->doc->ntokens && T(c, i + 1)->sentence == T(c, i)->sentence &&
		(T(c, i + 1)->flags & NA_TF_CAPITALIZED) && T(c, i + 1)->kind == NA_TK_WORD)
		return 0;
	return T(c, i)->kind == NA_TK_WORD && in_list(c, i, motion_heads);
}

/* Words that may stand in a motion noun phrase before its head. */
static int
motion_modifier(const vctx *c, uint32_t i)
{
	const na_token *t = T(c, i);

	if (t->kind == NA_TK_RANGE || t->kind == NA_TK_NUMBER)
		return 1;
	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return 0;
	if (in_list(c, i, aux_words) || in_list(c, i, clause_words) || trigger_of(c, i))
		return is_word(c, i, "draft");
	if (is_word(c, i, "by") || is_word(c, i, "to") || is_word(c, i, "on") || is_word(c, i, "in") ||
		is_word(c, i, "of") || is_word(c, i, "for") || is_word(c, i, "against") ||
		is_word(c, i, "with") || is_word(c, i, "and") || is_word(c, i, "or") || is_word(c, i, "at") ||
		is_word(c, i, "from") || is_word(c, i, "into") || is_word(c, i, "over") || is_word(c, i, "about") ||
		is_word(c, i, "under") || is_word(c, i, "than") || is_word(c, i, "away") || is_word(c, i, "off") ||
		is_word(c, i, "out") || is_word(c, i, "who") || is_word(c, i, "whose"))
		return 0;
	return 1;
}

/*
 * The motion noun phrase beginning at token i (after a verb): determiner,
 * modifiers, head.  Returns the end token and the head, or 0.
 */
static uint32_t
motion_right(vctx *c, uint32_t i, uint32_t *head)
{
	uint32_t	s;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	for (uint32_t k = i; k < i + 7 && in_sentence(c, k, s); k++)
	{
		if (is_motion_head(c, k) || is_word_poss(c, k, "resolution") || is_word_poss(c, k, "draft"))
		{
			uint32_t	e = k + 1;

			/* draft resolution, draft measure: the head is the last noun */
			while (in_sentence(c, e, s) && is_motion_head(c, e) && e < k + 3)
				e++;
			*head = e - 1;
			return e;
		}
		if (k > i && !motion_modifier(c, k))
			return 0;
		if (k == i && !motion_modifier(c, k) && !is_word(c, k, "the"))
			return 0;
	}
	return 0;
}

/* A free noun phrase as the motion (voted against the appointment of three directors). */
static uint32_t
phrase_right(vctx *c, uint32_t i, uint32_t max)
{
	uint32_t	s;
	uint32_t	k;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	for (k = i; k < i + max && in_sentence(c, k, s); k++)
	{
		const na_token *t = T(c, k);

		/* to pass the "Reproductive Health Care Reform Bill 2019": the quoted title too */
		if (t->kind == NA_TK_OPEN_QUOTE && k > i)
		{
			uint32_t	close = k + 1;

			while (close < k + 16 && in_sentence(c, close, s) && T(c, close)->kind != NA_TK_CLOSE_QUOTE &&
				   T(c, close)->kind != NA_TK_OPEN_QUOTE)
				close++;
			if (close > k + 1 && in_sentence(c, close, s) && T(c, close)->kind == NA_TK_CLOSE_QUOTE)
				return close + 1;
			break;
		}
		if (t->kind == NA_TK_PUNCT || t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE ||
			t->kind == NA_TK_DASH)
			break;
		if (k > i && (is_word(c, k, "by") || is_word(c, k, "on") || is_word(c, k, "after") ||
					  is_word(c, k, "before") || is_word(c, k, "which") || is_word(c, k, "that") ||
					  is_word(c, k, "because") || is_word(c, k, "when") || is_word(c, k, "while") ||
					  is_word(c, k, "unless") || is_word(c, k, "if") || is_word(c, k, "until") ||
					  is_word(c, k, "despite") || is_word(c, k, "although") || is_word(c, k, "though") ||
					  is_word(c, k, "with") || is_word(c, k, "but") || is_word(c, k, "as") ||
					  is_word(c, k, "and") || is_word(c, k, "in")))
			break;
	}
	/* cut by the length limit: end before the last preposition ("open | for at least three") */
	if (k == i + max && in_sentence(c, k, s))
	{
		for (uint32_t j = k - 1; j > i + 2; j--)
			if (in_list(c, j, prepositions))
			{
				k = j;
				break;
			}
	}
	/* "to keep the library open for at least three years": cut at a word, not "for at" */
	while (k > i + 1 && (in_list(c, k - 1, prepositions) || is_word(c, k - 1, "a") ||
						 is_word(c, k - 1, "an") || is_word(c, k - 1, "the")))
		k--;
	return k > i ? k : 0;
}

/* Words of a time adjunct: on Tuesday, last week, in June, earlier this month. */
static int
is_time_word(const vctx *c, uint32_t k)
{
	return T(c, k)->kind == NA_TK_NUMBER || in_list(c, k, time_words);
}

/* The motion noun phrase ending at or before token q: its first token and head. */
static int
motion_left(vctx *c, uint32_t q, uint32_t floor, uint32_t *first, uint32_t *head)
{
	uint32_t	k = q;
	uint32_t	f;

	/* skip ", which was", "that had been", "," */
	for (int skipped = 0; skipped < 5 && k > floor; skipped++)
	{
		if (is_punct(c, k, ',') || is_word(c, k, "which") || is_word(c, k, "that") ||
			is_word(c, k, "was") || is_word(c, k, "were") || is_word(c, k, "been") ||
			is_word(c, k, "had") || is_word(c, k, "has") || is_word(c, k, "have") ||
			is_word(c, k, "being") || is_word(c, k, "is") || is_word(c, k, "are") ||
			is_word(c, k, "unanimously") || is_word(c, k, "later") || is_word(c, k, "also"))
			k--;
		else
			break;
	}
	/* "a draft on Tuesday that was", "the bill last week, which was" */
	for (int skipped = 0; skipped < 4 && k > floor && !is_motion_head(c, k) && is_time_word(c, k); skipped++)
		k--;
	if (!is_motion_head(c, k) && !is_word(c, k, "it"))
		return 0;
	*head = k;
	f = k;
	/* "The government survived a similar motion": the phrase begins at its determiner */
	while (f > floor && motion_modifier(c, f - 1) && f + 6 > k && !in_list(c, f, definite_words) &&
		   !is_word(c, f, "a") && !is_word(c, f, "an"))
		f--;
	*first = f;
	return 1;
}

/* Is the motion phrase [first..head] definite, continuing an earlier vote? */
static int
motion_definite(vctx *c, uint32_t first)
{
	return in_list(c, first, definite_words) || is_possessive(c, first);
}

/* ------------------------------------------------------------ modality */

/* Modality of a trigger at v, looking back to the clause start. */
static uint8_t
modality_at(vctx *c, uint32_t v, uint32_t sent_first)
{
	uint32_t	lo = v > sent_first + 8 ? v - 8 : sent_first;
	uint8_t		mod = NA_VM_ASSERTED;

	for (uint32_t k = v; k-- > lo;)
	{
		const na_token *t = T(c, k);
		const char *p = c->doc->text + t->start;

		if (t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE ||
			is_punct(c, k, ';') || is_punct(c, k, ':'))
			break;
		if (t->kind != NA_TK_WORD)
			continue;
		if (is_word(c, k, "not") || is_word(c, k, "never") ||
			(t->len > 3 && (memcmp(p + t->len - 3, "n't", 3) == 0)) ||
			(t->len > 5 && memcmp(p + t->len - 5, "n\xE2\x80\x99t", 5) == 0) ||
			is_word(c, k, "refused") || is_word(c, k, "declined") || is_word(c, k, "refrained") ||
			is_word(c, k, "failed") || is_word(c, k, "neither") || is_word(c, k, "nor"))
		{
			if (is_word(c, k, "not") && is_word(c, k + 1, "only"))
				continue;
			return NA_VM_NEGATED;
		}
		/* "until the full House votes": a condition not yet met */
		if (is_word(c, k, "could") || is_word(c, k, "might") || is_word(c, k, "may") ||
			is_word(c, k, "if") || is_word(c, k, "unless") || is_word(c, k, "whether") ||
			is_word(c, k, "until") || is_word(c, k, "till") ||
			is_word(c, k, "consider") || is_word(c, k, "considering"))
			return NA_VM_HYPOTHETICAL;	/* "voters should consider voting for" */
		if ((is_word(c, k, "would") || is_word(c, k, "should")) && is_word(c, k + 1, "have"))
			return NA_VM_HYPOTHETICAL;
		if (is_word(c, k, "would") || is_word(c, k, "will") || is_word(c, k, "shall") ||
			is_word(c, k, "should") || is_word(c, k, "must") ||
			(t->len > 3 && memcmp(p + t->len - 3, "'ll", 3) == 0))
			mod = NA_VM_EXPECTED;
		if (is_word(c, k, "to") && k + 1 <= v && k > lo && in_list(c, k - 1, intent_words))
			mod = NA_VM_EXPECTED;
		if (is_word(c, k, "to") && k >= lo + 2 && in_list(c, k - 2, intent_words))
			mod = NA_VM_EXPECTED;	/* signaled their intent to block */
		if (in_list(c, k, clause_words) && !is_word(c, k, "that"))
			break;
	}
	/* a clause opened by "if" further left (within 40 tokens) */
	for (uint32_t k = lo; k-- > sent_first && k + 40 > lo;)
	{
		if (is_word(c, k, "if") || is_word(c, k, "unless"))
			return NA_VM_HYPOTHETICAL;
		if (is_punct(c, k, ';'))
			break;
	}
	/* "Should the United Kingdom approve the treaty?": a question asserts nothing */
	{
		uint32_t	s = T(c, v)->sentence;

		for (uint32_t k = v + 1; k < v + 40 && in_sentence(c, k, s); k++)
		{
			if (is_punct(c, k, '?'))
				return NA_VM_HYPOTHETICAL;
			if (is_punct(c, k, '.') || is_punct(c, k, ';') || is_punct(c, k, '!'))
				break;
		}
	}
	return mod;
}

/* A count of past votes after a verb: "vetoed 12 resolutions", "16 times". */
static int
historical_after(vctx *c, uint32_t v)
{
	uint32_t	s = T(c, v)->sentence;

	for (uint32_t k = v + 1; k < v + 8 && in_sentence(c, k, s); k++)
	{
		if (number_at(c, k) > 1 && (is_word(c, k + 1, "times") || is_word(c, k + 1, "resolutions") ||
									is_word(c, k + 1, "measures") || is_word(c, k + 1, "drafts") ||
									is_word(c, k + 1, "bills") || is_word(c, k + 1, "vetoes")))
			return 1;
		if (is_word(c, k, "times") && k > v + 1 && number_at(c, k - 1) < 0 &&
			(is_word(c, k - 1, "several") || is_word(c, k - 1, "many") || is_word(c, k - 1, "multiple")))
			return 1;
		if (T(c, k)->kind == NA_TK_PUNCT)
			break;
	}
	return 0;
}

/* ---------------------------------------------------------------- tallies */

typedef struct tally
{
	int32_t		votes_for;
	int32_t		votes_against;
	int32_t		abstentions;
	uint8_t		method;
	int			found;
} tally;

static int
vote_context_before(vctx *c, uint32_t k, uint32_t sent_first)
{
	/*
	 * voted 52-48; passed the bill 217-213; adopted 13-0; by a vote of
	 * 217-213; backed the motion by 330 votes to 286: a vote verb earlier in
	 * the clause (won, beat, leads are not vote verbs)
	 */
	uint32_t	p = k;

	if (p <= sent_first)
		return 0;
	p--;
	if (is_word(c, p, "unanimously"))
		return 1;
	if (is_word(c, p, "of") && p > sent_first && (is_word(c, p - 1, "vote") || is_word(c, p - 1, "margin") ||
												  is_word(c, p - 1, "tally")))
		return 1;
	for (uint32_t back = 0; back < 7; back++, p--)
	{
		const trigger_word *tw;

		if (T(c, p)->kind == NA_TK_PUNCT || T(c, p)->kind == NA_TK_DASH ||
			T(c, p)->kind == NA_TK_OPEN_QUOTE || T(c, p)->kind == NA_TK_CLOSE_QUOTE)
			return 0;
		tw = trigger_of(c, p);
		if (tw && tw->cls != W_UNANIMOUS && tw->cls != W_TALLY)
		{
			/* "defeated 3-1" without a motion in the sentence is a match result */
			if (tw->cls == W_DEFEAT)
			{
				uint32_t	s = T(c, k)->sentence;
				uint32_t	from = k > 30 ? k - 30 : 0;

				if (from < c->doc->sentences[s].first_token)
					from = c->doc->sentences[s].first_token;
				for (uint32_t q = from; q < k + 30 && in_sentence(c, q, s); q++)
					if (is_motion_head(c, q))
						return 1;
				return 0;
			}
			return 1;
		}
		if (p == sent_first)
			break;
	}
	return 0;
}

static int
vote_context_after(vctx *c, uint32_t k)
{
	/* a 52-48 vote, 217-213 votes, a 13-0 decision */
	return is_word(c, k, "vote") || is_word(c, k, "votes") || is_word(c, k, "ballot") ||
		is_word(c, k, "decision") || is_word(c, k, "ruling") || is_word(c, k, "tally");
}

/* Distractor words that make a number pair not a vote (polls, ages, scores). */
static int
distractor_near(vctx *c, uint32_t k, uint32_t sent_first)
{
	uint32_t	lo = k > sent_first + 3 ? k - 3 : sent_first;

	for (uint32_t q = lo; q < k; q++)
		if (is_word(c, q, "aged") || is_word(c, q, "ages") || is_word(c, q, "age") ||
			is_word(c, q, "poll") || is_word(c, q, "polls") || is_word(c, q, "leads") ||
			is_word(c, q, "lead") || is_word(c, q, "score") || is_word(c, q, "won") ||
			is_word(c, q, "beat") || is_word(c, q, "lost") || is_word(c, q, "drew") ||
			is_word(c, q, "trails") || is_word(c, q, "between"))
			return 1;
	return 0;
}

/*
 * "Russia and China abstaining" from token q: how many members are named
 * before the word that follows them, that word's token in *after (0: none).
 */
static int
named_members(vctx *c, uint32_t q, uint32_t s, uint32_t *after)
{
	actor_ref	named[MAX_ACTORS];
	int			nn = actors_right(c, q, named, MAX_ACTORS);

	if (nn == 0 || !in_sentence(c, named[nn - 1].end, s))
		return 0;
	*after = named[nn - 1].end;
	return nn;
}

static int
abstaining_at(vctx *c, uint32_t q)
{
	return is_word(c, q, "abstaining") || is_word(c, q, "abstained");
}

/* Count after a tally: "with two abstentions", "and three abstentions". */
static void
abstentions_after(vctx *c, uint32_t k, tally *t)
{
	uint32_t	s = T(c, k - 1)->sentence;

	for (uint32_t q = k; q < k + 6 && in_sentence(c, q, s); q++)
	{
		int32_t		n = number_at(c, q);

		if (n >= 0 && (is_word(c, q + 1, "abstentions") || is_word(c, q + 1, "abstention") ||
					   is_word(c, q + 1, "abstaining") ||
					   ((is_word(c, q + 1, "countries") || is_word(c, q + 1, "members") ||
						 is_word(c, q + 1, "states")) && is_word(c, q + 2, "abstaining"))))
		{
			t->abstentions = n;
			return;
		}
		/* "with Russia and China abstaining": the members named count */
		if (is_word(c, q, "with"))
		{
			uint32_t	after;
			int			nn = named_members(c, q + 1, s, &after);

			if (nn > 0 && abstaining_at(c, after))
			{
				t->abstentions = nn;
				return;
			}
		}
		if (T(c, q)->kind == NA_TK_PUNCT && !is_punct(c, q, ','))
			return;
	}
}

/* "nine in favour, three against and three abstentions" starting at token k. */
static int
split_tally_at(vctx *c, uint32_t k, tally *t)
{
	uint32_t	s = T(c, k)->sentence;
	int32_t		n = number_at(c, k);
	uint32_t	q = k + 1;
	int			got = 0;
	int			votes_said = 0;

	if (n < 0)
		return 0;
	if (is_word(c, q, "votes"))
	{
		q++;
		votes_said = 1;
	}
	if (!((is_word(c, q, "in") && (is_word(c, q + 1, "favour") || is_word(c, q + 1, "favor"))) ||
		  (is_word(c, q, "for") && (is_punct(c, q + 1, ',') || is_word(c, q + 1, "and")))))
		return 0;
	t->votes_for = n;
	q += is_word(c, q, "in") ? 2 : 1;
	/* further parts: ", three against", "and three abstentions", "with none against" */
	for (int part = 0; part < 3 && in_sentence(c, q, s); part++)
	{
		int32_t		m;

		while (is_punct(c, q, ',') || is_word(c, q, "and") || is_word(c, q, "with"))
			q++;
		m = number_at(c, q);
		if (m < 0)
		{
			/* "with Russia against and China abstaining": the named members count */
			int			nn = named_members(c, q, s, &q);

			if (nn == 0)
				break;
			if (is_word(c, q, "against") || (is_word(c, q, "voting") && is_word(c, q + 1, "against")))
				t->votes_against = nn;
			else if (abstaining_at(c, q))
				t->abstentions = nn;
			else
				break;
			got++;
			q += is_word(c, q, "voting") ? 2 : 1;
			continue;
		}
		if (is_word(c, q + 1, "votes"))
			q++;
		if (is_word(c, q + 1, "against") || is_word(c, q + 1, "opposed"))
			t->votes_against = m;
		else if (is_word(c, q + 1, "abstentions") || is_word(c, q + 1, "abstention") ||
				 is_word(c, q + 1, "abstaining") || is_word(c, q + 1, "abstained"))
			t->abstentions = m;
		else
			break;
		got++;
		q += 2;
	}
	/* "won 13 votes in favour" alone is a count of the votes for */
	return got > 0 || votes_said;
}

/* Tally and method anywhere in sentence s that has a vote trigger. */
static void
sentence_tally(vctx *c, uint32_t s, tally *t)
{
	const na_sentence *ss = &c->doc->sentences[s];
	uint32_t	first = ss->first_token;
	uint32_t	end = ss->first_token + ss->ntokens;

	memset(t, 0, sizeof(*t));
	t->votes_for = t->votes_against = t->abstentions = NA_VOTE_NO_COUNT;
	for (uint32_t k = first; k < end; k++)
	{
		const na_token *tk = T(c, k);
		int32_t		parts[3];
		int			n;

		if (tk->kind == NA_TK_RANGE && t->found && t->abstentions < 0 &&
			range_parts(c, k, parts) == 3 && parts[0] == t->votes_for && parts[1] == t->votes_against)
			t->abstentions = parts[2];	/* "12 in favour and one against ..., a 12-1-2 result" */
		else if (tk->kind == NA_TK_RANGE && !t->found)
		{
			n = range_parts(c, k, parts);
			if (n >= 2 && !distractor_near(c, k, first) &&
				(vote_context_before(c, k, first) || vote_context_after(c, k + 1) ||
				 (n == 3 && (is_word(c, k + 1, "result") || is_word(c, k + 1, "split"))) ||
				 (k > first && is_word(c, k - 1, "a") && vote_context_after(c, k + 1))))
			{
				t->votes_for = parts[0];
				t->votes_against = parts[1];
				if (n == 3)
					t->abstentions = parts[2];
				else
					abstentions_after(c, k + 1, t);
				t->found = 1;
			}
		}
		else if (tk->kind == NA_TK_NUMBER || tk->kind == NA_TK_WORD)
		{
			int32_t		a = number_at(c, k);

			/* 52 to 48, 330 votes to 286 */
			if (a >= 0 && !t->found)
			{
				uint32_t	q = k + 1;
				int32_t		b;

				if (is_word(c, q, "votes"))
					q++;
				if (is_word(c, q, "to") && (b = number_at(c, q + 1)) >= 0 &&
					(tk->kind == NA_TK_NUMBER || q == k + 2) &&
					!distractor_near(c, k, first) &&
					(vote_context_before(c, k, first) || vote_context_after(c, q + 2) ||
					 is_word(c, k + 1, "votes")))
				{
					t->votes_for = a;
					t->votes_against = b;
					abstentions_after(c, q + 2, t);
					t->found = 1;
				}
				else if (split_tally_at(c, k, t))
					t->found = 1;
			}
		}
		/* the first letters of the method words below */
		if (tk->kind == NA_TK_WORD && ((c->doc->text[tk->start] | 0x20) == 'u' ||
									   (c->doc->text[tk->start] | 0x20) == 's' ||
									   (c->doc->text[tk->start] | 0x20) == 'v' ||
									   (c->doc->text[tk->start] | 0x20) == 'a' ||
									   (c->doc->text[tk->start] | 0x20) == 'w' ||
									   (c->doc->text[tk->start] | 0x20) == 'b'))
		{
			if (is_word(c, k, "unanimously") || (is_word(c, k, "unanimous") &&
												 (is_word(c, k + 1, "vote") || is_word(c, k + 1, "votes") ||
												  is_word(c, k + 1, "decision") || is_word(c, k + 1, "approval") ||
												  is_word(c, k + 1, "support"))))
			{
				t->method = NA_VME_UNANIMOUS;
				if (t->votes_against < 0)
					t->votes_against = 0;
			}
			else if (is_word(c, k, "show") && is_word(c, k + 1, "of") && is_word(c, k + 2, "hands"))
				t->method = NA_VME_SHOW_OF_HANDS;
			else if (is_word(c, k, "voice") && is_word(c, k + 1, "vote"))
				t->method = NA_VME_VOICE_VOTE;
			else if (is_word(c, k, "acclamation"))
				t->method = NA_VME_ACCLAMATION;
			else if ((is_word(c, k, "without") && is_word(c, k + 1, "a") && is_word(c, k + 2, "vote")) ||
					 (is_word(c, k, "by") && is_word(c, k + 1, "consensus")))
				t->method = NA_VME_CONSENSUS;
			else if (is_word(c, k, "secret") && is_word(c, k + 1, "ballot"))
				t->method = NA_VME_SECRET_BALLOT;
		}
	}
	if (t->method)
		t->found = 1;
}

/* ------------------------------------------------------------------- rows */

static const char *const p5[] = {
	"Russia", "China", "United States", "United Kingdom", "France", NULL
};

static int
is_p5(const char *country)
{
	if (country == NULL)
		return 0;
	for (const char *const *p = p5; *p; p++)
		if (strcmp(*p, country) == 0)
			return 1;
	return 0;
}

/* The words that make two motions the same vote. */
static int
same_motion_word(vctx *c, uint32_t head)
{
	return in_list(c, head, generic_motions);
}

/*
 * The event a position joins: a definite motion ("the measure") continues the
 * latest event in the last EVENT_WINDOW sentences with a compatible body; an
 * indefinite one opens a new event.
 */
static uint32_t
event_for(vctx *c, uint32_t sentence, int has_motion, int definite, uint32_t head,
		  const body_ref *body, int body_given, uint32_t same_sentence_event)
{
	vote_event *ev;

	if (same_sentence_event)
		return same_sentence_event;
	if (c->events.count > 0 && (!has_motion || (definite && same_motion_word(c, head))))
	{
		vote_event *last = (vote_event *) c->events.items + c->events.count - 1;

		if (last->sentence + EVENT_WINDOW >= sentence &&
			(!body_given || body->end == 0 || last->body.end == 0 ||
			 (body->canonical && last->body.canonical && strcmp(body->canonical, last->body.canonical) == 0) ||
			 (!body->canonical && !last->body.canonical)))
		{
			last->sentence = sentence;
			if (last->body.end == 0 && body->end)
				last->body = *body;
			return (uint32_t) c->events.count;
		}
	}
	if (c->events.count >= MAX_EVENTS)
		return (uint32_t) c->events.count;
	ev = na_vec_push(&c->events, c->mem);
	if (ev == NULL)
	{
		c->failed = 1;
		return 0;
	}
	memset(ev, 0, sizeof(*ev));
	ev->body = *body;
	ev->sentence = sentence;
	ev->votes_for = ev->votes_against = ev->abstentions = NA_VOTE_NO_COUNT;
	return (uint32_t) c->events.count;
}

static vote_event *
event_ptr(vctx *c, uint32_t event)
{
	if (event == 0 || event > c->events.count)
		return NULL;
	return (vote_event *) c->events.items + event - 1;
}

typedef struct position
{
	uint32_t	sentence;
	uint32_t	ev_first;		/* evidence tokens [ev_first, ev_end) */
	uint32_t	ev_end;
	actor_ref	actor;			/* kind NONE = no actor */
	uint8_t		action;
	uint8_t		modality;
	uint8_t		outcome;
	uint32_t	motion_first;	/* motion tokens; motion_end 0 = none */
	uint32_t	motion_end;
	uint32_t	motion_head;
	body_ref	body;
} position;

static void
emit(vctx *c, const position *p, uint32_t event)
{
	na_vote    *v = na_vec_push(&c->rows, c->mem);

	if (v == NULL)
	{
		c->failed = 1;
		return;
	}
	memset(v, 0, sizeof(*v));
	v->sentence = p->sentence;
	span_of(c, p->ev_first, p->ev_end, &v->evidence);
	v->actor = p->actor.canonical;
	if (p->actor.kind != NA_VK_NONE && p->actor.canonical == NULL)
		name_span_of(c, p->actor.name_first, p->actor.name_end, &v->actor_span);
	v->actor_kind = p->actor.kind;
	v->action = p->action;
	v->outcome = p->outcome;
	v->modality = p->modality;
	v->body = p->body.canonical;
	if (p->body.end && p->body.canonical == NULL)
		name_span_of(c, p->body.first, p->body.end, &v->body_span);
	if (p->motion_end)
		span_of(c, p->motion_first, p->motion_end, &v->motion);
	v->votes_for = v->votes_against = v->abstentions = NA_VOTE_NO_COUNT;
	v->event = event;
	if (p->actor.kind == NA_VK_COUNTRY || p->actor.kind == NA_VK_BODY)
	{
		c->last_actor = p->actor;
		c->last_actor_sentence = p->sentence;
		c->has_last_actor = 1;
	}
}

/* Is there a vote event mentioned within the last n sentences? */
static int
recent_event(vctx *c, uint32_t sentence, uint32_t n)
{
	return c->events.count > 0 &&
		((vote_event *) c->events.items)[c->events.count - 1].sentence + n >= sentence;
}

/* ------------------------------------------------------- sentence analysis */

/* Where a verb's complement starts: after particles and adverbs. */
static uint32_t
after_verb(vctx *c, uint32_t v)
{
	uint32_t	k = v + 1;

	while (is_word(c, k, "down") || is_word(c, k, "through") || is_word(c, k, "up") ||
		   is_word(c, k, "unanimously") || is_word(c, k, "narrowly") || is_word(c, k, "overwhelmingly"))
		k++;
	return k;
}

typedef struct sent_state
{
	uint32_t	s;
	uint32_t	first;			/* first token */
	uint32_t	end;			/* end token */
	body_ref	body;			/* body named in the sentence or in context */
	int			body_here;		/* named in the sentence itself */
	uint32_t	event;			/* the event of the sentence so far */
	uint32_t	last_participle_motion_first;	/* "proposed by X and endorsed by Y" */
	uint32_t	last_participle_motion_end;
	uint32_t	last_participle_head;
	uint32_t	last_participle_end;	/* token after the by-phrase, 0 = none */
	uint32_t	consumed_until; /* "voted to confirm X": confirm is part of the motion */
	int			tally_state;	/* 0 = not computed, 1 = none, 2 = found */
} sent_state;

/* Members who sit in one chamber only: a group of them votes there. */
static const struct
{
	const char *members;
	const char *chamber;
}			chamber_members[] = {
	{"peers", "House of Lords"},
	{"MEPs", "European Parliament"},
};

/* The chamber a group actor's head noun names ("peers"), or NULL. */
static const char *
chamber_of_members(vctx *c, const actor_ref *group)
{
	if (group->name_end <= group->name_first)
		return NULL;
	for (size_t k = 0; k < sizeof(chamber_members) / sizeof(chamber_members[0]); k++)
		if (is_word_n(c, group->name_end - 1, chamber_members[k].members,
					  strlen(chamber_members[k].members)))
			return chamber_members[k].chamber;
	return NULL;
}

/* A committee or panel, named by a span ending in that word? */
static int
body_is_committee(vctx *c, const body_ref *b)
{
	return b->canonical == NULL && b->end > b->first &&
		(is_word_poss(c, b->end - 1, "committee") || is_word_poss(c, b->end - 1, "subcommittee") ||
		 is_word_poss(c, b->end - 1, "panel"));
}

/* Fill a position's motion and event, then emit one row per actor. */
static void
emit_positions(vctx *c, sent_state *st, position *p, actor_ref *actors, int nactors)
{
	int			definite = p->motion_end ? motion_definite(c, p->motion_first) : 1;
	uint32_t	event = 0;

	int			body_given = p->body.end != 0 || st->body_here;

	for (int k = 0; k < nactors; k++)
		if (actors[k].first < p->ev_first && actors[k].first >= st->first)
			p->ev_first = actors[k].first;
	/* "the full House votes": a body that acts is the body of the vote */
	if (nactors == 1 && actors[0].kind == NA_VK_BODY && p->body.end == 0)
	{
		p->body.canonical = actors[0].canonical;
		p->body.first = actors[0].name_first;
		p->body.end = actors[0].name_end;
		body_given = 1;
	}
	/*
	 * "passed by peers": members who sit in one chamber only name it, unless
	 * the article's body is one of its committees ("two MEPs backed the
	 * draft law at the JURI meeting")
	 */
	else if (nactors == 1 && actors[0].kind == NA_VK_GROUP && p->body.end == 0 &&
			 !body_is_committee(c, &st->body) &&
			 (p->body.canonical = chamber_of_members(c, &actors[0])) != NULL)
	{
		p->body.first = actors[0].name_first;
		p->body.end = actors[0].name_end;
		body_given = 1;
	}
	if (p->body.end == 0)
		p->body = st->body;
	if (p->modality != NA_VM_HISTORICAL)
	{
		event = event_for(c, st->s, p->motion_end != 0, definite, p->motion_head,
						  &p->body, body_given, st->event);
		st->event = event;
		/* a joined event knows its body better than the article context */
		if (!body_given && event_ptr(c, event) && event_ptr(c, event)->body.end)
			p->body = event_ptr(c, event)->body;
	}
	if (nactors == 0)
	{
		memset(&p->actor, 0, sizeof(p->actor));
		emit(c, p, event);
		return;
	}
	for (int k = 0; k < nactors; k++)
	{
		position	q = *p;

		q.actor = actors[k];
		/* a permanent member blocking a Council resolution vetoes it */
		if (q.action == NA_VA_BLOCK && q.actor.kind == NA_VK_COUNTRY && is_p5(q.actor.canonical) &&
			q.body.canonical && strcmp(q.body.canonical, "UN Security Council") == 0 && q.motion_end)
			q.action = NA_VA_VETO;
		if (q.action == NA_VA_VETO && q.modality == NA_VM_ASSERTED)
			q.outcome = NA_VO_VETOED;
		/* a country's veto with no body named is a Security Council veto */
		if (q.action == NA_VA_VETO && q.body.end == 0 && q.body.canonical == NULL &&
			q.actor.kind == NA_VK_COUNTRY && is_p5(q.actor.canonical))
		{
			vote_event *ev = event_ptr(c, event);

			q.body.canonical = "UN Security Council";
			if (ev && ev->body.end == 0 && ev->body.canonical == NULL)
				ev->body.canonical = q.body.canonical;
		}
		emit(c, &q, event);
	}
}

/* Resolve pronoun actors in place; drops those that do not resolve. */
static int
resolve_actors(vctx *c, sent_state *st, actor_ref *actors, int n)
{
	int			out = 0;

	for (int k = 0; k < n; k++)
	{
		actor_ref	a = actors[k];

		if (a.pronoun && !resolve_pronoun(c, a.first, st->first, &a))
			continue;
		if (a.pronoun)
			continue;
		actors[out++] = a;
	}
	return out;
}

static uint8_t
class_action(int cls)
{
	switch (cls)
	{
		case W_VETO:
			return NA_VA_VETO;
		case W_BLOCK:
			return NA_VA_BLOCK;
		case W_ABSTAIN:
			return NA_VA_ABSTAIN;
		case W_SPONSOR:
			return NA_VA_SPONSOR;
		case W_SUPPORT:
			return NA_VA_SUPPORT;
		case W_OPPOSE:
			return NA_VA_OPPOSE;
		case W_DEFEAT:
			return NA_VA_VOTE_AGAINST;
		case W_ADOPT:
		case W_PASS:
			return NA_VA_ADOPT;
		case W_REJECT:
		case W_FAIL:
			return NA_VA_REJECT;
	}
	return NA_VA_VOTE;
}

/* A body or a group decides collectively; a country or a person takes a side. */
static uint8_t
action_for_actor(uint8_t action, const actor_ref *a)
{
	int			collective = a->kind == NA_VK_BODY || a->kind == NA_VK_GROUP || a->kind == NA_VK_NONE;

	if (action == NA_VA_ADOPT && !collective)
		return NA_VA_SUPPORT;
	if (action == NA_VA_REJECT && !collective)
		return NA_VA_OPPOSE;
	if ((action == NA_VA_VOTE_AGAINST || action == NA_VA_OPPOSE) && a->kind == NA_VK_BODY)
		return NA_VA_REJECT;
	if ((action == NA_VA_SUPPORT || action == NA_VA_VOTE_FOR) && a->kind == NA_VK_BODY)
		return NA_VA_ADOPT;
	return action;
}

static uint8_t
class_outcome(int cls)
{
	switch (cls)
	{
		case W_ADOPT:
			return NA_VO_ADOPTED;
		case W_PASS:
			return NA_VO_PASSED;	/* passed, confirmed, ratified, carried */
		case W_REJECT:
		case W_DEFEAT:
			return NA_VO_REJECTED;
		case W_FAIL:
			return NA_VO_FAILED;
	}
	return NA_VO_NONE;
}

/* The subject actors of a verb at v: walk left over auxiliaries and an appositive. */
static int
subject_walk(vctx *c, sent_state *st, uint32_t v, actor_ref *actors, int max, int *person_only_out)
{
	uint32_t	q = v;
	int			steps = 0;
	int			infinitive = v > st->first && is_word(c, v - 1, "to");

	*person_only_out = 0;
	while (q > st->first && steps < 14)
	{
		uint32_t	k = q - 1;
		int			n;

		steps++;
		if (is_punct(c, k, ','))
		{
			/* an appositive: skip back to its opening comma */
			uint32_t	open = k;

			while (open > st->first && open + 16 > k && !is_punct(c, open - 1, ','))
				open--;
			if (open > st->first + 1 && is_punct(c, open - 1, ','))
			{
				/* "Russia and China, two of the five permanent members, blocked" */
				n = actors_left(c, open - 2, st->first, actors, max);
				if (n > 0)
					return n;
				/* "a third, Jared Golden, voted": the appositive names the actor (not "In Syria, ...") */
				if (k > open && !in_list(c, open, prepositions))
				{
					n = actors_left(c, k - 1, open, actors, max);
					if (n > 0)
						return n;
				}
			}
			return 0;
		}
		/* "Poland has rejected the proposal and Germany's parties have opposed": another clause */
		if (trigger_of(c, k) && k + 1 < v)
		{
			uint32_t	head;

			if (motion_right(c, after_verb(c, k), &head))
				return 0;
		}
		/*
		 * "On Election Day, I will vote", "everyone is voting": the pronoun is
		 * the subject ("Obama and I voted": the others too); "he", "she" stand
		 * for a person named before ("Ms. Follett confirmed she would vote").
		 */
		if (is_word(c, k, "i") || is_word(c, k, "we") || is_word(c, k, "you") ||
			is_word(c, k, "everyone") || is_word(c, k, "everybody") || is_word(c, k, "nobody") ||
			is_word(c, k, "someone") || is_word(c, k, "somebody") || is_word(c, k, "anyone") ||
			is_word(c, k, "anybody"))
		{
			if ((is_word(c, k, "i") || is_word(c, k, "we")) && k > st->first + 1 &&
				is_word(c, k - 1, "and"))
			{
				q = k - 1;
				continue;
			}
			return 0;
		}
		if (is_word(c, k, "he") || is_word(c, k, "she"))
			*person_only_out = 1;
		/* "Councillor Dana Whitfield, who proposed the motion": the antecedent */
		if (is_word(c, k, "who") && k >= st->first + 2 && is_punct(c, k - 1, ','))
			return actors_left(c, k - 2, st->first, actors, max);
		if (is_boundary(c, k) && !is_word(c, k, "that"))
			return 0;
		n = actors_left(c, k, st->first, actors, max);
		/*
		 * "Workers at Harwick Motors in Castleford have voted": a preposition's
		 * object is no subject ("in the House, Mr. Sanders passed": the rest
		 * is).  Not before an infinitive: "called on Congress to pass".
		 */
		if (n > 0 && !infinitive && actors[0].first > st->first && !actors[0].pronoun &&
			(is_word(c, actors[0].first - 1, "at") || is_word(c, actors[0].first - 1, "in") ||
			 is_word(c, actors[0].first - 1, "from") || is_word(c, actors[0].first - 1, "for") ||
			 is_word(c, actors[0].first - 1, "on") ||
			 is_word(c, actors[0].first - 1, "across") || is_word(c, actors[0].first - 1, "among") ||
			 is_word(c, actors[0].first - 1, "under")))
		{
			if (n > 1)
			{
				memmove(actors, actors + 1, (size_t) (n - 1) * sizeof(actor_ref));
				return n - 1;
			}
			q = actors[0].first - 1;
			continue;
		}
		if (n > 0)
			return n;
		/* "urged women to vote": the subject of the infinitive is the object, not an actor */
		if (infinitive && in_list(c, k, control_verbs))
			return 0;
		/* "the Russians had long signaled their intent to block": nothing else between */
		if (infinitive && T(c, k)->kind == NA_TK_WORD && !(T(c, k)->flags & NA_TF_CAPITALIZED) &&
			!in_list(c, k, aux_words) && !in_list(c, k, intent_words) && !in_list(c, k, infinitive_glue))
			return 0;
		if (is_word(c, k, "that"))
			return 0;
		q = k;
	}
	return 0;
}

/* The subject actors of a verb at v: walk left over auxiliaries and an appositive. */
static int
subject_of(vctx *c, sent_state *st, uint32_t v, actor_ref *actors, int max)
{
	int			person_only;
	int			n = subject_walk(c, st, v, actors, max, &person_only);

	/* "he", "she" before the verb: only a person can be the one meant */
	if (person_only && (n != 1 || actors[0].kind != NA_VK_PERSON))
		return 0;
	return n;
}

/* "vote on the bill": the end of the motion a vote is held on, or 0 */
static uint32_t
vote_on_motion(vctx *c, uint32_t v, uint32_t *first, uint32_t *head)
{
	uint32_t	q = after_verb(c, v);

	if (!is_word(c, q, "on") || !in_sentence(c, q + 1, T(c, v)->sentence))
		return 0;
	*first = q + 1;
	return motion_right(c, q + 1, head);
}

/*
 * Which way a vote verb goes, reading its complement from *q: 1 for, -1
 * against, 2 an infinitive ("voted to reject"), -2 down, 0 not said.  *q is
 * left where the motion starts.
 */
static int
vote_direction(vctx *c, sent_state *st, uint32_t *qp)
{
	uint32_t	q = *qp;
	int			dir = 0;

	for (int guard = 0; guard < 14 && in_sentence(c, q, st->s); guard++)
	{
		/* "to vote for or against the scheme" says no side */
		if (is_word(c, q, "for") && is_word(c, q + 1, "or") && is_word(c, q + 2, "against"))
			break;
		if (is_word(c, q, "for") || is_word(c, q, "yes"))
		{
			dir = 1;
			q++;
			break;
		}
		if (is_word(c, q, "against") || is_word(c, q, "no"))
		{
			dir = -1;
			q++;
			break;
		}
		if (is_word(c, q, "in") && (is_word(c, q + 1, "favour") || is_word(c, q + 1, "favor")))
		{
			dir = 1;
			q += 2;
			if (is_word(c, q, "of"))
				q++;
			break;
		}
		if (is_word(c, q, "to") && in_sentence(c, q + 1, st->s) && T(c, q + 1)->kind == NA_TK_WORD &&
			number_at(c, q + 1) < 0)
		{
			dir = 2;
			break;
		}
		if (is_word(c, q, "to") && number_at(c, q + 1) >= 0)
		{
			q += 2;			/* 52 to 48 */
			continue;
		}
		if (is_word(c, q, "down"))
		{
			dir = -2;
			q++;
			break;
		}
		/* skip tallies, "by a vote of", "unanimously", "on Tuesday" */
		if (T(c, q)->kind == NA_TK_RANGE || T(c, q)->kind == NA_TK_NUMBER || number_at(c, q) >= 0 ||
			is_word(c, q, "by") || is_word(c, q, "a") || is_word(c, q, "vote") || is_word(c, q, "of") ||
			is_word(c, q, "votes") || is_word(c, q, "unanimously") || is_word(c, q, "narrowly") ||
			is_word(c, q, "overwhelmingly") || is_word(c, q, "on") || is_word(c, q, "large") ||
			is_word(c, q, "majority") || is_word(c, q, "margin") || is_word(c, q, "show") ||
			is_word(c, q, "hands") || is_word(c, q, "voice") || is_word(c, q, "with") ||
			is_word(c, q, "abstentions") || is_word(c, q, "abstention") || is_word(c, q, "earlier") ||
			is_word(c, q, "this") || is_word(c, q, "last") || is_word(c, q, "week") || is_word(c, q, "month") ||
			is_word(c, q, "night") || is_word(c, q, "morning") || is_word(c, q, "afternoon") ||
			is_word(c, q, "evening") || is_word(c, q, "today") || is_word(c, q, "yesterday") ||
			is_punct(c, q, ',') || (is_capitalized(c, q) && (is_word(c, q, "Monday") || is_word(c, q, "Tuesday") ||
															 is_word(c, q, "Wednesday") || is_word(c, q, "Thursday") ||
															 is_word(c, q, "Friday") || is_word(c, q, "Saturday") ||
															 is_word(c, q, "Sunday"))))
		{
			q++;
			continue;
		}
		break;
	}
	*qp = q;
	return dir;
}

/* Does sentence st give a tally or a method (computed once per sentence)? */
static int
sentence_has_tally(vctx *c, sent_state *st)
{
	if (st->tally_state == 0)
	{
		tally		t;

		sentence_tally(c, st->s, &t);
		st->tally_state = t.found ? 2 : 1;
	}
	return st->tally_state == 2;
}

/*
 * Can the active verb of class cls at v take an object the analysis reads (a
 * motion, a nominee, "it" for a recent vote)?  Classes other than vote,
 * abstain and veto give no row without one, so this test, cheap and free of
 * side effects, spares the subject search on most sentences ("came back",
 * "failed to", "proposed changes").
 */
static int
active_object_possible(vctx *c, sent_state *st, uint32_t v, int cls)
{
	uint32_t	k = after_verb(c, v);
	uint32_t	head;

	if (motion_right(c, k, &head))
		return 1;
	if (cls == W_PASS && (is_word(c, v, "confirmed") || is_word(c, v, "confirm")))
		return 1;
	if (is_word(c, k, "it") && (cls == W_VETO || cls == W_BLOCK || cls == W_SUPPORT ||
								cls == W_OPPOSE || cls == W_DEFEAT || cls == W_ADOPT ||
								cls == W_REJECT))
		return c->events.count > 0 &&
			((vote_event *) c->events.items)[c->events.count - 1].sentence + 3 >= st->s;
	return 0;
}

/* Handle a verb trigger at v (not a noun). */
static void
verb_trigger(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	actor_ref	actors[MAX_ACTORS];
	int			nactors = 0;
	position	p;
	int			passive = 0;
	uint32_t	k;
	int			cls = tw->cls;
	uint32_t	on_first = 0;	/* "vote on the bill": the motion voted on */
	uint32_t	on_head = 0;
	uint32_t	on_end = 0;

	/* a base form or gerund is never passive: without an object, no row */
	if (cls != W_VOTE && cls != W_ABSTAIN && cls != W_VETO && !(tw->form & WF_PARTICIPLE) &&
		!active_object_possible(c, st, v, cls))
		return;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.action = class_action(cls);
	p.outcome = NA_VO_NONE;
	/* "the proposed deal", "a backed loan": a participle used as an adjective */
	if ((tw->form & WF_PARTICIPLE) && v > st->first &&
		(is_word(c, v - 1, "the") || is_word(c, v - 1, "a") || is_word(c, v - 1, "an") ||
		 is_word(c, v - 1, "this") || is_word(c, v - 1, "its") || is_word(c, v - 1, "their") ||
		 is_word(c, v - 1, "his") || is_word(c, v - 1, "her") || is_word(c, v - 1, "our") ||
		 is_word(c, v - 1, "your") || is_word(c, v - 1, "my") || is_possessive(c, v - 1)))
		return;
	/* "roll back", "bring back": a base-form trigger needs an auxiliary or its subject before it */
	if (!(tw->form & (WF_PARTICIPLE | WF_GERUND)) && v > st->first && T(c, v - 1)->kind == NA_TK_WORD &&
		!(T(c, v - 1)->flags & NA_TF_CAPITALIZED) && !in_list(c, v - 1, aux_words) &&
		!is_word(c, v - 1, "to") && !is_word(c, v - 1, "and") && !is_word(c, v - 1, "or") &&
		!is_word(c, v - 1, "they") && !is_word(c, v - 1, "it") && !is_word(c, v - 1, "who") &&
		!is_word(c, v - 1, "which") && !is_word(c, v - 1, "that") && !is_word(c, v - 1, "we") &&
		!is_word(c, v - 1, "i") && !is_word(c, v - 1, "he") && !is_word(c, v - 1, "she") &&
		!is_word(c, v - 1, "you"))
	{
		actor_ref	subject;

		if (!actor_ending_at(c, v - 1, st->first, &subject))
			return;
	}
	/* "backed away from", "backed off", "backed down" */
	if (cls == W_SUPPORT && (is_word(c, v + 1, "away") || is_word(c, v + 1, "off") ||
							 is_word(c, v + 1, "down") || is_word(c, v + 1, "out")))
		return;
	/* "information about voting", "in voting for": a gerund after a preposition is a noun */
	if ((tw->form & WF_GERUND) && v > st->first &&
		(is_word(c, v - 1, "about") || is_word(c, v - 1, "of") || is_word(c, v - 1, "for") ||
		 is_word(c, v - 1, "in") || is_word(c, v - 1, "on") || is_word(c, v - 1, "after") ||
		 is_word(c, v - 1, "before") || is_word(c, v - 1, "without") || is_word(c, v - 1, "by") ||
		 is_word(c, v - 1, "from") || is_word(c, v - 1, "against")))
		return;
	/* "voting" as a noun: "states voting", "the run-up to the voting" */
	if (cls == W_VOTE && (tw->form & WF_GERUND) &&
		!(is_word(c, v + 1, "for") || is_word(c, v + 1, "against") || is_word(c, v + 1, "to") ||
		  (is_word(c, v + 1, "in") && (is_word(c, v + 2, "favour") || is_word(c, v + 2, "favor")))))
		return;

	/* the modality, once the cheap refusals above are past */
	p.modality = modality_at(c, v, st->first);
	/* "to vote", "to block": an infinitive states an aim, not a vote taken */
	if (p.modality == NA_VM_ASSERTED && v > st->first && is_word(c, v - 1, "to"))
		p.modality = NA_VM_EXPECTED;

	/* passive: "was vetoed by", "a measure backed by", "which was supported by" */
	if ((tw->form & WF_PARTICIPLE) && is_word(c, v + 1, "by") && in_sentence(c, v + 1, st->s))
		passive = 1;
	else if ((tw->form & WF_PARTICIPLE) && v > st->first &&
			 (is_word(c, v - 1, "was") || is_word(c, v - 1, "were") || is_word(c, v - 1, "been") ||
			  is_word(c, v - 1, "being") || is_word(c, v - 1, "is") || is_word(c, v - 1, "are") ||
			  ((is_word(c, v - 1, "unanimously") || is_word(c, v - 1, "narrowly") ||
				is_word(c, v - 1, "overwhelmingly")) && v > st->first + 1 &&
			   (is_word(c, v - 2, "was") || is_word(c, v - 2, "were") || is_word(c, v - 2, "been")))))
		passive = 2;

	if (cls == W_VOTE)
	{
		/* "voted by a large majority" is active; "was voted best film" is not a vote on a motion */
		if (passive == 1 && !(v > st->first && (is_word(c, v - 1, "was") || is_word(c, v - 1, "were") ||
												 is_word(c, v - 1, "been") || is_word(c, v - 1, "being"))))
			passive = 0;
		/* voted best film, voted out of the house, voted into power, voted for by viewers */
		if (passive || is_word(c, v + 1, "best") || is_word(c, v + 1, "top") || is_word(c, v + 1, "out") ||
			is_word(c, v + 1, "off") || is_word(c, v + 1, "into") || is_word(c, v + 1, "onto") ||
			(is_word(c, v + 1, "for") && is_word(c, v + 2, "by")))
			return;
	}

	if (passive)
	{
		uint32_t	mf = 0,
					mh = 0;
		uint32_t	q = v - 1;

		if (v == st->first)
			return;
		/* "proposed by X months ago and endorsed by Y": the same motion */
		if (st->last_participle_end && v > st->first && is_word(c, v - 1, "and") &&
			st->last_participle_end + 6 >= v)
		{
			p.motion_first = st->last_participle_motion_first;
			p.motion_end = st->last_participle_motion_end;
			p.motion_head = st->last_participle_head;
		}
		else
		{
			while (q > st->first && (is_word(c, q, "was") || is_word(c, q, "were") || is_word(c, q, "been") ||
									 is_word(c, q, "being") || is_word(c, q, "is") || is_word(c, q, "are") ||
									 is_word(c, q, "unanimously") || is_word(c, q, "narrowly") ||
									 is_word(c, q, "overwhelmingly")))
				q--;
			if (!motion_left(c, q, st->first, &mf, &mh) && st->last_participle_end &&
				st->last_participle_motion_end && st->last_participle_end < v)
			{
				/* "The measure, drafted by Germany, was vetoed by ...": the same motion */
				mf = st->last_participle_motion_first;
				mh = st->last_participle_head;
			}
			if (mh > 0 && mh < v && (is_motion_head(c, mh) || is_word(c, mh, "it")) &&
				(motion_left(c, q, st->first, &mf, &mh) || st->last_participle_end))
			{
				if (is_word(c, mh, "it"))
				{
					if (!recent_event(c, st->s, 2) || cls == W_PASS)
						return;
					p.motion_first = p.motion_end = 0;
					p.motion_head = mh;
				}
				else
				{
					p.motion_first = mf;
					p.motion_end = mh + 1;
					p.motion_head = mh;
				}
			}
			else if (cls == W_PASS && (is_word(c, v, "confirmed")))
			{
				/* "Neil Gorsuch was confirmed": the nominee is the motion */
				actor_ref	nominee;

				if (passive != 2 || !actor_ending_at(c, q, st->first, &nominee) ||
					nominee.kind != NA_VK_PERSON)
					return;
				p.motion_first = nominee.first;
				p.motion_end = nominee.end;
				p.motion_head = nominee.end - 1;
			}
			else
				return;
		}
		if (passive == 1)
		{
			nactors = actors_right(c, v + 2, actors, MAX_ACTORS);
			if (nactors == 0)
				passive = 2;	/* "carried by a show of hands", "adopted by 12 votes to none" */
		}
		if (passive == 1)
		{
			k = actors[nactors - 1].end;
			/* "backed by the United States": from the participle to the last agent */
			p.ev_first = v;
			p.ev_end = k;
			st->last_participle_motion_first = p.motion_first;
			st->last_participle_motion_end = p.motion_end;
			st->last_participle_head = p.motion_head;
			st->last_participle_end = k;
		}
		else
		{
			/* no agent: the outcome of a vote ("the resolution was adopted 13-0") */
			if (cls != W_ADOPT && cls != W_PASS && cls != W_REJECT && cls != W_VETO && cls != W_DEFEAT &&
				cls != W_BLOCK)
				return;
			/* "Redknapp's appointment is confirmed": with no body around, news, not a vote */
			if (cls == W_PASS && st->body.end == 0 && is_word(c, v, "confirmed"))
				return;
			p.ev_first = p.motion_end ? p.motion_first : v - 1;
			p.ev_end = v + 1;
			if (st->body.end && (cls == W_ADOPT || cls == W_PASS || cls == W_REJECT || cls == W_DEFEAT))
			{
				actors[0].kind = NA_VK_BODY;
				actors[0].canonical = st->body.canonical;
				actors[0].first = actors[0].name_first = st->body.first;
				actors[0].end = actors[0].name_end = st->body.end;
				actors[0].pronoun = 0;
				nactors = 1;
			}
		}
		p.outcome = class_outcome(cls);
		if (cls == W_VETO)
			p.outcome = NA_VO_VETOED;
		if (p.modality != NA_VM_ASSERTED)
			p.outcome = NA_VO_NONE;
		if (nactors == 0)
		{
			p.action = class_action(cls);
			emit_positions(c, st, &p, NULL, 0);
			return;
		}
		for (int a = 0; a < nactors; a++)
		{
			position	one = p;

			one.action = action_for_actor(class_action(cls), &actors[a]);
			emit_positions(c, st, &one, &actors[a], 1);
		}
		return;
	}

	/* active voice: first the cheap tests that leave no row, then the subject */
	if (cls != W_VOTE && cls != W_ABSTAIN && cls != W_VETO && !active_object_possible(c, st, v, cls))
		return;
	if (cls == W_VOTE)
	{
		uint32_t	q = after_verb(c, v);

		on_end = vote_on_motion(c, v, &on_first, &on_head);
		if (vote_direction(c, st, &q) == 0 && !sentence_has_tally(c, st) && !on_end)
			return;
	}
	nactors = subject_of(c, st, v, actors, MAX_ACTORS);
	nactors = resolve_actors(c, st, actors, nactors);

	k = after_verb(c, v);
	if (cls == W_VOTE)
	{
		/* direction: for, against, in favour of, to <verb>, down */
		uint32_t	q = k;
		int			dir = 0;	/* 1 for, -1 against, 2 infinitive, 0 none */

		if (tw->form & WF_NOUN_TOO)
		{
			/* "votes"/"vote" as a verb needs a subject right before or a modal */
			if (v == st->first || !(is_word(c, v - 1, "will") || is_word(c, v - 1, "would") ||
									is_word(c, v - 1, "to") || is_word(c, v - 1, "not") ||
									is_word(c, v - 1, "could") || is_word(c, v - 1, "might") ||
									is_word(c, v - 1, "may") || is_word(c, v - 1, "did") ||
									(nactors > 0 && actors[nactors - 1].end == v) ||
									(nactors > 0 && actors[0].end == v)))
				return;
		}
		dir = vote_direction(c, st, &q);
		if (dir == 1 || dir == -1)
		{
			uint32_t	head;
			uint32_t	e = motion_right(c, q, &head);

			if (!e)
			{
				e = phrase_right(c, q, 8);
				head = e ? e - 1 : 0;
			}
			if (e)
			{
				p.motion_first = q;
				p.motion_end = e;
				p.motion_head = head;
			}
			p.action = dir == 1 ? NA_VA_VOTE_FOR : NA_VA_VOTE_AGAINST;
		}
		else if (dir == 2)
		{
			uint32_t	e = phrase_right(c, q + 1, 9);
			uint32_t	verb = q + 1;

			p.motion_first = q;
			p.motion_end = e ? e : q + 2;
			p.motion_head = p.motion_end - 1;
			st->consumed_until = p.motion_end;
			if (is_word(c, verb, "reject") || is_word(c, verb, "block") || is_word(c, verb, "oppose") ||
				is_word(c, verb, "kill") || is_word(c, verb, "scrap") || is_word(c, verb, "overturn") ||
				(is_word(c, verb, "strike") && (is_word(c, verb + 1, "down") || is_word(c, verb + 1, "out"))) ||
				is_word(c, verb, "defeat"))
				p.action = NA_VA_VOTE_AGAINST;
			else
				p.action = NA_VA_VOTE_FOR;
		}
		else if (dir == -2)
			p.action = NA_VA_VOTE_AGAINST;
		else
			p.action = NA_VA_VOTE;
		if (nactors == 0)
			return;
		/* a body that votes for something decides it */
		for (int a = 0; a < nactors; a++)
			if (actors[a].kind == NA_VK_BODY && (p.action == NA_VA_VOTE_FOR || p.action == NA_VA_VOTE_AGAINST))
			{
				p.outcome = p.action == NA_VA_VOTE_FOR ? NA_VO_PASSED : NA_VO_REJECTED;
				p.action = p.action == NA_VA_VOTE_FOR ? NA_VA_ADOPT : NA_VA_REJECT;
				if (p.modality != NA_VM_ASSERTED)
					p.outcome = NA_VO_NONE;
				break;
			}
		/*
		 * a bare "X voted" says little: keep it when the sentence gives a
		 * tally or method, or when a body votes on a motion ("the Senate is
		 * expected to vote on the bill")
		 */
		if (p.action == NA_VA_VOTE)
		{
			if (actors[0].kind == NA_VK_BODY && on_end && !p.motion_end)
			{
				p.motion_first = on_first;
				p.motion_end = on_end;
				p.motion_head = on_head;
			}
			else if (actors[0].kind == NA_VK_PERSON)
				return;
			/* computed once per sentence: a long sentence may hold many triggers */
			else if (!sentence_has_tally(c, st))
				return;
		}
		p.ev_first = actors[0].first;
		p.ev_end = p.motion_end ? p.motion_end : v + 1;
		if (dir == -2)
			p.ev_end = k + 1 > v + 2 ? k : v + 2;
		emit_positions(c, st, &p, actors, nactors);
		return;
	}

	if (cls == W_ABSTAIN)
	{
		uint32_t	head;
		uint32_t	e;

		if (nactors == 0)
			return;
		p.ev_first = actors[0].first;
		p.ev_end = v + 1;
		if ((is_word(c, k, "on") || is_word(c, k, "from")) && (e = motion_right(c, k + 1, &head)))
		{
			p.motion_first = k + 1;
			p.motion_end = e;
			p.motion_head = head;
			p.ev_end = e;
		}
		/* "with China abstaining" is evidence from "with" */
		emit_positions(c, st, &p, actors, nactors);
		return;
	}

	/* other verbs take a motion object: veto, block, sponsor, support, oppose, defeat, pass, reject */
	{
		uint32_t	head = 0;
		uint32_t	e = motion_right(c, k, &head);

		if (e)
		{
			p.motion_first = k;
			p.motion_end = e;
			p.motion_head = head;
		}
		else if (cls == W_PASS && (is_word(c, v, "confirmed") || is_word(c, v, "confirm")))
		{
			actor_ref	nominee;

			/* "the Senate confirmed Jane Doe"; "Miller confirmed X" is a statement */
			if (!person_at(c, k, &nominee) || nactors == 0 ||
				(actors[0].kind != NA_VK_BODY && actors[0].kind != NA_VK_GROUP))
				return;
			p.motion_first = nominee.first;
			p.motion_end = nominee.end;
			p.motion_head = nominee.end - 1;
		}
		else if (is_word(c, k, "it") && (cls == W_VETO || cls == W_BLOCK || cls == W_SUPPORT ||
										   cls == W_OPPOSE || cls == W_DEFEAT || cls == W_ADOPT ||
										   cls == W_REJECT))
		{
			/* "vetoed it": continues a vote of the last few sentences */
			if (c->events.count == 0 ||
				((vote_event *) c->events.items)[c->events.count - 1].sentence + 3 < st->s)
				return;
			p.motion_end = 0;
		}
		else if (cls != W_VETO)
			return;
		if (nactors == 0)
		{
			/* "The measure passed 52-48": the motion is the subject */
			uint32_t	mf,
						mh;

			if ((cls == W_PASS || cls == W_FAIL || cls == W_ADOPT) && !e && v > st->first &&
				motion_left(c, v - 1, st->first, &mf, &mh) && !is_word(c, mh, "it"))
			{
				p.motion_first = mf;
				p.motion_end = mh + 1;
				p.motion_head = mh;
				p.ev_first = mf;
				p.ev_end = v + 1;
				p.outcome = p.modality == NA_VM_ASSERTED ? class_outcome(cls) : NA_VO_NONE;
				if (st->body.end)
				{
					actors[0].kind = NA_VK_BODY;
					actors[0].canonical = st->body.canonical;
					actors[0].first = actors[0].name_first = st->body.first;
					actors[0].end = actors[0].name_end = st->body.end;
					actors[0].pronoun = 0;
					nactors = 1;
				}
				emit_positions(c, st, &p, actors, nactors);
			}
			return;
		}
		if (cls == W_SPONSOR && !e)
			return;
		if (historical_after(c, v))
			p.modality = NA_VM_HISTORICAL;
		p.ev_first = actors[0].first;
		for (int a = 1; a < nactors; a++)
			if (actors[a].first < p.ev_first)
				p.ev_first = actors[a].first;
		p.ev_end = p.motion_end ? p.motion_end : v + 1;
		if (p.modality == NA_VM_ASSERTED)
			p.outcome = class_outcome(cls);
		/* a body or group passes/rejects; a country supports/opposes */
		{
			position	q = p;

			for (int a = 0; a < nactors; a++)
			{
				q.action = action_for_actor(class_action(cls), &actors[a]);
				if (q.action != NA_VA_ADOPT && q.action != NA_VA_REJECT)
					q.outcome = cls == W_VETO && q.modality == NA_VM_ASSERTED ? NA_VO_VETOED : NA_VO_NONE;
				else if (q.modality != NA_VM_ASSERTED)
					q.outcome = NA_VO_NONE;
				else if (p.outcome)
					q.outcome = p.outcome;
				else
					q.outcome = q.action == NA_VA_ADOPT ? NA_VO_PASSED : NA_VO_REJECTED;
				emit_positions(c, st, &q, &actors[a], 1);
			}
		}
	}
}

/*
 * The noun "veto" at v: "the Kremlin’s seventh Security Council veto" (a
 * count), "The Russian veto", "a veto by China", "cast/used its veto".
 */
static void
noun_veto(vctx *c, sent_state *st, uint32_t v)
{
	position	p;
	actor_ref	actors[MAX_ACTORS];
	int			nactors = 0;
	int			ordinal = 0;
	uint32_t	np_first = v;

	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.action = NA_VA_VETO;
	/* walk the noun phrase left: modifiers, ordinals, a possessor or demonym */
	for (uint32_t k = v; k > st->first && k + 7 > v;)
	{
		na_place_match m;
		uint32_t	q = k - 1;

		if (in_list(c, q, ordinal_words) ||
			(T(c, q)->kind == NA_TK_NUMBER && T(c, q)->len > 2 &&
			 (memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "th", 2) == 0 ||
			  memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "st", 2) == 0 ||
			  memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "nd", 2) == 0 ||
			  memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "rd", 2) == 0)))
		{
			if (!is_word(c, q, "latest"))
				ordinal = 1;
			k = q;
			continue;
		}
		/* the possessor or demonym: try each start that ends at q */
		{
			int			found = 0;

			for (uint32_t st2 = (q >= st->first + 3 ? q - 3 : st->first); st2 <= q; st2++)
			{
				if (na_place_at(c->doc, st2, &m) && st2 + m.ntokens == q + 1 &&
					(m.kind == NA_PLACE_DEMONYM || (m.flags & NA_PLACE_POSSESSIVE)))
				{
					memset(&actors[0], 0, sizeof(actors[0]));
					actors[0].first = actors[0].name_first = st2;
					actors[0].end = actors[0].name_end = q + 1;
					actors[0].canonical = m.country;
					actors[0].kind = NA_VK_COUNTRY;
					nactors = 1;
					np_first = st2;
					if (st2 > st->first && (is_word(c, st2 - 1, "the") || is_word(c, st2 - 1, "a")) &&
						!is_word(c, st2, "the"))
						np_first = st2 - 1;
					found = 1;
					break;
				}
			}
			if (found)
				break;
		}
		if (is_capitalized(c, q) || (T(c, q)->kind == NA_TK_WORD && (is_word(c, q, "its") ||
																	  is_word(c, q, "their") ||
																	  is_word(c, q, "a") ||
																	  is_word(c, q, "the") ||
																	  is_word(c, q, "first") ||
																	  is_word(c, q, "another"))))
		{
			/* "its veto" after cast/used/exercised: the subject of that verb */
			if ((is_word(c, q, "its") || is_word(c, q, "their") || is_word(c, q, "a")) && q > st->first &&
				(is_word(c, q - 1, "cast") || is_word(c, q - 1, "used") || is_word(c, q - 1, "exercised") ||
				 is_word(c, q - 1, "wielded") || is_word(c, q - 1, "employed") || is_word(c, q - 1, "casts") ||
				 is_word(c, q - 1, "uses") || is_word(c, q - 1, "use") || is_word(c, q - 1, "cast")))
			{
				nactors = subject_of(c, st, q - 1, actors, MAX_ACTORS);
				nactors = resolve_actors(c, st, actors, nactors);
				if (nactors > 0)
					np_first = actors[0].first;
				break;
			}
			if (is_word(c, q, "a") || is_word(c, q, "the") || is_word(c, q, "its") || is_word(c, q, "their"))
			{
				np_first = q;
				k = q;
				continue;
			}
			k = q;
			continue;
		}
		break;
	}
	if (nactors == 0)
	{
		/* "a veto by China" */
		if (is_word(c, v + 1, "by") && in_sentence(c, v + 2, st->s))
		{
			nactors = actors_right(c, v + 2, actors, MAX_ACTORS);
			if (nactors == 0)
				return;
			p.ev_first = np_first;
			p.ev_end = actors[nactors - 1].end;
		}
		else
			return;
	}
	else
	{
		p.ev_first = np_first < actors[0].first ? np_first : actors[0].first;
		p.ev_end = v + 1;
	}
	p.modality = ordinal ? NA_VM_HISTORICAL : modality_at(c, np_first, st->first);
	if (is_word(c, v, "vetoes"))
		p.modality = NA_VM_HISTORICAL;	/* "Russia's vetoes": several past ones */
	/* "the Kremlin's veto ... was its fifth" */
	for (uint32_t k = v + 1; k + 1 < st->end && k < v + 10; k++)
	{
		if (is_punct(c, k, ';') || is_punct(c, k, ':'))
			break;
		if ((is_word(c, k, "its") || is_word(c, k, "their") || is_word(c, k, "the")) &&
			in_list(c, k + 1, ordinal_words) && !is_word(c, k + 1, "latest") &&
			k > v + 1 && (is_word(c, k - 1, "was") || is_word(c, k - 1, "is") || is_word(c, k - 1, "marked")))
			p.modality = NA_VM_HISTORICAL;
	}
	/* the motion: "veto of the resolution", "veto on the draft" */
	if ((is_word(c, v + 1, "of") || is_word(c, v + 1, "on") || is_word(c, v + 1, "against")))
	{
		uint32_t	head;
		uint32_t	e = motion_right(c, v + 2, &head);

		if (e)
		{
			p.motion_first = v + 2;
			p.motion_end = e;
			p.motion_head = head;
		}
	}
	emit_positions(c, st, &p, actors, nactors);
}

/*
 * A parliamentary confidence vote at token k: "a vote of (no) confidence",
 * "a (no-)confidence vote".  A company's or a manager's "vote of confidence"
 * is a figure of speech: the sentence must name a parliament, MPs or the
 * government.
 */
static int
confidence_vote_at(vctx *c, sent_state *st, uint32_t k, uint32_t *first, uint32_t *last)
{
	uint32_t	end = 0;
	int			political = 0;

	if (is_word(c, k, "vote") && is_word(c, k + 1, "of") &&
		(is_word(c, k + 2, "confidence") || (is_word(c, k + 2, "no") && is_word(c, k + 3, "confidence"))))
		end = is_word(c, k + 2, "no") ? k + 3 : k + 2;
	else if ((is_word(c, k, "confidence") || is_word(c, k, "no-confidence")) &&
			 (is_word(c, k + 1, "vote") || is_word(c, k + 1, "motion")))
		end = k + 1;
	if (end == 0 || !in_sentence(c, end, st->s))
		return 0;
	for (uint32_t q = st->first; q < st->end && !political; q++)
		political = is_word(c, q, "government") || is_word(c, q, "MPs") || is_word(c, q, "parliament") ||
			is_word(c, q, "lawmakers") || is_word(c, q, "deputies") || is_word(c, q, "cabinet") ||
			(is_word(c, q, "prime") && is_word(c, q + 1, "minister")) || is_word(c, q, "premier") ||
			is_word(c, q, "chancellor");
	/* a legislature named in the sentence also makes it political (not a board) */
	if (!political && !(st->body_here && st->body.canonical && strcmp(st->body.canonical, "referendum") != 0))
		return 0;
	*first = k > st->first && (is_word(c, k - 1, "a") || is_word(c, k - 1, "the")) ? k - 1 : k;
	*last = end;
	return 1;
}

/* Is the trigger at v a noun ("a vote", "the veto", "Russia's veto")? */
static int
noun_use(vctx *c, uint32_t v, uint32_t first)
{
	const na_token *t;
	uint32_t	q;

	if (v == first)
		return 0;
	q = v - 1;
	t = T(c, q);
	if (in_list(c, q, verb_before))
		return 0;
	if (t->kind == NA_TK_WORD && t->len > 3 &&
		(memcmp(c->doc->text + t->start + t->len - 3, "n't", 3) == 0 ||
		 (t->len > 5 && memcmp(c->doc->text + t->start + t->len - 5, "n\xE2\x80\x99t", 5) == 0)))
		return 0;
	/* "China vetoes the text" is a verb; "Security Council veto" a noun */
	if (is_capitalized(c, q) && !is_possessive(c, q) &&
		(is_word(c, v, "vetoes") || is_word(c, v, "votes")))
		return 0;
	return 1;
}

/*
 * "won 13 votes in favour, with Russia against": the members a counted vote
 * names as voting no, without a verb of their own.
 */
static void
against_positions(vctx *c, sent_state *st)
{
	for (uint32_t k = st->first + 2; k < st->end && !c->failed; k++)
	{
		actor_ref	actors[MAX_ACTORS];
		int			n;
		position	p;

		if (!is_word(c, k, "against"))
			continue;
		/* "against the resolution" is a preposition with its object */
		if (k + 1 < st->end && T(c, k + 1)->kind != NA_TK_PUNCT && !is_word(c, k + 1, "and"))
			continue;
		n = actors_left(c, k - 1, st->first, actors, MAX_ACTORS);
		n = resolve_actors(c, st, actors, n);
		if (n == 0 || actors[0].first <= st->first || !is_word(c, actors[0].first - 1, "with"))
			continue;
		if (!sentence_has_tally(c, st))
			return;
		memset(&p, 0, sizeof(p));
		p.sentence = st->s;
		p.action = NA_VA_VOTE_AGAINST;
		p.modality = modality_at(c, actors[0].first, st->first);
		p.ev_first = actors[0].first;
		p.ev_end = k + 1;
		for (int a = 0; a < n; a++)
		{
			position	one = p;

			one.action = action_for_actor(NA_VA_VOTE_AGAINST, &actors[a]);
			emit_positions(c, st, &one, &actors[a], 1);
		}
	}
}

static void
analyze_sentence(vctx *c, uint32_t s)
{
	const na_sentence *ss = &c->doc->sentences[s];
	sent_state	st;
	tally		t;
	size_t		rows_before = c->rows.count;

	memset(&st, 0, sizeof(st));
	st.s = s;
	st.first = ss->first_token;
	st.end = ss->first_token + ss->ntokens;
	if (!context_body(c, s, &st.body))
		st.body.end = 0;
	if (find_body(c, st.first, st.end, &st.body))
		st.body_here = 1;

	for (uint32_t v = st.first; v < st.end && !c->failed; v++)
	{
		const trigger_word *tw = trigger_of(c, v);

		if (((v - st.first) & 4095) == 4095)
			na_check_interrupts(c->mem);	/* a run-on "sentence" of megabytes */

		if (tw == NULL || tw->cls == W_UNANIMOUS || tw->cls == W_TALLY || v < st.consumed_until)
			continue;
		if (tw->form & WF_NOUN_TOO && noun_use(c, v, st.first))
		{
			if (tw->cls == W_VETO)
				noun_veto(c, &st, v);
			continue;
		}
		/* "supported", "backed" as adjectives of a non-motion are handled by the motion test */
		verb_trigger(c, &st, v, tw);
	}
	against_positions(c, &st);

	/* tallies and methods go to the sentence's event (or the latest one nearby) */
	sentence_tally(c, s, &t);
	if (t.found && c->rows.count == rows_before)
	{
		int			recent = c->events.count > 0 &&
			((vote_event *) c->events.items)[c->events.count - 1].sentence + 2 >= s;

		/* "The draft received nine in favour, three against": a vote on the motion named */
		for (uint32_t k = st.first; k < st.end; k++)
		{
			uint32_t	mf = 0,
						mh = 0;
			int			named = is_motion_head(c, k) && !is_motion_head(c, k + 1) &&
				motion_left(c, k, st.first, &mf, &mh) && mh == k;

			/* "survived a vote of confidence by 325 votes to 306": in a parliament only */
			if (!named && confidence_vote_at(c, &st, k, &mf, &mh))
				named = 1;
			/* after a vote in the last sentences, only "a similar motion" is another one */
			if (named && recent && motion_definite(c, mf))
				break;
			if (named)
			{
				position	p;
				actor_ref	body_actor;

				memset(&p, 0, sizeof(p));
				memset(&body_actor, 0, sizeof(body_actor));
				p.sentence = s;
				p.action = NA_VA_VOTE;
				p.modality = NA_VM_ASSERTED;
				/* "Politicians unanimously rejected the bill": the verb says how it ended */
				for (uint32_t q = st.first; q < st.end; q++)
				{
					const trigger_word *tw = trigger_of(c, q);

					if (tw && (tw->cls == W_ADOPT || tw->cls == W_PASS || tw->cls == W_REJECT ||
							   tw->cls == W_FAIL))
					{
						p.action = class_action(tw->cls);
						p.modality = modality_at(c, q, st.first);
						if (p.modality == NA_VM_ASSERTED)
							p.outcome = class_outcome(tw->cls);
						break;
					}
				}
				p.motion_first = mf;
				p.motion_end = mh + 1;
				p.motion_head = mh;
				p.ev_first = st.first;
				p.ev_end = st.end;
				while (p.ev_end > p.ev_first && T(c, p.ev_end - 1)->kind == NA_TK_PUNCT)
					p.ev_end--;
				if (st.body.end)
				{
					body_actor.kind = NA_VK_BODY;
					body_actor.canonical = st.body.canonical;
					body_actor.first = body_actor.name_first = st.body.first;
					body_actor.end = body_actor.name_end = st.body.end;
					emit_positions(c, &st, &p, &body_actor, 1);
				}
				else
					emit_positions(c, &st, &p, NULL, 0);
				break;
			}
		}
	}
	if (t.found)
	{
		uint32_t	event = st.event;
		vote_event *ev;

		if (event == 0 && c->events.count > 0 &&
			((vote_event *) c->events.items)[c->events.count - 1].sentence + 2 >= s &&
			c->rows.count == rows_before)
			event = (uint32_t) c->events.count;
		ev = event_ptr(c, event);
		if (ev && (c->rows.count > rows_before || event != 0))
		{
			int			asserted = 0;

			for (size_t r = rows_before; r < c->rows.count; r++)
				if (((na_vote *) c->rows.items)[r].event == event &&
					((na_vote *) c->rows.items)[r].modality == NA_VM_ASSERTED)
					asserted = 1;
			if (asserted || c->rows.count == rows_before)
			{
				if (t.votes_for >= 0)
					ev->votes_for = t.votes_for;
				if (t.votes_against >= 0)
					ev->votes_against = t.votes_against;
				if (t.abstentions >= 0)
					ev->abstentions = t.abstentions;
				if (t.method)
					ev->method = t.method;
			}
		}
	}
}

/* Give every position of an event the event's body, outcome, tally and method. */
static void
propagate(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;

	/* outcomes stated by asserted rows */
	for (size_t r = 0; r < c->rows.count; r++)
	{
		vote_event *ev = event_ptr(c, rows[r].event);

		if (ev && rows[r].outcome && rows[r].modality == NA_VM_ASSERTED &&
			(ev->outcome == NA_VO_NONE || rows[r].outcome == NA_VO_VETOED))
			ev->outcome = rows[r].outcome;
	}
	for (size_t r = 0; r < c->rows.count; r++)
	{
		vote_event *ev = event_ptr(c, rows[r].event);

		if (ev == NULL)
			continue;
		if (rows[r].outcome == NA_VO_NONE)
			rows[r].outcome = ev->outcome;
		if (rows[r].body == NULL && rows[r].body_span.len == 0 && (ev->body.end || ev->body.canonical))
		{
			rows[r].body = ev->body.canonical;
			if (ev->body.canonical == NULL)
				name_span_of(c, ev->body.first, ev->body.end, &rows[r].body_span);
		}
		rows[r].votes_for = ev->votes_for;
		rows[r].votes_against = ev->votes_against;
		rows[r].abstentions = ev->abstentions;
		rows[r].method = ev->method;
	}
}

static int
row_cmp(const void *a, const void *b)
{
	const na_vote *x = a;
	const na_vote *y = b;

	if (x->evidence.start != y->evidence.start)
		return x->evidence.start < y->evidence.start ? -1 : 1;
	if (x->actor_span.start != y->actor_span.start)
		return x->actor_span.start < y->actor_span.start ? -1 : 1;
	return 0;
}

/* Drop a row that repeats the previous one (same evidence, actor and action). */
static void
dedupe(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;
	size_t		out = 0;

	for (size_t r = 0; r < c->rows.count; r++)
	{
		if (out > 0)
		{
			na_vote    *p = &rows[out - 1];

			if (p->evidence.start == rows[r].evidence.start && p->evidence.len == rows[r].evidence.len &&
				p->action == rows[r].action && p->actor == rows[r].actor &&
				p->actor_span.start == rows[r].actor_span.start)
				continue;
		}
		rows[out++] = rows[r];
	}
	c->rows.count = out;
}

/* insertion sort: rows are nearly sorted and few */
static void
sort_rows(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;

	for (size_t i = 1; i < c->rows.count; i++)
	{
		na_vote		tmp = rows[i];
		size_t		j = i;

		while (j > 0 && row_cmp(&rows[j - 1], &tmp) > 0)
		{
			rows[j] = rows[j - 1];
			j--;
		}
		rows[j] = tmp;
	}
}

/* Renumber events 1.. in order of first appearance after sorting. */
static void
renumber(vctx *c)
{
	na_vote    *rows = (na_vote *) c->rows.items;
	uint32_t	next = 0;
	uint32_t   *map;

	if (c->events.count == 0)
		return;
	map = na_alloc(c->mem, (c->events.count + 1) * sizeof(uint32_t));
	if (map == NULL)
	{
		c->failed = 1;
		return;
	}
	memset(map, 0, (c->events.count + 1) * sizeof(uint32_t));
	for (size_t r = 0; r < c->rows.count; r++)
	{
		uint32_t	e = rows[r].event;

		if (e == 0)
			continue;
		if (map[e] == 0)
			map[e] = ++next;
		rows[r].event = map[e];
	}
	na_free(c->mem, map);
	c->events.count = next;
}

/*
 * The first pass: trigger and body flags of every token (c->token_lex) and
 * the sentences that hold a trigger (c->candidates).  Locals, not c, in the
 * loop: stores through a byte pointer would make the compiler reload c.
 */
static void
first_pass(vctx *c)
{
	const na_doc *doc = c->doc;
	const na_token *tokens = doc->tokens;
	const char *text = doc->text;
	uint16_t   *flags = c->token_lex;
	uint32_t	ntokens = doc->ntokens;
	uint32_t	last_candidate = UINT32_MAX;

	for (uint32_t i = 0; i < ntokens; i++)
	{
		const na_token *t = &tokens[i];
		const lex_entry *e;
		uint32_t	key;
		uint16_t	slot;
		uint16_t	f;

		if ((i & 16383) == 16383)
			na_check_interrupts(c->mem);

		if (t->len == 0)
		{
			flags[i] = 0;		/* no scanned token is empty */
			continue;
		}
		/*
		 * The filter first: it rejects nearly every token, so its branch is
		 * well predicted, and only the few it passes pay for lex_eligible.
		 */
		key = lex_token_key(text + t->start, t->len);
		if (!lex_filter_has(key) || !lex_eligible(t) ||
			(e = lex_probe(text + t->start, t->len, key)) == NULL)
		{
			flags[i] = 0;
			continue;
		}
		f = lex_flags(text, t, e);
		slot = f & TRIGGER_SLOT_MASK;
		flags[i] = f;
		/* a capitalized run that reaches a body head may start 5 tokens back */
		if (f & TOKEN_BODY_HEAD)
			for (uint32_t k = i >= 5 ? i - 5 : 0; k < i; k++)
				flags[k] |= TOKEN_BODY_MAYBE;
		if (slot && triggers[slot - 1].cls != W_UNANIMOUS && t->sentence != last_candidate)
		{
			uint32_t   *s = na_vec_push(&c->candidates, c->mem);

			if (s == NULL)
			{
				c->failed = 1;
				return;
			}
			*s = last_candidate = t->sentence;
		}
	}
}

na_status
na_votes_analyze(const na_doc *doc, const na_mem *mem, na_vote_result *out)
{
	vctx		c;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.mem = mem;
	na_vec_init(&c.rows, sizeof(na_vote));
	na_vec_init(&c.events, sizeof(vote_event));
	na_vec_init(&c.candidates, sizeof(uint32_t));

	if (!lex_ready)
		build_lexicon();
	if (!word_set_ready)
		build_word_set();
	c.token_lex = na_alloc(mem, (doc->ntokens ? doc->ntokens : 1) * sizeof(uint16_t));
	if (c.token_lex == NULL)
		c.failed = 1;

	/*
	 * One pass over the tokens finds the trigger words; only the sentences
	 * that hold one (a few in a hundred) are read closely.  The whole table
	 * is filled first: the analysis of a sentence may look past its end.
	 */
	if (!c.failed)
		first_pass(&c);
	for (size_t k = 0; k < c.candidates.count && !c.failed; k++)
	{
		if ((k & 63) == 63)
			na_check_interrupts(mem);
		analyze_sentence(&c, ((uint32_t *) c.candidates.items)[k]);
	}
	if (!c.failed)
	{
		propagate(&c);
		sort_rows(&c);
		dedupe(&c);
		renumber(&c);
	}
	if (c.token_lex)
		na_free(mem, c.token_lex);
	na_vec_free(&c.candidates, mem);
	if (c.failed)
	{
		na_vec_free(&c.rows, mem);
		na_vec_free(&c.events, mem);
		return NA_ERR_NOMEM;
	}
	out->votes = (na_vote *) c.rows.items;
	out->nvotes = (uint32_t) c.rows.count;
	out->nevents = (uint32_t) c.events.count;
	na_vec_free(&c.events, mem);
	return NA_OK;
}

void
na_vote_result_free(na_vote_result *result, const na_mem *mem)
{
	na_free(mem, result->votes);
	memset(result, 0, sizeof(*result));
}

const char *
na_vote_action_name(int action)
{
	static const char *const names[] = {
		NULL, "veto", "vote_for", "vote_against", "abstain", "block", "sponsor",
		"support", "oppose", "adopt", "reject", "vote"
	};

	return action > 0 && action < NA_VA_COUNT ? names[action] : NULL;
}

const char *
na_vote_actor_kind_name(int kind)
{
	static const char *const names[] = {
		NULL, "country", "party", "person", "body", "group"
	};

	return kind > 0 && kind < NA_VK_COUNT ? names[kind] : NULL;
}

const char *
na_vote_outcome_name(int outcome)
{
	static const char *const names[] = {
		NULL, "adopted", "passed", "rejected", "failed", "vetoed"
	};

	return outcome > 0 && outcome < NA_VO_COUNT ? names[outcome] : NULL;
}

const char *
na_vote_modality_name(int modality)
{
	static const char *const names[] = {
		NULL, "asserted", "negated", "expected", "hypothetical", "historical"
	};

	return modality > 0 && modality < NA_VM_COUNT ? names[modality] : NULL;
}

const char *
na_vote_method_name(int method)
{
	static const char *const names[] = {
		NULL, "unanimous", "show_of_hands", "voice_vote", "acclamation", "consensus", "secret_ballot"
	};

	return method > 0 && method < NA_VME_COUNT ? names[method] : NULL;
}
