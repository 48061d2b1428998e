-- The search keys of a customer (berth_search_keys, migration 0032) are one small SQL function call a row, but
-- its body is planned with the default row estimates of its set functions (unnest 10 × regexp_split 1,000 ×
-- generate_series 1,000 rows): a cost above jit_above_cost. The server's own connections run with JIT off, but a
-- session that has it on (psql, a maintenance job, a bulk load followed by berth_rebuild_customer_search_keys())
-- compiled the body to machine code at every call: about 25 ms a call for microseconds of work — an INSERT …
-- SELECT of 300 customers took 4.5 s instead of 0.3 s, a rebuild of a million customers would take hours.
-- These functions run without JIT whatever the session says (the embedded engine has none: nothing changes there).
ALTER FUNCTION berth_search_keys(text[]) SET jit = off;
--> statement-breakpoint
ALTER FUNCTION berth_customers_search_keys() SET jit = off;
--> statement-breakpoint
ALTER FUNCTION berth_audit_inserts() SET jit = off;
