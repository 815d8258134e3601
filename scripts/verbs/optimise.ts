import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FacilityType } from '../../analysis/city/types.ts';
import { InputError } from '../../analysis/errors.ts';
import { travelProfile } from '../../analysis/routing/profiles.ts';
import { citySitingModel, onePerCommunityWithout } from '../../analysis/siting/city-siting.ts';
import { loadHighsSolver } from '../../analysis/siting/highs-solver.ts';
import { optimiseLscp, optimiseMclp } from '../../analysis/siting/optimise.ts';
import type { SitingMethod, UnitConstraint } from '../../analysis/siting/optimise-types.ts';
import { FACILITY_TYPES } from '../../analysis/siting/scenario-types.ts';
import { resultToScenario } from '../../analysis/siting/to-scenario.ts';
import { builtInProfile } from '../../analysis/standards/profiles.ts';
import { readCityGraphs, readCityInput } from '../analyse/read-city.ts';
import { loadCandidates } from '../siting/city-candidates.ts';
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
  --travel T          travel profile: walk-elderly (default), walk, ebike, drive
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
    const walkingSpeed = standards.settings.walkingSpeedMps;
    const profile = travelProfile(
      o.travel ?? 'walk-elderly',
      o.travel === 'walk-elderly' ? { speedMps: walkingSpeed } : {},
    );
    const input = readCityInput(cityDir);
    const graph = readCityGraphs(cityDir, [profile.network])[profile.network];
    if (graph === undefined) throw new Error('graph not loaded');
    const snapM = numberOption(o.snap, 'snap', 1, 2000);
    const candidates = loadCandidates(
      cityDir,
      o.candidates,
      graph,
      input,
      snapM,
      Number(o['grid-resolution']),
    );
    const minArea =
      o['min-area'] !== undefined
        ? numberOption(o['min-area'], 'min-area', 0, 1e6)
        : profileMinArea(standards.rules, type);
    const constraints: UnitConstraint[] = [];
    const notes: string[] = [];
    if (o['one-per-unit']) {
      const per = onePerCommunityWithout(input, type, candidates);
      constraints.push(...per.constraints);
      if (per.unitsWithoutCandidates.length > 0)
        notes.push(`communities without any candidate: ${per.unitsWithoutCandidates.join(', ')}`);
    }
    if (o['max-per-unit'] !== undefined) {
      const max = numberOption(o['max-per-unit'], 'max-per-unit', 0, 1e6);
      const units = new Set(
        candidates.map((c) => c.unitId).filter((u): u is string => u !== undefined),
      );
      for (const unitId of units) {
        const existing = constraints.find((c) => c.unitId === unitId);
        if (existing) existing.max = max;
        else constraints.push({ unitId, max });
      }
    }
    const model = citySitingModel(input, graph, candidates, {
      profile,
      minutes,
      minFloorAreaM2: minArea,
      unitConstraints: constraints,
    });
    const solver = await loadHighsSolver();
    const options = {
      solver,
      timeLimitS: numberOption(o['time-limit'], 'time-limit', 0.1, 3600),
      ...(method ? { method } : {}),
    };
    const result =
      o['new-sites'] !== undefined
        ? optimiseMclp(model, numberOption(o['new-sites'], 'new-sites', 0, 1e5), options)
        : optimiseLscp(model, numberOption(o.target, 'target', 0, 1), options);
    const siteArea =
      o['site-area'] !== undefined
        ? numberOption(o['site-area'], 'site-area', 1, 1e6)
        : Math.max(minArea, 60);
    const scenario = resultToScenario(
      result,
      model.candidates,
      { city: input.name, profile: standards.id },
      { type, floorAreaM2: siteArea, name: `优化选址 ${result.problem.toUpperCase()}`, minutes },
    );
    const byId = new Map(model.candidates.map((c) => [c.id, c]));
    const output = {
      city: input.name,
      profile: standards.id,
      travel: profile.name,
      walkingSpeedMps: profile.walkSpeedMps,
      minutes,
      facilityType: type,
      minFloorAreaM2: minArea,
      unitConstraints: constraints,
      candidates: {
        considered: candidates.length,
        inModel: model.candidates.length,
        excluded: model.excluded.length,
      },
      elders: { total: model.totalWeight, alreadyCovered: model.baseCoveredWeight },
      result: { ...result, notes: [...notes, ...result.notes] },
      chosenSites: result.chosen.map((id) => byId.get(id)),
      scenario,
    };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(
      `${result.problem} ${result.method} (${result.status}): ${result.chosen.length} site(s), +${Math.round(result.newlyCoveredWeight)} elders, coverage ${pct(model.totalWeight > 0 ? model.baseCoveredWeight / model.totalWeight : 0)} → ${pct(result.coveredShareAfter)}, bound ${result.bound.toFixed(1)} (${result.boundKind}), gap ${pct(result.gap)}, ${result.solveMs.toFixed(0)} ms\nwritten: ${outFile}`,
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

function profileMinArea(
  rules: ReturnType<typeof builtInProfile>['rules'],
  type: FacilityType,
): number {
  let min = 0;
  for (const rule of rules) {
    if (rule.kind === 'site_area' && rule.facilityTypes.includes(type))
      min = Math.max(min, rule.minM2);
  }
  return min;
}
