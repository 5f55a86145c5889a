import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { copyProject, type ProjectCopy } from '../../tools/harness/project-copy.ts';
import { serveStatic } from '../../tools/harness/static-server.ts';
import { ALPHA, FIXTURE, GAMMA } from '../support/fixture-project.ts';

/** Builds of small fixture projects, through the real code, to see what the build refuses and emits. */
describe('fixture builds', () => {
	let good: ProjectCopy;
	let goodOutput: string;
	beforeAll(async () => {
		good = copyProject(join(FIXTURE, 'content'), 'wlm-good');
		const { code, output } = await good.build();
		if (code !== 0) throw new Error(output);
		goodOutput = output;
	});
	afterAll(() => good.remove());

	it("draws each entry's social card early, from the checked content, as its page then asks for it", () => {
		const dist = join(good.root, 'dist');
		const heads = readdirSync(dist, { recursive: true, encoding: 'utf8' })
			.filter((name) => name.endsWith('.html'))
			.map((name) => readFileSync(join(dist, name), 'utf8'))
			.filter((html) => html.includes('<meta property="og:image"'));
		const entryPages = heads.filter((html) =>
			html.includes('<meta property="og:type" content="article">'),
		).length;
		expect(entryPages).toBeGreaterThan(5);
		// The pass over the written pages finds every entry's card already drawn, by the hash of what
		// the page's head says: an early card that differed in one letter would be drawn again here.
		const counts =
			/(\d+) social cards: (\d+) drawn early in [\d.]+ s .*?, (\d+) drawn after the pages/.exec(
				goodOutput,
			);
		expect(counts?.slice(1).map(Number)).toEqual([
			heads.length,
			entryPages,
			heads.length - entryPages,
		]);
	});

	it('sends a former id to the renamed entry, in a real browser', async () => {
		expect(readFileSync(join(good.root, 'dist/entries/alpha-old/index.html'), 'utf8')).toContain(
			'/entries/alpha-scheduler/',
		);
		const site = await serveStatic(join(good.root, 'dist'));
		const browser = await launchChromium();
		try {
			const page = await browser.newPage();
			await page.goto(`${site.url}entries/alpha-old/`);
			await page.waitForURL(/\/entries\/alpha-scheduler\/$/);
			expect(await page.textContent('h1')).toBe('Alpha Scheduler');
		} finally {
			await browser.close();
			await site.close();
		}
	});

	it('groups a topic page: Start here, then the areas in file order with History after current, then Other', async () => {
		const site = await serveStatic(join(good.root, 'dist'));
		const browser = await launchChromium();
		try {
			const page = await browser.newPage();
			await page.goto(`${site.url}topics/orchestration/`);
			const groups = await page.$$eval('section.group', (sections) =>
				sections.map((section) => ({
					heading: section.querySelector('h2')!.textContent!.trim(),
					titles: [...section.querySelectorAll('.title, .history')].map((element) =>
						element.textContent!.trim(),
					),
				})),
			);
			expect(groups).toEqual([
				{ heading: 'Start here', titles: ['Zeta Guide', 'Eta Queue', 'Iota Handbook'] },
				{ heading: 'Schedulers', titles: ['Theta CLI', 'History', 'Mu Runner'] },
				{ heading: 'Guides', titles: ['Kappa Notes'] },
				{ heading: 'Other', titles: ['Alpha Scheduler'] },
			]);
			const marks = await page.$$eval('section.group li', (rows) =>
				rows.map((row) => row.querySelector('.badge, .meta span')?.textContent?.trim()),
			);
			expect(marks).not.toContain(undefined);
			expect(await page.locator('text=Defunct').count()).toBeGreaterThan(0);
		} finally {
			await browser.close();
			await site.close();
		}
	});

	it("shows an entry's licence, open PDF, 2015-list note and dates, and never its aliases", () => {
		const alpha = readFileSync(join(good.root, 'dist/entries/alpha-scheduler/index.html'), 'utf8');
		const text = alpha.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		expect(text).toContain('Licence Apache-2.0');
		expect(text).toContain('In the 2015 list');
		expect(alpha).toContain('href="http://alpha.example.org/"');
		expect(text).toContain('stand-in for what the 2015 list said about a scheduler.');
		expect(text).toContain('Added 2026-11-01');
		expect(text).toContain('Last reviewed 2026-11-01');
		expect(text).toContain('Step 2 of 3 on A fixture route');
		expect(text).not.toContain('Also known as');
		const beta = readFileSync(join(good.root, 'dist/entries/beta-paper/index.html'), 'utf8');
		expect(beta).toMatch(
			/<a class="button"[^>]*href="https:\/\/papers\.example\.org\/beta-2012\.pdf"[^>]*>\s*PDF/,
		);
		expect(beta).not.toContain('Licence');
	});

	it('shows what npm run refresh learnt of a repository on its entry page, and nothing without data', async () => {
		const site = await serveStatic(join(good.root, 'dist'));
		const browser = await launchChromium();
		try {
			const page = await browser.newPage();
			await page.goto(`${site.url}entries/delta-mesh/`);
			expect(await page.locator('.health-line').innerText()).toBe(
				'Latest release v1.31.0 · 2026-08-12 · checked 2026-11-30',
			);
			await page.goto(`${site.url}entries/gamma-platform/`);
			expect(await page.locator('.health-line').count()).toBe(0);
		} finally {
			await browser.close();
			await site.close();
		}
	});

	it('refuses a bad entry with one line per problem, naming file, line and field, and builds nothing', async () => {
		const copy = copyProject(join(FIXTURE, 'content'), 'wlm-bad');
		try {
			const file = join(copy.root, ALPHA);
			writeFileSync(file, readFileSync(file, 'utf8').replace('kind: tool', 'kind: gadget'));
			const gamma = join(copy.root, GAMMA);
			writeFileSync(
				gamma,
				readFileSync(gamma, 'utf8').replace(
					'supersededBy: [alpha-scheduler]',
					'supersededBy: [nowhere]',
				),
			);
			const { code, output } = await copy.build();
			expect(code).toBe(1);
			expect(output).toContain(
				`${ALPHA}:5: kind: is "gadget" — must be one of: tool, paper, article, book, talk, spec`,
			);
			expect(output).toContain(
				`${GAMMA}:11: relations.supersededBy.0: "nowhere" is not an entry id`,
			);
			expect(output).toContain('2 content problem(s) listed above; nothing was built.');
			expect(output).not.toMatch(/Stack trace|\n\s+at /);
			expect(existsSync(join(copy.root, 'dist'))).toBe(false);
		} finally {
			copy.remove();
		}
	});

	it('never runs code from an entry, at build time or in the page', async () => {
		const copy = copyProject(join(FIXTURE, 'content'), 'wlm-unsafe');
		const marker = join(tmpdir(), `wlm-pwned-${process.pid}`);
		try {
			const file = join(copy.root, ALPHA);
			const mdx = `export const pwned = (await import('node:fs')).writeFileSync('${marker}', 'x')`;
			writeFileSync(file, `${readFileSync(file, 'utf8')}\n${mdx}\n\n{pwned}\n`);
			// Bodies are rendered as Markdown, never compiled as MDX: the code is text on the page.
			const inert = await copy.build();
			expect(inert.code, inert.output).toBe(0);
			expect(existsSync(marker)).toBe(false);
			const page = readFileSync(join(copy.root, 'dist/entries/alpha-scheduler/index.html'), 'utf8');
			expect(page).toContain('<p>export const pwned = (await import(‘node:fs’))');
			expect(page).toContain('<p>{pwned}</p>');

			writeFileSync(file, `${readFileSync(file, 'utf8')}\n<script>alert(1)</script>\n`);
			const { code, output } = await copy.build();
			expect(code).toBe(1);
			expect(output).toContain('body: contains HTML, which entries cannot use');
			expect(existsSync(marker)).toBe(false);
			expect(existsSync(join(copy.root, 'dist'))).toBe(false);
		} finally {
			rmSync(marker, { force: true });
			copy.remove();
		}
	});
});
