import type { ImportEntity } from '@berth/domain';
import { type Importer, installedModules } from '../../platform/module';

/** The importers the modules register in their manifests. */
export const registeredImporters = (): Importer[] => installedModules().flatMap((m) => m.importers ?? []);

/** The right importing an entity needs (`<resource>.create` unless the importer says otherwise). */
export const importPermission = (importer: Importer) => [importer.resource, importer.action ?? 'create'] as const;

/** The importer of an entity, if a module registers one. */
export function importerOf(entity: string): Importer | undefined {
  return registeredImporters().find((importer) => importer.entity === (entity as ImportEntity));
}
