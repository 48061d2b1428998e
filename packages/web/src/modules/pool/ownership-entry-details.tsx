import type { timelineEntrySchema } from '@berth/domain';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

interface ChangeLine {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** An ownership entry of the customer timeline: owner (and team) before → after, and why. */
export function OwnershipEntryDetails({ entry, lines }: { entry: TimelineEntry; lines: ChangeLine[] }) {
  const { t } = useTranslation();
  const meta = entry.meta ?? {};
  const rule = meta.rule === 'no_follow_up' || meta.rule === 'no_deal' ? meta.rule : null;
  const reason = typeof meta.reason === 'string' && meta.reason ? meta.reason : null;
  return (
    <div data-testid="timeline-ownership">
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {lines.map((line) => (
          <li key={line.key}>
            <Typography.Text strong>{line.label}</Typography.Text>
            {': '}
            <Typography.Text type="secondary">{line.before}</Typography.Text>
            {' → '}
            <Typography.Text>{line.after}</Typography.Text>
          </li>
        ))}
      </ul>
      {rule && (
        <Typography.Text type="secondary">
          {t(`pool.timeline.rule_${rule}`, { days: Number(meta.days) })}
        </Typography.Text>
      )}
      {reason && <Typography.Text type="secondary">{t('pool.timeline.reason', { reason })}</Typography.Text>}
    </div>
  );
}
