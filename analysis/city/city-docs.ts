import type { CensusShares } from './census.ts';
import { MIN_RESIDENTIAL_FOOTPRINT_M2 } from './classify-buildings.ts';
import { DEFAULT_OTHER_LEVELS, DEFAULT_RESIDENTIAL_LEVELS } from './estimate-floor-area.ts';
import type { PopulationAssumptions } from './model-population.ts';
import type { CityManifest } from './types.ts';

export interface SourceNote {
  osmFile: string;
  census?: CensusShares & { file: string };
  facilitiesFile?: string;
  populationFile?: string;
  unitsFile?: string;
  command: string;
  illustrative: boolean;
}

const pct = (share: number) => `${(share * 100).toFixed(2)} %`;

/** METHOD.md: every modelling assumption of this city folder and its source. */
export function methodMarkdown(m: CityManifest, a: PopulationAssumptions, s: SourceNote): string {
  const census = s.census;
  const ageSource =
    census === undefined
      ? 'defaults (玄武区 2020 census bulletin), no --census given'
      : `${census.file}, row "${census.area}" (adcode ${census.adcode})${census.source ? `, ${census.source}` : ''}`;
  const totals = m.population?.totals;
  return `# ${m.name}: how this city folder was modelled

Every figure below is an assumption of a model, not a count. Population is **estimated** from
OpenStreetMap buildings; it is good enough to compare places and scenarios, not to count people.

## 1. Floor area of buildings
- Footprint = area of the OSM outline (multipolygons: outer minus inner rings), local planar projection.
- Storeys = \`building:levels\` when tagged (storeys above ground). When missing (most buildings in
  Chinese OSM): **${DEFAULT_RESIDENTIAL_LEVELS} storeys for residential buildings** — assumption: central Nanjing housing is
  mostly 6-storey walk-up blocks (多层住宅) of the 1980s–2000s; high-rises are usually tagged. Houses 2,
  bungalows 1, other buildings ${DEFAULT_OTHER_LEVELS} (they hold no population). Option: \`--default-levels N\`.
- Floor area = footprint × storeys (gross floor area, 建筑面积).

## 2. Which buildings are homes
- \`building=residential|apartments|house|detached|semidetached_house|terrace|dormitory|bungalow|farm\`: residential.
- Any other explicit kind (commercial, office, school, hospital, retail, …): not residential.
- Generic \`building=yes\`: residential unless it carries amenity/shop/office/tourism/craft/healthcare/
  leisure/man_made tags, or its centroid lies in a non-residential land use (landuse=commercial, retail,
  industrial, education, institutional, military, religious, …) or campus (amenity=school, university,
  hospital, …; leisure=park, stadium, pitch, …). Inside landuse=residential it is residential.
- Footprints under ${MIN_RESIDENTIAL_FOOTPRINT_M2} m² (sheds, kiosks, guard houses) are never homes.
- **Uncertainty**: in a mixed commercial centre such as 新街口 many untagged \`building=yes\` towers are
  offices, malls or hotels; this rule counts them as homes and over-estimates residents there. Few
  landuse areas are mapped, so the land-use test removes only part of the error.

## 3. Population
- Residents = residential floor area ÷ **${a.perCapitaFloorAreaM2} m² per person** (第七次全国人口普查 2020,
  城市家庭户人均住房建筑面积 36.52 m²). Option: \`--floor-area-per-person\`.
- Residents per building by largest-remainder rounding, so building figures add up exactly to
  round(Σ floor area ÷ ${a.perCapitaFloorAreaM2}).
- Cell = H3 res-${a.h3Resolution} cell of the building centroid (h3-js latLngToCell).
- Aged 60+: **${pct(a.share60)}**, 65+: **${pct(a.share65)}** of residents — ${ageSource}.
- Aged 80+: **${pct(a.share80)}** — ${census?.share80 !== undefined ? 'from the census row' : '2020 national bulletin (第七次全国人口普查公报: 80 岁及以上 2.54 % of the total population); no local figure'}.
- Households = residents ÷ **${a.householdSize}** persons (2020 census national mean household size 2.62).
- Group totals = round(residents × share), spread over cells by largest remainder, nested
  (60+ by residents, 65+ by 60+, 80+ by 65+), so every cell has 80+ ≤ 65+ ≤ 60+ ≤ residents.
- The same shares are applied everywhere: the model has no within-district age variation.
${s.populationFile !== undefined ? `- **Population supplied by the user** in \`${s.populationFile}\`: the building model above was not used; missing age groups/households are spread with the shares above.\n` : ''}${totals === undefined ? '- **No population**: the extract has no residential buildings; supply it with `--population FILE`.\n' : `- Result: ${totals.residents} residents, ${totals.elders60} aged 60+, ${totals.elders65} aged 65+, ${totals.elders80} aged 80+, ${totals.households} households in ${m.counts.populationCells} cells.\n`}
## 4. Planning units${s.unitsFile !== undefined ? `\n**Supplied by the user** in \`${s.unitsFile}\` (\`derived: false\`); each cell belongs to the unit holding its centre.\nThe derivation below was not used.\n` : ''}
### Derived units (not official)
No open boundaries of 街道 (sub-districts) or 社区 (communities) exist, so units are **derived** and
flagged \`derived: true\`:
- community-level (社区级) = blocks bounded by motorway/trunk/primary/secondary/tertiary roads;
- street-level (街道级) = blocks bounded by motorway/trunk/primary roads; a community belongs to the
  street block that holds most of it, and a street's outline is the union of its communities.
- Method: roads are rasterised onto H3 res-11 cells (≈ 25 m), the other cells flood-filled into
  blocks; road cells join the neighbouring block they touch most; blocks under 4 ha (community) or
  40 ha (street) are merged into the neighbour with the longest shared border. Where roads give
  fewer than 2 blocks, H3 res-8 (community) / res-7 (street) cells are used instead.
- Ids are stable (from the block's first H3 cell); names are "派生社区单元 Cnn（road–road）".
- Real boundaries, when available, should replace these units.

## 5. Facilities
${s.facilitiesFile === undefined ? 'No facility register was given.' : `From ${s.facilitiesFile}, placed at the centroid of the named OSM building.${s.illustrative ? '\n**示例数据 / illustrative**: the register is invented for demonstration (generated by\n`scripts/make-demo-register.ts`); names, sizes, beds and floors are not real facilities.' : ''}`}
`;
}

/** PROVENANCE.md: every file, its source, licence and the command that built it. */
export function provenanceMarkdown(paths: string[], m: CityManifest, s: SourceNote): string {
  const osm = `OpenStreetMap extract \`${s.osmFile}\`${m.source.osmTimestamp ? ` (data as of ${m.source.osmTimestamp})` : ''}; © OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)`;
  const census =
    s.census === undefined
      ? 'built-in defaults'
      : `\`${s.census.file}\` (${s.census.area}${s.census.source ? `, ${s.census.source}` : ''})`;
  const describe: Record<string, string> = {
    'city.json':
      'manifest (counts, bounding box, population totals); derived from all inputs below',
    'graph-walk.bin': `walking road graph; ${osm}`,
    'graph-ebike.bin': `e-bike road graph; ${osm}`,
    'graph-drive.bin': `driving road graph; ${osm}`,
    'roads.geojson': `highway lines; ${osm}`,
    'basemap.geojson': `water and green areas; ${osm}`,
    'buildings.geojson': `building outlines with modelled floor area and residents; ${osm}; model in METHOD.md`,
    'population.csv':
      s.populationFile !== undefined
        ? `population per H3 cell from \`${s.populationFile}\` (user-supplied)`
        : `modelled population per H3 cell; buildings from ${osm}; age shares from ${census}; per-capita floor area from 第七次全国人口普查; see METHOD.md`,
    'units.geojson':
      s.unitsFile !== undefined
        ? `planning units from \`${s.unitsFile}\` (user-supplied)`
        : `derived planning units (not official boundaries); roads from ${osm}`,
    'facilities.geojson': `facility register from \`${s.facilitiesFile ?? ''}\`${s.illustrative ? ' — 示例数据 / illustrative, not real facilities' : ''}; locations from ${osm}`,
    'METHOD.md': 'modelling assumptions and sources (generated)',
    'PROVENANCE.md': 'this file (generated)',
  };
  const lines = [...paths, 'PROVENANCE.md']
    .sort()
    .map((p) => `| \`${p}\` | ${describe[p] ?? ''} |`);
  return `# ${m.name}: provenance

Built by the CareCircle city builder; rebuilding with the same inputs gives byte-identical files.

Command:

\`\`\`
${s.command}
\`\`\`

| file | source and licence |
|---|---|
${lines.join('\n')}

Map data © OpenStreetMap contributors, available under the Open Database License (ODbL 1.0).
Files derived from OpenStreetMap are a Derivative Database under the ODbL.
`;
}
