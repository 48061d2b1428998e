import { noteErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { moveNotesOnMerge } from './merge';
import { noteRoutes } from './routes';
import { noteTimeline } from './timeline-contributor';

export default defineModule({
  name: 'notes',
  resources: ['notes'],
  routes: noteRoutes,
  errors: noteErrors,
  timeline: [noteTimeline],
  customerMerge: moveNotesOnMerge,
});
