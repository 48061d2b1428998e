import {
  CarOutlined,
  MailOutlined,
  PhoneOutlined,
  TeamOutlined,
  WechatOutlined,
  WechatWorkOutlined,
} from '@ant-design/icons';
import type { ActivityKind } from '@berth/domain';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useActivityKindLabel } from './use-activity-labels';

const kindIcons: Record<ActivityKind, ReactNode> = {
  call: <PhoneOutlined />,
  email: <MailOutlined />,
  meeting: <TeamOutlined />,
  visit: <CarOutlined />,
  wechat: <WechatOutlined />,
  wecom: <WechatWorkOutlined />,
};

export const activityKindColors: Record<ActivityKind, string> = {
  call: 'blue',
  email: 'cyan',
  meeting: 'purple',
  visit: 'gold',
  wechat: 'green',
  wecom: 'geekblue',
};

/** The icon of an activity kind (a WeChat logo for 微信, the WeCom one for 企业微信). */
export function ActivityKindIcon({ kind }: { kind: ActivityKind }) {
  return <>{kindIcons[kind] ?? null}</>;
}

/** An activity's kind as a coloured tag with its icon, in the UI language. */
export function ActivityKindTag({ kind }: { kind: ActivityKind }) {
  const kindLabel = useActivityKindLabel();
  return (
    <Tag color={activityKindColors[kind]} icon={kindIcons[kind]} data-testid="activity-kind-tag" data-kind={kind}>
      {kindLabel(kind)}
    </Tag>
  );
}
