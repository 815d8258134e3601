import { cellToLatLng } from 'h3-js';
import { InputError } from '../errors.ts';
import { encodeGraph } from '../graph/binary.ts';
import { type BuildReport, buildGraph } from '../graph/build.ts';
import type { NetworkProfile } from '../graph/types.ts';
import type { OsmData } from '../io/osm/types.ts';
import { extractBuildings } from './buildings.ts';
import type { CensusShares } from './census.ts';
import { methodMarkdown, provenanceMarkdown, type SourceNote } from './city-docs.ts';
import { baseName, buildingCollection, collection, populationCsv } from './city-files.ts';
import { deriveUnits, type UnitOptions } from './derive-units.ts';
import { type BBox, bboxOf, round7 } from './geometry.ts';
import {
  DEFAULT_ASSUMPTIONS,
  modelPopulation,
  type PopulationAssumptions,
  type PopulationCell,
} from './model-population.ts';
import { checkOsmExtent } from './osm-extent.ts';
import {
  type FacilityFeature,
  facilitiesFromCsv,
  facilitiesFromGeoJson,
} from './place-facilities.ts';
import { basemapFeatures, extractRoads, roadFeatures } from './roads-basemap.ts';
import {
  CITY_FORMAT_VERSION,
  type CityManifest,
  type PopulationBasis,
  type PopulationCellRow,
} from './types.ts';
import { readUserPopulation } from './user-population.ts';
import { readUserUnits } from './user-units.ts';

/** One output file of a city folder. */
export interface CityFile {
  path: string;
  bytes: Uint8Array | string;
}

export interface CityInputs {
  osm: OsmData;
  /** File name of the extract as the user gave it (for messages and PROVENANCE.md). */
  osmFile: string;
  name: string;
  census?: CensusShares & { file: string };
  facilities?: { file: string; text: string };
  /** User-supplied population per cell or point (replaces the building model). */
  population?: { file: string; text: string };
  /** User-supplied unit polygons (replace the derived units). */
  units?: { file: string; text: string };
  /** The command line recorded in PROVENANCE.md. */
  command: string;
}

export interface CityOptions {
  assumptions?: Partial<PopulationAssumptions>;
  defaultResidentialLevels?: number;
  units?: Partial<UnitOptions>;
}

export interface BuiltCity {
  manifest: CityManifest;
  files: CityFile[];
}

const NETWORKS: NetworkProfile[] = ['walk', 'ebike', 'drive'];
/** Units extend this far (degrees ≈ 200 m) beyond the outermost populated cell or road. */
const UNIT_PAD_DEG = 0.002;

function assumptionsFor(census: CityInputs['census'], options: CityOptions): PopulationAssumptions {
  const fromCensus =
    census === undefined
      ? {}
      : {
          share60: census.share60,
          share65: census.share65,
          ...(census.share80 === undefined ? {} : { share80: census.share80 }),
        };
  return { ...DEFAULT_ASSUMPTIONS, ...fromCensus, ...options.assumptions };
}

function populationBasis(
  census: CityInputs['census'],
  a: PopulationAssumptions,
  method: 'dasymetric-floor-area' | 'user-supplied',
): PopulationBasis {
  return {
    // The name as Chinese documents write it (full-width brackets), and the division code.
    ...(census === undefined
      ? {}
      : {
          censusArea: census.area.replace(/\(/g, '（').replace(/\)/g, '）'),
          censusCode: census.adcode,
        }),
    share60: a.share60,
    share65: a.share65,
    share80: a.share80,
    householdSize: a.householdSize,
    ...(method === 'dasymetric-floor-area' ? { perCapitaFloorAreaM2: a.perCapitaFloorAreaM2 } : {}),
  };
}

function pad([w, s, e, n]: BBox): BBox {
  return [w - UNIT_PAD_DEG, s - UNIT_PAD_DEG, e + UNIT_PAD_DEG, n + UNIT_PAD_DEG];
}

/** Builds every file of a city folder from an OSM extract. Pure: no file system access. */
export function buildCity(input: CityInputs, options: CityOptions = {}): BuiltCity {
  const { osm } = input;
  const osmFile = baseName(input.osmFile);
  // Before anything that scales with the extent (graphs, buildings, H3 fills).
  checkOsmExtent(osm, input.osmFile);
  const roads = extractRoads(osm);
  if (roads.length === 0) {
    throw new InputError(
      'E_NO_HIGHWAYS',
      'the extract has no highway ways: cannot build road networks',
      { file: input.osmFile },
    );
  }
  const warnings: string[] = [];
  const files: CityFile[] = [];
  const networks = {} as CityManifest['networks'];
  const cut: string[] = [];
  for (const network of NETWORKS) {
    const report: BuildReport = { waysUsed: 0, segmentsMissingNode: 0, duplicateEdgesMerged: 0 };
    const graph = buildGraph(osm, network, { report });
    if (graph.nodeCount === 0) warnings.push(`no ${network} network in the extract`);
    if (report.segmentsMissingNode > 0) cut.push(`${network} ${report.segmentsMissingNode}`);
    const file = `graph-${network}.bin`;
    files.push({ path: file, bytes: encodeGraph(graph) });
    networks[network] = { file, nodes: graph.nodeCount, edges: graph.edgeCount };
  }
  // Ways cut at the extract's border (or nodes missing from a broken file) lose segments.
  if (cut.length > 0) {
    const most = Math.max(...cut.map((c) => Number(c.split(' ')[1])));
    warnings.push(
      `${most} road segments left out: a node they use is not in the extract (${cut.join(', ')})`,
    );
  }
  const roadBbox = bboxOf(roads.flatMap((r) => r.coords)) as BBox;
  const buildings = extractBuildings(osm, {
    defaultResidentialLevels: options.defaultResidentialLevels,
  });
  const assumptions = assumptionsFor(input.census, options);
  const residential = buildings.filter((b) => b.properties.residential);
  let model: ReturnType<typeof modelPopulation> | null = null;
  let method: 'dasymetric-floor-area' | 'user-supplied' = 'dasymetric-floor-area';
  if (input.population !== undefined) {
    model = {
      ...readUserPopulation(input.population.text, input.population.file, assumptions),
      residentsByBuilding: new Map(),
    };
    method = 'user-supplied';
  } else if (residential.length > 0) model = modelPopulation(buildings, assumptions);
  else {
    warnings.push(
      buildings.length === 0
        ? 'the extract has no buildings: population must be supplied (--population FILE) before coverage can be computed'
        : 'no residential buildings found: population must be supplied (--population FILE) before coverage can be computed',
    );
  }
  const cells: PopulationCell[] = model?.cells ?? [];
  const cellCentres = cells
    .map((c) => cellToLatLng(c.h3))
    .map(([lat, lon]) => [lon, lat] as [number, number]);
  const unitBbox = pad(bboxOf(cellCentres) ?? roadBbox);
  const units =
    input.units === undefined
      ? deriveUnits(unitBbox, roads, options.units)
      : readUserUnits(input.units.text, input.units.file);
  if ('derivedFrom' in units && units.derivedFrom === 'h3')
    warnings.push('main roads split the area into fewer than 2 blocks: units are H3 res-8 cells');
  let outside = 0;
  const rows: PopulationCellRow[] = cells.map((cell, i) => {
    const where = units.locate(cellCentres[i][0], cellCentres[i][1]);
    if (where === null && input.units === undefined)
      throw new Error(`bug: populated cell ${cell.h3} is outside the unit domain`);
    if (where === null) outside += cell.residents;
    return { ...cell, unit_id: where?.unitId ?? '', street_id: where?.streetId ?? '' };
  });
  if (outside > 0)
    warnings.push(
      `${outside} residents live in cells outside every supplied unit (empty unit_id in population.csv)`,
    );
  let facilities: FacilityFeature[] = [];
  if (input.facilities !== undefined) {
    const { file, text } = input.facilities;
    facilities = /\.(geo)?json$/i.test(file)
      ? facilitiesFromGeoJson(text, file)
      : facilitiesFromCsv(text, file, buildings);
  }
  const illustrative = facilities.length > 0 && facilities.every((f) => f.properties.illustrative);
  const roadsGeo = roadFeatures(osm);
  const center: [number, number] = [
    round7((roadBbox[0] + roadBbox[2]) / 2),
    round7((roadBbox[1] + roadBbox[3]) / 2),
  ];
  const manifest: CityManifest = {
    formatVersion: CITY_FORMAT_VERSION,
    name: input.name,
    bbox: roadBbox.map(round7) as BBox,
    center,
    h3Resolution: assumptions.h3Resolution,
    source: {
      osmFile,
      ...(osm.timestamp === undefined ? {} : { osmTimestamp: osm.timestamp }),
      licence: 'ODbL-1.0',
      attribution: '© OpenStreetMap contributors',
    },
    networks,
    counts: {
      roads: roadsGeo.length,
      buildings: buildings.length,
      residentialBuildings: residential.length,
      populationCells: rows.length,
      units: units.units.length,
      facilities: facilities.length,
    },
    population:
      model === null
        ? null
        : {
            method,
            totals: model.totals,
            basis: populationBasis(input.census, assumptions, method),
          },
    facilitiesIllustrative: illustrative,
    warnings,
  };
  const name = (f: { file: string } | undefined) =>
    f === undefined ? undefined : baseName(f.file);
  const census =
    input.census === undefined ? undefined : { ...input.census, file: baseName(input.census.file) };
  const sources: SourceNote = {
    osmFile,
    census,
    facilitiesFile: name(input.facilities),
    populationFile: name(input.population),
    unitsFile: name(input.units),
    command: input.command,
    illustrative,
  };
  files.push(
    { path: 'city.json', bytes: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'roads.geojson', bytes: collection(roadsGeo) },
    { path: 'basemap.geojson', bytes: collection(basemapFeatures(osm)) },
    {
      path: 'buildings.geojson',
      bytes: buildingCollection(buildings, model?.residentsByBuilding ?? new Map()),
    },
    { path: 'population.csv', bytes: populationCsv(rows) },
    {
      path: 'units.geojson',
      bytes: collection(
        units.units.map((u) => ({
          type: 'Feature',
          properties: u.properties,
          geometry: { type: 'MultiPolygon', coordinates: u.coordinates },
        })),
      ),
    },
    { path: 'METHOD.md', bytes: methodMarkdown(manifest, assumptions, sources) },
  );
  if (facilities.length > 0)
    files.push({ path: 'facilities.geojson', bytes: collection(facilities) });
  files.push({
    path: 'PROVENANCE.md',
    bytes: provenanceMarkdown(
      files.map((f) => f.path),
      manifest,
      sources,
    ),
  });
  return { manifest, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
