import { InputError } from '../errors.ts';
import type { Modification, Scenario, ScenarioSettings, SiteFacility } from './scenario-types.ts';

/**
 * Replays a scenario's modifications on a copy of the baseline register and returns the new
 * register. The baseline and its facility objects are never mutated: edited facilities are
 * copied, untouched ones are shared (callers must treat the result as read-only too).
 * Order is stable: baseline order, then added sites in the order they were added.
 */
export function applyScenario(
  baselineFacilities: readonly SiteFacility[],
  scenario: Pick<Scenario, 'modifications'>,
): SiteFacility[] {
  const byId = new Map<string, SiteFacility>();
  for (const facility of baselineFacilities) byId.set(facility.id, facility);
  scenario.modifications.forEach((modification, index) => {
    applyOne(byId, modification, index);
  });
  return [...byId.values()];
}

function applyOne(byId: Map<string, SiteFacility>, m: Modification, index: number): void {
  if (m.kind === 'set-walking-speed' || m.kind === 'set-profile') return;
  if (m.kind === 'set-travel-profile') return;
  // Street-network edits change the graph a scenario routes on, not the register.
  if (m.kind === 'add-link' || m.kind === 'close-link' || m.kind === 'set-barrier') return;
  if (m.kind === 'add-site') {
    if (byId.has(m.id)) fail('E_DUPLICATE_SITE', `site id "${m.id}" already exists`, index);
    byId.set(m.id, {
      id: m.id,
      name: m.name,
      type: m.type,
      lon: m.lon,
      lat: m.lat,
      floorAreaM2: m.floorAreaM2,
      beds: m.beds,
      floorLevel: m.floorLevel,
      ...(m.hasLift === undefined ? {} : { hasLift: m.hasLift }),
      illustrative: false,
    });
    return;
  }
  const current = byId.get(m.id);
  if (current === undefined) {
    fail('E_UNKNOWN_SITE', `site "${m.id}" does not exist at this point`, index);
    return;
  }
  switch (m.kind) {
    case 'move-site':
      // A moved site is no longer at its OSM building.
      byId.set(m.id, { ...withoutBuilding(current), lon: m.lon, lat: m.lat });
      return;
    case 'resize-site':
      byId.set(m.id, { ...current, floorAreaM2: m.floorAreaM2, beds: m.beds });
      return;
    case 'retype-site':
      byId.set(m.id, { ...current, type: m.type });
      return;
    case 'close-site':
      byId.delete(m.id);
      return;
  }
}

function withoutBuilding(facility: SiteFacility): SiteFacility {
  const { osmBuildingId: _dropped, ...rest } = facility;
  return rest;
}

function fail(code: string, message: string, index: number): never {
  throw new InputError(code, message, { column: `modifications[${index}]` });
}

/**
 * Walking speed, standards profile and travel profile after the scenario (the last setting of
 * each kind wins). travelProfile is only present when the baseline or a modification sets it.
 */
export function resolveSettings(
  baseline: ScenarioSettings,
  scenario: Pick<Scenario, 'modifications'>,
): ScenarioSettings {
  let { walkingSpeedMps, profile, travelProfile } = baseline;
  for (const m of scenario.modifications) {
    if (m.kind === 'set-walking-speed') walkingSpeedMps = m.mps;
    if (m.kind === 'set-profile') profile = m.profile;
    if (m.kind === 'set-travel-profile') travelProfile = m.travel;
  }
  return { walkingSpeedMps, profile, ...(travelProfile === undefined ? {} : { travelProfile }) };
}
