import { sqlNumber, sqlStringList } from '../../db/sql-runner.ts';
import type { AttributeShareRule } from '../types.ts';
import { EPS, type RuleContext, registerEmptySql, statusSql } from './context.ts';
import { bindingOf } from './site-rules.ts';
import { facilityIn } from './unit-scope.ts';

const ATTRIBUTE_COLUMN: Record<AttributeShareRule['attribute'], string> = {
  socialOperation: 'social_operation',
  medicalIntegration: 'medical_integration',
};

/**
 * Share of the rule's facilities whose register field is true, per scope. Facilities without the
 * field bound the share: lower = true / all, upper = (true + unrecorded) / all. Pass when the
 * lower bound meets the target, fail when the upper bound misses it, else not evaluable; no
 * facility records the field at all → not evaluable.
 */
export function attributeShareSql(rule: AttributeShareRule, context: RuleContext): string {
  const col = `f.${ATTRIBUTE_COLUMN[rule.attribute]}`;
  const target = sqlNumber(rule.targetShare);
  const { area } = facilityIn(rule);
  const scopes = rule.scopes.filter((s) => s !== 'site');
  const agg = `SELECT fs.scope, fs.unit_id, ${bindingOf(rule)} AS bind,
      count(*)::DOUBLE AS n, count(*) FILTER (WHERE ${col})::DOUBLE AS yes,
      count(*) FILTER (WHERE ${col} IS NULL)::DOUBLE AS missing
    FROM facility_scope fs JOIN facilities f ON f.id = fs.facility_id
      JOIN facility_flags ff ON ff.facility_id = f.id
    WHERE f.type IN ${sqlStringList(rule.facilityTypes)} AND ${area}
    GROUP BY ALL`;
  // Per scope: the binding facilities when there are any, else all of them (benchmark).
  const chosen = `SELECT s.scope, s.unit_id, coalesce(bool_or(a.bind), false) AS binding,
      coalesce(sum(a.n) FILTER (WHERE a.bind OR NOT has_bind), 0) AS n,
      coalesce(sum(a.yes) FILTER (WHERE a.bind OR NOT has_bind), 0) AS yes,
      coalesce(sum(a.missing) FILTER (WHERE a.bind OR NOT has_bind), 0) AS missing
    FROM scopes s LEFT JOIN (SELECT *, bool_or(bind) OVER (PARTITION BY scope, unit_id) AS has_bind FROM agg) a
      ON a.scope = s.scope AND a.unit_id = s.unit_id
    WHERE s.scope IN ${sqlStringList(scopes)}
    GROUP BY s.scope, s.unit_id`;
  const reason = `CASE WHEN ${registerEmptySql(context.facts)} THEN 'no_register' WHEN n = 0 THEN 'no_sites'
      WHEN missing = n THEN 'no_attribute'
      WHEN yes + ${EPS} < ${target} * n AND yes + missing + ${EPS} >= ${target} * n THEN 'attribute_partial' END`;
  return `WITH agg AS (${agg}), chosen AS (${chosen})
    SELECT scope, unit_id, NULL::VARCHAR AS site_id,
      ${statusSql(reason, `yes + ${EPS} >= ${target} * n`)} AS status, ${reason} AS reason, binding,
      CASE WHEN n > 0 THEN yes / n END AS value, ${target} AS required,
      greatest(0::DOUBLE, ceil(${target} * n - ${EPS}) - yes) AS shortfall,
      CASE WHEN missing > 0 THEN 'attribute_missing_some' ELSE 'attribute_share' END AS note
    FROM chosen WHERE n > 0 OR scope = 'city'`;
}
