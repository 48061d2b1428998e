import {
  contactChannels,
  customerRoles,
  customerStatuses,
  hsChapters,
  relationshipTypes,
  settlementTypes,
  specialCargoKinds,
  tradeFrequencies,
  volumePeriods,
  volumeUnits,
} from '@berth/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransportModes } from '../../app/use-transport-modes';
import type { zhCN } from './locales/zh-CN';

type ValueGroup = keyof (typeof zhCN)['customerValues'];

export interface LabelOption {
  value: string;
  label: string;
}

/**
 * Labels of the customer enums (status, roles, modes…) in the UI language, and select options for them.
 * Values the UI does not know yet are shown as they are.
 */
export function useCustomerLabels() {
  const { t, i18n } = useTranslation();
  const modes = useTransportModes();
  const english = i18n.language === 'en';
  return useMemo(() => {
    const table = (group: ValueGroup) =>
      t(`customerValues.${group}`, { returnObjects: true }) as unknown as Record<string, string>;
    const label = (group: ValueGroup) => {
      const names = table(group);
      return (value: string | null | undefined): string =>
        value ? (Object.hasOwn(names, value) ? (names[value] as string) : value) : t('common.none');
    };
    const options = (group: ValueGroup, values: readonly string[]): LabelOption[] => {
      const names = table(group);
      return values.map((value) => ({ value, label: names[value] ?? value }));
    };
    return {
      status: label('status'),
      relationshipType: label('relationshipType'),
      role: label('role'),
      mode: modes.label,
      unit: label('unit'),
      settlement: label('settlement'),
      frequency: label('frequency'),
      duplicateReason: label('duplicateReason'),
      channel: label('channel'),
      contactStatus: label('contactStatus'),
      volumePeriod: label('volumePeriod'),
      specialCargo: label('specialCargo'),
      /** "84 机器、机械器具": an HS chapter with its title in the UI language. */
      hsChapter: (code: string) => {
        const row = hsChapters.find(([c]) => c === code);
        return row ? `${code} ${english ? row[2] : row[1]}` : code;
      },
      statusOptions: options('status', customerStatuses),
      relationshipTypeOptions: options('relationshipType', relationshipTypes),
      roleOptions: options('role', customerRoles),
      unitOptions: options('unit', volumeUnits),
      settlementOptions: options('settlement', settlementTypes),
      frequencyOptions: options('frequency', tradeFrequencies),
      channelOptions: options('channel', contactChannels),
      volumePeriodOptions: options('volumePeriod', volumePeriods),
      specialCargoOptions: options('specialCargo', specialCargoKinds),
      hsChapterOptions: hsChapters.map(([code, zh, en]) => ({ value: code, label: `${code} ${english ? en : zh}` })),
    };
  }, [t, modes, english]);
}

export type CustomerLabels = ReturnType<typeof useCustomerLabels>;
