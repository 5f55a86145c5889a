import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from '../../tools/harness/project-copy.ts';
import { FIXTURE } from '../support/fixture-project.ts';

/** The build's own account of its social cards: drawn early or after the pages, or reused. */
const cardLog = (output: string) => {
	const match = output.match(
		/(\d+) social cards: (\d+) drawn early .*?, (\d+) drawn after the pages .*?, (\d+) reused/,
	);
	if (!match) throw new Error(`No social-card line in the build output:\n${output}`);
	const [cards, early, after, reused] = match.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
	];
	return { cards, drawn: early + after, reused };
};

describe('social-card cache', () => {
	let copy: ProjectCopy;
	let first: ReturnType<typeof cardLog>;
	beforeAll(async () => {
		copy = copyProject(join(FIXTURE, 'content'), 'wlm-cards');
		const { code, output } = await copy.build();
		if (code !== 0) throw new Error(output);
		first = cardLog(output);
	});
	afterAll(() => copy.remove());

	it('draws every card on a first build, and none again when nothing changed', async () => {
		expect(first.drawn).toBe(first.cards);
		expect(first.cards).toBeGreaterThan(4);
		const { code, output } = await copy.build();
		expect(code, output).toBe(0);
		expect(cardLog(output)).toEqual({ cards: first.cards, drawn: 0, reused: first.cards });
		const card = readFileSync(join(copy.root, 'dist/og/entries/alpha-scheduler.png'));
		expect(card.subarray(1, 4).toString()).toBe('PNG');
	});

	it('draws again only the card of an entry whose title changed', async () => {
		const file = join(copy.root, 'content/entries/orchestration/alpha-scheduler.mdx');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('title: Alpha Scheduler', 'title: Alpha Scheduler II'),
		);
		const { code, output } = await copy.build();
		expect(code, output).toBe(0);
		// Other pages name the entry in their text, not in their cards.
		expect(cardLog(output).drawn).toBe(1);
	});
});
