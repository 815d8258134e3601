import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FacilityType } from '../../../analysis/city/types.ts';
import type { Crs } from '../../../analysis/io/crs/convert.ts';
import type { CrsSuggestion } from '../../../analysis/io/crs/suggest-crs.ts';
import {
  type ColumnGuess,
  type ColumnMapping,
  withOverrides,
} from '../../../analysis/io/import/guess-columns.ts';
import { type StudyAreaOutcome, studyAreaOf } from '../../../analysis/io/import/study-area.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { ImportKind, WorkerResult } from '../worker/import-api.ts';
import type { ImportFileRead, ValidatedSummary } from '../worker/import-file-api.ts';
import { CrsStep } from './CrsStep.tsx';
import { Dialog } from './Dialog.tsx';
import { downloadText, rejectedFileName } from './download.ts';
import { FileStep } from './FileStep.tsx';
import type { ImportedRegister, RegisterMode } from './facility-register.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { isCancelled } from './import-worker.ts';
import { MappingStep } from './MappingStep.tsx';
import { override } from './mapping-override.ts';
import type { PopulationCells } from './population-cells.ts';
import { ResultStep } from './ResultStep.tsx';
import { StepBar, type WizardStep } from './StepBar.tsx';
import { StudyAreaChoice } from './StudyAreaChoice.tsx';
import { type JobProgress, type JobStage, useImportJob } from './use-import-job.ts';
import * as calls from './wizard-calls.ts';

export interface AppliedPopulation {
  fileName: string;
  result: PopulationCells;
}

interface ImportWizardProps {
  city: CityData;
  onClose(): void;
  onApplyFacilities(register: ImportedRegister): void;
  onApplyPopulation(population: AppliedPopulation): void;
}

/** A validation's summary and what it was asked (to ask again if a cancel lost it). */
interface Validated {
  summary: ValidatedSummary;
  request: calls.ValidateRequest;
}

type Report = Parameters<Parameters<ReturnType<typeof useImportJob>['job']>[1]>[0];

/**
 * The import wizard: file → columns → coordinate system → check and apply. Reading and checking
 * run in the import worker (cancel ends it at once), the CRS suggestion in the analysis worker
 * (it holds the roads); this component holds the user's choices, which a cancel leaves as they
 * were.
 */
export function ImportWizard({
  city,
  onClose,
  onApplyFacilities,
  onApplyPopulation,
}: ImportWizardProps) {
  const { t, locale } = useI18n();
  const [step, setStep] = useState<WizardStep>('file');
  const [kind, setKind] = useState<ImportKind>('facilities');
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [read, setRead] = useState<ImportFileRead | null>(null);
  const [overrides, setOverrides] = useState<Record<string, string | null>>({});
  const [defaultType, setDefaultType] = useState<FacilityType | undefined>();
  const [suggestion, setSuggestion] = useState<CrsSuggestion | null>(null);
  const [crs, setCrs] = useState<Crs | null>(null);
  const [validated, setValidated] = useState<Validated | null>(null);
  const [mode, setMode] = useState<RegisterMode>('replace');
  // Rows outside the study area are set aside unless the user keeps them explicitly.
  const [keepOutside, setKeepOutside] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { progress, cancelled, job, cancel, clearCancelled } = useImportJob();

  useEffect(() => {
    analysisWorker().setImportRoads(city.roads);
  }, [city]);

  const guess = (read === null ? null : read[kind]) as ColumnGuess | null;
  const mapping = useMemo<ColumnMapping>(
    () => (guess === null ? {} : withOverrides(guess.mapping, overrides)),
    [guess, overrides],
  );

  /**
   * Runs a long step; a refusal is shown in the dialog, a bug also goes to the console, and a
   * cancel (null) leaves every choice as it was.
   */
  const run = useCallback(
    async <T,>(
      stage: JobStage,
      call: (report: Report, set: (p: JobProgress) => void) => Promise<WorkerResult<T>>,
    ): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        const answer = await job(stage, call);
        if (answer.ok) return answer.value;
        if (!answer.error.userError) console.error(answer.error.message);
        setError(
          answer.error.userError
            ? answer.error.message
            : t('import.bug', { message: answer.error.message }),
        );
        return null;
      } catch (e) {
        if (isCancelled(e)) return null;
        const message = e instanceof Error ? e.message : String(e);
        console.error(message);
        setError(t('import.bug', { message }));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [t, job],
  );

  const readFile = async (next: File, nextSheet?: string) => {
    const value = await run('read', (report) =>
      calls.readFile(
        { file: next, ...(nextSheet === undefined ? {} : { sheet: nextSheet }) },
        report,
      ),
    );
    if (value === null) return;
    setFile(next);
    setSheet(nextSheet);
    setRead(value);
    setOverrides({});
    setValidated(null);
    setStep('mapping');
  };

  const hasPoints =
    mapping.lonlat !== undefined || (mapping.lon !== undefined && mapping.lat !== undefined);

  const choice = (): calls.FileChoice | null =>
    file === null ? null : { file, ...(sheet === undefined ? {} : { sheet }) };

  const validate = async (chosen: Crs, keep = keepOutside) => {
    const picked = choice();
    if (read === null || picked === null) return;
    const request: calls.ValidateRequest = {
      ...picked,
      kind,
      mapping,
      options: {
        crs: chosen,
        fileName: picked.file.name,
        h3Resolution: city.manifest.h3Resolution,
        ...(defaultType === undefined ? {} : { defaultType }),
        ...(kind === 'facilities'
          ? { studyArea: studyAreaOf(city.manifest.bbox), keepOutsideStudyArea: keep }
          : {}),
      },
    };
    const summary = await run('validate', (report) => calls.validate(request, report));
    if (summary === null) return false;
    setValidated({ summary, request });
    setStep('result');
    return true;
  };

  const next = async () => {
    const picked = choice();
    if (step === 'mapping' && read !== null && picked !== null) {
      if (!hasPoints) {
        if (await validate('wgs84')) setCrs('wgs84');
        return;
      }
      const value = await run('crs', (report) => calls.suggestCrs(picked, mapping, report));
      if (value === null) return;
      setSuggestion(value);
      setCrs(value.crs === 'unknown' ? null : value.crs);
      setStep('crs');
    } else if (step === 'crs' && crs !== null) await validate(crs);
  };

  const back = () => {
    setError(null);
    clearCancelled();
    if (step === 'result') setStep(hasPoints ? 'crs' : 'mapping');
    else if (step === 'crs') setStep('mapping');
    else if (step === 'mapping') setStep('file');
  };

  const download = async () => {
    if (validated === null || file === null) return;
    const csv = await run('download', (report) => calls.rejectedCsv(validated.request, report));
    if (csv !== null) downloadText(rejectedFileName(file.name), csv, 'text/csv;charset=utf-8');
  };

  const apply = async () => {
    if (validated === null || file === null || crs === null) return;
    const { summary, request } = validated;
    if (request.kind === 'population') {
      if (summary.cells !== undefined)
        onApplyPopulation({ fileName: file.name, result: summary.cells });
      onClose();
      return;
    }
    const features = await run('apply', (report, set) =>
      calls.acceptedFeatures(request, summary.counts.accepted, report, set),
    );
    if (features === null) return;
    const { counts, studyArea } = summary;
    onApplyFacilities({
      fileName: file.name,
      mode,
      crs,
      features,
      rejected: counts.rejected,
      outsideStudyArea: studyArea === undefined || studyArea.kept ? 0 : studyArea.outside,
    });
    onClose();
  };

  const example = useMemo(() => firstPoint(read, mapping), [read, mapping]);
  const canApply =
    validated !== null &&
    validated.summary.counts.accepted > 0 &&
    (validated.request.kind === 'facilities' || (validated.summary.cells?.cells.length ?? 0) > 0);

  const footer = (
    <>
      {step === 'file' ? (
        <button type="button" className="button" onClick={onClose}>
          {t('settings.cancel')}
        </button>
      ) : (
        <button type="button" className="button" onClick={back} disabled={busy}>
          {t('import.back')}
        </button>
      )}
      <span className="spacer" />
      {(step === 'mapping' || step === 'crs') && (
        <button
          type="button"
          className="button button-primary"
          onClick={next}
          disabled={busy || (step === 'crs' && crs === null)}
          data-testid="import-next"
        >
          {busy ? t('import.working') : t('import.next')}
        </button>
      )}
      {step === 'result' && (
        <button
          type="button"
          className="button button-primary"
          onClick={apply}
          disabled={!canApply || busy}
          data-testid="import-apply"
        >
          {t(kind === 'facilities' ? 'import.applyFacilities' : 'import.applyPopulation')}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('import.title')} testId="import-wizard" onClose={onClose} footer={footer} wide>
      <StepBar step={step} skipCrs={step === 'result' && !hasPoints} />
      {file !== null && step !== 'file' && (
        <div className="file-label" data-testid="import-file-name">
          {t('import.fileLabel', { name: file.name })}
        </div>
      )}
      {progress !== null && <ImportProgress progress={progress} onCancel={cancel} />}
      {cancelled !== null && progress === null && (
        <div className="callout" role="status" data-testid="import-cancelled">
          {t('importProgress.cancelled', { stage: t(`importProgress.stage.${cancelled}`) })}
        </div>
      )}
      {error !== null && (
        <div className="callout callout-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {step === 'file' && <FileStep kind={kind} onKind={setKind} onFile={readFile} busy={busy} />}
      {step === 'mapping' && read !== null && guess !== null && (
        <MappingStep
          read={read}
          guess={guess}
          mapping={mapping}
          onOverride={(field, column) => setOverrides((o) => override(mapping, o, field, column))}
          onSheet={(name) => file !== null && readFile(file, name)}
          {...(kind === 'facilities' ? { defaultType, onDefaultType: setDefaultType } : {})}
        />
      )}
      {step === 'crs' && suggestion !== null && (
        <CrsStep suggestion={suggestion} chosen={crs} onChoose={setCrs} example={example} />
      )}
      {step === 'result' && validated?.request.kind === 'facilities' && crs !== null && (
        <StudyAreaChoice
          outcome={validated.summary.studyArea ?? NOTHING_OUTSIDE}
          busy={busy}
          onKeep={(keep) => {
            // Kept only once checked: a cancelled re-check leaves the choice as it was.
            void validate(crs, keep).then((done) => done && setKeepOutside(keep));
          }}
        />
      )}
      {step === 'result' && validated !== null && crs !== null && (
        <ResultStep
          counts={validated.summary.counts}
          rejections={validated.summary.rejections}
          rejectionCount={validated.summary.rejectionCount}
          fileWarnings={validated.summary.fileWarnings}
          accepted={validated.summary.accepted}
          crs={crs}
          onDownload={download}
          notes={populationNotes(validated.summary.cells, t, locale)}
          {...(validated.request.kind === 'facilities' ? { mode, onMode: setMode } : {})}
        />
      )}
    </Dialog>
  );
}

const NOTHING_OUTSIDE = {
  marginM: 0,
  outside: 0,
  kept: false,
  bbox: [0, 0, 0, 0],
  outsidePoints: [],
} as const satisfies StudyAreaOutcome;

function populationNotes(
  cells: PopulationCells | undefined,
  t: ReturnType<typeof useI18n>['t'],
  locale: string,
): string[] {
  if (cells === undefined) return [];
  const { absentCounts, coarserRows } = cells;
  const notes: string[] = [];
  const sep = locale === 'zh-CN' ? '、' : ', ';
  if (absentCounts.length > 0)
    notes.push(
      t('import.population.absent', {
        fields: absentCounts.map((f) => t(`import.field.${f}`)).join(sep),
      }),
    );
  if (coarserRows.length > 0)
    notes.push(t('import.population.coarser', { rows: coarserRows.join(sep) }));
  return notes;
}

/** The first coordinate pair in the file under the mapping, for the conversion example. */
function firstPoint(read: ImportFileRead | null, mapping: ColumnMapping): [number, number] | null {
  if (read === null) return null;
  const { columns, rows } = read.table;
  const lon = mapping.lon === undefined ? -1 : columns.indexOf(mapping.lon);
  const lat = mapping.lat === undefined ? -1 : columns.indexOf(mapping.lat);
  if (lon < 0 || lat < 0) return null;
  for (const row of rows) {
    const x = Number(row.cells[lon]);
    const y = Number(row.cells[lat]);
    if (row.cells[lon].trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return [x, y];
  }
  return null;
}
