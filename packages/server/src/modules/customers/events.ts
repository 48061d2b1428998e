/**
 * Events of the customers module (platform/events.ts); outgoing webhooks relay them. A webhook subscription
 * belongs to the organisation, not to a user, so these payloads carry no field a role might be refused —
 * no names, contact data, billing or money: ids, the code, the status, the owner and team, and for an edit
 * the names of the fields that changed. A receiver reads the record through the API with its own key's rights.
 */
declare module '../../platform/events' {
  interface DomainEvents {
    /** A customer was created (by a user, an import, a lead or a shipment's party). */
    'customer.created': CustomerEventRecord;
    /** A customer's record was edited (by a user or an import's update policy); `changed` names the API fields. */
    'customer.updated': CustomerEventRecord & { changed: string[] };
    /** `mergedId` was merged into `customerId`, which is kept; the merged record is closed. */
    'customer.merged': CustomerEventRecord & { mergedId: string; mergedCode: string };
    /** A contact was moved to another customer; what hangs off the contact (its files) follows it. */
    'contact.moved': { contactId: string; fromCustomerId: string; toCustomerId: string };
  }
}

export interface CustomerEventRecord {
  customerId: string;
  code: string;
  status: string;
  ownerId: string | null;
  teamId: string | null;
}
