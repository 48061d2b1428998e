import { attachmentErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { attachmentAuditNames } from './audit-names';
import { moveAttachmentsOnMerge } from './merge';
import { attachmentRoutes } from './routes';
import { attachmentSubscribers } from './subscribers';
import { attachmentTimeline } from './timeline-contributor';

export default defineModule({
  name: 'attachments',
  resources: ['attachments'],
  routes: attachmentRoutes,
  errors: attachmentErrors,
  timeline: [attachmentTimeline],
  auditNames: [attachmentAuditNames],
  customerMerge: moveAttachmentsOnMerge,
  subscribers: attachmentSubscribers,
});
