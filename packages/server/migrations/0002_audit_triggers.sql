CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION berth_audit('password_hash', 'failed_logins', 'last_login_at');
--> statement-breakpoint
CREATE TRIGGER teams_audit AFTER INSERT OR UPDATE OR DELETE ON teams
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER roles_audit AFTER INSERT OR UPDATE OR DELETE ON roles
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION berth_audit('secret_hash', 'last_used_at');
--> statement-breakpoint
CREATE TRIGGER organizations_audit AFTER INSERT OR UPDATE ON organizations
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
