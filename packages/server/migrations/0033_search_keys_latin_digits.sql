-- The Chinese pairs every company name has, which are not keys (a term made only of them is searched
-- the other way). The one list: customer-key-search.ts holds a copy that a test compares with this.
CREATE OR REPLACE FUNCTION berth_search_key_stop_pairs() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['有限', '限公', '公司', '责任', '任公', '股份', '份有', '集团']
$$;
--> statement-breakpoint
-- The search keys of a customer's texts and two-character grams, by kind (termKeys in
-- customer-key-search.ts gives a term's keys by the same rules; a property test checks that every
-- term the search condition matches has all its keys among the matching customer's):
--   * a pair of adjacent Chinese characters, unprefixed, except the stop pairs;
--   * 'g:' and a two-character gram of other characters (a two-character term matches by gram);
--   * 'd:' and every four adjacent digits of a run of digits;
--   * 'l:' and, for every two adjacent trigrams of a run of letters a-z, the smaller (in byte order):
--     a term of four or more letters contains at least one such pair of trigrams, whose smaller one the
--     text carries too, at a third fewer keys than every trigram.
-- A term matches a text by LIKE '%term%' (three or more characters), so each run of one class in the
-- term lies inside a run of the same class in the text: its keys are among the text's.
CREATE OR REPLACE FUNCTION berth_search_keys(texts text[], grams text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT k), '{}'::text[])
    FROM (SELECT substr(r, i, 2) AS k
            FROM unnest(texts || grams) t,
                 regexp_split_to_table(coalesce(t, ''), '[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+') r,
                 generate_series(1, length(r) - 1) i
          UNION ALL
          SELECT 'g:' || g FROM unnest(grams) g
           WHERE length(g) = 2 AND g !~ '^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}$'
          UNION ALL
          SELECT 'd:' || substr(r, i, 4)
            FROM unnest(texts) t, regexp_split_to_table(coalesce(t, ''), '[^0-9]+') r, generate_series(1, length(r) - 3) i
          UNION ALL
          SELECT 'l:' || least(substr(r, i, 3) COLLATE "C", substr(r, i + 1, 3) COLLATE "C")
            FROM unnest(texts) t, regexp_split_to_table(coalesce(t, ''), '[^a-z]+') r, generate_series(1, length(r) - 3) i) keys
   WHERE k <> ALL(berth_search_key_stop_pairs())
$$;
--> statement-breakpoint
-- The grams of the contacts' personal texts are those of the folded text (same words): worked out here,
-- as the folded column is not among the arguments.
CREATE OR REPLACE FUNCTION berth_customer_search_keys(merged_into_id uuid, search_text text, contact_search_text text,
  contact_personal_text text, search_grams text[], contact_search_grams text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN merged_into_id IS NOT NULL THEN '{}'::text[]
              ELSE berth_search_keys(ARRAY[search_text, contact_search_text, contact_personal_text],
                                     search_grams || contact_search_grams
                                       || berth_search_grams(null, contact_personal_text)) END
$$;
--> statement-breakpoint
-- No JIT for a small function called once a row (see migration 0034 for the one-argument form it replaces).
ALTER FUNCTION berth_search_keys(text[], text[]) SET jit = off;
--> statement-breakpoint
SELECT berth_rebuild_customer_search_keys();
