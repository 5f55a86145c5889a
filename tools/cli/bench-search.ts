import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { routes } from '../../src/lib/routes.ts';
import { formatQuality, measureSearchQuality, summarizeQuality } from '../bench/search-quality.ts';
import { SEARCH_QUERIES } from '../bench/search-queries.ts';
import { launchChromium } from '../harness/chromium.ts';
import { PROJECT_ROOT, runAstroBuild } from '../harness/project-copy.ts';
import { serveStatic } from '../harness/static-server.ts';

/**
 * `npm run bench:search`: builds the site from content/ (skip with --no-build to measure the
 * current dist/), then runs the topical query table through the real search page in Chromium and
 * reports recall@5 and MRR. Writes bench/results/search-quality.{json,md}.
 */

const USAGE = 'usage: npm run bench:search -- [--no-build]';

export async function main(args: string[]): Promise<number> {
	let build: boolean;
	try {
		const { values } = parseArgs({ args, options: { 'no-build': { type: 'boolean' } } });
		build = !values['no-build'];
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	if (build) {
		console.error('Building…');
		const { code, output } = await runAstroBuild(PROJECT_ROOT);
		if (code !== 0) {
			console.error(`The build failed:\n${output.slice(-4000)}`);
			return 1;
		}
	}
	const distDir = join(PROJECT_ROOT, 'dist');
	const { entries } = JSON.parse(readFileSync(join(distDir, routes.data()), 'utf8')) as {
		entries: { id: string }[];
	};
	const server = await serveStatic(distDir);
	const browser = await launchChromium();
	try {
		const ids = entries.map((entry) => entry.id);
		const scores = await measureSearchQuality(browser, server.url, ids, SEARCH_QUERIES);
		const report = formatQuality(scores, ids.length);
		const results = join(PROJECT_ROOT, 'bench/results');
		mkdirSync(results, { recursive: true });
		writeFileSync(join(results, 'search-quality.md'), report);
		writeFileSync(
			join(results, 'search-quality.json'),
			`${JSON.stringify({ entries: ids.length, ...summarizeQuality(scores), scores }, null, '\t')}\n`,
		);
		console.log(report);
		return 0;
	} finally {
		await browser.close();
		await server.close();
	}
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
