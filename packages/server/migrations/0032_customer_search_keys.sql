CREATE TABLE "customer_search_keys" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "customer_search_keys_org_id_key_customer_id_pk" PRIMARY KEY("org_id","key","customer_id")
);
--> statement-breakpoint
-- The search keys of a customer's texts: every pair of adjacent Chinese characters, except the pairs
-- of company suffixes every name has (find-customers keeps the same list: a term made only of them
-- is searched the other way). Any Chinese term a text contains has all its pairs among the keys.
CREATE OR REPLACE FUNCTION berth_search_keys(texts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT p.k), '{}'::text[])
    FROM unnest(texts) t,
         regexp_split_to_table(coalesce(t, ''), '[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+') r,
         generate_series(1, length(r) - 1) i,
         LATERAL (SELECT substr(r, i, 2) AS k) p
   WHERE p.k NOT IN ('有限', '限公', '公司', '责任', '任公', '股份', '份有', '集团')
$$;
--> statement-breakpoint
-- What a customer is searched by: its own texts and grams and its contacts' (folded onto it); nothing once merged.
CREATE OR REPLACE FUNCTION berth_customer_search_keys(merged_into_id uuid, search_text text, contact_search_text text,
  contact_personal_text text, search_grams text[], contact_search_grams text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN merged_into_id IS NOT NULL THEN '{}'::text[]
              ELSE berth_search_keys(ARRAY[search_text, contact_search_text, contact_personal_text]
                                     || search_grams || contact_search_grams) END
$$;
--> statement-breakpoint
-- One set-based statement per written statement on customers: an import batch is one insert of keys.
-- An update rewrites the keys of the customers whose searchable texts changed (or who were merged):
-- the keys they lost go, the new ones come, in one statement.
CREATE OR REPLACE FUNCTION berth_customers_search_keys() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
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
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_search_keys_inserts AFTER INSERT ON customers REFERENCING NEW TABLE AS berth_new
  FOR EACH STATEMENT EXECUTE FUNCTION berth_customers_search_keys();
--> statement-breakpoint
CREATE TRIGGER customers_search_keys_updates AFTER UPDATE ON customers REFERENCING OLD TABLE AS berth_old NEW TABLE AS berth_new
  FOR EACH STATEMENT EXECUTE FUNCTION berth_customers_search_keys();
--> statement-breakpoint
CREATE TRIGGER customers_search_keys_deletes AFTER DELETE ON customers REFERENCING OLD TABLE AS berth_old
  FOR EACH STATEMENT EXECUTE FUNCTION berth_customers_search_keys();
--> statement-breakpoint
-- Every live customer's keys in one pass: existing data now, and bulk loads written with triggers disabled.
CREATE OR REPLACE FUNCTION berth_rebuild_customer_search_keys() RETURNS void AS $$
  DELETE FROM customer_search_keys;
  INSERT INTO customer_search_keys (org_id, key, customer_id)
  SELECT c.org_id, k, c.id
    FROM customers c,
         unnest(berth_customer_search_keys(c.merged_into_id, c.search_text, c.contact_search_text,
                  c.contact_personal_text, c.search_grams, c.contact_search_grams)) k
   WHERE c.merged_into_id IS NULL;
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT berth_rebuild_customer_search_keys();
