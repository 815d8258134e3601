import type { Catalogue, MethodParams } from './zh.ts';

/** English report strings: the same keys and arguments as zh.ts. */
const sep = ', ';
const fig = (n: number) => (n > 0 ? ` (Figure ${n})` : '');
const see = (n: number) => (n > 0 ? `Figure ${n} maps it` : 'no map is drawn');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const UNIT_LABELS: Record<string, string> = {
  share: 'share',
  m2: 'm²',
  'm2/resident': 'm² per resident',
  'm2/100 households': 'm² per 100 households',
  elders60: 'people aged 60+',
  elders65: 'people aged 65+',
  elders80: 'people aged 80+',
  residents: 'residents',
  sites: 'sites',
  units: 'units',
  floor: 'floor',
};

export const en: Catalogue = {
  title: 'Elder-Care Service Circles: Planning Review',
  subtitle: (city: string) =>
    `${city}: coverage of home and community elder-care facilities and the proposal`,
  titleCity: 'Study area',
  titleProfile: 'Standard',
  titleDate: 'Date',
  titleData: 'Data status',
  titleScenario: 'Proposal',
  contents: 'Contents',
  dataIllustrative:
    'The facility register is illustrative (not an official register), for demonstrating the method only',
  dataOfficial: 'Facility register supplied by the user',
  banner: 'Illustrative data · not an official register · method demonstration only',
  illustrativeWarning:
    'Important: the facility register used here is illustrative, not the civil-affairs register; the results demonstrate the method and must not be used for decisions.',
  footer: (city: string, profile: string) => `${city} · ${profile}`,
  licence: (id: string) => (id === 'ODbL-1.0' ? 'Open Database Licence (ODbL 1.0)' : id),
  subNo: (i: number) => `3.${i} `,
  clauseNos: (nos: number[]) => `Clause${nos.length > 1 ? 's' : ''} ${nos.join(', ')}`,
  figureCaption: (n: number, caption: string) => `Figure ${n}. ${caption}`,
  listSeparator: sep,
  minutes: (m: number) => `${m} min`,
  sections: {
    overview: '1 Overview',
    current: '2 Current provision',
    compliance: '3 Compliance with the standard',
    proposal: '4 Proposal',
    effect: '5 Effect of the proposal',
    implementation: '6 Implementation',
    appendix: 'Appendix',
  },
  key: {
    residents: 'Residents',
    elders60: 'Residents aged 60+',
    facilities: 'Elder-care facilities',
    coverageAt: (m: number) => `Elders within ${m} min walk`,
    radius300: 'Within 300 m on the network',
    m2PerResident: 'Facility floor area per resident',
    bindingFailed: 'Binding clauses not met',
    proposalAt: (m: number) => `${m}-min coverage with the proposal`,
  },
  overview: {
    areaTitle: '1.1 Study area',
    area: (
      city: string,
      streets: number,
      communities: number,
      residents: string,
      elders: string,
      share: string,
    ) =>
      `The study area is ${city}, divided into ${plural(streets, 'street-level unit')} and ${plural(communities, 'community-level unit')}. It has ${residents} residents, of whom ${elders} (${share}) are aged 60 or over.`,
    facilities: (count: string, area: string, types: string) =>
      `There are ${count} home and community elder-care facilities with ${area} of floor area in total: ${types}.`,
    typeCount: (type: string, n: number) => `${n} × ${type}`,
    basisTitle: '1.2 Standard',
    basis: (doc: string, issuer: string, date: string, kind: string, clauses: number) =>
      `The assessment follows ${doc}${issuer === '' ? '' : ` (${issuer}${date === '' ? '' : `, issued ${date}`})`}, a ${kind}. Each of its ${clauses} quantifiable clauses is checked; every quotation is taken from the official text with its location.`,
    dataTitle: '1.3 Data and their dates',
    dataHeader: ['Data', 'Source', 'Date', 'Use'],
    dataRoads: 'Roads and buildings',
    roadsSource: (attribution: string, licence: string) =>
      `OpenStreetMap (${attribution}, ${licence})`,
    undated: 'not stated',
    roadsNote: 'walking times, residential floor area, site locations in words',
    dataPopulation: 'Population',
    populationSource: (year: number, area: string | null) =>
      `${year} census${area === null ? '' : ` (${area})`}: age structure and housing floor area per person`,
    dataRegister: 'Facility register',
    registerImported: (
      file: string,
      accepted: number,
      rejected: number,
      crs: string | null,
      outside: number,
    ) =>
      `register imported by the user, "${file}": ${accepted} rows used, ${rejected} rejected${outside > 0 ? ` (${outside} outside the study area)` : ''}; ${crs === null ? 'coordinates in WGS-84, not converted' : `coordinates converted from ${crs} to WGS-84`}`,
    registerNote: (n: number) => `${plural(n, 'facility', 'facilities')} assessed`,
    dataUnits: 'Planning units',
    unitsDerived: 'units bounded by main roads (not official boundaries)',
    unitsGiven: 'street and community boundaries supplied by the user',
    unitsNote: (n: number) => plural(n, 'unit'),
    dataStandard: 'Standard',
    conclusionsTitle: '1.4 Main findings',
  },
  conclusions: {
    allCovered: (m: number, share: string) =>
      `Every elder lives within walking reach at every threshold; ${share} are within ${m} min.`,
    coverage: (
      m: number,
      share: string,
      g: number,
      gShare: string,
      outside: string,
      worst: string,
      figNo: number,
    ) =>
      `${share} of elders live within a ${m}-min walk of a facility. The shortfall is at ${g} min: only ${gShare} are covered and ${outside} elders live outside${worst === '' ? '' : `, most of them in ${worst}`}${fig(figNo)}.`,
    radius: (straight: string, network: string) =>
      `Within 300 m as the crow flies lie ${straight} of elders, but only ${network} within 300 m on the street network: detours make the real service area much smaller than the drawn radius.`,
    compliance: (
      binding: number,
      failed: number,
      names: string,
      benchmarks: number,
      notEvaluable: number,
    ) =>
      `${failed} of ${plural(binding, 'binding clause')} are not met${names === '' ? '' : ` (${names})`}${benchmarks > 0 ? `; ${plural(benchmarks, 'further clause')} serve as benchmarks` : ''}${notEvaluable > 0 ? `; ${notEvaluable} cannot be evaluated with the data` : ''}.`,
    proposal: (
      name: string,
      m: number,
      before: string,
      after: string,
      points: string,
      gained: string,
      fixed: number,
      broken: number,
    ) =>
      `The proposal “${name}” improves the ${m}-min circle most: coverage rises from ${before} to ${after} (${points}), ${gained} more elders${fixed > 0 ? `; ${plural(fixed, 'check')} turn from not met to met` : ''}${broken > 0 ? `; ${plural(broken, 'check')} turn to not met` : ''}.`,
    proposalNoCoverage: (name: string, area: string, fixed: number, broken: number) =>
      `The proposal “${name}” changes coverage at no threshold; floor area changes by ${area}${fixed > 0 ? `, ${plural(fixed, 'check')} turn to met` : ''}${broken > 0 ? `, ${plural(broken, 'check')} turn to not met` : ''}.`,
  },
  current: {
    coverageTitle: '2.1 Walking service circles',
    thresholdShare: (m: number, share: string) => `${m} min ${share}`,
    coverageText: (list: string, from: number, to: number, points: string, figNo: number) =>
      `Walking at the elderly speed on the street network, the shares of elders covered are: ${list}. Coverage grows most between ${from} and ${to} min (${points})${fig(figNo)}.`,
    coverageHeader: ['Threshold', 'Elders covered', 'Share', 'Elders outside', 'Residents covered'],
    stepsText: (list: string | null) =>
      list === null
        ? "Step-free (wheelchair and walker users) the same elders are covered at every threshold: no elder's coverage depends on steps."
        : `Step-free (wheelchair and walker users: no steps, no segment mapped as impassable to them) fewer elders are covered: ${list}. Their coverage depends on steps, out of reach for elders with disabilities.`,
    stepsItem: (m: number, elders: string, share: string) => `${m} min ${elders} (${share})`,
    radiusTitle: '2.2 The 300 m radius',
    radiusText: (
      straight: string,
      network: string,
      diff: string,
      minutes: string,
      detour: number,
    ) =>
      `A straight 300 m radius around each facility covers ${straight} of elders; 300 m on the network (about ${minutes} min) covers only ${network}, ${diff} elders fewer${detour > 0 ? `. ${plural(detour, 'facility', 'facilities')} reach less than half of their straight-line circle, cut off by rivers, walls or gated compounds` : ''}. These figures count facilities of every type in the register; a standard's clause counts only the types it names (chapter 3), so its figure may differ.`,
    unitsTitle: '2.3 Coverage by street and community',
    unitsText: (figNo: number) =>
      `The table lists each street (bold) and its communities: share of elders within each threshold, within 300 m on the network, and floor area per resident; ${see(figNo)} as walking time to the nearest facility.`,
    unitHeader: 'Unit',
    eldersHeader: 'Elders',
    radiusHeader: '300 m network',
    areaHeader: 'Area per resident (m²)',
    emptyUnits: (names: string) => `Units without residents are not listed: ${names}.`,
    areaTitle: '2.4 Floor area per resident',
    areaText: (
      total: string,
      perCapita: string,
      required: string | null,
      none: number,
      lowest: string,
    ) =>
      `The facilities have ${total} of floor area, ${perCapita}${required === null ? '' : ` against ${required} required`}. ${none > 0 ? `${plural(none, 'community-level unit')} have no facility at all; ` : ''}${lowest === '' ? '' : `the lowest area per resident is in ${lowest}.`}`,
    gapsTitle: '2.5 Where the gaps are',
    noGaps: (m: number) =>
      `Every elder lives within ${m} min; there is no cluster of uncovered elders.`,
    unitOutside: (name: string, n: string) => `${name} (${n})`,
    gapsText: (m: number, total: string, units: number, top: string, share: string) =>
      `${total} elders live outside the ${m}-min circle, in ${plural(units, 'community-level unit')}; most of them in ${top}, which together hold ${share} of them.`,
    clustersText: (m: number, n: number, first: string, figNo: number) =>
      `Outside the ${m}-min circle the elders form ${plural(n, 'cluster')} (neighbouring cells joined, numbered in Figure ${figNo}); the largest is ${first}.`,
    clustersHeader: ['No.', 'Location', 'Unit', 'Elders', 'Cells'],
  },
  compliance: {
    noUnits: 'no unit or facility in the study area falls under this clause',
    intro: (
      total: number,
      passed: number,
      failed: number,
      interp: number,
      bench: number,
      ne: number,
      figNo: number,
    ) =>
      `${plural(total, 'clause')} are checked. Of the binding clauses ${passed} are met and ${failed} not met${interp > 0 ? ` (${interp} of them in the project's reading of the text)` : ''}; ${bench} are benchmarks; ${ne} cannot be evaluated. ${see(figNo)} as the number of checks each community fails.`,
    groupTitle: {
      text: 'Binding clauses',
      interpretation: 'Binding clauses (interpreted)',
      benchmark: 'Benchmarks',
      not_evaluable: 'Clauses that cannot be evaluated',
    },
    groupNote: {
      text: 'Checked against the literal requirement; the result can be quoted as it stands.',
      interpretation:
        'The text gives no directly measurable figure; the tool quantifies it in the reading stated below. The result needs the reading to be confirmed.',
      benchmark:
        'Aspirational wording ("strive to", "encourage") or not binding here: shown for comparison, not counted as met or not met.',
      not_evaluable:
        'The data cannot decide these clauses; they count neither as met nor as not met.',
    },
    header: ['No.', 'Clause', 'Result', 'Value', 'Required', 'Shortfall'],
    notEvaluableHeader: ['No.', 'Clause', 'Why it cannot be evaluated'],
    interpretationLabel: 'Reading',
    passedOf: (ok: number, n: number, scope: string) => `${ok} of ${n} ${scope} met`,
    allOf: (scope: string) => `every ${scope}`,
    failedCount: (n: number, scope: string) => `${n} ${scope} not met`,
    source: 'Text',
    sameQuote: (n: number) => `as for clause ${n}`,
    detailNone: (n: number) => `${plural(n, 'check')}, all met.`,
    detailFailed: (n: number, failed: number, names: string, more: number) =>
      `${plural(n, 'check')}, ${failed} not met: ${names}${more > 0 ? ` and ${more} more (see the spreadsheet)` : ''}.`,
  },
  proposal: {
    none: 'No proposal was given.',
    intro: (
      name: string,
      added: number,
      moved: number,
      resized: number,
      closed: number,
      m: number,
    ) =>
      `The proposal “${name}” ${[added > 0 ? `adds ${plural(added, 'site')}` : '', moved > 0 ? `moves ${moved}` : '', resized > 0 ? `resizes or retypes ${resized}` : '', closed > 0 ? `closes ${closed}` : ''].filter((x) => x !== '').join(', ') || 'changes no site'}. The table gives each site's location, type, floor area and the elders it newly serves within ${m} min.`,
    optimiser: (
      problem: string,
      m: number,
      status: string,
      sites: number,
      covered: string,
      gap: string,
    ) =>
      `The proposal comes from the site optimiser: objective ${problem}, ${m}-min walking circle (${status}), ${plural(sites, 'site')} chosen, ${covered} elders newly covered, ${gap} from the upper bound.`,
    speed: (v: number) => `Elderly walking speed set to ${v} m/s`,
    profile: (name: string) => `Standard changed to ${name}`,
    travel: (name: string) => `Travel mode changed to ${name}`,
    recommended: (n: number, m: number, problem: string, covered: string) =>
      `The site optimiser further recommends ${plural(n, 'site')} (${m}-min circle, ${problem}), covering an estimated ${covered} more elders.`,
    header: ['No.', 'Site', 'Location', 'Type', 'Floor area (m²)', 'Elders newly served', 'Change'],
    servedHeader: (m: number) => `Elders newly within ${m} min`,
    servedNote: (m: number) =>
      `Elders newly served: cells that come within ${m} min with the proposal, each given to the nearest (straight line) added or moved site; an attribution, not a measurement.`,
    networkIntro: (links: number, closed: number) =>
      `The proposal also changes the street network: ${[links > 0 ? `${plural(links, 'new link')}` : '', closed > 0 ? `${plural(closed, 'closed road')}` : ''].filter((x) => x !== '').join(', ')} (table below).`,
    networkHeader: (m: number) => [
      'No.',
      'Network edit',
      'Length (m)',
      'Location',
      'Cost (10,000 yuan)',
      `Elders newly within ${m} min`,
    ],
    networkKinds: { 'add-link': 'New link', 'close-link': 'Closed road' },
    networkFor: { walk: 'walking', ebike: 'e-bike', drive: 'driving' },
    networkNote: (m: number) =>
      `Elders newly covered: how many fewer elders the proposal covers within ${m} min without the edit (one at a time); "—" where no cost is given.`,
  },
  effect: {
    none: 'No proposal was given, so there is no effect to report.',
    largest: (
      m: number,
      before: string,
      after: string,
      points: string,
      gained: string,
      figNo: number,
    ) =>
      `The proposal improves the ${m}-min circle most: the share of elders covered rises from ${before} to ${after} (${points}), ${gained} more elders${fig(figNo)}.`,
    otherChange: (m: number, before: string, after: string, points: string) =>
      `${m} min from ${before} to ${after} (${points})`,
    others: (moved: string, still: string, share: string) =>
      `Other thresholds: ${[moved, still === '' ? '' : `${still} stay at ${share}`].filter((x) => x !== '').join('; ')}.`,
    noCoverageChange: (figNo: number) =>
      `The proposal changes coverage at no threshold${fig(figNo)}.`,
    units: (m: number, list: string, n: number) =>
      `Within ${m} min the communities that change most are ${list}; ${plural(n, 'community', 'communities')} change in all.`,
    unitGain: (name: string, signed: string) => `${name} (${signed})`,
    tableTitle: '5.1 Main figures before and after',
    header: ['Measure', 'Baseline', 'Proposal', 'Change'],
    flipsTitle: '5.2 Checks whose result changes',
    noFlips: 'The proposal changes the result of no check.',
    flips: (fixed: number, broken: number) =>
      `With the proposal ${plural(fixed, 'check')} turn from not met to met${broken > 0 ? ` and ${broken} turn to not met` : ''}.`,
    flipsHeader: ['Clause', 'Where', 'Baseline', 'Proposal'],
    rowCoverage: (m: number) => `Elders within ${m} min`,
    rowRadiusStraight: 'Within 300 m (straight line)',
    rowRadiusNetwork: 'Within 300 m (network)',
    rowFacilities: 'Facilities',
    rowFloorArea: 'Floor area',
    rowM2PerResident: 'Floor area per resident',
    rowFailed: 'Checks not met',
  },
  implementation: {
    none: (n: number) =>
      `No programme register (yearly tasks, cost, subsidy) was given, so this chapter is left out.${n > 0 ? ` The year, cost and subsidy of the ${plural(n, 'site')} of the proposal are to be added once a programme is imported.` : ''}`,
    unscheduled: 'not scheduled',
    total: 'Total',
    intro: (years: number, sites: string, cost: string, busiest: string, busiestCost: string) =>
      `The programme runs over ${plural(years, 'year')} and builds ${sites} sites for ${cost} × 10,000 yuan; the largest year is ${busiest} (${busiestCost} × 10,000 yuan).`,
    header: [
      'Year',
      'Tasks',
      'Sites',
      'Cost (10k yuan)',
      'Subsidy committed',
      'Subsidy paid',
      'Local funds',
    ],
    withoutCost: (n: number) =>
      `${plural(n, 'further site')} have no cost estimate and are left out of the totals.`,
  },
  appendix: {
    methodTitle: 'A.1 Method',
    method: (p: MethodParams): [string, string][] => [
      [
        '1. Population',
        p.populationMethod === 'dasymetric-floor-area'
          ? `Residents are placed in buildings: residential floor area from OpenStreetMap outlines and storeys, divided by the census floor area per person${p.perCapitaFloor === null ? '' : ` (${p.perCapitaFloor} m²)`}, elders from the census age structure${p.share60 === null ? '' : ` (${p.share60} % aged 60+)`}, summed into hexagonal cells of resolution ${p.resolution}. These are modelled figures, not census counts; one age structure applies everywhere. Households assume ${p.householdSize} persons each.`
          : p.populationMethod === 'user-supplied'
            ? `Population per cell as supplied by the user, summed into hexagonal cells of resolution ${p.resolution}. Households assume ${p.householdSize} persons where not given.`
            : 'No population model was used.',
      ],
      [
        '2. Walking time',
        `From every facility the walking time to every cell centre is computed on the street network at the elderly walking speed of ${p.walkingSpeed} m/s (the distance from the centre to the nearest street at the same speed); the nearest facility decides whether a cell lies within ${p.thresholds}. Unlike a straight buffer, detours around rivers, railways, walls and gated compounds count.`,
      ],
      [
        '3. The 300 m radius',
        `Coverage is counted both within 300 m as the crow flies and within 300 m on the network (about ${p.radiusMinutes} min); the difference shows how much detours shrink the real service area.`,
      ],
      [
        '4. Area per resident and access',
        `Area per resident is the facilities' ${p.areaBasis === 'land' ? 'land area (floor area where the register has none)' : 'floor area'} divided by residents. Access uses the two-step floating catchment method: each facility's floor area is shared among the elders within ${p.sfcaMinutes} min, and each cell sums the shares it reaches.`,
      ],
      [
        '5. Checking the clauses',
        'Requirements, units and scope come from the text of the standard. A check is met, not met or not evaluable; a check the data cannot decide is never counted as met. Aspirational or locally non-binding clauses are benchmarks; clauses without a measurable figure are quantified in a stated reading.',
      ],
      [
        '6. Gaps and the effect of the proposal',
        `Gaps are analysed at the shortest threshold that still leaves elders outside (here ${p.gapMinutes} min); neighbouring uncovered cells form one cluster, located by the nearest junction and its unit. The effect is mapped at the threshold the proposal changes most (here ${p.effectMinutes} min) and tabulated for all others; elders newly served are attributed to the nearest site.`,
      ],
    ],
    sourcesTitle: 'A.2 Data sources and licences',
    sourcesHeader: ['Data', 'Source', 'Licence or status'],
    sourceRoads: 'Roads',
    sourceBuildings: 'Buildings',
    sourcePopulation: 'Age structure',
    sourceRegister: 'Facility register',
    sourceStandard: 'Standard',
    sourceSoftware: 'Software',
    osmSource: (file: string, date: string | null) =>
      `OpenStreetMap extract (${file}${date === null ? '' : `, ${date}`})`,
    censusSource: (year: number, area: string | null) =>
      `${year} census${area === null ? '' : ` (${area})`}`,
    publicStatistics: 'published statistics',
    registerFile: (name: string) => `register imported by the user (${name})`,
    illustrativeLicence: 'illustrative data, method demonstration only',
    userLicence: 'supplied by and the responsibility of the user',
    officialText: 'published government document',
    software: 'CareCircle elder-care service circle planner (computed offline on this machine)',
    softwareLicence: 'open source (MIT)',
    parametersTitle: 'A.3 Run parameters',
    parametersHeader: ['Parameter', 'Value'],
    pProfile: 'Standard',
    pWalkingSpeed: 'Elderly walking speed (baseline)',
    speedValue: (v: string) => `${v} m/s`,
    pThresholds: 'Thresholds',
    pResolution: 'Spatial cells',
    resolutionValue: (res: number) => `H3 hexagons, resolution ${res}`,
    pHousehold: 'Household size',
    householdValue: (v: string) => `${v} persons`,
    pAreaBasis: 'Area per resident counts',
    areaLand: 'land area (floor area where missing)',
    areaFloor: 'floor area',
    pSfca: 'Access catchment',
    pClusters: 'Gap analysis threshold',
    pDate: 'Date',
    pScenario: 'Proposal',
    pScenarioSpeed: 'Elderly walking speed (proposal)',
    pOptimiser: 'Site optimiser',
    optimiserValue: (problem: string, minutes: string, status: string, gap: string) =>
      `${problem}, ${minutes} circle, ${status}, ${gap} % from the bound`,
    idsTitle: 'A.4 Site and cell identifiers',
    idsNote:
      'Identifiers for matching with the data files and GIS layers; cluster numbers are those of the table in 2.5.',
    idsHeader: ['Kind', 'Name', 'Identifier'],
    idSite: 'Proposed site',
    idCluster: 'Uncovered cluster',
    clusterName: (rank: number) => `Cluster ${rank}`,
  },
  maps: {
    mainRoad: 'Main road',
    streetBoundary: 'Street-level unit',
    communityBoundary: 'Community-level unit',
    attribution: (text: string) => `Base map ${text}`,
    within: (m: number) => `up to ${m} min`,
    between: (a: number, b: number) => `${a}–${b} min`,
    beyond: (m: number) => `over ${m} min`,
    unreached: 'not reached',
    cluster: (m: number) => `cluster outside ${m} min (no. as in 2.5)`,
    minutesTitle: 'Walk to nearest facility',
    facilitiesTitle: 'Facility type',
    baseTitle: 'Base map',
    coverage: 'Walking time from elders’ homes to the nearest elder-care facility',
    compliance: 'Checks not met per community, and the facilities',
    failedTitle: 'Checks not met',
    failedCount: (n: string) => `${n}`,
    before: (m: number) => `Baseline (${m} min)`,
    after: (m: number) => `Proposal (${m} min)`,
    effect: (m: number) => `The ${m}-min walking circle before and after the proposal`,
    coverTitle: (m: number) => `${m}-min circle`,
    covered: 'inside',
    uncovered: 'outside',
    gained: 'newly inside',
    lost: 'no longer inside',
    sitesTitle: 'Sites',
    newSite: 'new or moved site',
    missingImage: '(No image embedded: no browser was found when this file was made; see the PDF.)',
  },
  chart: {
    baseline: 'Baseline',
    scenario: 'Proposal',
    xAxis: 'Walking threshold',
    caption: 'Share of elders covered per walking threshold',
  },
  /** Names the GIS export (analysis/export) reads from this catalogue. */
  coverage: { chartSeriesBaseline: 'Baseline', chartSeriesScenario: 'Proposal' },
  tables: { level: { street: 'street', community: 'community' } },
  findings: { pass: 'met', fail: 'not met', notEvaluable: 'not evaluable' },
  status: { pass: 'met', fail: 'not met', not_evaluable: 'not evaluable' },
  scope: { city: 'study area', street: 'streets', community: 'communities', site: 'sites' },
  level: { street: 'street', community: 'community' },
  documentKinds: {
    standard: 'local policy document',
    report: 'progress report (its figures serve as benchmarks)',
    national_standard: 'national standard',
  },
  crs: { wgs84: 'WGS-84 (no conversion)', gcj02: 'GCJ-02', bd09: 'BD-09' },
  problems: { mclp: 'most elders covered', lscp: 'fewest sites covering all' },
  solverStatus: {
    optimal: 'optimal',
    time_limit: 'time limit reached',
    feasible: 'feasible',
    greedy: 'greedy approximation',
    infeasible: 'infeasible',
  },
  sheets: {
    summary: 'Summary',
    summaryHeader: ['Measure', 'Baseline', 'Proposal'],
    residents: 'Residents',
    elders60: 'Residents aged 60+',
    facilityCount: 'Facilities',
    floorArea: 'Floor area (m²)',
    m2PerResident: 'Floor area per resident (m²)',
    thresholds: 'Thresholds',
    thresholdsHeader: [
      'Threshold (min)',
      'Elders covered (baseline)',
      'Share (baseline)',
      'Elders covered (proposal)',
      'Share (proposal)',
      'Change',
    ],
    units: 'Units',
    unitId: 'Unit id',
    unitName: 'Unit',
    level: 'Level',
    parent: 'Street',
    coverageAt: (m: number) => `Within ${m} min`,
    scenarioCoverageAt: (m: number) => `Within ${m} min (proposal)`,
    radius300: 'Within 300 m (network)',
    failed: 'Checks not met',
    sites: 'Sites',
    siteId: 'Site id',
    siteName: 'Site',
    siteType: 'Type',
    siteState: 'Change',
    location: 'Location',
    beds: 'Beds',
    floor: 'Floor',
    findings: 'Findings',
    findingsHeader: [
      'Clause',
      'Scope',
      'Where',
      'Baseline',
      'Proposal',
      'Binding',
      'Reading',
      'Value',
      'Required',
      'Unit',
      'Shortfall',
      'Shortfall unit',
      'Document',
      'Location in text',
      'Text',
      'Why not evaluable',
    ],
    binding: 'binding',
    benchmark: 'benchmark',
    interpretation: 'interpreted',
    text: 'literal',
    proposed: 'Proposed sites',
    unit: 'Unit',
    servedAt: (m: number) => `Elders newly within ${m} min`,
    lon: 'Longitude',
    lat: 'Latitude',
  },
  unitLabel: (unit: string): string => {
    const per = /^m2\/(\d+) residents$/.exec(unit);
    if (per !== null) return `m² per ${per[1]} residents`;
    return UNIT_LABELS[unit] ?? '';
  },
  units: {
    share: '',
    m2: 'm²',
    m2PerResident: 'm²/resident',
    m2PerResidents: (n: number) => `m²/${n} residents`,
    m2Per100Households: 'm²/100 households',
    elders60: 'elders',
    elders65: 'people aged 65+',
    elders80: 'people aged 80+',
    residents: 'residents',
    sites: 'sites',
    units: 'units',
    floor: 'floor',
    people: 'people',
    mps: 'm/s',
  },
  method: {
    populationModel: (method: string): string =>
      method === 'dasymetric-floor-area'
        ? 'residential floor area from building outlines and storeys, census floor area per person and age structure, allocated to cells (modelled, not census counts)'
        : method === 'user-supplied'
          ? 'population per cell supplied by the user'
          : 'no population model',
  },
  facilityTypes: {
    street_center: 'street elder-care centre',
    community_station: 'community elder-care station',
    day_care: 'day-care centre',
    embedded_institution: 'embedded care home',
    neighbourhood_point: 'neighbourhood care point',
    care_post: 'care post',
    meal_point: 'meal point',
  },
  travel: {
    'walk-elderly': 'elderly walking',
    walk: 'walking',
    ebike: 'e-bike',
    drive: 'driving',
  },
  siteStates: {
    existing: 'kept',
    new: 'new',
    moved: 'moved',
    resized: 'resized',
    closed: 'closed',
    proposed: 'recommended',
  },
};
