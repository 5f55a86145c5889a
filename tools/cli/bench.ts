import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scorePage, type LighthouseResult } from '../audit/lighthouse.ts';
import { routes } from '../../src/lib/routes.ts';
import { buildPhases } from '../bench/build-phases.ts';
import { distStats } from '../bench/dist-stats.ts';
import { openSearchSession, type SearchRun } from '../bench/name-search.ts';
import { measurePageWeight } from '../bench/page-weight.ts';
import { watchTreeMemory } from '../bench/process-memory.ts';
import { formatBench, summarizeSearch, type BenchResult } from '../bench/report.ts';
import { launchChromium } from '../harness/chromium.ts';
import { checkContent } from '../../src/check/index.ts';
import { copyProject, PROJECT_ROOT } from '../harness/project-copy.ts';
import { serveStatic } from '../harness/static-server.ts';
import { writeSyntheticContent, type SyntheticEntry } from '../bench/synthetic/entries.ts';
import { positiveInteger } from './arguments.ts';

/**
 * `npm run bench -- --entries N`: builds the real code over N generated entries in a throwaway
 * copy (the real content/ is never touched), then measures the build, the output, name searches
 * in Chromium and the weight of each kind of page. Writes bench/results/<N>-entries.{json,md}.
 */

const USAGE = 'usage: npm run bench -- [--entries n] [--runs n]';

/** Runs the benchmark; resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
	let count: number;
	let runs: number;
	try {
		const { values } = parseArgs({
			args,
			options: {
				entries: { type: 'string', default: '1000' },
				runs: { type: 'string', default: '7' },
			},
		});
		count = positiveInteger(values.entries, '--entries');
		runs = positiveInteger(values.runs, '--runs');
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}

	const generated = mkdtempSync(join(tmpdir(), 'wlm-bench-content-'));
	console.error(`Generating ${count} entries…`);
	const entries = writeSyntheticContent(
		join(generated, 'content'),
		count,
		join(PROJECT_ROOT, 'content'),
	);
	const { problems } = await checkContent(generated);
	const copy = copyProject(join(generated, 'content'), 'wlm-bench');
	rmSync(generated, { recursive: true, force: true });
	try {
		console.error('Building…');
		const memory = watchTreeMemory();
		const started = performance.now();
		const { code, output } = await copy.build();
		const wallMs = performance.now() - started;
		const peakMemoryBytes = memory.stop();
		if (code !== 0) throw new Error(`The build failed:\n${output.slice(-4000)}`);

		const distDir = join(copy.root, 'dist');
		const server = await serveStatic(distDir);
		let measured: Awaited<ReturnType<typeof measureInBrowser>>;
		let lighthouse: LighthouseResult[];
		try {
			const pageKinds = pagesToMeasure(server.url, entries);
			console.error('Measuring pages and searches in Chromium…');
			measured = await measureInBrowser(pageKinds, entries, runs);
			lighthouse = await scoreOnMobile(pageKinds, runs);
		} finally {
			await server.close();
		}
		const { pages, search } = measured;
		const result: BenchResult = {
			entries: count,
			generatedAt: new Date().toISOString(),
			machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version },
			check: {
				errors: problems.filter((problem) => problem.severity === 'error').length,
				warnings: problems.filter((problem) => problem.severity === 'warning').length,
			},
			build: { wallMs, peakMemoryBytes, phases: buildPhases(output) },
			dist: distStats(distDir),
			search,
			pages,
			lighthouse,
		};
		const table = formatBench(result);
		const resultsDir = join(PROJECT_ROOT, 'bench/results');
		mkdirSync(resultsDir, { recursive: true });
		writeFileSync(
			join(resultsDir, `${count}-entries.json`),
			`${JSON.stringify(result, null, '\t')}\n`,
		);
		writeFileSync(join(resultsDir, `${count}-entries.md`), `${table}\n`);
		console.log(table);
		return 0;
	} finally {
		copy.remove();
	}
}

interface PageToMeasure {
	kind: string;
	url: string;
	/** For the topic page: how many entries its topic holds. */
	entries?: number;
}

/** One page of each kind, the topic page being the first page of the largest topic. */
function pagesToMeasure(siteUrl: string, entries: SyntheticEntry[]): PageToMeasure[] {
	const [biggestTopic, topicEntries] = [...Map.groupBy(entries, (entry) => entry.topic)].sort(
		(a, b) => b[1].length - a[1].length,
	)[0]!;
	return [
		{ kind: 'home', url: siteUrl },
		{
			kind: `topic ${biggestTopic}`,
			url: siteUrl + routes.topic(biggestTopic),
			entries: topicEntries.length,
		},
		{ kind: 'entry', url: siteUrl + routes.entry(entries[0]!.id) },
		{ kind: 'search', url: siteUrl + routes.search() },
		{ kind: 'lineage', url: siteUrl + routes.lineage() },
	];
}

async function measureInBrowser(
	pageKinds: PageToMeasure[],
	entries: SyntheticEntry[],
	runs: number,
) {
	const browser = await launchChromium();
	try {
		const pages = [];
		for (const { kind, url, entries } of pageKinds) {
			pages.push({ ...(await measurePageWeight(browser, kind, url)), ...(entries && { entries }) });
		}

		// Real names, spread over the list: one per cold run, one to warm up, one per warm run.
		const entryUrl = pageKinds.find((page) => page.kind === 'entry')!.url;
		const tools = entries.filter((entry) => entry.kind === 'tool');
		const queries = Array.from(
			{ length: 2 * runs + 1 },
			(_, index) => tools[Math.floor((index * tools.length) / (2 * runs + 1))]!.title,
		);
		const cold: SearchRun[] = [];
		for (const query of queries.slice(0, runs)) {
			const session = await openSearchSession(browser, entryUrl);
			cold.push(await session.search(query));
			await session.close();
		}
		const session = await openSearchSession(browser, entryUrl);
		await session.search(queries[runs]!);
		const warm: SearchRun[] = [];
		for (const query of queries.slice(runs + 1)) warm.push(await session.search(query));
		await session.close();
		return { pages, search: { cold: summarizeSearch(cold), warm: summarizeSearch(warm) } };
	} finally {
		await browser.close();
	}
}

/** Lighthouse on mobile, the budgeted form factor, median of `runs` for each page. */
async function scoreOnMobile(pageKinds: PageToMeasure[], runs: number) {
	const results: LighthouseResult[] = [];
	for (const { kind, url } of pageKinds) {
		console.error(`Lighthouse: ${kind} page, mobile, ${runs} run(s)…`);
		results.push(await scorePage(kind, url, 'mobile', runs));
	}
	return results;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
