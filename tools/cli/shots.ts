import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../harness/chromium.ts';
import { PROJECT_ROOT } from '../harness/project-copy.ts';
import { serveStatic } from '../harness/static-server.ts';
import { shotPages } from '../shots/pages.ts';

/**
 * `npm run shots`: full-page screenshots of every page kind of the built site (dist/), at a phone
 * and a desktop width, in light and dark, into shots/ (git-ignored), for anyone reviewing a change.
 */

const USAGE = 'usage: npm run build && npm run shots -- [--only <page name>]';
const VIEWPORTS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1440, height: 900 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

export async function main(args: string[]): Promise<number> {
	let only: string | undefined;
	try {
		({
			values: { only },
		} = parseArgs({ args, options: { only: { type: 'string' } } }));
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	const distDir = join(PROJECT_ROOT, 'dist');
	let pages;
	try {
		pages = shotPages(distDir).filter((page) => !only || page.name === only);
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 1;
	}
	if (!pages.length) {
		console.error(`No page is named "${only}".\n${USAGE}`);
		return 2;
	}
	const outDir = join(PROJECT_ROOT, 'shots');
	if (!only) rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const site = await serveStatic(distDir);
	const browser = await launchChromium();
	try {
		for (const viewport of VIEWPORTS) {
			for (const colorScheme of SCHEMES) {
				const context = await browser.newContext({
					viewport: { width: viewport.width, height: viewport.height },
					colorScheme,
				});
				const tab = await context.newPage();
				for (const page of pages) {
					await tab.goto(site.url + page.path, { waitUntil: 'load' });
					const file = join(outDir, `${page.name}--${viewport.name}--${colorScheme}.png`);
					await tab.screenshot({ path: file, fullPage: true });
					console.log(file.slice(PROJECT_ROOT.length + 1));
				}
				await context.close();
			}
		}
	} finally {
		await browser.close();
		await site.close();
	}
	return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
