import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
	beforeAll(async () => {
		good = copyProject(join(FIXTURE, 'content'), 'wlm-good');
		const { code, output } = await good.build();
		if (code !== 0) throw new Error(output);
	});
	afterAll(() => good.remove());

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
			writeFileSync(
				file,
				`${readFileSync(file, 'utf8')}\nexport const pwned = (await import('node:fs')).writeFileSync('${marker}', 'x')\n\n<script>alert(1)</script>\n`,
			);
			const { code, output } = await copy.build();
			expect(code).toBe(1);
			expect(output).toContain('body: contains import/export, which would run code');
			expect(output).toContain('body: contains the element <script>, which is not allowed');
			expect(existsSync(marker)).toBe(false);
			expect(existsSync(join(copy.root, 'dist'))).toBe(false);
		} finally {
			rmSync(marker, { force: true });
			copy.remove();
		}
	});

	/** A body row that a GFM-blind reading sees as inline code, and the build as live JSX. */
	const gfmExploit = (marker: string) =>
		`| a | b |\n|---|---|\n| \`x | <abbr title={globalThis.process.getBuiltinModule('node:fs').writeFileSync('${marker}', 'x')}>K</abbr> | y\` | z |\n`;

	it('refuses every hostile class in one build: no code runs, nothing ships, no stale site stays', async () => {
		const copy = copyProject(join(FIXTURE, 'content'), 'wlm-hostile');
		const marker = join(tmpdir(), `wlm-pwned-gfm-${process.pid}`);
		const entry = (name: string, extra: string, body = '') =>
			readFileSync(join(copy.root, ALPHA), 'utf8')
				.replace('title: Alpha Scheduler', `title: ${name}`)
				.replace(
					'url: https://alpha.example.org/',
					`url: https://${name.toLowerCase()}.example.org/`,
				)
				.replace('aliases: [alpha]\n', '')
				.replace('formerIds: [alpha-old]\n', extra)
				.replace('It was inspired', `${body}\nIt was inspired`);
		const dir = join(copy.root, 'content/entries/orchestration');
		try {
			mkdirSync(join(copy.root, 'dist'));
			writeFileSync(join(copy.root, 'dist/index.html'), 'a stale site');
			writeFileSync(join(dir, 'gfm.mdx'), entry('Gfm', '', gfmExploit(marker)));
			writeFileSync(
				join(dir, 'refresh.mdx'),
				entry(
					'Refresh',
					'',
					'<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n',
				),
			);
			writeFileSync(join(dir, 'jslink.mdx'), entry('Jslink', '', '[x](javascript:alert(1))\n'));
			writeFileSync(join(dir, 'hidden.mdx'), entry('Hidden', '# note\rformerIds: [beta-paper]\n'));
			writeFileSync(
				join(dir, 'bomb.mdx'),
				entry('Bomb', 'x: &a [1, 1]\ny: &b [*a, *a, *a]\nz: [*b, *b, *b]\n'),
			);
			symlinkSync('/etc/passwd', join(dir, 'passwd.mdx'));
			symlinkSync('user@host.1:1', join(dir, '.#alpha-scheduler.mdx'));
			const { code, output } = await copy.build();
			expect(code).toBe(1);
			for (const line of [
				'content/entries/orchestration/gfm.mdx:20: body: gives <abbr> a {…} attribute value',
				'content/entries/orchestration/refresh.mdx:18: body: contains the element <meta>, which is not allowed',
				'content/entries/orchestration/jslink.mdx:18: body: links to "javascript:alert(1)"',
				'content/entries/orchestration/hidden.mdx:12: file: contains a stray carriage return',
				'content/entries/orchestration/bomb.mdx:12: frontmatter: uses a YAML anchor (&a)',
				'content/entries/orchestration/passwd.mdx:1: file: is a symbolic link',
			])
				expect(output).toContain(line);
			expect(output).toContain('6 content problem(s) listed above; nothing was built.');
			expect(output).not.toContain('root:');
			expect(output).not.toMatch(/Stack trace|\n\s+at /);
			expect(existsSync(marker)).toBe(false);
			expect(existsSync(join(copy.root, 'dist'))).toBe(false);
		} finally {
			rmSync(marker, { force: true });
			copy.remove();
		}
	});

	it('refuses unsafe MDX inside the build pipeline itself, even with the gate taken out', async () => {
		const copy = copyProject(join(FIXTURE, 'content'), 'wlm-no-gate');
		const marker = join(tmpdir(), `wlm-pwned-pipeline-${process.pid}`);
		try {
			const config = join(copy.root, 'astro.config.mjs');
			writeFileSync(config, readFileSync(config, 'utf8').replace('contentGate(), ', ''));
			const file = join(copy.root, ALPHA);
			writeFileSync(
				file,
				readFileSync(file, 'utf8').replace(
					'It was inspired',
					`${gfmExploit(marker)}\nIt was inspired`,
				),
			);
			const { code, output } = await copy.build();
			expect(code).not.toBe(0);
			expect(output).toContain(`${ALPHA}:22: body: gives <abbr> a {…} attribute value`);
			expect(existsSync(marker)).toBe(false);
		} finally {
			rmSync(marker, { force: true });
			copy.remove();
		}
	});

	it('leaves no half-written site when the build crashes after writing pages', async () => {
		const copy = copyProject(join(FIXTURE, 'content'), 'wlm-crash');
		try {
			const config = join(copy.root, 'astro.config.mjs');
			const crash =
				"{ name: 'crash', hooks: { 'astro:build:done': () => { throw new Error('disk full'); } } }";
			writeFileSync(
				config,
				readFileSync(config, 'utf8').replace('searchIndex()]', `searchIndex(), ${crash}]`),
			);
			const { code, output } = await copy.build();
			expect(code).not.toBe(0);
			expect(output).toContain('disk full');
			expect(output).toContain('Nothing was built: dist/ holds no site until a build finishes.');
			expect(existsSync(join(copy.root, 'dist'))).toBe(false);
		} finally {
			copy.remove();
		}
	});
});
