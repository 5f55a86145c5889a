import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a built file, failing with the missing path rather than a bare ENOENT. */
export function readBuilt(distDir: string, path: string): string {
	const file = join(distDir, path);
	if (!existsSync(file)) throw new Error(`${path} was not built`);
	return readFileSync(file, 'utf8');
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	'#39': "'",
	'#x27': "'",
};

/** Text of the first element matched by `pattern` (whose first group is its inner HTML), tags removed. */
export function textOf(html: string, pattern: RegExp): string | undefined {
	const inner = pattern.exec(html)?.[1];
	return inner
		?.replace(/<[^>]+>/g, '')
		.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)
		.trim();
}
