import { defineModule } from '../../platform/module';
import { moveNotesOnMerge } from './merge';
import { noteRoutes } from './routes';
import { noteTimeline } from './timeline-contributor';

export default defineModule({
  name: 'notes',
  resources: ['notes'],
  routes: noteRoutes,
  timeline: [noteTimeline],
  customerMerge: moveNotesOnMerge,
});
