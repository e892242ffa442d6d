/*
 * tsparser.c - news_analysis.news_parser: the scanner as a text search parser.
 *
 * The parser protocol (start, gettoken, end, lextype) is PostgreSQL's; the
 * tokens are the scanner's, so to_tsvector, ts_debug and ts_headline see the
 * same words, abbreviations, numbers and quotes as tokenize().  Every byte of
 * the input is returned exactly once as some token (gaps as "blank"), which
 * ts_headline needs to rebuild the text.
 *
 * Compound tokens are followed by their parts, as in the default parser:
 *   hword    Russia-backed  then  Russia (hword_part) - (blank) backed (hword_part)
 *   money    $2.5 billion   then  $ (symbol) 2.5 (number) ' ' (blank) billion (word)
 *   hashtag  #Brexit        then  # (blank) Brexit (word)
 * Their ids are those the default parser gives compounds (5, 15, 17), so the
 * built-in prsd_headline skips the compound and prints the parts.
 *
 * Words are split at inner apostrophes (Kremlin’s: Kremlin, ’, s), which is
 * what english_stem and the english stop words expect.  Abbreviations and
 * initials are returned without their final full stop (U.S. gives "U.S",
 * Mr. gives "Mr"), so "U.S." and "U.S", "Mr." and "Mr" index alike.
 * Tokens of 2047 bytes or more (the limit of a lexeme) are returned as blank:
 * they are not indexed, and to_tsvector stays silent about them.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "tsearch/ts_public.h"

#include "na_pg.h"
#include "na_unicode.h"

PG_FUNCTION_INFO_V1(na_ts_start);
PG_FUNCTION_INFO_V1(na_ts_nexttoken);
PG_FUNCTION_INFO_V1(na_ts_end);
PG_FUNCTION_INFO_V1(na_ts_lextype);

/*
 * Token type ids.  12 is the default parser's blank, and 5, 15 and 17 are the
 * ids prsd_headline skips (compounds whose parts follow); the other ids that
 * prsd_headline treats specially (13, 16) are left unused.
 */
#define TT_WORD			1
#define TT_HWORD_PART	2
#define TT_ABBREV		3
#define TT_INITIAL		4
#define TT_HASHTAG		5
#define TT_NUMBER		6
#define TT_RANGE		9
#define TT_PERCENT		10
#define TT_OPEN_QUOTE	11
#define TT_BLANK		12
#define TT_CLOSE_QUOTE	14
#define TT_MONEY		15
#define TT_HWORD		17
#define TT_PUNCT		18
#define TT_DASH			19
#define TT_ELLIPSIS		24
#define TT_URL			25
#define TT_EMAIL		26
#define TT_HANDLE		27
#define TT_SYMBOL		29
#define TT_EMOJI		30
#define TT_IDEOGRAPH	31

/* the longest lexeme to_tsvector accepts is MAXSTRLEN - 1 bytes */
#define MAX_TOKEN_BYTES 2047

static const struct
{
	int			id;
	const char *alias;
	const char *descr;
}			token_types[] = {
	{TT_WORD, "word", "Word, all letters and digits"},
	{TT_HWORD_PART, "hword_part", "Part of a hyphenated word"},
	{TT_ABBREV, "abbreviation", "Abbreviation without its final full stop: Mr, U.S, a.m"},
	{TT_INITIAL, "initial", "Initial of a name without its full stop"},
	{TT_HASHTAG, "hashtag", "Hashtag, followed by its word"},
	{TT_NUMBER, "number", "Number: 1,272  3.5  1980s  21st"},
	{TT_RANGE, "range", "Range, score or tally: 52-48  13-0-2  2014-15"},
	{TT_PERCENT, "percent", "Percentage: 3.5%"},
	{TT_OPEN_QUOTE, "open_quote", "Opening quotation mark"},
	{TT_BLANK, "blank", "Space, and text that is not indexed"},
	{TT_CLOSE_QUOTE, "close_quote", "Closing quotation mark"},
	{TT_MONEY, "money", "Amount of money, followed by its parts: $2.5 billion"},
	{TT_HWORD, "hword", "Hyphenated word, followed by its parts"},
	{TT_PUNCT, "punctuation", "Punctuation"},
	{TT_DASH, "dash", "Dash"},
	{TT_ELLIPSIS, "ellipsis", "Ellipsis"},
	{TT_URL, "url", "URL"},
	{TT_EMAIL, "email", "Email address"},
	{TT_HANDLE, "handle", "Social media handle: @name"},
	{TT_SYMBOL, "symbol", "Symbol or currency sign"},
	{TT_EMOJI, "emoji", "Emoji"},
	{TT_IDEOGRAPH, "ideograph", "Han, kana or Thai-script character"},
};

/* A piece of the current scanner token still to be returned (UTF-8 bytes). */
typedef struct ts_part
{
	uint32		start;
	uint32		len;
	int			type;
} ts_part;

#define MAX_PARTS 64

typedef struct ts_state
{
	na_pg_text	text;
	na_mem		mem;
	na_doc		doc;
	uint32		next_token;		/* scanner token to expand next */
	uint32		done;			/* UTF-8 bytes returned so far */
	ts_part		parts[MAX_PARTS];
	int			nparts;
	int			ipart;
	/* UTF-8 offset -> server offset, for multibyte server encodings */
	bool		map_offsets;
	int			encoding;
	uint32		map_utf8;
	uint32		map_server;
} ts_state;

/*
 * Appends a piece of the token being expanded for the text search parser;
 * neighbouring blanks merge, and past MAX_PARTS the rest becomes one blank,
 * so that a pathological token cannot overflow the fixed array.
 */
static void
add_part(ts_state *st, uint32 start, uint32 len, int type)
{
	ts_part    *p;

	if (len == 0)
		return;
	/* merge neighbouring blanks; too many parts: the rest is one blank */
	if (st->nparts > 0)
	{
		ts_part    *last = &st->parts[st->nparts - 1];

		if ((last->type == TT_BLANK && type == TT_BLANK) || st->nparts == MAX_PARTS)
		{
			last->len = start + len - last->start;
			if (st->nparts == MAX_PARTS)
				last->type = TT_BLANK;
			return;
		}
	}
	p = &st->parts[st->nparts++];
	p->start = start;
	p->len = len;
	p->type = type;
}

static inline bool
is_hyphen_cp(uint32 cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static inline bool
is_apostrophe_cp(uint32 cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}

/*
 * Split a word at hyphens and apostrophes: runs of other characters become
 * parts of type part_type, the separators blanks.
 */
static void
split_word(ts_state *st, const na_token *t, int part_type)
{
	const unsigned char *s = (const unsigned char *) st->doc.text;
	uint32		end = t->start + t->len;
	uint32		run = t->start;
	uint32		i = t->start;

	/* most words: ASCII without an apostrophe, one part */
	if (!(t->flags & (NA_TF_NONASCII | NA_TF_HYPHENATED)) &&
		memchr(s + t->start, '\'', t->len) == NULL)
	{
		add_part(st, t->start, t->len, part_type);
		return;
	}
	while (i < end)
	{
		uint32_t	cp;
		int			n = na_utf8_decode(s + i, end - i, &cp);

		if (is_hyphen_cp(cp) || is_apostrophe_cp(cp))
		{
			add_part(st, run, i - run, part_type);
			add_part(st, i, n, TT_BLANK);
			run = i + n;
		}
		i += n;
	}
	add_part(st, run, end - run, part_type);
}

/* Split money or a hashtag into runs: currency signs, numbers, words, the rest. */
static void
split_runs(ts_state *st, const na_token *t)
{
	const unsigned char *s = (const unsigned char *) st->doc.text;
	uint32		end = t->start + t->len;
	uint32		i = t->start;

	while (i < end)
	{
		uint32		run = i;
		uint32_t	cp;
		int			n = na_utf8_decode(s + i, end - i, &cp);
		na_cclass	cls = na_char_class(cp);
		int			type;

		if (cls == NA_CC_DIGIT)
		{
			/* digits with inner , . : */
			type = TT_NUMBER;
			i += n;
			while (i < end)
			{
				n = na_utf8_decode(s + i, end - i, &cp);
				cls = na_char_class(cp);
				if (cls != NA_CC_DIGIT &&
					!((cp == ',' || cp == '.' || cp == ':') && i + 1 < end &&
					  s[i + 1] >= '0' && s[i + 1] <= '9'))
					break;
				i += n;
			}
		}
		else if (cls == NA_CC_LETTER || cls == NA_CC_MARK)
		{
			type = TT_WORD;
			i += n;
			while (i < end)
			{
				n = na_utf8_decode(s + i, end - i, &cp);
				cls = na_char_class(cp);
				if (cls != NA_CC_LETTER && cls != NA_CC_MARK && cls != NA_CC_DIGIT)
					break;
				i += n;
			}
		}
		else
		{
			type = cls == NA_CC_CURRENCY ? TT_SYMBOL : TT_BLANK;
			i += n;
		}
		add_part(st, run, i - run, type);
	}
}

/* Queue what scanner token t becomes: the token and, for compounds, its parts. */
static void
expand_token(ts_state *st, const na_token *t)
{
	st->nparts = 0;
	st->ipart = 0;
	if (t->len >= MAX_TOKEN_BYTES)
	{
		add_part(st, t->start, t->len, TT_BLANK);
		return;
	}
	switch ((na_kind) t->kind)
	{
		case NA_TK_WORD:
			if (t->flags & NA_TF_HYPHENATED)
			{
				add_part(st, t->start, t->len, TT_HWORD);
				split_word(st, t, TT_HWORD_PART);
			}
			else
				split_word(st, t, TT_WORD);
			break;
		case NA_TK_ABBREV:
		case NA_TK_INITIAL:
			{
				int			type = t->kind == NA_TK_ABBREV ? TT_ABBREV : TT_INITIAL;

				if (t->len > 1 && st->doc.text[t->start + t->len - 1] == '.')
				{
					add_part(st, t->start, t->len - 1, type);
					add_part(st, t->start + t->len - 1, 1, TT_BLANK);
				}
				else
					add_part(st, t->start, t->len, type);
			}
			break;
		case NA_TK_MONEY:
			add_part(st, t->start, t->len, TT_MONEY);
			split_runs(st, t);
			break;
		case NA_TK_HASHTAG:
			add_part(st, t->start, t->len, TT_HASHTAG);
			split_runs(st, t);
			break;
		case NA_TK_NUMBER:
			add_part(st, t->start, t->len, TT_NUMBER);
			break;
		case NA_TK_PERCENT:
			add_part(st, t->start, t->len, TT_PERCENT);
			break;
		case NA_TK_RANGE:
			add_part(st, t->start, t->len, TT_RANGE);
			break;
		case NA_TK_PUNCT:
			add_part(st, t->start, t->len, TT_PUNCT);
			break;
		case NA_TK_OPEN_QUOTE:
			add_part(st, t->start, t->len, TT_OPEN_QUOTE);
			break;
		case NA_TK_CLOSE_QUOTE:
			add_part(st, t->start, t->len, TT_CLOSE_QUOTE);
			break;
		case NA_TK_DASH:
			add_part(st, t->start, t->len, TT_DASH);
			break;
		case NA_TK_ELLIPSIS:
			add_part(st, t->start, t->len, TT_ELLIPSIS);
			break;
		case NA_TK_URL:
			add_part(st, t->start, t->len, TT_URL);
			break;
		case NA_TK_EMAIL:
			add_part(st, t->start, t->len, TT_EMAIL);
			break;
		case NA_TK_HANDLE:
			add_part(st, t->start, t->len, TT_HANDLE);
			break;
		case NA_TK_EMOJI:
			add_part(st, t->start, t->len, TT_EMOJI);
			break;
		case NA_TK_IDEOGRAPH:
			add_part(st, t->start, t->len, TT_IDEOGRAPH);
			break;
		case NA_TK_SYMBOL:
		default:
			add_part(st, t->start, t->len, TT_SYMBOL);
			break;
	}
}

/* The server-encoding offset of a UTF-8 offset; offsets only ever grow. */
static uint32
server_offset(ts_state *st, uint32 utf8_off)
{
	const unsigned char *u = (const unsigned char *) st->text.utf8;
	const char *srv = st->text.server;

	if (!st->map_offsets)
		return utf8_off;
	while (st->map_utf8 < utf8_off)
	{
		/* one character in each: conversions map characters one to one */
		st->map_utf8 += pg_utf_mblen(u + st->map_utf8);
		st->map_server += pg_encoding_mblen(st->encoding, srv + st->map_server);
	}
	return st->map_server;
}

/* news_parser start(internal text, integer length) returns internal */
Datum
na_ts_start(PG_FUNCTION_ARGS)
{
	char	   *buf = (char *) PG_GETARG_POINTER(0);
	int			len = PG_GETARG_INT32(1);
	ts_state   *st = palloc0(sizeof(ts_state));
	int			encoding = GetDatabaseEncoding();

	st->text.server = buf;
	st->text.server_len = len;
	st->text.utf8 = buf;
	st->text.utf8_len = len;
	st->text.same_bytes = true;
	st->encoding = encoding;
	if (encoding == PG_SQL_ASCII)
		st->text.scan_options = NA_SCAN_COUNT_BYTES;
	else if (encoding != PG_UTF8)
	{
		st->text.utf8 = (const char *) pg_do_encoding_conversion((unsigned char *) buf, len,
																 encoding, PG_UTF8);
		if (st->text.utf8 != buf)
		{
			st->text.utf8_len = strlen(st->text.utf8);
			st->text.same_bytes = false;
			/* token offsets are in the UTF-8 copy: map them back by walking both */
			st->map_offsets = true;
		}
	}
	/* the parser needs tokens only */
	st->text.scan_options |= NA_SCAN_NO_SENTENCES;
	na_pg_mem_init(&st->mem, CurrentMemoryContext);
	na_pg_scan(&st->doc, &st->text, &st->mem);
	PG_RETURN_POINTER(st);
}

/*
 * The first piece of a blank that to_tsvector accepts (it warns about any
 * token of MAX_TOKEN_BYTES or more, even one it does not index): whole
 * characters, at most 1024 bytes.
 */
static uint32
blank_piece(const ts_state *st, uint32 start, uint32 len)
{
	const unsigned char *s = (const unsigned char *) st->text.utf8;
	uint32		piece;

	if (len < MAX_TOKEN_BYTES)
		return len;
	piece = 1024;
	while (piece > 1 && (s[start + piece] & 0xC0) == 0x80)
		piece--;
	return piece;
}

static inline bool
is_compound(int type)
{
	return type == TT_HWORD || type == TT_MONEY || type == TT_HASHTAG;
}

/* news_parser gettoken(internal state, internal char **, internal int *) returns internal */
Datum
na_ts_nexttoken(PG_FUNCTION_ARGS)
{
	ts_state   *st = (ts_state *) PG_GETARG_POINTER(0);
	char	  **token = (char **) PG_GETARG_POINTER(1);
	int		   *tokenlen = (int *) PG_GETARG_POINTER(2);
	uint32		start;
	uint32		len;
	int			type;

	for (;;)
	{
		if (st->ipart < st->nparts)
		{
			ts_part    *p = &st->parts[st->ipart++];

			start = p->start;
			len = p->len;
			type = p->type;
			if (len >= MAX_TOKEN_BYTES)
			{
				/* only blanks are this long: return them in pieces */
				len = blank_piece(st, start, len);
				p->start += len;
				p->len -= len;
				st->ipart--;
			}
			/* compounds overlap their parts: only parts advance the text */
			if (!is_compound(type))
				st->done = start + len;
			break;
		}
		if (st->next_token < st->doc.ntokens)
		{
			const na_token *t = &st->doc.tokens[st->next_token];

			if (st->done < t->start)
			{
				/* the gap before the token */
				start = st->done;
				len = blank_piece(st, start, t->start - st->done);
				type = TT_BLANK;
				st->done = start + len;
				break;
			}
			/* to_tsvector loops over us without checking: let a timeout stop it */
			if ((++st->next_token & 4095) == 0)
				na_check_interrupts(&st->mem);
			expand_token(st, t);
			continue;
		}
		if (st->done < st->text.utf8_len)
		{
			start = st->done;
			len = blank_piece(st, start, (uint32) st->text.utf8_len - st->done);
			type = TT_BLANK;
			st->done = start + len;
			break;
		}
		PG_RETURN_INT32(0);
	}

	if (st->map_offsets)
	{
		uint32		saved_utf8 = st->map_utf8;
		uint32		saved_server = st->map_server;
		uint32		server_start = server_offset(st, start);
		uint32		server_end = server_offset(st, start + len);

		*token = (char *) st->text.server + server_start;
		*tokenlen = (int) (server_end - server_start);
		/* the parts of a compound come next, from its start */
		if (is_compound(type))
		{
			st->map_utf8 = saved_utf8;
			st->map_server = saved_server;
		}
	}
	else
	{
		*token = (char *) st->text.server + start;
		*tokenlen = (int) len;
	}
	PG_RETURN_INT32(type);
}

/* news_parser end(internal state) returns void */
Datum
na_ts_end(PG_FUNCTION_ARGS)
{
	ts_state   *st = (ts_state *) PG_GETARG_POINTER(0);

	na_doc_free(&st->doc, &st->mem);
	if (!st->text.same_bytes)
		pfree((void *) st->text.utf8);
	pfree(st);
	PG_RETURN_VOID();
}

/* news_parser lextype(internal) returns internal: the LexDescr array */
Datum
na_ts_lextype(PG_FUNCTION_ARGS)
{
	int			n = lengthof(token_types);
	LexDescr   *descr = palloc(sizeof(LexDescr) * (n + 1));

	for (int i = 0; i < n; i++)
	{
		descr[i].lexid = token_types[i].id;
		descr[i].alias = pstrdup(token_types[i].alias);
		descr[i].descr = pstrdup(token_types[i].descr);
	}
	descr[n].lexid = 0;
	PG_RETURN_POINTER(descr);
}
