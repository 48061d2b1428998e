import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import type { Stage, StageConfigItem } from '@berth/domain';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useConfigureStages, useStages } from '../use-pipeline-settings';

interface Row {
  /** Stable row id for React; the key for stages that exist. */
  id: string;
  key?: string;
  nameZh: string;
  nameEn: string;
  probability: number;
  active: boolean;
  kind: Stage['kind'];
}

const toRows = (stages: Stage[]): Row[] =>
  stages.map((s) => ({
    id: s.key,
    key: s.key,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    probability: s.probability,
    active: s.active,
    kind: s.kind,
  }));

let newRows = 0;

/** The stages in order: rename, re-weight, reorder, add and deactivate open stages; won and lost stay last. */
export function StagesEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data, stages } = useStages(true);
  const configure = useConfigureStages();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => setRows(toRows(stages)), [stages]);

  const open = rows.filter((r) => r.kind === 'open');
  const closed = rows.filter((r) => r.kind !== 'open');
  const update = (id: string, patch: Partial<Row>) => setRows(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const shift = (id: string, by: -1 | 1) => {
    const index = open.findIndex((r) => r.id === id);
    const target = index + by;
    if (target < 0 || target >= open.length) return;
    const reordered = [...open];
    [reordered[index], reordered[target]] = [reordered[target] as Row, reordered[index] as Row];
    setRows([...reordered, ...closed]);
  };
  const add = () => {
    newRows += 1;
    setRows([
      ...open,
      { id: `new-${newRows}`, nameZh: '', nameEn: '', probability: 50, active: true, kind: 'open' },
      ...closed,
    ]);
  };
  const save = () => {
    if (!data) return;
    const items: StageConfigItem[] = rows.map((r) => ({
      ...(r.key ? { key: r.key } : {}),
      nameZh: r.nameZh.trim(),
      nameEn: r.nameEn.trim(),
      probability: r.probability,
      active: r.active,
    }));
    configure.mutate(
      { version: data.version, input: { items } },
      {
        onSuccess: () => void message.success(t('pipelineSettings.stagesSaved')),
        onError: (error) => handleError(error),
      },
    );
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'order',
      width: 90,
      render: (_, r) =>
        r.kind === 'open' ? (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('pipelineSettings.moveUp')}
              onClick={() => shift(r.id, -1)}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('pipelineSettings.moveDown')}
              onClick={() => shift(r.id, 1)}
            />
          </Flex>
        ) : null,
    },
    {
      key: 'key',
      title: t('pipelineSettings.key'),
      render: (_, r) => r.key ?? <Typography.Text type="secondary">{t('pipelineSettings.newStage')}</Typography.Text>,
    },
    {
      key: 'nameZh',
      title: t('pipelineSettings.nameZh'),
      render: (_, r) => (
        <Input
          value={r.nameZh}
          maxLength={50}
          onChange={(e) => update(r.id, { nameZh: e.target.value })}
          data-testid="stage-name-zh"
        />
      ),
    },
    {
      key: 'nameEn',
      title: t('pipelineSettings.nameEn'),
      render: (_, r) => (
        <Input
          value={r.nameEn}
          maxLength={50}
          onChange={(e) => update(r.id, { nameEn: e.target.value })}
          data-testid="stage-name-en"
        />
      ),
    },
    {
      key: 'probability',
      title: t('pipelineSettings.probability'),
      render: (_, r) => (
        <InputNumber<number>
          min={0}
          max={100}
          precision={0}
          value={r.probability}
          disabled={r.kind !== 'open'}
          onChange={(value) => update(r.id, { probability: value ?? 0 })}
          data-testid="stage-probability"
        />
      ),
    },
    {
      key: 'kind',
      title: t('pipelineSettings.kind'),
      render: (_, r) => <Tag>{t(`pipelineSettings.kinds.${r.kind}`)}</Tag>,
    },
    {
      key: 'active',
      title: t('pipelineSettings.active'),
      render: (_, r) => (
        <Switch checked={r.active} disabled={r.kind !== 'open'} onChange={(active) => update(r.id, { active })} />
      ),
    },
  ];

  return (
    <Card
      title={t('pipelineSettings.stagesTitle')}
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap="small">
          <Button icon={<PlusOutlined />} onClick={add} data-testid="add-stage">
            {t('pipelineSettings.addStage')}
          </Button>
          <Button type="primary" onClick={save} loading={configure.isPending} data-testid="save-stages">
            {t('pipelineSettings.saveStages')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('pipelineSettings.stagesIntro')}</Typography.Paragraph>
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="stages-table"
      />
    </Card>
  );
}
