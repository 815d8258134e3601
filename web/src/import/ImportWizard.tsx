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
import type { FacilityImport } from '../../../analysis/io/import/validate-facilities.ts';
import type { PopulationImport } from '../../../analysis/io/import/validate-population.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { ImportKind, ReadImportResult, WorkerResult } from '../worker/import-api.ts';
import { CrsStep } from './CrsStep.tsx';
import { Dialog } from './Dialog.tsx';
import { downloadText, rejectedFileName } from './download.ts';
import { FileStep } from './FileStep.tsx';
import type { ImportedRegister, RegisterMode } from './facility-register.ts';
import { MappingStep } from './MappingStep.tsx';
import { override } from './mapping-override.ts';
import { type PopulationCells, populationCells } from './population-cells.ts';
import { type AcceptedPreview, ResultStep } from './ResultStep.tsx';
import { StepBar, type WizardStep } from './StepBar.tsx';
import { StudyAreaChoice } from './StudyAreaChoice.tsx';

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

type Validated =
  | { kind: 'facilities'; result: FacilityImport }
  | { kind: 'population'; result: PopulationImport; cells: PopulationCells };

/**
 * The import wizard: file → columns → coordinate system → check and apply. Every heavy step runs
 * in the analysis worker; this component only holds the user's choices.
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
  const [read, setRead] = useState<ReadImportResult | null>(null);
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

  useEffect(() => {
    analysisWorker().setImportRoads(city.roads);
  }, [city]);

  const guess = (read === null ? null : read[kind]) as ColumnGuess | null;
  const mapping = useMemo<ColumnMapping>(
    () => (guess === null ? {} : withOverrides(guess.mapping, overrides)),
    [guess, overrides],
  );

  /** Runs a worker call; a refusal is shown in the dialog, a bug also goes to the console. */
  const run = useCallback(
    async <T,>(call: () => Promise<WorkerResult<T>>): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        const answer = await call();
        if (answer.ok) return answer.value;
        if (!answer.error.userError) console.error(answer.error.message);
        setError(
          answer.error.userError
            ? answer.error.message
            : t('import.bug', { message: answer.error.message }),
        );
        return null;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const readFile = async (next: File, sheet?: string) => {
    const bytes = new Uint8Array(await next.arrayBuffer());
    const value = await run(() =>
      analysisWorker().readImportFile(bytes, {
        fileName: next.name,
        ...(sheet === undefined ? {} : { sheet }),
      }),
    );
    if (value === null) return;
    setFile(next);
    setRead(value);
    setOverrides({});
    setValidated(null);
    setStep('mapping');
  };

  const hasPoints =
    mapping.lonlat !== undefined || (mapping.lon !== undefined && mapping.lat !== undefined);

  const validate = async (chosen: Crs, keep = keepOutside) => {
    if (read === null || file === null) return;
    const options = {
      crs: chosen,
      fileName: file.name,
      ...(defaultType === undefined ? {} : { defaultType }),
    };
    if (kind === 'facilities') {
      const facilityOptions = {
        ...options,
        studyArea: studyAreaOf(city.manifest.bbox),
        keepOutsideStudyArea: keep,
      };
      const result = await run(() =>
        analysisWorker().validateFacilityImport(read.table, mapping, facilityOptions),
      );
      if (result !== null) setValidated({ kind, result });
    } else {
      const result = await run(() =>
        analysisWorker().validatePopulationImport(read.table, mapping, options),
      );
      if (result !== null)
        setValidated({
          kind,
          result,
          cells: populationCells(result.rows, city.manifest.h3Resolution),
        });
    }
    setStep('result');
  };

  const next = async () => {
    if (step === 'mapping' && read !== null && file !== null) {
      if (!hasPoints) {
        setCrs('wgs84');
        await validate('wgs84');
        return;
      }
      const value = await run(() =>
        analysisWorker().suggestImportCrs(read.table, mapping, file.name),
      );
      if (value === null) return;
      setSuggestion(value);
      setCrs(value.crs === 'unknown' ? null : value.crs);
      setStep('crs');
    } else if (step === 'crs' && crs !== null) await validate(crs);
  };

  const back = () => {
    setError(null);
    if (step === 'result') setStep(hasPoints ? 'crs' : 'mapping');
    else if (step === 'crs') setStep('mapping');
    else if (step === 'mapping') setStep('file');
  };

  const download = async () => {
    if (read === null || validated === null || file === null) return;
    const csv = await analysisWorker().rejectedRowsCsv(read.table, validated.result.rejections);
    downloadText(rejectedFileName(file.name), csv, 'text/csv;charset=utf-8');
  };

  const apply = () => {
    if (validated === null || file === null || crs === null) return;
    if (validated.kind === 'facilities') {
      const { counts, studyArea } = validated.result;
      onApplyFacilities({
        fileName: file.name,
        mode,
        crs,
        features: validated.result.collection.features,
        rejected: counts.rejected,
        outsideStudyArea: studyArea === undefined || studyArea.kept ? 0 : studyArea.outside,
      });
    } else onApplyPopulation({ fileName: file.name, result: validated.cells });
    onClose();
  };

  const example = useMemo(() => firstPoint(read, mapping), [read, mapping]);
  const canApply =
    validated !== null &&
    validated.result.counts.accepted > 0 &&
    (validated.kind === 'facilities' || validated.cells.cells.length > 0);

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
          disabled={!canApply}
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
          onSheet={(sheet) => file !== null && readFile(file, sheet)}
          {...(kind === 'facilities' ? { defaultType, onDefaultType: setDefaultType } : {})}
        />
      )}
      {step === 'crs' && suggestion !== null && (
        <CrsStep suggestion={suggestion} chosen={crs} onChoose={setCrs} example={example} />
      )}
      {step === 'result' && validated?.kind === 'facilities' && crs !== null && (
        <StudyAreaChoice
          outcome={validated.result.studyArea ?? NOTHING_OUTSIDE}
          busy={busy}
          onKeep={(keep) => {
            setKeepOutside(keep);
            void validate(crs, keep);
          }}
        />
      )}
      {step === 'result' && validated !== null && crs !== null && (
        <ResultStep
          counts={validated.result.counts}
          rejections={validated.result.rejections}
          accepted={previews(validated)}
          crs={crs}
          onDownload={download}
          notes={populationNotes(validated, t, locale)}
          {...(validated.kind === 'facilities' ? { mode, onMode: setMode } : {})}
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

function previews(validated: Validated): AcceptedPreview[] {
  if (validated.kind === 'facilities') {
    return validated.result.collection.features.map((f) => ({
      row: f.properties.source_row,
      name: f.properties.name,
      source: [f.properties.source_lon, f.properties.source_lat],
      wgs84: f.geometry.coordinates,
    }));
  }
  return validated.result.rows.map((r) => ({
    row: r.source_row,
    name: r.name ?? r.h3 ?? r.id ?? '',
    source:
      r.source_lon === undefined || r.source_lat === undefined
        ? null
        : [r.source_lon, r.source_lat],
    wgs84: r.lon === undefined || r.lat === undefined ? null : [r.lon, r.lat],
  }));
}

function populationNotes(
  validated: Validated,
  t: ReturnType<typeof useI18n>['t'],
  locale: string,
): string[] {
  if (validated.kind !== 'population') return [];
  const { absentCounts, coarserRows } = validated.cells;
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
function firstPoint(
  read: ReadImportResult | null,
  mapping: ColumnMapping,
): [number, number] | null {
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
