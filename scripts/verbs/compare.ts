import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openCity } from '../../analysis/city/open-city.ts';
import { InputError } from '../../analysis/errors.ts';
import type { Scenario } from '../../analysis/siting/scenario-types.ts';
import { BUILT_IN_PROFILE_IDS } from '../../analysis/standards/profiles.ts';
import { cityContext } from '../../analysis/workflows/analyse-scenario.ts';
import { compareScenarios } from '../../analysis/workflows/compare.ts';
import { loadProfile } from '../analyse/load-profile.ts';
import { readScenarioFile } from '../analyse/scenario-file.ts';
import { folderSource } from '../city/folder-source.ts';
import { NodeRunner } from '../db/node-runner.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

export const verb: Verb = {
  summary: 'compare scenarios with the baseline (coverage, 300 m shares, findings, budget)',
  help: `carecircle compare — the baseline and each scenario side by side, as the app's compare view

Usage:
  npx carecircle compare --city DIR --profile NAME --scenario FILE [--scenario FILE ...]
                         [--year YYYY] [--out FILE.json]

Options:
  --city DIR        city folder (as for analyse)
  --profile NAME    baseline standards profile: ${BUILT_IN_PROFILE_IDS.join(', ')}, or a profile .json
  --scenario FILE   scenario JSON (carecircle-scenario v1, or an optimise --out file); repeatable
  --year YYYY       year the budget counts from (default: this year, UTC)
  --out FILE        output JSON (default: standard output)

The JSON is a list of columns, baseline first: the profile and travel profile each column was
evaluated with, coverage per threshold, 300 m shares, m² per resident, findings and budget.`,
  async run(argv) {
    const options = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      year: { type: 'string' },
      out: { type: 'string' },
    });
    const cityDir = requireOption(options.city, 'city');
    const city = await openCity(folderSource(cityDir));
    const profile = loadProfile(requireOption(options.profile, 'profile'));
    const files = options.scenario ?? [];
    if (files.length === 0)
      throw new InputError('E_MISSING_OPTION', 'give at least one --scenario FILE');
    const scenarios = files.map((file): Scenario => {
      const scenario = readScenarioFile(file, city, cityDir, profile.id);
      return { ...scenario, name: scenario.name ?? basename(file) };
    });
    const year = options.year === undefined ? new Date().getUTCFullYear() : Number(options.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new InputError('E_BAD_OPTION', `--year ${options.year}: expected a year such as 2026`);
    const runner = await NodeRunner.open();
    try {
      const columns = await compareScenarios(cityContext(city, runner, profile), scenarios, {
        year,
      });
      const text = `${JSON.stringify(columns, null, 2)}\n`;
      if (options.out === undefined) process.stdout.write(text);
      else {
        writeFileSync(options.out, text);
        console.error(`compare: ${columns.length} columns → ${options.out}`);
      }
    } finally {
      runner.close();
    }
    return 0;
  },
};
