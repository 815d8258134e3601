import type { StandardsProfile } from '../../../analysis/standards/types.ts';

/** A path into a profile, e.g. ['rules', 3, 'minutes']. */
export type FieldPath = (string | number)[];

export interface EditableField {
  path: FieldPath;
  /** The field's key (last path element), used to pick its label. */
  key: string;
  /** A list of numbers written "5, 10, 15" (thresholds). */
  list: boolean;
  /** Free text kept as typed (a citation's quote); other fields are read as numbers. */
  text?: boolean;
  /** The rule it belongs to; undefined for settings and targets. */
  ruleId?: string;
}

/** Numeric fields a planner may change per rule kind (ids, citations and kinds stay as issued). */
const RULE_FIELDS: Record<string, string[]> = {
  coverage_share: ['minutes', 'targetShare'],
  radius_coverage: ['radiusM', 'targetShare'],
  area_per_resident: ['requiredM2', 'perResidents'],
  area_per_households: ['requiredM2Per100Households'],
  count_per_unit: ['minCount', 'minFloorAreaM2'],
  unit_share: ['minCount', 'targetShare'],
  attribute_share: ['targetShare'],
  hotspot_coverage: ['minutes', 'topCellShare', 'targetShare'],
  site_area: ['minM2', 'maxM2'],
  site_floor_level: ['maxFloorWithoutLift'],
};

export const pathKey = (path: FieldPath): string => path.join('.');

/** Every editable field of a profile: settings first, then rules in order, then targets. */
export function editableFields(profile: StandardsProfile): EditableField[] {
  const fields: EditableField[] = [
    { path: ['settings', 'walkingSpeedMps'], key: 'walkingSpeedMps', list: false },
    { path: ['settings', 'thresholdsMinutes'], key: 'thresholdsMinutes', list: true },
    { path: ['settings', 'householdSize'], key: 'householdSize', list: false },
    { path: ['settings', 'clusterMinutes'], key: 'clusterMinutes', list: false },
  ];
  profile.rules.forEach((rule, i) => {
    const record = rule as unknown as Record<string, unknown>;
    for (const key of RULE_FIELDS[rule.kind] ?? []) {
      if (key === 'maxM2' && record.maxM2 === undefined) continue;
      fields.push({ path: ['rules', i, key], key, list: false, ruleId: rule.id });
    }
  });
  (profile.targets ?? []).forEach((target, i) => {
    if (target.count !== undefined)
      fields.push({ path: ['targets', i, 'count'], key: 'count', list: false });
    if (target.shareUpgraded !== undefined)
      fields.push({ path: ['targets', i, 'shareUpgraded'], key: 'shareUpgraded', list: false });
  });
  return fields;
}

/**
 * The quote of every rule, editable so that a planner can correct a citation; the editor warns
 * (staleQuotes) when an edited quote is no longer found in its document's text.
 */
export function quoteFields(profile: StandardsProfile): EditableField[] {
  return profile.rules.map((rule, i) => ({
    path: ['rules', i, 'citation', 'quote'],
    key: 'quote',
    list: false,
    text: true,
    ruleId: rule.id,
  }));
}

/** A copy of the profile with the quote edits applied, for the stale-quote warning. */
export function withQuoteEdits(
  profile: StandardsProfile,
  fields: readonly EditableField[],
  edits: Readonly<Record<string, string>>,
): StandardsProfile {
  const rules = profile.rules.map((rule, i) => {
    const field = fields.find((f) => f.text === true && f.path[1] === i);
    const quote = field === undefined ? undefined : edits[pathKey(field.path)];
    return quote === undefined ? rule : { ...rule, citation: { ...rule.citation, quote } };
  });
  return { ...profile, rules };
}

function getAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** The text a form shows for a field. */
export function fieldText(profile: StandardsProfile, field: EditableField): string {
  const value = getAt(profile, field.path);
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Form text → JSON value. Anything that is not a plain number stays text, so that
 * validateProfile names the field ("must be a number …") instead of the form guessing.
 */
export function parseFieldText(text: string, list: boolean): unknown {
  const one = (s: string): unknown => {
    const trimmed = s.trim();
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  };
  if (!list) return one(text);
  return text
    .split(/[,，、\s]+/)
    .filter((s) => s !== '')
    .map(one);
}

/**
 * A copy of `profile` with the edited fields set (edits keyed by pathKey), a new id and name.
 * The result is unchecked data: pass it to validateProfile before use.
 */
export function applyEdits(
  profile: StandardsProfile,
  fields: readonly EditableField[],
  edits: Readonly<Record<string, string>>,
  copySuffix: { id: string; zh: string; en: string },
): unknown {
  const copy = structuredClone(profile) as unknown as Record<string, unknown>;
  for (const field of fields) {
    const text = edits[pathKey(field.path)];
    if (text === undefined) continue;
    const parent = getAt(copy, field.path.slice(0, -1)) as Record<string | number, unknown>;
    parent[field.path[field.path.length - 1]] =
      field.text === true ? text : parseFieldText(text, field.list);
  }
  if (!profile.id.endsWith(copySuffix.id)) {
    copy.id = `${profile.id}${copySuffix.id}`;
    copy.name = {
      zh: `${profile.name.zh}${copySuffix.zh}`,
      en: `${profile.name.en}${copySuffix.en}`,
    };
  }
  return copy;
}
