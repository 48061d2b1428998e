import type { EventSubscriber } from '../../platform/events';
import { moveContactAttachments } from './attachments';

/** A contact's files stay with the contact when it moves to another customer. */
export const attachmentSubscribers: readonly EventSubscriber[] = [
  {
    event: 'contact.moved',
    name: 'attachments.follow-moved-contact',
    mode: 'sync',
    handle: (ctx, event) => moveContactAttachments(ctx, event.contactId, event.toCustomerId),
  },
];
