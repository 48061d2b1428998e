import {
  contactChannels,
  customerRoles,
  customerStatuses,
  relationshipTypes,
  settlementTypes,
  tradeFrequencies,
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
  const { t } = useTranslation();
  const modes = useTransportModes();
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
      statusOptions: options('status', customerStatuses),
      relationshipTypeOptions: options('relationshipType', relationshipTypes),
      roleOptions: options('role', customerRoles),
      unitOptions: options('unit', volumeUnits),
      settlementOptions: options('settlement', settlementTypes),
      frequencyOptions: options('frequency', tradeFrequencies),
      channelOptions: options('channel', contactChannels),
    };
  }, [t, modes]);
}

export type CustomerLabels = ReturnType<typeof useCustomerLabels>;
