import type { Browser } from 'playwright-core';
import { recordTraffic, totalTraffic, type TrafficTotals } from '../audit/traffic.ts';

export interface PageWeight extends TrafficTotals {
	kind: string;
	url: string;
	/** The HTML document alone, as served. */
	htmlBytes: number;
}

/** What one page transfers in a fresh browser context, from navigation until the network is idle. */
export async function measurePageWeight(
	browser: Browser,
	kind: string,
	url: string,
): Promise<PageWeight> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const traffic = recordTraffic(page);
		await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
		const transfers = await traffic.take();
		const htmlBytes = transfers.find((transfer) => transfer.type === 'document')?.bytes ?? 0;
		return { kind, url, htmlBytes, ...totalTraffic(transfers) };
	} finally {
		await context.close();
	}
}
