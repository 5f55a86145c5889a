import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { TOPICS } from '../../src/schema/vocabulary.ts';
import { readBuilt } from '../support/dist.ts';
import { builtSite } from '../support/site.ts';

const { distDir, siteUrl } = builtSite();
const entries = JSON.parse(readBuilt(distDir, 'entries.json')).entries as {
	id: string;
	topic: string;
	year?: number;
}[];
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

/** The topic lineage pages /lineage/ links from its topic headings, with the titles it gives them. */
const topicViews = (page: Page) =>
	page.$$eval('main h2 a', (links) =>
		links.flatMap((link) => {
			const match = /\/lineage\/([^/]+)\/$/.exec(
				new URL((link as HTMLAnchorElement).href).pathname,
			);
			return match ? [{ topic: match[1]!, title: link.textContent!.trim() }] : [];
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

	it("draws no edge right to left, on every entry page and on every topic's lineage page", async () => {
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
		expect(checked).toBeGreaterThan(0);
		for (const topic of TOPICS) {
			await page.goto(`${siteUrl}lineage/${topic}/`);
			const ends = await edgeEnds(page);
			expect(ends.length, topic).toBeGreaterThan(0);
			expectLeftToRight(ends, `/lineage/${topic}/`);
		}
		await page.close();
	});

	it("links every topic's lineage page from /lineage/, which tells chains and draws no timeline", async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}lineage/`);
		expect(await page.locator('svg.lineage-drawing').count()).toBe(0);
		const views = await topicViews(page);
		expect(views.map((view) => view.topic).sort()).toEqual([...TOPICS].sort());
		for (const { topic, title } of views) {
			const section = page.getByRole('region', { name: title });
			const chain = (await section.locator('.chains li').first().innerText()).trim();
			expect(chain, topic).toMatch(/^.+ \(\d{4}\) → [a-z ]+ .+ \(\d{4}\)/);
		}
		await page.close();
	});

	it("draws on each topic's page its own dated entries, and those of other topics they connect to in grey, topic named", async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}lineage/`);
		for (const { topic, title } of await topicViews(page)) {
			await page.locator('main h2').getByRole('link', { name: title, exact: true }).click();
			await page.waitForURL((url) => url.pathname === `/lineage/${topic}/`);
			expect((await page.textContent('h1'))!.trim()).toBe(`Lineage: ${title}`);
			const switcher = page.getByRole('navigation', { name: 'Lineage by topic' });
			expect(await switcher.locator('[aria-current="page"]').innerText()).toBe(title);
			const nodes = await page.$$eval('svg.lineage-drawing [data-node]', (elements) =>
				elements.map((element) => {
					const label = element.querySelector('.label')!;
					return {
						id: (element as SVGElement).dataset.node!,
						guest: element.classList.contains('guest'),
						// The lines of the label as drawn, read one after another.
						label: [...label.querySelectorAll('tspan')].map((line) => line.textContent).join(' '),
						fill: getComputedStyle(label).fill,
					};
				}),
			);
			const own = nodes.filter((node) => !node.guest);
			expect(own.map((node) => node.id).sort(), topic).toEqual(
				entries
					.filter((entry) => entry.topic === topic && entry.year)
					.map((entry) => entry.id)
					.sort(),
			);
			const edges = await page.$$eval('svg path.edge[data-from]', (paths) =>
				paths.map((path) => [(path as SVGElement).dataset.from!, (path as SVGElement).dataset.to!]),
			);
			const ownIds = new Set(own.map((node) => node.id));
			for (const guest of nodes.filter((node) => node.guest)) {
				const entry = entries.find((candidate) => candidate.id === guest.id)!;
				expect(entry.topic, guest.id).not.toBe(topic);
				expect(guest.label, guest.id).toContain(entry.topic.replaceAll('-', ' '));
				expect(guest.fill, guest.id).not.toBe(own[0]!.fill);
				expect(
					edges.some(
						([from, to]) =>
							(from === guest.id && ownIds.has(to!)) || (to === guest.id && ownIds.has(from!)),
					),
					`${topic} draws ${guest.id} for a relation to one of its own`,
				).toBe(true);
			}
			await page.goBack();
		}
		await page.close();
	});

	it("is one tab stop on a topic's lineage page, scrolled by arrow keys, with the links in the words under it", async () => {
		const page = await browser.newPage({ viewport: { width: 1440, height: 700 } });
		await page.goto(`${siteUrl}lineage/networking/`);
		expect(await page.locator('svg.lineage-drawing a').count()).toBe(0);
		const picture = page.getByRole('region', { name: 'Networking timeline (scrolls)' });
		expect(await picture.getAttribute('tabindex')).toBe('0');
		await picture.focus();
		const offset = (side: 'scrollLeft' | 'scrollTop') =>
			picture.evaluate((element, name) => element[name], side);
		// On a loaded machine Chromium sometimes drops a key pressed just after load or during a
		// scroll's animation (twice in CI): the key is pressed again until the box scrolls, or time runs out.
		const scrolls = (key: string, side: 'scrollLeft' | 'scrollTop') =>
			expect
				.poll(
					async () => {
						await page.keyboard.press(key);
						return offset(side);
					},
					{ timeout: 10_000, interval: 250 },
				)
				.toBeGreaterThan(0);
		await scrolls('ArrowRight', 'scrollLeft');
		await scrolls('ArrowDown', 'scrollTop');
		// The next tab stop is the first link of the words under the picture.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => Boolean(document.activeElement!.closest('.chains')))).toBe(
			true,
		);
		const chain = (await page.locator('.chains li').first().innerText()).trim();
		expect(chain).toMatch(/^.+ \(\d{4}\) → [a-z ]+ .+ \(\d{4}\)/);
		expect(await page.locator('.chains a').count()).toBeGreaterThan(10);
		await page.close();
	});

	it.each(['orchestration', 'paas', 'datacenter-as-computer', 'networking'])(
		'shows the %s picture, with entries in it, on the first screen of a phone',
		async (topic) => {
			const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
			await page.goto(`${siteUrl}lineage/${topic}/`);
			const picture = (await page.locator('.scroller').boundingBox())!;
			expect(844 - picture.y).toBeGreaterThanOrEqual(300);
			const inView = await page.$$eval(
				'svg.lineage-drawing [data-node]',
				(nodes) =>
					nodes.filter((node) => {
						const box = node.getBoundingClientRect();
						return (
							box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth
						);
					}).length,
			);
			expect(inView).toBeGreaterThanOrEqual(2);
			await page.close();
		},
	);

	it('keeps the years in view while the picture scrolls', async () => {
		const page = await browser.newPage({ viewport: { width: 1440, height: 700 } });
		await page.goto(`${siteUrl}lineage/networking/`);
		const scroller = page.getByRole('region', { name: 'Networking timeline (scrolls)' });
		const axis = scroller.locator('.axis');
		const before = (await axis.boundingBox())!;
		await scroller.evaluate((element) => element.scrollBy(0, 400));
		const after = (await axis.boundingBox())!;
		expect(Math.abs(after.y - before.y)).toBeLessThan(1);
		await page.close();
	});

	it("leads from an entry and from its topic to the topic's lineage page", async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}entries/kubernetes/`);
		await page.getByRole('link', { name: 'The whole lineage of Orchestration' }).click();
		await page.waitForURL((url) => url.pathname === '/lineage/orchestration/');
		await page.goto(`${siteUrl}topics/orchestration/`);
		await page.getByRole('link', { name: 'How they descend from one another' }).click();
		await page.waitForURL((url) => url.pathname === '/lineage/orchestration/');
		expect(await page.locator('svg.lineage-drawing [data-node="kubernetes"]').count()).toBe(1);
		await page.close();
	});
});
