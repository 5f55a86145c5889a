import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { builtSite } from '../support/site.ts';

const { siteUrl } = builtSite();
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

async function openPage(
	path: string,
	options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await page.goto(`${siteUrl}${path}`);
	return page;
}

/** Waits until the header's dropdown announces its answer to `query`, not to an earlier keystroke. */
function dropdownAnswered(page: Page, query: string) {
	return page.waitForFunction(
		(text) =>
			document
				.querySelector('.search-dropdown [role="status"]')
				?.textContent?.includes(`“${text}”`),
		query,
	);
}

/** Types a query on the search page and returns the result ids in order, once the count is announced. */
async function search(page: Page, query: string): Promise<string[]> {
	await page.fill('#page-search', query);
	await page.waitForFunction(
		(text) => document.querySelector('#search-status')?.textContent?.includes(`“${text}”`),
		query,
	);
	return page.$$eval('#search-results a.result', (links) =>
		links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split('/').at(-2)!),
	);
}

/** [query, expected entry id, the rank it must reach at worst] */
const QUERIES: [string, string, number][] = [
	// exact titles, any case
	['Kubernetes', 'kubernetes', 1],
	['kubernetes', 'kubernetes', 1],
	['Helm', 'helm', 1],
	['ENVOY', 'envoy', 1],
	['Apache Mesos', 'apache-mesos', 1],
	['Cilium', 'cilium', 1],
	// aliases
	['k8s', 'kubernetes', 1],
	['openshift', 'openshift', 1],
	['OCP', 'openshift', 1],
	['Nomad', 'nomad', 1],
	['OVS', 'open-vswitch', 1],
	['ODL', 'opendaylight', 1],
	['SwarmKit', 'docker-swarm-mode', 1],
	['borg paper', 'borg-paper', 1],
	['YARN', 'hadoop-yarn', 1],
	// prefixes of a name
	['kube', 'kubernetes', 3],
	['opensh', 'openshift', 3],
	['linker', 'linkerd', 3],
	['flann', 'flannel', 3],
	// one typo
	['kubernets', 'kubernetes', 3],
	['kubrenetes', 'kubernetes', 3],
	['opneshift', 'openshift', 3],
	['mesoss', 'apache-mesos', 3],
	['istoi', 'istio', 3],
	['cillium', 'cilium', 3],
	// multi-word names and paper titles
	['docker swarm', 'docker-swarm-mode', 1],
	['cloud foundry', 'cloud-foundry', 1],
	['Large-scale cluster management at Google with Borg', 'borg-paper', 1],
	['Borg, Omega, and Kubernetes', 'borg-omega-kubernetes', 1],
	['the road to sdn', 'road-to-sdn', 1],
	['jupiter rising', 'jupiter-rising', 3],
	['A Scalable, Commodity Data Center Network Architecture', 'fat-tree-paper', 1],
];

describe('search by name', () => {
	let page: Page;
	beforeAll(async () => {
		page = await openPage('search/');
	});

	it.each(QUERIES)('%s → %s within the top %i', async (query, id, rank) => {
		const ids = await search(page, query);
		expect(ids.slice(0, rank), `results: ${ids.join(', ')}`).toContain(id);
	});

	it('marks retired entries in results instead of hiding them', async () => {
		await search(page, 'swarm');
		const classic = page.locator(
			'#search-results a.result[href$="/entries/docker-swarm-classic/"]',
		);
		// The same badge as on entry pages, with its prefix for screen readers.
		await expect(classic.locator('.badge').textContent()).resolves.toBe('Status: Archived');
		await expect(classic.locator('.badge .visually-hidden').textContent()).resolves.toBe(
			'Status: ',
		);
	});

	it('suggests a close name and the topics when nothing matches', async () => {
		expect(await search(page, 'kubrnetesx')).toEqual([]);
		const empty = page.locator('#search-results .no-results');
		expect(await empty.textContent()).toContain('Did you mean Kubernetes?');
		expect(await empty.locator('a').getAttribute('href')).toBe('/entries/kubernetes/');
		expect(await page.textContent('#search-status')).toBe('No results for “kubrnetesx”.');
	});
});

describe('filters and deep links', () => {
	it('restores query and filters from the address, and filters the results', async () => {
		const page = await openPage('search/?q=kubernetes&topic=networking');
		await page.waitForFunction(() =>
			document.querySelector('#search-status')?.textContent?.includes('“kubernetes”'),
		);
		expect(await page.inputValue('#page-search')).toBe('kubernetes');
		expect(await page.isChecked('input[data-filter="topic"][value="networking"]')).toBe(true);
		const topics = await page.$$eval('#search-results a.result .muted', (metas) =>
			metas.map((meta) => meta.textContent!.split('·')[1]!.trim()),
		);
		expect(topics.length).toBeGreaterThan(0);
		expect(new Set(topics)).toEqual(new Set(['Networking']));
		expect(await page.textContent('[data-count-for="topic:networking"]')).toMatch(/^\(\d+\)$/);
	});

	it('combines filters with counts, and keeps the address in step for sharing', async () => {
		const page = await openPage('search/');
		await search(page, 'mesos');
		const allCount = Number((await page.textContent('#search-status'))!.match(/^(\d+)/)![1]);
		await page.click('summary:has-text("Filters")');
		await page.check('input[data-filter="status"][value="archived"]');
		await page.waitForFunction(() => location.search.includes('status=archived'));
		expect(await page.textContent('#search-filters-summary')).toBe('Filters (1)');
		await page.waitForFunction(
			(before) =>
				Number(document.querySelector('#search-status')?.textContent?.match(/^(\d+)/)?.[1]) <
				before,
			allCount,
		);
		const badges = await page.$$eval('#search-results a.result', (links) =>
			links.map((link) => link.querySelector('.badge')?.textContent),
		);
		expect(badges.length).toBeGreaterThan(0);
		expect(new Set(badges)).toEqual(new Set(['Status: Archived']));
		expect(new URL(page.url()).searchParams.get('q')).toBe('mesos');
		await page.fill('#page-search', 'marathon');
		await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'marathon');
	});
});

describe('keyboard', () => {
	it('/ focuses the header box; results appear as you type; arrows move; Enter opens; Escape clears', async () => {
		const page = await openPage('topics/paas/');
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
		await page.keyboard.type('k8s');
		await dropdownAnswered(page, 'k8s');
		expect(await page.locator('.search-dropdown [role="status"]').textContent()).toBe(
			'1 result for “k8s”.',
		);
		await page.keyboard.press('ArrowDown');
		expect(
			await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href')),
		).toBe('/entries/kubernetes/');
		await page.keyboard.press('ArrowUp');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
		await page.keyboard.press('Escape');
		expect(await page.inputValue('#site-search')).toBe('');
		expect(await page.locator('.search-dropdown').isHidden()).toBe(true);
		await page.keyboard.type('opneshift');
		await dropdownAnswered(page, 'opneshift');
		await page.keyboard.press('ArrowDown');
		await Promise.all([page.waitForURL(/\/entries\/openshift\/$/), page.keyboard.press('Enter')]);
		expect(await page.textContent('h1')).toBe('Red Hat OpenShift');
	});

	it('keeps a reader on their result when a late answer redraws the list', async () => {
		const page = await openPage('topics/paas/');
		await page.click('#site-search');
		await page.keyboard.type('opneshift');
		await dropdownAnswered(page, 'opneshift');
		await page.keyboard.press('ArrowDown');
		const result = '.search-dropdown a.result[href="/entries/openshift/"]';
		expect(await page.$eval(result, (link) => link === document.activeElement)).toBe(true);
		// The answer to an earlier keystroke arriving now redraws the list under the focused result.
		await page.$eval(result, (link) => link.setAttribute('data-drawn-before', ''));
		await page.$eval('#site-search', (box) => box.dispatchEvent(new Event('input')));
		await page.waitForSelector(`${result}:not([data-drawn-before])`);
		expect(await page.$eval(result, (link) => link === document.activeElement)).toBe(true);
		expect(await page.locator('.search-dropdown').isVisible()).toBe(true);
		await Promise.all([page.waitForURL(/\/entries\/openshift\/$/), page.keyboard.press('Enter')]);
		expect(await page.textContent('h1')).toBe('Red Hat OpenShift');
	});

	it('answers a name search from the name index alone, and loads full text only when names do not match', async () => {
		const page = await openPage('entries/helm/');
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.click('#site-search');
		// At a reader's pace, so that every keystroke, the first letter too, is searched on its own.
		await page.keyboard.type('k');
		await dropdownAnswered(page, 'k');
		expect(await page.textContent('.search-dropdown [role="status"]')).toBe(
			'Keep typing: no name is just “k”.',
		);
		await page.keyboard.type('ubernets', { delay: 80 });
		await dropdownAnswered(page, 'kubernets');
		await page.locator('.search-dropdown a.result[href="/entries/kubernetes/"]').waitFor();
		expect(requested.filter((path) => path.includes('/pagefind/'))).toEqual([]);
		expect(requested).toContain('/search/names/ku.json');
		await page.fill('#site-search', 'microservices');
		await dropdownAnswered(page, 'microservices');
		expect(requested).toContain('/pagefind/pagefind.js');
	});

	it('submitting the header box opens the search page with the query', async () => {
		const page = await openPage('');
		await page.fill('#site-search', 'borg');
		await Promise.all([page.waitForURL(/\/search\/\?q=borg$/), page.keyboard.press('Enter')]);
		await page.waitForFunction(() =>
			document.querySelector('#search-status')?.textContent?.includes('“borg”'),
		);
		expect(await page.inputValue('#page-search')).toBe('borg');
	});
});

describe('without JavaScript', () => {
	it('says search needs JavaScript and links every topic', async () => {
		const page = await openPage('search/', { javaScriptEnabled: false });
		const notice = page.locator('noscript p, p.notice').first();
		expect(await notice.textContent()).toContain('Search needs JavaScript.');
		const links = await page
			.locator('main a[href^="/topics/"]:visible')
			.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
		expect(links).toEqual([
			'/topics/orchestration/',
			'/topics/paas/',
			'/topics/datacenter-as-computer/',
			'/topics/networking/',
		]);
	});
});
