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
