/*
 * votes_bodies.c - bodies a vote is held in: named chambers and councils, "the council",
 * "Iran's parliament", a referendum; the body named earlier in the article.
 */
#include "votes_internal.h"
#include "na_lexicon.h"

/* Is the word at p, or the possessor of "X's"/"X’s", a word of list? */
static inline int
word_or_possessor_in(const char *p, uint32_t len, na_lex_list list)
{
	if (na_lex_has(list, p, len))
		return 1;
	if (len > 2 && p[len - 2] == '\'' && (p[len - 1] == 's' || p[len - 1] == 'S'))
		return na_lex_has(list, p, len - 2);
	if (len > 4 && memcmp(p + len - 4, "\xE2\x80\x99s", 4) == 0)
		return na_lex_has(list, p, len - 4);
	return 0;
}

/* Is token k a body head, possibly possessive ("Council’s")? */
int
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
	return word_or_possessor_in(c->doc->text + t->start, t->len, NA_LEX_VOTE_BODY_HEADS);
}

/*
 * May a body begin at token i of sentence s?  The quick refusals of body_at,
 * which the context walk calls on every token: a lower-case body is one of
 * a few words of 5 to 13 letters, a capitalised one is a name known by its
 * first word or a run of capitalised words reaching a body head.  0 refuses;
 * 1 means body_at must look.
 */
static int
body_may_start_at(vctx *c, uint32_t i, uint32_t s)
{
	uint32_t	end;

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
				maybe = is_word_poss(c, i, "council") || is_word_poss(c, i, "committee") ||
					is_word_poss(c, i, "cabinet") || is_word_poss(c, i, "congress");
				break;
			case 's':
				maybe = is_word_poss(c, i, "senate");
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
		/* the first words of the bodies named below and in vote_bodies.tsv */
		int			named = in_list_poss(c, i, body_starts);

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
	return 1;
}

/*
 * A body written in lower case at i, as written: "the Argentine congress",
 * "the island nation's cabinet", "the city council", a referendum.  Returns
 * its end, or 0.
 */
static uint32_t
lower_case_body_at(vctx *c, uint32_t i, uint32_t s, body_ref *b)
{
	/* "the Argentine congress", "the senate", "the island nation's cabinet": as written */
	if (is_word_poss(c, i, "parliament") || is_word_poss(c, i, "cabinet") || is_word_poss(c, i, "congress") ||
		is_word_poss(c, i, "senate"))
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
	if (in_list_poss(c, i, body_nouns))
	{
		b->end = i + 1;
		if (i >= 1 && in_sentence(c, i - 1, s) && T(c, i - 1)->kind == NA_TK_WORD &&
			in_list(c, i - 1, body_level_words))
			b->first = i - 1;
		return b->end;
	}
	if (is_word(c, i, "referendum"))
	{
		b->canonical = "referendum";
		b->end = i + 1;
		return b->end;
	}
	return 0;
}

/*
 * Does a UN prefix start at i ("UN", "U.N.", "United Nations")?  The UN's
 * bodies are in vote_bodies.tsv; a prefix before no body found there names
 * a body the analyser does not know ("the UN Human Rights Committee"), and
 * it must not become one by the rules for capitalised words.
 */
static int
un_prefix_at(vctx *c, uint32_t i)
{
	return is_word(c, i, "UN") || is_word(c, i, "U.N.") || is_word(c, i, "U.N") ||
		(is_word(c, i, "United") && is_word(c, i + 1, "Nations"));
}

/*
 * The chambers whose bare names need the words around them, which a
 * gazetteer cannot see: the House (not the White House, nor a "House of"
 * vote_bodies.tsv does not name), a House or Senate committee, the Senate
 * (not the Senate Judiciary Committee), Congress (not the Congress Party),
 * "the Council" once the Security Council was named.  Returns 1 with b set,
 * -1 when the words name no body (the White House), 0 when they are none of
 * these.
 */
static int
named_body_at(vctx *c, uint32_t i, uint32_t s, body_ref *b)
{
	if (is_word(c, i, "House") && i > 0 && in_sentence(c, i - 1, s) &&
		in_list(c, i - 1, house_not_chamber))
		return -1;
	/* "a House panel", "the Senate committee": a committee of the chamber, as written */
	if ((is_word(c, i, "House") || is_word(c, i, "Senate")) && in_sentence(c, i + 1, s) &&
		(is_word_poss(c, i + 1, "panel") || is_word_poss(c, i + 1, "committee") ||
		 is_word_poss(c, i + 1, "subcommittee")))
	{
		b->end = i + 2;
		return 1;
	}
	if (is_word_poss(c, i, "House") && !is_word(c, i + 1, "of"))
	{
		b->canonical = "House of Representatives";
		b->end = i + 1;
		return 1;
	}
	if (is_word_poss(c, i, "Senate"))
	{
		b->canonical = "Senate";
		/* the Senate Judiciary Committee: a committee */
		if (!(is_capitalized(c, i + 1) && in_sentence(c, i + 1, s) &&
			  (is_word_poss(c, i + 2, "Committee") || is_word_poss(c, i + 3, "Committee"))))
		{
			b->end = i + 1;
			return 1;
		}
		b->canonical = NULL;
	}
	if (is_word_poss(c, i, "Congress") && !is_word(c, i + 1, "Party"))
	{
		b->canonical = "Congress";
		b->end = i + 1;
		return 1;
	}
	if (is_word_poss(c, i, "Council") && c->unsc_seen && i > 0 && is_word(c, i - 1, "the"))
	{
		b->canonical = "UN Security Council";
		b->end = i + 1;
		return 1;
	}
	return 0;
}

/*
 * A run of up to six capitalized words ending in a body head ("the Finance
 * Committee", "the Kenyan Parliament").  Returns its end, or 0.
 */
static uint32_t
capitalized_body_at(vctx *c, uint32_t i, uint32_t s, body_ref *b)
{
	uint32_t	end;

	end = i;
	while (end < i + 6 && in_sentence(c, end, s) && is_capitalized(c, end) &&
		   T(c, end)->kind == NA_TK_WORD)
	{
		if (is_body_head(c, end))
		{
			/*
			 * the Court, Board alone are too vague; Parliament, the
			 * Assembly alone are chambers (data/lexicon/vote_lone_body_heads.tsv)
			 */
			if (end == i && !in_lex_poss(c, i, NA_LEX_VOTE_LONE_BODY_HEADS))
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

/*
 * A body mentioned at token i ("the" not included): the Security Council, the
 * Senate, the House, Iran's parliament, the Monetary Policy Committee.
 * Returns the end token, or 0.
 */
uint32_t
body_at(vctx *c, uint32_t i, body_ref *b)
{
	uint32_t	s;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	if (T(c, i)->kind != NA_TK_WORD && T(c, i)->kind != NA_TK_ABBREV)
		return 0;
	/* a chamber of data/lexicon/vote_bodies.tsv, the longest that the words spell */
	if ((c->token_lex[i] & TOKEN_BODY_GAZ) && is_capitalized(c, i))
	{
		uint32_t	n;
		int32_t		row = na_lex_longest_possessive(NA_LEX_VOTE_BODIES, c->doc, i, &n);

		if (row >= 0)
		{
			const char *context = na_lex_attr(NA_LEX_VOTE_BODIES, (uint32_t) row,
											  NA_LEX_VOTE_BODIES_CONTEXT);

			b->canonical = na_lex_attr(NA_LEX_VOTE_BODIES, (uint32_t) row, NA_LEX_VOTE_BODIES_CANONICAL);
			b->first = i;
			/* "the Council" is the Security Council once named; "the UN" context */
			if (strcmp(context, "un_security_council") == 0)
				c->unsc_seen = 1;
			if (strcmp(context, "none") != 0)
				c->un_context = 1;
			return b->end = i + n;
		}
	}
	if (!body_may_start_at(c, i, s))
		return 0;
	b->canonical = NULL;
	b->first = i;
	if (!is_capitalized(c, i))
		return lower_case_body_at(c, i, s, b);
	if (un_prefix_at(c, i))
		return 0;				/* a UN prefix before no UN body of vote_bodies.tsv */
	switch (named_body_at(c, i, s, b))
	{
		case 1:
			return b->end;
		case -1:
			return 0;
		default:
			return capitalized_body_at(c, i, s, b);
	}
}

/* A body mentioned in sentence s, or the latest one before it (within 30 sentences). */
int
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
int
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

/*
 * The chamber a group actor's head noun names ("peers": the House of
 * Lords), from data/lexicon/vote_chamber_members.tsv, or NULL.
 */
const char *
chamber_of_members(vctx *c, const actor_ref *group)
{
	const na_token *t;
	int32_t		row;

	if (group->name_end <= group->name_first)
		return NULL;
	t = T(c, group->name_end - 1);
	row = na_lex_lookup(NA_LEX_VOTE_CHAMBER_MEMBERS, c->doc->text + t->start, t->len);
	return row < 0 ? NULL : na_lex_attr(NA_LEX_VOTE_CHAMBER_MEMBERS, (uint32_t) row,
										NA_LEX_VOTE_CHAMBER_MEMBERS_CHAMBER);
}

/* A committee or panel, named by a span ending in that word? */
int
body_is_committee(vctx *c, const body_ref *b)
{
	return b->canonical == NULL && b->end > b->first &&
		(is_word_poss(c, b->end - 1, "committee") || is_word_poss(c, b->end - 1, "subcommittee") ||
		 is_word_poss(c, b->end - 1, "panel"));
}
