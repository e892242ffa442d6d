/*
 * quote_lex.c - the word lists of the quote analyser, and one hashed lookup
 * for all of them.
 *
 * A token is looked up once per document (lowercased, ASCII letters only
 * folded) and the lists it belongs to are kept as a bit mask beside the
 * token, so q_in(q, i, LEX_...) costs a shift after the first call.
 */
#include <string.h>

#include "quote_internal.h"

/* verbs and phrases that introduce speech right next to a quote */
static const char *const speech_verbs[] = {
	"said", "says", "say", "saying", "told", "tells", "tell", "telling",
	"added", "adds", "adding", "wrote", "writes", "write", "writing",
	"asked", "asks", "asking", "tweeted", "tweets", "tweeting", "stated", "states",
	"explained", "explains", "explaining", "noted", "notes", "noting",
	"replied", "replies", "replying", "declared", "declares", "declaring",
	"responded", "responds", "responding", "concluded", "concludes", "argued",
	"argues", "arguing", "insisted", "insists", "insisting", "admitted", "admits",
	"remarked", "remarks", "remarking", "warned", "warns", "warning",
	"announced", "announces", "acknowledged", "acknowledges", "claimed",
	"claims", "claiming", "recalled", "recalls", "recalling", "continued",
	"continues", "posted", "posts", "quipped", "quips", "joked", "jokes",
	"shouted", "shouts", "chanted", "read", "reads", "reported", "reports",
	"observed", "observes", "predicted", "predicts", "emphasized", "emphasised",
	"stressed", "stresses", "complained", "complains", "conceded", "concedes",
	"countered", "counters", "cautioned", "cautions", "commented", "comments",
	"boasted", "boasts", "retorted", "mused", "wondered", "wonders", "exclaimed",
	"testified", "confirmed", "confirms", "agreed", "agrees", "answered",
	"answers", "laughed", "sighed", "yelled", "screamed", "whispered", "texted",
	"emailed", "mentioned", "pleaded", "begged", "demanded", "demands",
	"suggested", "suggests", "suggesting", "promised", "promises", "pledged",
	"pledges", "vowed", "vows", "urged", "urges", "urging", "opined",
	"thundered", "proclaimed", "assured", "reiterated", "repeated", "echoed",
	"interjected", "recounted", "explained", "cried", "shot", "fired",
	"scoffed", "snapped", "marveled", "marvelled", "gushed", "bragged",
	"tweeted", "wrote", "continued", "went", "began", "offered", "advised",
	"counseled", "explained", "elaborated", "surmised", "speculated",
	"estimated", "affirmed", "maintained", "contended", "contends", "alleged",
	"alleges", "charged", "charges", "prayed", "sang", "announced", "reasoned",
	"acknowledged", "predicted", "added", "summarized", "quoted", "quoting",
	"cited", "citing", "told", "spoke", "chanting", "chants", "stating",
	"released", "issued", "implied", "vented", "scoffing", "scoffs", "sings",
	"pronounced", "referenced", "bemoaned", "barked", "yelling", "scolded",
	"retaliated", "fumed", "seethed", "riffed", "exhorted", "retweeted",
	"laughs", "protested", "reacted", "chided", "chiding", "demurred",
	"thanked", "credited", "lamented", "sang", "mocked", "assails", "admitting",
	"emailing", "predicting", "echoing", "pointing", "highlighted", "huffed",
	"cracked", "noted", "grumbled", "wrote", "declares", "asserted", "asserts",
	"relayed", "explained", "insist", "tweeted", "preached", "pressed",
	"pontificated", "ranted", "raged", "griped", "jabbed", "teased", "taunted",
	"warned", "wrote", 
	/* other languages */
	"déclaré", "dit", "affirmé", "ajouté", "expliqué", "estimé", "souligné", "indiqué", "précisé", "assuré", "répondu", "confié", "annoncé", "lancé", "dijo", "afirmó", "declaró", "explicó", "añadió", "aseguró", "señaló", "indicó", "sostuvo", "advirtió", "sagte", "sagt", "erklärte", "betonte", "meinte", "detto", "dichiarato", "affermato", "spiegato", "aggiunto", "disse", "afirmou", "declarou", "explicou", "acrescentou",
	NULL
};

/* verbs that attribute a quoted phrase inside paraphrase: called it “…” */
static const char *const phrase_verbs[] = {
	"called", "calls", "calling", "call", "described", "describes", "describing",
	"dubbed", "dubs", "labeled", "labelled", "labels", "labeling", "branded",
	"brands", "termed", "terms", "criticized", "criticizes", "criticised",
	"criticizing", "condemned", "condemns", "condemning", "denounced",
	"denounces", "denouncing", "blasted", "blasts", "blasting", "slammed",
	"slams", "slamming", "accused", "accuses", "accusing", "praised", "praises",
	"praising", "hailed", "hails", "mocked", "mocks", "mocking", "dismissed",
	"dismisses", "dismissing", "derided", "derides", "decried", "decries",
	"lamented", "laments", "touted", "touts", "touting", "defended", "defends",
	"defending", "rejected", "rejects", "referred", "refers", "referring",
	"characterized", "characterizes", "deemed", "likened", "compared",
	"attacked", "attacks", "attacking", "questioned", "blamed", "blames",
	"pointed", "expressed", "expresses", "described", "promised", "pledged",
	"vowed", "warned", "urged", "predicted", "insisted", "argued", "claimed",
	"announced", "declared", "boasted", "bragged", "acknowledged", "admitted",
	"dismissed", "assailed", "ridiculed", "joked", "suggested", "insist",
	"argue", "claim", "promise", "vow", "warn", "urge", "describe", "believes",
	"believed", "thinks", "thought", "feels", "felt", "wants", "wanted",
	"hopes", "hoped", "sees", "considers", "considered", "views", "viewed",
	"calls", "recalled", "recalling", "defended", "asserted", "asserting",
	"framed", "portrayed", "characterizing", "promising", "pledging", "vowing",
	"warning", "explaining", "arguing", "claiming", "insisting", "noting",
	"adding", "saying", "telling", "asking", "writing", "reporting", "rated",
	"rates", "ruled", "rules", "deemed", 
	/* other languages */
	"calificó", "qualifié", "qualifiée", "dénoncé", "denunció", "criticó", "definió", "bezeichnete", "definito", "chamou",
	NULL
};

static const char *const tail_prepositions[] = {"of", "in", "at", "for", "from", "with", NULL};

/* nouns of saying: Trump’s claim that …, Obama’s remarks */
static const char *const speech_nouns[] = {
	"claim", "claims", "statement", "statements", "assertion", "message",
	"comment", "comments", "remarks", "remark", "words", "promise", "pledge",
	"vow", "tweet", "tweets", "post", "warning", "call", "description",
	"phrase", "slogan", "mantra", "motto", "charge", "accusation", "argument",
	"suggestion", "insistence", "characterization", "speech", "rhetoric",
	"question", "answer", "response", "reply", "quip", "joke", "boast",
	"complaint", "criticism", "attack", "attacks", "declaration", "announcement",
	"insult", "insults", "nickname", "label", "plea", "demand", "threat",
	"prediction", "assessment", "verdict", "ruling", "finding", "report",
	"letter", "memo", "email", "book", "op-ed", "column", "essay", NULL
};

/* words that cannot be part of a source mention */
static const char *const np_blockers[] = {
	"in", "on", "at", "of", "to", "for", "with", "from", "by", "during", "after",
	"before", "when", "while", "as", "that", "which", "who", "whose", "whom",
	"and", "or", "but", "because", "if", "than", "about", "into", "over",
	"under", "also", "then", "later", "has", "have", "had", "is", "was",
	"were", "are", "be", "been", "being", "will", "would", "can", "could",
	"may", "might", "must", "should", "shall", "not", "never", "did", "does",
	"do", "just", "only", "even", "still", "again", "once", "so", "there",
	"here", "where", "what", "how", "why", "this", "these", "those", "it",
	"its", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us",
	"me", "my", "your", "our", "their", "his", "all", "any", "each", "every",
	"no", "yes", "not", "now", "today", "yesterday", "tonight", "recently",
	"previously", "earlier", "first", "last", "next", "too", "very", "much",
	"more", "most", "less", "however", "although", "though", "since", "until",
	"through", "against", "between", "among", "without", "within", "upon",
	"like", "unlike", "per", "via", "amid", "despite", "toward", "towards",
	"around", "across", "behind", "beyond", "off", "up", "down", "out",
	"back", "away", "yet", "both", "either", "neither", "whether", "according",
	NULL
};

static const char *const determiners[] = {
	"the", "a", "an", "one", "another", "his", "her", "their", "its", "our",
	"several", "some", "two", "three", "four", "many", "other", "both",
	"this", "that", "these", "those", "my", "your", "each", "most", NULL
};

static const char *const pronouns_he[] = {"he", NULL};

static const char *const pronouns_she[] = {"she", NULL};

static const char *const pronouns_other[] = {"they", "i", "we", "it", "you", NULL};

/* between a subject and its verb: X has also said, X later told */
static const char *const aux_adverbs[] = {
	"has", "had", "have", "also", "later", "then", "once", "again", "previously",
	"recently", "earlier", "would", "will", "had", "simply", "just", "further",
	"quickly", "repeatedly", "often", "frequently", "publicly", "privately",
	"famously", "reportedly", "apparently", "flatly", "bluntly", "angrily",
	"sharply", "directly", "finally", "subsequently", "immediately", "similarly",
	"likewise", "ultimately", "simply", "proudly", "told", "is", "was", "went",
	"on", "cheekily", "jokingly", "dryly", "quietly", "loudly", "calmly",
	"firmly", "softly", "curtly", "tersely", "succinctly", "candidly",
	"emphatically", "defiantly", "confidently", "openly", "explicitly",
	"already", "even", "still", "never", "always", "first", "last", NULL
};

static const char *const weekday_words[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "today", "yesterday", "tonight", "morning", "afternoon",
	"evening", "night", "last", "this", "week", "earlier", "later", "recently",
	"previously", "once", "again", "also", "then", NULL
};

/* leading words that are not a sentence's subject */
static const char *const sentence_openers[] = {
	"but", "and", "so", "yet", "still", "now", "meanwhile", "instead", "however",
	"also", "then", "later", "earlier", "previously", "indeed", "moreover",
	"separately", "similarly", "nevertheless", "nonetheless", "thus", "or",
	"even", "alongside", "and", "afterward", "afterwards", "finally",
	"likewise", "additionally", "furthermore", "ultimately", "overall", NULL
};

static const char *const clause_prepositions[] = {
	"in", "on", "at", "after", "before", "since", "during", "for", "with",
	"under", "despite", "as", "while", "when", "although", "though", "if",
	"because", "over", "amid", "following", "asked", "speaking", "from",
	"by", "to", "writing", "responding", "last", "earlier", "later", "once",
	"like", "unlike", "without", "according", "through", "throughout",
	"about", "upon", "within", "of", NULL
};

/* words that are cue verbs or nouns: "he calls" but "weapons attacks" */
static const char *const noun_like_cues[] = {
	"attacks", "attack", "calls", "call", "claims", "claim", "comments", "remarks",
	"notes", "reports", "states", "promises", "promise", "tweets", "tweet",
	"vows", "vow", "charges", "answers", "reads", "read", "views", "hopes",
	"thought", "demands", "warning", "defends", "blames", "praises", "mocks",
	"slams", "blasts", "labels", "terms", "dubs", "brands", "describes",
	"counters", "shot", "fired", "offered", "cited", "quoted", "expressed",
	"charged", NULL
};

static const char *const verb_subject_words[] = {
	"he", "she", "they", "i", "we", "it", "who", "which", "that", "also", "has",
	"have", "had", "then", "later", "once", "again", "often", "never", NULL
};

/* bare plural nouns that are sources on their own: “…,” officials said */
static const char *const source_nouns[] = {
	"sources", "officials", "aides", "critics", "analysts", "experts",
	"supporters", "reporters", "advisers", "advisors", "observers", "democrats",
	"republicans", "people", "voters", "protesters", "protestors", "activists",
	"lawmakers", "diplomats", "witnesses", "police", "investigators",
	"prosecutors", "organizers", "residents", "delegates", "insiders",
	"strategists", "economists", "scientists", "researchers", "doctors",
	"teachers", "students", "workers", "leaders", "members", "staffers",
	"spokesman", "spokeswoman", "spokesperson", "conservatives", "liberals",
	"progressives", "opponents", "allies", "friends", "fans", "audiences",
	"polls", "pollsters", "authorities", "many", "some", "others", "both",
	NULL
};

/* words before a quoted title: NBC's “Today”, on “Face the Nation”, a play called “…” */
static const char *const title_cues[] = {
	"on", "called", "titled", "entitled", "named", "in", "film", "book",
	"show", "program", "programme", "song", "movie", "album", "play", "series",
	"novel", "episode", "documentary", "column", "essay", "article", "podcast",
	"slogan", "headline", "memoir", "hit", "classic", "anthem", "nickname",
	"moniker", "episode", "broadcast", "edition", "season", "taping", "host",
	"star", "author", "co-author", "creator", "commentary", "op-ed", "editorial",
	"piece", NULL
};

/* words after a quoted title or name: his “Keepin' It Real” radio program */
static const char *const title_followers[] = {
	"program", "programme", "show", "hat", "hats", "tour", "campaign",
	"movement", "slogan", "rally", "event", "forum", "bus", "sign", "signs",
	"shirt", "shirts", "t-shirt", "t-shirts", "book", "film", "series",
	"podcast", "segment", "ad", "ads", "video", "act", "initiative", "pact",
	"summit", "conference", "award", "prize", "club", "caucus", "radio",
	"television", "tv", "newsletter", "column", "blog", "website", "app",
	"song", "album", "movie", "documentary", "exhibit", "exhibition", NULL
};

/* short function words inside titles: “The Lead with Jake Tapper” */
static const char *const title_small_words[] = {
	"of", "the", "a", "an", "and", "in", "on", "to", "for", "with", "at", "by",
	"from", "de", "la", "is", NULL
};

/* capitalized words that begin sentences but no names */
static const char *const q_stop_caps[] = {
	"the", "a", "an", "in", "on", "at", "but", "and", "if", "when", "while", "as",
	"after", "before", "this", "that", "it", "he", "she", "they", "we", "i",
	"his", "her", "their", "our", "its", "since", "although", "though",
	"because", "for", "with", "from", "by", "under", "over", "despite",
	"during", "yet", "so", "or", "nor", "not", "no", "yes", "some", "many",
	"most", "all", "both", "each", "every", "other", "another", "such", "what",
	"neither", "either",
	"who", "why", "how", "where", "there", "here", "then", "now", "today",
	"still", "even", "just", "only", "also", "asked", "speaking", "according",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan.", "feb.",
	"aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "these", "those", "my",
	"your", "you", "me", "us", "them", "him", "to", "of", "do", "does", "did",
	"is", "was", "are", "were", "will", "would", "can", "could", "should",
	"however", "meanwhile", "instead", "indeed", "last", "next", "one", "two",
	"three", "read", "click", "watch", "see", "more", "less", "like", "unlike",
	"why", "whether", "once", "until", "among", "about", "without", "within",
	"again", "earlier", "later", "let", "please", "thank", "thanks", "oh",
	"well", "sources", "officials", "critics", "supporters", "diplomats",
	NULL
};

/* titles before a name; the honorifics among them make aliases, not roles */
static const char *const honorifics_male[] = {"mr.", "mr", "sir", "lord", "king", "prince", 
	/* other languages */
	"m.", "monsieur", "señor", "sr", "herr", "signor", "senhor",
	NULL};

static const char *const honorifics_female[] = {
	"ms.", "ms", "mrs.", "mrs", "miss", "dame", "lady", "queen", "princess", "madam", 
	/* other languages */
	"mme", "mme.", "madame", "señora", "sra", "frau", "signora", "senhora",
	NULL
};

static const char *const honorifics_neutral[] = {"dr.", "dr", "mx.", "prof.", NULL};

static const char *const titles[] = {
	"president", "senator", "sen.", "rep.", "gov.", "governor", "secretary",
	"speaker", "judge", "justice", "mayor", "chancellor", "minister",
	"ambassador", "pope", "chairman", "chairwoman", "representative",
	"congressman", "congresswoman", "vice", "prime", "attorney", "general",
	"gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "rev.", "commissioner",
	"director", "pastor", "father", "rabbi", "imam", "sheikh", "chief",
	"detective", "officer", "agent", "coach", "president-elect", "premier",
	"sheriff", "councilman", "councilwoman", "assemblyman", "assemblywoman",
	"lieutenant", "colonel", "sergeant", "captain", "admiral", "professor",
	"former", "state", "sens.", "reps.", "gen", "cardinal", "bishop", "leader",
	"whip", "spokesman", "spokeswoman", 
	/* other languages */
	"councillor", "councilor", "alderman", "alderwoman", "maire", "ministre", "porte-parole", "présidente", "président", "consejera", "consejero", "portavoz", "alcalde", "alcaldesa", "presidenta", "ministra", "ministro", "sindaco", "prefeito", "bürgermeister", "bürgermeisterin", "sprecher", "sprecherin", "député", "députée", "diputado", "diputada", "senador", "senadora", "chef", "jefe", "jefa", "dirigeant", "dirigeante", "directeur", "directrice",
	"directora", "portavoce", "sprecherin",
	NULL
};

static const char *const role_nouns[] = {
	"ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
	"secretary", "minister", "president", "senator", "governor", "official",
	"director", "chairman", "chairwoman", "chair", "adviser", "advisor", "aide",
	"strategist", "analyst", "leader", "representative", "counselor",
	"counsellor", "manager", "chief", "head", "deputy", "mayor", "commissioner",
	"general", "professor", "economist", "lawyer", "attorney", "founder",
	"executive", "editor", "reporter", "correspondent", "candidate", "nominee",
	"member", "speaker", "congressman", "congresswoman", "delegate",
	"consultant", "pollster", "researcher", "activist", "organizer",
	"chancellor", "premier", "diplomat", "officer", "commander", "judge",
	"justice", "prosecutor", "surgeon", "doctor", "host", "anchor",
	"columnist", "author", "writer", "president-elect", "ceo", "chairperson",
	"negotiator", "coordinator", "strategist", "fellow", "scholar", "expert",
	"investigator", "inspector", "monitor", "observer", "historian",
	"scientist", "physician", "pastor", "bishop", "rabbi", "imam", "priest",
	"sheriff", "councilman", "councilwoman", "lawmaker", "legislator",
	"campaigner", "volunteer", "voter", "organiser", "partner", "owner",
	"treasurer", "counsel", "staffer", "operative", "chairs", "governor-elect",
	
	/* other languages */
	"councillor", "councilor", "alderman", "alderwoman", "maire", "ministre", "porte-parole", "présidente", "président", "consejera", "consejero", "portavoz", "alcalde", "alcaldesa", "presidenta", "ministra", "ministro", "sindaco", "prefeito", "bürgermeister", "bürgermeisterin", "sprecher", "sprecherin", "député", "députée", "diputado", "diputada", "senador", "senadora", "chef", "jefe", "jefa", "dirigeant", "dirigeante", "directeur", "directrice",
	"directora", "portavoce", "sprecherin",
	NULL
};

/* words ending names of organisations, not people */
static const char *const org_words[] = {
	"council", "nations", "party", "committee", "department", "house",
	"senate", "news", "post", "times", "watch", "association", "institute",
	"university", "company", "corp", "corp.", "inc", "inc.", "foundation",
	"center", "centre", "network", "club", "court", "agency", "office",
	"republicans", "democrats", "states", "union", "street", "city", "county",
	"airport", "journal", "tribune", "press", "group", "campaign", "bank",
	"ministry", "service", "commission", "board", "fund", "organization",
	"organisation", "project", "coalition", "alliance", "caucus", "congress",
	"administration", "government", "army", "force", "forces", "police",
	"guard", "school", "college", "hospital", "church", "magazine", "herald",
	"daily", "weekly", "media", "radio", "tv", "channel", "reuters", "cnn",
	"msnbc", "npr", "bbc", "abc", "nbc", "cbs", "fox", "twitter", "facebook",
	"instagram", "youtube", "google", "party’s", "station", "island", "islands",
	"river", "mountains", "valley", "square", "park", "hall", "room", "building",
	"tower", "bureau", "exchange", "market", "markets", "poll", "survey",
	"report", "act", "bill", "law", "amendment", "convention", "conference",
	"summit", "debate", "primary", "caucuses", "day", "week", "review", "mail",
	"guardian", "telegraph", "economist", "observer", "examiner", "politico",
	"breitbart", "hill", "street", "avenue", "road", "republic", "kingdom",
	"empire", "world", "america", "europe", "africa", "asia", NULL
};

/* capitalized words that end a name run: “Haley The”, “Putin He” */
static const char *const run_breakers[] = {
	"the", "a", "an", "i", "he", "she", "it", "they", "we", "but", "and", "or",
	"in", "on", "at", "of", "to", "for", "with", "from", NULL
};

static const char *const name_particles[] = {
	"de", "van", "von", "al", "bin", "da", "di", "del", "la", "le", "du", "der",
	"den", "ibn", "dos", "das", NULL
};

/* function words of French, Spanish, German, Italian and Portuguese that open
 * sentences: never the first word of a name (“Pour Bernard Lemaire, …”) */
static const char *const foreign_openers[] = {
	"pour", "el", "la", "le", "les", "los", "las", "der", "die", "das", "il",
	"lo", "selon", "según", "laut", "secondo", "segundo", "dans", "avec", "para",
	"por", "con", "en", "au", "aux", "du", "des", "del", "una", "un", "une",
	"ein", "eine", "mais", "pero", "aber", "ma", "mas", "et", "y", "und", "e",
	"sur", "sous", "chez", "après", "avant", "según", "durante", "für", "mit",
	"nach", "bei", "per", "ao", "na", "no", NULL
};

/* “according to” in other languages: one word */
static const char *const according_words[] = {
	"selon", "según", "laut", "secondo", "segundo", NULL
};

static const char *const name_suffixes[] = {"jr.", "sr.", "jr", "sr", "ii", "iii", NULL};

static const struct
{
	const char *const *words;
	q_lex		lex;
}			lexicons[] = {
	{speech_verbs, LEX_SPEECH_VERBS},
	{phrase_verbs, LEX_PHRASE_VERBS},
	{tail_prepositions, LEX_TAIL_PREPOSITIONS},
	{speech_nouns, LEX_SPEECH_NOUNS},
	{np_blockers, LEX_NP_BLOCKERS},
	{determiners, LEX_DETERMINERS},
	{pronouns_he, LEX_PRONOUNS_HE},
	{pronouns_she, LEX_PRONOUNS_SHE},
	{pronouns_other, LEX_PRONOUNS_OTHER},
	{aux_adverbs, LEX_AUX_ADVERBS},
	{weekday_words, LEX_WEEKDAY_WORDS},
	{sentence_openers, LEX_SENTENCE_OPENERS},
	{clause_prepositions, LEX_CLAUSE_PREPOSITIONS},
	{noun_like_cues, LEX_NOUN_LIKE_CUES},
	{verb_subject_words, LEX_VERB_SUBJECT_WORDS},
	{source_nouns, LEX_SOURCE_NOUNS},
	{title_cues, LEX_TITLE_CUES},
	{title_followers, LEX_TITLE_FOLLOWERS},
	{title_small_words, LEX_TITLE_SMALL_WORDS},
	{q_stop_caps, LEX_STOP_CAPS},
	{honorifics_male, LEX_HONORIFICS_MALE},
	{honorifics_female, LEX_HONORIFICS_FEMALE},
	{honorifics_neutral, LEX_HONORIFICS_NEUTRAL},
	{titles, LEX_TITLES},
	{role_nouns, LEX_ROLE_NOUNS},
	{org_words, LEX_ORG_WORDS},
	{run_breakers, LEX_RUN_BREAKERS},
	{name_particles, LEX_NAME_PARTICLES},
	{name_suffixes, LEX_NAME_SUFFIXES},
	{foreign_openers, LEX_FOREIGN_OPENERS},
	{according_words, LEX_ACCORDING},
};

#define LEX_WORD_MAX 16			/* bytes; no listed word is longer */
#define LEX_WORDS_MAX 2048		/* above the distinct words listed */
#define LEX_SLOTS 4096			/* power of two: a third full, so misses end fast */
#define LEX_SLOT_BITS 12
#define LEX_ENTRY_MASK 0xFFFu	/* low bits of a slot: word index + 1, 0 = empty */
#define LEX_DONE (UINT32_C(1) << 31)	/* the token was looked up */

/*
 * A word, zero-padded, with the lists holding it.  The hash slots hold only
 * an index and a tag of the hash: a lookup that misses (most) reads 16 kB of
 * slots and never a word.
 */
typedef struct lex_word
{
	uint64_t	key[2];			/* the word, zero-padded to 16 bytes */
	uint32_t	mask;			/* Q_LEX_BIT of the lists holding it */
	uint32_t	len;
} lex_word;

_Static_assert(LEX_COUNT <= 31, "lexicon masks are 31 bits and a looked-up bit");
_Static_assert(LEX_WORDS_MAX <= LEX_ENTRY_MASK, "word indexes fit in the slot");

static lex_word lex_words[LEX_WORDS_MAX];
static uint32_t lex_nwords;
static uint32_t lex_slots[LEX_SLOTS];	/* hash tag | word index + 1 */

/* a word of len <= LEX_WORD_MAX bytes as a zero-padded key */
static inline void
lex_key(const unsigned char *word, uint32_t len, uint64_t key[2])
{
	unsigned char buf[LEX_WORD_MAX] = {0};

	memcpy(buf, word, len);
	memcpy(key, buf, LEX_WORD_MAX);
}

/* ASCII capitals of the eight bytes in v to lower case, other bytes kept */
static inline uint64_t
fold_ascii8(uint64_t v)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = UINT64_C(0x8080808080808080);
	uint64_t	x = v & ~high;
	uint64_t	upper = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x7f - 'Z')) & ~v & high;

	return v + (upper >> 2);	/* 0x80 >> 2 is the 0x20 between the cases */
}

/* The hash of a key: two multiplies, no loop over the bytes. */
static inline uint64_t
lex_hash(const uint64_t key[2])
{
	return key[0] * UINT64_C(0x9E3779B97F4A7C15) ^
		(key[1] + UINT64_C(0x632BE59BD9B4E019)) * UINT64_C(0xC2B2AE3D27D4EB4F);
}

static inline uint32_t
lex_first_slot(uint64_t h)
{
	return (uint32_t) (h >> (64 - LEX_SLOT_BITS));
}

/* bits of the hash other than the slot's, where a slot keeps its word index */
static inline uint32_t
lex_tag(uint64_t h)
{
	return (uint32_t) (h >> 12) & ~LEX_ENTRY_MASK;
}

/*
 * second_letters[len][c0 - 'a']: bit c1 - 'a' (bit 26 for anything but a
 * letter, or no second byte) is set when a listed word of len bytes starts
 * with letters c0 c1.  Every listed word starts with a letter, so most
 * tokens that reach a lookup (names, numbers) are rejected without hashing.
 */
static uint32_t second_letters[LEX_WORD_MAX + 1][26];
static int	lex_ready;

/* bit of a second byte in second_letters: a-z (either case), else 26 */
static inline uint32_t
letter_bit(char c)
{
	unsigned char l = (unsigned char) c | 0x20;

	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? (uint32_t) (l - 'a') : 26;
}

/*
 * Fill the table on first use.  The lists are constant, so every process
 * builds the same table; a backend is single-threaded.
 */
static void
lex_build(void)
{
	for (size_t l = 0; l < sizeof(lexicons) / sizeof(lexicons[0]); l++)
	{
		for (const char *const *w = lexicons[l].words; *w; w++)
		{
			size_t		len = strlen(*w);
			uint64_t	key[2];
			uint64_t	hash;
			uint32_t	h;
			lex_word   *entry = NULL;

			if (len == 0 || len > LEX_WORD_MAX)
				continue;		/* none is (a token that long is in no list) */
			lex_key((const unsigned char *) *w, (uint32_t) len, key);
			hash = lex_hash(key);
			for (h = lex_first_slot(hash); lex_slots[h]; h = (h + 1) & (LEX_SLOTS - 1))
			{
				lex_word   *x = &lex_words[(lex_slots[h] & LEX_ENTRY_MASK) - 1];

				if (x->len == len && x->key[0] == key[0] && x->key[1] == key[1])
				{
					entry = x;
					break;
				}
			}
			if (entry == NULL)
			{
				if (lex_nwords >= LEX_WORDS_MAX)
					continue;	/* cannot happen: LEX_WORDS_MAX is above the words listed */
				entry = &lex_words[lex_nwords++];
				entry->key[0] = key[0];
				entry->key[1] = key[1];
				entry->len = (uint32_t) len;
				lex_slots[h] = lex_tag(hash) | lex_nwords;
			}
			entry->mask |= UINT32_C(1) << lexicons[l].lex;
			if (len <= LEX_WORD_MAX && (*w)[0] >= 'a' && (*w)[0] <= 'z')
				second_letters[len][(*w)[0] - 'a'] |= UINT32_C(1) << letter_bit(len > 1 ? (*w)[1] : 0);
		}
	}
	lex_ready = 1;
}

static uint32_t
lex_lookup(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const unsigned char *p;
	uint64_t	key[2];
	uint64_t	hash;
	uint32_t	h;
	uint32_t	tag;
	uint32_t	slot;
	uint32_t	len = t->len;
	unsigned char c0;
	unsigned char c1;

	if ((t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV && t->kind != NA_TK_INITIAL) ||
		len > LEX_WORD_MAX || len == 0)
		return 0;
	if (!lex_ready)
		lex_build();
	p = (const unsigned char *) q->doc->text + t->start;
	c0 = p[0] | 0x20;			/* ASCII letters to lower case */
	if (c0 < 'a' || c0 > 'z' || (p[0] & 0x80))
		return 0;
	c1 = len > 1 ? p[1] : 0;
	if (!(second_letters[len][c0 - 'a'] & (UINT32_C(1) << letter_bit((char) c1))))
		return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* whole words at a time: byte stores read back as a word stall the load */
	if ((size_t) t->start + LEX_WORD_MAX <= q->doc->len)
	{
		memcpy(key, p, LEX_WORD_MAX);
		if (len < 8)
		{
			key[0] &= (UINT64_C(1) << (len * 8)) - 1;
			key[1] = 0;
		}
		else if (len < 16)
			key[1] &= (UINT64_C(1) << ((len - 8) * 8)) - 1;
	}
	else
#endif
		lex_key(p, len, key);
	key[0] = fold_ascii8(key[0]);
	key[1] = fold_ascii8(key[1]);
	hash = lex_hash(key);
	tag = lex_tag(hash);
	for (h = lex_first_slot(hash); (slot = lex_slots[h]) != 0; h = (h + 1) & (LEX_SLOTS - 1))
	{
		const lex_word *x = &lex_words[(slot & LEX_ENTRY_MASK) - 1];

		if ((slot & ~LEX_ENTRY_MASK) == tag && x->key[0] == key[0] && x->key[1] == key[1] &&
			x->len == len)
			return x->mask;
	}
	return 0;
}

uint32_t
q_lex_fill(const qctx *q, uint32_t i)
{
	uint32_t	mask = lex_lookup(q, i);

	if (q->lexmask != NULL)
		q->lexmask[i] = mask | LEX_DONE;
	return mask;
}
