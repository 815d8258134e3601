import type { FacilityProperties, FacilityType } from '../../../analysis/city/types.ts';
import type { ProgrammeRegister, SiteProgramme } from '../../../analysis/programme/types.ts';

/** Hand-made facilities and programme records shared by the programme tests. */
export function facility(
  id: string,
  type: FacilityType,
  fields: Partial<FacilityProperties> = {},
): FacilityProperties {
  return {
    id,
    name: `site ${id}`,
    type,
    floorAreaM2: 100,
    beds: 0,
    floorLevel: 1,
    illustrative: true,
    ...fields,
  };
}

/** A record that went through every step, each in `year` (accepted on `acceptedDate`). */
export function acceptedIn(
  id: string,
  year: number,
  fields: Partial<SiteProgramme> = {},
): SiteProgramme {
  return {
    id,
    status: 'accepted',
    steps: {
      planned: { year },
      reviewed: { year },
      under_construction: { year },
      built: { year },
      accepted: { year, date: `${year}-12-10` },
    },
    upgraded: false,
    ...fields,
  };
}

/**
 * The hand-made register (Haining roles: day_care = care center, neighbourhood_point = point):
 *   C1 care center, baseline             P1 point, baseline
 *   C2 upgrade accepted 2024, ¥80,000    P2 point accepted 2024, ¥15,000
 *   C3 upgrade accepted 2025, ¥40,000    P3 point (Jiaxing station) accepted 2025, ¥30,000
 *   C4 upgrade reviewed 2025, 300 m²     P4 point built 2025 (not accepted), ¥8,000
 *   S1 street center, baseline           P5 point proposed 2026, 40 m², no cost entered
 */
export function handMadeRegister(): ProgrammeRegister {
  const facilities = [
    facility('C1', 'day_care'),
    facility('C2', 'day_care'),
    facility('C3', 'day_care'),
    facility('C4', 'day_care', { floorAreaM2: 300 }),
    facility('S1', 'street_center', { floorAreaM2: 1200 }),
    facility('P1', 'neighbourhood_point', { floorAreaM2: 40 }),
    facility('P2', 'neighbourhood_point', { floorAreaM2: 40 }),
    facility('P3', 'neighbourhood_point', { floorAreaM2: 40 }),
    facility('P4', 'neighbourhood_point', { floorAreaM2: 40 }),
    facility('P5', 'neighbourhood_point', { floorAreaM2: 40 }),
  ];
  const sites: SiteProgramme[] = [
    acceptedIn('C2', 2024, { upgraded: true, costYuan: 80_000, unitId: 'U1' }),
    acceptedIn('C3', 2025, { upgraded: true, costYuan: 40_000 }),
    {
      id: 'C4',
      status: 'reviewed',
      steps: { planned: { year: 2025 }, reviewed: { year: 2025, date: '2025-05-01' } },
      upgraded: true,
    },
    acceptedIn('P2', 2024, { costYuan: 15_000, unitId: 'U1' }),
    acceptedIn('P3', 2025, { costYuan: 30_000, designations: ['jiaxing_station'] }),
    {
      id: 'P4',
      status: 'built',
      steps: {
        planned: { year: 2025 },
        reviewed: { year: 2025 },
        under_construction: { year: 2025 },
        built: { year: 2025 },
      },
      upgraded: false,
      costYuan: 8_000,
    },
    { id: 'P5', status: 'proposed', steps: { proposed: { year: 2026 } }, upgraded: false },
  ];
  return { facilities, sites };
}

/** Facility id → unit for sites whose record has no unitId (C1, P1 in U1; the rest in U2). */
export const UNIT_IDS: ReadonlyMap<string, string> = new Map([
  ['C1', 'U1'],
  ['P1', 'U1'],
  ['C3', 'U2'],
  ['C4', 'U2'],
  ['P3', 'U2'],
  ['P4', 'U2'],
  ['P5', 'U2'],
  ['S1', 'U2'],
]);
