import type { CityManifest } from '../../../analysis/city/types.ts';
import type { ReportCityInfo } from '../../../analysis/report/types.ts';

/** Files that describe the folder itself say nothing about where the data came from. */
const SELF_DESCRIBING = /^\|\s*`(METHOD\.md|PROVENANCE\.md|city\.json)`/;

const stripMarkdown = (text: string) =>
  text
    .replaceAll('**', '')
    .replaceAll('`', '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');

/** PROVENANCE.md table rows as "file：source" lines (as the report CLI reads them). */
export function provenanceLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line) && !SELF_DESCRIBING.test(line))
    .map((line) =>
      line
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    )
    .map(([name, source]) => `${name.replaceAll('`', '')}：${stripMarkdown(source ?? '')}`);
}

/** METHOD.md bullet points: the stated modelling assumptions. */
export function methodLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => stripMarkdown(line.slice(2)));
}

export function reportCityInfo(
  manifest: CityManifest,
  provenance: string,
  method: string,
): ReportCityInfo {
  return {
    name: manifest.name,
    populationMethod: manifest.population?.method ?? null,
    facilitiesIllustrative: manifest.facilitiesIllustrative,
    attribution: manifest.source.attribution,
    licence: manifest.source.licence,
    osmFile: manifest.source.osmFile,
    provenance: provenanceLines(provenance),
    methodNotes: methodLines(method),
  };
}

/** Road centre lines of the city for the report maps. */
export function roadLines(roads: {
  features: { geometry: { type: string; coordinates: unknown } | null }[];
}): number[][][] {
  const lines: number[][][] = [];
  for (const f of roads.features) {
    if (f.geometry?.type === 'LineString') lines.push(f.geometry.coordinates as number[][]);
    if (f.geometry?.type === 'MultiLineString')
      lines.push(...(f.geometry.coordinates as number[][][]));
  }
  return lines;
}
