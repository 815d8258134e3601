import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { StandardsProfile } from '../../analysis/standards/types.ts';
import { chooseOption } from './antd.ts';

/**
 * Findings as the texts say, on the demo city with the default profile (huaihua-2020): each
 * finding shows its status (达标/未达标/无法评估 with the reason), its verbatim quote and locator,
 * 推定 with the reason, and benchmarks (标杆对照) apart from binding findings; the profile
 * editor shows quotes and warns when an edited one is no longer found in the text.
 */
const huaihua = JSON.parse(
  readFileSync(
    new URL('../../analysis/standards/profiles/huaihua-2020.json', import.meta.url),
    'utf8',
  ),
) as StandardsProfile;
const rule = (id: string) => {
  const found = huaihua.rules.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};

test.use({ viewport: { width: 1600, height: 960 } });
// A cold start (routing and duckdb-wasm on a shared machine) takes most of the default budget.
test.setTimeout(300_000);

async function openAnalysed(page: Page) {
  await page.goto('/');
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
        undefined || document.querySelector('.status-error') !== null,
    undefined,
    { timeout: 110_000 },
  );
  await expect(page.locator('.status-error')).toHaveCount(0);
}

/** The rows of one finding group for a rule (the city row first when it is listed). */
const rowsOf = (group: Locator, ruleId: string) => group.locator(`li[data-rule="${ruleId}"]`);

/** Narrows the findings to one rule, as a planner would (the list is paged). */
const onlyRule = (page: Page, ruleId: string) =>
  chooseOption(page, 'findings-rule-filter', rule(ruleId).title.zh);

test('findings show status with reason, quote and locator, 推定, and benchmarks apart', async ({
  page,
}, testInfo) => {
  await openAnalysed(page);
  const table = page.getByTestId('findings-table');
  const binding = page.getByTestId('findings-binding');
  const benchmark = page.getByTestId('findings-benchmark');
  await expect(binding).toContainText('约束性核查');
  await expect(benchmark).toContainText('标杆对照');

  // The register records no 医养结合 field: not evaluable, with the reason, never a pass.
  await onlyRule(page, 'hh-medical-integration');
  const medical = rowsOf(binding, 'hh-medical-integration').first();
  await expect(medical).toHaveAttribute('data-status', 'not_evaluable');
  await expect(medical).toContainText('无法评估');
  await expect(medical).toContainText('名册没有该字段');
  // Its quote verbatim, with the document and the locator.
  await expect(medical.locator('.finding-quote')).toHaveText(
    `“${rule('hh-medical-integration').citation.quote}”`,
  );
  await expect(medical.locator('.finding-locator')).toContainText('怀政办函〔2020〕25号');
  await expect(medical.locator('.finding-locator')).toContainText('三、主要目标');

  // The demo has no new residential area: the 0.1 m² per resident rule is a benchmark only.
  await page.getByTestId('findings-failed-only').uncheck();
  await onlyRule(page, 'hh-area-per-resident');
  await expect(rowsOf(benchmark, 'hh-area-per-resident').first()).toBeVisible();
  await expect(rowsOf(binding, 'hh-area-per-resident')).toHaveCount(0);

  // An interpretation carries 推定 and its reason.
  await onlyRule(page, 'hh-street-center');
  const street = rowsOf(binding, 'hh-street-center').first();
  await expect(street.locator('.finding-interpretation')).toHaveText('推定');
  const reason = rule('hh-street-center').citation.interpretationReason?.zh ?? '';
  expect(reason).not.toBe('');
  await expect(street.locator('.finding-interpretation-reason')).toHaveText(reason);
  // Status words only from the three statuses; a pass row shows 达标.
  await expect(table.locator('[data-status="pass"] .finding-status').first()).toHaveText('达标');
  // In Chinese no English reaches the user: notes, reasons and statuses read in Chinese.
  await onlyRule(page, 'hh-area-per-resident');
  await expect(rowsOf(benchmark, 'hh-area-per-resident').first()).toContainText('按用地面积计');
  for (const text of await table.allInnerTexts()) expect(text).not.toMatch(/[A-Za-z]{4,}/);
  await page.screenshot({ path: testInfo.outputPath('std-findings-zh.png') });

  // English: the same finding reads in English (title, status, reason).
  await onlyRule(page, 'hh-medical-integration');
  await page.getByTestId('language-switch').click();
  const medicalEn = rowsOf(page.getByTestId('findings-binding'), 'hh-medical-integration').first();
  await expect(medicalEn).toContainText(rule('hh-medical-integration').title.en);
  await expect(medicalEn).toContainText('Not evaluable');
  await expect(medicalEn).toContainText('the register does not record this field');
  await expect(page.getByTestId('findings-benchmark')).toContainText('Benchmarks');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('findings-binding')).toContainText('约束性核查');
});

test('standards view: statuses, 推定 and benchmarks; the editor warns on a stale quote', async ({
  page,
}, testInfo) => {
  await openAnalysed(page);
  await page.getByTestId('tab-standards').click();
  const view = page.getByTestId('standards-view');
  const medical = view.locator('li[data-rule="hh-medical-integration"]');
  await expect(medical.locator('.rule-badge')).toHaveText('无法评估');
  await expect(medical).toContainText('名册没有该字段');
  await expect(medical.locator('.rule-quote')).toHaveText(
    `“${rule('hh-medical-integration').citation.quote}”`,
  );
  await expect(view.locator('li[data-rule="hh-rural-30min"] .rule-benchmark')).toHaveText(
    '标杆对照',
  );
  await expect(view.locator('li[data-rule="hh-area-per-resident"] .rule-binds-on')).toContainText(
    '新建居住区',
  );
  await expect(view.locator('li[data-rule="hh-street-center"] .rule-interpretation')).toHaveText(
    '推定',
  );

  await page.getByTestId('edit-copy').click();
  const editor = page.getByTestId('profile-editor');
  const medicalIndex = huaihua.rules.findIndex((r) => r.id === 'hh-medical-integration');
  const quote = editor.locator(`[data-field="rules.${medicalIndex}.citation.quote"]`);
  await expect(quote).toHaveValue(rule('hh-medical-integration').citation.quote);
  await expect(page.getByTestId('stale-quotes')).toHaveCount(0);
  await quote.fill('社区养老服务机构90%实现医养结合');
  await expect(page.getByTestId('stale-quotes')).toContainText(
    rule('hh-medical-integration').title.zh,
  );
  await expect(editor.locator('fieldset[data-rule="hh-medical-integration"]')).toContainText(
    '引文已不在原文中',
  );
  await page.screenshot({ path: testInfo.outputPath('std-editor-stale.png') });
  await quote.fill(rule('hh-medical-integration').citation.quote);
  await expect(page.getByTestId('stale-quotes')).toHaveCount(0);
});
