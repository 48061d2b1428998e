import { currencies } from '@berth/domain';
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown first: the currencies forwarders quote and invoice in most. */
const common = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'];

interface CurrencyOption {
  value: string;
  label: string;
  search: string;
}

type CurrencySelectProps = Omit<SelectProps<string, CurrencyOption>, 'options' | 'showSearch' | 'mode'>;

/** ISO 4217 currencies as "CNY 人民币"; searchable by code and name. */
export function CurrencySelect(props: CurrencySelectProps) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const options = useMemo(() => {
    const rank = (code: string) => (common.includes(code) ? common.indexOf(code) : common.length);
    return [...currencies]
      .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code))
      .map((currency) => {
        const name = english ? currency.nameEn : (currency.nameZh ?? currency.nameEn);
        return {
          value: currency.code,
          label: `${currency.code} ${name}`,
          search: `${currency.code} ${currency.nameZh ?? ''} ${currency.nameEn}`.toLowerCase(),
        };
      });
  }, [english]);

  return (
    <Select<string, CurrencyOption>
      showSearch={{ filterOption: (input, option) => !!option?.search.includes(input.trim().toLowerCase()) }}
      options={options}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
