import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { builtSite } from '../support/site.ts';

const { distDir, siteUrl } = builtSite();
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Each drawn edge's rendered ends, read from the SVG geometry the browser laid out. */
const edgeEnds = (page: Page) =>
	page.$$eval('svg path.edge[data-from]', (paths) =>
		(paths as SVGPathElement[]).map((path) => {
			const matrix = path.getScreenCTM()!;
			const at = (length: number) => path.getPointAtLength(length).matrixTransform(matrix);
			return {
				edge: `${path.dataset.from} → ${path.dataset.to}`,
				start: at(0).x,
				end: at(path.getTotalLength()).x,
			};
		}),
	);

function expectLeftToRight(ends: { edge: string; start: number; end: number }[], where: string) {
	for (const { edge, start, end } of ends)
		expect(start, `${where}: ${edge} runs right to left`).toBeLessThanOrEqual(end + 0.5);
}

describe('lineage in the browser', () => {
	it('marks the entry in its own lineage, in view on a phone at load', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		await page.goto(`${siteUrl}entries/kubernetes/`);
		const current = page.locator('.lineage svg [aria-current="page"]');
		expect(await current.count()).toBe(1);
		expect(await current.getAttribute('data-node')).toBe('kubernetes');
		expect(await current.locator('.current-box').count()).toBe(1);
		const box = (await current.boundingBox())!;
		const scroller = (await page.locator('.lineage .scroller').boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(scroller.x);
		expect(box.x + box.width).toBeLessThanOrEqual(scroller.x + scroller.width + 1);
		await page.close();
	});

	it('draws no edge right to left, on every entry page and on /lineage/', async () => {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const ids = readdirSync(join(distDir, 'entries'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name);
		let checked = 0;
		for (const id of ids) {
			await page.goto(`${siteUrl}entries/${id}/`);
			if (!page.url().endsWith(`/entries/${id}/`)) continue; // a former id redirects
			const ends = await edgeEnds(page);
			expectLeftToRight(ends, id);
			checked += ends.length;
		}
		await page.goto(`${siteUrl}lineage/`);
		const all = await edgeEnds(page);
		expect(all.length).toBeGreaterThan(0);
		expectLeftToRight(all, '/lineage/');
		expect(checked).toBeGreaterThan(0);
		await page.close();
	});

	it('is one tab stop per picture on /lineage/, with the links in the words under it', async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}lineage/`);
		expect(await page.locator('.topic-lineage svg a').count()).toBe(0);
		const pictures = await page.locator('.topic-lineage .scroller').count();
		expect(pictures).toBeGreaterThan(1);
		expect(await page.locator('.topic-lineage .scroller[tabindex="0"]').count()).toBe(pictures);
		const chain = (await page.locator('.topic-lineage .chains li').first().innerText()).trim();
		expect(chain).toMatch(/^.+ \(\d{4}\) → [a-z ]+ .+ \(\d{4}\)/);
		expect(await page.locator('.topic-lineage .chains a').count()).toBeGreaterThan(pictures);
		await page.close();
	});

	it('keeps the years in view while the picture scrolls', async () => {
		const page = await browser.newPage({ viewport: { width: 1440, height: 700 } });
		await page.goto(`${siteUrl}lineage/`);
		const scroller = page.locator('.topic-lineage .scroller').first();
		const axis = scroller.locator('.axis');
		const before = (await axis.boundingBox())!;
		await scroller.evaluate((element) => element.scrollBy(0, 400));
		const after = (await axis.boundingBox())!;
		expect(Math.abs(after.y - before.y)).toBeLessThan(1);
		await page.close();
	});
});
