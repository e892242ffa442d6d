/*
 * na_votes.h - vote events: who vetoed, voted for or against, abstained,
 * blocked, sponsored, supported or opposed which motion in which body, with
 * the outcome and the tally where the text gives them.
 *
 * na_votes_analyse reads a scanned na_doc (the caller scans once and may run
 * other analysers on the same doc) and yields one position per actor and
 * piece of evidence, in text order.  Positions that belong to the same vote
 * share an event number ("the Kremlin vetoed a measure" ... "Russia and China
 * blocked the measure"); counts of past votes ("the Kremlin's seventh veto")
 * are reported with modality historical and no event.
 *
 * Everything is addressed by byte and character spans of doc->text; the only
 * strings the core owns are static (canonical countries, bodies, parties and
 * the enum names).
 */
#ifndef NA_VOTES_H
#define NA_VOTES_H

#include <stdint.h>

#include "na_mem.h"
#include "na_scan.h"

/* A piece of doc->text: bytes and characters (0-based, like na_token). */
typedef struct na_vote_span
{
	uint32_t	start;			/* byte offset */
	uint32_t	len;			/* bytes; 0 = absent */
	uint32_t	cstart;			/* character offset */
	uint32_t	clen;			/* characters */
} na_vote_span;

/* What the actor did; na_vote_action_name gives the SQL spelling. */
typedef enum na_vote_action
{
	NA_VA_VETO = 1,				/* vetoed; blocked as a permanent member */
	NA_VA_VOTE_FOR,				/* voted for, in favour, to approve */
	NA_VA_VOTE_AGAINST,			/* voted against, to reject; would defeat */
	NA_VA_ABSTAIN,				/* abstained */
	NA_VA_BLOCK,				/* blocked, filibustered (not a veto) */
	NA_VA_SPONSOR,				/* proposed, drafted, sponsored, tabled */
	NA_VA_SUPPORT,				/* backed, endorsed, supported */
	NA_VA_OPPOSE,				/* opposed */
	NA_VA_ADOPT,				/* a body adopted it */
	NA_VA_REJECT,				/* a body rejected, voted down */
	NA_VA_VOTE,					/* took part in a vote, side not stated (no row
								 * of the codebook: rare, kept for the tally) */
	NA_VA_PASS,					/* a body passed it (passed, carried) */
	NA_VA_APPROVE,				/* a body approved it (approved, ratified, voted for) */
	NA_VA_CONFIRM,				/* a body confirmed a nominee */
	NA_VA_OVERRIDE,				/* a body overrode a veto */
	NA_VA_ELECT,				/* an electorate chose (voters elected, turned out to vote) */
	NA_VA_WIN,					/* a candidate or party won (negated: lost) */
	NA_VA_SCHEDULE,				/* a vote set for a date (will vote on Thursday) */
	NA_VA_COUNT
} na_vote_action;

/* Who the actor is; na_vote_actor_kind_name gives the SQL spelling. */
typedef enum na_vote_actor_kind
{
	NA_VK_NONE = 0,				/* no actor in the text (a passive outcome) */
	NA_VK_COUNTRY,				/* Russia, from "the Kremlin", "Moscow", "the Russians" */
	NA_VK_PARTY,				/* Republicans, Labour */
	NA_VK_PERSON,				/* Susan Collins */
	NA_VK_BODY,					/* the Senate, the Security Council */
	NA_VK_GROUP,				/* lawmakers, 52 senators, dozens of countries */
	NA_VK_COUNT
} na_vote_actor_kind;

/* How the vote ended, as the text says it. */
typedef enum na_vote_outcome
{
	NA_VO_NONE = 0,
	NA_VO_ADOPTED,				/* adopted, approved */
	NA_VO_PASSED,				/* passed, confirmed, carried */
	NA_VO_REJECTED,				/* rejected, voted down, defeated */
	NA_VO_FAILED,				/* failed, fell short */
	NA_VO_VETOED,
	NA_VO_COUNT
} na_vote_outcome;

/* How sure the text is that the position was taken. */
typedef enum na_vote_modality
{
	NA_VM_ASSERTED = 1,			/* the Kremlin vetoed a measure */
	NA_VM_NEGATED,				/* China did not veto; refrained from blocking */
	NA_VM_PLANNED,				/* will vote, is expected to, plans to, is set to */
	NA_VM_HYPOTHETICAL,			/* would or could veto, if ..., threatened to */
	NA_VM_HISTORICAL,			/* a count of past votes: its seventh veto */
	NA_VM_COUNT
} na_vote_modality;

/* How the vote was taken, where the text says it. */
typedef enum na_vote_method
{
	NA_VME_NONE = 0,
	NA_VME_UNANIMOUS,			/* unanimously, a unanimous vote */
	NA_VME_SHOW_OF_HANDS,
	NA_VME_VOICE_VOTE,
	NA_VME_ACCLAMATION,
	NA_VME_CONSENSUS,			/* without a vote, by consensus */
	NA_VME_SECRET_BALLOT,
	NA_VME_COUNT
} na_vote_method;

#define NA_VOTE_NO_COUNT (-1)	/* votes_for/against/abstentions not given */

typedef struct na_vote
{
	uint32_t	sentence;		/* 0-based */
	na_vote_span evidence;		/* the words that state the position */
	const char *actor;			/* canonical (static), or NULL: see actor_span */
	na_vote_span actor_span;	/* the actor as written (len 0 = none) */
	uint8_t		actor_kind;		/* na_vote_actor_kind */
	uint8_t		action;			/* na_vote_action */
	uint8_t		outcome;		/* na_vote_outcome */
	uint8_t		modality;		/* na_vote_modality */
	uint8_t		method;			/* na_vote_method */
	const char *body;			/* canonical (static), or NULL: see body_span */
	na_vote_span body_span;		/* the body as written (len 0 = none) */
	na_vote_span motion;		/* the motion as written (len 0 = none) */
	int32_t		votes_for;		/* NA_VOTE_NO_COUNT when not given */
	int32_t		votes_against;
	int32_t		abstentions;
	uint32_t	event;			/* 1-based vote within the document; 0 = none
								 * (historical counts) */
} na_vote;

typedef struct na_vote_result
{
	na_vote    *votes;			/* in text order */
	uint32_t	nvotes;
	uint32_t	nevents;
} na_vote_result;

/*
 * Find the vote positions of a scanned document.  On NA_OK, out holds an
 * array allocated through mem (free with na_vote_result_free); on error out
 * is left empty.
 */
na_status	na_votes_analyse(const na_doc *doc, const na_mem *mem, na_vote_result *out);

/*
 * Who says the words at a byte offset of the text.  A vote told in the first
 * person inside a quotation ("“I will vote against it,” said Councillor
 * Reyes") is the speaker's, but who the speaker is comes from the quotes
 * analysis, which the vote analysis does not run itself: the caller gives
 * it (na_analyse does).  speaker_at returns 1 and sets the speaker's name
 * as tokens [*name_first, *name_end) of the document when offset lies in a
 * quotation or report whose speaker the article names, else 0; it records
 * its own failures (the caller reports them).
 */
typedef struct na_vote_speakers
{
	int			(*speaker_at) (void *arg, uint32_t offset, uint32_t *name_first, uint32_t *name_end);
	void	   *arg;
} na_vote_speakers;

/*
 * na_votes_analyse with the speakers of the document's quotations (NULL:
 * none, and a vote in the first person has no actor, so no row).
 */
na_status	na_votes_analyse_with(const na_doc *doc, const na_vote_speakers *speakers,
								  const na_mem *mem, na_vote_result *out);

void		na_vote_result_free(na_vote_result *result, const na_mem *mem);

/* SQL spellings ("veto", "vote_for", ...; "country", ...; "adopted", ...;
 * "asserted", ...; "unanimous", "show_of_hands", ...); NULL for none/out of range. */
const char *na_vote_action_name(int action);
const char *na_vote_actor_kind_name(int kind);
const char *na_vote_outcome_name(int outcome);
const char *na_vote_modality_name(int modality);
const char *na_vote_method_name(int method);

#endif							/* NA_VOTES_H */
