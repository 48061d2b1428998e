import type { SalesEvent } from '@berth/domain';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const kindColors: Record<SalesEvent['kind'], string> = { visit: 'blue', trade_show: 'purple', presentation: 'cyan' };

/** Names of event kinds in the UI language, their tag colours, and an event's time span in local time. */
export function useSalesEventLabels() {
  const { t } = useTranslation();
  const kind = useCallback((value: string) => t(`salesEvents.kinds.${value as SalesEvent['kind']}`), [t]);
  const kindColor = useCallback((value: string) => kindColors[value as SalesEvent['kind']] ?? 'default', []);
  const span = useCallback((event: { startsAt: string; endsAt: string }) => {
    const start = dayjs(event.startsAt);
    const end = dayjs(event.endsAt);
    const sameDay = start.isSame(end, 'day');
    return `${start.format('YYYY-MM-DD HH:mm')} – ${end.format(sameDay ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
  }, []);
  return { kind, kindColor, span };
}
