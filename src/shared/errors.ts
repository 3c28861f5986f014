/**
 * Stable error codes. They travel across IPC as values and are mapped to localized text in
 * the renderer (see src/renderer/src/i18n). Never rename a code: add a new one.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'BUSY',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'DB_OPEN_FAILED',
  'ENGINE_UNAVAILABLE',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_UNREADABLE',
  'IMPORT_EMPTY',
  'IMPORT_NO_HEADER',
  'IMPORT_UNKNOWN_SHEET',
  'IMPORT_UNKNOWN_KIND',
  'IMPORT_MAPPING_INVALID',
  'IMPORT_FILE_EXPIRED',
  'IMPORT_HAS_ERRORS',
  'IMPORT_NOT_UNDOABLE',
  'CLASS_NOT_MANUAL',
  'RULES_INVALID',
  'VIEW_NAME_TAKEN',
  'BACKUP_FAILED',
  'BACKUP_INVALID',
  'SURVEY_NO_RECIPIENTS',
  'SURVEY_NOT_RECIPIENT',
  'SURVEY_ALREADY_ANSWERED',
  'SURVEY_ANSWERS_INVALID',
  'SURVEY_IMPORT_INVALID',
  'SURVEY_TEMPLATE_READONLY',
  'BACKUP_DIR_INVALID',
  'CAPTURE_CARD_TOO_LARGE',
  'CAPTURE_CARD_NOT_IMAGE',
  'DATA_DIR_INVALID',
  'DATA_DIR_HAS_DATABASE',
  'MERGE_SURVEY_CONFLICT',
  /** The team sync (#19): the server could not be reached, showed another certificate, refused the login or the device… */
  'TEAM_UNREACHABLE',
  'TEAM_FINGERPRINT_MISMATCH',
  'TEAM_UNAUTHENTICATED',
  'TEAM_FORBIDDEN',
  'TEAM_RATE_LIMITED',
  'TEAM_SERVER_ERROR',
  'TEAM_PROTOCOL',
  /** A team action on a book that is not in a team (or joining one that already is). */
  'TEAM_NOT_JOINED',
  'TEAM_ALREADY_JOINED',
  /** This computer's secret store (the OS keychain through safeStorage, or its fallback file) could not keep or read a secret. */
  'SECRETS_UNAVAILABLE',
  /** Nobody is chosen as the user of this computer (Settings → Sales staff → You; in a team, the team user). */
  'ME_REQUIRED',
  /** Only a manager or an administrator of the team may do this (the pool rules, another's customer). */
  'MANAGER_REQUIRED',
  /**
   * The pool (#20), as src/shared/domain/pool.ts decides a claim: the customer is another's, the
   * claim would pass the cap, or this user released it less than the cooling-off ago. details:
   * { customerId, owner, held, cap, coolingEndsAt }.
   */
  'POOL_TAKEN',
  'POOL_CAP',
  'POOL_COOLING',
  /** The catalogue (#21): a product of this book has the SKU already (details: { sku, productId, archived }). */
  'PRODUCT_SKU_TAKEN',
  /** A product photo past 2 MB, or not a JPEG, PNG or WebP image. */
  'PRODUCT_PHOTO_TOO_LARGE',
  'PRODUCT_PHOTO_NOT_IMAGE',
  /** Deals (#21): a lost deal needs a reason; a won deal's amount is its order's and it must be reopened before it is lost. */
  'DEAL_LOST_REASON_REQUIRED',
  'DEAL_CLOSED',
  /**
   * Quotations and PIs (#21): the action does not fit the document's status (details: { id, status,
   * action }); a catalogue line priced in another currency than the document, or a line with no
   * price; a letterhead logo too large or not a PNG/JPEG; the PDF font missing from the installation.
   */
  'QUOTATION_STATUS',
  'QUOTATION_PRODUCT_CURRENCY',
  'QUOTATION_NO_PRICE',
  'LETTERHEAD_LOGO_TOO_LARGE',
  'LETTERHEAD_LOGO_NOT_IMAGE',
  'PDF_FONT_MISSING',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** An error a service throws on purpose; the IPC layer turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into a shape that can cross IPC without losing the code. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  if (err && typeof err === 'object' && 'code' in err && isErrorCode((err as { code: unknown }).code)) {
    const e = err as { code: ErrorCode; message?: unknown; details?: unknown };
    return { code: e.code, message: String(e.message ?? e.code), ...(e.details === undefined ? {} : { details: e.details }) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
