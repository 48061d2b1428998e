import type { FieldError } from '@berth/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldLabeler, isApiError, networkErrorCode, problemMessage } from './api-error';
import { fieldPath, samePath } from './field-path';
import { currentLocale } from './i18n';

export interface ErrorHandlingOptions {
  /** Form to put per-field errors on. */
  form?: FormInstance;
  /** Called after a version conflict (412), once the data has been reloaded. */
  onConflict?: () => void;
  /**
   * Labels of the request's fields for errors shown outside a form (`{ file: t('attachments.file') }`); a field
   * without one shows its message alone, never its key.
   */
  fieldLabels?: Record<string, string>;
}

/** Puts field errors on fields the form has; returns the ones it could not place. */
function applyFieldErrors(form: FormInstance, errors: FieldError[]): FieldError[] {
  const registered = form.getFieldsError().map((entry) => entry.name);
  const placed = errors.filter((error) => registered.some((name) => samePath(name, fieldPath(error.field))));
  form.setFields(placed.map((error) => ({ name: fieldPath(error.field), errors: [error.message] })));
  return errors.filter((error) => !placed.includes(error));
}

/**
 * Shows an API error to the user: field errors on the form, conflicts as a notice with a reload,
 * everything else as a message with the server's (already localized) detail.
 */
export function useApiErrorHandler() {
  const { message, notification } = App.useApp();
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  return useCallback(
    (error: unknown, options: ErrorHandlingOptions = {}) => {
      if (!isApiError(error)) {
        console.error(error);
        void message.error(t('errors.unexpected'));
        return;
      }
      if (error.status === 412 || error.code === 'conflict.version') {
        notification.warning({ title: t('errors.conflictTitle'), description: t('errors.conflictVersion') });
        void queryClient.invalidateQueries().then(() => options.onConflict?.());
        return;
      }
      if (error.code === networkErrorCode) {
        void message.error(t('errors.network'));
        return;
      }
      const unplaced = options.form ? applyFieldErrors(options.form, error.fieldErrors) : error.fieldErrors;
      const labels = options.fieldLabels ?? {};
      const labelOf: FieldLabeler = (field) => (Object.hasOwn(labels, field) ? labels[field] : undefined);
      void message.error(problemMessage(error, currentLocale(), labelOf, unplaced));
    },
    [message, notification, queryClient, t],
  );
}
