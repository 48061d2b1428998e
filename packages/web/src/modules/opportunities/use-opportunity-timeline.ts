import type { timelineEntrySchema } from '@berth/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatDateTime } from '../../app/format';
import { useOpportunityLabels } from './use-opportunity-labels';
import { useLostReasons, useStages } from './use-pipeline-settings';

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** The titles opportunities had in the history, the latest one winning (entries come newest first). */
function opportunityTitles(entries: TimelineEntry[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const entry of [...entries].reverse()) {
    if (entry.entity !== 'opportunities' || !entry.entityId) continue;
    const title = entry.changes?.title?.[1];
    const code = entry.changes?.code?.[1] ?? titles.get(entry.entityId)?.split(' ')[0];
    if (typeof title === 'string' && title) titles.set(entry.entityId, code ? `${code} ${title}` : title);
  }
  return titles;
}

/** How the customer timeline names opportunities and shows their fields (stage, status, source…). */
export function useOpportunityTimeline(entries: TimelineEntry[]) {
  const { t } = useTranslation();
  const labels = useOpportunityLabels();
  const stages = useStages(true).byKey;
  const reasons = useLostReasons(true).byId;
  const titles = useMemo(() => opportunityTitles(entries), [entries]);
  const fieldNames = t('opportunities.timelineFields', { returnObjects: true }) as unknown as Record<string, string>;

  const target = useCallback(
    (entry: TimelineEntry) => {
      const title = entry.entityId ? titles.get(entry.entityId) : undefined;
      return title ? t('opportunities.timelineNamed', { name: title }) : t('opportunities.timelineTarget');
    },
    [titles, t],
  );
  const fieldLabel = useCallback(
    (field: string): string | undefined => (Object.hasOwn(fieldNames, field) ? fieldNames[field] : undefined),
    [fieldNames],
  );
  /** A value of an opportunity field in words, or undefined to format it the usual way. */
  const value = useCallback(
    (field: string, raw: string): string | undefined => {
      switch (field) {
        case 'stage_key':
          return stages.get(raw)?.name ?? raw;
        case 'status':
          return labels.status(raw);
        case 'source':
          return labels.source(raw);
        case 'lost_reason_id':
          return reasons.get(raw)?.name ?? raw;
        case 'closed_at':
          return formatDateTime(raw);
        default:
          return undefined;
      }
    },
    [labels, reasons, stages],
  );
  return useMemo(() => ({ target, fieldLabel, value }), [target, fieldLabel, value]);
}
