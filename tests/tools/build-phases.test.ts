import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildPhases,
	durationSeconds,
	OTHER_PHASE,
	SOCIAL_CARDS_PHASE,
} from '../../tools/bench/build-phases.ts';

/**
 * A real `astro build` log of 100 generated entries (12.80 s of wall time under GNU time), trimmed:
 * one of its bundler warnings is kept whole, and most of its route lines are left out.
 */
const LOG = readFileSync(join(import.meta.dirname, 'fixtures/build-100-entries.txt'), 'utf8');
const WALL_MS = 12_800;

describe('build phases', () => {
	it('reads the phases Astro and the social cards time from a real build log, the cards running beside the rest', () => {
		expect(buildPhases(LOG, WALL_MS)).toEqual([
			{ phase: 'content sync and types', seconds: 1.53 },
			{ phase: 'server bundle', seconds: 1.03 },
			{ phase: 'client bundle', seconds: 0.061 },
			{ phase: 'render pages', seconds: 2.72 },
			{ phase: SOCIAL_CARDS_PHASE, seconds: 3.76 },
			{ phase: OTHER_PHASE, seconds: 3.699 },
		]);
	});

	it('adds the content check and the search index once their lines give a time', () => {
		const log = LOG.replace(
			'23:22:05 [content] Syncing content',
			'23:22:05 [wlm:content-gate] Checked 110 content files in 0.41 s.\n$&',
		).replace(
			'[wlm:search-index] Indexed 110 entry pages for search.',
			'[wlm:search-index] Indexed 110 entry pages for search in 2.95 s.',
		);
		const phases = buildPhases(log, WALL_MS);
		expect(phases.map(({ phase }) => phase)).toEqual([
			'content check',
			'content sync and types',
			'server bundle',
			'client bundle',
			'render pages',
			'search index',
			SOCIAL_CARDS_PHASE,
			OTHER_PHASE,
		]);
		expect(phases[0]!.seconds).toBe(0.41);
		expect(phases[5]!.seconds).toBe(2.95);
		expect(phases.at(-1)!.seconds).toBe(3.289);
	});

	it('reads lines coloured as in a terminal', () => {
		const coloured = LOG.replace('✓ built in 1.03s', '\x1b[32m✓ built in 1.03s\x1b[39m').replace(
			'[types]',
			'\x1b[34m[types]\x1b[39m',
		);
		expect(buildPhases(coloured, WALL_MS)).toEqual(buildPhases(LOG, WALL_MS));
	});

	it('takes the render time from after the server assets move, not a [build] step', () => {
		const withoutRearranging = LOG.replace('[build] Rearranging server assets...', '');
		expect(buildPhases(withoutRearranging, WALL_MS).map(({ phase }) => phase)).not.toContain(
			'render pages',
		);
	});

	it('reads durations as Astro, Vite and the integrations write them', () => {
		expect(durationSeconds('850ms')).toBe(0.85);
		expect(durationSeconds('1.22s')).toBe(1.22);
		expect(durationSeconds('3.76 s')).toBe(3.76);
		expect(durationSeconds('1m 23s')).toBe(83);
		expect(durationSeconds('2m')).toBe(120);
		const log = LOG.replace('Generated 1.53s', 'Generated 1m 23s').replace(
			'Completed in 2.72s.',
			'Completed in 2m.',
		);
		const phases = Object.fromEntries(
			buildPhases(log, 300_000).map(({ phase, seconds }) => [phase, seconds]),
		);
		expect(phases['content sync and types']).toBe(83);
		expect(phases['render pages']).toBe(120);
	});
});
