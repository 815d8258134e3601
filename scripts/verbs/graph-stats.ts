import { readFileSync } from 'node:fs';
import { InputError } from '../../analysis/errors.ts';
import { type BuildReport, buildGraph } from '../../analysis/graph/build.ts';
import { graphStats } from '../../analysis/graph/stats.ts';
import type { NetworkProfile } from '../../analysis/graph/types.ts';
import { readOsm } from '../../analysis/io/osm/read-osm.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const NETWORKS: NetworkProfile[] = ['walk', 'ebike', 'drive'];

export const verb: Verb = {
  summary: 'read an OSM extract, build the road graphs, print their figures',
  help: `Usage: npx carecircle graph-stats --osm <file.osm.pbf|file.osm> [--network walk,ebike,drive] [--json]

Reads an OSM extract (PBF or XML, recognised by content), builds the road graph of each network
with the rules of analysis/graph/README.md, and prints per network: nodes, edges, weakly connected
components, the largest component, road length, bounding box, and what was left out. Also prints
the time taken to parse and to build (one run; a quick figure, not a benchmark).

Options:
  --osm <file>       OSM extract (.osm.pbf, .osm, .osm.gz)
  --network <list>   comma-separated networks (default walk,ebike,drive)
  --json             print one JSON object instead of text`,

  async run(argv) {
    const options = parseOptions(argv, {
      osm: { type: 'string' },
      network: { type: 'string' },
      json: { type: 'boolean' },
    });
    const file = requireOption(options.osm, 'osm');
    const networks = (options.network ?? NETWORKS.join(',')).split(',').map((name) => {
      if (!(NETWORKS as string[]).includes(name)) {
        throw new InputError(
          'E_BAD_OPTION',
          `--network: unknown network "${name}" (walk, ebike, drive)`,
        );
      }
      return name as NetworkProfile;
    });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      throw new InputError('E_FILE', `cannot read: ${(error as Error).message}`, { file });
    }

    let started = performance.now();
    const osm = readOsm(bytes, file);
    const parseMs = performance.now() - started;
    const result = {
      file,
      parseMs: Math.round(parseMs),
      osm: {
        nodes: osm.nodes.size,
        ways: osm.ways.length,
        relations: osm.relations.length,
        timestamp: osm.timestamp ?? null,
      },
      graphs: networks.map((network) => {
        const report = {} as BuildReport;
        started = performance.now();
        const graph = buildGraph(osm, network, { report });
        const buildMs = Math.round(performance.now() - started);
        return { ...graphStats(graph), buildMs, ...report };
      }),
    };
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    console.log(`${file}: parsed in ${result.parseMs} ms`);
    console.log(
      `  OSM: ${result.osm.nodes} nodes, ${result.osm.ways} ways, ${result.osm.relations} relations, timestamp ${result.osm.timestamp ?? '(none)'}`,
    );
    for (const g of result.graphs) {
      console.log(
        `  ${g.network.padEnd(5)} ${g.nodes} nodes, ${g.edges} edges, ${g.components} components (largest ${g.largestComponentNodes} nodes), ${g.totalLengthKm.toFixed(1)} km, built in ${g.buildMs} ms; ${g.waysUsed} ways, ${g.segmentsMissingNode} segments with a missing node, ${g.duplicateEdgesMerged} duplicate edges merged`,
      );
    }
    return 0;
  },
};
