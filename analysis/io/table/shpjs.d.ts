// Minimal types for the parts of shpjs 6 the importer uses (the package ships none).
declare module 'shpjs' {
  interface ShpGeometry {
    type: string;
    coordinates: unknown;
  }
  /** Parses .shp bytes; with a .prj WKT string the coordinates are reprojected to WGS-84 (proj4). */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): ShpGeometry[];
  /** Parses .dbf bytes; `encoding` is a .cpg text or a TextDecoder label. */
  export function parseDbf(
    dbf: ArrayBuffer | ArrayBufferView,
    encoding?: string,
  ): Record<string, unknown>[];
}
