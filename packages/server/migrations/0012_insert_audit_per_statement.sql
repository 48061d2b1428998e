-- Inserts are audited once per statement instead of once per row: an import writes hundreds of
-- rows in one INSERT, and one set-based INSERT INTO audit_log over the statement's new rows costs
-- a fraction of a trigger call per row. The log entries are the same as the row trigger's
-- (action create, every non-null column as [null, value], secrets as "***").
-- Updates and deletes keep the row trigger, which compares old and new values.
CREATE OR REPLACE FUNCTION berth_audit_inserts() RETURNS trigger AS $$
DECLARE
  ignored text[] := ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id']
                    || ARRAY(SELECT substr(a, 2) FROM unnest(TG_ARGV) a WHERE a LIKE '-%');
  secret text[] := ARRAY(SELECT a FROM unnest(TG_ARGV) a WHERE a NOT LIKE '-%');
BEGIN
  INSERT INTO audit_log (org_id, actor_id, actor_type, action, entity, entity_id, changes, ip, request_id)
  SELECT COALESCE((r ->> 'org_id')::uuid, CASE WHEN TG_TABLE_NAME = 'organizations' THEN (r ->> 'id')::uuid END),
         NULLIF(current_setting('berth.actor_id', true), '')::uuid,
         COALESCE(NULLIF(current_setting('berth.actor_type', true), ''), 'system'),
         'create',
         TG_TABLE_NAME,
         r ->> 'id',
         (SELECT jsonb_object_agg(k, CASE WHEN k = ANY(secret) THEN '[null, "***"]'::jsonb ELSE jsonb_build_array(null, v) END)
            FROM jsonb_each(r) AS e(k, v)
           WHERE NOT (k = ANY(ignored)) AND v <> 'null'::jsonb),
         NULLIF(current_setting('berth.ip', true), ''),
         NULLIF(current_setting('berth.request_id', true), '')
    FROM (SELECT to_jsonb(n) AS r FROM berth_inserted n) AS inserted;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER api_keys_audit ON api_keys;
--> statement-breakpoint
CREATE TRIGGER api_keys_audit AFTER UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION berth_audit('secret_hash', 'last_used_at');
--> statement-breakpoint
CREATE TRIGGER api_keys_audit_inserts AFTER INSERT ON api_keys REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('secret_hash', 'last_used_at');
--> statement-breakpoint
DROP TRIGGER attachments_audit ON attachments;
--> statement-breakpoint
CREATE TRIGGER attachments_audit AFTER UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER attachments_audit_inserts AFTER INSERT ON attachments REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER contacts_audit ON contacts;
--> statement-breakpoint
CREATE TRIGGER contacts_audit AFTER UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-search_grams');
--> statement-breakpoint
CREATE TRIGGER contacts_audit_inserts AFTER INSERT ON contacts REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-search_text', '-search_grams');
--> statement-breakpoint
DROP TRIGGER customers_audit ON customers;
--> statement-breakpoint
CREATE TRIGGER customers_audit AFTER UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-search_grams', '-name_key', '-name_en_key', '-name_pinyin', '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');
--> statement-breakpoint
CREATE TRIGGER customers_audit_inserts AFTER INSERT ON customers REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-search_text', '-search_grams', '-name_key', '-name_en_key', '-name_pinyin', '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');
--> statement-breakpoint
DROP TRIGGER duplicate_dismissals_audit ON duplicate_dismissals;
--> statement-breakpoint
CREATE TRIGGER duplicate_dismissals_audit AFTER UPDATE OR DELETE ON duplicate_dismissals
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER duplicate_dismissals_audit_inserts AFTER INSERT ON duplicate_dismissals REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER notes_audit ON notes;
--> statement-breakpoint
CREATE TRIGGER notes_audit AFTER UPDATE OR DELETE ON notes
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER notes_audit_inserts AFTER INSERT ON notes REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER organizations_audit ON organizations;
--> statement-breakpoint
CREATE TRIGGER organizations_audit AFTER UPDATE ON organizations
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER organizations_audit_inserts AFTER INSERT ON organizations REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER pool_rules_audit ON pool_rules;
--> statement-breakpoint
CREATE TRIGGER pool_rules_audit AFTER UPDATE OR DELETE ON pool_rules
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER pool_rules_audit_inserts AFTER INSERT ON pool_rules REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER roles_audit ON roles;
--> statement-breakpoint
CREATE TRIGGER roles_audit AFTER UPDATE OR DELETE ON roles
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER roles_audit_inserts AFTER INSERT ON roles REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER segments_audit ON segments;
--> statement-breakpoint
CREATE TRIGGER segments_audit AFTER UPDATE OR DELETE ON segments
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER segments_audit_inserts AFTER INSERT ON segments REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER tags_audit ON tags;
--> statement-breakpoint
CREATE TRIGGER tags_audit AFTER UPDATE OR DELETE ON tags
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER tags_audit_inserts AFTER INSERT ON tags REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER teams_audit ON teams;
--> statement-breakpoint
CREATE TRIGGER teams_audit AFTER UPDATE OR DELETE ON teams
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER teams_audit_inserts AFTER INSERT ON teams REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
DROP TRIGGER users_audit ON users;
--> statement-breakpoint
CREATE TRIGGER users_audit AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION berth_audit('password_hash', 'failed_logins', 'last_login_at');
--> statement-breakpoint
CREATE TRIGGER users_audit_inserts AFTER INSERT ON users REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('password_hash', 'failed_logins', 'last_login_at');
