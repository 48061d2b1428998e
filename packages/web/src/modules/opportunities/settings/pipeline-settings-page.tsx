import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { LostReasonsEditor } from './lost-reasons-editor';
import { StagesEditor } from './stages-editor';

/** The organisation's sales process: its stages and lost reasons (opportunities.configure). */
export function PipelineSettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('pipelineSettings.title')} />
      <StagesEditor />
      <LostReasonsEditor />
    </>
  );
}
