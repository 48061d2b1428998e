import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const theme = { token: { colorPrimary: '#1f5fbf', borderRadius: 6 } };
// Keep button names exactly as written ("登录", not "登 录") for people and for accessible names.
const button = { autoInsertSpace: false };

/** antd follows the UI language; `App` gives message/notification the right context. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} button={button}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
