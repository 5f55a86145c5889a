import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { readBuilt } from '../support/dist.ts';
import { builtSite } from '../support/site.ts';

/** What a reader sees on the search page: excerpts, counts, every result, the phone screen. */

const { siteUrl, distDir } = builtSite();
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

async function openSearch(address: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
	const page = await browser.newPage({ viewport });
	await page.goto(`${siteUrl}search/${address}`);
	await page.waitForFunction(() =>
		/result/i.test(document.querySelector('#search-status')?.textContent ?? ''),
	);
	return page;
}

const rows = (page: Page) =>
	page.$$eval('#search-results a.result', (links) =>
		links.map((link) => ({
			title: link.querySelector('strong')!.textContent!,
			meta: link.querySelector('.muted')!.textContent!.trim(),
			excerpt: link.querySelector('.excerpt')?.textContent ?? '',
			href: link.getAttribute('href')!,
		})),
	);
const announced = async (page: Page) =>
	Number((await page.textContent('#search-status'))!.match(/^(\d+) results?/)![1]);

/** Words that only the facts box, badges and links of an entry page hold. */
const PAGE_FURNITURE =
	/Last reviewed|Also known as|Added\s*20\d\d|Status:|Go to |Cite \(BibTeX\)|Kind\s*tool/;

describe('excerpts', () => {
	it('come from the entry’s prose or summary, never the facts box, and never repeat the title', async () => {
		for (const query of ['kubernetes', 'service mesh', 'microservices', 'helm']) {
			const page = await openSearch(`?q=${encodeURIComponent(query)}`);
			const shown = await rows(page);
			expect(shown.length, query).toBeGreaterThan(0);
			for (const row of shown) {
				expect(row.excerpt, `${query}: ${row.title}`).not.toMatch(PAGE_FURNITURE);
				expect(row.excerpt, `${query}: ${row.title}`).not.toBe('');
				expect(row.excerpt.startsWith(row.title), `${query}: ${row.title}`).toBe(false);
			}
			await page.close();
		}
	});

	it('show the summary for a name match', async () => {
		const page = await openSearch('?q=k8s');
		const [first] = await rows(page);
		expect(first!.title).toBe('Kubernetes');
		const { entries } = JSON.parse(readBuilt(distDir, 'entries.json')) as {
			entries: { id: string; summary: string }[];
		};
		expect(first!.excerpt).toBe(entries.find((entry) => entry.id === 'kubernetes')!.summary);
	});
});

describe('every result reachable', () => {
	it('"Show more" by keyboard until the rows equal the announced count, each time announced', async () => {
		const page = await openSearch('?q=kubernetes');
		const total = await announced(page);
		expect(total).toBeGreaterThan(20);
		expect(await page.textContent('#search-status')).toBe(
			`${total} results for “kubernetes”; showing 20.`,
		);
		expect(await page.locator('#search-results li').count()).toBe(20);
		while (await page.isVisible('#search-more')) {
			const before = await page.locator('#search-results li').count();
			await page.focus('#search-more');
			await page.keyboard.press('Enter');
			await page.waitForFunction(
				(count) => document.querySelectorAll('#search-results li').length > count,
				before,
			);
		}
		expect(await page.locator('#search-results li').count()).toBe(total);
		expect(await page.textContent('#search-status')).toBe(`${total} results for “kubernetes”.`);
		// Focus moved to the first of the new rows, not lost.
		expect(await page.evaluate(() => document.activeElement?.classList.contains('result'))).toBe(
			true,
		);
		const hrefs = (await rows(page)).map((row) => row.href);
		expect(new Set(hrefs).size).toBe(total);
	});

	it('browses all papers by year, oldest first, and the order is in the address', async () => {
		const page = await openSearch('?kind=paper');
		const total = await announced(page);
		for (;;) {
			const shown = await page.locator('#search-results li').count();
			if (shown >= total || !(await page.isVisible('#search-more'))) break;
			await page.click('#search-more');
			await page.waitForFunction(
				(before) => document.querySelectorAll('#search-results li').length > before,
				shown,
			);
		}
		await page.waitForFunction(
			(count) => document.querySelectorAll('#search-results li').length === count,
			total,
		);
		const years = (await rows(page)).map((row) => Number(row.meta.match(/(\d{4})$/)?.[1]));
		expect(years).toEqual([...years].sort((a, b) => a - b));
		expect(new Set((await rows(page)).map((row) => row.meta.split(' · ')[0]))).toEqual(
			new Set(['Paper']),
		);
		await page.selectOption('#search-sort', 'title');
		await page.waitForFunction(() => location.search.includes('sort=title'));
		// The oldest paper's title starts with "A" too, so wait for the whole order, not a first letter.
		await page.waitForFunction(() => {
			const titles = [...document.querySelectorAll('#search-results strong')].map((title) =>
				(title.textContent ?? '').toLowerCase(),
			);
			return titles.every(
				(title, index) => index === 0 || titles[index - 1]!.localeCompare(title) <= 0,
			);
		});
		const titles = (await rows(page)).map((row) => row.title);
		expect(titles).toEqual(
			[...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
		);
	});
});

describe('filters', () => {
	it('count what each option would give with the query and the other filters; none-options stay, disabled', async () => {
		const page = await openSearch('?q=mesos');
		await page.click('summary:has-text("Filters")');
		const countedFor = (text: string) =>
			page.waitForFunction(
				(part) =>
					document
						.querySelector<HTMLElement>('#search-filters')
						?.dataset.countedFor?.includes(part),
				text,
			);
		await countedFor('q=mesos');
		const count = async (option: string) =>
			Number((await page.textContent(`[data-count-for="${option}"]`))!.slice(1, -1));
		const total = await announced(page);
		const kinds = await page.$$eval('input[data-filter="kind"]', (boxes) =>
			boxes.map((box) => (box as HTMLInputElement).value),
		);
		let sum = 0;
		for (const kind of kinds) sum += await count(`kind:${kind}`);
		expect(sum).toBe(total);

		const papers = await count('kind:paper');
		const tools = await count('kind:tool');
		await page.check('input[data-filter="kind"][value="paper"]');
		await page.waitForFunction(
			(expected) =>
				document.querySelector('#search-status')?.textContent?.startsWith(`${expected} result`),
			papers,
		);
		await countedFor('kind=paper');
		// Ticking "paper" leaves the other kinds' counts as they were: they would be added.
		expect(await count('kind:tool')).toBe(tools);
		// The other filters count within papers only.
		let topics = 0;
		for (const box of await page.$$('input[data-filter="topic"]'))
			topics += await count(`topic:${await box.getAttribute('value')}`);
		expect(topics).toBe(papers);
		for (const box of await page.$$('input[data-filter]')) {
			const option = `${await box.getAttribute('data-filter')}:${await box.getAttribute('value')}`;
			if ((await count(option)) === 0 && !(await box.isChecked()))
				expect(await box.isDisabled(), option).toBe(true);
		}
	});

	it('offer only what the list holds: no talks, and labels instead of slugs', async () => {
		const page = await openSearch('?q=borg');
		const kinds = await page.$$eval('input[data-filter="kind"]', (boxes) =>
			boxes.map((box) => box.parentElement!.textContent!.trim().replace(/\s*\(\d+\)$/, '')),
		);
		expect(kinds).not.toContain('Talk');
		expect(kinds).toContain('Paper');
		for (const row of await rows(page)) {
			expect(row.meta, row.title).not.toMatch(/datacenter-as-computer|\bpaas\b|\btool\b|\bpaper\b/);
			expect(row.meta, row.title).toMatch(/^(Tool|Paper|Article|Book|Specification) · /);
		}
		expect((await rows(page)).some((row) => row.meta.includes('Datacenter as a computer'))).toBe(
			true,
		);
	});
});

describe('typos', () => {
	it('says when a typo was corrected, with a link to search exactly what was typed', async () => {
		const page = await openSearch('?q=ubernetes');
		expect(await page.textContent('#search-notice')).toBe(
			'Showing results for Kubernetes. Search instead for ubernetes.',
		);
		expect((await rows(page))[0]!.title).toBe('Kubernetes');
		await Promise.all([page.waitForURL(/exact=1/), page.click('#search-notice a')]);
		await page.waitForFunction(() =>
			/result/.test(document.querySelector('#search-status')?.textContent ?? ''),
		);
		expect(await page.textContent('#search-status')).toContain('“ubernetes”');
		expect(await page.textContent('#search-notice')).toBe('');
	});
});

describe('on a phone', () => {
	it('shows the first result of "k8s" on the first screen, filters folded under the count', async () => {
		const page = await openSearch('?q=k8s', { width: 390, height: 844 });
		const first = page.locator('#search-results a.result').first();
		const box = (await first.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(844);
		expect(await page.isVisible('input[data-filter="kind"][value="tool"]')).toBe(false);
		const status = (await page.locator('#search-status').boundingBox())!;
		const filters = (await page.locator('#search-filters-summary').boundingBox())!;
		expect(filters.y).toBeGreaterThan(status.y);
		expect(filters.y).toBeLessThan(box.y);
	});
});
