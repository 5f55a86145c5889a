import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeViolation {
	rule: string;
	impact: string;
	help: string;
	/** CSS selectors of the offending elements. */
	targets: string[];
}

/**
 * Runs axe-core's default rules on the page as it stands. The script goes in through the DevTools
 * protocol, which the page's CSP does not govern, so the page needs no exception for it.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
	await page.evaluate(axe.source);
	const results = await page.evaluate(() =>
		(globalThis as unknown as { axe: typeof axe }).axe.run(document, {
			resultTypes: ['violations'],
		}),
	);
	return results.violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact ?? 'unknown',
		help: violation.help,
		targets: violation.nodes.map((node) => node.target.join(' ')),
	}));
}
