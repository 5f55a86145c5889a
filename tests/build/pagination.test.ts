import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, PROJECT_ROOT, type ProjectCopy } from '../../tools/harness/project-copy.ts';
import { TOPIC_PAGE_SIZE } from '../../src/lib/site.ts';
import { writeSyntheticContent, type SyntheticEntry } from '../../tools/bench/synthetic/entries.ts';
import { TOPICS } from '../../src/schema/vocabulary.ts';

/** Topics with more entries than fit on one page, built through the real code. */
describe('topic pages at scale', () => {
	let copy: ProjectCopy;
	let entries: SyntheticEntry[];
	beforeAll(async () => {
		const content = mkdtempSync(join(tmpdir(), 'wlm-synthetic-'));
		entries = writeSyntheticContent(content, 480, join(PROJECT_ROOT, 'content'));
		copy = copyProject(content, 'wlm-paginated');
		rmSync(content, { recursive: true, force: true });
		const { code, output } = await copy.build();
		if (code !== 0) throw new Error(output);
	});
	afterAll(() => copy?.remove());

	const page = (topic: string, number: number) =>
		join(copy.root, 'dist/topics', topic, number === 1 ? '' : String(number), 'index.html');

	it('lists every entry of a topic exactly once across pages of at most TOPIC_PAGE_SIZE', () => {
		for (const topic of TOPICS) {
			const own = entries.filter((entry) => entry.topic === topic);
			const pages = Math.ceil(own.length / TOPIC_PAGE_SIZE);
			expect(pages, topic).toBeGreaterThan(1);
			expect(existsSync(page(topic, pages + 1)), `${topic} has no page ${pages + 1}`).toBe(false);
			const listed = Array.from({ length: pages }, (_, index) =>
				readFileSync(page(topic, index + 1), 'utf8'),
			).flatMap((html) =>
				[...html.matchAll(/<h3[^>]*><a href="\/entries\/([^/]+)\/"/g)].map((match) => match[1]),
			);
			expect(listed.sort(), topic).toEqual(own.map((entry) => entry.id).sort());
		}
	});

	it('links the pages to each other and marks the current one', () => {
		const second = readFileSync(page('orchestration', 2), 'utf8');
		expect(second).toMatch(
			/<a href="\/topics\/orchestration\/"[^>]*rel="prev"|<a[^>]*rel="prev"[^>]*href="\/topics\/orchestration\/"/,
		);
		expect(second).toMatch(/href="\/topics\/orchestration\/2\/"[^>]*aria-current="page"/);
		expect(second).toContain('<title>Orchestration (page 2 of');
	});

	it('sends each kind link to the page where that kind begins', () => {
		const first = readFileSync(page('networking', 1), 'utf8');
		for (const [, href, kind] of first.matchAll(
			/<li><a href="(\/topics\/networking\/(?:\d+\/)?)#([a-z]+)"/g,
		)) {
			const target = readFileSync(join(copy.root, 'dist', href!, 'index.html'), 'utf8');
			expect(target, `${href}#${kind}`).toContain(`id="${kind}"`);
		}
	});
});
