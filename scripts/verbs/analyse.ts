import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCity } from '../../analysis/city/open-city.ts';
import { analysisFiles } from '../../analysis/coverage/outputs.ts';
import { InputError } from '../../analysis/errors.ts';
import { BUILT_IN_PROFILE_IDS } from '../../analysis/standards/profiles.ts';
import { TRAVEL_PROFILES, type TravelProfile } from '../../analysis/standards/types.ts';
import { analyseScenario, cityContext } from '../../analysis/workflows/analyse-scenario.ts';
import { loadProfile } from '../analyse/load-profile.ts';
import { printSummaryTable } from '../analyse/print-summary.ts';
import { folderSource } from '../city/folder-source.ts';
import { NodeRunner } from '../db/node-runner.ts';
import { OSRM_HELP, OSRM_OPTIONS, osrmRouting } from '../routing/osrm-options.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

export const verb: Verb = {
  summary: 'coverage and standards analysis of a city folder',
  help: `carecircle analyse — coverage, per-capita norms and gap findings with citations

Usage:
  npx carecircle analyse --city DIR --profile NAME --out DIR [--travel LIST] [--osrm URL]

Options:
  --city DIR       city folder (city.json, population.csv, units.geojson, facilities.geojson, graphs)
  --profile NAME   standards profile: ${BUILT_IN_PROFILE_IDS.join(', ')}, or a path to a profile .json
  --out DIR        output folder: summary.json, units.csv, findings.csv, cells.csv
  --travel LIST    travel profiles to report coverage for (comma-separated; default
                   walk-elderly,wheelchair,walk,ebike,drive; walk-elderly is always computed,
                   and wheelchair (step-free, at the elderly speed) wherever there is a walk graph)
${OSRM_HELP}

summary.json is documented in analysis/coverage/README.md.`,
  async run(argv) {
    const options = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      travel: { type: 'string' },
      ...OSRM_OPTIONS,
    });
    const cityDir = requireOption(options.city, 'city');
    const profile = loadProfile(requireOption(options.profile, 'profile'));
    const outDir = requireOption(options.out, 'out');
    const travel = parseTravel(options.travel ?? TRAVEL_PROFILES.join(','));
    const osrm = osrmRouting(options);
    const city = await openCity(folderSource(cityDir));
    const runner = await NodeRunner.open();
    try {
      const { result, unreachable, unavailable } = await analyseScenario(
        cityContext(city, runner, profile),
        undefined,
        { travelProfiles: travel, ...(osrm === undefined ? {} : { osrm }) },
      );
      mkdirSync(outDir, { recursive: true });
      for (const [name, text] of Object.entries(analysisFiles(result)))
        writeFileSync(join(outDir, name), text);
      printSummaryTable(result.summary, unreachable, unavailable);
      if (osrm !== undefined)
        console.log(`\nebike and drive routed on the OSRM server ${osrm.url} (--osrm)`);
      console.log(`\nwritten: ${outDir}/summary.json, units.csv, findings.csv, cells.csv`);
    } finally {
      runner.close();
    }
    return 0;
  },
};

function parseTravel(list: string): TravelProfile[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (!(TRAVEL_PROFILES as readonly string[]).includes(name)) {
      throw new InputError(
        'E_BAD_OPTION',
        `unknown travel profile "${name}" (use ${TRAVEL_PROFILES.join(', ')})`,
        {
          column: 'travel',
        },
      );
    }
  }
  return [...new Set(['walk-elderly', ...names])] as TravelProfile[];
}
