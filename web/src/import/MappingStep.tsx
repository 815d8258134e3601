import type { FacilityType } from '../../../analysis/city/types.ts';
import type { ColumnGuess, ColumnMapping } from '../../../analysis/io/import/guess-columns.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FACILITY_TYPES } from '../map/facility-style.ts';
import type { ImportFileRead } from '../worker/import-file-api.ts';
import { encodingKey, evidenceKey } from './encoding-label.ts';

interface MappingStepProps {
  read: ImportFileRead;
  guess: ColumnGuess;
  mapping: ColumnMapping;
  onOverride(field: string, column: string | null): void;
  onSheet(sheet: string): void;
  /** Facilities only: the type of every row when no column holds it. */
  defaultType?: FacilityType;
  onDefaultType?(type: FacilityType | undefined): void;
}

const SAMPLES = 3;

/** Step 2: how the file was read, and which column feeds which field (guesses can be changed). */
export function MappingStep(props: MappingStepProps) {
  const { read, guess, mapping, onOverride, onSheet } = props;
  const { t, formatNumber } = useI18n();
  const { table } = read;
  const encoding = encodingKey(table.encoding);
  const evidence = evidenceKey(table.encodingEvidence);
  const fields = Object.keys(guess.fields);
  const sample = (column: string | undefined) => {
    if (column === undefined) return '';
    const i = table.columns.indexOf(column);
    return table.rows
      .slice(0, SAMPLES)
      .map((r) => r.cells[i])
      .join(' · ');
  };
  return (
    <div className="wizard-step">
      <dl className="read-summary" data-testid="import-read-summary">
        <div>
          <dt>{t('import.format')}</dt>
          <dd>{t(`import.format.${table.format}`)}</dd>
        </div>
        <div>
          <dt>{t('import.encoding')}</dt>
          <dd data-testid="import-encoding">
            {encoding === undefined ? table.encoding : t(encoding)}
            <span className="muted">
              {' '}
              （{evidence === undefined ? table.encodingEvidence : t(evidence)}）
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('import.rows')}</dt>
          <dd>{formatNumber(read.rowCount)}</dd>
        </div>
        {table.sheetNames.length > 1 && (
          <div>
            <dt>{t('import.sheet')}</dt>
            <dd>
              <select
                value={table.sheet ?? table.sheetNames[0]}
                onChange={(e) => onSheet(e.target.value)}
                data-testid="import-sheet"
              >
                {table.sheetNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        )}
      </dl>
      {table.warnings.length > 0 && (
        <ul className="notes">
          {table.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <table className="grid" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('import.field')}</th>
            <th>{t('import.column')}</th>
            <th>{t('import.confidence')}</th>
            <th>{t('import.sample')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const column = mapping[field as keyof ColumnMapping];
            const guessed = guess.fields[field as keyof typeof guess.fields];
            const overridden = column !== (guessed.column ?? undefined);
            const confidence = overridden ? null : guessed.confidence;
            return (
              <tr key={field} data-field={field}>
                <td>{t(`import.field.${field}` as MessageKey)}</td>
                <td>
                  <select
                    value={column ?? ''}
                    onChange={(e) =>
                      onOverride(field, e.target.value === '' ? null : e.target.value)
                    }
                    data-testid={`map-${field}`}
                  >
                    <option value="">{t('import.unmapped')}</option>
                    {table.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {column === undefined ? (
                    <span className="muted">—</span>
                  ) : confidence === null ? (
                    <span className="tag">{t('import.chosen')}</span>
                  ) : (
                    <ConfidenceBar value={confidence} />
                  )}
                </td>
                <td className="sample">{sample(column)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.onDefaultType && mapping.type === undefined && (
        <label className="inline-field">
          {t('import.defaultType')}
          <select
            value={props.defaultType ?? ''}
            onChange={(e) =>
              props.onDefaultType?.(
                e.target.value === '' ? undefined : (e.target.value as FacilityType),
              )
            }
            data-testid="import-default-type"
          >
            <option value="">{t('import.unmapped')}</option>
            {FACILITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`facility.${type}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="panel-note">
        {t('import.unmappedKept', { n: unmappedCount(table.columns, mapping) })}
      </p>
    </div>
  );
}

function unmappedCount(columns: string[], mapping: ColumnMapping): number {
  const used = new Set(Object.values(mapping));
  return columns.filter((c) => !used.has(c)).length;
}

function ConfidenceBar({ value }: { value: number }) {
  const level = value >= 0.8 ? 'high' : value >= 0.5 ? 'mid' : 'low';
  return (
    <span className={`confidence confidence-${level}`} title={value.toFixed(2)}>
      <span className="confidence-fill" style={{ width: `${Math.round(value * 100)}%` }} />
      <span className="confidence-text">{Math.round(value * 100)}%</span>
    </span>
  );
}
