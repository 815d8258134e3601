import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../../errors.ts';
import { setNode } from './set-node.ts';
import type { OsmData, OsmRelationMember, OsmTags } from './types.ts';

/**
 * OSM XML reader (.osm, Overpass `out` XML, JOSM files) on the `saxes` streaming parser, which
 * checks well-formedness and decodes entities. The bytes are decoded and fed in chunks so that a
 * large extract never exists twice in memory as one string.
 */
const CHUNK_BYTES = 1 << 20;
const MEMBER_TYPES = new Set<OsmRelationMember['type']>(['node', 'way', 'relation']);

type Element =
  | { kind: 'node'; id: number; lon: number; lat: number; tags: OsmTags }
  | { kind: 'way'; id: number; refs: number[]; tags: OsmTags }
  | { kind: 'relation'; id: number; members: OsmRelationMember[]; tags: OsmTags };

export function parseXml(bytes: Uint8Array, file: string): OsmData {
  const osm: OsmData = { nodes: new Map(), nodeTags: new Map(), ways: [], relations: [] };
  const parser = new SaxesParser<{ xmlns: false; fileName: string }>({
    xmlns: false,
    fileName: file,
  });
  let sawRoot = false;
  let current: Element | undefined;

  const fail = (message: string): never => {
    throw new InputError('E_BAD_OSM', message, {
      file,
      row: parser.line,
      column: String(parser.column + 1),
    });
  };
  const number = (tag: SaxesTagPlain, name: string): number => {
    const text = tag.attributes[name];
    const value = text === undefined ? Number.NaN : Number(text);
    if (!Number.isFinite(value) || text === '') {
      return fail(`<${tag.name}> has a missing or non-numeric ${name}="${text ?? ''}"`);
    }
    return value;
  };

  parser.on('error', (error) => fail(`malformed OSM XML: ${stripPosition(error.message)}`));
  parser.on('opentag', (tag) => {
    if (!sawRoot) {
      sawRoot = true;
      if (tag.name !== 'osm') {
        throw new InputError(
          'E_NOT_OSM',
          `not an OSM file: XML root element is <${tag.name}>, expected <osm>`,
          { file },
        );
      }
      return;
    }
    switch (tag.name) {
      case 'node': {
        // Deleted objects in JOSM/history files have no coordinates and visible="false".
        if (tag.attributes.visible === 'false' || tag.attributes.lat === undefined) {
          current = undefined;
          return;
        }
        const lat = number(tag, 'lat');
        const lon = number(tag, 'lon');
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
          fail(`node ${tag.attributes.id} has coordinates out of range (${lat}, ${lon})`);
        }
        current = { kind: 'node', id: number(tag, 'id'), lat, lon, tags: {} };
        return;
      }
      case 'way':
        current =
          tag.attributes.visible === 'false'
            ? undefined
            : { kind: 'way', id: number(tag, 'id'), refs: [], tags: {} };
        return;
      case 'relation':
        current =
          tag.attributes.visible === 'false'
            ? undefined
            : { kind: 'relation', id: number(tag, 'id'), members: [], tags: {} };
        return;
      case 'tag':
        if (current) current.tags[tag.attributes.k ?? ''] = tag.attributes.v ?? '';
        return;
      case 'nd':
        if (current?.kind === 'way') current.refs.push(number(tag, 'ref'));
        return;
      case 'member': {
        if (current?.kind !== 'relation') return;
        const type = tag.attributes.type as OsmRelationMember['type'];
        if (!MEMBER_TYPES.has(type)) fail(`relation member has unknown type "${type}"`);
        current.members.push({ type, ref: number(tag, 'ref'), role: tag.attributes.role ?? '' });
        return;
      }
      case 'meta':
        // Overpass: <meta osm_base="2021-06-12T07:41:41Z"/>.
        if (tag.attributes.osm_base) osm.timestamp = tag.attributes.osm_base;
        return;
      default:
        return;
    }
  });
  parser.on('closetag', (tag) => {
    if (!current || tag.name !== current.kind) return;
    if (current.kind === 'node') {
      setNode(osm, current.id, current.lon, current.lat, () => ({
        file,
        row: parser.line,
        column: String(parser.column + 1),
      }));
      if (Object.keys(current.tags).length > 0) osm.nodeTags.set(current.id, current.tags);
    } else if (current.kind === 'way') {
      osm.ways.push({ id: current.id, refs: current.refs, tags: current.tags });
    } else {
      osm.relations.push({ id: current.id, members: current.members, tags: current.tags });
    }
    current = undefined;
  });

  const decoder = declaredDecoder(bytes, file);
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const chunk = bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.length));
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: at + CHUNK_BYTES < bytes.length });
    } catch {
      throw new InputError(
        'E_ENCODING',
        `the text is not valid ${decoder.encoding} (near byte ${at}); declare its encoding in <?xml … encoding="…"?>; 文件编码错误`,
        { file },
      );
    }
    parser.write(text);
  }
  parser.close();
  if (!sawRoot) throw new InputError('E_NOT_OSM', 'not an OSM file: no <osm> element', { file });
  return osm;
}

/**
 * The decoder the XML declaration asks for (UTF-8 when it names none), strict: a byte that is not
 * valid in it is an error, never a silent U+FFFD in a street or facility name.
 */
function declaredDecoder(bytes: Uint8Array, file: string): TextDecoder {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const label =
    /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
      head,
    )?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8', { fatal: true });
  } catch {
    throw new InputError('E_ENCODING', `unsupported XML encoding "${label}"; 不支持的编码`, {
      file,
    });
  }
}

/** saxes prefixes "file:line:column: "; the InputError location already says where. */
function stripPosition(message: string): string {
  return message.replace(/^.*?:\d+:\d+: /, '');
}
