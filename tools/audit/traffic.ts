import type { Page, Request } from 'playwright-core';

/** One response a page received. */
export interface Transfer {
	url: string;
	/** Playwright's resource type: document, stylesheet, script, fetch, image… */
	type: string;
	/** Headers and the body uncompressed. */
	bytes: number;
	/** Headers and the body as they crossed the wire: text gzipped, as static hosts send it. */
	gzipBytes: number;
}

export interface TrafficTotals {
	requests: number;
	bytes: number;
	gzipBytes: number;
	jsBytes: number;
	jsGzipBytes: number;
}

/** Records every response a page receives. */
export function recordTraffic(page: Page) {
	const pending: Promise<Transfer>[] = [];
	page.on('requestfinished', (request) => pending.push(measure(request)));
	return {
		/** The responses finished since the last call. */
		take: () => Promise.all(pending.splice(0)),
	};
}

/** Adds up a list of responses; JavaScript counts scripts and module imports. */
export function totalTraffic(transfers: Transfer[]): TrafficTotals {
	const scripts = transfers.filter(isJavaScript);
	const sum = (list: Transfer[], key: 'bytes' | 'gzipBytes') =>
		list.reduce((total, transfer) => total + transfer[key], 0);
	return {
		requests: transfers.length,
		bytes: sum(transfers, 'bytes'),
		gzipBytes: sum(transfers, 'gzipBytes'),
		jsBytes: sum(scripts, 'bytes'),
		jsGzipBytes: sum(scripts, 'gzipBytes'),
	};
}

function isJavaScript(transfer: Transfer) {
	return transfer.type === 'script' || /\.m?js(\?|$)/.test(new URL(transfer.url).pathname);
}

async function measure(request: Request): Promise<Transfer> {
	const response = await request.response();
	const sizes = await request.sizes();
	const body = await response?.body().catch(() => undefined);
	// A worker's own script reports no sizes; its body still tells.
	const sentBytes = sizes.responseBodySize || body?.length || 0;
	return {
		url: request.url(),
		type: request.resourceType(),
		bytes: sizes.responseHeadersSize + (body?.length ?? sentBytes),
		gzipBytes: sizes.responseHeadersSize + sentBytes,
	};
}
