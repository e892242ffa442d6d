-- The people registry of a tracked table (issue #16): one person under one
-- name across the corpus.
--
-- Each article's speakers come from the analysis with the fullest name that
-- article uses ("Donald J. Trump", "Mrs. Clinton", "Obama").  The registry
-- counts them under a key made by person_key() (titles, party and state
-- words, initials, middle names and case dropped: "donald trump"; a surname
-- alone keeps the gender its article gives it: "clinton (female)"):
--
--   <table>_names            a table: one row per key, kept by triggers on
--                            <table>_speakers (counts, spellings, roles,
--                            affiliations, gender evidence, first/last seen);
--   <table>_people           a view: one row per person, a surname alone
--                            counted under the one full name of the corpus
--                            it can be (same surname, no other gender, at
--                            least 80% of that surname's articles);
--   <table>_speaker_people   a view: each article's speaker with its key and
--                            person, what the analyst views join.
--
-- Writes keep <table>_names right: an INSERT of speakers adds its counts as
-- one INSERT ... ON CONFLICT DO UPDATE in key order would (concurrent
-- writers wait on the rows they share and never deadlock among themselves;
-- under READ COMMITTED the trigger writes them itself with that
-- statement's protocol, src/pg/people_upsert_pg.c); a
-- DELETE (an article deleted, updated or analysed again) locks its keys in
-- key order and takes its counts back, removing a key no article names any
-- more; the spellings, roles and affiliations a key has shown stay until
-- reanalyse() (they are what was seen); a TRUNCATE empties it.  The merge of
-- a surname with a full name is made when the views are read, so it follows
-- the corpus as it grows and shrinks.

CREATE FUNCTION news_analysis.person_key(name text, gender text DEFAULT NULL)
  RETURNS text
  AS 'MODULE_PATHNAME', 'na_person_key_sql'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.person_key(text, text) IS
  'the key under which the people registry counts a speaker''s name: lower case, without titles, honorifics, party, state and descriptive words in front, initials, possessives and middle names ("President Donald J. Trump" is "donald trump"), a generational suffix kept ("Donald Trump Jr." is "donald trump jr"), a surname''s particles part of it ("Bill de Blasio" is "bill deblasio"); the name of an organisation (ending in Times, Party, Department, ...) keeps all its words ("the New York Times" is "new york times"); a surname alone carries the gender given (''male'', ''female''): "clinton (female)"; an acronym, a name standing alone, a place, a party''s people or a group named alone keeps its word as written ("EU", "Twitter", "China", "Tories"), so that it is no surname of a longer name; NULL when the name holds no name';

-- The surname of a name key: its last word before a gender tag and a
-- generational suffix ("donald trump jr" and "trump (male)": "trump").
CREATE FUNCTION news_analysis.person_surname(key text)
  RETURNS text
  AS 'MODULE_PATHNAME', 'na_person_surname_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.person_surname(text) IS
  'internal: the surname of a name key of news_analysis.person_key(): its last word, without a gender tag or a generational suffix';

-- No foreign key to news_analysis.tracked: both are configuration tables
-- (pg_dump dumps their rows), and a parallel pg_restore (-j) loads the two
-- in either order, so a key checked on load fails now and then.  Every way
-- a tracked row goes (untrack(), the drop clean-up) calls detach_people(),
-- which deletes this row first.
CREATE TABLE news_analysis.tracked_people (
  source              regclass PRIMARY KEY,
  names_table         regclass NOT NULL,
  people_view         regclass NOT NULL,
  speaker_people_view regclass NOT NULL
);
COMMENT ON TABLE news_analysis.tracked_people IS
  'the people registry of each tracked table: <table>_names (one row per name key, kept by triggers on <table>_speakers), the views <table>_people (one row per person) and <table>_speaker_people (each article''s speaker with its person)';
ALTER TABLE news_analysis.tracked_people ENABLE ROW LEVEL SECURITY;
CREATE POLICY tracked_people_read ON news_analysis.tracked_people FOR SELECT
  USING (pg_catalog.has_table_privilege(source, 'SELECT'));
CREATE POLICY tracked_people_write ON news_analysis.tracked_people FOR ALL
  USING (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE')
     OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source))
  WITH CHECK (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE'));
GRANT SELECT, INSERT, UPDATE, DELETE ON news_analysis.tracked_people TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('news_analysis.tracked_people', '');

-- Triggers on <table>_speakers; TG_ARGV[0] is the names table.

-- people_added() is C (src/pg/people_registry_pg.c): the speakers of a
-- statement (its transition table) counted per key, in one upsert in key
-- order (written without the statement where it writes the same rows:
-- src/pg/people_upsert_pg.c).  As a SQL statement (person_key() over every row, a sort of the
-- rows under the collation for a window count, sorts per key and aggregate)
-- it was a fifth of a tracked COPY's trigger path.  Per key it keeps the
-- spelling of the key itself, else the longest, else the first in the
-- collation's order; the distinct spellings (32 at most), roles and
-- affiliations in the collation's order; the gender evidence, articles and
-- quotes.  On a key already there (ON CONFLICT) the spelling of the key
-- wins, else the longer; spellings, roles and affiliations are merged.
CREATE FUNCTION news_analysis.people_added()
  RETURNS trigger
  AS 'MODULE_PATHNAME', 'na_people_added'
  LANGUAGE C
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION news_analysis.people_added() IS
  'internal: trigger after INSERT on <table>_speakers: adds the new speakers to the people registry <table>_names, one upsert in key order';

CREATE FUNCTION news_analysis.people_removed()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  keys text[];
BEGIN
  SELECT array_agg(DISTINCT k.key ORDER BY k.key) INTO keys
    FROM news_analysis_people_old s,
         LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
   WHERE k.key IS NOT NULL;
  IF keys IS NULL THEN
    RETURN NULL;
  END IF;
  -- the keys locked in key order (as the upserts of people_added take
  -- them), then their counts taken back; a key no article names any more goes
  EXECUTE format($q$
    SELECT 1 FROM %1$s p WHERE p.key OPERATOR(pg_catalog.=) ANY ($1) ORDER BY p.key FOR UPDATE$q$,
    TG_ARGV[0]) USING keys;
  EXECUTE format($q$
    WITH o AS (
      SELECT k.key, count(*) AS articles, sum(s.quotes) AS quotes,
             count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'male') AS male,
             count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'female') AS female
        FROM news_analysis_people_old s,
             LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
       WHERE k.key IS NOT NULL
       GROUP BY k.key)
    UPDATE %1$s p
       SET articles = p.articles - o.articles, quotes = p.quotes - o.quotes,
           male = greatest(p.male - o.male, 0), female = greatest(p.female - o.female, 0)
      FROM o
     WHERE p.key OPERATOR(pg_catalog.=) o.key$q$, TG_ARGV[0]);
  EXECUTE format($q$
    DELETE FROM %1$s p WHERE p.key OPERATOR(pg_catalog.=) ANY ($1) AND p.articles OPERATOR(pg_catalog.<=) 0$q$,
    TG_ARGV[0]) USING keys;
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.people_removed() IS
  'internal: trigger after DELETE on <table>_speakers: the counts of the deleted speakers are taken back from their keys (locked in key order); a key no article names any more goes';

CREATE FUNCTION news_analysis.people_truncated()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  EXECUTE format('TRUNCATE %s', TG_ARGV[0]);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.people_truncated() IS
  'internal: trigger after TRUNCATE on <table>_speakers: empties the people registry <table>_names';

-- A data-only restore (pg_restore --data-only, without --disable-triggers)
-- loads the speakers with their triggers on, and those triggers count every
-- speaker row that arrives in <table>_names; the dump's copy of
-- <table>_names would count them twice, or collide with the keys already
-- counted.  So the registry's table takes rows from its triggers only
-- (pg_trigger_depth() > 0): any other INSERT is skipped.  A full restore
-- creates this trigger after the data, as every trigger, and loads the
-- dump's rows as they were.
CREATE FUNCTION news_analysis.skip_people_row()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.skip_people_row() IS
  'internal: trigger news_analysis_people_restore of a people registry''s <table>_names: a row not written by the registry''s triggers (a data-only restore) is skipped, the triggers on <table>_speakers count the restored speakers themselves';

-- What DROP EXTENSION ... CASCADE leaves of a people registry: the table
-- <table>_names (it uses no function of the extension; the views
-- <table>_people, which calls name_gender(), and <table>_speaker_people,
-- which calls person_key(), go with it; a view <table>_people of an earlier
-- version stays), or what a DROP TABLE without the drop clean-up leaves.  They are known by the
-- comments attach_people() gave them and by no registry row of a table that
-- exists naming them; track() drops them before it makes its derived tables
-- (the view <table>_speaker_people depends on <table>_speakers).
CREATE FUNCTION news_analysis.drop_people_leftover(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  nspname name;
  relname name;
  names   text;
  people  text;
  links   text;
  rel     oid;
  views   text;
BEGIN
  SELECT n.nspname, c.relname INTO nspname, relname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = source;
  names := format('%I.%I', nspname, relname || '_names');
  people := format('%I.%I', nspname, relname || '_people');
  links := format('%I.%I', nspname, relname || '_speaker_people');
  -- the views first: they depend on the table
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO views
    FROM unnest(ARRAY[links, people]) v(name)
    JOIN pg_class c ON c.oid = to_regclass(v.name) AND c.relkind = 'v'
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE (coalesce(obj_description(c.oid, 'pg_class'), '') LIKE 'the people quoted in ' || source::text || ', one row per person%'
          OR coalesce(obj_description(c.oid, 'pg_class'), '') LIKE 'each speaker of each article of ' || source::text || ' with its name key%')
     AND NOT EXISTS (SELECT 1 FROM news_analysis.tracked_people p
                      WHERE c.oid IN (p.people_view, p.speaker_people_view)
                        AND EXISTS (SELECT 1 FROM pg_class s WHERE s.oid = p.source));
  IF views IS NOT NULL THEN
    RAISE NOTICE 'dropping views %, left by an earlier news_analysis.track() of %', views, source;
    -- without CASCADE: views of the user's own on them stop the DROP with an error naming them
    EXECUTE 'DROP VIEW ' || views;
  END IF;
  rel := to_regclass(names);
  IF rel IS NOT NULL
     AND (SELECT c.relkind FROM pg_class c WHERE c.oid = rel) = 'r'
     AND coalesce(obj_description(rel, 'pg_class'), '') LIKE 'the people registry of ' || source::text || ': %'
     AND NOT EXISTS (SELECT 1 FROM news_analysis.tracked_people p
                      WHERE p.names_table = rel AND EXISTS (SELECT 1 FROM pg_class s WHERE s.oid = p.source)) THEN
    RAISE NOTICE 'dropping table %, left by an earlier news_analysis.track() of %', names, source
      USING DETAIL = 'DROP EXTENSION news_analysis CASCADE keeps the people registry''s table, and so does DROP TABLE without the drop clean-up.';
    EXECUTE format('DROP TABLE %s', names);
  END IF;
END
$fn$;
COMMENT ON FUNCTION news_analysis.drop_people_leftover(regclass) IS
  'internal: drops the table <table>_names and the views <table>_people and <table>_speaker_people of source left behind by DROP EXTENSION news_analysis CASCADE (or a DROP TABLE without the drop clean-up), so that track() can make the people registry again';

-- The gender a name's own words imply (a gendered title or honorific in
-- front, else the given name of a full name): evidence against a merge of
-- the people registry, never a person's gender.
CREATE FUNCTION news_analysis.name_gender(name text)
  RETURNS text
  AS 'MODULE_PATHNAME', 'na_name_gender_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.name_gender(text) IS
  'internal: ''male'' or ''female'' when a gendered title or honorific in front of the name ("Lord Falconer") or the given name of a full name ("Rebecca Falconer", data/lexicon/first_names.tsv) implies it, else NULL; the people registry reads it as evidence against counting a surname alone under a full name, never as a person''s gender';

-- The keys of <names> with the person each is counted under: a full name is
-- its own person; a surname alone is the full name of that surname that
-- holds at least 80% of the articles of the full names it can be, or stays
-- its own.  A full name it can be has the same surname and nothing against
-- the gender of the surname alone (its evidence, else a gendered title or
-- honorific of its spellings: "Lord Falconer"): neither the full name's
-- evidence nor its given name (name_gender(): "Rebecca Falconer") is of
-- the other gender.  A given name is evidence against a merge only, never
-- a person's gender.
CREATE FUNCTION news_analysis.people_resolution_sql(names regclass)
  RETURNS text
  LANGUAGE sql IMMUTABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
SELECT format($q$
  WITH n AS (
    SELECT p.*,
           CASE WHEN p.male OPERATOR(pg_catalog.>) p.female THEN 'male'
                WHEN p.female OPERATOR(pg_catalog.>) p.male THEN 'female' END AS gender,
           pg_catalog.strpos(pg_catalog.split_part(p.key, ' (', 1), ' ') OPERATOR(pg_catalog.>) 0
             AS full_name
      FROM %1$s p),
  -- each surname alone with the gender its evidence or its spellings' titles give it
  s AS (
    SELECT n.key, n.surname,
           coalesce(n.gender,
                    (SELECT pg_catalog.min(g.g) FROM pg_catalog.unnest(n.aliases) a,
                            LATERAL (SELECT news_analysis.name_gender(a) AS g) g
                      HAVING pg_catalog.count(DISTINCT g.g) OPERATOR(pg_catalog.=) 1)) AS gender
      FROM n WHERE NOT n.full_name),
  -- with the full names it can be: same surname, nothing of the other gender
  c AS (
    SELECT s.key, f.key AS candidate, f.articles,
           pg_catalog.row_number() OVER (PARTITION BY s.key
                                         ORDER BY f.articles DESC, f.quotes DESC, f.key) AS rank,
           pg_catalog.sum(f.articles) OVER (PARTITION BY s.key) AS total
      FROM s
      JOIN n f ON f.surname OPERATOR(pg_catalog.=) s.surname AND f.full_name
     WHERE s.gender IS NULL
        OR ((f.gender IS NULL OR f.gender OPERATOR(pg_catalog.=) s.gender)
            AND coalesce(news_analysis.name_gender(f.name) OPERATOR(pg_catalog.=) s.gender, true)))
  SELECT n.*, coalesce(c.candidate, n.key) AS person
    FROM n
    LEFT JOIN c ON c.key OPERATOR(pg_catalog.=) n.key AND c.rank OPERATOR(pg_catalog.=) 1
               AND c.articles OPERATOR(pg_catalog.>=) (0.8 OPERATOR(pg_catalog.*) c.total)$q$, names)
$fn$;
COMMENT ON FUNCTION news_analysis.people_resolution_sql(regclass) IS
  'internal: the query of the keys of a people registry with the person each is counted under (see attach_people)';

-- Make the registry of a tracked table (track() calls it).
CREATE FUNCTION news_analysis.attach_people(source regclass)
  RETURNS regclass
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t        news_analysis.tracked;
  rel      pg_class;
  nspname  name;
  owner    name;
  names    text;
  people   text;
  links    text;
  resolved text;
  distributed boolean;
BEGIN
  t := news_analysis.tracked_row(source);
  SELECT * INTO rel FROM pg_class c WHERE c.oid = source;
  SELECT n.nspname INTO nspname FROM pg_namespace n WHERE n.oid = rel.relnamespace;
  owner := pg_get_userbyid(rel.relowner);
  IF octet_length(rel.relname || '_speaker_people') > 63 THEN
    RAISE EXCEPTION 'the name of table % is too long for its people registry "%"', source,
      rel.relname || '_speaker_people'
      USING ERRCODE = 'name_too_long',
            HINT = 'The people registry is named after the table with the suffixes _names, _people and _speaker_people; rename the table.';
  END IF;
  names := format('%I.%I', nspname, rel.relname || '_names');
  people := format('%I.%I', nspname, rel.relname || '_people');
  links := format('%I.%I', nspname, rel.relname || '_speaker_people');
  IF to_regclass(names) IS NOT NULL OR to_regclass(people) IS NOT NULL OR to_regclass(links) IS NOT NULL THEN
    RAISE EXCEPTION 'relation % or % or % already exists', names, people, links
      USING ERRCODE = 'duplicate_table',
            HINT = 'news_analysis.track() creates them: drop or rename them first.';
  END IF;
  distributed := news_analysis.citus_method(t.speakers_table) IS NOT NULL;
  IF distributed THEN
    -- Citus: a distributed table takes no statement triggers, and its rows
    -- live on the workers; the registry is counted when read
    EXECUTE format($q$
      CREATE VIEW %1$s AS
      SELECT k.key, news_analysis.person_surname(k.key) AS surname,
             (pg_catalog.array_agg(s.name ORDER BY pg_catalog.lower(s.name) OPERATOR(pg_catalog.=) pg_catalog.split_part(k.key, ' (', 1) DESC,
                                   pg_catalog.length(s.name) DESC, s.name))[1] AS name,
             (pg_catalog.array_agg(DISTINCT s.name ORDER BY s.name))[1:32] AS aliases,
             pg_catalog.count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'male')::integer AS male,
             pg_catalog.count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'female')::integer AS female,
             coalesce(pg_catalog.array_agg(DISTINCT s.role) FILTER (WHERE s.role IS NOT NULL), '{}') AS roles,
             coalesce(pg_catalog.array_agg(DISTINCT s.affiliation) FILTER (WHERE s.affiliation IS NOT NULL), '{}')
               AS affiliations,
             pg_catalog.count(*)::integer AS articles, pg_catalog.sum(s.quotes)::integer AS quotes,
             NULL::timestamptz AS first_seen, NULL::timestamptz AS last_seen
        FROM %2$s s, LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
       WHERE k.key IS NOT NULL
       GROUP BY k.key$q$, names, news_analysis.qualified_name(t.speakers_table));
    EXECUTE format('ALTER VIEW %s OWNER TO %I', names, owner);
    EXECUTE format('COMMENT ON VIEW %s IS %L', names,
                   format('the people registry of %s: one row per name key (news_analysis.person_key), counted from %s when read (a Citus distributed table keeps no registry triggers; first_seen and last_seen are NULL); see the view %s',
                          source, t.speakers_table, people));
  ELSE
    EXECUTE format($q$
      CREATE TABLE %s (
        key          text COLLATE "C" PRIMARY KEY,
        surname      text NOT NULL,
        name         text NOT NULL,
        aliases      text[] NOT NULL DEFAULT '{}',
        male         integer NOT NULL DEFAULT 0,
        female       integer NOT NULL DEFAULT 0,
        roles        text[] NOT NULL DEFAULT '{}',
        affiliations text[] NOT NULL DEFAULT '{}',
        articles     integer NOT NULL,
        quotes       integer NOT NULL,
        first_seen   timestamptz NOT NULL,
        last_seen    timestamptz NOT NULL)$q$, names);
    EXECUTE format('ALTER TABLE %s OWNER TO %I', names, owner);
    EXECUTE format('COMMENT ON TABLE %s IS %L', names,
                   format('the people registry of %s: one row per name key (news_analysis.person_key), kept by triggers on %s; see the view %s',
                          source, t.speakers_table, people));
    EXECUTE format('CREATE TRIGGER news_analysis_people_added AFTER INSERT ON %s'
                   ' REFERENCING NEW TABLE AS news_analysis_people_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.people_added(%L)',
                   t.speakers_table, names);
    EXECUTE format('CREATE TRIGGER news_analysis_people_removed AFTER DELETE ON %s'
                   ' REFERENCING OLD TABLE AS news_analysis_people_old'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.people_removed(%L)',
                   t.speakers_table, names);
    EXECUTE format('CREATE TRIGGER news_analysis_people_truncated AFTER TRUNCATE ON %s'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.people_truncated(%L)',
                   t.speakers_table, names);
  END IF;

  resolved := news_analysis.people_resolution_sql(names::regclass);
  EXECUTE format($q$
    CREATE VIEW %1$s AS
    WITH r AS (%2$s),
    p AS (
      SELECT r.person,
             (pg_catalog.array_agg(r.name ORDER BY r.full_name DESC, r.articles DESC, r.name))[1] AS name,
             pg_catalog.sum(r.male) AS male, pg_catalog.sum(r.female) AS female,
             pg_catalog.sum(r.articles)::bigint AS articles, pg_catalog.sum(r.quotes)::bigint AS quotes,
             pg_catalog.min(r.first_seen) AS first_seen, pg_catalog.max(r.last_seen) AS last_seen,
             pg_catalog.array_agg(r.key ORDER BY r.key) AS keys
        FROM r GROUP BY r.person),
    al AS (SELECT r.person, pg_catalog.array_agg(DISTINCT x ORDER BY x) AS aliases
             FROM r, pg_catalog.unnest(r.aliases) x GROUP BY r.person),
    ro AS (SELECT r.person, pg_catalog.array_agg(DISTINCT x ORDER BY x) AS roles
             FROM r, pg_catalog.unnest(r.roles) x GROUP BY r.person),
    af AS (SELECT r.person, pg_catalog.array_agg(DISTINCT x ORDER BY x) AS affiliations
             FROM r, pg_catalog.unnest(r.affiliations) x GROUP BY r.person)
    SELECT p.person AS key, p.name,
           pg_catalog.array_remove(coalesce(al.aliases, '{}'), p.name) AS aliases,
           CASE WHEN p.male OPERATOR(pg_catalog.>) p.female THEN 'male'
                WHEN p.female OPERATOR(pg_catalog.>) p.male THEN 'female' END AS gender,
           coalesce(ro.roles, '{}') AS roles, coalesce(af.affiliations, '{}') AS affiliations,
           p.articles, p.quotes, p.first_seen, p.last_seen, p.keys
      FROM p
      LEFT JOIN al ON al.person OPERATOR(pg_catalog.=) p.person
      LEFT JOIN ro ON ro.person OPERATOR(pg_catalog.=) p.person
      LEFT JOIN af ON af.person OPERATOR(pg_catalog.=) p.person$q$, people, resolved);
  EXECUTE format('ALTER VIEW %s OWNER TO %I', people, owner);
  EXECUTE format('COMMENT ON VIEW %s IS %L', people,
                 format('the people quoted in %s, one row per person: key, canonical name, other spellings, gender (from honorifics and pronouns across the corpus; NULL when none or as much for each), roles and affiliations seen, articles and quotes, first and last seen (analysed), and the name keys counted under it',
                        source));
  EXECUTE format($q$
    CREATE VIEW %1$s AS
    WITH r AS (%2$s),
    pn AS (
      SELECT r.person,
             (pg_catalog.array_agg(r.name ORDER BY r.full_name DESC, r.articles DESC, r.name))[1] AS name
        FROM r GROUP BY r.person)
    SELECT s.article_key, s.name AS speaker, k.key, r.person,
           coalesce(pn.name, s.name) AS person_name
      FROM %3$s s
      CROSS JOIN LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
      LEFT JOIN r ON r.key OPERATOR(pg_catalog.=) k.key
      LEFT JOIN pn ON pn.person OPERATOR(pg_catalog.=) r.person$q$,
    links, resolved, news_analysis.qualified_name(t.speakers_table));
  EXECUTE format('ALTER VIEW %s OWNER TO %I', links, owner);
  EXECUTE format('COMMENT ON VIEW %s IS %L', links,
                 format('each speaker of each article of %s with its name key and the person it is counted under in %s (person_name: that person''s canonical name)',
                        source, people));
  INSERT INTO news_analysis.tracked_people (source, names_table, people_view, speaker_people_view)
  VALUES (source, names::regclass, people::regclass, links::regclass);
  IF distributed THEN
    RETURN names::regclass;
  END IF;
  -- the speakers already there
  EXECUTE format($q$
    INSERT INTO %1$s AS p (key, surname, name, aliases, male, female, roles, affiliations,
                           articles, quotes, first_seen, last_seen)
    SELECT k.key, news_analysis.person_surname(k.key),
           (array_agg(s.name ORDER BY lower(s.name) = split_part(k.key, ' (', 1) DESC,
                                      length(s.name) DESC, s.name))[1],
           (array_agg(DISTINCT s.name ORDER BY s.name))[1:32],
           count(*) FILTER (WHERE s.gender = 'male'), count(*) FILTER (WHERE s.gender = 'female'),
           coalesce(array_agg(DISTINCT s.role) FILTER (WHERE s.role IS NOT NULL), '{}'),
           coalesce(array_agg(DISTINCT s.affiliation) FILTER (WHERE s.affiliation IS NOT NULL), '{}'),
           count(*), sum(s.quotes), now(), now()
      FROM %2$s s, LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
     WHERE k.key IS NOT NULL
     GROUP BY k.key$q$, names, news_analysis.qualified_name(t.speakers_table));
  -- from now on only the triggers above write it (see skip_people_row)
  EXECUTE format('CREATE TRIGGER news_analysis_people_restore BEFORE INSERT ON %s'
                 ' FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)'
                 ' EXECUTE FUNCTION news_analysis.skip_people_row()', names);
  RETURN names::regclass;
END
$fn$;
COMMENT ON FUNCTION news_analysis.attach_people(regclass) IS
  'internal: makes the people registry of a tracked table (<table>_names, its triggers on <table>_speakers, the views <table>_people and <table>_speaker_people) and fills it from the speakers already there (for a Citus distributed table <table>_names is a view counting the speakers when read); news_analysis.track() calls it';

-- Remove it (untrack() and the drop clean-up call it): the views first, they
-- depend on the speakers table.
CREATE FUNCTION news_analysis.detach_people(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  r     news_analysis.tracked_people;
  t     news_analysis.tracked;
  views text;
  counted_on_read boolean;
BEGIN
  SELECT * INTO r FROM news_analysis.tracked_people p WHERE p.source = detach_people.source;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- whatever a DROP ... CASCADE took with it is gone already
  SELECT string_agg(news_analysis.qualified_name(v), ', ') INTO views
    FROM unnest(ARRAY[r.speaker_people_view, r.people_view]) v
   WHERE news_analysis.qualified_name(v) IS NOT NULL;
  IF views IS NOT NULL THEN
    EXECUTE format('DROP VIEW IF EXISTS %s', views);
  END IF;
  -- a view for a Citus distributed table, which has no triggers of the
  -- registry (see attach_people)
  counted_on_read := (SELECT c.relkind FROM pg_class c WHERE c.oid = r.names_table) = 'v';
  IF news_analysis.qualified_name(r.names_table) IS NOT NULL THEN
    EXECUTE format(CASE WHEN counted_on_read THEN 'DROP VIEW IF EXISTS %s' ELSE 'DROP TABLE IF EXISTS %s' END,
                   news_analysis.qualified_name(r.names_table));
  END IF;
  SELECT * INTO t FROM news_analysis.tracked x WHERE x.source = detach_people.source;
  IF FOUND AND NOT coalesce(counted_on_read, false)
     AND news_analysis.qualified_name(t.speakers_table) IS NOT NULL THEN
    EXECUTE format('DROP TRIGGER IF EXISTS news_analysis_people_added ON %1$s;'
                   ' DROP TRIGGER IF EXISTS news_analysis_people_removed ON %1$s;'
                   ' DROP TRIGGER IF EXISTS news_analysis_people_truncated ON %1$s',
                   news_analysis.qualified_name(t.speakers_table));
  END IF;
  DELETE FROM news_analysis.tracked_people p WHERE p.source = detach_people.source;
END
$fn$;
COMMENT ON FUNCTION news_analysis.detach_people(regclass) IS
  'internal: drops the people registry of a tracked table (its views, <table>_names and the triggers that keep it)';
