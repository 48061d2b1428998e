import { type TransportMode, transportModes } from '@berth/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Transport modes (FCL, LCL, air…) in the UI language: a label for a value, and select options. */
export function useTransportModes() {
  const { t } = useTranslation();
  return useMemo(() => {
    const names = t('transportModes', { returnObjects: true }) as Record<TransportMode, string>;
    // A mode the console does not know yet is shown as it is.
    const label = (mode: string | null | undefined): string =>
      mode ? (Object.hasOwn(names, mode) ? names[mode as TransportMode] : mode) : t('common.none');
    return { label, options: transportModes.map((value) => ({ value, label: names[value] })) };
  }, [t]);
}
