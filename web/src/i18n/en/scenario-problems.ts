import type { scenarioProblemsZh } from '../zh-CN/scenario-problems.ts';

/** Why a scenario file or a saved scenario cannot be evaluated, per problem code (English). */
export const scenarioProblemsEn: Record<keyof typeof scenarioProblemsZh, string> = {
  'scenario.problem.title': 'Scenario file not imported:',
  'scenario.problem.E_BAD_JSON': 'the file cannot be read as a scenario file',
  'scenario.problem.E_SCENARIO_FORMAT': 'not a scenario file written by this tool',
  'scenario.problem.E_SCENARIO_VERSION': 'the scenario file’s version is not supported',
  'scenario.problem.E_SCENARIO_FIELD': 'a required entry is missing or malformed',
  'scenario.problem.E_OTHER_CITY': 'the scenario was made for another city, not the open one',
  'scenario.problem.E_UNKNOWN_PROFILE': 'its standards profile is not one the tool knows',
  'scenario.problem.E_OUTSIDE_AREA': 'the position lies outside the open city',
  'scenario.problem.E_BAD_COORD': 'the coordinates are not valid',
  'scenario.problem.E_OUT_OF_RANGE': 'a value is out of its allowed range',
  'scenario.problem.E_NEGATIVE_VALUE': 'a value cannot be negative',
  'scenario.problem.E_UNKNOWN_FACILITY_TYPE': 'the facility type is not recognised',
  'scenario.problem.E_UNKNOWN_MODIFICATION': 'the kind of change is not recognised',
  'scenario.problem.E_UNKNOWN_SITE': 'its site is not in the register shown',
  'scenario.problem.E_DUPLICATE_SITE':
    'the new site’s id is taken by a facility of the register shown',
  'scenario.problem.E_BAD_NETWORK': 'a network name is unknown or repeated',
  'scenario.problem.E_DEGENERATE_LINK': 'the link’s two ends coincide',
  'scenario.problem.E_DUPLICATE_LINK': 'a link id is repeated',
  'scenario.problem.E_LINK_TOO_LONG': 'the link is too long',
  'scenario.problem.E_LINK_NETWORK': 'a footbridge cannot serve the drive network',
  'scenario.problem.E_UNKNOWN_LINK_KIND': 'the link type is not recognised',
  'scenario.problem.E_BAD_STATUS': 'the build status is not recognised',
};
