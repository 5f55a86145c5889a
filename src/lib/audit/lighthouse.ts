import { createServer } from 'node:net';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { launchChromium } from '../browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseResult {
	kind: string;
	url: string;
	formFactor: FormFactor;
	/** Scores out of 100 of the median run, the runs ranked by performance. */
	scores: Record<Category, number>;
	/** The performance score of every run, to show how much they spread. */
	performanceRuns: number[];
	/** Audits of the median run that count toward a score and fell short of full marks. */
	shortfalls: { id: string; score: number; displayValue?: string }[];
}

export interface LighthouseRunner {
	score(kind: string, url: string, formFactor: FormFactor, runs: number): Promise<LighthouseResult>;
	close(): Promise<void>;
}

/**
 * Starts Debian's Chromium with a DevTools port for Lighthouse to drive: Lighthouse never
 * launches or downloads a browser of its own. Each page is run several times and the median run
 * kept, because simulated throttling still moves the performance score by a point or two.
 */
export async function startLighthouse(): Promise<LighthouseRunner> {
	const port = await freePort();
	const browser = await launchChromium([`--remote-debugging-port=${port}`]);
	const run = async (url: string, formFactor: FormFactor) => {
		const outcome = await lighthouse(
			url,
			{ port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
			formFactor === 'desktop' ? desktopConfig : undefined,
		);
		if (!outcome) throw new Error(`Lighthouse returned nothing for ${url}`);
		if (outcome.lhr.runtimeError)
			throw new Error(`Lighthouse failed on ${url}: ${outcome.lhr.runtimeError.message}`);
		return outcome.lhr;
	};
	let warmedUp = false;
	return {
		async score(kind, url, formFactor, runs) {
			// The first run in a fresh browser pays for its cold start, so it is run and thrown away.
			if (!warmedUp) await run(url, formFactor);
			warmedUp = true;
			const results: Result[] = [];
			for (let index = 0; index < runs; index++) results.push(await run(url, formFactor));
			const performance = (result: Result) => result.categories.performance?.score ?? 0;
			const ranked = [...results].sort((a, b) => performance(a) - performance(b));
			const median = ranked[Math.floor((ranked.length - 1) / 2)]!;
			return {
				kind,
				url,
				formFactor,
				scores: Object.fromEntries(
					CATEGORIES.map((category) => [
						category,
						Math.round((median.categories[category]?.score ?? 0) * 100),
					]),
				) as Record<Category, number>,
				performanceRuns: results.map((result) => Math.round(performance(result) * 100)),
				shortfalls: shortfallsOf(median),
			};
		},
		close: () => browser.close(),
	};
}

function shortfallsOf(result: Result): LighthouseResult['shortfalls'] {
	const scored = new Set(
		CATEGORIES.flatMap((category) => result.categories[category]?.auditRefs ?? [])
			.filter((reference) => reference.weight > 0)
			.map((reference) => reference.id),
	);
	return [...scored].flatMap((id) => {
		const audit = result.audits[id];
		if (!audit || audit.score === null || audit.score >= 1) return [];
		return [
			{ id, score: audit.score, ...(audit.displayValue && { displayValue: audit.displayValue }) },
		];
	});
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
