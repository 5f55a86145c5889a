import type { Browser } from 'playwright-core';
import { routes } from '../../src/lib/routes.ts';
import { IDS } from '../../src/lib/search-contract.ts';
import { markdownTable } from '../measure/markdown-table.ts';
import type { TopicalQuery } from './search-queries.ts';

/** How well one topical query did: recall among the first five results, and 1 / rank of the first expected one. */
export interface QueryScore {
	query: string;
	/** Expected ids the measured build holds; only these are scored. */
	expected: string[];
	/** Expected ids the build does not hold. */
	absent: string[];
	/** The first ten result ids, as the search page lists them. */
	top: string[];
	recallAt5: number;
	reciprocalRank: number;
}

const CUTOFF = 5;

/** Recall@5 counts at most five expected ids, so a query expecting seven can still reach 1. */
export function scoreRanking(expected: string[], ranked: string[]) {
	const wanted = expected.slice(0, CUTOFF);
	const found = wanted.filter((id) => ranked.slice(0, CUTOFF).includes(id)).length;
	const first = ranked.findIndex((id) => expected.includes(id));
	return {
		recallAt5: wanted.length ? found / wanted.length : 0,
		reciprocalRank: first === -1 ? 0 : 1 / (first + 1),
	};
}

/**
 * Types each query into the real search page of a served build, in Chromium, and reads the result
 * rows in order. `ids` are the entries the build holds.
 */
export async function measureSearchQuality(
	browser: Browser,
	siteUrl: string,
	ids: string[],
	queries: TopicalQuery[],
): Promise<QueryScore[]> {
	const idOfPath = new Map(ids.map((id) => [new URL(siteUrl + routes.entry(id)).pathname, id]));
	const page = await browser.newPage();
	await page.goto(siteUrl + routes.search());
	const scores: QueryScore[] = [];
	for (const { query, expected } of queries) {
		await page.fill(`#${IDS.pageInput}`, query);
		await page.waitForFunction(
			({ status, text }) => document.getElementById(status)?.textContent?.includes(`“${text}”`),
			{ status: IDS.status, text: query },
		);
		const hrefs = await page.$$eval(`#${IDS.results} a.result`, (links) =>
			links.slice(0, 10).map((link) => new URL((link as HTMLAnchorElement).href).pathname),
		);
		const top = hrefs.map((path) => idOfPath.get(path) ?? path);
		const present = expected.filter((id) => ids.includes(id));
		scores.push({
			query,
			expected: present,
			absent: expected.filter((id) => !ids.includes(id)),
			top,
			...scoreRanking(present, top),
		});
	}
	await page.close();
	return scores;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function summarizeQuality(scores: QueryScore[]) {
	const scored = scores.filter((score) => score.expected.length);
	return {
		queries: scored.length,
		unscored: scores.length - scored.length,
		absentIds: scores.reduce((sum, score) => sum + score.absent.length, 0),
		recallAt5: mean(scored.map((score) => score.recallAt5)),
		mrr: mean(scored.map((score) => score.reciprocalRank)),
	};
}

export function formatQuality(scores: QueryScore[], entries: number): string {
	const summary = summarizeQuality(scores);
	const rows = scores.map((score) => [
		score.query,
		score.expected.join(', ') || '(none in this build)',
		score.top.slice(0, CUTOFF).join(', '),
		score.expected.length ? score.recallAt5.toFixed(2) : '',
		score.expected.length ? score.reciprocalRank.toFixed(2) : '',
	]);
	return [
		`## Full-text search quality, ${entries} entries`,
		'',
		`${summary.queries} topical queries scored (tools/bench/search-queries.ts); ` +
			`${summary.unscored} had no expected entry in this build, and ${summary.absentIds} expected ids were absent.`,
		'',
		`**recall@5 ${summary.recallAt5.toFixed(3)}, MRR ${summary.mrr.toFixed(3)}** (aim: recall@5 ≥ 0.9).`,
		'',
		markdownTable(['query', 'expected', 'first five results', 'recall@5', 'RR'], rows, [3, 4]),
		'',
	].join('\n');
}
