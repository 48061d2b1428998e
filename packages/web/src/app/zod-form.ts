import { errorMessage, errorMessages } from '@berth/domain';
import type { FormInstance, FormRule } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { currentLocale } from './i18n';

type Issue = z.core.$ZodIssue;
/** Per-field replacement texts, by zod issue code (e.g. a readable rule for a regex). */
export type IssueOverrides = Partial<Record<Issue['code'], string>>;

/** Empty inputs count as "not given", so optional fields pass and required ones say "required". */
function normalizeEmpty(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

/**
 * Form validation straight from the domain's zod schemas, with messages in the UI language.
 * `rule(schema)` is an antd rule for one field; `parse(schema, values, form)` checks a whole form.
 */
export function useZodForm() {
  const { t } = useTranslation();

  const issueMessage = useCallback(
    (issue: Issue, overrides?: IssueOverrides): string => {
      const override = overrides?.[issue.code];
      if (override) return override;
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined ? t('validation.required') : t('validation.invalid');
        case 'too_small':
          if (issue.origin !== 'string') return t('validation.invalid');
          return Number(issue.minimum) <= 1
            ? t('validation.required')
            : t('validation.minLength', { min: Number(issue.minimum) });
        case 'too_big':
          return issue.origin === 'string'
            ? t('validation.maxLength', { max: Number(issue.maximum) })
            : t('validation.invalid');
        case 'invalid_format':
          return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
        case 'custom':
          return Object.hasOwn(errorMessages, issue.message)
            ? errorMessage(issue.message, currentLocale())
            : t('validation.invalid');
        default:
          return t('validation.invalid');
      }
    },
    [t],
  );

  const rule = useCallback(
    (schema: z.ZodType, overrides?: IssueOverrides): FormRule => ({
      validator: async (_rule, value: unknown) => {
        const result = schema.safeParse(normalizeEmpty(value));
        const [issue] = result.success ? [] : result.error.issues;
        if (issue) throw new Error(issueMessage(issue, overrides));
      },
    }),
    [issueMessage],
  );

  const parse = useCallback(
    <S extends z.ZodType>(schema: S, values: unknown, form?: FormInstance): z.output<S> | null => {
      const result = schema.safeParse(values);
      if (result.success) return result.data;
      form?.setFields(
        result.error.issues.map((issue) => ({
          name: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
          errors: [issueMessage(issue)],
        })),
      );
      return null;
    },
    [issueMessage],
  );

  return useMemo(() => ({ rule, parse, issueMessage }), [rule, parse, issueMessage]);
}
