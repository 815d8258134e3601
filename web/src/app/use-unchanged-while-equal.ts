import { useRef } from 'react';

/**
 * The value of the previous render while the new one has the same content (compared as JSON), so
 * that effects and layers keyed on it do not run again for a copy: a map redraw or a session
 * reopened for nothing costs seconds on a county.
 */
export function useUnchangedWhileEqual<T>(value: T): T {
  const kept = useRef<{ value: T; json: string } | null>(null);
  const json = JSON.stringify(value);
  if (kept.current === null || kept.current.json !== json) kept.current = { value, json };
  return kept.current.value;
}
