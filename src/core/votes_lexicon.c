/*
 * votes_lexicon.c - the vote analyser's view of its word lists: the lists
 * themselves are data (data/lexicon/vote_*.tsv, compiled by scripts/gen-lexicon
 * into lexicon_data.c, looked up through na_lexicon.h like every list); here
 * the trigger table is read from them, and the first pass runs: the
 * lexicon's shape filter of the first pass's words refuses nearly every
 * token with one bit test, and the few it passes are looked up, so that the
 * tokens and the sentences the analysis reads closely are marked.
 */
#include <stdlib.h>

#include "votes_internal.h"
#include "na_lexicon.h"

/*
 * The trigger words of data/lexicon/vote_triggers.tsv with their class and
 * form, row by row, decoded once per process (votes_lexicon_init) from the
 * list's attributes; trigger_of indexes it by row + 1.
 */
trigger_word triggers[MAX_TRIGGERS];
static int	triggers_ready;

/* A trigger's class by its name in vote_triggers.tsv (the enum's own spelling, lower case). */
static uint8_t
trigger_class(const char *name)
{
	static const struct
	{
		char		name[12];
		uint8_t		cls;
	}			classes[] = {
		{"veto", W_VETO}, {"block", W_BLOCK}, {"vote", W_VOTE}, {"abstain", W_ABSTAIN},
		{"sponsor", W_SPONSOR}, {"support", W_SUPPORT}, {"oppose", W_OPPOSE}, {"defeat", W_DEFEAT},
		{"adopt", W_ADOPT}, {"pass", W_PASS}, {"reject", W_REJECT}, {"fail", W_FAIL},
		{"unanimous", W_UNANIMOUS}, {"tally", W_TALLY}, {"win", W_WIN}, {"lose", W_LOSE},
		{"elect", W_ELECT}, {"override", W_OVERRIDE}, {"gain", W_GAIN},
		{"campaign", W_CAMPAIGN}, {"held", W_HELD},
		{"deadlock", W_DEADLOCK}
	};

	for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
		if (strcmp(classes[k].name, name) == 0)
			return classes[k].cls;
	return W_NONE;
}

/* A trigger's form flags by their name in vote_triggers.tsv. */
static uint8_t
trigger_form(const char *name)
{
	if (strcmp(name, "participle") == 0)
		return WF_PARTICIPLE;
	if (strcmp(name, "noun") == 0)
		return WF_NOUN_TOO;
	if (strcmp(name, "gerund") == 0)
		return WF_GERUND;
	/* "dismissed by the senate" is a vote; "the Tories dismissed the plan" a stance */
	if (strcmp(name, "passive") == 0)
		return WF_PARTICIPLE | WF_PASSIVE_ONLY;
	return 0;
}

/* the longest word the first pass marks ("parliamentarians" and a possessive) */
#define FIRST_PASS_MAXLEN 24


/*
 * Might token t be a word the first pass marks, by kind, case and length?
 * Asked only of the few tokens the filter passes (see first_pass).
 */
static inline int
lex_eligible(const na_token *t)
{
	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return 0;
	if (t->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS))
		return t->len >= 2 && t->len <= FIRST_PASS_MAXLEN;
	/* lower-case words the lexicon has are 4 to 13 bytes long: "the", "of", "and" miss here */
	return t->len >= 3 && t->len <= 13;
}

/*
 * What the lists say of a word the first pass reads: its trigger (row + 1
 * in vote_triggers.tsv, 0 none) and whether it is a body word written in
 * lower case, a body head, the first word of a body body_at names, or the
 * first word of a body of the gazetteer (vote_bodies.tsv).  A possessive
 * ("Council's", "Senate’s") is read through its possessor.
 */
typedef struct first_pass_word
{
	uint8_t		trigger;
	bool		lower_body;
	bool		body_head;
	bool		body_start;
	bool		gazetteer;
} first_pass_word;

/*
 * May the folded word at w start a key of vote_bodies.tsv?  The lexicon's
 * first-word filter of the list answers most words before the search.
 */
static bool
gazetteer_first_word(const char *w, uint32_t len)
{
	char		folded[NA_LEX_KEY_MAX];
	size_t		n = na_lex_fold(w, len, folded, sizeof(folded));
	uint32_t	h;

	if (n == (size_t) -1)
		return false;
	h = na_lex_hash(folded, n) & (NA_LEX_FIRST_WORD_BITS - 1);
	if (!((na_lex_first_words[NA_LEX_VOTE_BODIES][h >> 6] >> (h & 63)) & 1))
		return false;
	return na_lex_starts_phrase(NA_LEX_VOTE_BODIES, w, len);
}

/*
 * The first-pass lists' answers for token t (see first_pass_word).  A word
 * in lower case can only be a trigger or a lower-case body: the other
 * lists, and the gazetteer's search, are asked of capitalized words only.
 */
static first_pass_word
first_pass_lookup(const vctx *c, uint32_t i)
{
	first_pass_word fw = {0, false, false, false, false};
	const na_token *t = T(c, i);
	const char *w = c->doc->text + t->start;
	uint32_t	len = t->len;
	int32_t		entry = token_entry_of(c, i);
	int32_t		possessor = -1;
	bool		capitalized = (t->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)) != 0;

	if ((w[len - 1] | 0x20) != 's')
		;
	else if (len > 2 && w[len - 2] == '\'')
		possessor = na_lex_find_folded(w, len - 2);
	else if (len > 4 && memcmp(w + len - 4, "\xE2\x80\x99", 3) == 0)
		possessor = na_lex_find_folded(w, len - 4);
	if (entry >= 0)
	{
		if (na_lex_in(NA_LEX_VOTE_TRIGGERS, entry))
		{
			uint32_t	row = na_lex_row_of(NA_LEX_VOTE_TRIGGERS, entry);

			if (row < MAX_TRIGGERS)
				fw.trigger = (uint8_t) (row + 1);
		}
		fw.lower_body = na_lex_in(NA_LEX_VOTE_LOWER_BODIES, entry);
	}
	if (possessor >= 0)
		fw.lower_body |= na_lex_in(NA_LEX_VOTE_LOWER_BODIES, possessor);
	if (!capitalized)
		return fw;
	if (entry >= 0)
	{
		fw.body_head = na_lex_in(NA_LEX_VOTE_BODY_HEADS, entry);
		fw.body_start = na_lex_in(NA_LEX_VOTE_BODY_STARTS, entry);
		fw.gazetteer = na_lex_in(NA_LEX_VOTE_BODIES, entry);
	}
	if (possessor >= 0)
	{
		fw.body_head |= na_lex_in(NA_LEX_VOTE_BODY_HEADS, possessor);
		fw.body_start |= na_lex_in(NA_LEX_VOTE_POSSESSIVE_BODY_STARTS, possessor);
		fw.gazetteer |= na_lex_in(NA_LEX_VOTE_BODIES, possessor);
	}
	else if (!fw.gazetteer)
		fw.gazetteer = gazetteer_first_word(w, len);
	return fw;
}

/*
 * The first-pass flags of token t, whose lists say fw: its trigger
 * (triggers are lower-case words, capitalized only at a sentence start) and
 * its body flags, the same tests as is_body_head and a superset of the
 * tokens body_at accepts.
 */
static inline uint16_t
first_pass_flags(const char *text, const na_token *t, const first_pass_word *fw)
{
	uint16_t	f = 0;

	if (fw->trigger && t->kind == NA_TK_WORD && t->len >= 3 && t->len <= 12 &&
		(!(t->flags & NA_TF_CAPITALIZED) || (t->flags & NA_TF_SENT_START)))
		f = fw->trigger;
	if (!(t->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)))
	{
		if (fw->lower_body && t->len >= 5 && t->len <= 13)
			f |= TOKEN_BODY_MAYBE;
		return f;
	}
	if (fw->body_start)
		f |= TOKEN_BODY_MAYBE;
	if (fw->gazetteer)
		f |= TOKEN_BODY_MAYBE | TOKEN_BODY_GAZ;
	if (fw->body_head && (t->flags & NA_TF_CAPITALIZED) && t->len >= 4 && t->len <= 14 &&
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
	/* "no", "none", "zero" .. "twenty" (data/lexicon/vote_number_words.tsv):
	 * the scanner's flag of the first pass's words (number words among
	 * them) refuses most words before the lookup */
	if (!(t->flags & NA_TF_VOTE_SHAPE))
		return -1;
	{
		int32_t		entry = token_entry_of(c, i);

		if (!na_lex_in(NA_LEX_VOTE_NUMBER_WORDS, entry))
			return -1;
		return atoi(na_lex_attr(NA_LEX_VOTE_NUMBER_WORDS, na_lex_row_of(NA_LEX_VOTE_NUMBER_WORDS, entry),
								NA_LEX_VOTE_NUMBER_WORDS_VALUE));
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
		first_pass_word fw;
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
		 * The scanner's flag first (NA_TF_VOTE_SHAPE: the lexicon's filter
		 * of the words read here): it rejects nearly every token, so its
		 * branch is well predicted, and only the few it passes pay for
		 * lex_eligible and the lookup.
		 */
		if (!(t->flags & NA_TF_VOTE_SHAPE) || !lex_eligible(t))
		{
			flags[i] = 0;
			continue;
		}
		fw = first_pass_lookup(c, i);
		f = first_pass_flags(text, t, &fw);
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

/*
 * Decodes the trigger table from vote_triggers.tsv's class and form columns,
 * once per process: the analysis asks a trigger's class of every candidate
 * token, and an enum is cheaper to test than the column's text.
 */
void
votes_lexicon_init(void)
{
	const na_lex_list_info *tl = &na_lex_lists[NA_LEX_VOTE_TRIGGERS];

	if (triggers_ready)
		return;
	for (uint32_t r = 0; r < tl->nrows && r < MAX_TRIGGERS; r++)
	{
		trigger_word *t = &triggers[r];

		t->word = na_lex_key(NA_LEX_VOTE_TRIGGERS, r);
		t->cls = trigger_class(na_lex_attr(NA_LEX_VOTE_TRIGGERS, r, NA_LEX_VOTE_TRIGGERS_CLASS));
		t->form = trigger_form(na_lex_attr(NA_LEX_VOTE_TRIGGERS, r, NA_LEX_VOTE_TRIGGERS_FORM));
	}
	triggers_ready = 1;
}
