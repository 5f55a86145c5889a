import { entryById, type Entry } from './entries.ts';
import {
	LINEAGE_RELATIONS,
	lineageArrow,
	TOPICS,
	type RelationType,
	type Topic,
} from '../schema/vocabulary.ts';

/**
 * Lays out the list's history as a timeline: one column per year, one lane per topic, and an
 * arrow for every relation that says where an idea came from or went. Pure geometry, computed at
 * build time, so the picture ships as plain SVG.
 */

type LineageRelation = RelationType;

export interface LineageNode {
	id: string;
	title: string;
	year: number;
	topic: Topic;
	x: number;
	y: number;
}

export interface LineageEdge {
	/** The earlier idea or the thing described… */
	from: string;
	/** …and what grew from it or documents it. */
	to: string;
	type: LineageRelation;
}

export interface LineageGraph {
	nodes: LineageNode[];
	edges: LineageEdge[];
	width: number;
	height: number;
	years: { year: number; x: number }[];
	lanes: { topic: Topic; y: number; height: number }[];
}

export const LAYOUT = {
	columnWidth: 150,
	rowHeight: 30,
	laneLabel: 18,
	laneGap: 14,
	left: 20,
	top: 40,
	right: 170,
} as const;

/** Every relation among dated entries, pointed from earlier idea to later one. */
export function lineageEdges(entries: Entry[]): LineageEdge[] {
	const dated = new Set(entries.filter((entry) => entry.data.year).map((entry) => entry.id));
	return entries.flatMap((entry) =>
		LINEAGE_RELATIONS.flatMap((type) =>
			(entry.data.relations[type] ?? [])
				.filter((other) => dated.has(entry.id) && dated.has(other))
				.map((other) => ({ ...lineageArrow(type, entry.id, other), type })),
		),
	);
}

/**
 * How many entries /lineage/ draws at most. A timeline of thousands of names cannot be read and
 * weighs megabytes; past this, the page draws the most connected entries, and every entry page
 * still draws its own lineage in full.
 */
export const LINEAGE_PAGE_LIMIT = 150;

/** The whole list's lineage, or its `limit` most connected dated entries when there are more. */
export function buildLineage(entries: Entry[], limit = LINEAGE_PAGE_LIMIT): LineageGraph {
	const dated = entries.filter((entry) => entry.data.year);
	const edges = lineageEdges(entries);
	if (dated.length <= limit) return layout(dated, edges);
	const degree = new Map<string, number>();
	for (const { from, to } of edges) {
		degree.set(from, (degree.get(from) ?? 0) + 1);
		degree.set(to, (degree.get(to) ?? 0) + 1);
	}
	const drawn = dated
		.map((entry) => ({ entry, degree: degree.get(entry.id) ?? 0 }))
		.sort((a, b) => b.degree - a.degree || a.entry.id.localeCompare(b.entry.id))
		.slice(0, limit)
		.map(({ entry }) => entry);
	const drawnIds = new Set(drawn.map((entry) => entry.id));
	return layout(
		drawn,
		edges.filter((edge) => drawnIds.has(edge.from) && drawnIds.has(edge.to)),
	);
}

interface EdgeIndex {
	edges: LineageEdge[];
	/** Edges by the id at each end. */
	from: Map<string, LineageEdge[]>;
	to: Map<string, LineageEdge[]>;
}

// Every entry page draws its own lineage; computing the edges once keeps large builds linear.
const edgeIndexes = new WeakMap<Entry[], EdgeIndex>();

function edgeIndex(entries: Entry[]): EdgeIndex {
	let index = edgeIndexes.get(entries);
	if (!index) {
		const edges = lineageEdges(entries);
		const group = (end: 'from' | 'to') => {
			const map = new Map<string, LineageEdge[]>();
			for (const edge of edges) map.set(edge[end], [...(map.get(edge[end]) ?? []), edge]);
			return map;
		};
		index = { edges, from: group('from'), to: group('to') };
		edgeIndexes.set(entries, index);
	}
	return index;
}

/** One entry's ancestors and descendants, followed transitively, with the entry itself. */
export function lineageAround(entry: Entry, entries: Entry[]): LineageGraph {
	const index = edgeIndex(entries);
	const keep = new Set([entry.id]);
	for (const [along, next] of [
		['to', 'from'],
		['from', 'to'],
	] as const) {
		const queue = [entry.id];
		const seen = new Set(queue);
		while (queue.length) {
			for (const edge of index[along].get(queue.shift()!) ?? []) {
				if (seen.has(edge[next])) continue;
				seen.add(edge[next]);
				keep.add(edge[next]);
				queue.push(edge[next]);
			}
		}
	}
	const kept = [...keep]
		.flatMap((id) => index.from.get(id) ?? [])
		.filter((edge) => keep.has(edge.to));
	const dated = [...keep]
		.flatMap((id) => entryById(entries, id) ?? [])
		.filter((candidate) => candidate.data.year);
	return layout(dated, kept);
}

function layout(entries: Entry[], edges: LineageEdge[]): LineageGraph {
	if (!entries.length) return { nodes: [], edges: [], width: 0, height: 0, years: [], lanes: [] };
	const yearsPresent = entries.map((entry) => entry.data.year!);
	const first = Math.min(...yearsPresent);
	const last = Math.max(...yearsPresent);
	const x = (year: number) => LAYOUT.left + (year - first) * LAYOUT.columnWidth;

	const nodes: LineageNode[] = [];
	const lanes: LineageGraph['lanes'] = [];
	let laneTop = LAYOUT.top;
	for (const topic of TOPICS) {
		const inLane = entries
			.filter((entry) => entry.data.topic === topic)
			.sort((a, b) => a.data.year! - b.data.year! || a.data.title.localeCompare(b.data.title));
		if (!inLane.length) continue;
		const stackByYear = new Map<number, number>();
		for (const entry of inLane) {
			const slot = stackByYear.get(entry.data.year!) ?? 0;
			stackByYear.set(entry.data.year!, slot + 1);
			nodes.push({
				id: entry.id,
				title: entry.data.title,
				year: entry.data.year!,
				topic,
				x: x(entry.data.year!),
				y: laneTop + LAYOUT.laneLabel + LAYOUT.rowHeight * (slot + 0.5),
			});
		}
		const height = LAYOUT.laneLabel + Math.max(...stackByYear.values()) * LAYOUT.rowHeight;
		lanes.push({ topic, y: laneTop, height });
		laneTop += height + LAYOUT.laneGap;
	}
	const years = Array.from({ length: last - first + 1 }, (_, index) => ({
		year: first + index,
		x: x(first + index),
	}));
	return { nodes, edges, width: x(last) + LAYOUT.right, height: laneTop, years, lanes };
}
