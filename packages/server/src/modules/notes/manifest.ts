import { noteErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { noteAuditNames } from './audit-names';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { moveNotesOnMerge } from './merge';
import { noteRoutes } from './routes';
import { noteTimeline } from './timeline-contributor';

export default defineModule({
  name: 'notes',
  resources: ['notes'],
  routes: noteRoutes,
  errors: noteErrors,
  timeline: [noteTimeline],
  auditNames: [noteAuditNames],
  customerMerge: moveNotesOnMerge,
});
