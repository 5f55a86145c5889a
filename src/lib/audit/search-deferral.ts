import type { Page } from 'playwright-core';
import type { Transfer } from './traffic.ts';

/** Files that belong to search: our search script, Pagefind, and the name matcher's shards. */
export const SEARCH_CODE = /\/search-ui[.-][^/]*\.js$|\/pagefind\/|\/search\/names\//;

/** The header's search box, present on every page. */
export const HEADER_SEARCH_BOX = 'header [role="search"] input';

/** Time to let requests chained to the first search file (module imports) start and finish. */
const SETTLE_MS = 300;

/** The addresses among `transfers` that are search code. */
export function searchCodeIn(transfers: Transfer[]): string[] {
	return transfers
		.map((transfer) => transfer.url)
		.filter((url) => SEARCH_CODE.test(new URL(url).pathname));
}

/**
 * Focuses the header's search box, as a reader about to search would, and waits until the search
 * code it loads has arrived; gives up after `timeoutMs` if nothing is requested.
 */
export async function focusHeaderSearch(page: Page, timeoutMs = 5_000): Promise<void> {
	const requested = page
		.waitForEvent('requestfinished', {
			predicate: (request) => SEARCH_CODE.test(new URL(request.url()).pathname),
			timeout: timeoutMs,
		})
		.catch(() => undefined);
	await page.focus(HEADER_SEARCH_BOX);
	if (await requested) await page.waitForTimeout(SETTLE_MS);
}
