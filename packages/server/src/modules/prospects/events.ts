/** Events of the prospects module (platform/events.ts). */
declare module '../../platform/events' {
  interface DomainEvents {
    /** Prospects were handed to reps: how many each rep got. */
    'prospects.assigned': { assignments: { userId: string; count: number }[]; reason: string | null };
  }
}

export {};
