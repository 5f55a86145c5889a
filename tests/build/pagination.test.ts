import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, PROJECT_ROOT, type ProjectCopy } from '../../tools/harness/project-copy.ts';
import { TOPIC_PAGE_SIZE } from '../../src/lib/site.ts';
import { writeSyntheticContent, type SyntheticEntry } from '../../tools/bench/synthetic/entries.ts';
import { parse, stringify } from 'yaml';
import { TOPICS } from '../../src/schema/vocabulary.ts';

const AREAS = ['early', 'middle', 'late'];

/**
 * Gives every synthetic topic three areas and three "Start here" picks, and most entries an area
 * (every fifth has none, so goes under Other), so the pages are paginated in grouped order.
 */
function addAreas(content: string, entries: SyntheticEntry[]) {
	entries.forEach((entry, index) => {
		const file = join(content, 'entries', entry.topic, `${entry.id}.mdx`);
		// The generator spreads entries over the real topics' areas; these replace them.
		const source = readFileSync(file, 'utf8').replace(/^area: .*\n/m, '');
		writeFileSync(
			file,
			index % 5 === 0
				? source
				: source.replace(/^topic: .*$/m, (line) => `${line}\narea: ${AREAS[index % 3]}`),
		);
	});
	for (const name of readdirSync(join(content, 'topics'))) {
		const file = join(content, 'topics', name);
		const [, front, body] = readFileSync(file, 'utf8').split(/^---$/m);
		const topic = name.replace(/\.md$/, '');
		const data = {
			...parse(front!),
			areas: AREAS.map((id) => ({ id, title: `The ${id} years` })),
			startHere: entries
				.filter((entry) => entry.topic === topic)
				.slice(0, 3)
				.map((entry) => entry.id),
		};
		writeFileSync(file, `---\n${stringify(data)}---${body}`);
	}
}

/** Topics with more entries than fit on one page, built through the real code. */
describe('topic pages at scale', () => {
	let copy: ProjectCopy;
	let entries: SyntheticEntry[];
	beforeAll(async () => {
		const content = mkdtempSync(join(tmpdir(), 'wlm-synthetic-'));
		entries = writeSyntheticContent(content, 480, join(PROJECT_ROOT, 'content'));
		addAreas(content, entries);
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
				[...html.matchAll(/<h[34][^>]*><a href="\/entries\/([^/]+)\/"/g)].map((match) => match[1]),
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

	it('lists Start here, then the areas in order, then Other, continuing across pages', () => {
		const own = entries.filter((entry) => entry.topic === 'networking');
		const pages = Math.ceil(own.length / TOPIC_PAGE_SIZE);
		const sections = Array.from({ length: pages }, (_, index) =>
			readFileSync(page('networking', index + 1), 'utf8'),
		).flatMap((html) =>
			[...html.matchAll(/<section[^>]*data-section="([a-z-]+)"/g)].map((m) => m[1]),
		);
		expect(sections.filter((id, index) => id !== sections[index - 1])).toEqual([
			'start-here',
			'area-early',
			'area-middle',
			'area-late',
			'area-other',
		]);
	});

	it('sends each section link to the page where that section begins', () => {
		const first = readFileSync(page('networking', 1), 'utf8');
		const links = [
			...first.matchAll(/<li[^>]*><a href="(\/topics\/networking\/(?:\d+\/)?)#([a-z-]+)"/g),
		];
		expect(links.map(([, , id]) => id)).toEqual([
			'start-here',
			'area-early',
			'area-middle',
			'area-late',
			'area-other',
		]);
		expect(new Set(links.map(([, href]) => href)).size).toBeGreaterThan(1);
		for (const [, href, id] of links) {
			const target = readFileSync(join(copy.root, 'dist', href!, 'index.html'), 'utf8');
			expect(target, `${href}#${id}`).toContain(`<h2 id="${id}"`);
		}
	});
});
