import { expect, it } from 'vitest';
import { CONTROL_KIND, findMisses, type AuditFindings } from '../../tools/audit/budgets.ts';
import type { LighthouseResult } from '../../tools/audit/lighthouse.ts';

const scored = (kind: string, performance: number): LighthouseResult => ({
	kind,
	url: `http://127.0.0.1/${kind}/`,
	formFactor: 'mobile',
	scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
	performanceRuns: [performance],
	shortfalls: [],
	benchmarkIndex: 1400,
	cpuSlowdown: 3.7,
});

const findings = (extra: Partial<AuditFindings>): AuditFindings => ({
	pages: [],
	html: { files: 1, errors: [] },
	links: [],
	externalLinks: { links: 0, unguarded: [] },
	...extra,
});

it("names the blank control page's scores beside a performance miss, and still counts the miss", () => {
	const misses = findMisses(
		findings({
			lighthouse: [scored('topic', 98), scored('home', 100)],
			lighthouseControl: [scored(CONTROL_KIND, 97), scored(CONTROL_KIND, 99)],
		}),
	);
	expect(misses).toEqual([
		'Lighthouse performance on the topic page (mobile): 98 < 100 (a blank page scored 97 and 99 on this machine in the same run)',
	]);
});

it('does not count the control page against the budget', () => {
	expect(
		findMisses(findings({ lighthouse: [], lighthouseControl: [scored(CONTROL_KIND, 90)] })),
	).toEqual([]);
});
