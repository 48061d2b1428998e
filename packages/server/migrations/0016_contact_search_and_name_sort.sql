DROP INDEX "customers_org_name_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "contact_search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "contact_search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_sort_key" text GENERATED ALWAYS AS (coalesce("name_pinyin", "name_key")) STORED;--> statement-breakpoint
CREATE INDEX "customers_org_name_sort_idx" ON "customers" USING btree ("org_id","name_sort_key","id");--> statement-breakpoint
-- The search texts and grams of a customer's contacts, folded onto the customer (' | ' cannot occur
-- in a search term, so a LIKE cannot match across two contacts).
CREATE OR REPLACE FUNCTION berth_fold_contact_search(customer_ids uuid[]) RETURNS void AS $$
  UPDATE customers c
     SET contact_search_text = f.search_text, contact_search_grams = f.search_grams
    FROM (SELECT c2.org_id, c2.id,
                 coalesce((SELECT string_agg(k.search_text, ' | ' ORDER BY k.id) FROM contacts k
                            WHERE k.org_id = c2.org_id AND k.customer_id = c2.id), '') AS search_text,
                 coalesce((SELECT array_agg(DISTINCT g ORDER BY g) FROM contacts k, unnest(k.search_grams) g
                            WHERE k.org_id = c2.org_id AND k.customer_id = c2.id), '{}'::text[]) AS search_grams
            FROM customers c2
           WHERE c2.id = ANY(customer_ids)) f
   WHERE c.org_id = f.org_id AND c.id = f.id
     AND (c.contact_search_text, c.contact_search_grams) IS DISTINCT FROM (f.search_text, f.search_grams)
$$ LANGUAGE sql;
--> statement-breakpoint
-- One refold per statement for every customer whose contacts were added, removed, moved or changed
-- their searchable text: an import batch of 500 contacts is one set-based update.
CREATE OR REPLACE FUNCTION berth_contacts_fold_search() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM berth_fold_contact_search(ARRAY(SELECT DISTINCT customer_id FROM berth_new));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM berth_fold_contact_search(ARRAY(SELECT DISTINCT customer_id FROM berth_old));
  ELSE
    PERFORM berth_fold_contact_search(ARRAY(
      SELECT n.customer_id FROM berth_new n JOIN berth_old o ON o.id = n.id
       WHERE n.customer_id IS DISTINCT FROM o.customer_id OR n.search_text IS DISTINCT FROM o.search_text
      UNION
      SELECT o.customer_id FROM berth_new n JOIN berth_old o ON o.id = n.id
       WHERE n.customer_id IS DISTINCT FROM o.customer_id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contacts_fold_search_inserts AFTER INSERT ON contacts REFERENCING NEW TABLE AS berth_new
  FOR EACH STATEMENT EXECUTE FUNCTION berth_contacts_fold_search();
--> statement-breakpoint
CREATE TRIGGER contacts_fold_search_updates AFTER UPDATE ON contacts REFERENCING OLD TABLE AS berth_old NEW TABLE AS berth_new
  FOR EACH STATEMENT EXECUTE FUNCTION berth_contacts_fold_search();
--> statement-breakpoint
CREATE TRIGGER contacts_fold_search_deletes AFTER DELETE ON contacts REFERENCING OLD TABLE AS berth_old
  FOR EACH STATEMENT EXECUTE FUNCTION berth_contacts_fold_search();
--> statement-breakpoint
DROP TRIGGER customers_audit ON customers;
--> statement-breakpoint
CREATE TRIGGER customers_audit AFTER UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-search_grams', '-name_key', '-name_en_key', '-name_pinyin', '-name_sort_key', '-contact_search_text', '-contact_search_grams', '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');
--> statement-breakpoint
DROP TRIGGER customers_audit_inserts ON customers;
--> statement-breakpoint
CREATE TRIGGER customers_audit_inserts AFTER INSERT ON customers REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-search_text', '-search_grams', '-name_key', '-name_en_key', '-name_pinyin', '-name_sort_key', '-contact_search_text', '-contact_search_grams', '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');
--> statement-breakpoint
-- Every customer's contacts folded in one set-based pass: existing data now, and bulk loads that
-- insert contacts with triggers disabled.
CREATE OR REPLACE FUNCTION berth_fold_all_contact_search() RETURNS void AS $$
  UPDATE customers c
     SET contact_search_text = f.search_text, contact_search_grams = f.search_grams
    FROM (SELECT t.org_id, t.customer_id, t.search_text, coalesce(g.search_grams, '{}'::text[]) AS search_grams
            FROM (SELECT org_id, customer_id, string_agg(search_text, ' | ' ORDER BY id) AS search_text
                    FROM contacts GROUP BY org_id, customer_id) t
            LEFT JOIN (SELECT k.org_id, k.customer_id, array_agg(DISTINCT g ORDER BY g) AS search_grams
                         FROM contacts k, unnest(k.search_grams) g GROUP BY k.org_id, k.customer_id) g
              ON g.org_id = t.org_id AND g.customer_id = t.customer_id) f
   WHERE c.org_id = f.org_id AND c.id = f.customer_id
     AND (c.contact_search_text, c.contact_search_grams) IS DISTINCT FROM (f.search_text, f.search_grams)
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT berth_fold_all_contact_search();
