/*
 * speakers_internal.h - what the files of the speaker analysis share
 * (speaker_names.c: names and mentions; speaker_entities.c: the entities
 * they name; speaker_pronouns.c: he,
 * she and it; speaker_descriptions.c: descriptions, organisations and
 * documents as sources; speakers.c: the speakers of the result and the
 * people keys of a corpus).  Internal to the core: the quote analysis calls
 * the q_* entry points of quote_internal.h.
 */
#ifndef NA_SPEAKERS_INTERNAL_H
#define NA_SPEAKERS_INTERNAL_H

#include "quote_internal.h"

#define PHRASE_MAX 8			/* tokens of a role phrase */
#define LINK_WINDOW 512			/* entities a new name is compared with */
#define MAX_ALIASES 16			/* spellings kept per speaker */

static inline q_entity *
entity(qctx *q, uint32_t e)
{
	return &((q_entity *) q->entities.items)[e];
}

static inline q_mention *
mention(qctx *q, uint32_t m)
{
	return &((q_mention *) q->mentions.items)[m];
}

const char *sp_org_kind_of(const qctx *q, uint32_t i, int described);
int			sp_given_name_gender(const qctx *q, uint32_t i);

/*
 * sp_given_name_gender of mention m's first token, asked once a mention:
 * linking it to an entity and judging it a person asked up to three times.
 */
static inline int
sp_mention_given_gender(const qctx *q, q_mention *m)
{
	if (m->given == Q_GIVEN_UNASKED)
		m->given = (int8_t) sp_given_name_gender(q, m->first);
	return m->given;
}
uint32_t	sp_name_prefix_at(const qctx *q, uint32_t i, uint8_t *kind);
int			sp_same_name(const qctx *q, uint32_t a1, uint32_t a2, uint32_t b1, uint32_t b2);
uint32_t	sp_name_key(const qctx *q, uint32_t i);
int			sp_name_has_joint(const qctx *q, uint32_t first, uint32_t last);
int			sp_modifier_mention(const qctx *q, const q_mention *m);
int			sp_starts_sentence(qctx *q, uint32_t k);
int			sp_mention_reports(const qctx *q, const q_mention *m);

/* speaker_entities.c */
uint32_t	sp_key_bucket(uint32_t key);
int			sp_name_stands_alone(const qctx *q, uint32_t k);
int			sp_link_mention(qctx *q, q_mention *m, uint32_t mi, int place);
void		sp_note_person(qctx *q, const q_entity *e);
q_entity   *sp_new_entity(qctx *q, uint32_t first, uint32_t last);

/* speaker_pronouns.c */
void		sp_organisation_words(const qctx *q, q_entity *e);
uint32_t	sp_first_mention_from(qctx *q, uint32_t tok);
int			sp_name_contraction(const qctx *q, const q_mention *m);

/* speaker_descriptions.c */
const char *sp_office_of(const qctx *q, uint32_t i);
uint32_t	sp_office_holder(qctx *q, uint32_t first, uint32_t last, int possessive_ok);
int			sp_same_word_any_case(const qctx *q, uint32_t a, uint32_t b);

#endif							/* NA_SPEAKERS_INTERNAL_H */
