import { entryById, type Entry } from './entries.ts';
import { legendFor, type LegendItem } from './lineage-legend.ts';
import { byTitle } from './titles.ts';
import {
	LINEAGE_RELATIONS,
	lineageArrow,
	STATUS_LABELS,
	TOPICS,
	WRITING_KINDS,
	type Kind,
	type RelationType,
	type Status,
	type Topic,
} from '../schema/vocabulary.ts';

/**
 * Lays out the list's history as columns of labelled nodes with edges between them. Pure geometry,
 * computed at build time, so the picture ships as plain SVG. Three rules hold for every layout:
 * time runs left to right (no edge ends left of where it starts), no edge crosses a label (edges
 * move vertically only in the gutters between columns and horizontally only in the channels
 * between rows), and every label is whole (wrapped; shortened only past its last line, and the
 * full title goes with the node).
 */

export interface LineageNode {
	id: string;
	title: string;
	kind: Kind;
	status: Status;
	year: number;
	topic: Topic;
	col: number;
	row: number;
	/** The marker's centre. */
	x: number;
	y: number;
	/** The title as drawn, one string per line. */
	lines: string[];
	/** Kind, year, status (and more) as drawn under the title, one string per line. */
	meta: string[];
	/** Where the current page's entry is drawn. */
	current: boolean;
	/** Drawn for its link to this view, though it belongs to another topic. */
	guest: boolean;
}

export interface LineageEdge {
	/** The earlier idea or the thing described… */
	from: string;
	/** …and what grew from it or documents it. */
	to: string;
	type: RelationType;
	/** False for "describes": a paper and its system are one idea, so no arrowhead and no order. */
	directed: boolean;
	/** SVG path data, always drawn from its left end to its right end. */
	path: string;
	/** The drawn ends, left then right. */
	start: { x: number; y: number };
	end: { x: number; y: number };
}

export interface LineageColumn {
	label: string;
	/** The x where the column's markers sit. */
	x: number;
}

export interface LineageGraph {
	nodes: LineageNode[];
	edges: LineageEdge[];
	columns: LineageColumn[];
	width: number;
	height: number;
	/** The bottom of the last row: the legend is drawn under it. */
	legendTop: number;
	legend: LegendItem[];
	/** The entry the view is about, on entry pages. */
	current?: string | undefined;
}

export const LAYOUT = {
	/** Marker to label start. */
	labelOffset: 12,
	labelWidth: 126,
	gutter: 40,
	lineHeight: 15,
	maxLines: 4,
	/** Space between rows that only edges use. */
	channel: 20,
	/** Height of the column headings above the first row. */
	top: 40,
	/** Room for a same-column bracket left of the first column. */
	left: 36,
	right: 14,
	bottom: 8,
	/** A conservative average glyph width at the label size (12 px sans), for wrapping. */
	charWidth: 7,
} as const;

const columnPitch = LAYOUT.labelOffset + LAYOUT.labelWidth + LAYOUT.gutter;

/** How far the current entry's box reaches left of its marker; edges stop short of it. */
export const CURRENT_BOX_PAD = 10;

interface SemanticEdge {
	from: string;
	to: string;
	type: RelationType;
}

/** Every relation among dated entries, pointed from earlier idea to later one. */
export function lineageEdges(entries: Entry[]): SemanticEdge[] {
	const dated = new Set(entries.filter((entry) => entry.data.year).map((entry) => entry.id));
	return entries.flatMap((entry) =>
		LINEAGE_RELATIONS.flatMap((type) =>
			(entry.data.relations[type] ?? [])
				.filter((other) => dated.has(entry.id) && dated.has(other))
				.map((other) => ({ ...lineageArrow(type, entry.id, other), type })),
		),
	);
}

const isDirected = (type: RelationType) => type !== 'describes';

/** Wraps a title into at most `maxLines` lines of `width` px; the last line ends in "…" if cut. */
export function wrapLabel(
	text: string,
	width: number = LAYOUT.labelWidth,
	maxLines: number = LAYOUT.maxLines,
): string[] {
	const perLine = Math.floor(width / LAYOUT.charWidth);
	const words = text
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((word) => word.match(new RegExp(`.{1,${perLine}}`, 'g')) ?? []);
	const lines: string[] = [];
	for (const word of words) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= perLine)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, perLine - 1).trimEnd()}…`;
	return kept;
}

interface Placement {
	entry: Entry;
	col: number;
	current?: boolean;
	guest?: boolean;
	/** What the view leaves out beyond this node ("9 more after"). */
	more?: string | 0 | undefined;
}

/**
 * Rows: each node takes its first parent's row when that is free in its column, so a chain of
 * descent reads along one line; otherwise the nearest free row below.
 */
function assignRows(placements: Placement[], edges: SemanticEdge[]): Map<string, number> {
	const rows = new Map<string, number>();
	const taken = new Map<number, Set<number>>();
	const parents = new Map<string, string[]>();
	for (const edge of edges) parents.set(edge.to, [...(parents.get(edge.to) ?? []), edge.from]);
	const ordered = [...placements].sort(
		(a, b) =>
			a.col - b.col ||
			Number(Boolean(b.current)) - Number(Boolean(a.current)) ||
			a.entry.data.year! - b.entry.data.year! ||
			a.entry.data.title.localeCompare(b.entry.data.title),
	);
	for (const { entry, col } of ordered) {
		const parentRows = (parents.get(entry.id) ?? []).flatMap((id) => rows.get(id) ?? []);
		const used = taken.get(col) ?? new Set<number>();
		let row = parentRows.length ? Math.min(...parentRows) : 0;
		while (used.has(row)) row++;
		used.add(row);
		taken.set(col, used);
		rows.set(entry.id, row);
	}
	return rows;
}

/** The line under a title: kind and year, a status other than active, a guest's topic, and more. */
function metaText({ entry, guest, more }: Placement): string {
	const { kind, year, status, topic } = entry.data;
	return [
		kind,
		year,
		status === 'active' ? null : STATUS_LABELS[status].toLowerCase(),
		guest ? topic.replaceAll('-', ' ') : null,
		more || null,
	]
		.filter(Boolean)
		.join(' · ');
}

function layout(
	placements: Placement[],
	semanticEdges: SemanticEdge[],
	columnLabels: string[],
	current?: string,
): LineageGraph {
	const rows = assignRows(placements, semanticEdges);
	const colX = (col: number) => LAYOUT.left + col * columnPitch;
	// The current entry is set in bold, which runs wider.
	const lines = new Map(
		placements.map(({ entry, current }) => [
			entry.id,
			wrapLabel(entry.data.title, current ? LAYOUT.labelWidth * 0.88 : LAYOUT.labelWidth),
		]),
	);
	// A row is as tall as its longest label, plus the line of kind, year and status, plus a channel.
	const rowCount = Math.max(0, ...rows.values()) + (rows.size ? 1 : 0);
	const metas = new Map(
		placements.map((placement) => [
			placement.entry.id,
			// Set a size smaller than the title, so a little more fits on a line; as many lines as a
			// title, so a guest's topic stays whole ("tool · 2013 · archived · datacenter as computer").
			wrapLabel(metaText(placement), LAYOUT.labelWidth * 1.08),
		]),
	);
	const rowLines = Array.from({ length: rowCount }, () => 2);
	for (const [id, row] of rows)
		rowLines[row] = Math.max(rowLines[row]!, lines.get(id)!.length + metas.get(id)!.length);
	const rowTop: number[] = [LAYOUT.top];
	for (const count of rowLines)
		rowTop.push(rowTop.at(-1)! + count * LAYOUT.lineHeight + LAYOUT.channel);
	const rowY = (row: number) => rowTop[row]! + LAYOUT.lineHeight / 2 + 2;
	const nodes: LineageNode[] = placements.map(({ entry, col, current = false, guest = false }) => ({
		id: entry.id,
		title: entry.data.title,
		kind: entry.data.kind,
		status: entry.data.status,
		year: entry.data.year!,
		topic: entry.data.topic,
		col,
		row: rows.get(entry.id)!,
		x: colX(col),
		y: rowY(rows.get(entry.id)!),
		lines: lines.get(entry.id)!,
		meta: metas.get(entry.id)!,
		current,
		guest,
	}));
	const byId = new Map(nodes.map((node) => [node.id, node]));
	const occupied = new Set(nodes.map((node) => `${node.col},${node.row}`));
	// Edges that share a channel are spread a few pixels apart so each can be followed.
	const channelUse = new Map<number, number>();
	const channelY = (aboveRow: number) => {
		const uses = channelUse.get(aboveRow) ?? 0;
		channelUse.set(aboveRow, uses + 1);
		const spread = ((uses % 5) - 2) * 2;
		return rowTop[aboveRow]! - LAYOUT.channel / 2 + spread;
	};

	const edges: LineageEdge[] = semanticEdges.flatMap((edge) => {
		const a = byId.get(edge.from);
		const b = byId.get(edge.to);
		if (!a || !b || a === b) return [];
		const [left, right] =
			a.col < b.col || (a.col === b.col && (!isDirected(edge.type) || a.row <= b.row))
				? [a, b]
				: [b, a];
		if (left.col > right.col) return [];
		const directed = isDirected(edge.type);
		const gap = (node: LineageNode) => (node.current ? CURRENT_BOX_PAD + 3 : 8);
		let path: string;
		let start: { x: number; y: number };
		let end = { x: right.x - gap(right), y: right.y };
		if (left.col === right.col) {
			// Same column: a bracket in the gutter to the left of both markers, level at both ends.
			const x = left.x - Math.max(gap(left), gap(right));
			start = { x, y: left.y };
			end = { x, y: right.y };
			const bow = Math.min(LAYOUT.gutter - 12, 14 + Math.abs(right.row - left.row) * 6);
			path = `M${start.x},${start.y} C${start.x - bow},${start.y} ${end.x - bow},${end.y} ${end.x},${end.y}`;
		} else {
			start = { x: left.x + LAYOUT.labelOffset + LAYOUT.labelWidth + 8, y: left.y };
			const gutterEnd = end.x;
			const straight =
				left.row === right.row &&
				Array.from({ length: right.col - left.col - 1 }, (_, i) => left.col + 1 + i).every(
					(col) => !occupied.has(`${col},${left.row}`),
				);
			if (right.col === left.col + 1 || straight) {
				const middle = (start.x + gutterEnd) / 2;
				path =
					left.row === right.row
						? `M${start.x},${start.y} L${end.x},${end.y}`
						: `M${start.x},${start.y} C${middle},${start.y} ${middle},${end.y} ${end.x},${end.y}`;
			} else {
				// Longer jumps leave through the source's gutter, run along the channel above the
				// target's row, and come down in the gutter before the target.
				const y = channelY(right.row);
				const outX = start.x + (LAYOUT.gutter - 8) / 2;
				const inX = colX(right.col) - LAYOUT.gutter / 2 - 4;
				path =
					`M${start.x},${start.y} C${outX},${start.y} ${start.x},${y} ${outX},${y}` +
					` L${inX},${y} C${end.x},${y} ${inX},${end.y} ${end.x},${end.y}`;
			}
		}
		return [{ ...edge, directed, path, start, end }];
	});

	const columnCount = Math.max(columnLabels.length, 1);
	const drawing = {
		nodes,
		edges,
		columns: columnLabels.map((label, col) => ({ label, x: colX(col) })),
		width: colX(columnCount - 1) + LAYOUT.labelOffset + LAYOUT.labelWidth + LAYOUT.right,
		legendTop: rowTop[rowCount]!,
		current,
	};
	const legend = legendFor(drawing, LAYOUT.left);
	return {
		...drawing,
		legend: legend.items,
		height: drawing.legendTop + legend.height + LAYOUT.bottom,
	};
}

/**
 * The year each entry is drawn at, so that no arrow runs back in time. Writing published after
 * what it inspired (the Borg paper of 2015 and Kubernetes of 2014) is drawn at the earlier year;
 * anything else dated before what it grew from is drawn at that year instead.
 */
export function placementYears(entries: Entry[], edges: SemanticEdge[]): Map<string, number> {
	const year = new Map(entries.map((entry) => [entry.id, entry.data.year!]));
	const writing = new Set(
		entries.filter((entry) => WRITING_KINDS.includes(entry.data.kind)).map((entry) => entry.id),
	);
	const directed = edges.filter(
		(edge) => isDirected(edge.type) && year.has(edge.from) && year.has(edge.to),
	);
	for (let changed = true, rounds = 0; changed && rounds <= entries.length; rounds++) {
		changed = false;
		for (const { from, to } of directed) {
			if (year.get(from)! <= year.get(to)!) continue;
			if (writing.has(from)) year.set(from, year.get(to)!);
			else year.set(to, year.get(from)!);
			changed = true;
		}
	}
	return year;
}

/** A timeline of the given entries: one column per year in which something is drawn. */
function timeline(
	entries: Entry[],
	edges: SemanticEdge[],
	guests: Set<string> = new Set(),
): LineageGraph {
	const placed = placementYears(entries, edges);
	const years = [...new Set(placed.values())].sort((a, b) => a - b);
	const col = new Map(years.map((year, index) => [year, index]));
	return layout(
		entries.map((entry) => ({
			entry,
			col: col.get(placed.get(entry.id)!)!,
			guest: guests.has(entry.id),
		})),
		edges,
		years.map(String),
	);
}

/**
 * How many of its own entries a topic's lineage page draws at most. A timeline of thousands of
 * names cannot be read and weighs megabytes; past this, the page draws the topic's most connected
 * entries, and every entry page still draws its own lineage.
 */
export const LINEAGE_TOPIC_LIMIT = 80;

/** Each topic's `limit` most connected dated entries, and the edges among all of them. */
function mostConnected(entries: Entry[], limit: number) {
	const edges = lineageEdges(entries);
	const degree = new Map<string, number>();
	for (const { from, to } of edges) {
		degree.set(from, (degree.get(from) ?? 0) + 1);
		degree.set(to, (degree.get(to) ?? 0) + 1);
	}
	const byTopic = Map.groupBy(
		entries.filter((entry) => entry.data.year),
		(entry) => entry.data.topic,
	);
	const drawn = [...byTopic.values()].flatMap((topicEntries) =>
		topicEntries
			.map((entry) => ({ entry, degree: degree.get(entry.id) ?? 0 }))
			.sort((a, b) => b.degree - a.degree || a.entry.id.localeCompare(b.entry.id))
			.slice(0, limit)
			.map(({ entry }) => entry),
	);
	const ids = new Set(drawn.map((entry) => entry.id));
	return { drawn, edges: edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to)) };
}

export interface TopicLineage {
	topic: Topic;
	graph: LineageGraph;
	/** Entries of the topic drawn here… */
	own: number;
	/** …of its entries with a verified year… */
	dated: number;
	/** …and those without one, which no timeline can place. */
	undated: number;
}

/**
 * The whole list's lineage as one timeline per topic, each drawn on its own page: the topic's
 * dated entries, plus the entries of other topics they connect to directly, drawn as guests. A
 * topic with no dated entry gets an empty timeline.
 */
export function lineageByTopic(entries: Entry[], limit = LINEAGE_TOPIC_LIMIT): TopicLineage[] {
	const { drawn, edges } = mostConnected(entries, limit);
	const byId = new Map(drawn.map((entry) => [entry.id, entry]));
	return TOPICS.map((topic) => {
		const all = entries.filter((entry) => entry.data.topic === topic);
		const own = drawn.filter((entry) => entry.data.topic === topic);
		const ownIds = new Set(own.map((entry) => entry.id));
		const touching = edges.filter((edge) => ownIds.has(edge.from) || ownIds.has(edge.to));
		const guests = new Set(
			touching.flatMap((edge) => [edge.from, edge.to]).filter((id) => !ownIds.has(id)),
		);
		const shown = [...own, ...[...guests].map((id) => byId.get(id)!)];
		const dated = all.filter((entry) => entry.data.year).length;
		return {
			topic,
			graph: timeline(shown, touching, guests),
			own: own.length,
			dated,
			undated: all.length - dated,
		};
	});
}

interface EdgeIndex {
	/** Edges by the id at each end. */
	from: Map<string, SemanticEdge[]>;
	to: Map<string, SemanticEdge[]>;
}

// Every entry page draws its own lineage; computing the edges once keeps large builds linear.
const edgeIndexes = new WeakMap<Entry[], EdgeIndex>();

function edgeIndex(entries: Entry[]): EdgeIndex {
	let index = edgeIndexes.get(entries);
	if (!index) {
		const edges = lineageEdges(entries);
		const group = (end: 'from' | 'to') => {
			const map = new Map<string, SemanticEdge[]>();
			for (const edge of edges) map.set(edge[end], [...(map.get(edge[end]) ?? []), edge]);
			return map;
		};
		index = { from: group('from'), to: group('to') };
		edgeIndexes.set(entries, index);
	}
	return index;
}

/** Directed neighbours of `id` along `along` edges. */
const neighbours = (id: string, index: EdgeIndex, along: 'from' | 'to') =>
	(index[along].get(id) ?? [])
		.filter((edge) => isDirected(edge.type))
		.map((edge) => edge[along === 'from' ? 'to' : 'from']);

/**
 * What lies one step from `start` along `along` edges, and a second step where it stays small:
 * a neighbour with more than SECOND_STEP_LIMIT onward is drawn alone with a count ("9 more after"),
 * so the picture stays about this entry rather than a famous neighbour's family.
 */
function reach(start: string, index: EdgeIndex, along: 'from' | 'to') {
	const found = new Set(neighbours(start, index, along).filter((id) => id !== start));
	const more = new Map<string, number>();
	for (const id of [...found]) {
		const onward = neighbours(id, index, along).filter(
			(next) => next !== start && !found.has(next),
		);
		if (onward.length > SECOND_STEP_LIMIT) more.set(id, onward.length);
		else for (const next of onward) found.add(next);
	}
	return { found, more };
}

/** How many second-step neighbours an entry page draws through one first-step neighbour. */
export const SECOND_STEP_LIMIT = 3;

/**
 * Entries drawn on each side of an entry page's lineage at most, in one column: the page stays
 * within its 15 KB budget even for a hub such as Kubernetes.
 */
export const ENTRY_SIDE_LIMIT = 8;

/**
 * One entry's lineage: what it came from and what came from it, two steps each way, in three
 * columns (before, the entry, after) so the entry is near the left even on a phone. What
 * describes the entry, or what it describes, is drawn under it in its own column: a paper and its
 * system are one idea, whichever was published first.
 */
export function lineageAround(entry: Entry, entries: Entry[]): LineageGraph {
	const index = edgeIndex(entries);
	const { found: before, more: moreBefore } = reach(entry.id, index, 'to');
	const { found: after, more: moreAfter } = reach(entry.id, index, 'from');
	// An entry both before and after (a cycle) is drawn once, before.
	for (const id of before) after.delete(id);
	const described = new Set(
		[...(index.from.get(entry.id) ?? []), ...(index.to.get(entry.id) ?? [])]
			.filter((edge) => !isDirected(edge.type))
			.map((edge) => (edge.from === entry.id ? edge.to : edge.from))
			.filter((id) => !before.has(id) && !after.has(id)),
	);
	const datedIn = (ids: Iterable<string>) =>
		[...ids]
			.flatMap((id) => entryById(entries, id) ?? [])
			.filter((candidate) => candidate.data.year)
			.sort((a, b) => a.data.year! - b.data.year! || byTitle(a, b));
	// A hub such as Kubernetes has dozens of descendants: the picture keeps the earliest of each
	// side and counts the rest on the entry itself; the connection list above names them all.
	const hiddenBefore = datedIn(before).slice(ENTRY_SIDE_LIMIT);
	const hiddenAfter = datedIn(after).slice(ENTRY_SIDE_LIMIT);
	for (const hidden of [...hiddenBefore, ...hiddenAfter]) {
		before.delete(hidden.id);
		after.delete(hidden.id);
	}
	const keep = new Set([entry.id, ...before, ...after, ...described]);
	const dated = datedIn(keep);
	if (dated.length < 2) return layout([], [], [], entry.id);
	const overflow = [
		hiddenBefore.length && `${hiddenBefore.length} more before`,
		hiddenAfter.length && `${hiddenAfter.length} more after`,
	].filter(Boolean);
	// Only the columns that have something in them, so an entry with no ancestors starts the
	// picture; each side in order of year.
	const side = (ids: Set<string>, label: string) => {
		const group = dated.filter((candidate) => ids.has(candidate.id));
		return group.length ? [{ label, entries: group }] : [];
	};
	const columns = [
		...side(before, 'Came before'),
		{
			label: 'This entry',
			entries: dated.filter((candidate) => !before.has(candidate.id) && !after.has(candidate.id)),
		},
		...side(after, 'Came after'),
	];
	const placements = columns.flatMap((column, col) =>
		column.entries.map((candidate) => ({
			entry: candidate,
			col,
			current: candidate.id === entry.id,
			more:
				candidate.id === entry.id
					? overflow.join(', ') || undefined
					: before.has(candidate.id)
						? moreBefore.get(candidate.id) && `${moreBefore.get(candidate.id)} more before`
						: moreAfter.get(candidate.id) && `${moreAfter.get(candidate.id)} more after`,
		})),
	);
	const edges = [...keep]
		.flatMap((id) => index.from.get(id) ?? [])
		.filter((edge) => keep.has(edge.to));
	return layout(
		placements,
		edges,
		columns.map((column) => column.label),
		entry.id,
	);
}
