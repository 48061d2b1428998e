/** Events of the pool module (platform/events.ts). Names are as they were when it happened. */
declare module '../../platform/events' {
  interface DomainEvents {
    /** A manager gave a customer (owned or pooled) to a colleague. */
    'pool.customer_assigned': { customerId: string; customerName: string; ownerId: string; reason: string | null };
    /** A departing rep's customers went to a colleague; `count` of them. */
    'pool.customers_handed_over': {
      fromUserId: string;
      fromName: string;
      toUserId: string;
      count: number;
      reason: string | null;
    };
    /** A customer was put back into its team's pool by hand, by its owner or a manager. */
    'pool.customer_released': {
      customerId: string;
      customerName: string;
      previousOwnerId: string;
      reason: string;
    };
    /** Owned customers fall due under a pool rule within its warning period (in `days`). */
    'pool.return_due': {
      customers: {
        customerId: string;
        customerName: string;
        ownerId: string;
        days: number;
        rule: string;
        ruleDays: number;
      }[];
    };
    /** Customers went back to their team's pool by a rule; `ownerId` is who had them. */
    'pool.customers_returned': {
      customers: { customerId: string; customerName: string; ownerId: string; rule: string; ruleDays: number }[];
    };
  }
}

export {};
