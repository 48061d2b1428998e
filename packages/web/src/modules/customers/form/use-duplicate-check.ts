import { endpoints, normalizeCreditCode } from '@berth/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { call } from '../../../app/api/call';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { customerKeys } from '../query-keys';

const debounceMs = 400;

function cleaned(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length >= min && text.length <= max ? text : undefined;
}

/** Only a complete code can match: the server compares whole, normalised codes. */
function creditCodeParam(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return normalizeCreditCode(value).length === 18 ? value.trim() : undefined;
}

function emailParam(value: unknown): string | undefined {
  const text = cleaned(value, 3, 254);
  return text && /@[^@\s]+\.[^@\s]+$/.test(text) ? text : undefined;
}

/**
 * Existing customers that may be the company being typed in, asked ~400 ms after the user stops typing
 * name, English name, credit code, phone or email.
 */
export function useDuplicateCheck(form: FormInstance, excludeId?: string) {
  const name = Form.useWatch('name', form);
  const nameEn = Form.useWatch('nameEn', form);
  const creditCode = Form.useWatch('creditCode', form);
  const phone = Form.useWatch('phone', form);
  const email = Form.useWatch('email', form);

  const params = useMemo(
    () => ({
      name: cleaned(name, 2, 200),
      nameEn: cleaned(nameEn, 2, 200),
      creditCode: creditCodeParam(creditCode),
      phone: cleaned(phone, 5, 50),
      email: emailParam(email),
    }),
    [name, nameEn, creditCode, phone, email],
  );
  const debounced = useDebouncedValue(params, debounceMs);
  const enabled = Object.values(debounced).some((value) => value !== undefined);

  const query = useQuery({
    queryKey: [...customerKeys.customers, 'duplicates', debounced, excludeId ?? null],
    queryFn: ({ signal }) => call(endpoints.customers.duplicates, { query: { ...debounced, excludeId }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    // A failed check must not get in the way of entering the customer.
    retry: false,
  });

  return {
    candidates: enabled ? (query.data?.items ?? []) : [],
    elsewhere: enabled ? (query.data?.elsewhere ?? []) : [],
  };
}
