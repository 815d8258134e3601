/** OSM content as parsed from .osm (XML) or .osm.pbf; only what CareCircle uses. */
export type OsmTags = Record<string, string>;

export interface OsmWay {
  id: number;
  /** Node ids in order. */
  refs: number[];
  tags: OsmTags;
}

export interface OsmRelationMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface OsmRelation {
  id: number;
  members: OsmRelationMember[];
  tags: OsmTags;
}

export interface OsmData {
  /** Node coordinates by id (WGS-84). */
  nodes: Map<number, { lon: number; lat: number }>;
  /** Tags of nodes that have any (POIs, barriers, crossings). */
  nodeTags: Map<number, OsmTags>;
  ways: OsmWay[];
  relations: OsmRelation[];
  /** The extract's timestamp (osm_base / replication timestamp) when the file states one. */
  timestamp?: string;
}
