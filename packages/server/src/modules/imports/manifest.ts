import { importErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { importJob } from './import-job';
import { importRoutes } from './routes';
import { runImport } from './run-import';

/** The file import framework; the entities come from the importers of the other modules' manifests. */
export default defineModule({
  name: 'imports',
  routes: importRoutes,
  errors: importErrors,
  jobs: [{ name: importJob, run: runImport }],
});
