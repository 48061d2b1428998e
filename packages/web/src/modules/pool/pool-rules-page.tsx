import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  customerRoles,
  defaultPoolRule,
  type Permissions,
  type PoolRule,
  type PoolRuleInput,
  poolRuleInputSchema,
  relationshipTypes,
  scopeOf,
} from '@berth/domain';
import { App, Button, Card, Flex, Form, InputNumber, Popconfirm, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamLookup } from '../../app/directory-lookups';
import { useCan } from '../../app/permissions';
import { useMe } from '../../app/session';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { FullPageSpin } from '../../components/full-page-spin';
import { PageTitle } from '../../components/page-title';
import { useDeletePoolRule, usePoolRules, useSavePoolRule } from './use-pool';

type RuleValues = { [K in keyof PoolRuleInput]?: PoolRuleInput[K] | null };

const dayFields = ['protectionDays', 'noFollowUpDays', 'noDealDays', 'warnDaysBefore'] as const;
const limitFields = ['maxClaimedHeld', 'maxClaimsPerDay'] as const;
/** Conditions and limits that may be left empty (off). */
const optional = new Set<string>(['noFollowUpDays', 'noDealDays', 'maxClaimedHeld', 'maxClaimsPerDay']);

function toInput(values: RuleValues): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value === undefined && optional.has(key) ? null : value]),
  );
}

interface RuleCardProps {
  rule: PoolRule;
  title: string;
  editable: boolean;
  onRemoved?: () => void;
}

function RuleCard({ rule, title, editable, onRemoved }: RuleCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<RuleValues>();
  const save = useSavePoolRule();
  const remove = useDeletePoolRule();
  const testId = rule.teamId ? `pool-rule-${rule.teamId}` : 'pool-rule-org';

  const onFinish = (values: RuleValues) => {
    const input = parse(poolRuleInputSchema, toInput(values), form);
    if (!input) return;
    save.mutate(
      { teamId: rule.teamId, version: rule.version, input },
      {
        onSuccess: () => void message.success(t('pool.rulesPage.saved')),
        onError: (error) => handleError(error, { form }),
      },
    );
  };

  const { teamId: _team, version: _version, updatedAt: _updated, ...values } = rule;
  return (
    <Card
      title={title}
      style={{ marginBottom: 16 }}
      data-testid={testId}
      extra={
        <Flex gap="small" align="center">
          {rule.version === 0 && <Tag>{t('pool.rulesPage.notSaved')}</Tag>}
          {editable && rule.teamId && rule.version > 0 && (
            <Popconfirm
              title={t('pool.rulesPage.removeTeam')}
              onConfirm={() =>
                remove.mutate(
                  { teamId: rule.teamId as string, version: rule.version },
                  {
                    onSuccess: () => {
                      void message.success(t('pool.rulesPage.removed'));
                      onRemoved?.();
                    },
                    onError: (error) => handleError(error),
                  },
                )
              }
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('pool.rulesPage.removeTeam')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      <Form
        // A saved rule comes back with a new version; the form starts again from it.
        key={rule.version}
        form={form}
        name={testId}
        layout="vertical"
        disabled={!editable}
        initialValues={values}
        onFinish={onFinish}
      >
        <Form.Item name="enabled" label={t('pool.rulesPage.enabled')} valuePropName="checked">
          <Switch data-testid="rule-enabled" />
        </Form.Item>
        <Flex gap="middle" wrap>
          {dayFields.map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`pool.rulesPage.${field}`)}
              extra={optional.has(field) ? t('pool.rulesPage.off') : undefined}
              style={{ minWidth: 220 }}
            >
              <InputNumber
                min={field === 'protectionDays' || field === 'warnDaysBefore' ? 0 : 1}
                precision={0}
                style={{ width: '100%' }}
                data-testid={`rule-${field}`}
              />
            </Form.Item>
          ))}
        </Flex>
        <Flex gap="middle" wrap>
          {limitFields.map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`pool.rulesPage.${field}`)}
              extra={t('pool.rulesPage.off')}
              style={{ minWidth: 220 }}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`rule-${field}`} />
            </Form.Item>
          ))}
        </Flex>
        <Flex gap="middle" wrap>
          <Form.Item
            name="exemptRoles"
            label={t('pool.rulesPage.exemptRoles')}
            extra={t('pool.rulesPage.exemptRolesHelp')}
            style={{ minWidth: 320, flex: 1 }}
          >
            <Select
              mode="multiple"
              options={customerRoles.map((role) => ({ value: role, label: t(`customerValues.role.${role}`) }))}
              data-testid="rule-exemptRoles"
            />
          </Form.Item>
          <Form.Item
            name="exemptRelationships"
            label={t('pool.rulesPage.exemptRelationships')}
            extra={t('pool.rulesPage.exemptRelationshipsHelp')}
            style={{ minWidth: 320, flex: 1 }}
          >
            <Select
              mode="multiple"
              options={relationshipTypes.map((type) => ({
                value: type,
                label: t(`customerValues.relationshipType.${type}`),
              }))}
              data-testid="rule-exemptRelationships"
            />
          </Form.Item>
        </Flex>
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-rule">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

/** The pool rules of the organisation and the team overrides; managers edit their teams' overrides. */
export function PoolRulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const { data: rules, isPending } = usePoolRules();
  const teams = useTeamLookup();
  const [adding, setAdding] = useState<string | undefined>();
  const configure = me ? scopeOf(me.permissions as Permissions, 'pool', 'configure') : null;

  if (isPending || !rules) return <FullPageSpin />;
  const overridden = new Set(rules.teams.map((rule) => rule.teamId));
  const teamName = (id: string | null) => (id && teams.byId.get(id)?.name) || id || '';
  const candidates = teams.teams.filter(
    (team) => !overridden.has(team.id) && (configure === 'org' || me?.user.teamId === team.id),
  );
  const draft: PoolRule | null =
    adding && !overridden.has(adding)
      ? { ...rules.default, ...pickInput(rules.default), teamId: adding, version: 0, updatedAt: null }
      : null;

  return (
    <>
      <PageTitle title={t('pool.rulesPage.title')} />
      <Typography.Paragraph type="secondary">{t('pool.rulesPage.intro')}</Typography.Paragraph>
      {!can('pool', 'configure') && <Typography.Paragraph>{t('pool.rulesPage.readOnly')}</Typography.Paragraph>}
      <RuleCard rule={rules.default} title={t('pool.rulesPage.organisation')} editable={configure === 'org'} />
      {rules.teams.map((rule) => (
        <RuleCard
          key={rule.teamId}
          rule={rule}
          title={t('pool.rulesPage.team', { name: teamName(rule.teamId) })}
          editable={configure !== null}
        />
      ))}
      {draft && (
        <RuleCard
          key={`new-${draft.teamId}`}
          rule={draft}
          title={t('pool.rulesPage.team', { name: teamName(draft.teamId) })}
          editable
        />
      )}
      {configure !== null && candidates.length > 0 && (
        <Flex gap="small" align="center">
          <PlusOutlined />
          <Select
            placeholder={t('pool.rulesPage.pickTeam')}
            aria-label={t('pool.rulesPage.addTeam')}
            value={adding}
            onChange={setAdding}
            options={candidates.map((team) => ({ value: team.id, label: team.name }))}
            style={{ width: 260 }}
            data-testid="add-team-rule"
          />
          <Typography.Text type="secondary">{t('pool.rulesPage.addTeam')}</Typography.Text>
        </Flex>
      )}
    </>
  );
}

/** A new team override starts from the organisation rule (or the defaults). */
function pickInput(rule: PoolRule): PoolRuleInput {
  const { teamId: _t, version: _v, updatedAt: _u, ...input } = rule;
  return { ...defaultPoolRule, ...input };
}
