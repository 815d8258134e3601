import { InputError } from '../../analysis/errors.ts';
import type { ReportLang } from '../../analysis/report/types.ts';
import { BUILT_IN_PROFILE_IDS } from '../../analysis/standards/profiles.ts';
import { writeReport } from '../report/write-report.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

export const verb: Verb = {
  summary: 'committee report: report.docx, report.pdf, tables.xlsx, circles/sites GeoJSON',
  help: `carecircle report — planning-committee report of a city (Chinese by default)

Usage:
  npx carecircle report --city DIR --profile NAME --out DIR [--scenario FILE] [--sites FILE]
                        [--lang zh|en] [--date YYYY-MM-DD]

Options:
  --city DIR        city folder (as for analyse)
  --profile NAME    standards profile: ${BUILT_IN_PROFILE_IDS.join(', ')}, or a profile .json
  --out DIR         output folder
  --scenario FILE   scenario JSON (carecircle-scenario v1) compared with the baseline
  --sites FILE      optimiser output JSON (carecircle optimise --out) listed as recommended sites
  --lang zh|en      report language (default zh)
  --date DATE       date printed on the title page (default: today, UTC)

Writes report.docx, report.pdf (when Chromium is at /usr/bin/chromium or $CARECIRCLE_CHROMIUM;
otherwise says it skipped), report.html (the page the PDF is printed from), tables.xlsx,
circles.geojson, sites.geojson. Maps in the .docx are PNGs rasterised by the same Chromium.`,
  async run(argv) {
    const options = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      scenario: { type: 'string' },
      sites: { type: 'string' },
      lang: { type: 'string' },
      date: { type: 'string' },
    });
    const lang = options.lang ?? 'zh';
    if (lang !== 'zh' && lang !== 'en') {
      throw new InputError('E_BAD_OPTION', `--lang must be zh or en, got "${lang}"`, {
        column: 'lang',
      });
    }
    const date = options.date ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new InputError('E_BAD_OPTION', `--date must be YYYY-MM-DD, got "${date}"`, {
        column: 'date',
      });
    }
    const outDir = requireOption(options.out, 'out');
    const { input, written, skipped } = await writeReport(
      {
        cityDir: requireOption(options.city, 'city'),
        profile: requireOption(options.profile, 'profile'),
        scenarioFile: options.scenario,
        sitesFile: options.sites,
        lang: lang as ReportLang,
        generatedOn: date,
      },
      outDir,
    );
    for (const note of skipped) console.warn(note);
    const counts = input.baseline.summary.findingsSummary;
    console.log(
      `${input.city.name} · ${input.profile.id}: ${counts.total} checks — ${counts.failed} not met, ${counts.passed} met, ${counts.notEvaluable} not evaluable`,
    );
    console.log(`written to ${outDir}: ${written.join(', ')}`);
    return 0;
  },
};
