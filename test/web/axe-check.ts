/**
 * axe-core in the page under test (the browser tests of the workbench views). The page's context
 * must be made with `bypassCSP: true`: axe is injected as a script tag, and the dashboard's CSP
 * allows only its own scripts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's serious and critical violations on the page as it is now, or in one part of it (rule id: the elements). */
export async function axeViolations(page: Page, scope?: string): Promise<Record<string, string[]>> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: Element | Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(sel ? document.querySelector(sel)! : document, { resultTypes: ['violations'] });
  }, scope);
  return Object.fromEntries(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => [v.id, v.nodes.map((n) => n.target.join(' '))]));
}

