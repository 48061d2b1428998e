import type { FieldError } from '@berth/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, networkErrorCode } from './api-error';
import { fieldPath, samePath } from './field-path';
import { currentLocale } from './i18n';

export interface ErrorHandlingOptions {
  /** Form to put per-field errors on. */
  form?: FormInstance;
  /** Called after a version conflict (412), once the data has been reloaded. */
  onConflict?: () => void;
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
      const extra = unplaced.map((fieldError) => `${fieldError.field}: ${fieldError.message}`);
      void message.error([error.displayMessage(currentLocale()), ...extra].join(' '));
    },
    [message, notification, queryClient, t],
  );
}
