/**
 * Small helpers for checking a user-edited JSON document and collecting every problem with its
 * path (e.g. `siteRules[2].minM2`), so that the validator can report them all at once.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class Checker {
  readonly problems: string[] = [];

  problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  object(value: Json | undefined, path: string): JsonObject | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    this.problem(path, 'expected an object');
    return undefined;
  }

  array(value: Json | undefined, path: string): Json[] {
    if (Array.isArray(value)) return value;
    this.problem(path, 'expected a list');
    return [];
  }

  string(value: Json | undefined, path: string): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.problem(path, 'expected a non-empty text');
    return '';
  }

  optionalString(value: Json | undefined, path: string): string | undefined {
    return value === undefined ? undefined : this.string(value, path);
  }

  boolean(value: Json | undefined, path: string): boolean {
    if (typeof value === 'boolean') return value;
    this.problem(path, 'expected true or false');
    return false;
  }

  number(
    value: Json | undefined,
    path: string,
    range: { min?: number; max?: number } = {},
  ): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problem(path, 'expected a number');
      return 0;
    }
    if (range.min !== undefined && value < range.min) this.problem(path, `must be ≥ ${range.min}`);
    if (range.max !== undefined && value > range.max) this.problem(path, `must be ≤ ${range.max}`);
    return value;
  }

  optionalNumber(
    value: Json | undefined,
    path: string,
    range: { min?: number; max?: number } = {},
  ): number | undefined {
    return value === undefined ? undefined : this.number(value, path, range);
  }

  oneOf<T extends string>(value: Json | undefined, path: string, allowed: readonly T[]): T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as T;
    this.problem(path, `expected one of ${allowed.join(', ')}`);
    return allowed[0];
  }

  strings(value: Json | undefined, path: string): string[] {
    return this.array(value, path).map((item, index) => this.string(item, `${path}[${index}]`));
  }

  label(value: Json | undefined, path: string): { zh: string; en: string } {
    const object = this.object(value, path);
    return { zh: this.string(object?.zh, `${path}.zh`), en: this.string(object?.en, `${path}.en`) };
  }

  /** Reports keys the schema does not know (a typo would otherwise be ignored silently). */
  noExtraKeys(object: JsonObject | undefined, path: string, allowed: readonly string[]): void {
    if (object === undefined) return;
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key) && !key.startsWith('//'))
        this.problem(`${path}.${key}`, 'unknown key');
    }
  }
}
