import { writeFileSync } from 'node:fs';
import { InputError } from '../../analysis/errors.ts';
import type { NetworkProfile } from '../../analysis/graph/types.ts';
import { networkAreaCells } from '../../analysis/routing/cell-links.ts';
import { isochrone } from '../../analysis/routing/isochrone.ts';
import { osrmIsochrone } from '../../analysis/routing/osrm-isochrone.ts';
import { travelProfile } from '../../analysis/routing/profiles.ts';
import { checkMinutes } from '../../analysis/routing/reach.ts';
import { loadCityGraph, readCityManifest } from '../routing/city-graph.ts';
import { OSRM_HELP, OSRM_OPTIONS, osrmRouting } from '../routing/osrm-options.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const help = `carecircle isochrone — travel-time circles from one or more points over a city's roads

Usage:
  npx carecircle isochrone --city DIR --profile walk-elderly --from LON,LAT [--from LON,LAT ...]
                           --minutes 5,10,15 [--format h3|geojson] [--out FILE.json]

Options:
  --city DIR          city folder (city.json, graph-*.bin)
  --profile P         walk-elderly (1.0 m/s), wheelchair (1.0 m/s, no steps), walk (1.25 m/s),
                      ebike, drive
  --from LON,LAT      origin (WGS-84); repeat for several origins
  --minutes LIST      thresholds in minutes, default 5,10,15
  --format F          h3: {"profile","resolution","origins","cells":[{"h3","minutes"}]} (default)
                      geojson: one polygon per threshold (union of reached H3 cells, holes kept)
  --geometry G        with --format geojson: cells (default) or buffer (≈50 m around reached
                      roads, outlined on fine H3 cells)
  --speed M_S         walking speed for walk profiles, 0.5–1.5 m/s
  --resolution R      H3 resolution, default 10 (use 9 for 30-minute rural circles)
  --max-snap M        origins/cells farther than M metres from any road are unreachable (500)
  --out FILE          output file (default: standard output)
${OSRM_HELP}
                      (with --osrm: the city's network area gives the cells; --geometry cells)

Cells hold the minimum minutes over all origins, up to the largest threshold. An off-road leg
between a point and the road is walked (at the profile speed, 1.0 m/s for ebike/drive).`;

function parseNumber(text: string, option: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new InputError('E_BAD_OPTION', `--${option} "${text}" is not a number`, {
      column: option,
    });
  }
  return value;
}

function parseOrigin(text: string, k: number) {
  const parts = text.split(',').map((p) => p.trim());
  const [lon, lat] = parts.map(Number);
  if (
    parts.length !== 2 ||
    !Number.isFinite(lon) ||
    !Number.isFinite(lat) ||
    Math.abs(lon) > 180 ||
    Math.abs(lat) > 90
  ) {
    throw new InputError('E_BAD_COORD', `--from "${text}" is not LON,LAT in WGS-84 degrees`, {
      column: `from #${k + 1}`,
    });
  }
  return { id: `origin-${k + 1}`, lon, lat };
}

/** "2 polygons" or "1 polygon (nothing within 0.3 min)": empty thresholds are named, not drawn. */
function polygonCount(features: readonly { properties: { minutes: number } }[]): string {
  const n = features.length;
  return `${n} polygon${n === 1 ? '' : 's'}`;
}

/** The graph whose area bounds OSRM circles: the profile's own network, else any the city has. */
function areaGraph(city: string, network: NetworkProfile) {
  const networks = Object.keys(readCityManifest(city).networks ?? {}) as NetworkProfile[];
  return loadCityGraph(city, networks.includes(network) ? network : (networks[0] ?? network));
}

export const verb: Verb = {
  summary: 'travel-time circles (H3 cells or GeoJSON) from points over the road network',
  help,
  async run(argv) {
    const values = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string', default: 'walk-elderly' },
      from: { type: 'string', multiple: true },
      minutes: { type: 'string', default: '5,10,15' },
      format: { type: 'string', default: 'h3' },
      geometry: { type: 'string', default: 'cells' },
      speed: { type: 'string' },
      resolution: { type: 'string', default: '10' },
      'max-snap': { type: 'string', default: '500' },
      out: { type: 'string' },
      ...OSRM_OPTIONS,
    });
    const city = requireOption(values.city, 'city');
    const speed = values.speed === undefined ? undefined : parseNumber(values.speed, 'speed');
    const profile = travelProfile(values.profile ?? 'walk-elderly', { speedMps: speed });
    const origins = (values.from ?? []).map(parseOrigin);
    if (origins.length === 0)
      throw new InputError('E_MISSING_OPTION', 'give at least one --from LON,LAT');
    const thresholds = (values.minutes ?? '').split(',').map((m) => parseNumber(m, 'minutes'));
    thresholds.forEach(checkMinutes);
    thresholds.sort((a, b) => a - b);
    const format = values.format ?? 'h3';
    if (format !== 'h3' && format !== 'geojson') {
      throw new InputError('E_BAD_OPTION', `--format must be h3 or geojson, got "${format}"`, {
        column: 'format',
      });
    }
    if (values.geometry !== 'cells' && values.geometry !== 'buffer') {
      throw new InputError('E_BAD_OPTION', `--geometry must be cells or buffer`, {
        column: 'geometry',
      });
    }
    const resolution = parseNumber(values.resolution ?? '10', 'resolution');
    const maxSnapM = parseNumber(values['max-snap'] ?? '500', 'max-snap');

    const request = {
      profile: profile.name,
      speedMps: speed,
      origins,
      minutes: thresholds,
      resolution,
      maxSnapM,
      format,
      geometry: values.geometry === 'buffer' ? 'buffer' : 'cells',
    } as const;
    const osrm = osrmRouting(values, profile.name);
    const result =
      osrm === undefined
        ? isochrone({ [profile.network]: loadCityGraph(city, profile.network) }, request)
        : await osrmIsochrone(
            osrm,
            networkAreaCells(areaGraph(city, profile.network), resolution),
            {
              ...request,
              maxSnapM,
            },
          );
    if (result.unreachable.length > 0) {
      const list = result.unreachable.map((u) => `${u.lon},${u.lat} (${u.reason})`).join('; ');
      throw new InputError('E_ORIGIN_UNREACHABLE', `origin not on the network: ${list}`, {
        column: 'from',
      });
    }
    const { unreachable: _none, ...output } = result;
    const reached =
      'cells' in result ? `${result.cells.length} cells` : polygonCount(result.features);
    const text = `${JSON.stringify(output)}\n`;
    if (values.out === undefined) process.stdout.write(text);
    else {
      writeFileSync(values.out, text);
      const drawn = new Set(
        'features' in result ? result.features.map((f) => f.properties.minutes) : thresholds,
      );
      const empty = thresholds.filter((t) => !drawn.has(t));
      const none = empty.length > 0 ? ` (nothing within ${empty.join(', ')} min)` : '';
      console.error(
        `isochrone: ${reached}${none} up to ${Math.max(...thresholds)} min → ${values.out}`,
      );
    }
    return 0;
  },
};
