-- One audit mechanism for every audited table: an AFTER trigger that writes who (from the
-- transaction settings berth.actor_id / berth.actor_type / berth.request_id / berth.ip set by the
-- service layer's transaction helper), what and the field changes old -> new.
-- Trigger arguments name columns whose values are never copied into the log; an argument
-- starting with '-' names a derived column that is left out of the log altogether.
CREATE OR REPLACE FUNCTION berth_audit() RETURNS trigger AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ELSE '{}'::jsonb END;
  ignored text[] := ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id']
                    || ARRAY(SELECT substr(a, 2) FROM unnest(TG_ARGV) a WHERE a LIKE '-%');
  secret text[] := ARRAY(SELECT a FROM unnest(TG_ARGV) a WHERE a NOT LIKE '-%');
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
--> statement-breakpoint
CREATE TRIGGER customers_audit AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-name_key', '-name_en_key', '-name_pinyin');
--> statement-breakpoint
CREATE TRIGGER contacts_audit AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text');
--> statement-breakpoint
CREATE TRIGGER tags_audit AFTER INSERT OR UPDATE OR DELETE ON tags
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
-- Built-in roles created before this column existed already have the foundation's defaults.
UPDATE "roles" SET "builtin_resources" = ARRAY['users','teams','roles','apiKeys','audit','outbox','personalData','financials']::text[] WHERE "builtin";
