-- A snapshot of what news_analysis made in a database, as sorted text lines
-- "kind | object | detail", free of OIDs and times, so that two databases can
-- be compared with diff: the extension's members (functions with signature,
-- result, volatility, parallel safety, strictness, settings and body; types
-- and their attributes; tables, sequences, policies, event triggers, text
-- search objects; comments and grants) and what track() and create_views()
-- made in the user's schemas (tables with columns, keys, indexes, triggers
-- and comments; views with their definitions; the registry's rows).
-- Used by test/reliability/suites/upgrade.sh and test/reliability/suites/dump_restore.sh:
--   psql -X -At -f test/tools/catalog_snapshot.sql
\set ON_ERROR_STOP on
SET search_path = pg_catalog;
WITH ext AS (
  SELECT e.oid, e.extversion, e.extconfig, e.extcondition
    FROM pg_extension e WHERE e.extname = 'news_analysis'
), members AS (
  SELECT d.classid, d.objid
    FROM pg_depend d, ext
   WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
), user_rels AS (
  -- relations in the user's schemas (not the extension's members)
  SELECT c.oid, c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'news_analysis', 'cron')
     AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
     AND c.relkind IN ('r', 'p', 'v', 'm')
     AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
), facts(kind, object, detail) AS (
  SELECT 'extension', 'news_analysis', 'version ' || extversion FROM ext
  UNION ALL
  SELECT 'config-dump', c::regclass::text, coalesce(nullif(extcondition[i], ''), '(all rows)')
    FROM ext, unnest(extconfig) WITH ORDINALITY AS u(c, i)
  UNION ALL
  SELECT 'member', pg_describe_object(m.classid, m.objid, 0), ''
    FROM members m
  UNION ALL
  -- functions: everything that decides how they are called and what they do
  SELECT 'function', p.oid::regprocedure::text,
         format('args(%s) returns %s kind %s lang %s volatile %s parallel %s strict %s secdef %s leakproof %s cost %s rows %s config %s src %s bin %s',
                pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), p.prokind,
                l.lanname, p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
                p.proleakproof, p.procost, p.prorows, coalesce(p.proconfig::text, '-'),
                CASE WHEN l.lanname IN ('c', 'internal') THEN p.prosrc ELSE md5(p.prosrc) END,
                coalesce(p.probin, '-'))
    FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
    JOIN pg_language l ON l.oid = p.prolang
  UNION ALL
  SELECT 'function-acl', p.oid::regprocedure::text, coalesce(p.proacl::text, 'default')
    FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
  UNION ALL
  -- types: kind, and the attributes of composite types in order
  SELECT 'type', t.oid::regtype::text, format('typtype %s', t.typtype)
    FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
  UNION ALL
  SELECT 'type-attribute', t.oid::regtype::text,
         format('%s: %s %s', row_number() OVER (PARTITION BY t.oid ORDER BY a.attnum),
                a.attname, format_type(a.atttypid, a.atttypmod))
    FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
    JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
   WHERE t.typtype = 'c'
  UNION ALL
  SELECT 'enum-label', t.oid::regtype::text, e.enumlabel
    FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
    JOIN pg_enum e ON e.enumtypid = t.oid
  UNION ALL
  -- the extension's own tables and sequences, and every user relation
  SELECT 'relation', c.oid::regclass::text,
         format('relkind %s owner %s rls %s acl %s', c.relkind, pg_get_userbyid(c.relowner),
                c.relrowsecurity, coalesce(c.relacl::text, 'default'))
    FROM pg_class c
   WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
      OR c.oid IN (SELECT oid FROM user_rels)
  UNION ALL
  SELECT 'column', c.oid::regclass::text,
         format('%s: %s %s%s%s', row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum),
                a.attname, format_type(a.atttypid, a.atttypmod),
                CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '') ||
                CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END)
    FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
   WHERE c.relkind IN ('r', 'p', 'v', 'm')
     AND (c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
          OR c.oid IN (SELECT oid FROM user_rels))
  UNION ALL
  SELECT 'constraint', c.oid::regclass::text, k.conname || ': ' || pg_get_constraintdef(k.oid)
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
   WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
      OR c.oid IN (SELECT oid FROM user_rels)
  UNION ALL
  SELECT 'index', c.oid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
   WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
      OR c.oid IN (SELECT oid FROM user_rels)
  UNION ALL
  SELECT 'trigger', c.oid::regclass::text, pg_get_triggerdef(g.oid) || ' enabled ' || g.tgenabled::text
    FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
   WHERE NOT g.tgisinternal AND c.oid IN (SELECT oid FROM user_rels)
  UNION ALL
  SELECT 'view', c.oid::regclass::text, md5(pg_get_viewdef(c.oid)) || ' ' ||
         left(regexp_replace(pg_get_viewdef(c.oid), '\s+', ' ', 'g'), 120)
    FROM pg_class c WHERE c.oid IN (SELECT oid FROM user_rels WHERE relkind IN ('v', 'm'))
  UNION ALL
  SELECT 'policy', p.polrelid::regclass::text,
         format('%s %s %s using %s check %s', p.polname, p.polcmd, p.polpermissive,
                coalesce(pg_get_expr(p.polqual, p.polrelid), '-'),
                coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '-'))
    FROM pg_policy p WHERE p.polrelid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
  UNION ALL
  SELECT 'event-trigger', t.evtname,
         format('%s %s enabled %s tags %s', t.evtevent, t.evtfoid::regproc, t.evtenabled,
                coalesce(t.evttags::text, '-'))
    FROM pg_event_trigger t
  UNION ALL
  SELECT 'ts-config-map', cfg.oid::regconfig::text,
         format('%s -> %s', m.maptokentype, string_agg(m.mapdict::regdictionary::text, ',' ORDER BY m.mapseqno))
    FROM members mm JOIN pg_ts_config cfg ON mm.classid = 'pg_ts_config'::regclass AND cfg.oid = mm.objid
    JOIN pg_ts_config_map m ON m.mapcfg = cfg.oid
   GROUP BY cfg.oid, m.maptokentype
  UNION ALL
  SELECT 'schema', n.nspname, coalesce(n.nspacl::text, 'default')
    FROM pg_namespace n WHERE n.nspname = 'news_analysis'
  UNION ALL
  -- comments on members, user relations and their columns
  SELECT 'comment', pg_describe_object(d.classoid, d.objoid, d.objsubid), md5(d.description)
    FROM pg_description d
   WHERE (d.classoid, d.objoid) IN (SELECT classid, objid FROM members)
      OR (d.classoid = 'pg_class'::regclass AND d.objoid IN (SELECT oid FROM user_rels))
  UNION ALL
  SELECT 'comment', 'event trigger ' || t.evtname, md5(d.description)
    FROM pg_event_trigger t JOIN pg_description d
      ON d.classoid = 'pg_event_trigger'::regclass AND d.objoid = t.oid
   WHERE t.oid NOT IN (SELECT objid FROM members WHERE classid = 'pg_event_trigger'::regclass)
  UNION ALL
  -- the registry: what is tracked, and how
  SELECT 'tracked', r.source::text,
         format('text %s key %s strict %s quotes %s speakers %s votes %s views %s',
                r.text_column, r.key_column, r.strict_mode, r.quotes_table, r.speakers_table,
                r.vote_events_table, r.views)
    FROM news_analysis.tracked r
)
SELECT kind || ' | ' || object || ' | ' || detail FROM facts ORDER BY 1;
