-- Time-ordered UUIDs (version 7): 48 bits of Unix milliseconds, then random bits.
CREATE OR REPLACE FUNCTION berth_uuidv7() RETURNS uuid AS $$
  SELECT encode(
    set_bit(
      set_bit(
        overlay(uuid_send(gen_random_uuid())
                placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                from 1 for 6),
        52, 1),
      53, 1),
    'hex')::uuid;
$$ LANGUAGE sql VOLATILE;
--> statement-breakpoint
-- One audit mechanism for every audited table: an AFTER trigger that writes who (from the
-- transaction settings berth.actor_id / berth.actor_type / berth.request_id / berth.ip set by the
-- service layer's transaction helper), what and the field changes old -> new.
-- Trigger arguments name columns whose values are never copied into the log.
CREATE OR REPLACE FUNCTION berth_audit() RETURNS trigger AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ELSE '{}'::jsonb END;
  ignored text[] := ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id'];
  secret text[] := TG_ARGV;
  diff jsonb;
  action text := CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END;
BEGIN
  SELECT jsonb_object_agg(
           k,
           CASE WHEN k = ANY(secret)
                THEN jsonb_build_array(CASE WHEN old_row ? k THEN '***' END, CASE WHEN new_row ? k THEN '***' END)
                ELSE jsonb_build_array(old_row -> k, new_row -> k) END)
    INTO diff
    FROM (SELECT jsonb_object_keys(old_row || new_row) AS k) keys
   WHERE NOT (k = ANY(ignored))
     AND (old_row -> k) IS DISTINCT FROM (new_row -> k)
     AND NOT (TG_OP = 'INSERT' AND new_row -> k = 'null'::jsonb);
  IF TG_OP = 'UPDATE' AND diff IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (org_id, actor_id, actor_type, action, entity, entity_id, changes, ip, request_id)
  VALUES (
    COALESCE((new_row ->> 'org_id')::uuid, (old_row ->> 'org_id')::uuid,
             CASE WHEN TG_TABLE_NAME = 'organizations' THEN COALESCE(new_row ->> 'id', old_row ->> 'id')::uuid END),
    NULLIF(current_setting('berth.actor_id', true), '')::uuid,
    COALESCE(NULLIF(current_setting('berth.actor_type', true), ''), 'system'),
    action,
    TG_TABLE_NAME,
    COALESCE(new_row ->> 'id', old_row ->> 'id'),
    diff,
    NULLIF(current_setting('berth.ip', true), ''),
    NULLIF(current_setting('berth.request_id', true), ''));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
