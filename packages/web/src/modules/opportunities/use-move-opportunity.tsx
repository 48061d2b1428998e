import type { Opportunity, Stage } from '@berth/domain';
import { App } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-error';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { CloseOpportunityModal } from './close-opportunity-modal';
import { useRefreshOpportunities, useUpdateOpportunity } from './use-opportunities';

type Card = Pick<Opportunity, 'id' | 'version' | 'title' | 'stage'>;

/**
 * Moves an opportunity to a stage at the version the user saw. Won asks for confirmation and lost
 * for the reason (in a dialog); a move someone else beat is reloaded and explained.
 */
export function useMoveOpportunity(options: { onMoving?: (card: Card, stage: Stage | null) => void } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const refresh = useRefreshOpportunities();
  const update = useUpdateOpportunity();
  const [closing, setClosing] = useState<{ card: Card; stage: Stage } | null>(null);
  const { onMoving } = options;

  const send = useCallback(
    (card: Card, stage: Stage, extra: { lostReasonId?: string; lostNote?: string | null } = {}) => {
      onMoving?.(card, stage);
      return new Promise<boolean>((resolve) => {
        update.mutate(
          { opportunity: card, input: { stage: stage.key, ...extra } },
          {
            onSuccess: () => {
              void message.success(t('opportunities.moved', { title: card.title, stage: stage.name }));
              resolve(true);
            },
            onError: (error) => {
              if (isApiError(error) && error.status === 412) {
                void message.warning(t('opportunities.movedAway'));
                void refresh();
              } else {
                handleError(error);
              }
              resolve(false);
            },
            onSettled: () => onMoving?.(card, null),
          },
        );
      });
    },
    [handleError, message, onMoving, refresh, t, update],
  );

  const move = useCallback(
    (card: Card, stage: Stage) => {
      if (card.stage === stage.key) return;
      if (stage.kind === 'open') void send(card, stage);
      else setClosing({ card, stage });
    },
    [send],
  );

  const dialog: ReactNode = closing ? (
    <CloseOpportunityModal
      title={closing.card.title}
      stage={closing.stage}
      submitting={update.isPending}
      onCancel={() => setClosing(null)}
      onConfirm={async (extra) => {
        if (await send(closing.card, closing.stage, extra)) setClosing(null);
      }}
    />
  ) : null;

  return { move, dialog, moving: update.isPending };
}
