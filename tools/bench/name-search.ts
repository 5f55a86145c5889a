import type { Browser } from 'playwright-core';
import { HEADER_SEARCH_BOX } from '../../src/lib/search-contract.ts';
import { recordTraffic, totalTraffic, type TrafficTotals } from '../audit/traffic.ts';

/** One search; its traffic counts everything from the focus until the network settles. */
export interface SearchRun extends TrafficTotals {
	query: string;
	/** From focusing the header box and entering the whole query to the first result on screen. */
	ms: number;
	/** Title of the first result, to confirm the search found the entry named. */
	topHit: string;
	/** Bytes (gzip) by part of the search, to tell what a search costs. */
	gzipBytesByPart: Record<string, number>;
}

/** The parts of a search, by address; the first that matches names a file's part. */
const PARTS: [part: string, pattern: RegExp][] = [
	['name shards', /\/search\/names\//],
	['Pagefind script', /\/pagefind\/pagefind[^/]*\.js$/],
	['Pagefind WebAssembly', /\/pagefind\/wasm\./],
	['Pagefind excerpts', /\.pf_fragment$/],
	['Pagefind index', /\/pagefind\//],
	['search UI script', /\.js$/],
];

export interface SearchSession {
	search(query: string): Promise<SearchRun>;
	close(): Promise<void>;
}

/** Time left after the results appear for the requests a search starts late (more excerpts). */
const SETTLE_MS = 500;
const RESULT_TIMEOUT_MS = 60_000;

/**
 * Opens an entry page in a fresh browser context, so the first search in the session is a cold
 * one (empty cache, no search code yet) and every later one is warm.
 */
export async function openSearchSession(
	browser: Browser,
	entryUrl: string,
): Promise<SearchSession> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const traffic = recordTraffic(page);
	await page.goto(entryUrl, { waitUntil: 'networkidle', timeout: 120_000 });
	return {
		async search(query) {
			await traffic.take();
			// Timed inside the page, so the DevTools protocol's round trips are not counted.
			const { ms, topHit } = await page.evaluate(
				async ({ selector, text, timeoutMs }) => {
					const input = document.querySelector<HTMLInputElement>(selector)!;
					const form = input.form!;
					const firstResult = () => form.querySelector('a.result strong');
					// The status line names the query once results for it are on screen.
					const shown = () =>
						!!firstResult() &&
						!!form.querySelector('[role="status"]')?.textContent?.includes(`“${text}”`);
					const start = performance.now();
					input.focus();
					input.value = text;
					input.dispatchEvent(new Event('input', { bubbles: true }));
					await new Promise<void>((resolve, reject) => {
						const observer = new MutationObserver(() => {
							if (!shown()) return;
							observer.disconnect();
							resolve();
						});
						observer.observe(form, { subtree: true, childList: true, characterData: true });
						setTimeout(
							() => reject(new Error(`no results for "${text}" within ${timeoutMs} ms`)),
							timeoutMs,
						);
					});
					return { ms: performance.now() - start, topHit: firstResult()!.textContent ?? '' };
				},
				{ selector: HEADER_SEARCH_BOX, text: query, timeoutMs: RESULT_TIMEOUT_MS },
			);
			await page.waitForTimeout(SETTLE_MS);
			const transfers = await traffic.take();
			const gzipBytesByPart: Record<string, number> = {};
			for (const { url, gzipBytes } of transfers) {
				const part =
					PARTS.find(([, pattern]) => pattern.test(new URL(url).pathname))?.[0] ?? 'other';
				gzipBytesByPart[part] = (gzipBytesByPart[part] ?? 0) + gzipBytes;
			}
			return { query, ms, ...totalTraffic(transfers), topHit, gzipBytesByPart };
		},
		close: () => context.close(),
	};
}
