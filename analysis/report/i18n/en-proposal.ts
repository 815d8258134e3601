import { fig, plural } from './en-format.ts';
import type { zh } from './zh.ts';

/** English report strings: the proposal, its effect and its implementation (chapters 4–6). */
export const enProposal: Pick<typeof zh, 'proposal' | 'effect' | 'implementation'> = {
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
};
