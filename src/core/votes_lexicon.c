/*
 * votes_lexicon.c - the vote analyser's view of its word lists: the lists
 * themselves are data (data/lexicon/vote_*.tsv, compiled by scripts/gen-lexicon
 * into lexicon_data.c, looked up through na_lexicon.h like every list); here
 * the trigger table is filled from them once per process, and the first
 * pass runs: one probe per token into a small index of trigger words and
 * body words marks the tokens and the sentences the analysis reads closely.
 */
#include <stdlib.h>

#include "votes_internal.h"
#include "na_lexicon.h"

/*
 * The trigger words of data/lexicon/vote_triggers.tsv with their class and
 * form, filled once per process (build_lexicon); trigger_of indexes it.
 */
trigger_word triggers[MAX_TRIGGERS];
static uint32_t ntriggers;

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
		{"elect", W_ELECT}, {"override", W_OVERRIDE}, {"gain", W_GAIN}
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
	return 0;
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

/* ASCII case-insensitive comparison of a word of the text with a folded key. */
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

/*
 * The first-pass entry of the n bytes at w, or NULL; the filter refuses most
 * words before the table is probed.
 */
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

/*
 * Builds the first-pass table (trigger words and the words that open a body)
 * from the generated lexicon, once per process: the first pass asks it about
 * every word of the text, so one probe must answer all of those questions.
 */
void
build_lexicon(void)
{
	/* the forms of a body word the first pass marks: as written and possessive (not a word list) */
	static const char possessive[3][5] = {"", "'s", "\xE2\x80\x99s"};
	lex_entry  *e;

	const na_lex_list_info *tl = &na_lex_lists[NA_LEX_VOTE_TRIGGERS];

	for (uint32_t r = 0; r < tl->nrows && ntriggers < MAX_TRIGGERS; r++)
	{
		trigger_word *t = &triggers[ntriggers];

		t->word = na_lex_key(NA_LEX_VOTE_TRIGGERS, r);
		t->cls = trigger_class(na_lex_attr(NA_LEX_VOTE_TRIGGERS, r, NA_LEX_VOTE_TRIGGERS_CLASS));
		t->form = trigger_form(na_lex_attr(NA_LEX_VOTE_TRIGGERS, r, NA_LEX_VOTE_TRIGGERS_FORM));
		if ((e = lex_add(t->word, "")) != NULL)
			e->trigger = (uint8_t) (++ntriggers);
	}
	for (uint32_t r = 0; r < na_lex_lists[NA_LEX_VOTE_LOWER_BODIES].nrows; r++)
		for (int p = 0; p < 3; p++)
			if ((e = lex_add(na_lex_key(NA_LEX_VOTE_LOWER_BODIES, r), possessive[p])) != NULL)
				e->lower_body = 1;
	if ((e = lex_add("referendum", "")) != NULL)
		e->lower_body = 1;
	for (uint32_t r = 0; r < na_lex_lists[NA_LEX_VOTE_BODY_HEADS].nrows; r++)
		for (int p = 0; p < 3; p++)
			if ((e = lex_add(na_lex_key(NA_LEX_VOTE_BODY_HEADS, r), possessive[p])) != NULL)
				e->body_head = 1;
	for (uint32_t r = 0; r < na_lex_lists[NA_LEX_VOTE_BODY_STARTS].nrows; r++)
		if ((e = lex_add(na_lex_key(NA_LEX_VOTE_BODY_STARTS, r), "")) != NULL)
			e->body_start = 1;
	for (uint32_t r = 0; r < na_lex_lists[NA_LEX_VOTE_NUMBER_WORDS].nrows; r++)
		if ((e = lex_add(na_lex_key(NA_LEX_VOTE_NUMBER_WORDS, r), "")) != NULL)
			e->number = (int8_t) atoi(na_lex_attr(NA_LEX_VOTE_NUMBER_WORDS, r, NA_LEX_VOTE_NUMBER_WORDS_VALUE));
	if ((e = lex_add("none", "")) != NULL)
		e->number = 0;
	if ((e = lex_add("no", "")) != NULL)
		e->number = 0;
	for (uint32_t r = 0; r < na_lex_lists[NA_LEX_VOTE_POSSESSIVE_BODY_STARTS].nrows; r++)
		for (int p = 1; p < 3; p++)
			if ((e = lex_add(na_lex_key(NA_LEX_VOTE_POSSESSIVE_BODY_STARTS, r), possessive[p])) != NULL)
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
		for (int p = 0; p < 3; p++)
			if ((e = lex_add(first, p == 0 || !space ? possessive[p] : "")) != NULL)
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

/* Build the first-pass lexicon once per process. */
void
votes_lexicon_init(void)
{
	if (!lex_ready)
		build_lexicon();
}
