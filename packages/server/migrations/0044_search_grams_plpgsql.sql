-- The two-character grams of a customer or contact (migration 0011), worked out for less (decision 0009, fifth
-- pass). The SQL function ran a small query a row: a series of the name's pairs and a split of the search text,
-- joined by UNION ALL, filtered, then sorted and made distinct by an aggregate. On the embedded engine that was
-- ≈ 57 µs of an inserted customer's ≈ 300 µs. The pairs and the words' first two characters are now collected
-- in a PL/pgSQL loop (simple expressions, no executor) and only the last step, the distinct sorted array, is a
-- query.
--
-- Same array for every input: the same normalisation (`regexp_replace`, `lower`), the same split
-- (`regexp_split_to_array` splits as `regexp_split_to_table` does), `length(w) >= 2` keeps what `length(left(w, 2)) = 2`
-- kept, a pair of the name is always two characters long, and the same `array_agg(DISTINCT …)` orders and
-- dedupes them under the same collation. So the stored `search_grams` of customers and contacts (and the
-- contacts' `personal_search_grams`) stay right as they are: the generated columns keep their expression
-- `berth_search_grams(…)`, only the function's body changes, and no row is rewritten.
CREATE OR REPLACE FUNCTION berth_search_grams(name text, search_text text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  k text := lower(regexp_replace(coalesce(name, ''), '\s+', '', 'g'));
  grams text[] := '{}';
  w text;
BEGIN
  FOR i IN 1 .. length(k) - 1 LOOP
    grams := grams || substr(k, i, 2);
  END LOOP;
  FOREACH w IN ARRAY regexp_split_to_array(lower(coalesce(search_text, '')), '[\s|]+') LOOP
    IF length(w) >= 2 THEN
      grams := grams || left(w, 2);
    END IF;
  END LOOP;
  RETURN coalesce((SELECT array_agg(DISTINCT g) FROM unnest(grams) AS g), '{}'::text[]);
END
$$;
