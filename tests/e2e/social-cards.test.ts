import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { PAGE_KINDS } from '../../tools/audit/page-kinds.ts';
import { builtSite } from '../support/site.ts';

const { siteUrl } = builtSite();
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('social cards', () => {
	it.each(Object.entries(PAGE_KINDS))(
		'gives the %s page a 1200 × 630 og:image and a large Twitter card',
		async (_kind, path) => {
			const page = await browser.newPage();
			await page.goto(`${siteUrl}${path}`);
			const image = await page.getAttribute('meta[property="og:image"]', 'content');
			expect(image).toMatch(/^https?:\/\/.+\.png$/);
			expect(await page.getAttribute('meta[name="twitter:card"]', 'content')).toBe(
				'summary_large_image',
			);
			// The card's address is absolute on the configured site; fetch it from the test server.
			const served = new URL(new URL(image!).pathname.slice(1), siteUrl).href;
			const size = await page.evaluate(async (src) => {
				const img = new Image();
				img.src = src;
				await img.decode();
				return { width: img.naturalWidth, height: img.naturalHeight };
			}, served);
			expect(size).toEqual({ width: 1200, height: 630 });
			await page.close();
		},
	);
});
