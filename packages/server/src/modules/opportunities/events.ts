/** Events of the opportunities module (platform/events.ts). */
declare module '../../platform/events' {
  interface DomainEvents {
    /** An opportunity entered a won stage (created won, or moved there). */
    'opportunity.won': { opportunityId: string; customerId: string; at: string };
    /**
     * An inquiry came in (API, portal, a lead at an event) and joined the customer's open opportunity
     * on the lane, or opened one (`openedOpportunity`). Names and the message's start as they were.
     */
    'inquiry.received': {
      inquiryId: string;
      customerId: string;
      customerName: string;
      opportunityId: string;
      opportunityCode: string;
      opportunityTitle: string;
      /** What the title is made of when the product made it (null when someone typed it). */
      opportunityTitleParts: unknown;
      opportunityOwnerId: string | null;
      openedOpportunity: boolean;
      pol: string;
      pod: string;
      mode: string;
      message: string | null;
    };
    /** An opportunity entered a lost stage. */
    'opportunity.lost': { opportunityId: string; customerId: string; lostReasonId: string | null; at: string };
  }
}

export {};
