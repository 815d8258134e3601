/**
 * Two kinds of failure (as in mapshaper): an InputError is the user's problem (a bad file,
 * row or option) and is shown without a stack trace; any other Error is a bug.
 */
export interface InputLocation {
  file?: string;
  row?: number;
  column?: string;
}

export class InputError extends Error {
  readonly code: string;
  readonly location: InputLocation;

  constructor(code: string, message: string, location: InputLocation = {}) {
    super(formatMessage(message, location));
    this.name = 'InputError';
    this.code = code;
    this.location = location;
  }
}

function formatMessage(message: string, loc: InputLocation): string {
  const where = [
    loc.file,
    loc.row !== undefined ? `row ${loc.row}` : undefined,
    loc.column !== undefined ? `column ${loc.column}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return where.length > 0 ? `${where.join(', ')}: ${message}` : message;
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/**
 * Codes of a user's OSRM server (analysis/routing/osrm.ts), shown by the CLI and the app's
 * settings: each names what the user can fix (the URL, the profile, the timeout, the server).
 */
export const OSRM_ERROR_CODES = {
  E_BAD_OSRM_URL: 'the OSRM URL is not an http(s) URL',
  E_OSRM_UNREACHABLE: 'no connection to the server (down, wrong host or port, or blocked)',
  E_OSRM_PROFILE: 'the server has no such service/profile (404, InvalidUrl, InvalidService)',
  E_OSRM_TIMEOUT: 'the server did not answer within the timeout',
  E_OSRM_RESPONSE: 'the answer is not JSON, or its code is not Ok (the server message is kept)',
} as const;
export type OsrmErrorCode = keyof typeof OSRM_ERROR_CODES;
