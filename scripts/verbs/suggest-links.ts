import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openCity } from '../../analysis/city/open-city.ts';
import { InputError } from '../../analysis/errors.ts';
import {
  emptyScenario,
  type Scenario,
  scenarioVersionFor,
} from '../../analysis/siting/scenario-types.ts';
import { DEFAULT_MIN_DETOUR_M, suggestLinks } from '../../analysis/siting/suggest-links.ts';
import { builtInProfile } from '../../analysis/standards/profiles.ts';
import { readScenarioFile } from '../analyse/scenario-file.ts';
import { folderSource } from '../city/folder-source.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const help = `carecircle suggest-links — short walking links that most raise elder coverage

Usage:
  npx carecircle suggest-links --city DIR --minutes 5 --max-length 60 --count 10 --out FILE.json

Proposes up to --count links (a gate, a passage), each at most --max-length metres straight
between two network nodes whose walking route is at least --min-detour metres longer, chosen
greedily: each adds the most elders (60+) newly within --minutes of a site (walk-elderly) on
the network with the links before it. The output holds links (from, to as [lon, lat],
lengthM, gainElders), an upper bound on what any set of the candidates could add, and a
scenario adding the links (open it in the app or pass it to analyse/compare/report).

Options:
  --city DIR          city folder (build-city output)
  --minutes M         threshold in minutes (default 5: the 300 m / 5-minute rule)
  --max-length M      longest link, straight metres (default 60)
  --count K           links to propose (default 10)
  --min-detour M      the walking route between the ends must be at least this much longer
                      than the link (default ${DEFAULT_MIN_DETOUR_M} m)
  --scenario FILE     start from a scenario (its sites and network edits); default: baseline
  --profile P         standards profile for the elderly walking speed (default huaihua-2020)
  --out FILE.json     result file`;

export const verb: Verb = {
  summary: 'suggest short links (gates, passages) that most raise elder coverage (greedy)',
  help,
  async run(argv) {
    const o = parseOptions(argv, {
      city: { type: 'string' },
      minutes: { type: 'string', default: '5' },
      'max-length': { type: 'string', default: '60' },
      count: { type: 'string', default: '10' },
      'min-detour': { type: 'string', default: String(DEFAULT_MIN_DETOUR_M) },
      scenario: { type: 'string' },
      profile: { type: 'string', default: 'huaihua-2020' },
      out: { type: 'string' },
    });
    const cityDir = requireOption(o.city, 'city');
    const outFile = requireOption(o.out, 'out');
    const minutes = numberOption(o.minutes, 'minutes', 0.5, 60);
    const maxLengthM = numberOption(o['max-length'], 'max-length', 2, 500);
    const count = numberOption(o.count, 'count', 1, 1000, true);
    const minDetourM = numberOption(o['min-detour'], 'min-detour', 0, 5000);
    const profile = builtInProfile(o.profile ?? 'huaihua-2020');
    const city = await openCity(folderSource(cityDir));
    const start: Scenario =
      o.scenario === undefined
        ? emptyScenario({ city: city.manifest.name, profile: profile.id })
        : readScenarioFile(o.scenario, city, cityDir, profile.id);
    const graph = await city.graph('walk');
    const result = suggestLinks(city.input, graph, start, {
      minutes,
      maxLengthM,
      count,
      minDetourM,
      walkingSpeedMps: profile.settings.walkingSpeedMps,
    });
    const modifications = [...start.modifications, ...result.modifications];
    const scenario: Scenario = {
      ...start,
      name: start.name ?? `suggested links (${minutes} min)`,
      version: scenarioVersionFor(modifications),
      modifications,
    };
    const { modifications: _links, ...summary } = result;
    const output = { city: city.input.name, profile: profile.id, ...summary, scenario };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
    const pct = (x: number) => `${((x / Math.max(1, result.totalElders)) * 100).toFixed(1)} %`;
    const gained = result.coveredAfter - result.coveredBefore;
    console.log(
      `${result.links.length} link(s) from ${result.candidates} candidates: +${gained} elders within ${minutes} min, ${pct(result.coveredBefore)} → ${pct(result.coveredAfter)}; no set of candidates adds more than ${result.upperBoundGain}; ${result.ms.toFixed(0)} ms\nwritten: ${outFile}`,
    );
    return 0;
  },
};

function numberOption(
  text: string | undefined,
  name: string,
  min: number,
  max: number,
  integer = false,
): number {
  const value = Number(text);
  const ok = text !== undefined && text !== '' && Number.isFinite(value);
  if (!ok || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new InputError(
      'E_BAD_OPTION',
      `--${name} must be ${integer ? 'a whole number' : 'a number'} in [${min}, ${max}], got "${text}"`,
      { column: name },
    );
  }
  return value;
}
