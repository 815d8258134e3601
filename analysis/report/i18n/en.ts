import { enAnnex } from './en-annex.ts';
import { fig, plural, see, sep, UNIT_LABELS } from './en-format.ts';
import { enProposal } from './en-proposal.ts';
import type { Catalogue } from './zh.ts';

/** English report strings: the same keys and arguments as zh.ts. */
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
  ...enProposal,
  ...enAnnex,
};
