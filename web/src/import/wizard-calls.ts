import type { CrsHint } from '../../../analysis/io/crs/convert.ts';
import type { CrsSuggestion } from '../../../analysis/io/crs/suggest-crs.ts';
import type { ColumnMapping } from '../../../analysis/io/import/guess-columns.ts';
import type { ImportProgress } from '../../../analysis/io/import/progress.ts';
import type { FacilityFeature } from '../../../analysis/io/import/validate-facilities.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { ImportKind, ValidateImportOptions, WorkerResult } from '../worker/import-api.ts';
import type { ImportFileRead, ValidatedSummary } from '../worker/import-file-api.ts';
import { Comlink, holdsRead, inImportWorker, markRead } from './import-worker.ts';
import type { JobProgress } from './use-import-job.ts';

/**
 * The wizard's calls to the import worker. A cancel ends that worker and what it held, so every
 * call that needs the table (or the last validation) first makes sure the current worker has
 * it, reading the file (or validating) again if not: the user's choices are kept on the page.
 */
type Report = (progress: ImportProgress) => void;

export interface FileChoice {
  file: File;
  sheet?: string;
}

export interface ValidateRequest extends FileChoice {
  kind: ImportKind;
  mapping: ColumnMapping;
  options: ValidateImportOptions & { h3Resolution: number };
}

const readKey = ({ file, sheet }: FileChoice) =>
  `${file.name}|${file.size}|${file.lastModified}|${sheet ?? ''}`;

export const validateKey = (r: ValidateRequest) =>
  `${readKey(r)}|${r.kind}|${JSON.stringify(r.mapping)}|${JSON.stringify(r.options)}`;

export async function readFile(
  choice: FileChoice,
  report: Report,
): Promise<WorkerResult<ImportFileRead>> {
  const key = readKey(choice);
  const answer = await inImportWorker<WorkerResult<ImportFileRead>>((w) =>
    w.read(
      key,
      choice.file,
      {
        fileName: choice.file.name,
        ...(choice.sheet === undefined ? {} : { sheet: choice.sheet }),
      },
      report,
    ),
  );
  if (answer.ok) markRead(key);
  return answer;
}

async function ensureRead(choice: FileChoice, report: Report): Promise<WorkerResult<string>> {
  const key = readKey(choice);
  if (holdsRead(key)) return { ok: true, value: key };
  const answer = await readFile(choice, report);
  return answer.ok ? { ok: true, value: key } : answer;
}

/** Evidence from the import worker's table, judged by the analysis worker (it holds the roads). */
export async function suggestCrs(
  choice: FileChoice,
  mapping: ColumnMapping,
  report: Report,
): Promise<WorkerResult<CrsSuggestion>> {
  const key = await ensureRead(choice, report);
  if (!key.ok) return key;
  const evidence = await inImportWorker<WorkerResult<{ points: Float64Array; hints: CrsHint[] }>>(
    (w) => w.crsEvidence(key.value, mapping, choice.file.name),
  );
  if (!evidence.ok) return evidence;
  const { points, hints } = evidence.value;
  return analysisWorker().suggestImportCrsFrom(Comlink.transfer(points, [points.buffer]), hints);
}

export async function validate(
  request: ValidateRequest,
  report: Report,
): Promise<WorkerResult<ValidatedSummary>> {
  const key = await ensureRead(request, report);
  if (!key.ok) return key;
  const vkey = validateKey(request);
  const { mapping, options } = request;
  return inImportWorker<WorkerResult<ValidatedSummary>>((w) =>
    request.kind === 'facilities'
      ? w.validateFacilities(key.value, vkey, mapping, options, report)
      : w.validatePopulation(key.value, vkey, mapping, options, report),
  );
}

async function ensureValidated(
  request: ValidateRequest,
  report: Report,
): Promise<WorkerResult<string>> {
  const vkey = validateKey(request);
  if (holdsRead(readKey(request)) && (await inImportWorker((w) => w.holdsValidation(vkey))))
    return { ok: true, value: vkey };
  const answer = await validate(request, report);
  return answer.ok ? { ok: true, value: vkey } : answer;
}

/** Features cross in slices: each message is small, so none blocks the page as it arrives. */
const SLICE = 10_000;

export async function acceptedFeatures(
  request: ValidateRequest,
  total: number,
  report: Report,
  set: (progress: JobProgress) => void,
): Promise<WorkerResult<FacilityFeature[]>> {
  const vkey = await ensureValidated(request, report);
  if (!vkey.ok) return vkey;
  const features: FacilityFeature[] = [];
  while (features.length < total) {
    set({ stage: 'apply', done: features.length, total, unit: 'features' });
    const from = features.length;
    const slice = await inImportWorker((w) => w.acceptedFeatures(vkey.value, from, SLICE));
    if (slice.length === 0) break;
    features.push(...slice);
  }
  return { ok: true, value: features };
}

export async function rejectedCsv(
  request: ValidateRequest,
  report: Report,
): Promise<WorkerResult<string>> {
  const vkey = await ensureValidated(request, report);
  if (!vkey.ok) return vkey;
  return { ok: true, value: await inImportWorker((w) => w.rejectedCsv(vkey.value)) };
}
