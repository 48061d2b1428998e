/** Events of the notes module (platform/events.ts). */
declare module '../../platform/events' {
  interface DomainEvents {
    /** A note was written on the customer: a follow-up. */
    'note.added': { noteId: string; customerId: string; at: string };
    /**
     * Colleagues were named in a note, when it was written or as it was edited (only the newly
     * named). The customer's name and the start of the note as they were then.
     */
    'note.mentioned': { noteId: string; customerId: string; customerName: string; excerpt: string; userIds: string[] };
  }
}

export {};
