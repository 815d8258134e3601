import type { CrsChoice } from './crs.ts';

/**
 * GIS and CAD exports: the core (layers.ts) builds the layers as GeoJSON in WGS-84 with typed
 * fields; a host's LayerWriter (GDAL compiled to WebAssembly, scripts/export/ in Node,
 * web/src/report/ in the browser) writes them as GeoPackage, zipped Shapefile or DXF.
 */
export type ExportFormat = 'gpkg' | 'shp' | 'dxf';
export type ExportEncoding = 'utf8' | 'gbk';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['gpkg', 'shp', 'dxf'];
export const EXPORT_ENCODINGS: readonly ExportEncoding[] = ['utf8', 'gbk'];

export type FieldType = 'String' | 'Integer' | 'Real';

export interface ExportField {
  /** ASCII, at most 10 characters (dBase limit of Shapefiles). */
  name: string;
  type: FieldType;
  title: { zh: string; en: string };
}

export type ExportGeometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface ExportFeature {
  type: 'Feature';
  properties: Record<string, string | number | null>;
  geometry: ExportGeometry;
}

export interface ExportLayer {
  /** ASCII layer (and file / CAD layer) name. */
  name: string;
  title: { zh: string; en: string };
  geometryType: 'Point' | 'LineString' | 'MultiPolygon';
  fields: ExportField[];
  features: ExportFeature[];
}

export interface ExportRequest {
  format: ExportFormat;
  encoding: ExportEncoding;
  crs: CrsChoice;
  /** Base name of the output file(s), ASCII. */
  baseName: string;
}

export interface ExportFile {
  name: string;
  bytes: Uint8Array;
}

/** Writes layers (WGS-84 GeoJSON) to files of one format; hosts implement it with GDAL. */
export interface LayerWriter {
  write(layers: readonly ExportLayer[], request: ExportRequest): Promise<ExportFile[]>;
}

/** The FeatureCollection GDAL reads for one layer (fields in declared order). */
export function layerGeoJson(layer: ExportLayer): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    name: layer.name,
    features: layer.features.map((f) => ({
      type: 'Feature',
      properties: Object.fromEntries(
        layer.fields.map((x) => [x.name, f.properties[x.name] ?? null]),
      ),
      geometry: f.geometry,
    })),
  });
}
