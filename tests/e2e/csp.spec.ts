import { expect, type Page, test } from '@playwright/test';

// The built app under its Content-Security-Policy (web/index.html): an injected inline script and
// an inline event handler are refused, and the demo city still loads and is analysed with no
// other violation.

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);

test('Content-Security-Policy: injected script refused, app works', async ({ page }) => {
  // Installed before any page script (by the browser tooling, not by the page, so the policy
  // does not apply to this hook itself).
  await page.addInitScript(() => {
    const log: { directive: string; blocked: string; sample: string }[] = [];
    (window as unknown as { __csp: typeof log }).__csp = log;
    document.addEventListener('securitypolicyviolation', (e) =>
      log.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/');

  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  // The default profile runs on its own once the networks are loaded.
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
        undefined || document.querySelector('.status-error') !== null,
    undefined,
    { timeout: 110_000 },
  );
  await expect(page.locator('.status-error')).toHaveCount(0);
  await page.getByTestId('run-analysis').click();
  await page.waitForFunction(
    () =>
      ((window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
        ?.analysis?.runs ?? 0) >= 2,
    undefined,
    { timeout: 60_000 },
  );
  expect(await violations(page)).toEqual([]);

  // Imported text that ever reached innerHTML could carry these; neither may run.
  const ran = await page.evaluate(() => {
    const flags = window as unknown as { __injected?: boolean; __handler?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:image/gif;base64,AAAA" onerror="window.__handler = true">';
    document.body.append(holder);
    return flags.__injected === true;
  });
  expect(ran).toBe(false);
  await page.waitForFunction(
    () => (window as unknown as { __csp: unknown[] }).__csp.length >= 2,
    undefined,
    { timeout: 10_000 },
  );
  const refused = await violations(page);
  expect(refused.map((v) => v.directive).sort()).toEqual(['script-src-attr', 'script-src-elem']);
  expect(await page.evaluate(() => (window as unknown as { __handler?: boolean }).__handler)).toBe(
    undefined,
  );
  expect(pageErrors).toEqual([]);
});
