-- Sign-in bookkeeping on users (the last sign-in time, the count of failed attempts) is no longer
-- audited as a change of the user: the sign-in, the failed attempt and the lock are audit events of
-- their own, and the row trigger added a "system updated user" entry to every sign-in. The password
-- hash stays audited as a masked change.
DROP TRIGGER users_audit ON users;
--> statement-breakpoint
CREATE TRIGGER users_audit AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION berth_audit('password_hash', '-failed_logins', '-last_login_at');
--> statement-breakpoint
DROP TRIGGER users_audit_inserts ON users;
--> statement-breakpoint
CREATE TRIGGER users_audit_inserts AFTER INSERT ON users REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('password_hash', '-failed_logins', '-last_login_at');
