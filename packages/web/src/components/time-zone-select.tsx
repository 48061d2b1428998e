import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';

/** Shown first: the zones forwarders in and around China work with most. */
const common = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/Los_Angeles',
];

type TimeZoneSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'mode'>;

/** IANA time zones this browser knows, searchable by name ("Berlin", "Asia/"). */
export function TimeZoneSelect(props: TimeZoneSelectProps) {
  const options = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    const zones = [...common.filter((zone) => known.includes(zone)), ...known.filter((zone) => !common.includes(zone))];
    if (!zones.includes('UTC')) zones.push('UTC');
    return zones.map((zone) => ({ value: zone, label: zone }));
  }, []);
  return <Select showSearch options={options} popupMatchSelectWidth={false} {...props} />;
}
