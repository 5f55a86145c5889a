import { BUDGETS } from '../audit/budgets.ts';
import { CATEGORIES, type LighthouseResult } from '../audit/lighthouse.ts';
import { markdownTable } from '../measure/markdown-table.ts';
import type { BuildPhase } from './build-phases.ts';
import type { DevLoop } from './dev-loop.ts';
import type { DistStats } from './dist-stats.ts';
import type { SearchRun } from './name-search.ts';
import type { PageWeight } from './page-weight.ts';
import type { PeerBuild } from './peer-kit.ts';
import type { ProcessUsage } from './time-report.ts';

/** Targets the benchmark reports against; it does not fail on them. */
export const BENCH_BUDGETS = {
	/** A cold name search at 10,000 entries (search code and shards), as a compressing host sends it. */
	coldSearchBytes: 20 * 1024,
	warmSearchMs: 100,
} as const;

/**
 * The build's targets (issue 16), each set for one number of entries. Wall time is judged as a
 * ratio to the Starlight peer built in the same run, since the machines are shared and noisy.
 */
export const BUILD_TARGETS: BuildTarget[] = [
	{ entries: 1_000, measure: 'wall', maxRatio: 0.4 },
	{ entries: 10_000, measure: 'wall', maxRatio: 0.5 },
	{ entries: 10_000, measure: 'memory', maxBytes: 2 * 1024 ** 3 },
];

export type BuildTarget = { entries: number } & (
	| { measure: 'wall'; maxRatio: number }
	| { measure: 'memory'; maxBytes: number }
);

/** One build of ours: what GNU time says of it, and where its time went by the build log. */
export interface OurBuild extends ProcessUsage {
	phases: BuildPhase[];
}

/** The builds of one kind over the pairs, and the median of each measure, taken separately. */
export interface BuildSeries<Run extends ProcessUsage> {
	median: ProcessUsage;
	runs: Run[];
}

/** Ours over the peer's, median against median. */
export interface PeerRatios {
	wall: number;
	cpu: number;
	memory: number;
}

export interface BenchResult {
	entries: number;
	/** Whose generator wrote the entries: the peer kit's (the same entries the peer built) or ours. */
	generator: 'peer kit' | 'project';
	generatedAt: string;
	machine: { cpus: number; memoryBytes: number; node: string };
	/** Problems `npm run check` finds in the generated content: both must be 0. */
	check: { errors: number; warnings: number };
	/**
	 * `pairs` rounds of [the peer's build] → our cold build (a fresh copy) → our cached rebuild (the
	 * same copy, its social cards and content data store kept). The peer appears with `--peer-kit`.
	 */
	builds: {
		pairs: number;
		peer?: BuildSeries<PeerBuild>;
		cold: BuildSeries<OurBuild>;
		cached: BuildSeries<OurBuild>;
		ratios?: { cold: PeerRatios; cached: PeerRatios };
		/**
		 * A cold build of the same code over only the first few of the entries: what every build costs
		 * before its entries (Astro's start, bundling, the other pages, the index), once.
		 */
		floor?: { entries: number; build: OurBuild };
	};
	/** `astro dev` in the last copy, on one entry page. */
	devLoop: DevLoop;
	/** What follows is measured on the cached build's dist. */
	dist: DistStats;
	search: { cold: SearchSummary; warm: SearchSummary };
	pages: (PageWeight & { entries?: number })[];
	/** Mobile scores of the same pages, against the audit's Lighthouse budget. */
	lighthouse: LighthouseResult[];
}

export interface SearchSummary {
	runs: SearchRun[];
	medianMs: number;
	medianBytes: number;
	medianGzipBytes: number;
	/** Runs whose first result was the entry named by the query. */
	topHitsRight: number;
	/** Gzip bytes by part of the search, in the run whose total is the median. */
	medianGzipBytesByPart: Record<string, number>;
}

/** The median of some numbers (the lower middle for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Sums up search runs. */
export function summarizeSearch(runs: SearchRun[]): SearchSummary {
	const medianGzipBytes = median(runs.map((run) => run.gzipBytes));
	return {
		runs,
		medianMs: median(runs.map((run) => run.ms)),
		medianBytes: median(runs.map((run) => run.bytes)),
		medianGzipBytes,
		topHitsRight: runs.filter((run) => run.topHit === run.query).length,
		medianGzipBytesByPart:
			runs.find((run) => run.gzipBytes === medianGzipBytes)?.gzipBytesByPart ?? {},
	};
}

/** Builds of one kind, with the median of each measure. */
export function buildSeries<Run extends ProcessUsage>(runs: Run[]): BuildSeries<Run> {
	return {
		median: {
			wallMs: median(runs.map((run) => run.wallMs)),
			cpuMs: median(runs.map((run) => run.cpuMs)),
			maxRssBytes: median(runs.map((run) => run.maxRssBytes)),
		},
		runs,
	};
}

/** Ours over the peer's, for each measure. */
export function peerRatios(ours: ProcessUsage, peer: ProcessUsage): PeerRatios {
	return {
		wall: ours.wallMs / peer.wallMs,
		cpu: ours.cpuMs / peer.cpuMs,
		memory: ours.maxRssBytes / peer.maxRssBytes,
	};
}

const targetName = (target: BuildTarget) =>
	target.measure === 'wall'
		? `wall ≤ ${target.maxRatio}× the peer's`
		: `max RSS ≤ ${(target.maxBytes / 1024 ** 3).toFixed(0)} GiB`;

/** The run whose wall time is the median, whose phases stand for the series. */
const medianRun = (series: BuildSeries<OurBuild>) =>
	series.runs.find((run) => run.wallMs === series.median.wallMs) ?? series.runs[0]!;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const count = (value: number) => value.toLocaleString('en');
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** The three builds, then how they meet the targets, where their time went, and the dev loop. */
function formatBuilds(result: BenchResult): string[] {
	const { builds, devLoop } = result;
	const { peer, cold, cached, ratios } = builds;
	const usage = ({ wallMs, cpuMs, maxRssBytes }: ProcessUsage) => [
		seconds(wallMs),
		seconds(cpuMs),
		gib(maxRssBytes),
	];
	const ratioCells = (ratio?: PeerRatios) =>
		ratio ? [times(ratio.wall), times(ratio.cpu), times(ratio.memory)] : ['', '', ''];
	const buildTable = markdownTable(
		[
			`build, median of ${builds.pairs}`,
			'wall',
			'CPU (user + sys)',
			'max RSS, largest process',
			'wall ÷ peer',
			'CPU ÷ peer',
			'max RSS ÷ peer',
		],
		[
			...(peer ? [['Starlight peer', ...usage(peer.median), '1×', '1×', '1×']] : []),
			['ours, cold (fresh copy)', ...usage(cold.median), ...ratioCells(ratios?.cold)],
			['ours, cached rebuild', ...usage(cached.median), ...ratioCells(ratios?.cached)],
			...(builds.floor
				? [
						[
							`ours, cold, first ${builds.floor.entries} entries only (once)`,
							...usage(builds.floor.build),
							...ratioCells(peer && peerRatios(builds.floor.build, peer.median)),
						],
					]
				: []),
		],
		[1, 2, 3, 4, 5, 6],
	);

	/** The target's measure for one build, and its verdict when this run has the target's size. */
	const judge = (target: BuildTarget, ours: ProcessUsage, ratio?: PeerRatios) => {
		let value: string;
		let met: boolean;
		if (target.measure === 'memory') {
			value = gib(ours.maxRssBytes);
			met = ours.maxRssBytes <= target.maxBytes;
		} else if (ratio) {
			value = times(ratio.wall);
			met = ratio.wall <= target.maxRatio;
		} else return 'no peer build (--peer-kit)';
		return target.entries === result.entries
			? `${value}, ${verdict(met)}`
			: `${value}, not judged at ${count(result.entries)} entries`;
	};
	const targets = markdownTable(
		['target (issue 16)', 'ours, cold', 'ours, cached'],
		BUILD_TARGETS.map((target) => [
			`${targetName(target)} at ${count(target.entries)} entries`,
			judge(target, cold.median, ratios?.cold),
			judge(target, cached.median, ratios?.cached),
		]),
	);

	const coldPhases = medianRun(cold).phases;
	const cachedPhases = medianRun(cached).phases;
	const names = [...new Set([...coldPhases, ...cachedPhases].map(({ phase }) => phase))];
	const phaseCell = (phases: BuildPhase[], name: string) => {
		const phase = phases.find((phase) => phase.phase === name);
		return phase ? `${phase.seconds.toFixed(2)} s` : '';
	};
	const phases = markdownTable(
		['build phase, from the log of the median build', 'cold', 'cached'],
		names.map((name) => [name, phaseCell(coldPhases, name), phaseCell(cachedPhases, name)]),
		[1, 2],
	);

	const dev = markdownTable(
		['`astro dev`, one entry page', 'time', 'issue 16 asks, at 1,000 entries'],
		[
			['first page served, from start', seconds(devLoop.firstPageMs), 'a few seconds'],
			['edited entry re-rendered', seconds(devLoop.editMs), 'about a second'],
		],
		[1],
	);
	return [
		buildTable,
		'Each target is judged only at the number of entries it was set for, on the medians above:',
		targets,
		phases,
		dev,
	];
}

/**
 * The result as Markdown: the builds against the peer and the targets, their phases, the dev loop,
 * then measures of the output against budgets, page weights and Lighthouse scores.
 */
export function formatBench(result: BenchResult): string {
	const { machine, check, dist, search, builds } = result;
	const searchCell = (summary: SearchSummary) =>
		[
			`${summary.medianMs.toFixed(0)} ms`,
			`${kb(summary.medianGzipBytes)} sent gzipped (${kb(summary.medianBytes)} uncompressed)`,
			`first result right ${summary.topHitsRight}/${summary.runs.length}`,
		].join('; ');
	const peerDist = builds.peer?.runs.at(-1);
	const measures = markdownTable(
		['measure, cached build', 'value', 'budget', ''],
		[
			['dist', `${mb(dist.bytes)} in ${count(dist.files)} files`, '', ''],
			...(peerDist
				? [
						[
							"the peer's dist",
							`${mb(peerDist.distBytes)}, ${count(peerDist.htmlFiles)} HTML files`,
							'',
							'',
						],
					]
				: []),
			['Pagefind index', `${mb(dist.pagefindBytes)} in ${count(dist.pagefindFiles)} files`, '', ''],
			['name shards', mb(dist.nameShardBytes), '', ''],
			[
				'entry pages, HTML with lineage',
				`median ${kb(dist.entryPages.medianBytes)}, largest ${kb(dist.entryPages.maxBytes)}`,
				'',
				'',
			],
			[
				`cold name search, median of ${search.cold.runs.length}`,
				searchCell(search.cold),
				`≤ ${kb(BENCH_BUDGETS.coldSearchBytes)} gzip at 10,000 entries`,
				verdict(search.cold.medianGzipBytes <= BENCH_BUDGETS.coldSearchBytes),
			],
			[
				`warm name search, median of ${search.warm.runs.length}`,
				searchCell(search.warm),
				`≤ ${BENCH_BUDGETS.warmSearchMs} ms`,
				verdict(search.warm.medianMs <= BENCH_BUDGETS.warmSearchMs),
			],
		],
	);
	const pages = markdownTable(
		['page, before any interaction', 'HTML', 'requests', 'uncompressed', 'sent (gzip)', 'JS', 'JS sent'],
		result.pages.map((page) => [
			page.entries ? `${page.kind} (${count(page.entries)} entries in the topic)` : page.kind,
			kb(page.htmlBytes),
			page.requests,
			kb(page.bytes),
			kb(page.gzipBytes),
			kb(page.jsBytes),
			kb(page.jsGzipBytes),
		]),
		[1, 2, 3, 4, 5, 6],
	);
	const scores = markdownTable(
		['page, Lighthouse mobile', ...CATEGORIES, 'performance, every run', 'CPU slowdown (benchmark)', ''],
		result.lighthouse.map((page) => [
			page.kind,
			...CATEGORIES.map((category) => page.scores[category]),
			page.performanceRuns.join(', '),
			`${page.cpuSlowdown}x (${page.benchmarkIndex})`,
			verdict(CATEGORIES.every((category) => page.scores[category] >= BUDGETS.lighthouseScore)),
		]),
		[1, 2, 3, 4],
	);
	const setting = `${machine.cpus} CPUs, ${(machine.memoryBytes / 1024 ** 3).toFixed(0)} GiB, Node ${machine.node}`;
	const generator =
		result.generator === 'peer kit'
			? "the peer kit's generator wrote the entries both sites built"
			: "the project's generator wrote the entries (no peer build: pass --peer-kit)";
	const validity = `the content check found ${check.errors} errors and ${check.warnings} warnings in them`;
	const parts = (summary: SearchSummary) =>
		Object.entries(summary.medianGzipBytesByPart)
			.sort((a, b) => b[1] - a[1])
			.map(([part, bytes]) => `${part} ${kb(bytes)}`)
			.join(', ');
	return [
		`## ${count(result.entries)} synthetic entries`,
		`${setting}; ${generator}; ${validity}.`,
		...formatBuilds(result),
		measures,
		`Cold search by part, gzip: ${parts(search.cold)}. Warm: ${parts(search.warm)}.`,
		pages,
		`Lighthouse, median of ${result.lighthouse[0]?.performanceRuns.length ?? 0} runs by performance; the budget is ${BUDGETS.lighthouseScore} in every category:`,
		scores,
	].join('\n\n');
}
