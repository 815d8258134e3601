/// <reference path="./shpjs.d.ts" />
import { parseDbf, parseShp } from 'shpjs';
import { InputError } from '../../errors.ts';
import { type FeatureLike, featuresToTable } from './features-table.ts';
import type { RawTable } from './types.ts';
import { unzipCapped } from './unzip-capped.ts';

export interface ReadShapefileOptions {
  fileName?: string;
  /** Layer (the .shp base name) when the zip holds several. */
  layer?: string;
  /** Stop inflating past this many bytes (default 128 MB: far beyond any register's .shp + .dbf). */
  maxInflatedBytes?: number;
}

export const MAX_SHAPEFILE_INFLATED_BYTES = 128 * 1024 * 1024;

/**
 * Reads a zipped Shapefile. The .prj is honoured (shpjs reprojects to WGS-84 with proj4), the
 * attribute encoding comes from the .cpg, else the .dbf language driver byte, else detection
 * (strict UTF-8, else GBK — what Chinese ArcGIS/QGIS users most often have without a .cpg).
 */
export function readShapefileZip(bytes: Uint8Array, options: ReadShapefileOptions = {}): RawTable {
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipCapped(
      bytes,
      (name) => !name.includes('__MACOSX') && /\.(shp|dbf|prj|cpg)$/i.test(name),
      options.maxInflatedBytes ?? MAX_SHAPEFILE_INFLATED_BYTES,
      location,
    );
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'E_BAD_ZIP',
      `not a readable zip (${(error as Error).message}); 压缩包损坏`,
      location,
    );
  }
  const byLowerName = new Map(
    Object.entries(files).map(([name, data]) => [name.toLowerCase(), data]),
  );
  const layers = Object.keys(files)
    .filter((n) => n.toLowerCase().endsWith('.shp'))
    .map((n) => n.slice(0, -4));
  if (layers.length === 0) {
    throw new InputError(
      'E_NO_SHP',
      'the zip holds no .shp file; 压缩包中没有 .shp 文件',
      location,
    );
  }
  const layer =
    options.layer === undefined
      ? layers[0]
      : layers.find((l) => l === options.layer || baseName(l) === options.layer);
  if (layer === undefined) {
    throw new InputError(
      'E_NO_SHEET',
      `layer "${options.layer}" not found (layers: ${layers.join(', ')}); 找不到图层`,
      location,
    );
  }
  const part = (ext: string) => byLowerName.get(`${layer.toLowerCase()}.${ext}`);
  const shp = part('shp') as Uint8Array;
  const dbf = part('dbf');
  const prj = part('prj');
  const cpg = part('cpg');
  const prjText = prj === undefined ? undefined : new TextDecoder().decode(prj);
  let geometries: ReturnType<typeof parseShp>;
  let attributes: Record<string, unknown>[] = [];
  const encoding =
    dbf === undefined ? { label: 'utf-8', evidence: 'no .dbf' } : dbfEncoding(dbf, cpg);
  try {
    geometries = parseShp(shp, prjText);
    if (dbf !== undefined) attributes = parseDbf(dbf, encoding.label);
  } catch (error) {
    throw new InputError(
      'E_BAD_SHAPEFILE',
      `cannot read the Shapefile (${(error as Error).message}); Shapefile 损坏`,
      location,
    );
  }
  // A .shp cut short has fewer shapes than the .dbf has records: those rows are reported as
  // missing their geometry, never dropped.
  const features: FeatureLike[] = Array.from(
    { length: Math.max(geometries.length, attributes.length) },
    (_, i) => ({ geometry: geometries[i] ?? null, properties: attributes[i] ?? {} }),
  );
  const table = featuresToTable(features, {
    format: 'shapefile',
    encoding: encoding.label,
    encodingEvidence: encoding.evidence,
    sheetNames: layers.map(baseName),
    sheet: baseName(layer),
  });
  if (dbf === undefined)
    table.warnings.push(
      `no ${baseName(layer)}.dbf: the layer has no attributes (缺少 .dbf 属性表)`,
    );
  if (prjText === undefined)
    table.warnings.push('no .prj: coordinates taken as longitude/latitude (无 .prj 文件)');
  return table;
}

function baseName(path: string): string {
  return path.replace(/^.*\//, '');
}

/** dBase language driver ids that mean Chinese code page 936 (GBK). */
const GBK_DRIVER_IDS = new Set([0x4d, 0x7a]);

function dbfEncoding(
  dbf: Uint8Array,
  cpg: Uint8Array | undefined,
): { label: string; evidence: string } {
  if (cpg !== undefined) {
    const text = new TextDecoder().decode(cpg).trim();
    const label = /^(ansi\s*)?936$|^cp936$/i.test(text) ? 'gbk' : text;
    if (isKnownLabel(label)) return { label, evidence: `.cpg says "${text}"` };
  }
  if (GBK_DRIVER_IDS.has(dbf[29]))
    return { label: 'gbk', evidence: '.dbf language driver: code page 936' };
  const headerLength = dbf[8] | (dbf[9] << 8);
  const records = dbf.subarray(Math.min(headerLength, dbf.length));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(records);
    return { label: 'utf-8', evidence: 'no .cpg; attributes are valid UTF-8' };
  } catch {
    return { label: 'gbk', evidence: 'no .cpg; attributes are not UTF-8, read as GBK' };
  }
}

function isKnownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
