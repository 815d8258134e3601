import { useCallback, useEffect, useState } from 'react';
import { currentSavedCity, openSavedCity, rememberCurrentCity } from '../data/browser-cities.ts';
import type { CityData } from '../data/city-data.ts';

/**
 * The city built in the browser that replaces the served one (null: the served city). The
 * choice is remembered, so a reload reopens the saved city the user was working on.
 */
export function useMemoryCity(): [CityData | null, (city: CityData | null) => void] {
  const [city, setCity] = useState<CityData | null>(null);
  useEffect(() => {
    let cancelled = false;
    currentSavedCity()
      .then((id) => (id === null ? null : openSavedCity(id)))
      .then((saved) => {
        if (!cancelled && saved !== null) setCity((now) => now ?? saved);
      })
      .catch((e: unknown) => console.error('saved city restore failed', e));
    return () => {
      cancelled = true;
    };
  }, []);
  const choose = useCallback((next: CityData | null) => {
    setCity(next);
    void rememberCurrentCity(next?.savedAs ?? null);
  }, []);
  return [city, choose];
}
