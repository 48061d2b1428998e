import { ApiError, isApiError } from '../../../app/api-error';

/**
 * The server reports an owner outside the actor's scope on `teamId` when the team is what fails; the form has
 * no team field (the team follows the owner), so such errors are shown on the owner.
 */
export function teamErrorsOnOwner(error: unknown): unknown {
  if (!isApiError(error) || !error.fieldErrors.some((fieldError) => fieldError.field === 'teamId')) return error;
  return new ApiError({
    type: 'about:blank',
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.detail,
    errors: error.fieldErrors.map((fieldError) =>
      fieldError.field === 'teamId' ? { ...fieldError, field: 'ownerId' } : fieldError,
    ),
  });
}
