/** Events of the opportunities module (platform/events.ts). */
declare module '../../platform/events' {
  interface DomainEvents {
    /** An opportunity entered a won stage (created won, or moved there). */
    'opportunity.won': { opportunityId: string; customerId: string; at: string };
    /** An opportunity entered a lost stage. */
    'opportunity.lost': { opportunityId: string; customerId: string; lostReasonId: string | null; at: string };
  }
}

export {};
