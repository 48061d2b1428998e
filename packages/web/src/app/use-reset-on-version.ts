import type { FormInstance } from 'antd';
import { useEffect } from 'react';

/**
 * Puts a record's current values into the form whenever a new version of it arrives
 * (e.g. after a 412 conflict reloaded it), discarding the user's stale edits.
 */
export function useResetOnVersion(form: FormInstance, record: { version: number } | undefined): void {
  const version = record?.version;
  useEffect(() => {
    if (version !== undefined) form.resetFields();
  }, [form, version]);
}
