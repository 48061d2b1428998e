-- The customers table's own write cost (decision 0009, fourth pass). An INSERT of 10,000 customers spent about
-- 0.55 s of its ≈ 2 s in the statement audit and 0.47 s in the search-keys trigger; both now do the same work
-- for less. Same entries, same keys: nothing a reader sees changes.
--
-- The audit of inserted rows (migration 0012) turned every new row into JSON whole (the search texts and grams
-- included), then walked its keys one by one in a subquery a row to drop the ignored and null ones and wrap the
-- rest as [null, value]. It now builds, once a statement, the SQL of the entry from the table's columns — only the
-- kept ones, each as [null, value] (a secret as [null, "***"]), the null ones removed from the object after —
-- and runs it over the statement's rows: one jsonb_build_object a row (40 pairs an object: a function takes
-- 100 arguments) instead of to_jsonb, jsonb_each and jsonb_object_agg. A JSON null stored in a json or jsonb
-- column counts as null, as before; an entry with nothing left is NULL, as before.
CREATE OR REPLACE FUNCTION berth_audit_inserts() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  ignored text[] := ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id']
                    || ARRAY(SELECT substr(a, 2) FROM unnest(TG_ARGV) a WHERE a LIKE '-%');
  secret text[] := ARRAY(SELECT a FROM unnest(TG_ARGV) a WHERE a NOT LIKE '-%');
  org_sql text;
  id_sql text;
  changes_sql text;
BEGIN
  WITH cols AS (
    SELECT a.attnum, a.attname, row_number() OVER (ORDER BY a.attnum) AS n,
           CASE WHEN a.attname = ANY(secret) THEN '''[null, "***"]''::jsonb'
                ELSE format('jsonb_build_array(null, n.%I)', a.attname) END AS pair_value,
           CASE WHEN b.typname IN ('json', 'jsonb') THEN format('(n.%1$I IS NULL OR n.%1$I::jsonb = ''null''::jsonb)', a.attname)
                WHEN b.typtype IN ('b', 'e', 'r', 'm') THEN format('n.%I IS NULL', a.attname)
                ELSE format('to_jsonb(n.%I) = ''null''::jsonb', a.attname) END AS is_null
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
     WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND NOT (a.attname = ANY(ignored))),
  objects AS (
    SELECT format('jsonb_build_object(%s)', string_agg(format('%L, %s', attname, pair_value), ', ' ORDER BY attnum)) AS object
      FROM cols GROUP BY (n - 1) / 40)
  SELECT format('NULLIF((%s) - array_remove(ARRAY[%s]::text[], NULL), ''{}''::jsonb)',
                (SELECT string_agg(object, ' || ') FROM objects),
                (SELECT string_agg(format('CASE WHEN %s THEN %L END', is_null, attname), ', ' ORDER BY attnum) FROM cols))
    INTO changes_sql;
  SELECT CASE WHEN bool_or(a.attname = 'org_id') AND TG_TABLE_NAME = 'organizations' THEN 'COALESCE(n.org_id::text::uuid, n.id::text::uuid)'
              WHEN bool_or(a.attname = 'org_id') THEN 'n.org_id::text::uuid'
              WHEN bool_or(a.attname = 'id') AND TG_TABLE_NAME = 'organizations' THEN 'n.id::text::uuid'
              ELSE 'NULL::uuid' END,
         CASE WHEN bool_or(a.attname = 'id') THEN 'to_jsonb(n.id) #>> ''{}''' ELSE 'NULL::text' END
    INTO org_sql, id_sql
    FROM pg_attribute a
   WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped;
  EXECUTE format(
    'INSERT INTO audit_log (org_id, actor_id, actor_type, action, entity, entity_id, changes, ip, request_id)
     SELECT %s, $1, $2, ''create'', $3, %s, %s, $4, $5 FROM berth_inserted n',
    org_sql, id_sql, COALESCE(changes_sql, 'NULL::jsonb'))
  USING NULLIF(current_setting('berth.actor_id', true), '')::uuid,
        COALESCE(NULLIF(current_setting('berth.actor_type', true), ''), 'system'),
        TG_TABLE_NAME::text,
        NULLIF(current_setting('berth.ip', true), ''),
        NULLIF(current_setting('berth.request_id', true), '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The search keys (migration 0032) split each text of a customer on its own: one regular-expression split for
-- the search text, each contact text and each of the dozen grams. The texts are joined with a space (not a
-- Chinese character, so no pair crosses two texts; a null text adds nothing, as before) and split once.
CREATE OR REPLACE FUNCTION berth_search_keys(texts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET jit = off AS $$
  SELECT coalesce(array_agg(DISTINCT p.k), '{}'::text[])
    FROM regexp_split_to_table(array_to_string(texts, ' '), '[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+') r,
         generate_series(1, length(r) - 1) i,
         LATERAL (SELECT substr(r, i, 2) AS k) p
   WHERE p.k NOT IN ('有限', '限公', '公司', '责任', '任公', '股份', '份有', '集团')
$$;
--> statement-breakpoint
-- A new customer's keys cannot be in the table yet (its id is new, and its keys are distinct), yet every key
-- of an insert statement paid ON CONFLICT's speculative insertion: a unique-index probe before each insert,
-- about a third of the keys' write (10,000 customers, 77,000 keys: 0.28–0.35 s against 0.18–0.19 s). A statement
-- of 100 customers or more (an import batch, a bulk load) inserts them plainly; should a key be there after all
-- (rows written with the triggers off), the insert is retried with ON CONFLICT DO NOTHING, as before. Smaller
-- statements keep ON CONFLICT: the retry needs a subtransaction, and many of them in one transaction (a
-- customer created at a time) would each hold a subtransaction id to its end.
CREATE OR REPLACE FUNCTION berth_customers_search_keys() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF (SELECT count(*) FROM (SELECT 1 FROM berth_new LIMIT 100) s) >= 100 THEN
      BEGIN
        INSERT INTO customer_search_keys (org_id, key, customer_id)
        SELECT n.org_id, k, n.id
          FROM berth_new n,
               unnest(berth_customer_search_keys(n.merged_into_id, n.search_text, n.contact_search_text,
                        n.contact_personal_text, n.search_grams, n.contact_search_grams)) k;
        RETURN NULL;
      EXCEPTION WHEN unique_violation THEN
        NULL;
      END;
    END IF;
    INSERT INTO customer_search_keys (org_id, key, customer_id)
    SELECT n.org_id, k, n.id
      FROM berth_new n,
           unnest(berth_customer_search_keys(n.merged_into_id, n.search_text, n.contact_search_text,
                    n.contact_personal_text, n.search_grams, n.contact_search_grams)) k
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_search_keys s USING berth_old o WHERE s.org_id = o.org_id AND s.customer_id = o.id;
  ELSE
    WITH changed AS (
      SELECT n.org_id, n.id,
             berth_customer_search_keys(n.merged_into_id, n.search_text, n.contact_search_text,
               n.contact_personal_text, n.search_grams, n.contact_search_grams) AS keys
        FROM berth_new n JOIN berth_old o ON o.org_id = n.org_id AND o.id = n.id
       WHERE (n.search_text, n.contact_search_text, n.contact_personal_text, n.contact_search_grams, n.merged_into_id)
             IS DISTINCT FROM (o.search_text, o.contact_search_text, o.contact_personal_text, o.contact_search_grams, o.merged_into_id)),
    gone AS (
      DELETE FROM customer_search_keys s USING changed c
       WHERE s.org_id = c.org_id AND s.customer_id = c.id AND s.key <> ALL(c.keys))
    INSERT INTO customer_search_keys (org_id, key, customer_id)
    SELECT c.org_id, k, c.id FROM changed c, unnest(c.keys) k
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
