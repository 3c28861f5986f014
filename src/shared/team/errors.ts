/**
 * Stable error codes of the team server's HTTP API (/v1/…), each with the HTTP status it travels
 * with. Like the app's codes (src/shared/errors.ts) they are values, never renamed: add a new one.
 * A laptop maps them to its own text; the message is for logs and the CLI.
 */
export const TEAM_ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type TeamErrorCode = keyof typeof TEAM_ERROR_STATUS;

export const TEAM_ERROR_CODES = Object.keys(TEAM_ERROR_STATUS) as TeamErrorCode[];

export interface TeamErrorShape {
  code: TeamErrorCode;
  message: string;
  details?: unknown;
}

/** What every /v1/ response body is: the app's Result shape, with the team server's codes. */
export type TeamResult<T> = { ok: true; value: T } | { ok: false; error: TeamErrorShape };

/** An error the server throws on purpose; the HTTP layer sends it with its status. */
export class TeamError extends Error {
  readonly code: TeamErrorCode;
  readonly details?: unknown;
  /** Seconds before a retry can succeed (RATE_LIMITED): sent as Retry-After. */
  readonly retryAfter?: number;

  constructor(code: TeamErrorCode, message: string, options: { details?: unknown; retryAfter?: number } = {}) {
    super(message);
    this.name = 'TeamError';
    this.code = code;
    if (options.details !== undefined) this.details = options.details;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return TEAM_ERROR_STATUS[this.code];
  }

  toShape(): TeamErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isTeamErrorCode(value: unknown): value is TeamErrorCode {
  return typeof value === 'string' && Object.hasOwn(TEAM_ERROR_STATUS, value);
}
