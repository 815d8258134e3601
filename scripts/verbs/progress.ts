import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../analysis/errors.ts';
import { spreadsheetCsv } from '../../analysis/io/csv/spreadsheet-safe.ts';
import { type BudgetEstimate, estimateBudget } from '../../analysis/programme/budget.ts';
import { type ProgressYear, programmeProgress } from '../../analysis/programme/progress.ts';
import { joinRegister } from '../../analysis/programme/register.ts';
import { checkSiteRules } from '../../analysis/programme/site-rules.ts';
import { programmeYear } from '../../analysis/programme/status.ts';
import {
  applyTargetOverrides,
  parseTargetOverrides,
  targetYears,
} from '../../analysis/programme/targets.ts';
import type { ProgrammeRegister, SiteFinding } from '../../analysis/programme/types.ts';
import {
  facilityOf,
  loadProgrammeProfile,
  loadRecords,
  readBytes,
  readFacilities,
  unitIdsOf,
} from '../programme/inputs.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const help = `carecircle progress — programme tracking: targets vs achieved, cost and subsidy

Usage:
  npx carecircle progress --city DIR --profile P --out DIR [options]

Options:
  --city DIR         city folder (facilities.geojson; units.geojson gives each site its unit)  (required)
  --profile P        haining-2024 | generic | any standards profile name (falls back to generic)
                     | a FILE.programme.json                                                  (required)
  --out DIR          output folder                                                             (required)
  --register FILE    status register, CSV (UTF-8 or GBK) or XLSX, keyed by facility id
                     (columns 编号/id, 状态/status, 列入年度/planned_year, 评审日期/reviewed_date, …);
                     default: the status columns of facilities.geojson properties
  --year Y           report this year only (progress) and the projects of this programme year (budget)
  --targets FILE     JSON list of target edits [{"id": "points", "year": 2025, "value": 200}, …]
  --help             show this help

A facility without a status is a baseline facility: it existed before the programme, counts as
accepted in every year and is no project (no cost, no subsidy).

Writes:
  progress.json       per year: targets, achieved, gap (and per unit); budget totals; warnings
  budget.csv          per project site: cost, subsidy, local share (default costs are assumptions)
  site-findings.csv   every site rule on every site it applies to, with citations
`;

export const verb: Verb = {
  summary: 'programme progress, site rules and subsidy budget',
  help,
  async run(argv) {
    const options = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      register: { type: 'string' },
      year: { type: 'string' },
      targets: { type: 'string' },
    });
    const city = requireOption(options.city, 'city');
    const out = requireOption(options.out, 'out');
    const year = parseYear(options.year);
    const loaded = await loadProgrammeProfile(requireOption(options.profile, 'profile'));
    if (loaded.note !== undefined) console.log(loaded.note);
    let profile = loaded.profile;
    if (options.targets !== undefined) {
      const text = new TextDecoder().decode(await readBytes(options.targets, 'targets'));
      profile = applyTargetOverrides(
        profile,
        parseTargetOverrides(parseJson(text, options.targets), options.targets),
      );
    }
    const features = await readFacilities(city);
    const { records, source } = await loadRecords(features, options.register);
    const register: ProgrammeRegister = { facilities: features.map(facilityOf), sites: records };
    const { warnings } = joinRegister(register, profile, { imported: true, file: source });
    const unitIds = await unitIdsOf(city, features);

    const years =
      year !== undefined
        ? [year]
        : [
            ...new Set([
              ...targetYears(profile),
              ...records.flatMap((r) => programmeYear(r) ?? []),
            ]),
          ];
    const progress = programmeProgress(register, profile, { years, unitIds });
    const budget = estimateBudget(register, profile, { year, unitIds });
    const findings = checkSiteRules(register, profile);

    await mkdir(out, { recursive: true });
    const summary = {
      profile: profile.id,
      profileFile: loaded.source,
      register: source,
      year: year ?? null,
      assumptions: {
        baseline:
          'facilities without a status are baseline: accepted before the programme, no cost',
        countedFrom: 'a site counts for a year when it reached the target status by 31 December',
        costDefaults: profile.costDefaults.note.en,
      },
      warnings: warnings.map((w) => `${w.siteId}: ${w.message}`),
      years: progress,
      budget: { total: budget.total, byYear: budget.byYear, byUnit: budget.byUnit },
      siteRules: {
        checked: findings.length,
        failed: findings.filter((f) => f.pass === false).length,
        unknown: findings.filter((f) => f.pass === null).length,
      },
    };
    await writeFile(join(out, 'progress.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(out, 'budget.csv'), budgetCsv(budget));
    await writeFile(join(out, 'site-findings.csv'), findingsCsv(findings));
    console.log(progressTable(progress));
    const t = budget.total;
    console.log(
      `budget: ${t.sites} project(s), cost ¥${t.costYuan}, subsidy ¥${t.subsidyYuan} (committed ¥${t.subsidyCommittedYuan}, paid ¥${t.subsidyPaidYuan}), local ¥${t.localYuan}` +
        (t.sitesWithoutCost > 0 ? ` (${t.sitesWithoutCost} without a cost)` : ''),
    );
    console.log(
      `site rules: ${summary.siteRules.failed} failed of ${findings.length}; ${warnings.length} warning(s)`,
    );
    return 0;
  },
};

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new InputError('E_BAD_OPTION', `--year must be a year like 2025, got "${value}"`);
  }
  return year;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('E_BAD_JSON', (error as Error).message, { file });
  }
}

// Site names and rule texts come from the user's register: neutralised for spreadsheets.
const csv = spreadsheetCsv;

function budgetCsv(budget: BudgetEstimate): string {
  return csv([
    [
      'site_id',
      'name',
      'type',
      'upgraded',
      'year',
      'unit_id',
      'area_m2',
      'cost_yuan',
      'cost_source',
      'subsidy_yuan',
      'subsidy_committed_yuan',
      'subsidy_paid_yuan',
      'subsidy_rules',
      'local_yuan',
    ],
    ...budget.sites.map((s) => [
      s.siteId,
      s.name,
      s.type,
      s.upgraded,
      s.year,
      s.unitId,
      s.areaM2,
      s.costYuan,
      s.costSource,
      s.subsidyYuan,
      s.subsidyCommittedYuan,
      s.subsidyPaidYuan,
      s.subsidyRules.join(';'),
      s.localYuan,
    ]),
  ]);
}

function findingsCsv(findings: SiteFinding[]): string {
  return csv([
    [
      'rule',
      'site_id',
      'pass',
      'value',
      'required',
      'shortfall',
      'severity',
      'citation',
      'verified',
      'note',
    ],
    ...findings.map((f) => [
      f.rule,
      f.siteId,
      f.pass === null ? 'unknown' : f.pass,
      f.value,
      f.required,
      f.shortfall,
      f.severity,
      `${f.citation.document} ${f.citation.locator}：“${f.citation.quote}”`,
      f.citation.verified,
      f.note,
    ]),
  ]);
}

function progressTable(years: ProgressYear[]): string {
  const lines = ['year\ttarget\tachieved\tgap\t指标 target'];
  for (const year of years) {
    for (const t of year.targets) {
      const fmt = (v: number | null) =>
        v === null ? '—' : t.metric === 'count' ? String(v) : `${(v * 100).toFixed(1)}%`;
      lines.push([year.year, fmt(t.target), fmt(t.achieved), fmt(t.gap), t.label.zh].join('\t'));
    }
  }
  return lines.join('\n');
}
