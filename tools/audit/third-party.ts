import type { Page } from 'playwright-core';

/** The only host the site may talk to in the audit: the local server it is served from. */
export const LOCAL_HOST = '127.0.0.1';

/** Collects, as they happen, the requests a page makes to any other host, blocked or not. */
export function recordThirdPartyRequests(page: Page, host = LOCAL_HOST): string[] {
	const requests: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== host) requests.push(url.href);
	});
	return requests;
}
