import { GlobalOutlined } from '@ant-design/icons';
import type { Locale } from '@berth/domain';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../app/i18n';
import { useSwitchLocale } from '../app/use-switch-locale';

const options: { locale: Locale; labelKey: 'lang.zhCN' | 'lang.en' }[] = [
  { locale: 'zh-CN', labelKey: 'lang.zhCN' },
  { locale: 'en', labelKey: 'lang.en' },
];

/** Language buttons for pages outside the main layout (login, setup). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const switchLocale = useSwitchLocale();
  const active = currentLocale();
  return (
    <Flex align="center" gap={4} role="group" aria-label={t('lang.label')}>
      <GlobalOutlined aria-hidden />
      {options.map((option) => (
        <Button
          key={option.locale}
          type={option.locale === active ? 'link' : 'text'}
          size="small"
          aria-pressed={option.locale === active}
          data-testid={`lang-${option.locale}`}
          onClick={() => switchLocale(option.locale)}
        >
          {t(option.labelKey)}
        </Button>
      ))}
    </Flex>
  );
}
