import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { shotPages } from '../../tools/shots/pages.ts';
import { STATUS_LABELS, type Status } from '../../src/schema/vocabulary.ts';
import { readBuilt } from '../support/dist.ts';
import { contrastRatio } from '../support/contrast.ts';
import { builtSite } from '../support/site.ts';

/** What a reader sees of the layout, in Chromium on the real build. */

const { siteUrl, distDir } = builtSite();
const pages = shotPages(distDir);
const entries = JSON.parse(readBuilt(distDir, 'entries.json')).entries as {
	id: string;
	kind: string;
	status: Status;
}[];

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await page.goto(siteUrl + path);
	return page;
}

describe.each(pages.map((page) => [page.name, page.path]))('the %s page', (_name, path) => {
	it('does not overflow sideways at 320 px', async () => {
		const page = await open(path, { viewport: { width: 320, height: 640 } });
		try {
			const widest = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(widest).toBeLessThanOrEqual(320);
		} finally {
			await page.context().close();
		}
	});
});

it('covers a page of every kind, including an entry of each kind of entry', () => {
	const names = pages.map((page) => page.name);
	expect(names).toEqual(
		expect.arrayContaining([
			'home',
			'topic',
			'search',
			'lineage',
			'lineage-topic',
			'path',
			'contributing',
			'404',
		]),
	);
	for (const kind of new Set(entries.map((entry) => entry.kind)))
		expect(names).toContain(`entry-${kind}`);
});

it('keeps the header, with its search box, within 120 px on a 390 px phone', async () => {
	const page = await open('', { viewport: { width: 390, height: 844 } });
	try {
		const header = (await page.locator('.site-header').boundingBox())!;
		expect(header.height).toBeGreaterThan(60);
		expect(header.height).toBeLessThanOrEqual(120);
		const input = (await page.locator('.site-header input[type="search"]').boundingBox())!;
		expect(input.y + input.height).toBeLessThanOrEqual(header.y + header.height);
		expect(input.width).toBeGreaterThan(200);
	} finally {
		await page.context().close();
	}
});

it.each(['', 'search/'])(
	'shows one search box on /%s, and a header as tall as on every other page',
	async (path) => {
		for (const viewport of [
			{ width: 390, height: 844 },
			{ width: 1440, height: 900 },
		]) {
			const page = await open(path, { viewport });
			const entry = await open('entries/kubernetes/', { viewport });
			try {
				const boxes = await page.locator('input[type="search"]:visible').count();
				expect(boxes).toBe(1);
				const height = async (tab: Page) =>
					(await tab.locator('.site-header').boundingBox())!.height;
				if (path === 'search/' && viewport.width > 390)
					expect(Math.abs((await height(page)) - (await height(entry)))).toBeLessThanOrEqual(1);
			} finally {
				await page.context().close();
				await entry.context().close();
			}
		}
	},
);

it('measures contrast as WCAG does', () => {
	expect(contrastRatio('rgb(118, 118, 118)', 'rgb(255, 255, 255)')).toBeCloseTo(4.54, 2);
	expect(contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
});

describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
	it('draws the search input border at 3:1 or more against the box and the header around it', async () => {
		const page = await open('', { colorScheme });
		try {
			const colours = await page.evaluate(() => {
				const input = document.querySelector('.site-header input[type="search"]')!;
				const header = document.querySelector('.site-header')!;
				return {
					border: getComputedStyle(input).borderTopColor,
					inside: getComputedStyle(input).backgroundColor,
					around: getComputedStyle(header).backgroundColor,
				};
			});
			expect(contrastRatio(colours.border, colours.inside)).toBeGreaterThanOrEqual(3);
			expect(contrastRatio(colours.border, colours.around)).toBeGreaterThanOrEqual(3);
		} finally {
			await page.context().close();
		}
	});
});

it('leads from one reading-path step to the next and back', async () => {
	const page = await open(pages.find((shot) => shot.name === 'path')!.path);
	try {
		const steps = await page.$$eval('.steps h2 a', (links) =>
			links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
		);
		expect(steps.length).toBeGreaterThan(2);
		const title = (await page.textContent('h1'))!.trim();
		await page.click(`.steps h2 a[href="${steps[1]}"]`);
		const nav = page.getByRole('navigation', { name: `Reading path: ${title}` });
		await expect.poll(() => nav.textContent()).toContain(`Step 2 of ${steps.length}`);
		const target = async (rel: string) =>
			new URL(await nav.locator(`a[rel="${rel}"]`).evaluate((a) => (a as HTMLAnchorElement).href))
				.pathname;
		expect(await target('prev')).toBe(steps[0]);
		expect(await target('next')).toBe(steps[2]);
		await nav.locator('a[rel="next"]').click();
		await page.waitForURL((url) => url.pathname === steps[2]);
		expect(await nav.textContent()).toContain(`Step 3 of ${steps.length}`);
		expect(await target('prev')).toBe(steps[1]);
	} finally {
		await page.context().close();
	}
});

it("shows each connection's kind, year and status, so a dead project does not look alive", async () => {
	const page = await open(pages.find((shot) => shot.name === 'entry')!.path);
	try {
		const rows = await page.$$eval('#relations-heading ~ dl li', (items) =>
			items.map((item) => ({
				id: new URL(item.querySelector('a')!.href).pathname.split('/').at(-2)!,
				text: (item as HTMLElement).innerText.replace(/\s+/g, ' '),
			})),
		);
		expect(rows.length).toBeGreaterThan(3);
		const retired = rows.filter(({ id }) =>
			['deprecated', 'archived', 'defunct'].includes(entries.find((e) => e.id === id)!.status),
		);
		expect(retired.length).toBeGreaterThan(0);
		for (const { id, text } of rows) {
			const entry = entries.find((candidate) => candidate.id === id)!;
			if (entry.kind === 'tool' || entry.kind === 'spec' || entry.status !== 'active')
				expect(text, id).toContain(STATUS_LABELS[entry.status]);
			expect(text, id).toMatch(/Tool|Paper|Article|Book|Talk|Specification/);
		}
	} finally {
		await page.context().close();
	}
});
