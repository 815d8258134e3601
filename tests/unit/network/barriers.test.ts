import { describe, expect, it } from 'vitest';
import { barrierStops } from '../../../analysis/graph/access.ts';
import { decodeGraph, encodeGraph } from '../../../analysis/graph/binary.ts';
import { buildGraph } from '../../../analysis/graph/build.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';
import { ShortestPathSearch } from '../../../analysis/routing/dijkstra.ts';
import { buildOverlay } from '../../../analysis/routing/edits/overlay.ts';
import { type NetworkEdit, resolveNetworkEdits } from '../../../analysis/routing/edits/resolve.ts';

/**
 * A street 1—2—3—4—5 (residential): node 2 a compound gate with access=private, node 4 a
 * bollard, node 3 a gate open to all (no access tag).
 */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  <node id="1" lat="32.04" lon="118.7801"/>
  <node id="2" lat="32.04" lon="118.7802"><tag k="barrier" v="gate"/><tag k="access" v="private"/></node>
  <node id="3" lat="32.04" lon="118.7803"><tag k="barrier" v="gate"/></node>
  <node id="4" lat="32.04" lon="118.7804"><tag k="barrier" v="bollard"/></node>
  <node id="5" lat="32.04" lon="118.7805"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="5"/><tag k="highway" v="residential"/></way>
</osm>`;

const osm = () => readOsm(new TextEncoder().encode(XML), 'barriers.osm');
const stopped = (g: RoadGraph) =>
  [1, 2, 3, 4, 5].filter((id) => g.barrier?.[g.nodeOsmId.indexOf(id)] === 1);

function reachable(g: RoadGraph, honour: boolean): number[] {
  const edit: NetworkEdit = {
    kind: 'set-barrier',
    networks: [g.network],
    barriers: honour ? 'honour' : 'ignore',
    privateAccess: 'honour',
  };
  const { spec, notes } = resolveNetworkEdits(g, [{ index: 0, modification: edit }]);
  expect(notes).toEqual([]);
  const search = new ShortestPathSearch(g);
  search.setOverlay(buildOverlay(g, spec));
  search.seed(g.nodeOsmId.indexOf(5), 0, 0);
  search.run(Number.POSITIVE_INFINITY, 'heap');
  return [1, 2, 3, 4, 5].filter((id) => Number.isFinite(search.dist[g.nodeOsmId.indexOf(id)]));
}

describe('node barriers', () => {
  it('an access tag on the node decides; otherwise the barrier type', () => {
    const rule = (tags: Record<string, string>, network: NetworkProfile) =>
      barrierStops(tags, network);
    expect(rule({ barrier: 'gate', access: 'private' }, 'walk')).toBe(true);
    expect(rule({ barrier: 'gate', access: 'private', foot: 'yes' }, 'walk')).toBe(false);
    expect(rule({ barrier: 'gate' }, 'drive')).toBe(false);
    expect(rule({ barrier: 'bollard' }, 'walk')).toBe(false);
    expect(rule({ barrier: 'bollard' }, 'drive')).toBe(true);
    expect(rule({ barrier: 'turnstile' }, 'ebike')).toBe(true);
    expect(rule({ barrier: 'city_wall' }, 'walk')).toBe(true);
    expect(rule({ amenity: 'bench' }, 'walk')).toBe(false);
  });

  it('the graphs record which nodes stop them, through the binary file too', () => {
    const walk = buildGraph(osm(), 'walk');
    const drive = buildGraph(osm(), 'drive');
    expect(stopped(walk)).toEqual([2]);
    expect(stopped(drive)).toEqual([2, 4]);
    expect(Array.from(decodeGraph(encodeGraph(drive)).barrier ?? [])).toEqual(
      Array.from(drive.barrier ?? []),
    );
  });

  it('set-barrier honour closes the segments at stopping nodes; ignore routes through', () => {
    const walk = buildGraph(osm(), 'walk');
    const drive = buildGraph(osm(), 'drive');
    expect(reachable(walk, false)).toEqual([1, 2, 3, 4, 5]);
    expect(reachable(walk, true)).toEqual([3, 4, 5]);
    expect(reachable(drive, true)).toEqual([5]);
  });

  it('a graph without a barrier record has nothing to honour; private ways cannot be opened', () => {
    const { barrier: _dropped, ...none } = buildGraph(osm(), 'walk');
    const edit: NetworkEdit = {
      kind: 'set-barrier',
      networks: ['walk'],
      barriers: 'honour',
      privateAccess: 'ignore',
    };
    const { spec, notes } = resolveNetworkEdits(none, [{ index: 2, modification: edit }]);
    expect(spec.closedEdges).toEqual([]);
    expect(notes.map((n) => `${n.code} ${n.path}`)).toEqual([
      'W_BARRIERS_NOT_IN_GRAPH modifications[2].privateAccess',
    ]);
    // A barrier record of zeros is not written: the file equals one without the record.
    const open = buildGraph(
      readOsm(new TextEncoder().encode(XML.replace(/barrier/g, 'note')), 'x'),
      'walk',
    );
    expect(open.barrier?.every((b) => b === 0)).toBe(true);
    const { barrier: _zeros, ...bare } = open;
    expect(encodeGraph(open)).toEqual(encodeGraph(bare));
  });
});
