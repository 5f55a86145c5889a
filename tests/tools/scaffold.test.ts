import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { scaffoldEntry, writeEntry } from '../../tools/scaffold/scaffold.ts';
import { fixtureProject } from '../support/fixture-project.ts';

const fields = {
	topic: 'orchestration',
	kind: 'tool',
	title: 'Epsilon Orchestrator 2',
	url: 'https://epsilon.example.org/',
	summary: 'A fictional orchestrator added by the scaffolder in a test.',
};

describe('npm run new', () => {
	it('writes an entry, named after its title, that passes the check with only the outline warning', () => {
		const project = fixtureProject();
		const result = scaffoldEntry(project.root, fields, new Date('2026-12-01'));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.file).toBe('content/entries/orchestration/epsilon-orchestrator-2.mdx');
		writeEntry(project.root, result.file, result.source);
		const source = readFileSync(join(project.root, result.file), 'utf8');
		expect(source).toMatch(
			/^---\ntitle: Epsilon Orchestrator 2\nurl: https:\/\/epsilon\.example\.org\/\n/,
		);
		expect(source).toContain('added: 2026-12-01');
		const { problems, entries } = checkContent(project.root, new Date('2026-12-01'));
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
		expect(problems).toMatchObject([
			{
				severity: 'warning',
				file: result.file,
				field: 'body',
				message: "still has the scaffold's TODO: outline",
			},
		]);
		expect(entries.map((entry) => entry.id)).toContain('epsilon-orchestrator-2');
	});

	it.each([
		[
			'the same id',
			{ title: 'Alpha Scheduler' },
			'title',
			'gives the id "alpha-scheduler", already used by content/entries/orchestration/alpha-scheduler.mdx',
		],
		[
			'a former id',
			{ title: 'Alpha Old' },
			'title',
			'gives the id "alpha-old", already used by content/entries/orchestration/alpha-scheduler.mdx',
		],
		[
			'the same URL, spelt differently',
			{ url: 'http://WWW.alpha.example.org' },
			'url',
			'is already the address of content/entries/orchestration/alpha-scheduler.mdx',
		],
		[
			'an alias as title',
			{ title: 'ALPHA!' },
			'title',
			'is already a name of content/entries/orchestration/alpha-scheduler.mdx',
		],
	])('refuses a duplicate: %s', (_case, change, field, message) => {
		const result = scaffoldEntry(fixtureProject().root, { ...fields, ...change });
		expect(result).toMatchObject({ ok: false, problems: [{ field, message }] });
	});

	it('refuses invalid fields with the schema message, writing nothing', () => {
		const result = scaffoldEntry(fixtureProject().root, {
			...fields,
			topic: 'clouds',
			url: 'epsilon.example.org',
		});
		expect(result).toMatchObject({
			ok: false,
			problems: [
				{
					field: 'url',
					message: 'is "epsilon.example.org"',
					fix: 'must be an absolute web address starting with https://',
				},
				{ field: 'topic', message: 'is "clouds"' },
			],
		});
	});
});
