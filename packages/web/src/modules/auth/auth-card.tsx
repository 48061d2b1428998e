import { Card, Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { LanguageSwitch } from '../../components/language-switch';

interface AuthCardProps {
  title: string;
  subtitle: string;
  children: ReactNode;
}

/** The centred card used by the pages outside the main layout (login, setup). */
export function AuthCard({ title, subtitle, children }: AuthCardProps) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Flex justify="flex-end">
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={2} style={{ marginTop: 8 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
        {children}
      </Card>
    </Flex>
  );
}
