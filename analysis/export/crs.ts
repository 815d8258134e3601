import { InputError } from '../errors.ts';

/**
 * Coordinate systems of the GIS/CAD exports: WGS-84 (EPSG:4326) or CGCS2000 3-degree
 * Gauss–Krüger with the zone's central meridian (EPSG:4534 = CM 75°E … 4554 = CM 135°E, no
 * zone prefix on the easting). The zone is the one whose central meridian is nearest the
 * study area's centre.
 */
export type ExportCrs = 'wgs84' | 'cgcs2000-gk';

export interface CrsChoice {
  crs: ExportCrs;
  epsg: number;
  /** Central meridian in degrees east (GK only). */
  centralMeridian: number | null;
  label: { zh: string; en: string };
}

export function gaussKrugerZone(lon: number): { centralMeridian: number; epsg: number } {
  const centralMeridian = 3 * Math.round(lon / 3);
  if (centralMeridian < 75 || centralMeridian > 135) {
    throw new InputError(
      'E_OUTSIDE_STUDY_AREA',
      `CGCS2000 3-degree Gauss–Krüger zones cover 73.5°E–136.5°E; the study area is at ${lon.toFixed(3)}°E`,
      { column: 'crs' },
    );
  }
  return { centralMeridian, epsg: 4534 + (centralMeridian - 75) / 3 };
}

export function crsChoice(crs: ExportCrs, centreLon: number): CrsChoice {
  if (crs === 'wgs84') {
    return {
      crs,
      epsg: 4326,
      centralMeridian: null,
      label: { zh: 'WGS-84 经纬度（EPSG:4326）', en: 'WGS-84 longitude/latitude (EPSG:4326)' },
    };
  }
  const zone = gaussKrugerZone(centreLon);
  return {
    crs,
    ...zone,
    label: {
      zh: `CGCS2000 三度带高斯–克吕格投影，中央经线 ${zone.centralMeridian}°E（EPSG:${zone.epsg}）`,
      en: `CGCS2000 3-degree Gauss–Krüger, central meridian ${zone.centralMeridian}°E (EPSG:${zone.epsg})`,
    },
  };
}
