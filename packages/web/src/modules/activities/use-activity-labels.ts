import type { ActivityKind } from '@berth/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The name of an activity kind in the UI language. */
export function useActivityKindLabel(): (kind: ActivityKind) => string {
  const { t } = useTranslation();
  return useCallback((kind) => t(`activities.kinds.${kind}`), [t]);
}
