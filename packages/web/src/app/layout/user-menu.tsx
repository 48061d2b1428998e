import { CheckOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { Locale } from '@berth/domain';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { currentLocale } from '../i18n';
import { useLogout } from '../use-logout';
import { useSwitchLocale } from '../use-switch-locale';

interface UserMenuProps {
  name: string;
}

const languageKeys: Record<string, Locale> = { 'lang-zh-CN': 'zh-CN', 'lang-en': 'en' };

/** The header's account dropdown: language, my account, log out. */
export function UserMenu({ name }: UserMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const switchLocale = useSwitchLocale();
  const active = currentLocale();
  const check = (locale: Locale) => (locale === active ? <CheckOutlined /> : <span style={{ width: 14 }} />);

  const items: MenuProps['items'] = [
    {
      type: 'group',
      key: 'language',
      label: t('lang.label'),
      children: [
        { key: 'lang-zh-CN', icon: check('zh-CN'), label: t('lang.zhCN'), 'data-testid': 'lang-zh-CN' },
        { key: 'lang-en', icon: check('en'), label: t('lang.en'), 'data-testid': 'lang-en' },
      ],
    },
    { type: 'divider' },
    { key: 'account', icon: <UserOutlined />, label: t('header.account'), 'data-testid': 'account' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), 'data-testid': 'logout' },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    const locale = languageKeys[key];
    if (locale) switchLocale(locale);
    else if (key === 'account') navigate('/account');
    else if (key === 'logout') void logout();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label={t('header.userMenu')} style={{ color: 'inherit' }}>
        <Avatar size="small" icon={<UserOutlined />} />
        {name}
      </Button>
    </Dropdown>
  );
}
