import type { AuditEntry } from '@berth/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Translated names of audit actions and actor types, falling back to the raw value for new ones. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const actions = t('audit.actions', { returnObjects: true }) as Record<string, string>;
  const actorTypes = t('audit.actorTypes', { returnObjects: true }) as Record<string, string>;

  const actionLabel = useCallback((action: string) => actions[action] ?? action, [actions]);
  const actorLabel = useCallback(
    (entry: AuditEntry) => entry.actorName ?? actorTypes[entry.actorType] ?? entry.actorType,
    [actorTypes],
  );
  return { actionLabel, actorLabel, knownActions: Object.keys(actions) };
}
