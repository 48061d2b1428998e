ALTER TABLE "opportunities" ADD COLUMN "title_parts" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "title_parts" jsonb;--> statement-breakpoint
-- Titles the product made before the parts were stored: an inquiry's opportunity whose title is exactly
-- "POL→POD <mode> 询价" (or the English form) and still matches one of its lanes gets its parts back.
UPDATE "opportunities" o SET "title_parts" = jsonb_build_object('key', 'inquiry', 'params',
    jsonb_build_object('pol', m.pol, 'pod', m.pod, 'mode', m.mode))
  FROM (
    SELECT p.org_id, p.id, x.parts[1] AS pol, x.parts[2] AS pod,
           CASE x.parts[3] WHEN 'FCL' THEN 'fcl' WHEN 'LCL' THEN 'lcl' WHEN '空运' THEN 'air' WHEN 'Air' THEN 'air'
             WHEN '铁路' THEN 'rail' WHEN 'Rail' THEN 'rail' WHEN '陆运' THEN 'road' WHEN 'Road' THEN 'road'
             WHEN '快递' THEN 'express' WHEN 'Express' THEN 'express' END AS mode
      FROM "opportunities" p
      CROSS JOIN LATERAL (SELECT coalesce(
        regexp_match(p.title, '^([A-Z0-9]+)→([A-Z0-9]+) (FCL|LCL|空运|铁路|陆运|快递) 询价$'),
        regexp_match(p.title, '^([A-Z0-9]+)→([A-Z0-9]+) (FCL|LCL|Air|Rail|Road|Express) inquiry$')) AS parts) x
     WHERE p.source IN ('inquiry', 'event') AND x.parts IS NOT NULL
  ) m
 WHERE o.org_id = m.org_id AND o.id = m.id AND o.title_parts IS NULL
   AND EXISTS (SELECT 1 FROM "opportunity_lanes" l
                WHERE l.org_id = o.org_id AND l.opportunity_id = o.id AND l.pol = m.pol AND l.pod = m.pod AND l.mode = m.mode);
--> statement-breakpoint
-- Next-step tasks whose title is exactly the text a rule made (either language): kind, days and the
-- opportunity's title, with that opportunity's parts when its title is still the one in the task.
UPDATE "tasks" t SET "title_parts" = jsonb_build_object('key', 'nextStep', 'params',
    jsonb_build_object('kind', m.kind, 'days', m.days, 'opportunity', m.opportunity, 'opportunityParts',
      (SELECT o.title_parts FROM "opportunities" o
        WHERE t.related_type = 'opportunity' AND o.org_id = t.org_id AND o.id = t.related_id AND o.title = m.opportunity)))
  FROM (
    SELECT r.org_id, r.id,
           CASE WHEN a.parts IS NOT NULL OR c.parts IS NOT NULL THEN 'no_answer' ELSE 'no_activity' END AS kind,
           (coalesce(a.parts, b.parts, c.parts, d.parts))[1] AS opportunity,
           ((coalesce(a.parts, b.parts, c.parts, d.parts))[2])::int AS days
      FROM "tasks" r
      CROSS JOIN LATERAL (SELECT regexp_match(r.title, '^跟进 (.+) 的回复（([0-9]{1,6}) 天未回复）$') AS parts) a
      CROSS JOIN LATERAL (SELECT regexp_match(r.title, '^跟进商机 (.+)（([0-9]{1,6}) 天无活动）$') AS parts) b
      CROSS JOIN LATERAL (SELECT regexp_match(r.title, '^Chase an answer on (.+) \(no reply for ([0-9]{1,6}) days\)$') AS parts) c
      CROSS JOIN LATERAL (SELECT regexp_match(r.title, '^Follow up on (.+) \(no activity for ([0-9]{1,6}) days\)$') AS parts) d
     WHERE r.source = 'rule' AND r.rule_id IS NOT NULL
       AND coalesce(a.parts, b.parts, c.parts, d.parts) IS NOT NULL
  ) m
 WHERE t.org_id = m.org_id AND t.id = m.id AND t.title_parts IS NULL;
