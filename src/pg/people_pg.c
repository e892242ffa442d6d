/*
 * people.c - person_key(name, gender): the key under which the people
 * registry of a tracked table (src/sql/45_people.sql) counts a speaker, so
 * that "Donald J. Trump" in one article and "President Donald Trump" in
 * another are one person.  The rules are the core's (na_person_key).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "na_pg.h"
#include "people_pg.h"
#include "na_quotes.h"

PG_FUNCTION_INFO_V1(na_person_key_sql);
PG_FUNCTION_INFO_V1(na_person_surname_sql);
PG_FUNCTION_INFO_V1(na_name_gender_sql);

/* Longer keys than this are cut off by the core's capacity check (no key). */
#define PERSON_KEY_MAX 256

/*
 * The key of a speaker's name (NULL: no key), gender 'male'/'female' (any
 * case; NULL or another value: none) tagging a surname alone.  Shared by
 * person_key() and the registry's trigger (people_registry_pg.c), which must
 * count a name under exactly the key the views compute for it.
 */
text *
na_person_key_text(text *name, text *gender_text)
{
	na_pg_text	doc;
	na_mem		mem;
	char		key[PERSON_KEY_MAX];
	size_t		len;
	int			gender = NA_GENDER_UNKNOWN;
	na_status	status;
	char	   *server;

	if (gender_text != NULL)
	{
		const char *p = VARDATA_ANY(gender_text);
		int			glen = VARSIZE_ANY_EXHDR(gender_text);

		if (glen == 4 && pg_strncasecmp(p, "male", 4) == 0)
			gender = NA_GENDER_MALE;
		else if (glen == 6 && pg_strncasecmp(p, "female", 6) == 0)
			gender = NA_GENDER_FEMALE;
	}
	if (VARSIZE_ANY_EXHDR(name) == 0 || VARSIZE_ANY_EXHDR(name) > 4 * PERSON_KEY_MAX)
		return NULL;
	na_pg_text_init(&doc, name);
	na_pg_mem_init(&mem, CurrentMemoryContext);
	len = na_person_key(doc.utf8, doc.utf8_len, gender, &mem, key, sizeof(key), &status);
	na_pg_check_status(status);
	if (len == 0)
		return NULL;
	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
		return cstring_to_text_with_len(key, (int) len);
	server = (char *) pg_do_encoding_conversion((unsigned char *) key, (int) len,
												PG_UTF8, GetDatabaseEncoding());
	return cstring_to_text(server);
}

/*
 * person_key(name text, gender text) returns text: NULL for a NULL name or
 * one that holds no name; gender 'male'/'female' tags a surname alone.
 */
Datum
na_person_key_sql(PG_FUNCTION_ARGS)
{
	text	   *key;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	key = na_person_key_text(PG_GETARG_TEXT_PP(0), PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1));
	if (key == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(key);
}

/* The generational suffixes person_key keeps at the end of a key. */
static const char *const key_suffixes[] = {" jr", " sr", " ii", " iii"};

/*
 * person_surname(key text) returns text: the last word of a person_key key,
 * before its gender tag ("trump (male)") and without a generational suffix
 * ("donald trump jr").  The registry's trigger calls it for every new key of
 * a statement; as a SQL function (regexp_replace behind SET search_path,
 * which cannot be inlined) it cost as much as all the rest of the
 * registry's upkeep.  Keys are lower case and their separators ASCII, which
 * every server encoding keeps as single bytes.
 */
text *
na_person_surname_text(const text *key)
{
	const char *p = VARDATA_ANY(key);
	int			len = VARSIZE_ANY_EXHDR(key);
	int			start;

	/* before the gender tag: the first " (" */
	for (int i = 0; i + 1 < len; i++)
	{
		if (p[i] == ' ' && p[i + 1] == '(')
		{
			len = i;
			break;
		}
	}
	for (int s = 0; s < (int) lengthof(key_suffixes); s++)
	{
		int			slen = (int) strlen(key_suffixes[s]);

		if (len >= slen && memcmp(p + len - slen, key_suffixes[s], slen) == 0)
		{
			len -= slen;
			break;
		}
	}
	start = len;
	while (start > 0 && p[start - 1] != ' ')
		start--;
	return cstring_to_text_with_len(p + start, len - start);
}

Datum
na_person_surname_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(na_person_surname_text(PG_GETARG_TEXT_PP(0)));
}

/*
 * name_gender(name text) returns text: 'male' or 'female' when a gendered
 * title or honorific in front of the name (Lord Falconer) or the given name
 * of a full name (Rebecca Falconer) implies it, else NULL.  The people
 * registry's merge of a surname alone with a full name reads it as
 * evidence against the merge (src/sql/45_people.sql).
 */
Datum
na_name_gender_sql(PG_FUNCTION_ARGS)
{
	text	   *name = PG_GETARG_TEXT_PP(0);
	na_pg_text	doc;
	na_mem		mem;
	na_status	status;
	int			gender;

	if (VARSIZE_ANY_EXHDR(name) == 0 || VARSIZE_ANY_EXHDR(name) > 4 * PERSON_KEY_MAX)
		PG_RETURN_NULL();
	na_pg_text_init(&doc, name);
	na_pg_mem_init(&mem, CurrentMemoryContext);
	gender = na_name_gender(doc.utf8, doc.utf8_len, &mem, &status);
	na_pg_check_status(status);
	if (gender == NA_GENDER_UNKNOWN)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(na_gender_name(gender)));
}
