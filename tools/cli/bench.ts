import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scorePage, type LighthouseResult } from '../audit/lighthouse.ts';
import { routes } from '../../src/lib/routes.ts';
import { buildPhases } from '../bench/build-phases.ts';
import { measureDevLoop } from '../bench/dev-loop.ts';
import { distStats } from '../bench/dist-stats.ts';
import { openSearchSession, type SearchRun } from '../bench/name-search.ts';
import { measurePageWeight } from '../bench/page-weight.ts';
import { buildPeer, peerKitEntries, type PeerBuild } from '../bench/peer-kit.ts';
import {
	buildSeries,
	formatBench,
	peerRatios,
	summarizeSearch,
	type BenchResult,
	type OurBuild,
} from '../bench/report.ts';
import { readTimeReport } from '../bench/time-report.ts';
import { launchChromium } from '../harness/chromium.ts';
import { checkContent } from '../../src/check/index.ts';
import { copyProject, PROJECT_ROOT, type ProjectCopy } from '../harness/project-copy.ts';
import { serveStatic } from '../harness/static-server.ts';
import {
	syntheticEntries,
	writeBenchContent,
	type SyntheticEntry,
} from '../bench/synthetic/entries.ts';
import { positiveInteger } from './arguments.ts';

/**
 * `npm run bench -- --entries N`: builds the real code over N generated entries in throwaway
 * copies (the real content/ is never touched) and measures the builds against the Starlight peer,
 * the dev loop, the output, name searches in Chromium and the weight of each kind of page.
 * Writes bench/results/<N>-entries.{json,md}.
 */

/** Entries in the build that shows what any build costs before its entries. */
const FLOOR_ENTRIES = 10;

const USAGE =
	'usage: npm run bench -- [--entries n] [--runs n] [--peer-kit DIR] [--peer-dir DIR] [--pairs n]';

/** Runs the benchmark; resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
	let count: number;
	let runs: number;
	let pairs: number;
	let kitDir: string | undefined;
	let peerDirOption: string | undefined;
	try {
		const { values } = parseArgs({
			args,
			options: {
				entries: { type: 'string', default: '1000' },
				runs: { type: 'string', default: '7' },
				'peer-kit': { type: 'string' },
				'peer-dir': { type: 'string' },
				pairs: { type: 'string', default: '1' },
			},
		});
		count = positiveInteger(values.entries, '--entries');
		runs = positiveInteger(values.runs, '--runs');
		pairs = positiveInteger(values.pairs, '--pairs');
		kitDir = values['peer-kit'] && resolve(values['peer-kit']);
		peerDirOption = values['peer-dir'] && resolve(values['peer-dir']);
		if (peerDirOption && !kitDir) throw new Error('--peer-dir needs --peer-kit');
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}

	// With the kit, both sites build the kit's entries; without it, the project's own generator's.
	console.error(`Generating ${count} entries${kitDir ? " with the peer kit's generator" : ''}…`);
	const entries = kitDir ? await peerKitEntries(kitDir, count) : syntheticEntries(count);
	const generated = mkdtempSync(join(tmpdir(), 'wlm-bench-content-'));
	const contentDir = join(generated, 'content');
	writeBenchContent(contentDir, entries, join(PROJECT_ROOT, 'content'));
	const { problems } = await checkContent(generated);
	const peerDir = kitDir && (peerDirOption ?? mkdtempSync(join(tmpdir(), 'wlm-bench-peer-')));
	const timeReport = join(generated, 'build.time');
	const timedBuild = async (copy: ProjectCopy): Promise<OurBuild> => {
		const { code, output } = await copy.build({}, { timeReport });
		if (code !== 0) throw new Error(`The build failed:\n${output.slice(-4000)}`);
		const usage = readTimeReport(readFileSync(timeReport, 'utf8'));
		return { ...usage, phases: buildPhases(output, usage.wallMs) };
	};

	const peer: PeerBuild[] = [];
	const cold: OurBuild[] = [];
	const cached: OurBuild[] = [];
	let copy: ProjectCopy | undefined;
	try {
		// Alternating, so that a machine busier at one moment weighs on both sites alike.
		for (let pair = 1; pair <= pairs; pair++) {
			const round = pairs > 1 ? ` (${pair} of ${pairs})` : '';
			if (kitDir && peerDir) {
				console.error(`Building the Starlight peer in ${peerDir}${round}…`);
				peer.push(await buildPeer(kitDir, count, peerDir));
			}
			// A fresh copy holds no .astro/ and no .cache/ (content data store, social cards).
			copy?.remove();
			copy = copyProject(contentDir, 'wlm-bench');
			console.error(`Building ours, cold${round}…`);
			cold.push(await timedBuild(copy));
			// Unchanged content, with the caches a CI build restores: social cards and the data store.
			console.error(`Rebuilding ours, cached${round}…`);
			cached.push(await timedBuild(copy));
		}
		const root = copy!.root;
		const floorContent = join(generated, 'floor', 'content');
		writeBenchContent(floorContent, entries.slice(0, FLOOR_ENTRIES), join(PROJECT_ROOT, 'content'));
		const floorCopy = copyProject(floorContent, 'wlm-bench-floor');
		let floor: OurBuild;
		try {
			console.error(`Building ours over the first ${FLOOR_ENTRIES} entries only, cold…`);
			floor = await timedBuild(floorCopy);
		} finally {
			floorCopy.remove();
		}

		const distDir = join(root, 'dist');
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
		const dist = distStats(distDir);

		const entry = entries[0]!;
		console.error('Timing the dev server: first page, then an edit…');
		const devLoop = await measureDevLoop(
			root,
			join('content/entries', entry.topic, `${entry.id}.mdx`),
			routes.entry(entry.id),
		);

		const builds: BenchResult['builds'] = {
			pairs,
			cold: buildSeries(cold),
			cached: buildSeries(cached),
			floor: { entries: FLOOR_ENTRIES, build: floor },
		};
		if (peer.length) {
			builds.peer = buildSeries(peer);
			builds.ratios = {
				cold: peerRatios(builds.cold.median, builds.peer.median),
				cached: peerRatios(builds.cached.median, builds.peer.median),
			};
		}
		const { pages, search } = measured;
		const result: BenchResult = {
			entries: count,
			generator: kitDir ? 'peer kit' : 'project',
			generatedAt: new Date().toISOString(),
			machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version },
			check: {
				errors: problems.filter((problem) => problem.severity === 'error').length,
				warnings: problems.filter((problem) => problem.severity === 'warning').length,
			},
			builds,
			devLoop,
			dist,
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
		copy?.remove();
		rmSync(generated, { recursive: true, force: true });
		if (peerDir && !peerDirOption) rmSync(peerDir, { recursive: true, force: true });
	}
}

interface PageToMeasure {
	kind: string;
	url: string;
	/** For the topic page: how many entries its topic holds. */
	entries?: number;
}

/** One page of each kind, the topic and lineage pages being those of the largest topic. */
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
		{ kind: `lineage ${biggestTopic}`, url: siteUrl + routes.topicLineage(biggestTopic) },
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
