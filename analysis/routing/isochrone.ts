import { InputError } from '../errors.ts';
import { routingGraph } from '../graph/step-free.ts';
import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { cellLinks } from './cell-links.ts';
import {
  cellIsochrones,
  type IsochroneFeature,
  type IsochroneProperties,
  networkBufferIsochrone,
} from './isochrone-geometry.ts';
import { travelProfile } from './profiles.ts';
import { checkMinutes, nearestFacility, nodeMinutes } from './reach.ts';
import type { Origin, UnreachableOrigin } from './surface.ts';

/**
 * One entry point for "circles from these points" used by both hosts (the CLI verb and the
 * browser's analysis worker): plain data in, plain (structured-cloneable) data out.
 */
export interface IsochroneRequest {
  profile: string;
  /** Walking speed for walk profiles (m/s). */
  speedMps?: number;
  origins: readonly Origin[];
  /** Thresholds in minutes. */
  minutes: readonly number[];
  resolution?: number;
  maxSnapM?: number;
  format?: 'h3' | 'geojson';
  /** With format geojson: H3-cell union (default) or a buffer around reached roads. */
  geometry?: 'cells' | 'buffer';
}

export interface IsochroneCells {
  profile: string;
  speedMps: number | null;
  resolution: number;
  thresholds: number[];
  origins: [number, number][];
  /** Each reached cell once, with the minimum minutes over all origins (2 decimals). */
  cells: { h3: string; minutes: number }[];
  unreachable: UnreachableOrigin[];
}

export interface IsochroneGeoJson {
  type: 'FeatureCollection';
  features: IsochroneFeature[];
  unreachable: UnreachableOrigin[];
}

export function isochrone(
  graphs: Partial<Record<NetworkProfile, RoadGraph>>,
  request: IsochroneRequest,
): IsochroneCells | IsochroneGeoJson {
  const profile = travelProfile(request.profile, { speedMps: request.speedMps });
  const graph = routingGraph(graphs, profile);
  if (graph === undefined) {
    throw new InputError('E_NO_NETWORK', `no ${profile.network} graph loaded for ${profile.name}`, {
      column: 'profile',
    });
  }
  if (request.minutes.length === 0) {
    throw new InputError('E_BAD_MINUTES', 'give at least one threshold in minutes', {
      column: 'minutes',
    });
  }
  request.minutes.forEach(checkMinutes);
  const thresholds = [...new Set(request.minutes)].sort((a, b) => a - b);
  const maxMinutes = thresholds[thresholds.length - 1];
  const resolution = request.resolution ?? 10;
  const links = cellLinks(graph, { resolution, maxSnapM: request.maxSnapM });
  const options = { profile, maxMinutes };
  const { cells, unreachable } = nearestFacility(graph, links, request.origins, options);
  const rows = cells.map((c) => ({ h3: c.h3, minutes: Number(c.minutes.toFixed(2)) }));
  if (request.format !== 'geojson') {
    return {
      profile: profile.name,
      speedMps: profile.walkSpeedMps,
      resolution,
      thresholds,
      origins: request.origins.map(({ lon, lat }): [number, number] => [lon, lat]),
      cells: rows,
      unreachable,
    };
  }
  if (request.geometry === 'buffer') {
    const { minutes, starts } = nodeMinutes(graph, links, request.origins, options);
    const features = [...thresholds]
      .reverse()
      .map((t) => networkBufferIsochrone(graph, minutes, t, { profile, starts }))
      .filter((f): f is IsochroneFeature => f !== null);
    return { type: 'FeatureCollection', features, unreachable };
  }
  const collection = cellIsochrones(rows, thresholds, { profile: profile.name });
  const features = collection.features as IsochroneFeature[];
  return { type: 'FeatureCollection', features, unreachable };
}

export type { IsochroneProperties };
