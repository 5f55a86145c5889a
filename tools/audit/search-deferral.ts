import type { Page } from 'playwright-core';
import { HEADER_SEARCH_BOX, SEARCH_BOX } from '../../src/lib/search-contract.ts';
import type { Transfer } from './traffic.ts';

/** Files that belong to search: our search script, Pagefind, and the name matcher's shards. */
export const SEARCH_CODE = /\/search-ui[.-][^/]*\.js$|\/pagefind\/|\/search\/names\//;

/** Time to let requests chained to the first search file (module imports) start and finish. */
const SETTLE_MS = 300;

/** The addresses among `transfers` that are search code. */
export function searchCodeIn(transfers: Transfer[]): string[] {
	return transfers
		.map((transfer) => transfer.url)
		.filter((url) => SEARCH_CODE.test(new URL(url).pathname));
}

/**
 * Focuses the page's first search box, as a reader about to search would: the header's, or on the
 * search page, which has no box in its header, the page's own. Waits until the search code it loads
 * has attached itself to the box (it marks the form); gives up after `timeoutMs`. Waiting on the
 * page rather than on one request keeps a slow, loaded machine from cutting it short.
 */
export async function focusFirstSearchBox(page: Page, timeoutMs = 30_000): Promise<void> {
	const box = (await page.$(HEADER_SEARCH_BOX)) ? HEADER_SEARCH_BOX : SEARCH_BOX;
	await page.focus(box);
	const attached = await page
		.waitForSelector('form[data-attached="true"]', { state: 'attached', timeout: timeoutMs })
		.catch(() => undefined);
	if (attached) await page.waitForTimeout(SETTLE_MS);
}
