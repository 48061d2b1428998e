/** Events of the activities module (platform/events.ts). */
declare module '../../platform/events' {
  interface DomainEvents {
    /**
     * An activity with a customer was logged, or its time or opportunity corrected. `at` is when the
     * contact happened, never later than now (a planned meeting counts from now).
     */
    'activity.logged': { activityId: string; customerId: string; opportunityId: string | null; at: string };
  }
}

export {};
