/*
 * votes_internal.h - the private interface between the files of the vote
 * analyser (src/core/votes*.c): word lists, the analysis context, token
 * helpers and the functions each file gives the others.  Not installed and
 * not for other analysers: na_votes.h is the public interface.
 *
 * The files follow the analysis: votes_lexicon.c (word lists, first pass),
 * votes_tokens.c (token tests), votes_bodies.c, votes_actors.c,
 * votes_subjects.c (who cast a vote), votes_motions.c (motions and
 * modality), votes_tally.c, votes_events.c
 * (events and rows), votes_triggers.c (vote verbs and nouns), votes_romance.c
 * (a decision and its tally in French or Spanish) and votes.c
 * (a sentence, the entry point).
 */
#ifndef VOTES_INTERNAL_H
#define VOTES_INTERNAL_H

#include <string.h>

#include "na_lexicon.h"
#include "na_places.h"
#include "na_votes.h"

/* the functions below are the analyser's own: not exported from the module */
#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

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
	W_TALLY,					/* favour, abstentions: a tally without a verb */
	W_WIN,						/* won, wins: an election or a vote */
	W_LOSE,						/* lost, loses */
	W_ELECT,					/* elected, re-elected */
	W_OVERRIDE,					/* overrode, overridden: a veto */
	W_GAIN,						/* received, secured, took: votes, a nomination */
	W_CAMPAIGN,					/* campaign, campaigning: against a measure, for a "no" vote */
	W_HELD,						/* held: a country held elections, a referendum */
	W_DEADLOCK					/* deadlocked: a tie, the question fails */
};

/* Verb forms: does it end the way a past participle does (for passives)? */
#define WF_PARTICIPLE 0x01
#define WF_NOUN_TOO	  0x02		/* veto, vote, vetoes, votes: noun or verb */
#define WF_GERUND	  0x04		/* abstaining, voting */
#define WF_PASSIVE_ONLY 0x08	/* dismissed: a vote only as "dismissed by the Senate" */

typedef struct trigger_word
{
	const char *word;
	uint8_t		cls;
	uint8_t		form;
} trigger_word;


typedef struct actor_ref
{
	uint32_t	first;			/* tokens [first, end) */
	uint32_t	end;
	const char *canonical;		/* static, or NULL: the span is the name */
	uint32_t	name_first;		/* the name within the span (titles dropped) */
	uint32_t	name_end;
	uint8_t		kind;			/* na_vote_actor_kind */
	uint8_t		pronoun;		/* it, they: resolve before use */
	uint8_t		us_state;		/* a US state (state_at): never who wins an election */
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
	int			politics_seen;	/* 0 not looked yet, 1 a politics word, -1 none */
	uint32_t	body_cursor;	/* context_body has looked at tokens before this */
	body_ref	ctx_body;
	uint32_t	ctx_body_sentence;
	int			has_ctx_body;
	uint16_t   *token_lex;		/* per token: lex_flags, and body runs */
	int32_t    *token_entry;	/* per token: its folded lexicon entry + 1, -1 none, 0 not yet looked up */
	na_vec		candidates;		/* uint32_t: sentences that hold a trigger */
	const na_vote_speakers *speakers;	/* for "I" in a quotation, or NULL */
	int			failed;
} vctx;

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
 * The word lists in_list asks about, by their short names: each is the file
 * data/lexicon/vote_<name>.tsv, looked up through the one generated lexicon
 * (na_lexicon.h), which folds case as the lists want.  Every name is given
 * its NA_LEX_ identifier explicitly: a name added without one would take
 * another list's.
 */
enum
{
	L_motion_heads = NA_LEX_VOTE_MOTION_HEADS,
	L_generic_motions = NA_LEX_VOTE_GENERIC_MOTIONS,
	L_group_heads = NA_LEX_VOTE_GROUP_HEADS,
	L_envoy_nouns = NA_LEX_VOTE_ENVOY_NOUNS,
	L_aux_words = NA_LEX_VOTE_AUX_WORDS,
	L_clause_words = NA_LEX_VOTE_CLAUSE_WORDS,
	L_intent_words = NA_LEX_VOTE_INTENT_WORDS,
	L_ordinal_words = NA_LEX_VOTE_ORDINAL_WORDS,
	L_rank_words = NA_LEX_VOTE_RANK_WORDS,
	L_number_words = NA_LEX_VOTE_NUMBER_WORDS,
	L_definite_words = NA_LEX_VOTE_DEFINITE_WORDS,
	L_person_titles = NA_LEX_VOTE_PERSON_TITLES,
	L_control_verbs = NA_LEX_VOTE_CONTROL_VERBS,
	L_infinitive_glue = NA_LEX_VOTE_INFINITIVE_GLUE,
	L_org_heads = NA_LEX_VOTE_ORG_HEADS,
	L_prepositions = NA_LEX_VOTE_PREPOSITIONS,
	L_name_stopwords = NA_LEX_VOTE_NAME_STOPWORDS,
	L_group_adjectives = NA_LEX_VOTE_GROUP_ADJECTIVES,
	L_body_heads = NA_LEX_VOTE_BODY_HEADS,
	L_body_starts = NA_LEX_VOTE_BODY_STARTS,
	L_org_words = NA_LEX_VOTE_ORG_WORDS,
	L_time_words = NA_LEX_VOTE_TIME_WORDS,
	L_verb_before = NA_LEX_VOTE_VERB_BEFORE,
	L_threat_words = NA_LEX_VOTE_THREAT_WORDS,
	L_election_words = NA_LEX_VOTE_ELECTION_WORDS,
	L_group_singulars = NA_LEX_VOTE_GROUP_SINGULARS,
	L_gain_objects = NA_LEX_VOTE_GAIN_OBJECTS,
	L_participle_determiners = NA_LEX_VOTE_PARTICIPLE_DETERMINERS,
	L_gerund_prepositions = NA_LEX_VOTE_GERUND_PREPOSITIONS,
	L_base_form_openers = NA_LEX_VOTE_BASE_FORM_OPENERS,
	L_adverbial_determiners = NA_LEX_VOTE_ADVERBIAL_DETERMINERS,
	L_after_verb_particles = NA_LEX_VOTE_AFTER_VERB_PARTICLES,
	L_against_motion_verbs = NA_LEX_VOTE_AGAINST_MOTION_VERBS,
	L_ballot_question_openers = NA_LEX_VOTE_BALLOT_QUESTION_OPENERS,
	L_ballot_words = NA_LEX_VOTE_BALLOT_WORDS,
	L_be_forms = NA_LEX_VOTE_BE_FORMS,
	L_body_level_words = NA_LEX_VOTE_BODY_LEVEL_WORDS,
	L_body_nouns = NA_LEX_VOTE_BODY_NOUNS,
	L_cast_vote_words = NA_LEX_VOTE_CAST_VOTE_WORDS,
	L_causative_determiners = NA_LEX_VOTE_CAUSATIVE_DETERMINERS,
	L_causative_verbs = NA_LEX_VOTE_CAUSATIVE_VERBS,
	L_condition_words = NA_LEX_VOTE_CONDITION_WORDS,
	L_confidence_vote_subjects = NA_LEX_VOTE_CONFIDENCE_VOTE_SUBJECTS,
	L_counted_place_nouns = NA_LEX_VOTE_COUNTED_PLACE_NOUNS,
	L_elected_adverbs = NA_LEX_VOTE_ELECTED_ADVERBS,
	L_elected_auxiliaries = NA_LEX_VOTE_ELECTED_AUXILIARIES,
	L_elected_premodifiers = NA_LEX_VOTE_ELECTED_PREMODIFIERS,
	L_election_sentence_words = NA_LEX_VOTE_ELECTION_SENTENCE_WORDS,
	L_election_time_prepositions = NA_LEX_VOTE_ELECTION_TIME_PREPOSITIONS,
	L_generic_pronouns = NA_LEX_VOTE_GENERIC_PRONOUNS,
	L_group_amount_nouns = NA_LEX_VOTE_GROUP_AMOUNT_NOUNS,
	L_group_quantifiers = NA_LEX_VOTE_GROUP_QUANTIFIERS,
	L_history_adverbs = NA_LEX_VOTE_HISTORY_ADVERBS,
	L_house_not_chamber = NA_LEX_VOTE_HOUSE_NOT_CHAMBER,
	L_lone_name_before = NA_LEX_VOTE_LONE_NAME_BEFORE,
	L_motion_collection_nouns = NA_LEX_VOTE_MOTION_COLLECTION_NOUNS,
	L_motion_left_skips = NA_LEX_VOTE_MOTION_LEFT_SKIPS,
	L_motion_modifier_ends = NA_LEX_VOTE_MOTION_MODIFIER_ENDS,
	L_motion_phrase_ends = NA_LEX_VOTE_MOTION_PHRASE_ENDS,
	L_override_capacity_words = NA_LEX_VOTE_OVERRIDE_CAPACITY_WORDS,
	L_party_people_nouns = NA_LEX_VOTE_PARTY_PEOPLE_NOUNS,
	L_passive_auxiliaries = NA_LEX_VOTE_PASSIVE_AUXILIARIES,
	L_placing_ordinals = NA_LEX_VOTE_PLACING_ORDINALS,
	L_placing_verbs = NA_LEX_VOTE_PLACING_VERBS,
	L_plain_adverbs = NA_LEX_VOTE_PLAIN_ADVERBS,
	L_rank_predicate_openers = NA_LEX_VOTE_RANK_PREDICATE_OPENERS,
	L_refusal_words = NA_LEX_VOTE_REFUSAL_WORDS,
	L_repeated_vote_nouns = NA_LEX_VOTE_REPEATED_VOTE_NOUNS,
	L_setting_prepositions = NA_LEX_VOTE_SETTING_PREPOSITIONS,
	L_state_place_before = NA_LEX_VOTE_STATE_PLACE_BEFORE,
	L_state_subject_gap = NA_LEX_VOTE_STATE_SUBJECT_GAP,
	L_tally_context_nouns = NA_LEX_VOTE_TALLY_CONTEXT_NOUNS,
	L_tally_distractors = NA_LEX_VOTE_TALLY_DISTRACTORS,
	L_tally_link_verbs = NA_LEX_VOTE_TALLY_LINK_VERBS,
	L_tally_nouns = NA_LEX_VOTE_TALLY_NOUNS,
	L_unanimous_nouns = NA_LEX_VOTE_UNANIMOUS_NOUNS,
	L_veto_determiners = NA_LEX_VOTE_VETO_DETERMINERS,
	L_veto_holder_roles = NA_LEX_VOTE_VETO_HOLDER_ROLES,
	L_veto_threat_verbs = NA_LEX_VOTE_VETO_THREAT_VERBS,
	L_veto_use_verbs = NA_LEX_VOTE_VETO_USE_VERBS,
	L_vote_direction_skips = NA_LEX_VOTE_VOTE_DIRECTION_SKIPS,
	L_vote_verb_markers = NA_LEX_VOTE_VOTE_VERB_MARKERS,
	L_voted_not_motion_words = NA_LEX_VOTE_VOTED_NOT_MOTION_WORDS,
	L_weekdays = NA_LEX_VOTE_WEEKDAYS,
};

#define MAX_TRIGGERS 255			/* a token's slot is one byte: at most 255 trigger words */
extern trigger_word triggers[MAX_TRIGGERS];

/*
 * The folded lexicon entry of token i, or -1.  The rules ask about the same
 * few tokens of a sentence in many lists: a token's entry is looked up once
 * per document and kept (c->token_entry), and each list is then a bit test.
 */
static inline int32_t
token_entry_of(const vctx *c, uint32_t i)
{
	if (c->token_entry[i] == 0)
	{
		const na_token *t = T(c, i);
		int32_t		entry = na_lex_find_folded(c->doc->text + t->start, t->len);

		c->token_entry[i] = entry < 0 ? -1 : entry + 1;
	}
	return c->token_entry[i] > 0 ? c->token_entry[i] - 1 : -1;
}

/* Is token i a word of list (an NA_LEX_ identifier)? */
static inline int
in_lex(const vctx *c, uint32_t i, na_lex_list list)
{
	const na_token *t;

	if (i >= c->doc->ntokens)
		return 0;
	if (na_lex_lists[list].exact)
	{
		t = T(c, i);
		return na_lex_has(list, c->doc->text + t->start, t->len);
	}
	return na_lex_in(list, token_entry_of(c, i));
}

/* in_list(c, i, aux_words): is token i a word of data/lexicon/vote_aux_words.tsv? */
#define in_list(c, i, list) in_lex((c), (i), (na_lex_list) L_##list)

/* token_lex[i]: the trigger's index + 1 in the low byte, flags above */
#define TRIGGER_SLOT_MASK 0x00FF
#define TOKEN_BODY_MAYBE 0x0100 /* body_at may find a body here; without it, not */
#define TOKEN_BODY_HEAD 0x0200	/* is_body_head */
#define TOKEN_BODY_GAZ 0x0400	/* the first word of a body of data/lexicon/vote_bodies.tsv */

/* The trigger word at token i, from the per-document table of na_votes_analyse. */
static inline const trigger_word *
trigger_of(const vctx *c, uint32_t i)
{
	uint16_t	slot = c->token_lex[i] & TRIGGER_SLOT_MASK;

	return slot ? &triggers[slot - 1] : NULL;
}

#define is_word_poss(c, i, w) is_word_poss_n((c), (i), "" w, sizeof(w) - 1)

typedef struct tally
{
	int32_t		votes_for;
	int32_t		votes_against;
	int32_t		abstentions;
	uint8_t		method;
	int			found;
} tally;

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
	uint32_t	verb;			/* the trigger's token + 1; 0 = none */
} position;

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
	int			rate_state;		/* the same for rate_setting_sentence: once a
								 * sentence, not once a trigger (a run-on
								 * sentence of many triggers stays linear) */
} sent_state;


/* votes_lexicon.c */
void votes_lexicon_init(void);
int32_t number_at(const vctx *c, uint32_t i);
void first_pass(vctx *c);

/* votes_tokens.c */
int is_punct(const vctx *c, uint32_t i, char ch);
int is_capitalized(const vctx *c, uint32_t i);
int is_boundary(const vctx *c, uint32_t i);
int range_parts(const vctx *c, uint32_t i, int32_t *parts);
void span_of(const vctx *c, uint32_t first, uint32_t end, na_vote_span *s);
void name_span_of(const vctx *c, uint32_t first, uint32_t end, na_vote_span *s);
int is_word_poss_n(const vctx *c, uint32_t i, const char *w, size_t n);
int in_lex_poss(const vctx *c, uint32_t i, na_lex_list list);

/* in_list_poss(c, i, body_nouns): a word of the list, or its possessive */
#define in_list_poss(c, i, list) in_lex_poss((c), (i), (na_lex_list) L_##list)
int is_possessive(const vctx *c, uint32_t i);
int is_word_or_modal_n(const vctx *c, uint32_t i, const char *w, size_t n);
int modal_contraction(const vctx *c, uint32_t k);
int and_verb_after_modal(vctx *c, uint32_t v, uint32_t first);
#define is_word_or_modal(c, i, w) is_word_or_modal_n((c), (i), "" w, sizeof(w) - 1)

/* votes_bodies.c */
int is_body_head(const vctx *c, uint32_t k);
uint32_t body_at(vctx *c, uint32_t i, body_ref *b);
int find_body(vctx *c, uint32_t from_tok, uint32_t to_tok, body_ref *b);
int context_body(vctx *c, uint32_t sentence, body_ref *b);
const char * chamber_of_members(vctx *c, const actor_ref *group);
int body_is_committee(vctx *c, const body_ref *b);

/* votes_elections.c */
int election_trigger(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw);
int turnout_vote(vctx *c, sent_state *st, uint32_t v);
int leader_in_count(vctx *c, sent_state *st, const tally *t);

/* votes_actors.c */
void person_of_place(vctx *c, sent_state *st, actor_ref *a);
int known_surname(vctx *c, uint32_t k, actor_ref *a);
int lone_name(vctx *c, uint32_t k, actor_ref *a);
int copula_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors, int max);
int rank_infinitive(vctx *c, sent_state *st, uint32_t v);
int infinitive_aim(vctx *c, sent_state *st, uint32_t v);
int purpose_after_past(vctx *c, sent_state *st, uint32_t v);
int voter_rank_before(vctx *c, sent_state *st, uint32_t k);
int motion_outcome(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw);
void roll_call_counts(vctx *c, sent_state *st);
int office_holder(vctx *c, uint32_t k, actor_ref *a);
int resolve_person(vctx *c, uint32_t p, actor_ref *a);
int party_at(vctx *c, uint32_t i, actor_ref *a);
int group_at(vctx *c, uint32_t i, actor_ref *a);
int state_at(vctx *c, uint32_t j, actor_ref *a);
int person_at(vctx *c, uint32_t i, actor_ref *a);
int place_is_actor(vctx *c, uint32_t j, const na_place_match *m);
int actor_at(vctx *c, uint32_t i, actor_ref *a);
int actor_ending_at(vctx *c, uint32_t q, uint32_t floor, actor_ref *a);
int actors_left(vctx *c, uint32_t q, uint32_t floor, actor_ref *out, int max);
int actors_right(vctx *c, uint32_t i, actor_ref *out, int max);
int resolve_pronoun(vctx *c, uint32_t p, uint32_t sent_first, actor_ref *a);
int resolve_actors(vctx *c, sent_state *st, actor_ref *actors, int n);
int is_adverb_ly(vctx *c, uint32_t k);
int lone_name_subject(vctx *c, uint32_t k, uint32_t v, actor_ref *actors);

/* votes_subjects.c */
int subject_walk(vctx *c, sent_state *st, uint32_t v, actor_ref *actors, int max, int *person_only_out);
int subject_of(vctx *c, sent_state *st, uint32_t v, actor_ref *actors, int max);

/* votes_motions.c */
int is_motion_head(const vctx *c, uint32_t i);
int motion_modifier(const vctx *c, uint32_t i);
uint32_t motion_right(vctx *c, uint32_t i, uint32_t *head);
/* The motion that starts at k (motion_right), if any, as p's motion. */
int motion_from(vctx *c, uint32_t k, position *p);
uint32_t phrase_right(vctx *c, uint32_t i, uint32_t max);
int is_time_word(const vctx *c, uint32_t k);
int is_year(vctx *c, uint32_t k);
int motion_left(vctx *c, uint32_t q, uint32_t floor, uint32_t *first, uint32_t *head);
int motion_definite(vctx *c, uint32_t first);
uint8_t modality_at(vctx *c, uint32_t v, uint32_t sent_first);
int historical_after(vctx *c, uint32_t v);

/* votes_tally.c */
int vote_context_before(vctx *c, uint32_t k, uint32_t sent_first);
int vote_context_after(vctx *c, uint32_t k);
int distractor_near(vctx *c, uint32_t k, uint32_t sent_first);
int named_members(vctx *c, uint32_t q, uint32_t s, uint32_t *after);
int abstaining_at(vctx *c, uint32_t q);
void abstentions_after(vctx *c, uint32_t k, tally *t);
int split_tally_at(vctx *c, uint32_t k, tally *t);
void sentence_tally(vctx *c, uint32_t s, tally *t);
int sentence_has_tally(vctx *c, sent_state *st);
int sentence_says_vote(vctx *c, sent_state *st);

/* votes_events.c */
int is_p5(const char *country);
int same_motion_word(vctx *c, uint32_t head);
uint32_t event_for(vctx *c, uint32_t sentence, int has_motion, int definite, uint32_t head, const body_ref *body, int body_given, uint32_t same_sentence_event);
vote_event * event_ptr(vctx *c, uint32_t event);
void emit(vctx *c, const position *p, uint32_t event);
int recent_event(vctx *c, uint32_t sentence, uint32_t n);
int motion_row_in_sentence(vctx *c, uint32_t s);
void emit_positions(vctx *c, sent_state *st, position *p, actor_ref *actors, int nactors);
uint8_t class_action(int cls);
uint8_t action_for_actor(uint8_t action, const actor_ref *a);
uint8_t class_outcome(int cls);
void restated_positions(vctx *c);
void propagate(vctx *c);
int row_cmp(const void *a, const void *b);
void dedupe(vctx *c);
void drop_unnamed_repeats(vctx *c);
void sort_rows(vctx *c);
void renumber(vctx *c);

/* votes_triggers.c */
uint32_t after_verb(vctx *c, uint32_t v);
int active_object_possible(vctx *c, sent_state *st, uint32_t v, int cls);
int override_holder(vctx *c, sent_state *st, uint32_t q, actor_ref *actors);
uint32_t vote_on_motion(vctx *c, uint32_t v, uint32_t *first, uint32_t *head);
int vote_direction(vctx *c, sent_state *st, uint32_t *qp);
void verb_trigger(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw);

/* votes_refusals.c */
int trigger_refused(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw);

/* votes_nouns.c */
void deadlock_trigger(vctx *c, sent_state *st, uint32_t v);
void noun_override(vctx *c, sent_state *st, uint32_t v);
void noun_veto(vctx *c, sent_state *st, uint32_t v);
void possessed_vote(vctx *c, sent_state *st, uint32_t v);
int confidence_vote_at(vctx *c, sent_state *st, uint32_t k, uint32_t *first, uint32_t *last);
int planned_vote_noun(vctx *c, sent_state *st, uint32_t v);
int noun_use(vctx *c, uint32_t v, uint32_t first);
void against_positions(vctx *c, sent_state *st);

/* votes_romance.c */
uint32_t romance_tally_at(vctx *c, uint32_t k, tally *t);
int romance_decision(vctx *c, sent_state *st);

/* votes.c */
void analyse_sentence(vctx *c, uint32_t s);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif							/* VOTES_INTERNAL_H */
