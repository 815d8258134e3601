import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openCity } from '../../analysis/city/open-city.ts';
import type { FacilityType } from '../../analysis/city/types.ts';
import { InputError } from '../../analysis/errors.ts';
import { isTravelProfileName } from '../../analysis/routing/profiles.ts';
import { loadHighsSolver } from '../../analysis/siting/highs-solver.ts';
import type { SitingMethod } from '../../analysis/siting/optimise-types.ts';
import { FACILITY_TYPES } from '../../analysis/siting/scenario-types.ts';
import { builtInProfile } from '../../analysis/standards/profiles.ts';
import type { TravelProfileName } from '../../analysis/vocabulary.ts';
import { optimiseCity } from '../../analysis/workflows/optimise-city.ts';
import { folderSource } from '../city/folder-source.ts';
import { readCandidateFile } from '../siting/read-candidates.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const help = `carecircle optimise — propose new elder-care sites (MCLP / partial cover)

Usage:
  npx carecircle optimise --city DIR --profile P --minutes 15 --new-sites N --out FILE.json
  npx carecircle optimise --city DIR --profile P --minutes 15 --target 0.9 --out FILE.json

Options:
  --city DIR          city folder (build-city output)
  --profile P         standards profile id (walking speed, minimum site area), e.g. haining-2024
  --minutes M         service-circle threshold in minutes (default 15)
  --new-sites N       maximise elders newly covered with at most N new sites (MCLP)
  --target SHARE      or: fewest sites bringing elder coverage to SHARE (0–1) (partial cover)
  --out FILE.json     result: chosen sites, elders newly covered, objective, bound, method, scenario
  --travel T          travel profile: walk-elderly (default), wheelchair, walk, ebike, drive
  --type T            facility type of new sites (default neighbourhood_point); sets the
                      minimum floor area from the profile's site-area rules
  --min-area M2       minimum floor area of a candidate (overrides the profile)
  --site-area M2      floor area of each proposed site in the scenario (default: the
                      minimum area, at least 60)
  --candidates FILE   GeoJSON Points {id, name?, floorAreaM2?}; default: residential/vacant
                      buildings + an H3 grid, each within --snap metres of a road
  --grid-resolution R H3 resolution of grid candidates (default 9; 0 = no grid)
  --snap M            maximum distance of a candidate from a road (default 150)
  --one-per-unit      at least one new site in every community without a site of --type
  --max-per-unit K    at most K new sites per community
  --method M          milp or greedy+swap (default: MILP when small enough)
  --time-limit S      HiGHS time limit in seconds (default 10)`;

export const verb: Verb = {
  summary: 'propose new sites: maximal covering or fewest sites to a target (HiGHS / greedy)',
  help,
  async run(argv) {
    const o = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string' },
      minutes: { type: 'string', default: '15' },
      'new-sites': { type: 'string' },
      target: { type: 'string' },
      out: { type: 'string' },
      travel: { type: 'string', default: 'walk-elderly' },
      type: { type: 'string', default: 'neighbourhood_point' },
      'min-area': { type: 'string' },
      'site-area': { type: 'string' },
      candidates: { type: 'string' },
      'grid-resolution': { type: 'string', default: '9' },
      snap: { type: 'string', default: '150' },
      'one-per-unit': { type: 'boolean', default: false },
      'max-per-unit': { type: 'string' },
      method: { type: 'string' },
      'time-limit': { type: 'string', default: '10' },
    });
    const cityDir = requireOption(o.city, 'city');
    const standards = builtInProfile(requireOption(o.profile, 'profile'));
    const outFile = requireOption(o.out, 'out');
    const minutes = numberOption(o.minutes, 'minutes', 0.5, 120);
    if ((o['new-sites'] === undefined) === (o.target === undefined)) {
      throw new InputError(
        'E_MISSING_OPTION',
        'give exactly one of --new-sites N or --target SHARE',
      );
    }
    const type = o.type as FacilityType;
    if (!FACILITY_TYPES.includes(type)) {
      throw new InputError('E_BAD_OPTION', `unknown facility type "${o.type}"`, { column: 'type' });
    }
    const method = o.method as SitingMethod | undefined;
    if (method !== undefined && method !== 'milp' && method !== 'greedy+swap') {
      throw new InputError('E_BAD_OPTION', 'method must be milp or greedy+swap', {
        column: 'method',
      });
    }
    const city = await openCity(folderSource(cityDir));
    const outcome = await optimiseCity(city, standards, await loadHighsSolver(), {
      problem: o['new-sites'] !== undefined ? 'mclp' : 'lscp',
      ...(o['new-sites'] !== undefined
        ? { newSites: numberOption(o['new-sites'], 'new-sites', 0, 1e5) }
        : { targetShare: numberOption(o.target, 'target', 0, 1) }),
      minutes,
      travel: travelName(o.travel ?? 'walk-elderly'),
      type,
      ...(o['min-area'] === undefined
        ? {}
        : { minAreaM2: numberOption(o['min-area'], 'min-area', 0, 1e6) }),
      ...(o['site-area'] === undefined
        ? {}
        : { siteAreaM2: numberOption(o['site-area'], 'site-area', 1, 1e6) }),
      ...(o.candidates === undefined ? {} : { candidates: readCandidateFile(o.candidates) }),
      gridResolution: Number(o['grid-resolution']),
      snapM: numberOption(o.snap, 'snap', 1, 2000),
      onePerUnit: o['one-per-unit'] === true,
      ...(o['max-per-unit'] === undefined
        ? {}
        : { maxPerUnit: numberOption(o['max-per-unit'], 'max-per-unit', 0, 1e6) }),
      ...(method === undefined ? {} : { method }),
      timeLimitS: numberOption(o['time-limit'], 'time-limit', 0.1, 3600),
    });
    const { result, elders } = outcome;
    const output = {
      city: city.input.name,
      profile: standards.id,
      travel: outcome.travel,
      walkingSpeedMps: outcome.walkingSpeedMps,
      minutes,
      facilityType: type,
      minFloorAreaM2: outcome.minAreaM2,
      unitConstraints: outcome.unitConstraints,
      candidates: outcome.candidates,
      elders,
      result,
      chosenSites: outcome.chosenSites,
      scenario: outcome.scenario,
    };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(
      `${result.problem} ${result.method} (${result.status}): ${result.chosen.length} site(s), +${Math.round(result.newlyCoveredWeight)} elders, coverage ${pct(elders.total > 0 ? elders.alreadyCovered / elders.total : 0)} → ${pct(result.coveredShareAfter)}, bound ${result.bound.toFixed(1)} (${result.boundKind}), gap ${pct(result.gap)}, ${result.solveMs.toFixed(0)} ms\nwritten: ${outFile}`,
    );
    return result.status === 'infeasible' ? 3 : 0;
  },
};

function numberOption(text: string | undefined, name: string, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new InputError(
      'E_BAD_OPTION',
      `--${name} must be a number in [${min}, ${max}], got "${text}"`,
      { column: name },
    );
  }
  return value;
}

function travelName(name: string): TravelProfileName {
  if (!isTravelProfileName(name)) {
    throw new InputError('E_BAD_OPTION', `unknown travel profile "${name}"`, { column: 'travel' });
  }
  return name;
}
