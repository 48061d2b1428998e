import { activityErrors } from './activities/error-messages';
import { roleErrors, teamErrors, userErrors } from './admin/error-messages';
import { authErrors, setupErrors } from './auth/error-messages';
import { customerErrors } from './customers/error-messages';
import { databaseUpkeepErrors } from './database-upkeep/error-messages';
import { importErrors } from './imports/error-messages';
import { moneyErrors } from './money/error-messages';
import { attachmentErrors, noteErrors } from './notes/error-messages';
import { opportunityErrors } from './opportunities/error-messages';
import { orgSettingsErrors } from './org-settings/error-messages';
import type { CodeOf, ErrorText } from './platform/error-messages';
import type { Locale } from './platform/locale';
import { platformErrors } from './platform/platform-error-messages';
import { poolErrors } from './pool/error-messages';
import { prospectErrors } from './prospects/error-messages';
import { salesEventErrors } from './sales-events/error-messages';
import { shipmentErrors } from './shipments/error-messages';
import { taskErrors } from './tasks/error-messages';
import { webhookErrors } from './webhooks/error-messages';

/**
 * The error codes of every module, one bundle each. Each server module names its bundle in its
 * manifest (`errors`), which is how its messages reach the server's problem+json; this list is
 * what the console translates codes with and what `ErrorCode` is made of. A unit test of the
 * server's module list holds the two to the same bundles.
 */
export const moduleErrorBundles = [
  authErrors,
  userErrors,
  teamErrors,
  roleErrors,
  customerErrors,
  importErrors,
  poolErrors,
  noteErrors,
  attachmentErrors,
  salesEventErrors,
  prospectErrors,
  activityErrors,
  taskErrors,
  opportunityErrors,
  setupErrors,
  orgSettingsErrors,
  moneyErrors,
  shipmentErrors,
  webhookErrors,
  databaseUpkeepErrors,
] as const;

/** Every stable error code of the API: the server's `AppError` takes nothing else. */
export type ErrorCode = CodeOf<typeof platformErrors> | CodeOf<(typeof moduleErrorBundles)[number]>;

/** Every code with its messages: the platform's and each module's. */
export const errorMessages: Readonly<Record<ErrorCode, ErrorText>> = Object.assign(
  {},
  platformErrors.messages,
  ...moduleErrorBundles.map((bundle) => bundle.messages),
);

/** The message of a code in a UI language; an unknown code answers with itself. */
export function errorMessage(code: string, locale: Locale): string {
  return Object.hasOwn(errorMessages, code) ? errorMessages[code as ErrorCode][locale] : code;
}
