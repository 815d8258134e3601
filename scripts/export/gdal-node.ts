import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { zipSync } from 'fflate';
import {
  type ExportFile,
  type ExportLayer,
  type ExportRequest,
  type LayerWriter,
  layerGeoJson,
} from '../../analysis/export/types.ts';

/**
 * LayerWriter on GDAL compiled to WebAssembly (gdal3.js) in Node: each layer is handed to
 * ogr2ogr as GeoJSON and written as GeoPackage (one file, one table per layer), Shapefile
 * (one set per layer with .cpg, zipped) or DXF (one file, one CAD layer per layer).
 */
interface GdalOutput {
  local: string;
  real: string;
  all?: { local: string; real: string }[];
}
interface GdalDataset {
  pointer: number;
}
interface Gdal {
  open(files: string[]): Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;
  close(dataset: GdalDataset): Promise<void>;
  ogr2ogr(dataset: GdalDataset, options: string[], outputName?: string): Promise<GdalOutput>;
  getFileBytes(path: string | GdalOutput): Promise<Uint8Array>;
}

let gdal: Promise<Gdal> | null = null;
let runs = 0;

function loadGdal(): Promise<Gdal> {
  if (gdal === null) {
    const require = createRequire(import.meta.url);
    const init = require('gdal3.js/node') as (options: { path: string }) => Promise<Gdal>;
    // gdal3.js prefixes the path with "./": it must be relative to the working directory.
    const dir = join(dirname(require.resolve('gdal3.js/node')), 'dist', 'package');
    gdal = init({ path: relative(process.cwd(), dir) || '.' });
  }
  return gdal;
}

const SHP_ENCODING = { utf8: 'UTF-8', gbk: 'CP936' } as const;

export const gdalNodeWriter: LayerWriter = {
  async write(layers: readonly ExportLayer[], request: ExportRequest): Promise<ExportFile[]> {
    const Gdal = await loadGdal();
    const tmp = mkdtempSync(join(tmpdir(), 'carecircle-export-'));
    const run = `r${++runs}`;
    const srs = ['-s_srs', 'EPSG:4326', '-t_srs', `EPSG:${request.crs.epsg}`];
    try {
      const open = async (name: string, text: string) => {
        const file = join(tmp, `${name}.geojson`);
        writeFileSync(file, text);
        const { datasets } = await Gdal.open([file]);
        if (datasets.length !== 1) throw new Error(`GDAL could not read ${file}`);
        return datasets[0];
      };
      if (request.format === 'gpkg') {
        let out: GdalOutput | null = null;
        for (const [i, layer] of layers.entries()) {
          const ds = await open(layer.name, layerGeoJson(layer));
          const update = i === 0 ? [] : ['-update', '-append'];
          out = await Gdal.ogr2ogr(
            ds,
            [
              '-f',
              'GPKG',
              ...update,
              ...srs,
              '-nln',
              layer.name,
              '-nlt',
              layer.geometryType.toUpperCase(),
            ],
            `${run}-${request.baseName}`,
          );
          await Gdal.close(ds);
        }
        if (out === null) return [];
        return [{ name: `${request.baseName}.gpkg`, bytes: await Gdal.getFileBytes(out) }];
      }
      if (request.format === 'shp') {
        const entries: Record<string, Uint8Array> = {};
        for (const layer of layers) {
          const ds = await open(layer.name, layerGeoJson(layer));
          const out = await Gdal.ogr2ogr(
            ds,
            [
              '-f',
              'ESRI Shapefile',
              ...srs,
              '-lco',
              `ENCODING=${SHP_ENCODING[request.encoding]}`,
              '-nln',
              layer.name,
            ],
            `${run}-${layer.name}`,
          );
          await Gdal.close(ds);
          for (const part of out.all ?? [out]) {
            const ext = part.local.slice(part.local.lastIndexOf('.'));
            entries[`${layer.name}${ext}`] = await Gdal.getFileBytes(part.real);
          }
        }
        return [{ name: `${request.baseName}-shp.zip`, bytes: zipSync(entries) }];
      }
      // DXF: one file; the CAD layer of each entity is the export layer's name.
      const features = layers.flatMap((layer) =>
        layer.features.map((f) => ({
          type: 'Feature',
          properties: { Layer: layer.name.toUpperCase() },
          geometry: f.geometry,
        })),
      );
      const ds = await open('cad', JSON.stringify({ type: 'FeatureCollection', features }));
      const out = await Gdal.ogr2ogr(ds, ['-f', 'DXF', ...srs], `${run}-${request.baseName}`);
      await Gdal.close(ds);
      return [{ name: `${request.baseName}.dxf`, bytes: await Gdal.getFileBytes(out) }];
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
