import { BUDGETS } from '../audit/budgets.ts';
import { CATEGORIES, type LighthouseResult } from '../audit/lighthouse.ts';
import { markdownTable } from '../measure/markdown-table.ts';
import type { DistStats } from './dist-stats.ts';
import type { SearchRun } from './name-search.ts';
import type { PageWeight } from './page-weight.ts';

/** Targets the benchmark reports against; it does not fail on them. */
export const BENCH_BUDGETS = {
	/** A cold name search at 10,000 entries (search code and shards), as a compressing host sends it. */
	coldSearchBytes: 20 * 1024,
	warmSearchMs: 100,
	buildMs: 60_000,
	buildMemoryBytes: 2 * 1024 ** 3,
} as const;

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

export interface BenchResult {
	entries: number;
	generatedAt: string;
	machine: { cpus: number; memoryBytes: number; node: string };
	/** Problems `npm run check` finds in the generated content: both must be 0. */
	check: { errors: number; warnings: number };
	/** `phases`: the build log's timing lines, to show where the time goes. */
	build: { wallMs: number; peakMemoryBytes: number; phases: string[] };
	dist: DistStats;
	search: { cold: SearchSummary; warm: SearchSummary };
	pages: (PageWeight & { entries?: number })[];
	/** Mobile scores of the same pages, against the audit's Lighthouse budget. */
	lighthouse: LighthouseResult[];
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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
const count = (value: number) => value.toLocaleString('en');
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** The result as Markdown: one table of measures against budgets, one of page weights. */
export function formatBench(result: BenchResult): string {
	const { machine, check, build, dist, search } = result;
	const searchCell = (summary: SearchSummary) =>
		[
			`${summary.medianMs.toFixed(0)} ms`,
			`${kb(summary.medianGzipBytes)} sent gzipped (${kb(summary.medianBytes)} uncompressed)`,
			`first result right ${summary.topHitsRight}/${summary.runs.length}`,
		].join('; ');
	const measures = markdownTable(
		['measure', 'value', 'budget', ''],
		[
			[
				'build wall time',
				`${(build.wallMs / 1000).toFixed(1)} s`,
				`< ${BENCH_BUDGETS.buildMs / 1000} s`,
				verdict(build.wallMs < BENCH_BUDGETS.buildMs),
			],
			[
				'build peak memory, process tree',
				gib(build.peakMemoryBytes),
				`< ${gib(BENCH_BUDGETS.buildMemoryBytes)}`,
				verdict(build.peakMemoryBytes < BENCH_BUDGETS.buildMemoryBytes),
			],
			['dist', `${mb(dist.bytes)} in ${count(dist.files)} files`, '', ''],
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
	const validity = `the content check found ${check.errors} errors and ${check.warnings} warnings in the generated entries`;
	const parts = (summary: SearchSummary) =>
		Object.entries(summary.medianGzipBytesByPart)
			.sort((a, b) => b[1] - a[1])
			.map(([part, bytes]) => `${part} ${kb(bytes)}`)
			.join(', ');
	return [
		`## ${count(result.entries)} synthetic entries`,
		`${setting}; ${validity}.`,
		measures,
		`Cold search by part, gzip: ${parts(search.cold)}. Warm: ${parts(search.warm)}.`,
		pages,
		`Lighthouse, median of ${result.lighthouse[0]?.performanceRuns.length ?? 0} runs by performance; the budget is ${BUDGETS.lighthouseScore} in every category:`,
		scores,
		`Build phases:\n\n${build.phases.map((line) => `- ${line}`).join('\n')}`,
	].join('\n\n');
}
