/** Events of the webhooks module (platform/events.ts). */
declare module '../../platform/events' {
  interface DomainEvents {
    /** A subscription was disabled after its deliveries failed for good again and again. */
    'webhook.disabled': { webhookId: string; url: string; failures: number; error: string; createdBy: string | null };
  }
}

export {};
