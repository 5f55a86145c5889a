import type { LineageEdge, LineageGraph, LineageNode } from './lineage.ts';
import type { RelationType } from '../schema/vocabulary.ts';

export interface ChainStep {
	/** How this step follows the one before it ("inspired"); absent on a chain's first entry. */
	via?: RelationType;
	node: LineageNode;
}

/**
 * The drawing told as chains of descent: each chain starts at an entry nothing in the view leads
 * to and follows one relation at a time ("Borg paper → inspired Kubernetes → built upon by
 * OpenShift"); a branch starts a new chain at the entry it branches from. Every edge is told once.
 */
export function lineageChains(graph: LineageGraph): ChainStep[][] {
	const byId = new Map(graph.nodes.map((node) => [node.id, node]));
	const order = (a: LineageNode, b: LineageNode) =>
		a.col - b.col || a.year - b.year || a.title.localeCompare(b.title);
	const outgoing = new Map<string, LineageEdge[]>();
	const hasIncoming = new Set<string>();
	for (const edge of graph.edges) {
		outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
		hasIncoming.add(edge.to);
	}
	for (const list of outgoing.values())
		list.sort((a, b) => order(byId.get(a.to)!, byId.get(b.to)!));
	const used = new Set<LineageEdge>();
	const chains: ChainStep[][] = [];
	const starts = [...graph.nodes].sort(
		(a, b) => Number(hasIncoming.has(a.id)) - Number(hasIncoming.has(b.id)) || order(a, b),
	);
	for (const start of starts) {
		for (;;) {
			const chain: ChainStep[] = [{ node: start }];
			let at = start.id;
			for (;;) {
				const edge = (outgoing.get(at) ?? []).find((candidate) => !used.has(candidate));
				if (!edge) break;
				used.add(edge);
				chain.push({ via: edge.type, node: byId.get(edge.to)! });
				at = edge.to;
			}
			if (chain.length === 1) break;
			chains.push(chain);
		}
	}
	return chains;
}

/** Entries in the view that no drawn relation touches. */
export function unconnected(graph: LineageGraph): LineageNode[] {
	const touched = new Set(graph.edges.flatMap((edge) => [edge.from, edge.to]));
	return graph.nodes.filter((node) => !touched.has(node.id));
}

/**
 * The `count` chains with the most steps, each from a different first entry while there are enough
 * of them (so that one root's branches do not fill the list), in the order the view tells them.
 */
export function longestChains(graph: LineageGraph, count: number): ChainStep[][] {
	const chains = lineageChains(graph);
	const longestFirst = [...chains].sort((a, b) => b.length - a.length);
	const roots = new Set<string>();
	const kept = new Set<ChainStep[]>();
	for (const chain of longestFirst) {
		if (kept.size === count) break;
		if (roots.has(chain[0]!.node.id)) continue;
		roots.add(chain[0]!.node.id);
		kept.add(chain);
	}
	for (const chain of longestFirst) if (kept.size < count) kept.add(chain);
	return chains.filter((chain) => kept.has(chain));
}
