import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../analysis/errors.ts';
import { type CrsChoice, crsChoice, type ExportCrs } from '../../analysis/export/crs.ts';
import { exportLayers } from '../../analysis/export/layers.ts';
import {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  type ExportEncoding,
  type ExportFormat,
} from '../../analysis/export/types.ts';
import { effectMinutes, reportContext } from '../../analysis/report/context.ts';
import { BUILT_IN_PROFILE_IDS } from '../../analysis/standards/profiles.ts';
import { gdalNodeWriter } from '../export/gdal-node.ts';
import { gatherReportInput } from '../report/inputs.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(
      'E_BAD_OPTION',
      `--${name} must be one of ${allowed.join(', ')}, got "${value}"`,
      {
        column: name,
      },
    );
  }
  return value as T;
}

export const verb: Verb = {
  summary: 'GIS/CAD export: service circles, cells, units, sites as GeoPackage, Shapefile or DXF',
  help: `carecircle export — layers for GIS and CAD users

Usage:
  npx carecircle export --city DIR --profile NAME --format gpkg|shp|dxf --out DIR
                        [--scenario FILE] [--sites FILE] [--encoding utf8|gbk]
                        [--crs wgs84|cgcs2000-gk] [--lang zh|en]

Layers: service_circles (per threshold, baseline and scenario), cells (walking minutes and
elders), units (figures and status), sites (scenario state), proposed_sites.
  --format      gpkg (one GeoPackage), shp (zip of one Shapefile per layer, with .cpg), dxf
  --encoding    Shapefile text encoding: utf8 (default) or gbk (CP936, for older Chinese GIS)
  --crs         wgs84 (EPSG:4326, default) or cgcs2000-gk: CGCS2000 3-degree Gauss–Krüger,
                zone from the study area's centre (EPSG:4534–4554)
  --profile     ${BUILT_IN_PROFILE_IDS.join(', ')}, or a profile .json
Written with GDAL (gdal3.js, WebAssembly).`,
  async run(argv) {
    const o = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string' },
      scenario: { type: 'string' },
      sites: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      crs: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
    });
    const format = oneOf<ExportFormat>(requireOption(o.format, 'format'), EXPORT_FORMATS, 'format');
    const encoding = oneOf<ExportEncoding>(o.encoding ?? 'utf8', EXPORT_ENCODINGS, 'encoding');
    const crsName = oneOf<ExportCrs>(o.crs ?? 'wgs84', ['wgs84', 'cgcs2000-gk'], 'crs');
    const lang = oneOf(o.lang ?? 'zh', ['zh', 'en'] as const, 'lang');
    const outDir = requireOption(o.out, 'out');
    const input = await gatherReportInput({
      cityDir: requireOption(o.city, 'city'),
      profile: requireOption(o.profile, 'profile'),
      scenarioFile: o.scenario,
      sitesFile: o.sites,
      lang,
      generatedOn: '',
    });
    const bbox = input.map?.bbox;
    const lons = input.facilities.map((f) => f.lon);
    const centre =
      bbox === undefined ? (Math.min(...lons) + Math.max(...lons)) / 2 : (bbox[0] + bbox[2]) / 2;
    const crs: CrsChoice = crsChoice(crsName, centre);
    const layers = exportLayers(
      input,
      effectMinutes(input, reportContext(input).headlineMinutes),
      lang,
    );
    const files = await gdalNodeWriter.write(layers, {
      format,
      encoding,
      crs,
      baseName: 'carecircle',
    });
    mkdirSync(outDir, { recursive: true });
    for (const f of files) writeFileSync(join(outDir, f.name), f.bytes);
    console.log(
      `${layers.map((l) => `${l.name} ${l.features.length}`).join(', ')} · ${crs.label.en} → ${files.map((f) => join(outDir, f.name)).join(', ')}`,
    );
    return 0;
  },
};
