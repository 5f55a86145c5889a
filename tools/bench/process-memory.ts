import { readdirSync, readFileSync } from 'node:fs';

/** Bytes per page of memory, as /proc reports resident set sizes in pages. */
const PAGE_SIZE = 4096;

/**
 * Samples the resident memory of every process descending from `rootPid` (not `rootPid` itself)
 * until stopped, and keeps the highest sum seen. A build is a tree (Astro in Node, Pagefind's own
 * binary beside it), and /usr/bin/time reports only the largest single process, so /proc is read
 * instead. A peak shorter than the interval can slip between two samples.
 */
export function watchTreeMemory(rootPid = process.pid, intervalMs = 100) {
	let peakBytes = 0;
	const sample = () => {
		peakBytes = Math.max(peakBytes, treeRss(rootPid));
	};
	const timer = setInterval(sample, intervalMs);
	return {
		/** Stops sampling; returns the highest total seen, in bytes. */
		stop(): number {
			clearInterval(timer);
			return peakBytes;
		},
	};
}

function treeRss(rootPid: number): number {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue; // The process ended between listing and reading.
		}
		// The command name, in parentheses, may hold spaces: fields are counted after its closing one.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const pid = Number(name);
		const parent = Number(fields[1]);
		children.set(parent, [...(children.get(parent) ?? []), pid]);
		rss.set(pid, Number(fields[21]) * PAGE_SIZE);
	}
	let total = 0;
	const pending = [...(children.get(rootPid) ?? [])];
	while (pending.length) {
		const pid = pending.pop()!;
		total += rss.get(pid) ?? 0;
		pending.push(...(children.get(pid) ?? []));
	}
	return total;
}
