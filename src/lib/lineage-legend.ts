import type { LineageGraph } from './lineage.ts';
import {
	LINEAGE_RELATIONS,
	RETIRED_STATUSES,
	arrowWording,
	type Kind,
	type RelationType,
	type Status,
} from '../schema/vocabulary.ts';

/**
 * The key drawn under a lineage picture: only what the picture uses. Kind is a marker's shape,
 * status its fill (solid, hollow, crossed), relation the line's dash, so none rests on colour.
 */

/** How a node's status is marked. Papers and other writing are "active" while they are in print. */
export type StatusMark = 'solid' | 'hollow' | 'crossed';

export const statusMark = (status: Status): StatusMark =>
	RETIRED_STATUSES.includes(status) ? 'crossed' : status === 'maintenance' ? 'hollow' : 'solid';

const STATUS_MARK_LABELS: Record<StatusMark, string> = {
	solid: 'active',
	hollow: 'maintenance only',
	crossed: 'deprecated, archived or defunct',
};

export type LegendItem =
	| { sample: 'kind'; kind: Kind; label: string; x: number; y: number }
	| { sample: 'status'; mark: StatusMark; label: string; x: number; y: number }
	| { sample: 'relation'; type: RelationType; label: string; x: number; y: number }
	| { sample: 'current'; label: string; x: number; y: number };

const LINE = 20;
const SAMPLE_WIDTH = { kind: 18, status: 18, relation: 34, current: 22 } as const;
const GAP = 18;
/** Legend lines wrap at a phone's width, so the key is in view with the entry. */
const MAX_WIDTH = 340;
const CHAR = 6.4;

export interface Legend {
	items: LegendItem[];
	height: number;
}

/** The legend for a laid-out picture (everything but its own legend and height). */
export function legendFor(
	graph: Pick<LineageGraph, 'nodes' | 'edges' | 'width' | 'legendTop' | 'current'>,
	left: number,
): Legend {
	const kinds = [...new Set(graph.nodes.map((node) => node.kind))].sort();
	const marks = (['solid', 'hollow', 'crossed'] as const).filter((mark) =>
		graph.nodes.some((node) => statusMark(node.status) === mark),
	);
	const relations = LINEAGE_RELATIONS.filter((type) =>
		graph.edges.some((edge) => edge.type === type),
	);
	type Unplaced = LegendItem extends unknown ? Omit<LegendItem, 'x' | 'y'> : never;
	const wanted: Unplaced[] = [
		...(graph.current ? [{ sample: 'current' as const, label: 'this entry' }] : []),
		...kinds.map((kind) => ({ sample: 'kind' as const, kind, label: kind })),
		...(marks.length > 1 || marks[0] !== 'solid'
			? marks.map((mark) => ({
					sample: 'status' as const,
					mark,
					label: STATUS_MARK_LABELS[mark],
				}))
			: []),
		...relations.map((type) => ({
			sample: 'relation' as const,
			type,
			label: type === 'describes' ? 'describes (no direction)' : arrowWording(type),
		})),
	];
	const width = Math.min(MAX_WIDTH, Math.max(graph.width - left * 2, 200));
	const items: LegendItem[] = [];
	let x = 0;
	let line = 0;
	for (const item of wanted) {
		const itemWidth = SAMPLE_WIDTH[item.sample] + item.label.length * CHAR;
		if (x > 0 && x + itemWidth > width) {
			line++;
			x = 0;
		}
		items.push({ ...item, x: left + x, y: graph.legendTop + 14 + line * LINE } as LegendItem);
		x += itemWidth + GAP;
	}
	return { items, height: wanted.length ? (line + 1) * LINE + 14 : 0 };
}
