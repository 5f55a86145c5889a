import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDistSite } from '../../tools/audit/dist-site.ts';
import { checkInternalLinks } from '../../tools/audit/links.ts';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { copyProject, PROJECT_ROOT, type ProjectCopy } from '../../tools/harness/project-copy.ts';
import { serveStatic } from '../../tools/harness/static-server.ts';

/** The real site built under a base path, as on a project site: every internal address must carry it. */
const BASE_PATH = '/wlm/';

let copy: ProjectCopy;
beforeAll(async () => {
	copy = copyProject(join(PROJECT_ROOT, 'content'), 'wlm-base-path');
	const { code, output } = await copy.build({ BASE_PATH });
	if (code !== 0) throw new Error(`The site did not build under ${BASE_PATH}:\n${output}`);
});
afterAll(() => copy?.remove());

it(`resolves every internal link and anchor under ${BASE_PATH}`, () => {
	const { links, broken } = checkInternalLinks(readDistSite(join(copy.root, 'dist'), BASE_PATH));
	expect(links).toBeGreaterThan(0);
	expect(broken).toEqual([]);
});

it(`searches under ${BASE_PATH}: shards, Pagefind, result links and the typo notice carry the base`, async () => {
	const site = await serveStatic(join(copy.root, 'dist'), BASE_PATH);
	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		await page.goto(`${site.url}search/?q=ubernetes`);
		await page.waitForFunction(() =>
			/result/.test(document.querySelector('#search-status')?.textContent ?? ''),
		);
		const first = page.locator('#search-results a.result').first();
		expect(await first.getAttribute('href')).toBe(`${BASE_PATH}entries/kubernetes/`);
		expect(await first.locator('.excerpt').textContent()).not.toBe('');
		expect(await page.getAttribute('#search-notice a', 'href')).toBe(
			`${BASE_PATH}search/?q=ubernetes&exact=1`,
		);
	} finally {
		await browser.close();
		await site.close();
	}
});
