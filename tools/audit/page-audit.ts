import type { Browser } from 'playwright-core';
import { runAxe, type AxeViolation } from './axe.ts';
import { recordCspViolations } from './csp.ts';
import { focusFirstSearchBox, searchCodeIn } from './search-deferral.ts';
import { recordThirdPartyRequests } from './third-party.ts';
import { recordTraffic, totalTraffic, type TrafficTotals } from './traffic.ts';

export interface PageAudit {
	kind: string;
	url: string;
	/** Everything transferred from navigation until the network is idle, before any interaction. */
	beforeInteraction: TrafficTotals;
	/** Search code requested before the header's search box was focused, and right after. */
	searchCode: { beforeFocus: string[]; afterFocus: string[] };
	cspViolations: string[];
	thirdPartyRequests: string[];
	axe: AxeViolation[];
}

/**
 * Loads one page in a fresh browser context (empty cache), measures what it transfers, focuses its
 * first search box, then runs axe. CSP violations and third-party requests are watched
 * throughout, so the search code loaded on focus is held to the same rules as the page.
 */
export async function auditPage(browser: Browser, kind: string, url: string): Promise<PageAudit> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const traffic = recordTraffic(page);
		const cspViolations = recordCspViolations(page);
		const thirdPartyRequests = recordThirdPartyRequests(page);
		await page.goto(url, { waitUntil: 'networkidle' });
		const loaded = await traffic.take();
		await focusFirstSearchBox(page);
		const afterFocus = await traffic.take();
		const axe = await runAxe(page);
		return {
			kind,
			url,
			beforeInteraction: totalTraffic(loaded),
			searchCode: { beforeFocus: searchCodeIn(loaded), afterFocus: searchCodeIn(afterFocus) },
			cspViolations,
			thirdPartyRequests,
			axe,
		};
	} finally {
		await context.close();
	}
}
