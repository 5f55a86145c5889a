import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { formatProblem } from '../../src/check/problems.ts';
import type { Entry } from '../../src/lib/entries.ts';

export const FIXTURE = join(import.meta.dirname, '../fixtures/mini');
const created: string[] = [];
afterEach(() => {
	for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary copy of the mini fixture that a test may break in one place. */
export function fixtureProject() {
	const root = mkdtempSync(join(tmpdir(), 'wlm-fixture-'));
	created.push(root);
	cpSync(FIXTURE, root, { recursive: true });
	const path = (file: string) => join(root, file);
	return {
		root,
		write(file: string, source: string) {
			mkdirSync(dirname(path(file)), { recursive: true });
			writeFileSync(path(file), source);
		},
		/** Rewrites a file by replacing one exact piece of text, failing loudly if it is absent. */
		edit(file: string, from: string, to: string) {
			const source = readFileSync(path(file), 'utf8');
			if (!source.includes(from))
				throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
			writeFileSync(path(file), source.replace(from, to));
		},
		remove(file: string) {
			rmSync(path(file));
		},
		/** Every problem, formatted as `npm run check` prints it. */
		async problems(today = new Date('2026-11-30')) {
			return (await checkContent(root, today)).problems.map(formatProblem);
		},
	};
}

export const ALPHA = 'content/entries/orchestration/alpha-scheduler.mdx';
export const BETA = 'content/entries/datacenter-as-computer/beta-paper.mdx';
export const GAMMA = 'content/entries/paas/gamma-platform.mdx';

/**
 * The fixture's entries shaped like Astro collection entries, parsed by the real schema: what
 * pages and helpers receive from `getCollection('entries')` in a build.
 */
export async function fixtureEntries(): Promise<Entry[]> {
	return (await checkContent(FIXTURE)).entries.map(
		({ id, data }) => ({ id, collection: 'entries', data, body: '' }) as unknown as Entry,
	);
}
