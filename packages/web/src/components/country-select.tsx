import { countries } from '@berth/domain';
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

interface CountryOption {
  value: string;
  label: string;
  search: string;
}

type CountrySelectProps = Omit<SelectProps<string, CountryOption>, 'options' | 'showSearch' | 'mode'>;

/** ISO countries and regions by name in the UI language; searchable by code and by Chinese or English name. */
export function CountrySelect(props: CountrySelectProps) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const options = useMemo(() => {
    const collator = new Intl.Collator(english ? 'en' : 'zh-CN');
    return countries
      .map((country) => {
        const name = english ? country.nameEn : country.nameZh;
        return {
          value: country.code,
          label: `${name} (${country.code})`,
          search: `${country.code} ${country.nameZh} ${country.nameEn}`.toLowerCase(),
        };
      })
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [english]);

  return (
    <Select<string, CountryOption>
      allowClear
      showSearch={{ filterOption: (input, option) => !!option?.search.includes(input.trim().toLowerCase()) }}
      options={options}
      {...props}
    />
  );
}
