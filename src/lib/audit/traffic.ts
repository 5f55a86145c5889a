import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';

/** One response a page received. */
export interface Transfer {
	url: string;
	/** Playwright's resource type: document, stylesheet, script, fetch, image… */
	type: string;
	/** Headers and body as the local server sent them, uncompressed. */
	bytes: number;
	/** The same with the body gzipped, as any real static host sends text. */
	gzipBytes: number;
}

export interface TrafficTotals {
	requests: number;
	bytes: number;
	gzipBytes: number;
	jsBytes: number;
	jsGzipBytes: number;
}

/** Text a static host compresses on the way out; Pagefind's own index files come compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg)/;

/**
 * Records every response a page receives. The test server sends files uncompressed, so each body
 * is also gzipped here to tell what a reader would download from the deployed site.
 */
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
	// A worker's own script reports no sizes; its body still tells.
	const body = await response?.body().catch(() => undefined);
	const bodyBytes = sizes.responseBodySize || body?.length || 0;
	const compressible = body && COMPRESSIBLE.test(response?.headers()['content-type'] ?? '');
	const gzipBody = compressible ? Math.min(bodyBytes, gzipSync(body).length) : bodyBytes;
	return {
		url: request.url(),
		type: request.resourceType(),
		bytes: sizes.responseHeadersSize + bodyBytes,
		gzipBytes: sizes.responseHeadersSize + gzipBody,
	};
}
