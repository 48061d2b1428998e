-- Two-character searches (上海, 张伟, hw) have no trigram, so the trigram index cannot serve them.
-- Each customer and contact carries its searchable two-character grams instead: every adjacent pair
-- of the normalised name and the first two characters of every word of the search text.
CREATE OR REPLACE FUNCTION berth_search_grams(name text, search_text text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
    FROM (SELECT substr(k, i, 2) AS g
            FROM (SELECT lower(regexp_replace(coalesce(name, ''), '\s+', '', 'g')) AS k) s,
                 generate_series(1, length(k) - 1) AS i
          UNION ALL
          SELECT left(w, 2) FROM regexp_split_to_table(lower(coalesce(search_text, '')), '[\s|]+') AS w) grams
   WHERE length(g) = 2
$$;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (berth_search_grams("name_key", "search_text")) STORED;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (berth_search_grams("name", "search_text")) STORED;--> statement-breakpoint
CREATE INDEX "customers_search_grams_idx" ON "customers" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "contacts_search_grams_idx" ON "contacts" USING gin ("search_grams");--> statement-breakpoint
DROP TRIGGER customers_audit ON customers;--> statement-breakpoint
CREATE TRIGGER customers_audit AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-search_grams', '-name_key', '-name_en_key', '-name_pinyin',
    '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');--> statement-breakpoint
DROP TRIGGER contacts_audit ON contacts;--> statement-breakpoint
CREATE TRIGGER contacts_audit AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-search_grams');
