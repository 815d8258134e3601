import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { haversineM } from '../../../analysis/geo.ts';
import { type NetworkEdit, resolveNetworkEdits } from '../../../analysis/routing/edits/resolve.ts';
import { edgeTopology } from '../../../analysis/routing/topology.ts';
import { handCells, handCity } from './hand-city.ts';

/**
 * A "T": 0 —1— 2 — 3 with a branch 1 — 4 (node 1 is the only junction), costs 100 each.
 */
function tee() {
  return handCity(
    handCells(5),
    [
      [0, 1, 100],
      [1, 2, 100],
      [2, 3, 100],
      [1, 4, 100],
    ],
    [1, 1, 1, 1, 1],
  );
}

const one = (modification: NetworkEdit) => [{ index: 0, modification }];
const ends = (city: ReturnType<typeof tee>, edges: number[]) => {
  const { source } = edgeTopology(city.graph);
  return edges.map((e) => [source[e], city.graph.targets[e]].sort().join('-')).sort();
};
const mid = (a: [number, number], b: [number, number], t: number): [number, number] => [
  a[0] + t * (b[0] - a[0]),
  a[1] + t * (b[1] - a[1]),
];

describe('resolving network edits onto a graph', () => {
  it('an add-link between two nodes lands on them, length from the geometry × detour', () => {
    const city = tee();
    const { spec } = resolveNetworkEdits(
      city.graph,
      one({
        kind: 'add-link',
        id: 'G',
        linkType: 'gate',
        from: city.at(0),
        to: city.at(3),
        networks: ['walk'],
        detourFactor: 1.5,
      }),
    );
    const straight = haversineM(...city.at(0), ...city.at(3));
    expect(spec.links).toEqual([
      {
        id: 'G',
        from: { node: 0 },
        to: { node: 3 },
        lengthM: straight * 1.5,
        costS: straight * 1.5,
        steps: false,
      },
    ]);
  });

  it('an end inside a segment becomes a position on it; a footbridge counts as steps on foot', () => {
    const city = tee();
    const { spec } = resolveNetworkEdits(
      city.graph,
      one({
        kind: 'add-link',
        id: 'B',
        linkType: 'footbridge',
        from: city.at(4),
        to: mid(city.at(2), city.at(3), 0.25),
        networks: ['walk'],
      }),
    );
    const [link] = spec.links;
    expect(link.from).toEqual({ node: 4 });
    expect('edge' in link.to).toBe(true);
    if (!('edge' in link.to)) return;
    expect(ends(city, [link.to.edge])).toEqual(['2-3']);
    const { source } = edgeTopology(city.graph);
    const t = source[link.to.edge] === 2 ? 0.25 : 0.75;
    expect(link.to.t).toBeCloseTo(t, 6);
    expect(link.steps).toBe(true);
    expect(link.costS).toBeCloseTo(2 * link.lengthM, 9);
  });

  it('edits for other networks are skipped; an end far from every road is refused', () => {
    const city = tee();
    const drive: NetworkEdit = {
      kind: 'add-link',
      id: 'D',
      linkType: 'gate',
      from: city.at(0),
      to: city.at(3),
      networks: ['drive'],
    };
    expect(resolveNetworkEdits(city.graph, one(drive)).spec.links).toEqual([]);
    const far: NetworkEdit = { ...drive, networks: ['walk'], to: [118.9, 32.1] };
    expect(() => resolveNetworkEdits(city.graph, one(far))).toThrow(InputError);
    const error = (() => {
      try {
        resolveNetworkEdits(city.graph, [{ index: 4, modification: far }]);
      } catch (thrown) {
        return thrown as InputError;
      }
    })();
    expect(error?.code).toBe('E_LINK_OFF_NETWORK');
    expect(error?.location.column).toBe('modifications[4].to');
  });

  it('close-link at a point closes the stretch between the junctions around it', () => {
    const city = tee();
    const close = (at: [number, number]) =>
      ends(
        city,
        resolveNetworkEdits(
          city.graph,
          one({ kind: 'close-link', id: 'C', networks: ['walk'], at }),
        ).spec.closedEdges,
      );
    // 2—3 lies on the stretch junction 1 … dead end 3.
    expect(close(mid(city.at(2), city.at(3), 0.5))).toEqual(['1-2', '2-3']);
    expect(close(mid(city.at(1), city.at(4), 0.5))).toEqual(['1-4']);
  });

  it('close-link from/to closes the stretch between two nodes unless it passes a junction', () => {
    const city = tee();
    const close = (a: number, b: number) =>
      ends(
        city,
        resolveNetworkEdits(
          city.graph,
          one({
            kind: 'close-link',
            id: 'C',
            networks: ['walk'],
            from: city.at(a),
            to: city.at(b),
          }),
        ).spec.closedEdges,
      );
    expect(close(1, 3)).toEqual(['1-2', '2-3']);
    expect(close(3, 2)).toEqual(['2-3']);
    expect(close(4, 1)).toEqual(['1-4']);
    expect(() => close(0, 2)).toThrow(/junction/);
  });

  it('set-barrier: the graph behaviour is accepted, anything needing barrier data is a note', () => {
    const city = tee();
    const asBuilt = resolveNetworkEdits(
      city.graph,
      one({ kind: 'set-barrier', networks: ['walk'], barriers: 'ignore', privateAccess: 'honour' }),
    );
    expect(asBuilt.notes).toEqual([]);
    const other = resolveNetworkEdits(
      city.graph,
      one({ kind: 'set-barrier', networks: ['walk'], barriers: 'honour', privateAccess: 'ignore' }),
    );
    // No barrier record in a hand-made graph: nothing stops, so honouring closes nothing.
    expect(other.notes.map((n) => `${n.code} ${n.path}`)).toEqual([
      'W_BARRIERS_NOT_IN_GRAPH modifications[0].privateAccess',
    ]);
    expect(other.spec).toEqual({ links: [], closedEdges: [] });
  });
});
