import type { apiKeySchema } from '@berth/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

export type ApiKey = z.infer<typeof apiKeySchema>;
type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export function apiKeyStatus(key: ApiKey): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && !dayjs(key.expiresAt).isAfter(dayjs())) return 'expired';
  return 'active';
}

const colors: Record<ApiKeyStatus, string> = { active: 'green', revoked: 'red', expired: 'default' };

export function ApiKeyStatusTag({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useTranslation();
  const status = apiKeyStatus(apiKey);
  return <Tag color={colors[status]}>{t(`apiKeys.statusValues.${status}`)}</Tag>;
}
