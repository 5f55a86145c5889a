import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../../tools/audit/budgets.ts';
import { recordCspViolations } from '../../tools/audit/csp.ts';
import { readDistSite } from '../../tools/audit/dist-site.ts';
import { checkExternalLinks } from '../../tools/audit/external-links.ts';
import { validateHtml } from '../../tools/audit/html-validity.ts';
import { checkInternalLinks } from '../../tools/audit/links.ts';
import { auditPage, type PageAudit } from '../../tools/audit/page-audit.ts';
import { PAGE_KINDS, type PageKind } from '../../tools/audit/page-kinds.ts';
import { recordThirdPartyRequests } from '../../tools/audit/third-party.ts';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { builtSite } from '../support/site.ts';

/** The fast parts of `npm run audit`, on the build made by the global setup. */

const { siteUrl, distDir } = builtSite();
const site = readDistSite(distDir);
const KINDS = Object.keys(PAGE_KINDS) as PageKind[];

let browser: Browser;
const audits = new Map<PageKind, PageAudit>();
beforeAll(async () => {
	browser = await launchChromium();
	// Each page gets its own browser context, so they can load side by side.
	await Promise.all(
		KINDS.map(async (kind) =>
			audits.set(kind, await auditPage(browser, kind, siteUrl + PAGE_KINDS[kind])),
		),
	);
});
afterAll(() => browser?.close());

describe.each(KINDS)('the %s page', (kind) => {
	it('has no axe violations', () => {
		expect(audits.get(kind)!.axe).toEqual([]);
	});
	it('logs no CSP violation, before or after the search code loads', () => {
		expect(audits.get(kind)!.cspViolations).toEqual([]);
	});
	it('requests nothing from any host but 127.0.0.1', () => {
		expect(audits.get(kind)!.thirdPartyRequests).toEqual([]);
	});
});

describe.each(KINDS.filter((kind) => kind !== 'search'))('the %s page', (kind) => {
	it('requests search code only once the header search box is focused', () => {
		const { beforeFocus, afterFocus } = audits.get(kind)!.searchCode;
		expect(beforeFocus).toEqual([]);
		expect(afterFocus).not.toEqual([]);
	});
});

it('sends an entry page in at most 15 KB, at most 2 KB of it JavaScript, before any interaction', () => {
	const { gzipBytes, jsGzipBytes } = audits.get('entry')!.beforeInteraction;
	expect(gzipBytes).toBeLessThanOrEqual(BUDGETS.entryBytes);
	expect(jsGzipBytes).toBeLessThanOrEqual(BUDGETS.entryJsBytes);
});

it('passes html-validate in every HTML file', async () => {
	const { files, errors } = await validateHtml(site);
	expect(files).toBeGreaterThan(KINDS.length);
	expect(errors).toEqual([]);
});

it('resolves every internal link and anchor', () => {
	const { links, broken } = checkInternalLinks(site);
	expect(links).toBeGreaterThan(0);
	expect(broken).toEqual([]);
});

it('gives every external link rel="noopener noreferrer"', () => {
	const { links, unguarded } = checkExternalLinks(site);
	expect(links).toBeGreaterThan(0);
	expect(unguarded).toEqual([]);
});

describe('the checks themselves', () => {
	it('catch a missing page, a missing anchor, a link outside the base path and a bare external link', () => {
		const dir = mkdtempSync(join(tmpdir(), 'wlm-audit-dist-'));
		const write = (file: string, html: string) => {
			mkdirSync(dirname(join(dir, file)), { recursive: true });
			writeFileSync(
				join(dir, file),
				`<!doctype html><html lang="en"><head><title>t</title></head><body>${html}</body></html>`,
			);
		};
		try {
			write(
				'index.html',
				'<link rel="canonical" href="https://site.example/base/"><a href="a/#here">ok</a><a href="/base/b/">b</a><a href="/base/a/#gone">gone</a><a href="/elsewhere/">out</a>',
			);
			write(
				'a/index.html',
				'<h2 id="here">Here</h2><a href="https://other.example/" rel="noopener">bare</a><a href="https://site.example/base/a/">self</a>',
			);
			const fixture = readDistSite(dir, '/base/');
			expect(
				checkInternalLinks(fixture).broken.map(({ href, reason }) => `${href} ${reason}`),
			).toEqual([
				'/base/b/ names no file in the build',
				'/base/a/#gone has no element with id "gone" in a/index.html',
				'/elsewhere/ is outside the base path /base/',
			]);
			expect(checkExternalLinks(fixture)).toEqual({
				links: 1,
				unguarded: [{ page: 'a/index.html', href: 'https://other.example/', rel: 'noopener' }],
			});
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('catch a CSP violation and a request to another host', async () => {
		const page = await browser.newPage();
		try {
			const violations = recordCspViolations(page);
			const requests = recordThirdPartyRequests(page);
			// localhost is another host name for this machine: nothing leaves it, yet it must be caught.
			await page.setContent(
				`<meta http-equiv="content-security-policy" content="script-src 'none'"><script>1</script><img src="http://localhost:9/x.png" alt="">`,
			);
			await expect.poll(() => violations.length).toBeGreaterThan(0);
			await expect.poll(() => requests).toEqual(['http://localhost:9/x.png']);
		} finally {
			await page.close();
		}
	});
});
