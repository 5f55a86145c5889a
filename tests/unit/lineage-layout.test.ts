import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/entries.ts';
import { lineageChains, longestChains } from '../../src/lib/lineage-chains.ts';
import {
	LAYOUT,
	lineageAround,
	lineageByTopic,
	wrapLabel,
	type LineageGraph,
} from '../../src/lib/lineage.ts';
import { fixtureEntries } from '../support/fixture-project.ts';

const fixture = await fixtureEntries();

/** The fixture with changes: the paper published after the tool it inspired, plus extra entries. */
function variant(
	changes: Record<string, Partial<Entry['data']>>,
	extra: { id: string; from: string; data: Partial<Entry['data']> }[] = [],
): Entry[] {
	const entries = fixture.map((entry) =>
		changes[entry.id]
			? { ...entry, data: { ...entry.data, ...changes[entry.id] } as Entry['data'] }
			: entry,
	);
	for (const { id, from, data } of extra) {
		const base = entries.find((entry) => entry.id === from)!;
		entries.push({ ...base, id, data: { ...base.data, relations: {}, ...data } as Entry['data'] });
	}
	return entries;
}

// Beta (a paper) inspired Alpha but is dated after it; Epsilon describes Alpha and came later
// still; Zeta builds on Delta, three steps from Beta.
const tangled = variant({ 'beta-paper': { year: 2015 } }, [
	{
		id: 'epsilon-paper',
		from: 'beta-paper',
		data: {
			title: 'Epsilon: the Alpha Scheduler, described',
			year: 2018,
			relations: { describes: ['alpha-scheduler'] },
		},
	},
	{
		id: 'zeta-tool',
		from: 'delta-mesh',
		data: { title: 'Zeta', year: 2019, relations: { buildsOn: ['delta-mesh'] } },
	},
]);

/** Points along an edge's path (M, L and C commands), for checking what it passes over. */
function pointsOn(path: string): { x: number; y: number }[] {
	const numbers = (text: string) => text.split(/[ ,]+/).filter(Boolean).map(Number);
	const points: { x: number; y: number }[] = [];
	let at = { x: 0, y: 0 };
	for (const [, command, args] of path.matchAll(/([MLC])([^MLC]*)/g)) {
		const n = numbers(args!);
		if (command === 'M') {
			at = { x: n[0]!, y: n[1]! };
		} else if (command === 'L') {
			const to = { x: n[0]!, y: n[1]! };
			for (let t = 0; t <= 1; t += 0.02)
				points.push({ x: at.x + (to.x - at.x) * t, y: at.y + (to.y - at.y) * t });
			at = to;
		} else {
			const [x1, y1, x2, y2, x, y] = n as [number, number, number, number, number, number];
			for (let t = 0; t <= 1; t += 0.02) {
				const u = 1 - t;
				points.push({
					x: u * u * u * at.x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x,
					y: u * u * u * at.y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y,
				});
			}
			at = { x, y };
		}
	}
	return points;
}

/** The box each label's text takes: title lines plus the line of kind and year. */
const labelBoxes = (graph: LineageGraph) =>
	graph.nodes.map((node) => ({
		id: node.id,
		left: node.x + LAYOUT.labelOffset - 2,
		right: node.x + LAYOUT.labelOffset + LAYOUT.labelWidth,
		top: node.y - 10,
		bottom: node.y + 4 + (node.lines.length + node.meta.length - 1) * LAYOUT.lineHeight + 4,
	}));

function expectReadable(graph: LineageGraph) {
	expect(graph.edges.length).toBeGreaterThan(0);
	for (const edge of graph.edges) {
		expect(edge.start.x, `${edge.from} → ${edge.to} runs right to left`).toBeLessThanOrEqual(
			edge.end.x,
		);
		for (const box of labelBoxes(graph)) {
			const crossing = pointsOn(edge.path).find(
				(p) => p.x > box.left && p.x < box.right && p.y > box.top && p.y < box.bottom,
			);
			expect(crossing, `${edge.from} → ${edge.to} crosses the label of ${box.id}`).toBeUndefined();
		}
	}
}

describe('lineage around an entry', () => {
	it('draws the entry in the middle column, marked, with what came before on its left', () => {
		const graph = lineageAround(
			tangled.find((entry) => entry.id === 'delta-mesh')!,
			tangled,
		);
		const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id);
		expect(graph.current).toBe('delta-mesh');
		expect(graph.nodes.filter((candidate) => candidate.current).map((n) => n.id)).toEqual([
			'delta-mesh',
		]);
		expect(node('delta-mesh')!.col).toBe(1);
		expect(node('alpha-scheduler')!.col).toBe(0);
		expect(node('beta-paper')!.col).toBe(0);
		expect(node('zeta-tool')!.col).toBe(2);
		expect(node('delta-mesh')!.x).toBeLessThan(node('zeta-tool')!.x);
		expectReadable(graph);
	});

	it('follows two steps each way and no further, and puts what describes the entry beside it', () => {
		const around = (id: string) =>
			lineageAround(
				tangled.find((entry) => entry.id === id)!,
				tangled,
			)
				.nodes.map((node) => `${node.id}@${node.col}`)
				.sort();
		// Zeta is three steps from Beta; Beta has nothing before it, so it starts the picture.
		expect(around('beta-paper')).toEqual(['alpha-scheduler@1', 'beta-paper@0', 'delta-mesh@1']);
		expect(around('alpha-scheduler')).toEqual([
			'alpha-scheduler@1',
			'beta-paper@0',
			'delta-mesh@2',
			'epsilon-paper@1',
			'gamma-platform@0',
			'zeta-tool@2',
		]);
	});

	it("counts, rather than draws, a neighbour's large family", () => {
		const crowded = variant(
			{},
			['c1', 'c2', 'c3', 'c4'].map((id) => ({
				id,
				from: 'delta-mesh',
				data: { title: id, relations: { buildsOn: ['alpha-scheduler'] } },
			})),
		);
		const graph = lineageAround(
			crowded.find((entry) => entry.id === 'beta-paper')!,
			crowded,
		);
		expect(graph.nodes.map((node) => node.id).sort()).toEqual(['alpha-scheduler', 'beta-paper']);
		expect(graph.nodes.find((node) => node.id === 'alpha-scheduler')!.meta.join(' ')).toContain(
			'5 more after',
		);
	});

	it('tells the lineage as chains of descent, each relation once', () => {
		const graph = lineageAround(
			tangled.find((entry) => entry.id === 'delta-mesh')!,
			tangled,
		);
		const told = lineageChains(graph).map((chain) =>
			chain.map(({ via, node }) => (via ? `${via} ${node.id}` : node.id)).join(' → '),
		);
		expect(told).toEqual([
			'gamma-platform → supersededBy alpha-scheduler → buildsOn delta-mesh → buildsOn zeta-tool',
			'beta-paper → inspiredBy alpha-scheduler',
		]);
		const [longest, ...rest] = longestChains(graph, 1);
		expect(rest).toEqual([]);
		expect(longest!.map(({ node }) => node.id)).toEqual([
			'gamma-platform',
			'alpha-scheduler',
			'delta-mesh',
			'zeta-tool',
		]);
	});
});

describe('lineage per topic', () => {
	it('draws each dated entry in its own topic, with the entries it connects to as guests', () => {
		const views = lineageByTopic(tangled);
		const own = views.flatMap((view) => view.graph.nodes.filter((node) => !node.guest));
		expect(own.map((node) => node.id).sort()).toEqual(
			tangled
				.filter((entry) => entry.data.year)
				.map((entry) => entry.id)
				.sort(),
		);
		const orchestration = views.find((view) => view.topic === 'orchestration')!.graph;
		expect(
			orchestration.nodes
				.filter((node) => node.guest)
				.map((node) => node.id)
				.sort(),
		).toEqual(['beta-paper', 'delta-mesh', 'epsilon-paper', 'gamma-platform'].sort());
		for (const view of views) if (view.graph.edges.length) expectReadable(view.graph);
	});

	it('places a paper in the year of what it inspired when that is earlier, labelled with its own year', () => {
		const orchestration = lineageByTopic(tangled).find((view) => view.topic === 'orchestration')!;
		const node = (id: string) => orchestration.graph.nodes.find((n) => n.id === id)!;
		expect(node('beta-paper').year).toBe(2015);
		expect(node('beta-paper').x).toBe(node('alpha-scheduler').x);
		expect(orchestration.graph.columns.map((column) => column.label)).toEqual([
			'2013',
			'2014',
			'2016',
			'2018',
		]);
	});

	it("keeps to each topic's most connected entries past the limit, and counts the rest", () => {
		const crowded = variant({}, [
			{
				id: 'omicron-tool',
				from: 'alpha-scheduler',
				data: { title: 'Omicron', year: 2017, relations: { buildsOn: ['alpha-scheduler'] } },
			},
			{ id: 'pi-tool', from: 'alpha-scheduler', data: { title: 'Pi', year: 2018 } },
		]);
		const views = lineageByTopic(crowded, 2);
		const ownIn = (topic: string) =>
			views
				.find((view) => view.topic === topic)!
				.graph.nodes.filter((node) => !node.guest)
				.map((node) => node.id)
				.sort();
		expect(ownIn('orchestration')).toEqual(['alpha-scheduler', 'omicron-tool']);
		// The limit holds per topic: the other topics still draw their own.
		expect(ownIn('paas')).toEqual(['gamma-platform']);
		expect(ownIn('networking')).toEqual(['delta-mesh']);
		const orchestration = views.find((view) => view.topic === 'orchestration')!;
		const undated = crowded.filter(
			(entry) => entry.data.topic === 'orchestration' && !entry.data.year,
		).length;
		expect(orchestration).toMatchObject({ own: 2, dated: 3, undated });
	});

	it('gives a topic with no dated entry an empty timeline', () => {
		const undatedNetworking = variant({ 'delta-mesh': { year: undefined } });
		const networking = lineageByTopic(undatedNetworking).find(
			(view) => view.topic === 'networking',
		)!;
		expect(networking).toMatchObject({ own: 0, dated: 0, undated: 1 });
		expect(networking.graph.nodes).toEqual([]);
	});
});

describe('labels', () => {
	it('wraps whole words onto at most four lines, and marks a cut with an ellipsis', () => {
		expect(wrapLabel('Large-scale cluster management at Google with Borg')).toEqual([
			'Large-scale',
			'cluster management',
			'at Google with',
			'Borg',
		]);
		const long = wrapLabel(
			'A title of very many words that goes on and on for far too long to fit',
		);
		expect(long).toHaveLength(LAYOUT.maxLines);
		expect(long.at(-1)).toMatch(/…$/);
		for (const line of long)
			expect(line.length * LAYOUT.charWidth).toBeLessThanOrEqual(LAYOUT.labelWidth);
	});

	it('picks the longest chains from different first entries, so one root does not fill the list', () => {
		const step = (id: string, year: number, after?: string) => ({
			id,
			from: 'alpha-scheduler',
			data: { title: id, year, ...(after && { relations: { buildsOn: [after] } }) },
		});
		// Root's two branches are each four entries long; the fixture's own longest chain is three.
		const branched = variant({}, [
			step('root', 2001),
			step('left-1', 2002, 'root'),
			step('left-2', 2003, 'left-1'),
			step('left-3', 2004, 'left-2'),
			step('right-1', 2005, 'root'),
			step('right-2', 2006, 'right-1'),
			step('right-3', 2007, 'right-2'),
		]);
		const graph = lineageByTopic(branched).find((view) => view.topic === 'orchestration')!.graph;
		const firsts = (chains: ReturnType<typeof longestChains>) =>
			chains.map((chain) => chain[0]!.node.id);
		expect(firsts(lineageChains(graph)).filter((id) => id === 'root')).toHaveLength(2);
		const picked = longestChains(graph, 2);
		expect(new Set(firsts(picked)).size).toBe(2);
		expect(firsts(picked)).toContain('root');
		expect(picked.map((chain) => chain.length).sort()).toEqual([3, 4]);
		// With no other root left, the same root's second branch is taken.
		expect(longestChains(graph, 10).length).toBe(lineageChains(graph).length);
	});
});
