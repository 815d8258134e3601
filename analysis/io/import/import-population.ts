import { InputError } from '../../errors.ts';
import type { Crs } from '../crs/convert.ts';
import type { CrsSuggestion } from '../crs/suggest-crs.ts';
import { type ReadTableOptions, readTable } from '../table/read-table.ts';
import type { RawTable } from '../table/types.ts';
import type { PopulationField } from './column-synonyms.ts';
import {
  type ColumnGuess,
  type ColumnMapping,
  guessColumns,
  withOverrides,
} from './guess-columns.ts';
import type { ImportFacilitiesOptions } from './import-facilities.ts';
import { suggestTableCrs } from './import-facilities.ts';
import { type PopulationImport, validatePopulation } from './validate-population.ts';

export interface ImportPopulationOptions
  extends ReadTableOptions,
    Pick<ImportFacilitiesOptions, 'crs' | 'allowOutsideChina' | 'distanceToRoadsM'> {
  mapping?: Partial<Record<PopulationField, string | null>>;
}

export interface PopulationImportReport extends PopulationImport {
  table: RawTable;
  guess: ColumnGuess<PopulationField>;
  mapping: ColumnMapping<PopulationField>;
  crs: Crs;
  crsChoice: { forced: boolean; suggestion: CrsSuggestion | null };
}

/** Population in one call: like importFacilities; H3 cells need no CRS (H3 is WGS-84 by definition). */
export async function importPopulation(
  bytes: Uint8Array | ArrayBuffer,
  options: ImportPopulationOptions = {},
): Promise<PopulationImportReport> {
  const table = await readTable(bytes, options);
  const guess = guessColumns(table, 'population');
  const mapping = withOverrides(guess.mapping, options.mapping ?? {});
  const hasPoints =
    mapping.lonlat !== undefined || (mapping.lon !== undefined && mapping.lat !== undefined);
  const forced = options.crs !== undefined && options.crs !== 'auto';
  const suggestion = hasPoints ? suggestTableCrs(table, mapping, options) : null;
  const crs: Crs | 'unknown' = forced ? (options.crs as Crs) : (suggestion?.crs ?? 'wgs84');
  if (crs === 'unknown') {
    throw new InputError(
      'E_CRS_UNDECIDED',
      `${suggestion?.en ?? ''}; pass --crs wgs84|gcj02|bd09. ${suggestion?.zh ?? ''}`,
      {
        ...(options.fileName === undefined ? {} : { file: options.fileName }),
      },
    );
  }
  const result = validatePopulation(table, mapping, {
    crs,
    ...(options.allowOutsideChina === undefined
      ? {}
      : { allowOutsideChina: options.allowOutsideChina }),
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
  });
  return { ...result, table, guess, mapping, crs, crsChoice: { forced, suggestion } };
}
