import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What an import file should look like: encodings, header row, lanes, lists and owners. */
export function ImportFormatHelp() {
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
          <li>{t('imports.help.header')}</li>
          <li>
            {t('imports.help.lanes')} <Typography.Text code>{t('imports.help.laneExample')}</Typography.Text>
          </li>
          <li>{t('imports.help.lists')}</li>
          <li>{t('imports.help.owner')}</li>
        </ul>
      }
    />
  );
}
