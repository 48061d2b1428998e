/** Events of the sales-events module (platform/events.ts). Names are as they were when it happened. */
declare module '../../platform/events' {
  interface DomainEvents {
    /**
     * A lead was captured for a company the capturer may not read: it waits for the company's
     * owner (`ownerId`, none when the company has no owner).
     */
    'sales_event.lead_handed_over': {
      leadId: string;
      eventId: string;
      eventName: string;
      customerId: string;
      customerName: string;
      ownerId: string | null;
      contactName: string | null;
    };
    /** Events start soon, each with who takes part; their reminders are due. */
    'sales_event.starting_soon': {
      events: { eventId: string; name: string; startsAt: string; place: string | null; participantIds: string[] }[];
    };
  }
}

export {};
