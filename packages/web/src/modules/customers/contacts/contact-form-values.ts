import { type Contact, formatPhone } from '@berth/domain';
import dayjs, { type Dayjs } from 'dayjs';

export const birthdayFormat = 'YYYY-MM-DD';

export interface ContactFormValues {
  name?: string;
  title?: string | null;
  phones?: string[];
  emails?: string[];
  wechat?: string | null;
  birthday?: Dayjs | null;
  isPrimary?: boolean;
  preferredChannel?: string | null;
  marketingConsent?: boolean;
}

/** Personal data a masked contact shows only as stars; such fields are neither shown for editing nor sent. */
export const personalFields = ['phones', 'emails', 'wechat', 'birthday'] as const;

export const emptyContactValues: ContactFormValues = {
  phones: [''],
  emails: [''],
  isPrimary: false,
  marketingConsent: false,
};

export function contactToValues(contact: Contact): ContactFormValues {
  return {
    name: contact.name,
    title: contact.title,
    // As the reader writes them ("+86 574 8765 4321 转 808"), not as stored (";ext=808"); the server reads both.
    phones: contact.phones.length > 0 ? contact.phones.map((phone) => formatPhone(phone)) : [''],
    emails: contact.emails.length > 0 ? contact.emails : [''],
    wechat: contact.wechat,
    birthday: contact.birthday ? dayjs(contact.birthday) : null,
    isPrimary: contact.isPrimary,
    preferredChannel: contact.preferredChannel,
    marketingConsent: contact.marketingConsent,
  };
}

function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** Filled entries of a list input, in order. */
export function filled(items: (string | undefined)[] | undefined): string[] {
  return (items ?? []).map((item) => item?.trim() ?? '').filter((item) => item !== '');
}

/** The API body for the form's values (phones as typed; the server stores them as E.164). */
export function contactValuesToInput(values: ContactFormValues, options: { masked: boolean }): Record<string, unknown> {
  const input: Record<string, unknown> = {
    name: values.name,
    title: text(values.title),
    phones: filled(values.phones),
    emails: filled(values.emails),
    wechat: text(values.wechat),
    birthday: values.birthday ? values.birthday.format(birthdayFormat) : null,
    isPrimary: values.isPrimary === true,
    preferredChannel: values.preferredChannel ?? null,
    marketingConsent: values.marketingConsent === true,
  };
  if (options.masked) for (const field of personalFields) delete input[field];
  return input;
}
