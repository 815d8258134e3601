import { graphStats } from '../../analysis/graph/stats.ts';
import { travelProfile } from '../../analysis/routing/profiles.ts';
import { loadCityGraph } from '../routing/city-graph.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const help = `carecircle graph-info — statistics of a city's road graph for a travel profile

Usage:
  npx carecircle graph-info --city DIR --profile walk-elderly|wheelchair|walk|ebike|drive

Prints JSON: network, nodes, edges, connected components, largest component, bbox, road km.`;

export const verb: Verb = {
  summary: 'JSON statistics of a road graph (nodes, edges, components, bbox)',
  help,
  async run(argv) {
    const values = parseOptions(argv, {
      city: { type: 'string' },
      profile: { type: 'string', default: 'walk-elderly' },
    });
    const city = requireOption(values.city, 'city');
    const profile = travelProfile(values.profile ?? 'walk-elderly');
    const graph = loadCityGraph(city, profile.network);
    console.log(JSON.stringify({ profile: profile.name, ...graphStats(graph) }, null, 2));
    return 0;
  },
};
