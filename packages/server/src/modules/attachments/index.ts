import { defineModule } from '../../platform/module';
import { moveAttachmentsOnMerge } from './merge';
import { attachmentRoutes } from './routes';
import { attachmentTimeline } from './timeline-contributor';

export default defineModule({
  name: 'attachments',
  resources: ['attachments'],
  routes: attachmentRoutes,
  timeline: [attachmentTimeline],
  customerMerge: moveAttachmentsOnMerge,
});
