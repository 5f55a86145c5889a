import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildPhases,
	durationSeconds,
	EARLY_CARDS_PHASE,
	OTHER_PHASE,
	SOCIAL_CARDS_PHASE,
} from '../../tools/bench/build-phases.ts';

/**
 * A real `astro build` log of 100 generated entries (8.80 s of wall time under GNU time), trimmed:
 * most of its route lines are left out.
 */
const LOG = readFileSync(join(import.meta.dirname, 'fixtures/build-100-entries.txt'), 'utf8');
const WALL_MS = 8_800;

describe('build phases', () => {
	it('reads the phases Astro and our integrations time from a real build log, the cards beside the rest', () => {
		expect(buildPhases(LOG, WALL_MS)).toEqual([
			{ phase: 'content check', seconds: 0.36 },
			{ phase: 'content sync and types', seconds: 2.27 },
			{ phase: 'server bundle', seconds: 0.725 },
			{ phase: 'client bundle', seconds: 0.055 },
			{ phase: 'render pages', seconds: 2.97 },
			{ phase: 'search index', seconds: 0.35 },
			{ phase: EARLY_CARDS_PHASE, seconds: 0.68 },
			{ phase: SOCIAL_CARDS_PHASE, seconds: 0.6 },
			// 8.80 s less the phases in turn, and the 0.25 s the cards took beyond the search index.
			{ phase: OTHER_PHASE, seconds: 1.82 },
		]);
	});

	it('leaves out a phase whose line gives no time, and counts its time as other', () => {
		const log = LOG.replace(/^.*\[wlm:content-gate\] Checked.*$/m, '').replace(
			'Indexed 114 entry pages for search in 0.35 s.',
			'Indexed 114 entry pages for search.',
		);
		const phases = buildPhases(log, WALL_MS);
		expect(phases.map(({ phase }) => phase)).toEqual([
			'content sync and types',
			'server bundle',
			'client bundle',
			'render pages',
			EARLY_CARDS_PHASE,
			SOCIAL_CARDS_PHASE,
			OTHER_PHASE,
		]);
		// No search index to run beside: all 0.60 s of the cards after the pages count.
		expect(phases.at(-1)!.seconds).toBe(2.18);
	});

	it('reads lines coloured as in a terminal', () => {
		const coloured = LOG.replace('✓ built in 725ms', '\x1b[32m✓ built in 725ms\x1b[39m').replace(
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
		const log = LOG.replace('Generated 2.27s', 'Generated 1m 23s').replace(
			'Completed in 2.97s.',
			'Completed in 2m.',
		);
		const phases = Object.fromEntries(
			buildPhases(log, 300_000).map(({ phase, seconds }) => [phase, seconds]),
		);
		expect(phases['content sync and types']).toBe(83);
		expect(phases['render pages']).toBe(120);
	});
});
