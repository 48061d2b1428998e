import type { ImportEntity } from '@berth/domain';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What an import file should look like: encodings, header row, and per entity lanes, lists and owners or contact cells. */
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
          {entity === 'contacts' ? (
            <>
              <li>{t('imports.help.contactHeader')}</li>
              <li>{t('imports.help.contactCustomer')}</li>
              <li>{t('imports.help.contactCells')}</li>
            </>
          ) : (
            <>
              <li>{t('imports.help.header')}</li>
              <li>
                {t('imports.help.lanes')} <Typography.Text code>{t('imports.help.laneExample')}</Typography.Text>
              </li>
              <li>{t('imports.help.lists')}</li>
              <li>{t('imports.help.owner')}</li>
            </>
          )}
        </ul>
      }
    />
  );
}
