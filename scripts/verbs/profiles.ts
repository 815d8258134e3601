import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../../analysis/errors.ts';
import {
  auditBuiltInProfiles,
  auditProfile,
  type ProfileAudit,
  profileKindOf,
} from '../../analysis/workflows/citation-audit.ts';
import { parseOptions, type Verb } from '../verb.ts';

const help = `carecircle profiles — audit the citations of the standards and programme profiles

Usage:
  npx carecircle profiles --check [--file PROFILE.json ...] [--json]
  npx carecircle profiles --bundle-texts

Options:
  --check          list every built-in profile (and each --file) with its verified /
                   interpretation / unverified citation counts; exit 1 when a quote of a shipped
                   text is not found in it, or a citation marked verified cannot be confirmed
  --file FILE      also audit this profile file (standards or programme; repeatable)
  --json           print the audit as JSON instead of a table
  --bundle-texts   rebuild data/standards/texts/texts.json from the .txt files beside it

verified = the quote is found in its document's text (whitespace ignored); interpretation = found,
but the rule is the project's reading (推定); unverified = the document's text is not shipped
(national standards).`;

const TEXTS_DIR = 'data/standards/texts';

/** The table `profiles --check` prints, one row per profile, then the problems. */
export function auditTable(audits: readonly ProfileAudit[]): string {
  const header = ['profile', 'kind', 'verified', 'interpretation', 'unverified', 'not found'];
  const rows = audits.map((a) => [
    a.id,
    a.kind,
    String(a.counts.verified),
    String(a.counts.interpretation),
    String(a.counts.unverified),
    String(a.counts.not_found),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  for (const a of audits) {
    for (const p of a.problems) {
      const why =
        p.check.status === 'not_found'
          ? 'quote not found in its text'
          : `marked verified, but ${p.check.reason?.en ?? p.check.status}`;
      out.push(`${a.id} ${p.path} (${p.owner}): ${why}: “${p.citation.quote}”`);
    }
  }
  return out.join('\n');
}

async function auditFile(file: string): Promise<ProfileAudit> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError('E_BAD_JSON', (error as Error).message, { file });
  }
  const kind = profileKindOf(data);
  if (kind === undefined) {
    throw new InputError('E_BAD_PROFILE', 'not a standards or programme profile', { file });
  }
  return auditProfile(basename(file), kind, data);
}

async function bundleTexts(): Promise<number> {
  const names = (await readdir(TEXTS_DIR)).filter((n) => n.endsWith('.txt')).sort();
  const texts: Record<string, string> = {};
  for (const name of names)
    texts[name.slice(0, -4)] = await readFile(join(TEXTS_DIR, name), 'utf8');
  await writeFile(join(TEXTS_DIR, 'texts.json'), `${JSON.stringify(texts, null, 1)}\n`);
  console.log(`bundled ${names.length} texts into ${TEXTS_DIR}/texts.json`);
  return 0;
}

export const verb: Verb = {
  summary: 'citation audit of every profile (verified / interpretation / unverified counts)',
  help,
  async run(argv) {
    const options = parseOptions(argv, {
      check: { type: 'boolean' },
      file: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      'bundle-texts': { type: 'boolean' },
    });
    if (options['bundle-texts']) return bundleTexts();
    if (!options.check) {
      throw new InputError('E_MISSING_OPTION', 'say --check or --bundle-texts (see --help)');
    }
    const audits = [...auditBuiltInProfiles()];
    for (const file of options.file ?? []) audits.push(await auditFile(file));
    if (options.json) {
      const brief = audits.map(({ id, kind, counts, problems }) => ({
        id,
        kind,
        counts,
        problems,
      }));
      console.log(JSON.stringify(brief, null, 2));
    } else console.log(auditTable(audits));
    const failing = audits.reduce((n, a) => n + a.problems.length, 0);
    if (failing > 0) console.error(`${failing} citation(s) not confirmed by their texts`);
    return failing > 0 ? 1 : 0;
  },
};
