-- The exception filter had no index since 0037 and paged newest first through the primary key: with few shipments in
-- exception (the usual case) it read every shipment of the organisation — 0.45–0.5 s at 1,000,000 shipments on
-- PostgreSQL with none in exception. The partial index holds only the shipments in exception. It does not cost the
-- tracking updates their HOT path: PostgreSQL compares the predicate's columns by value, so an update that leaves
-- the flags as they were stays HOT (measured: the same number of HOT updates with and without this index).
CREATE INDEX "shipments_org_exception_idx" ON "shipments" USING btree ("org_id","id" DESC NULLS LAST) WHERE rolled or customs_hold or damaged or lost;
