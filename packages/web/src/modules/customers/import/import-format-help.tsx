import type { ImportEntity } from '@berth/domain';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { importEntityUi } from './import-entities';

/** What an import file should look like: encodings and header row, then the entity's own lines from the registry. */
export function ImportFormatHelp({ entity }: { entity: ImportEntity }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('imports.help.title')}
      data-testid="import-help"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          <li>{t('imports.help.formats')}</li>
          {importEntityUi[entity].help.map((line) => (
            <li key={line.key}>
              {t(line.key as never)}
              {line.example && (
                <>
                  {' '}
                  <Typography.Text code>{t(line.example as never)}</Typography.Text>
                </>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}
