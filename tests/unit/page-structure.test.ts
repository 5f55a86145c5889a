import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import EntryStanding from '../../src/components/EntryStanding.astro';
import RelationList from '../../src/components/RelationList.astro';
import type { ReadingPath, TopicEntry } from '../../src/lib/entries.ts';
import { entryById, relationsOf, successorsOf } from '../../src/lib/entries.ts';
import { lifespanOf } from '../../src/lib/lifespan.ts';
import { positionsOnPaths } from '../../src/lib/reading-position.ts';
import { sectionIndex, sectionsOnPage, topicRows } from '../../src/lib/topic-groups.ts';
import { addedDatesDiffer, topicMapRows } from '../../src/lib/topic-map.ts';
import { topicSchema } from '../../src/schema/topic.ts';
import { pathSchema } from '../../src/schema/reading-path.ts';
import { FIXTURE, fixtureEntries } from '../support/fixture-project.ts';

const entries = await fixtureEntries();
const byId = (id: string) => entryById(entries, id)!;
const container = await AstroContainer.create();

function frontmatter(file: string) {
	const source = readFileSync(join(FIXTURE, 'content', file), 'utf8');
	return parse(source.split('---\n')[1]!);
}
const orchestration = {
	id: 'orchestration',
	data: topicSchema.parse(frontmatter('topics/orchestration.md')),
} as unknown as TopicEntry;
const route = {
	id: 'fixture-route',
	data: pathSchema.parse(frontmatter('paths/fixture-route.md')),
} as unknown as ReadingPath;
const own = entries.filter((entry) => entry.data.topic === 'orchestration');

describe('topic page order', () => {
	const rows = topicRows(orchestration, own);

	it('lists the picks, then each area in file order with History last, then Other, each entry once', () => {
		expect(
			rows.map((row) => `${row.section.title}${row.history ? ' / History' : ''}: ${row.entry.id}`),
		).toEqual([
			'Start here: zeta-guide',
			'Start here: eta-queue',
			'Start here: iota-handbook',
			'Schedulers: theta-cli',
			'Schedulers / History: mu-runner',
			'Guides: kappa-notes',
			'Other: alpha-scheduler',
		]);
		expect(new Set(rows.map((row) => row.entry.id)).size).toBe(own.length);
	});

	it('splits across pages without losing a section, and knows where each begins', () => {
		const [first, second] = [rows.slice(0, 4), rows.slice(4)];
		expect(sectionsOnPage(first).map((section) => [section.section.title, section.starts])).toEqual(
			[
				['Start here', true],
				['Schedulers', true],
			],
		);
		const continued = sectionsOnPage(second, first.at(-1));
		expect(continued[0]).toMatchObject({
			starts: false,
			current: [],
			history: [byId('mu-runner')],
		});
		expect(
			sectionIndex(rows, 4).map(({ section, count, page }) => [section.title, count, page]),
		).toEqual([
			['Start here', 3, 1],
			['Schedulers', 2, 1],
			['Guides', 1, 2],
			['Other', 1, 2],
		]);
	});

	it('draws areas with current and retired counts on the home map, and kinds while a topic has no areas', () => {
		expect(topicMapRows(orchestration, own)).toEqual([
			{ label: 'Schedulers', current: 2, retired: 1 },
			{ label: 'Guides', current: 2, retired: 0 },
			{ label: 'Other', current: 2, retired: 0 },
		]);
		const plain = { id: 'paas', data: { ...orchestration.data, areas: undefined } } as TopicEntry;
		expect(topicMapRows(plain, [byId('gamma-platform')])).toEqual([
			{ label: 'Tools', current: 0, retired: 1 },
		]);
	});

	it('calls entries "recently added" only when their dates differ', () => {
		expect(addedDatesDiffer(entries)).toBe(true);
		expect(addedDatesDiffer(own.filter((entry) => entry.data.added === '2026-11-05'))).toBe(false);
	});
});

describe('entry page parts', () => {
	it('places an entry on its reading path with the steps before and after it', () => {
		const [middle] = positionsOnPaths(byId('alpha-scheduler'), [route], (id) =>
			entryById(entries, id),
		);
		expect(middle).toMatchObject({
			step: 2,
			total: 3,
			previous: byId('beta-paper'),
			next: byId('delta-mesh'),
		});
		const [first] = positionsOnPaths(byId('beta-paper'), [route], (id) => entryById(entries, id));
		expect(first).toMatchObject({ step: 1, previous: undefined, next: byId('alpha-scheduler') });
		expect(
			positionsOnPaths(byId('gamma-platform'), [route], (id) => entryById(entries, id)),
		).toEqual([]);
	});

	it("tells a tool's lifespan: to today while alive, to its dated retirement and successor after", async () => {
		expect(lifespanOf(byId('alpha-scheduler'))).toMatchObject({
			from: 2014,
			to: { state: 'today' },
		});
		const gamma = byId('gamma-platform');
		expect(lifespanOf(gamma)).toMatchObject({
			from: 2013,
			to: { state: 'retired', year: 2020 },
		});
		const html = await container.renderToString(EntryStanding, {
			props: { entry: gamma, successors: successorsOf(gamma, entries) },
		});
		const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		expect(text).toContain('2013 → to archived 2020 → , succeeded by Alpha Scheduler');
	});

	it("gives each relation row the target's kind, year and status", async () => {
		const html = await container.renderToString(RelationList, {
			props: { groups: relationsOf(byId('alpha-scheduler'), entries) },
		});
		const rows = [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((match) =>
			match[1]!
				.replace(/<[^>]+>/g, ' ')
				.replace(/\s+/g, ' ')
				.trim(),
		);
		expect(rows).toContain('Gamma Platform Tool, 2013 Status: Archived');
		expect(rows).toContain('Delta Mesh Tool, 2016 Status: Active');
		expect(rows).toContain('Beta: A Fictional Paper on Cluster Management Paper, 2012');
	});
});
