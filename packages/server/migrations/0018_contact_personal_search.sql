ALTER TABLE "contacts" ADD COLUMN "personal_search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "personal_search_grams" text[] GENERATED ALWAYS AS (berth_search_grams(null, "personal_search_text")) STORED;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "contact_personal_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "contact_personal_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_personal_search_trgm_idx" ON "contacts" USING gin ("personal_search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_personal_search_grams_idx" ON "contacts" USING gin ("personal_search_grams");--> statement-breakpoint
-- Contacts' personal data (phones, emails, WeChat) apart from their names, on contacts and folded
-- onto customers: a search may match it only where the caller sees it unmasked. Neither text is
-- history.
DROP TRIGGER contacts_audit ON contacts;
--> statement-breakpoint
CREATE TRIGGER contacts_audit AFTER UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-search_grams', '-personal_search_text', '-personal_search_grams');
--> statement-breakpoint
DROP TRIGGER contacts_audit_inserts ON contacts;
--> statement-breakpoint
CREATE TRIGGER contacts_audit_inserts AFTER INSERT ON contacts REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-search_text', '-search_grams', '-personal_search_text', '-personal_search_grams');
--> statement-breakpoint
DROP TRIGGER customers_audit ON customers;
--> statement-breakpoint
CREATE TRIGGER customers_audit AFTER UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-search_grams', '-name_key', '-name_en_key', '-name_pinyin', '-name_sort_key', '-contact_search_text', '-contact_search_grams', '-contact_personal_text', '-contact_personal_grams', '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');
--> statement-breakpoint
DROP TRIGGER customers_audit_inserts ON customers;
--> statement-breakpoint
CREATE TRIGGER customers_audit_inserts AFTER INSERT ON customers REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-search_text', '-search_grams', '-name_key', '-name_en_key', '-name_pinyin', '-name_sort_key', '-contact_search_text', '-contact_search_grams', '-contact_personal_text', '-contact_personal_grams', '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION berth_fold_contact_search(customer_ids uuid[]) RETURNS void AS $$
  UPDATE customers c
     SET contact_search_text = f.search_text, contact_search_grams = f.search_grams,
         contact_personal_text = f.personal_text, contact_personal_grams = f.personal_grams
    FROM (SELECT c2.org_id, c2.id,
                 coalesce((SELECT string_agg(k.search_text, ' | ' ORDER BY k.id) FROM contacts k
                            WHERE k.org_id = c2.org_id AND k.customer_id = c2.id), '') AS search_text,
                 coalesce((SELECT array_agg(DISTINCT g ORDER BY g) FROM contacts k, unnest(k.search_grams) g
                            WHERE k.org_id = c2.org_id AND k.customer_id = c2.id), '{}'::text[]) AS search_grams,
                 coalesce((SELECT string_agg(k.personal_search_text, ' | ' ORDER BY k.id) FROM contacts k
                            WHERE k.org_id = c2.org_id AND k.customer_id = c2.id
                              AND k.personal_search_text <> ''), '') AS personal_text,
                 coalesce((SELECT array_agg(DISTINCT g ORDER BY g) FROM contacts k, unnest(k.personal_search_grams) g
                            WHERE k.org_id = c2.org_id AND k.customer_id = c2.id), '{}'::text[]) AS personal_grams
            FROM customers c2
           WHERE c2.id = ANY(customer_ids)) f
   WHERE c.org_id = f.org_id AND c.id = f.id
     AND (c.contact_search_text, c.contact_search_grams, c.contact_personal_text, c.contact_personal_grams)
         IS DISTINCT FROM (f.search_text, f.search_grams, f.personal_text, f.personal_grams)
$$ LANGUAGE sql;
--> statement-breakpoint
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
          OR n.personal_search_text IS DISTINCT FROM o.personal_search_text
      UNION
      SELECT o.customer_id FROM berth_new n JOIN berth_old o ON o.id = n.id
       WHERE n.customer_id IS DISTINCT FROM o.customer_id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION berth_fold_all_contact_search() RETURNS void AS $$
  UPDATE customers c
     SET contact_search_text = f.search_text, contact_search_grams = f.search_grams,
         contact_personal_text = f.personal_text, contact_personal_grams = f.personal_grams
    FROM (SELECT t.org_id, t.customer_id, t.search_text, coalesce(g.search_grams, '{}'::text[]) AS search_grams,
                 t.personal_text, coalesce(p.personal_grams, '{}'::text[]) AS personal_grams
            FROM (SELECT org_id, customer_id, string_agg(search_text, ' | ' ORDER BY id) AS search_text,
                         coalesce(string_agg(nullif(personal_search_text, ''), ' | ' ORDER BY id), '') AS personal_text
                    FROM contacts GROUP BY org_id, customer_id) t
            LEFT JOIN (SELECT k.org_id, k.customer_id, array_agg(DISTINCT g ORDER BY g) AS search_grams
                         FROM contacts k, unnest(k.search_grams) g GROUP BY k.org_id, k.customer_id) g
              ON g.org_id = t.org_id AND g.customer_id = t.customer_id
            LEFT JOIN (SELECT k.org_id, k.customer_id, array_agg(DISTINCT g ORDER BY g) AS personal_grams
                         FROM contacts k, unnest(k.personal_search_grams) g GROUP BY k.org_id, k.customer_id) p
              ON p.org_id = t.org_id AND p.customer_id = t.customer_id) f
   WHERE c.org_id = f.org_id AND c.id = f.customer_id
     AND (c.contact_search_text, c.contact_search_grams, c.contact_personal_text, c.contact_personal_grams)
         IS DISTINCT FROM (f.search_text, f.search_grams, f.personal_text, f.personal_grams)
$$ LANGUAGE sql;
--> statement-breakpoint
-- Existing contacts: the search text was the name, then phones (with and without +86), emails and
-- WeChat, joined by ' | '. The personal part is rebuilt from the columns the same way; the name part
-- is what precedes it (the lower-cased name if the text was written otherwise). The fold trigger refolds their customers in the same statement.
UPDATE contacts k
   SET personal_search_text = p.text,
       search_text = CASE WHEN right(k.search_text, length(p.text) + 3) = ' | ' || p.text
                          THEN left(k.search_text, length(k.search_text) - length(p.text) - 3)
                          ELSE lower(k.name) END
  FROM (SELECT org_id, id,
               coalesce(array_to_string(ARRAY(
                 SELECT x FROM (SELECT x, 1 AS part, o FROM unnest(phones) WITH ORDINALITY AS u(x, o)
                                UNION ALL
                                SELECT regexp_replace(x, '^\+86', ''), 2, o FROM unnest(phones) WITH ORDINALITY AS u(x, o)
                                UNION ALL
                                SELECT x, 3, o FROM unnest(emails) WITH ORDINALITY AS u(x, o)
                                UNION ALL
                                SELECT wechat, 4, 1) parts
                  WHERE x IS NOT NULL AND x <> '' ORDER BY part, o), ' | '), '') AS text
          FROM contacts) p
 WHERE k.org_id = p.org_id AND k.id = p.id AND p.text <> '';
