import type { AuditEntry } from '@berth/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Translated names of audit actions, entities and actor types, falling back to the raw value for new ones. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const actions = t('audit.actions', { returnObjects: true }) as Record<string, string>;
  const entities = t('audit.entities', { returnObjects: true }) as Record<string, string>;
  const actorTypes = t('audit.actorTypes', { returnObjects: true }) as Record<string, string>;

  const actionLabel = useCallback((action: string) => actions[action] ?? action, [actions]);
  const entityLabel = useCallback((entity: string) => entities[entity] ?? entity, [entities]);
  const actorLabel = useCallback(
    (entry: AuditEntry) => entry.actorName ?? actorTypes[entry.actorType] ?? entry.actorType,
    [actorTypes],
  );
  return {
    actionLabel,
    entityLabel,
    actorLabel,
    knownActions: Object.keys(actions),
    knownEntities: Object.keys(entities),
  };
}
