/*
 * votes_lexicon.c - the word lists of the vote analyser, the word set that tells which lists a
 * word is in (one hash probe), and the first pass: one probe per token into a
 * small lexicon of trigger words and body words marks the tokens and the
 * sentences the analysis reads closely.
 */
#include "votes_internal.h"
#include "na_lexicon.h"

/* looked up through trigger_table (trigger_of) */
const trigger_word triggers[] = {
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
	{"cast", W_VOTE, 0},		/* "cast his ballot for", "cast 66 votes for" */
	{"co-sponsored", W_SPONSOR, WF_PARTICIPLE},
	{"confirm", W_PASS, 0},
	{"confirmed", W_PASS, WF_PARTICIPLE},
	{"cosponsored", W_SPONSOR, WF_PARTICIPLE},
	{"defeat", W_DEFEAT, 0},
	{"defeated", W_DEFEAT, WF_PARTICIPLE},
	{"drafted", W_SPONSOR, WF_PARTICIPLE},
	{"elect", W_ELECT, 0},
	{"elected", W_ELECT, WF_PARTICIPLE},
	{"elects", W_ELECT, 0},
	{"endorse", W_SUPPORT, 0},
	{"endorsed", W_SUPPORT, WF_PARTICIPLE},
	{"endorses", W_SUPPORT, 0},
	{"failed", W_FAIL, WF_PARTICIPLE},
	{"favor", W_TALLY, 0},
	{"favour", W_TALLY, 0},
	{"filibustered", W_BLOCK, WF_PARTICIPLE},
	{"introduced", W_SPONSOR, WF_PARTICIPLE},
	{"lose", W_LOSE, 0},
	{"loses", W_LOSE, 0},
	{"losing", W_LOSE, WF_GERUND},
	{"lost", W_LOSE, WF_PARTICIPLE},
	{"oppose", W_OPPOSE, 0},
	{"opposed", W_OPPOSE, WF_PARTICIPLE},
	{"opposes", W_OPPOSE, 0},
	{"overridden", W_OVERRIDE, WF_PARTICIPLE},
	{"override", W_OVERRIDE, WF_NOUN_TOO},
	{"overrides", W_OVERRIDE, 0},
	{"overriding", W_OVERRIDE, WF_GERUND},
	{"overrode", W_OVERRIDE, 0},
	{"pass", W_PASS, 0},
	{"passed", W_PASS, WF_PARTICIPLE},
	{"passes", W_PASS, 0},
	{"proposed", W_SPONSOR, WF_PARTICIPLE},
	{"ratified", W_PASS, WF_PARTICIPLE},
	{"re-elected", W_ELECT, WF_PARTICIPLE},
	{"ratify", W_PASS, 0},
	{"reelected", W_ELECT, WF_PARTICIPLE},
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
	{"win", W_WIN, 0},
	{"winning", W_WIN, WF_GERUND},
	{"wins", W_WIN, 0},
	{"won", W_WIN, WF_PARTICIPLE},
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
	W("article"), W("articles"), W("laws"), {NULL, 0}
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
	W("meps"), W("diplomats"), W("workers"), W("employees"), W("residents"), W("politicians"),
	W("rebels"), W("backbenchers"), W("conservatives"), W("liberals"), W("moderates"),
	W("hardliners"), W("cantons"), W("provinces"), W("opponents"), W("colleagues"),
	W("superdelegates"), W("electors"), W("jurors"), W("commissioners"), W("aldermen"), W("majority"),
	{NULL, 0}
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
	W("only"), W("probably"), W("certainly"), W("definitely"), W("initially"), W("ultimately"),
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

/* Intentions that are threats, wishes or readiness: hypothetical, not planned. */
static const word_t threat_words[] = {
	W("threatened"), W("threatens"), W("threaten"), W("threat"), W("vowed"), W("vows"), W("vow"),
	W("pledged"), W("pledges"), W("ready"), W("prepared"), W("wants"), W("wanted"), W("want"),
	W("seeks"), W("sought"), W("seeking"), W("aims"), W("aimed"), W("hopes"), W("hoped"),
	W("urged"), W("asked"), W("called"), W("signaled"), W("signalled"), W("signaling"),
	W("signalling"), {NULL, 0}
};

/* What a candidate wins or loses: "won the seat", "lost the primary", "won 52% of the vote". */
static const word_t election_words[] = {
	W("election"), W("elections"), W("primary"), W("primaries"), W("caucus"), W("caucuses"),
	W("nomination"), W("race"), W("seat"), W("seats"), W("vote"), W("votes"), W("majority"),
	W("presidency"), W("governorship"), W("mayoralty"), W("contest"), W("leadership"),
	W("by-election"), W("runoff"), W("run-off"), W("re-election"), W("reelection"), W("term"),
	W("mandate"), W("ballot"), W("delegates"), W("constituency"), W("ward"), W("poll"),
	W("referendum"), W("landslide"), W("plurality"), {NULL, 0}
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

const party_word parties[] = {
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
	W("on"), W("track"), W("remained"), W("remains"), W("stayed"), W("course"),
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
	W("School"), W("College"), W("University"), W("Edition"), W("Network"), W("Channel"),
	W("Times"), W("Post"), W("Journal"), W("Magazine"), W("Press"), W("Club"),
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
	W("you"), W("only"), W("still"), W("probably"), W("certainly"), W("definitely"),
	W("i'll"), W("we'll"), W("they'll"), W("he'll"), W("she'll"), W("i'd"), W("we'd"),
	W("they'd"), W("he'd"), W("she'd"), {NULL, 0}
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
	[L_threat_words] = threat_words,
	[L_election_words] = election_words,
};

word_set_entry word_set[WORD_SET_SIZE];
static int	word_set_ready;

void
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

typedef struct lex_entry
{
	char		w[LEX_MAXLEN + 1];	/* folded to lower case */
	uint8_t		n;
	uint8_t		trigger;		/* index + 1 into triggers, 0 = none */
	uint8_t		lower_body;		/* a body word when written in lower case */
	uint8_t		body_head;		/* a body head when capitalized */
	uint8_t		body_start;		/* a named body's first word when capitalized */
	uint8_t		gazetteer;		/* the first word of a body of vote_bodies.tsv */
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

void
build_lexicon(void)
{
	static const char *const possessives[] = {"", "'s", "\xE2\x80\x99s", NULL};
	static const char *const lower_bodies[] = {
		"parliament", "council", "committee", "legislature", "assembly", "board", "cabinet", "congress",
		"senate", NULL
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
	/* the gazetteer's first words: body_at matches its phrases there (longest first) */
	for (uint32_t r = 0; r < na_lex_lists[NA_LEX_VOTE_BODIES].nrows; r++)
	{
		const char *key = na_lex_key(NA_LEX_VOTE_BODIES, r);
		const char *space = strchr(key, ' ');
		char		first[LEX_MAXLEN + 1];
		size_t		n = space ? (size_t) (space - key) : strlen(key);

		if (n > LEX_MAXLEN)
			continue;
		memcpy(first, key, n);
		first[n] = '\0';
		for (int p = 0; possessives[p]; p++)
			if ((e = lex_add(first, p == 0 || !space ? possessives[p] : "")) != NULL)
				e->gazetteer = 1;
	}
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
	return t->len >= 3 && t->len <= 13;
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

	if (e->trigger && t->kind == NA_TK_WORD && t->len >= 3 && t->len <= 12 &&
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
	if (e->gazetteer)
		f |= TOKEN_BODY_MAYBE | TOKEN_BODY_GAZ;
	if (e->body_head && (t->flags & NA_TF_CAPITALIZED) && t->len >= 4 && t->len <= 14 &&
		text[t->start] >= 'A' && text[t->start] <= 'Z')
		f |= TOKEN_BODY_MAYBE | TOKEN_BODY_HEAD;
	return f;
}

/* A number as written: digits with thousands separators, or a small number word. */
int32_t
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

/*
 * The first pass: trigger and body flags of every token (c->token_lex) and
 * the sentences that hold a trigger (c->candidates).  Locals, not c, in the
 * loop: stores through a byte pointer would make the compiler reload c.
 */
void
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

/* Build the word set and the first-pass lexicon once per process. */
void
votes_lexicon_init(void)
{
	if (!lex_ready)
		build_lexicon();
	if (!word_set_ready)
		build_word_set();
}
