/*
 * people_registry_pg.c - news_analysis.people_added(): the trigger after
 * INSERT on <table>_speakers that adds a statement's speakers to the people
 * registry <table>_names (src/sql/45_people.sql).
 *
 * Why C: a tracked COPY writes its speakers in one statement per chunk, and
 * the registry's upkeep was a fifth of the trigger path when it was a SQL
 * statement: person_key() over every row, a sort of the rows by key (under
 * the database's collation) for a window count, sorts per key and aggregate.
 * Here each distinct name and gender's key is computed once (a hash of
 * them), each row is counted into its key as it comes (no row is kept),
 * the few keys with several names, roles or affiliations are finished in
 * C, and the counted keys are written in key order as the upsert statement
 * writes them
 * (people_upsert_pg.c), or by that statement, kept as a plan, from a
 * tuplestore where the writer cannot.
 *
 * The work is a na_people_batch (people_pg.h), which the tracked COPY's
 * writer (track_write_pg.c) also feeds with the speakers it writes while
 * parallel workers analyse, instead of this trigger.
 *
 * What it writes is what the SQL statement wrote (test/reliability and the
 * registry's pg_regress cases compare): per key the spelling of the key
 * itself, else the longest, else the first in the collation's order; the
 * distinct spellings (the first 32), roles and affiliations in the
 * collation's order; male and female evidence, articles and quotes.  The
 * upsert and its ON CONFLICT rules are the SQL statement's, so concurrent
 * writers still take the keys in the same order as people_removed().
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_collation.h"
#include "common/hashfn.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"
#include "utils/varlena.h"

#include "parallel_pg.h"
#include "people_pg.h"

PG_FUNCTION_INFO_V1(na_people_added);

/* The most spellings a key keeps (the SQL's [1:32]). */
#define ALIASES_MAX 32

/* The name under which the upsert reads the counted keys. */
#define COUNTED_RELATION "news_analysis_people_counted"

/* A role or affiliation of one speaker row, chained to its key's others. */
typedef struct text_link
{
	text	   *text;
	struct text_link *next;
} text_link;

/*
 * What a key's rows left besides their counts (na_counted_key): the chain
 * of its names in the key cache and the chains of its rows' roles and
 * affiliations, read when it is counted.
 */
typedef struct key_tally
{
	int			first_name;		/* its first name's entry (key_entry.next_name chains the rest) */
	int			nnames;
	int			nroles;
	int			naffiliations;
	text_link  *roles;
	text_link  *affiliations;
} key_tally;

/* The kept upsert of one registry table (TG_ARGV[0]), for the session. */
typedef struct upsert_plan
{
	char		names[NAMEDATALEN * 2 + 8];	/* hash key: the qualified table name */
	SPIPlanPtr	plan;
} upsert_plan;

static HTAB *upsert_plans = NULL;
static TupleDesc counted_desc = NULL;

/* The columns the upsert reads: the SQL statement's CTE "counted". */
static TupleDesc
counted_tupdesc(void)
{
	if (counted_desc == NULL)
	{
		MemoryContext oldctx = MemoryContextSwitchTo(TopMemoryContext);
		TupleDesc	desc = CreateTemplateTupleDesc(9);

		TupleDescInitEntry(desc, 1, "key", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 2, "name", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 3, "aliases", TEXTARRAYOID, -1, 0);
		TupleDescInitEntry(desc, 4, "male", INT8OID, -1, 0);
		TupleDescInitEntry(desc, 5, "female", INT8OID, -1, 0);
		TupleDescInitEntry(desc, 6, "roles", TEXTARRAYOID, -1, 0);
		TupleDescInitEntry(desc, 7, "affiliations", TEXTARRAYOID, -1, 0);
		TupleDescInitEntry(desc, 8, "articles", INT8OID, -1, 0);
		TupleDescInitEntry(desc, 9, "quotes", INT8OID, -1, 0);
		counted_desc = desc;
		MemoryContextSwitchTo(oldctx);
	}
	return counted_desc;
}

/* Show the counted keys (or none, to prepare) to the next statement of this SPI connection. */
static void
register_counted(Tuplestorestate *store)
{
	EphemeralNamedRelation enr = palloc0(sizeof(EphemeralNamedRelationData));

	enr->md.name = COUNTED_RELATION;
	enr->md.reliddesc = InvalidOid;
	enr->md.tupdesc = counted_tupdesc();
	enr->md.enrtype = ENR_NAMED_TUPLESTORE;
	enr->md.enrtuples = store ? (double) tuplestore_tuple_count(store) : 0;
	enr->reldata = store;
	if (SPI_register_relation(enr) != SPI_OK_REL_REGISTER)
		elog(ERROR, "news_analysis: SPI_register_relation failed");
}

/*
 * The upsert of the counted keys into the registry table names, prepared
 * once a session (needs SPI).  Its text is the SQL trigger's statement
 * after its CTE "counted"; the function's SET search_path pins every name.
 */
static SPIPlanPtr
get_upsert_plan(const char *names)
{
	upsert_plan *entry;
	bool		found;
	char		hashkey[NAMEDATALEN * 2 + 8];

	if (strlen(names) >= sizeof(hashkey))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.people_added(): the registry table name \"%s\" is too long", names)));
	if (upsert_plans == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(hashkey);
		ctl.entrysize = sizeof(upsert_plan);
		upsert_plans = hash_create("news_analysis registry upserts", 16, &ctl, HASH_ELEM | HASH_STRINGS);
	}
	memset(hashkey, 0, sizeof(hashkey));
	strlcpy(hashkey, names, sizeof(hashkey));
	entry = hash_search(upsert_plans, hashkey, HASH_ENTER, &found);
	if (!found)
		entry->plan = NULL;
	if (entry->plan == NULL)
	{
		StringInfoData sql;
		SPIPlanPtr	plan;

		initStringInfo(&sql);
		appendStringInfo(&sql,
						 "INSERT INTO %s AS p (key, surname, name, aliases, male, female, roles, affiliations,"
						 " articles, quotes, first_seen, last_seen)"
						 " SELECT c.key, news_analysis.person_surname(c.key), c.name, c.aliases,"
						 " c.male, c.female, c.roles, c.affiliations, c.articles, c.quotes, now(), now()"
						 " FROM " COUNTED_RELATION " c"
						 " ORDER BY c.key"
						 " ON CONFLICT (key) DO UPDATE SET"
						 " name = CASE WHEN (lower(p.name) = split_part(p.key, ' (', 1))"
						 " <> (lower(EXCLUDED.name) = split_part(p.key, ' (', 1))"
						 " THEN CASE WHEN lower(p.name) = split_part(p.key, ' (', 1) THEN p.name ELSE EXCLUDED.name END"
						 " WHEN length(EXCLUDED.name) <> length(p.name)"
						 " THEN CASE WHEN length(EXCLUDED.name) > length(p.name) THEN EXCLUDED.name ELSE p.name END"
						 " WHEN EXCLUDED.name < p.name THEN EXCLUDED.name ELSE p.name END,"
						 " aliases = CASE WHEN EXCLUDED.aliases <@ p.aliases THEN p.aliases"
						 " ELSE (SELECT array_agg(DISTINCT x ORDER BY x)"
						 " FROM unnest(p.aliases OPERATOR(pg_catalog.||) EXCLUDED.aliases) x) END,"
						 " male = p.male + EXCLUDED.male,"
						 " female = p.female + EXCLUDED.female,"
						 " roles = CASE WHEN EXCLUDED.roles <@ p.roles THEN p.roles"
						 " ELSE (SELECT array_agg(DISTINCT x ORDER BY x)"
						 " FROM unnest(p.roles OPERATOR(pg_catalog.||) EXCLUDED.roles) x) END,"
						 " affiliations = CASE WHEN EXCLUDED.affiliations <@ p.affiliations THEN p.affiliations"
						 " ELSE (SELECT array_agg(DISTINCT x ORDER BY x)"
						 " FROM unnest(p.affiliations OPERATOR(pg_catalog.||) EXCLUDED.affiliations) x) END,"
						 " articles = p.articles + EXCLUDED.articles,"
						 " quotes = p.quotes + EXCLUDED.quotes,"
						 " last_seen = EXCLUDED.last_seen",
						 names);
		register_counted(NULL);
		plan = SPI_prepare(sql.data, 0, NULL);
		if (plan == NULL)
			elog(ERROR, "news_analysis: SPI_prepare failed (%s) for: %s",
				 SPI_result_code_string(SPI_result), sql.data);
		SPI_unregister_relation(COUNTED_RELATION);
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "news_analysis: SPI_keepplan failed");
		entry->plan = plan;
		pfree(sql.data);
	}
	return entry->plan;
}

/* The attribute number of a column of the speakers table, or an error naming it. */
static int
speaker_column(TupleDesc desc, const char *column, Oid type, const char *table)
{
	int			attnum = SPI_fnumber(desc, column);

	if (attnum <= 0 || TupleDescAttr(desc, attnum - 1)->atttypid != type)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.people_added(): table \"%s\" has no column \"%s\" of type %s",
						table, column, format_type_be(type)),
				 errhint("Attach the registry's triggers with news_analysis.track(), not by hand.")));
	return attnum;
}

/*
 * A text column of a row's values (NULL for SQL NULL): the value where it
 * is, unless stored out of line or compressed (then detoasted in the
 * current context).
 */
static text *
row_text(Datum *values, bool *isnull, int attnum)
{
	if (isnull[attnum - 1])
		return NULL;
	return (text *) pg_detoast_datum_packed((struct varlena *) DatumGetPointer(values[attnum - 1]));
}

static bool
text_equals(const text *t, const char *s, int len)
{
	return (int) VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), s, len) == 0;
}

/*
 * The keys of a statement's names, each (name, gender) computed once:
 * person_key() is the same for the same name and gender ('male',
 * 'female', any case, or none), and an article's speaker is named in
 * others too (6,493 speakers of a COPY of BBC, 3,809 keys).
 */
typedef struct key_entry
{
	text	   *name;
	int			group;			/* the key's number (its text: the cache's groups), -1 for no key */
	uint32		hash;
	int			gender;
	int			next_name;		/* the entry of the key's next name, -1 for none */
} key_entry;

/*
 * The names in the order they came, found by their hash in slots (open
 * addressing, linear probing); the keys by number, found by theirs in
 * key_slots.  The slots hold numbers, not entries: a fresh backend pays a
 * page fault for every page of memory it touches, and the half-empty
 * tables of entries themselves were a fifth of the registry's pages.
 */
typedef struct key_cache
{
	uint32	   *slots;			/* by the name's hash: its entry's number + 1, 0 empty */
	int		   *key_slots;		/* by the key's hash: its number + 1, 0 empty */
	uint32		mask;			/* both slots' size - 1 */
	key_entry  *entries;
	uint32		nentries;
	uint32		maxentries;
	text	  **groups;			/* the keys by number (no more than the entries) */
	int			ngroups;
	char	   *texts_next;		/* where cache_text puts the next text */
	Size		texts_left;		/* room there */
} key_cache;

/*
 * A new array of the batch's, its first pages asked for in one call
 * (na_populate_for_writing: on the virtual machines measured a page fault
 * costs about 10 us, and a fresh backend's registry paid about 200 for its
 * arrays on BBC); no more than 512 kB of it, so that a statement whose
 * guess of its names is far too high (its rows) does not take memory it
 * never uses.
 */
static void
populate_start(void *array, Size bytes)
{
	na_populate_for_writing(array, Min(bytes, 512 * 1024));
}

/* The size of the blocks cache_text packs texts in. */
#define TEXTS_BLOCK (32 * 1024)

/*
 * A copy of the bytes as a text with a 4-byte header (int-aligned: the
 * header is read as an int), packed with the cache's other texts in blocks
 * of the current memory context: a palloc'd copy had a chunk header and a
 * power-of-two size, and the names and keys were a third of the pages
 * a fresh backend's registry touched.  It lasts as long as that context.
 */
static text *
cache_text(key_cache *cache, const char *bytes, int len)
{
	Size		need = INTALIGN(VARHDRSZ + len);
	text	   *t;

	if (need > cache->texts_left)
	{
		Size		block = Max(need, TEXTS_BLOCK);

		cache->texts_next = palloc(block);
		cache->texts_left = block;
	}
	t = (text *) cache->texts_next;
	SET_VARSIZE(t, VARHDRSZ + len);
	memcpy(VARDATA(t), bytes, len);
	cache->texts_next += need;
	cache->texts_left -= need;
	return t;
}

/* The slots of a key in key_slots for the key's bytes. */
static uint32
key_hash(const text *key)
{
	return hash_bytes((const unsigned char *) VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
}

/* Empty slots for 2^bits, the names' and keys' numbers put back in them. */
static void
key_cache_slots(key_cache *cache, int bits)
{
	uint32		size = (uint32) 1 << bits;

	cache->slots = palloc_extended(sizeof(uint32) * size, MCXT_ALLOC_HUGE);
	cache->key_slots = palloc_extended(sizeof(int) * size, MCXT_ALLOC_HUGE);
	populate_start(cache->slots, sizeof(uint32) * size);
	populate_start(cache->key_slots, sizeof(int) * size);
	memset(cache->slots, 0, sizeof(uint32) * size);
	memset(cache->key_slots, 0, sizeof(int) * size);
	cache->mask = size - 1;
	for (uint32 e = 0; e < cache->nentries; e++)
	{
		uint32		i;

		for (i = cache->entries[e].hash & cache->mask; cache->slots[i] != 0; i = (i + 1) & cache->mask)
			;
		cache->slots[i] = e + 1;
	}
	for (int g = 0; g < cache->ngroups; g++)
	{
		uint32		i;

		for (i = key_hash(cache->groups[g]) & cache->mask; cache->key_slots[i] != 0; i = (i + 1) & cache->mask)
			;
		cache->key_slots[i] = g + 1;
	}
}

/* Would one more name fill the slots past three quarters? */
static inline bool
slots_full(const key_cache *cache)
{
	return ((uint64) cache->nentries + 1) * 4 > ((uint64) cache->mask + 1) * 3;
}

/*
 * Room for names distinct names (a guess: it grows; a million at most to
 * begin with, as a huge statement's guess is its rows), the slots at most
 * three quarters full (a fresh backend pays for every page it zeroes, and
 * half-empty slots were a tenth of the registry's pages).
 */
static void
key_cache_init(key_cache *cache, int64 names)
{
	int			bits = 6;

	names = Min(Max(names, 16), 1 << 20);
	while (((int64) 1 << bits) * 3 < names * 4)
		bits++;
	memset(cache, 0, sizeof(*cache));
	cache->maxentries = (uint32) names;
	cache->entries = palloc(sizeof(key_entry) * cache->maxentries);
	cache->groups = palloc(sizeof(text *) * cache->maxentries);
	populate_start(cache->entries, sizeof(key_entry) * cache->maxentries);
	populate_start(cache->groups, sizeof(text *) * cache->maxentries);
	key_cache_slots(cache, bits);
}

/* Room for one more name: twice the entries when full, twice the slots when three quarters full. */
static void
key_cache_room(key_cache *cache)
{
	if (cache->nentries == cache->maxentries)
	{
		if (cache->maxentries >= (1U << 29))
			elog(ERROR, "news_analysis: too many speaker names in one statement");
		cache->maxentries *= 2;
		cache->entries = repalloc_huge(cache->entries, sizeof(key_entry) * cache->maxentries);
		cache->groups = repalloc_huge(cache->groups, sizeof(text *) * cache->maxentries);
	}
	if (slots_full(cache))
	{
		int			bits = 1;

		while (((uint32) 1 << bits) <= cache->mask)
			bits++;
		pfree(cache->slots);
		pfree(cache->key_slots);
		key_cache_slots(cache, bits + 1);
	}
}

/*
 * The number of the key of those bytes (a new one, the bytes kept, on first
 * sight): names of one key count together.
 */
static int
key_group(key_cache *cache, const char *bytes, int len)
{
	uint32		i = hash_bytes((const unsigned char *) bytes, len) & cache->mask;

	for (;; i = (i + 1) & cache->mask)
	{
		int			g = cache->key_slots[i] - 1;

		if (g < 0)
		{
			cache->groups[cache->ngroups] = cache_text(cache, bytes, len);
			cache->key_slots[i] = ++cache->ngroups;
			return cache->ngroups - 1;
		}
		if (text_equals(cache->groups[g], bytes, len))
			return g;
	}
}

/* 1 male, 2 female, 0 anything else (na_person_key_text's reading of gender) */
static int
gender_class(const text *gender)
{
	if (gender == NULL)
		return 0;
	if (VARSIZE_ANY_EXHDR(gender) == 4 && pg_strncasecmp(VARDATA_ANY(gender), "male", 4) == 0)
		return 1;
	if (VARSIZE_ANY_EXHDR(gender) == 6 && pg_strncasecmp(VARDATA_ANY(gender), "female", 6) == 0)
		return 2;
	return 0;
}

/*
 * The key of name with gender and its number, computed on the first asking;
 * given: the key the worker that analysed the row computed with the same
 * function, or NULL.  The entry is valid until the next call (the entries
 * may move as they grow).  *added: whether name is new (the entry keeps a
 * copy of it).
 */
static key_entry *
cached_key(key_cache *cache, text *name, text *gender, const na_person_key *given, bool *added)
{
	int			g = gender_class(gender);
	int			len = VARSIZE_ANY_EXHDR(name);
	uint32		hash = hash_bytes((const unsigned char *) VARDATA_ANY(name), len) ^ (uint32) g;
	uint32		i = hash & cache->mask;
	key_entry  *e;

	*added = false;
	for (;; i = (i + 1) & cache->mask)
	{
		uint32		slot = cache->slots[i];

		if (slot == 0)
			break;
		e = &cache->entries[slot - 1];
		if (e->hash == hash && e->gender == g && text_equals(e->name, VARDATA_ANY(name), len))
			return e;
	}
	if (slots_full(cache) || cache->nentries == cache->maxentries)
	{
		key_cache_room(cache);
		for (i = hash & cache->mask; cache->slots[i] != 0; i = (i + 1) & cache->mask)
			;
	}
	e = &cache->entries[cache->nentries];
	cache->slots[i] = ++cache->nentries;
	e->name = cache_text(cache, VARDATA_ANY(name), len);
	e->hash = hash;
	e->gender = g;
	e->group = -1;
	if (given == NULL)
	{
		text	   *key = na_person_key_text(name, gender);

		if (key != NULL)
		{
			e->group = key_group(cache, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
			pfree(key);
		}
	}
	else if (given->len >= 0)
		e->group = key_group(cache, given->bytes, given->len);
	e->next_name = -1;
	*added = true;
	return e;
}

/* The texts of an array_agg(DISTINCT x ORDER BY x): sorted under a collation. */
static Oid	sort_collation;

static int
text_order(const void *a, const void *b)
{
	const text *x = *(const text *const *) a;
	const text *y = *(const text *const *) b;

	return varstr_cmp(VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(y),
					  sort_collation);
}

/*
 * The text[] of t alone, as construct_array makes it (its element with a
 * 4-byte header, padded with zeros to int alignment): construct_array
 * took 900 instructions for it, four in a hundred of the registry's.
 */
static Datum
one_text(const text *t)
{
	int			len = VARSIZE_ANY_EXHDR(t);
	int			nbytes = ARR_OVERHEAD_NONULLS(1) + INTALIGN(VARHDRSZ + len);
	ArrayType  *array = palloc0(nbytes);
	text	   *element;

	SET_VARSIZE(array, nbytes);
	array->ndim = 1;
	array->dataoffset = 0;
	array->elemtype = TEXTOID;
	ARR_DIMS(array)[0] = 1;
	ARR_LBOUND(array)[0] = 1;
	element = (text *) ARR_DATA_PTR(array);
	SET_VARSIZE(element, VARHDRSZ + len);
	memcpy(VARDATA(element), VARDATA_ANY(t), len);
	return PointerGetDatum(array);
}

/*
 * The distinct texts of items[0..n) in the order of collation, at most
 * limit of them, moved to the front of items (sorted in place): their count.
 */
static int
distinct_texts(text **items, int n, Oid collation, int limit)
{
	int			count = 0;

	if (n <= 1)
		return n;
	sort_collation = collation;
	qsort(items, n, sizeof(text *), text_order);
	for (int i = 0; i < n && count < limit; i++)
	{
		/* deterministic collations: equal under the collation is equal bytes */
		if (count > 0 && text_order(&items[count - 1], &items[i]) == 0)
			continue;
		items[count++] = items[i];
	}
	return count;
}

/* items[0..n) as a text[] ('{}' when none), in the current memory context. */
static Datum
texts_array(text *const *items, int n)
{
	Datum	   *elems;

	static ArrayType *empty = NULL;

	/* most keys have one spelling and no role or affiliation */
	if (n == 0)
	{
		/* '{}', made once: the writer puts two of them in most rows */
		if (empty == NULL)
		{
			MemoryContext oldctx = MemoryContextSwitchTo(TopMemoryContext);

			empty = construct_empty_array(TEXTOID);
			MemoryContextSwitchTo(oldctx);
		}
		return PointerGetDatum(empty);
	}
	if (n == 1)
		return one_text(items[0]);
	elems = palloc(sizeof(Datum) * n);
	for (int i = 0; i < n; i++)
		elems[i] = PointerGetDatum(items[i]);
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

Datum
na_counted_aliases(const na_counted_key *key)
{
	return key->aliases == NULL ? one_text(key->name) : texts_array(key->aliases, key->naliases);
}

Datum
na_counted_roles(const na_counted_key *key)
{
	return texts_array(key->roles, key->nroles);
}

Datum
na_counted_affiliations(const na_counted_key *key)
{
	return texts_array(key->affiliations, key->naffiliations);
}

/* Is t all printable ASCII (a character a byte, each lowered on its own)? */
static bool
printable_ascii(const text *t)
{
	const unsigned char *p = (const unsigned char *) VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);

	for (int i = 0; i < len; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			return false;
	return true;
}

/*
 * Does lower() under collation lower printable ASCII as pg_ascii_tolower
 * does (not so under a Turkish locale, where I is dotless ı)?  Asked of
 * lower() itself once per collation.  lower() of a whole name cost 1,900
 * instructions, a twentieth of the registry's upkeep.
 */
static bool
lowers_ascii_plainly(Oid collation)
{
	static Oid	known_collation = InvalidOid;
	static bool known_plain = false;

	if (collation != known_collation || !OidIsValid(known_collation))
	{
		char		ascii[0x7f - 0x20];
		text	   *lowered;

		for (int c = 0x20; c < 0x7f; c++)
			ascii[c - 0x20] = (char) c;
		lowered = DatumGetTextPP(DirectFunctionCall1Coll(lower, collation,
														 PointerGetDatum(cstring_to_text_with_len(ascii, sizeof(ascii)))));
		known_plain = VARSIZE_ANY_EXHDR(lowered) == sizeof(ascii);
		for (int i = 0; known_plain && i < (int) sizeof(ascii); i++)
			known_plain = VARDATA_ANY(lowered)[i] == pg_ascii_tolower(ascii[i]);
		known_collation = collation;
	}
	return known_plain;
}

/* lower(name) = k[0..klen), for a printable ASCII name lowered plainly. */
static bool
ascii_lower_equals(const text *name, const char *k, int klen)
{
	const char *p = VARDATA_ANY(name);

	if ((int) VARSIZE_ANY_EXHDR(name) != klen)
		return false;
	for (int i = 0; i < klen; i++)
		if (pg_ascii_tolower((unsigned char) p[i]) != (unsigned char) k[i])
			return false;
	return true;
}

/*
 * The spelling a key is shown under, as the SQL's array_agg(n.name ORDER BY
 * lower(n.name) = the key without its gender tag DESC, length(n.name) DESC,
 * n.name)[1]: the spelling of the key itself, else the longest, else the
 * first in the collation's order.
 */
static text *
key_spelling(const text *key, text **names, int n, Oid collation)
{
	const char *k = VARDATA_ANY(key);
	int			klen = VARSIZE_ANY_EXHDR(key);
	text	   *best = NULL;
	bool		best_is_key = false;
	int			best_length = 0;

	/* split_part(key, ' (', 1) */
	for (int i = 0; i + 1 < klen; i++)
		if (k[i] == ' ' && k[i + 1] == '(')
		{
			klen = i;
			break;
		}
	for (int r = 0; r < n; r++)
	{
		text	   *name = names[r];
		bool		ascii = printable_ascii(name) && lowers_ascii_plainly(collation);
		bool		is_key;
		int			length;
		bool		better;

		if (ascii)
		{
			is_key = ascii_lower_equals(name, k, klen);
			length = VARSIZE_ANY_EXHDR(name);
		}
		else
		{
			is_key = text_equals(DatumGetTextPP(DirectFunctionCall1Coll(lower, collation, PointerGetDatum(name))),
								 k, klen);
			length = pg_mbstrlen_with_len(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
		}

		if (best == NULL)
			better = true;
		else if (is_key != best_is_key)
			better = is_key;
		else if (length != best_length)
			better = length > best_length;
		else
			better = varstr_cmp(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name),
								VARDATA_ANY(best), VARSIZE_ANY_EXHDR(best), collation) < 0;
		if (better)
		{
			best = name;
			best_is_key = is_key;
			best_length = length;
		}
	}
	return best;
}

/*
 * The texts of a chain in scratch (room for as many), their count.
 */
static int
chain_texts(const text_link *link, text **scratch)
{
	int			n = 0;

	for (; link != NULL; link = link->next)
		scratch[n++] = link->text;
	return n;
}

/*
 * The distinct texts of a chain in the order of collation, as a new array
 * (*texts; NULL when none): their count.  scratch: room for the chain.
 */
static int
distinct_chain(const text_link *chain, text **scratch, Oid collation, text ***texts)
{
	int			n = distinct_texts(scratch, chain_texts(chain, scratch), collation, INT_MAX);

	*texts = NULL;
	if (n > 0)
	{
		*texts = palloc(sizeof(text *) * n);
		memcpy(*texts, scratch, sizeof(text *) * n);
	}
	return n;
}

/*
 * What one key adds to the registry, from its counts and chains: its
 * spelling and its distinct spellings, roles and affiliations (pointers
 * into the batch's texts, for the writer to make arrays of as it writes
 * the key: arrays made here for every key were a seventh of the pages a
 * fresh backend's registry touched).  scratch: room for the longest chain.
 */
static void
finish_key(na_counted_key *counted, const key_tally *tally, const key_cache *cache, text **scratch,
		   Oid name_collation, Oid role_collation, Oid affiliation_collation)
{
	int			n = 0;

	for (int e = tally->first_name; e >= 0; e = cache->entries[e].next_name)
		scratch[n++] = cache->entries[e].name;
	if (n == 1)
	{
		counted->name = scratch[0];
		counted->aliases = NULL;
		counted->naliases = 1;
	}
	else
	{
		counted->name = key_spelling(counted->key, scratch, n, name_collation);
		n = distinct_texts(scratch, n, name_collation, ALIASES_MAX);
		counted->aliases = palloc(sizeof(text *) * n);
		memcpy(counted->aliases, scratch, sizeof(text *) * n);
		counted->naliases = n;
	}
	counted->nroles = distinct_chain(tally->roles, scratch, role_collation, &counted->roles);
	counted->naffiliations = distinct_chain(tally->affiliations, scratch, affiliation_collation,
											&counted->affiliations);
}

/* Counted keys (pointers to) in the order of their keys' bytes. */
static inline int
counted_order(na_counted_key *const *a, na_counted_key *const *b)
{
	const text *x = (*a)->key;
	const text *y = (*b)->key;
	int			xl = VARSIZE_ANY_EXHDR(x);
	int			yl = VARSIZE_ANY_EXHDR(y);
	int			c = memcmp(VARDATA_ANY(x), VARDATA_ANY(y), Min(xl, yl));

	if (c != 0)
		return c;
	return (xl > yl) - (xl < yl);
}

/*
 * sort_counted(keys, n): counted_order's sort, made by PostgreSQL's sort
 * template with the comparison inlined (qsort through a function pointer
 * was 7% of the registry's instructions on BBC).
 */
typedef na_counted_key *counted_ref;

#define ST_SORT sort_counted
#define ST_ELEMENT_TYPE counted_ref
#define ST_COMPARE(a, b) counted_order(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* The counted keys as the rows the statement reads. */
static Tuplestorestate *
counted_store(na_counted_key *const *keys, int n)
{
	Tuplestorestate *store = tuplestore_begin_heap(false, false, work_mem);

	for (int i = 0; i < n; i++)
	{
		Datum		values[9];
		bool		nulls[9] = {false};

		values[0] = PointerGetDatum(keys[i]->key);
		values[1] = PointerGetDatum(keys[i]->name);
		values[2] = na_counted_aliases(keys[i]);
		values[3] = Int64GetDatum(keys[i]->male);
		values[4] = Int64GetDatum(keys[i]->female);
		values[5] = na_counted_roles(keys[i]);
		values[6] = na_counted_affiliations(keys[i]);
		values[7] = Int64GetDatum(keys[i]->articles);
		values[8] = Int64GetDatum(keys[i]->quotes);
		nulls[8] = keys[i]->quotes_null;
		tuplestore_putvalues(store, counted_tupdesc(), values, nulls);
	}
	return store;
}

/* The counted keys upserted by the statement (SPI), in key order. */
static void
upsert_by_statement(const char *names, na_counted_key *const *keys, int n)
{
	Tuplestorestate *counted = counted_store(keys, n);
	SPIPlanPtr	plan;
	int			ret;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "news_analysis: SPI_connect failed");
	plan = get_upsert_plan(names);
	register_counted(counted);
	ret = SPI_execute_plan(plan, NULL, NULL, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "news_analysis: adding speakers to the people registry returned %s",
			 SPI_result_code_string(ret));
	SPI_unregister_relation(COUNTED_RELATION);
	SPI_finish();
	tuplestore_end(counted);
}

/*
 * What a statement (or a chunk of a tracked COPY) adds to the registry, as
 * its speaker rows come: each row's key on arrival (the names seen before
 * hit the key cache), then the rows counted per key, then the upsert.  The
 * trigger feeds it from its transition table; the tracked COPY's writer
 * (track_write_pg.c) feeds it the rows it writes while parallel workers
 * analyse, so that the keys are made while the workers still work and the
 * counting while they exit.
 */
struct na_people_batch
{
	MemoryContext ctx;			/* everything of the batch */
	TupleDesc	desc;			/* the speakers table's */
	int			name_att;
	int			role_att;
	int			affiliation_att;
	int			gender_att;
	int			quotes_att;
	key_cache	cache;
	na_counted_key *counted;	/* by key number, as the rows come */
	key_tally  *tallies;		/* by key number */
	na_counted_key **ordered;	/* counted's keys in the order of their bytes, once counted */
	int			ncounted;		/* keys begun (the key cache's groups) */
	int			maxcounted;
	int			longest;		/* the longest chain of one key's names, roles or affiliations */
	bool		finished;		/* counted: spellings chosen, keys in order */
	text_link  *links_block;	/* where links are made (LINKS_BLOCK) */
	int			links_left;		/* of it */
	Datum	   *values;
	bool	   *isnull;
};

/*
 * The columns are found once per batch, by name and type, as the trigger
 * found them per statement: a speakers table changed by hand gets the
 * trigger's error.
 */
na_people_batch *
na_people_batch_begin(Relation speakers, int64 names_hint)
{
	MemoryContext ctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis registry",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext oldctx = MemoryContextSwitchTo(ctx);
	const char *table = RelationGetRelationName(speakers);
	na_people_batch *batch = palloc0(sizeof(na_people_batch));

	batch->ctx = ctx;
	batch->desc = CreateTupleDescCopy(RelationGetDescr(speakers));
	batch->name_att = speaker_column(batch->desc, "name", TEXTOID, table);
	batch->role_att = speaker_column(batch->desc, "role", TEXTOID, table);
	batch->affiliation_att = speaker_column(batch->desc, "affiliation", TEXTOID, table);
	batch->gender_att = speaker_column(batch->desc, "gender", TEXTOID, table);
	batch->quotes_att = speaker_column(batch->desc, "quotes", INT4OID, table);
	key_cache_init(&batch->cache, names_hint);
	batch->values = palloc(sizeof(Datum) * batch->desc->natts);
	batch->isnull = palloc(sizeof(bool) * batch->desc->natts);
	MemoryContextSwitchTo(oldctx);
	return batch;
}

/* Links are made this many at a time. */
#define LINKS_BLOCK 256

/* text chained in front of *chain (in the batch's memory). */
static void
chain_text(na_people_batch *batch, text_link **chain, text *t)
{
	text_link  *link;

	if (batch->links_left == 0)
	{
		batch->links_block = palloc(sizeof(text_link) * LINKS_BLOCK);
		batch->links_left = LINKS_BLOCK;
	}
	link = &batch->links_block[LINKS_BLOCK - batch->links_left--];
	link->text = t;
	link->next = *chain;
	*chain = link;
}

/* A new key's counts, numbered as the key cache numbered it. */
static void
begin_key(na_people_batch *batch, text *key)
{
	na_counted_key *counted;
	key_tally  *tally;

	if (batch->ncounted == batch->maxcounted)
	{
		/* first as many as the key cache has room for names (pages are touched only as used) */
		batch->maxcounted = Max(batch->maxcounted * 2, (int) batch->cache.maxentries);
		batch->counted = batch->counted == NULL ?
			palloc_extended(sizeof(na_counted_key) * batch->maxcounted, MCXT_ALLOC_HUGE) :
			repalloc_huge(batch->counted, sizeof(na_counted_key) * batch->maxcounted);
		batch->tallies = batch->tallies == NULL ?
			palloc_extended(sizeof(key_tally) * batch->maxcounted, MCXT_ALLOC_HUGE) :
			repalloc_huge(batch->tallies, sizeof(key_tally) * batch->maxcounted);
		populate_start(batch->counted + batch->ncounted,
					   sizeof(na_counted_key) * (batch->maxcounted - batch->ncounted));
		populate_start(batch->tallies + batch->ncounted,
					   sizeof(key_tally) * (batch->maxcounted - batch->ncounted));
	}
	counted = &batch->counted[batch->ncounted];
	tally = &batch->tallies[batch->ncounted];
	memset(counted, 0, sizeof(*counted));
	counted->key = key;
	counted->quotes_null = true;
	memset(tally, 0, sizeof(*tally));
	tally->first_name = -1;
	batch->ncounted++;
}

/*
 * A speaker row of the statement, from its values (valid during the call
 * only), counted into its key as it comes.  Only the texts are kept: the
 * name once per name (the key cache's copy: a BBC COPY has 6,488 speakers
 * of 4,041 names), a role or affiliation in its key's chain.  Rows are not
 * kept: their copies (and the sort that put each key's together) were a
 * third of the pages a fresh backend's registry touched, and such a
 * backend pays for every page of memory it touches first.
 */
static void
batch_add_values(na_people_batch *batch, Datum *values, bool *isnull, const na_person_key *given)
{
	text	   *name = row_text(values, isnull, batch->name_att);
	text	   *gender;
	text	   *role;
	text	   *affiliation;
	key_entry  *key;
	bool		added;
	na_counted_key *counted;
	key_tally  *tally;

	if (name == NULL)
		return;
	Assert(!batch->finished);
	gender = row_text(values, isnull, batch->gender_att);
	key = cached_key(&batch->cache, name, gender, given, &added);
	/* rows without a key do not count */
	if (key->group < 0)
		return;
	if (key->group == batch->ncounted)
		begin_key(batch, batch->cache.groups[key->group]);
	Assert(key->group < batch->ncounted);
	counted = &batch->counted[key->group];
	tally = &batch->tallies[key->group];
	if (added)
	{
		key->next_name = tally->first_name;
		tally->first_name = (int) (key - batch->cache.entries);
		batch->longest = Max(batch->longest, ++tally->nnames);
	}
	counted->male += gender != NULL && text_equals(gender, "male", 4);
	counted->female += gender != NULL && text_equals(gender, "female", 6);
	counted->articles++;
	if (!isnull[batch->quotes_att - 1])
	{
		counted->quotes += DatumGetInt32(values[batch->quotes_att - 1]);
		counted->quotes_null = false;
	}
	role = row_text(values, isnull, batch->role_att);
	if (role != NULL)
	{
		chain_text(batch, &tally->roles,
				   cache_text(&batch->cache, VARDATA_ANY(role), VARSIZE_ANY_EXHDR(role)));
		batch->longest = Max(batch->longest, ++tally->nroles);
	}
	affiliation = row_text(values, isnull, batch->affiliation_att);
	if (affiliation != NULL)
	{
		chain_text(batch, &tally->affiliations,
				   cache_text(&batch->cache, VARDATA_ANY(affiliation), VARSIZE_ANY_EXHDR(affiliation)));
		batch->longest = Max(batch->longest, ++tally->naffiliations);
	}
}

void
na_people_batch_add(na_people_batch *batch, HeapTuple row, const na_person_key *person_key)
{
	MemoryContext oldctx = MemoryContextSwitchTo(batch->ctx);

	heap_deform_tuple(row, batch->desc, batch->values, batch->isnull);
	batch_add_values(batch, batch->values, batch->isnull, person_key);
	MemoryContextSwitchTo(oldctx);
}

/*
 * Apart from the write so that it can run while parallel workers exit
 * (parallel mode lets it: it reads the collations' catalogs, writes
 * nothing); once only.
 */
void
na_people_batch_count(na_people_batch *batch)
{
	MemoryContext oldctx;
	text	  **scratch;

	if (batch->finished)
		return;
	oldctx = MemoryContextSwitchTo(batch->ctx);
	scratch = MemoryContextAllocHuge(batch->ctx, sizeof(text *) * Max(batch->longest, 1));
	for (int k = 0; k < batch->ncounted; k++)
	{
		finish_key(&batch->counted[k], &batch->tallies[k], &batch->cache, scratch,
				   TupleDescAttr(batch->desc, batch->name_att - 1)->attcollation,
				   TupleDescAttr(batch->desc, batch->role_att - 1)->attcollation,
				   TupleDescAttr(batch->desc, batch->affiliation_att - 1)->attcollation);
		if ((k & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
	}
	/* the upsert's order: the keys' bytes (the key column is COLLATE "C") */
	batch->ordered = MemoryContextAllocHuge(batch->ctx, sizeof(na_counted_key *) * Max(batch->ncounted, 1));
	for (int k = 0; k < batch->ncounted; k++)
		batch->ordered[k] = &batch->counted[k];
	sort_counted(batch->ordered, batch->ncounted);
	batch->finished = true;
	MemoryContextSwitchTo(oldctx);
}

/*
 * The upsert runs as the trigger function runs, with search_path
 * pg_catalog, pg_temp (its SET clause), whoever calls: the statement it
 * falls back to names the built-in functions it calls without a schema.
 */
void
na_people_batch_write(na_people_batch *batch, const char *registry)
{
	MemoryContext oldctx;
	int			nestlevel;

	na_people_batch_count(batch);
	if (batch->ncounted == 0)
		return;
	oldctx = MemoryContextSwitchTo(batch->ctx);
	nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (!na_people_upsert(registry, batch->ordered, batch->ncounted))
		upsert_by_statement(registry, batch->ordered, batch->ncounted);
	AtEOXact_GUC(true, nestlevel);
	MemoryContextSwitchTo(oldctx);
}

void
na_people_batch_end(na_people_batch *batch)
{
	MemoryContextDelete(batch->ctx);
}

/*
 * news_analysis.people_added(): AFTER INSERT ... REFERENCING NEW TABLE FOR
 * EACH STATEMENT on <table>_speakers, with the registry table as its
 * argument.
 */
Datum
na_people_added(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Tuplestorestate *rows_in;
	TupleTableSlot *slot;
	na_people_batch *batch;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.people_added() was not called by the trigger manager")));
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) || !TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) || trigdata->tg_newtable == NULL ||
		trigdata->tg_trigger->tgnargs != 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.people_added() must be fired AFTER INSERT FOR EACH STATEMENT with a new table and the registry table as its argument"),
				 errhint("Attach the registry's triggers with news_analysis.track(), not by hand.")));

	/* the statement's speakers with their keys */
	rows_in = trigdata->tg_newtable;
	batch = na_people_batch_begin(trigdata->tg_relation, tuplestore_tuple_count(rows_in));
	slot = MakeSingleTupleTableSlot(batch->desc, &TTSOpsMinimalTuple);
	tuplestore_select_read_pointer(rows_in, tuplestore_alloc_read_pointer(rows_in, EXEC_FLAG_REWIND));
	tuplestore_rescan(rows_in);
	/* each row read where the store keeps it, until the next */
	while (tuplestore_gettupleslot(rows_in, true, false, slot))
	{
		MemoryContext oldctx = MemoryContextSwitchTo(batch->ctx);

		slot_getallattrs(slot);
		batch_add_values(batch, slot->tts_values, slot->tts_isnull, NULL);
		MemoryContextSwitchTo(oldctx);
		CHECK_FOR_INTERRUPTS();
	}
	ExecDropSingleTupleTableSlot(slot);

	na_people_batch_write(batch, trigdata->tg_trigger->tgargs[0]);
	na_people_batch_end(batch);
	return PointerGetDatum(NULL);
}
