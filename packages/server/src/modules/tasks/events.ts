/** Events of the tasks module (platform/events.ts). Names are as they were when it happened. */
declare module '../../platform/events' {
  interface DomainEvents {
    /**
     * Open tasks fell due; `relatedName` names the customer, opportunity or event they are about. The `…Parts` are
     * what system-made titles are made of (null for typed ones).
     */
    'tasks.due': {
      tasks: {
        taskId: string;
        assigneeId: string;
        title: string;
        titleParts: unknown;
        relatedName: string | null;
        relatedParts: unknown;
      }[];
    };
    /** Next-step rules made tasks for the owners of opportunities (each once, by the run that made it). */
    'tasks.next_steps_created': {
      tasks: {
        taskId: string;
        assigneeId: string;
        title: string;
        titleParts: unknown;
        opportunityId: string;
        opportunityTitle: string;
        opportunityTitleParts: unknown;
        customerName: string;
        rule: string;
        days: number;
      }[];
    };
  }
}

export {};
