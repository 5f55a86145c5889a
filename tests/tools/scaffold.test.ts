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
	it('writes an entry, named after its title, that passes the check with only the outline warning', async () => {
		const project = fixtureProject();
		const result = await scaffoldEntry(project.root, fields, new Date('2026-12-01'));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.file).toBe('content/entries/orchestration/epsilon-orchestrator-2.mdx');
		writeEntry(project.root, result.file, result.source);
		const source = readFileSync(join(project.root, result.file), 'utf8');
		expect(source).toMatch(
			/^---\ntitle: Epsilon Orchestrator 2\nurl: https:\/\/epsilon\.example\.org\/\n/,
		);
		expect(source).toContain('added: "2026-12-01"');
		const { problems, entries } = await checkContent(project.root, new Date('2026-12-01'));
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
			'file',
			'has the id "alpha-scheduler", already used by content/entries/orchestration/alpha-scheduler.mdx',
		],
		[
			'a former id',
			{ title: 'Alpha Old' },
			'file',
			'has the id "alpha-old", a former id of content/entries/orchestration/alpha-scheduler.mdx',
		],
		[
			'the same URL, spelt differently',
			{ url: 'http://WWW.alpha.example.org' },
			'url',
			'points at the same page as content/entries/orchestration/alpha-scheduler.mdx',
		],
		[
			'an alias as title',
			{ title: 'ALPHA!' },
			'title',
			'"ALPHA!" is already the alias of content/entries/orchestration/alpha-scheduler.mdx',
		],
	])('refuses a duplicate: %s', async (_case, change, field, message) => {
		const result = await scaffoldEntry(fixtureProject().root, { ...fields, ...change });
		expect(result).toMatchObject({
			ok: false,
			problems: expect.arrayContaining([expect.objectContaining({ field, message })]),
		});
	});

	it('refuses invalid fields with the schema message, writing nothing', async () => {
		const result = await scaffoldEntry(fixtureProject().root, {
			...fields,
			topic: 'clouds',
			url: 'epsilon.example.org',
		});
		expect(result).toMatchObject({
			ok: false,
			problems: expect.arrayContaining([
				expect.objectContaining({
					field: 'url',
					message: 'is "epsilon.example.org"',
					fix: 'must be an absolute web address starting with https://',
				}),
				expect.objectContaining({ field: 'topic', message: 'is "clouds"' }),
			]),
		});
	});
});

describe('npm run new writes only what the check accepts', () => {
	it.each([
		['a title YAML 1.1 reads as a boolean', { title: 'Yes' }],
		['another one', { title: 'On' }],
		['Markdown and MDX syntax in the title', { title: 'Eps <script> {x} [a](b) *y*' }],
		['a title that looks like a number', { title: '2048' }],
	])('%s', async (_case, change) => {
		const project = fixtureProject();
		const result = await scaffoldEntry(
			project.root,
			{ ...fields, ...change },
			new Date('2026-12-01'),
		);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		writeEntry(project.root, result.file, result.source);
		const { problems, entries } = await checkContent(project.root, new Date('2026-12-01'));
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
		expect(entries.find((entry) => entry.file === result.file)?.data.title).toBe(change.title);
	});

	it('takes --id for a title with no Latin letters, and asks for it otherwise', async () => {
		const project = fixtureProject();
		const title = 'Кубернетес Оркестр';
		expect(await scaffoldEntry(project.root, { ...fields, title })).toMatchObject({
			ok: false,
			problems: [{ field: 'title', fix: expect.stringContaining('--id') }],
		});
		const result = await scaffoldEntry(project.root, {
			...fields,
			title,
			id: 'kubernetes-orkestr',
		});
		expect(result).toMatchObject({
			ok: true,
			file: 'content/entries/orchestration/kubernetes-orkestr.mdx',
		});
	});

	it('refuses a title or id that a broken entry holds', async () => {
		const project = fixtureProject();
		project.write(
			'content/entries/orchestration/zeta-broken.mdx',
			'---\ntitle: Zeta Broken\nurl: https://zeta.example.org/\nkind: nonsense\n---\n\nBody.\n',
		);
		const sameTitle = await scaffoldEntry(project.root, { ...fields, title: 'Zeta  broken!' });
		expect(sameTitle).toMatchObject({
			ok: false,
			problems: expect.arrayContaining([
				expect.objectContaining({
					message: expect.stringContaining('content/entries/orchestration/zeta-broken.mdx'),
				}),
			]),
		});
		const sameUrl = await scaffoldEntry(project.root, {
			...fields,
			url: 'https://zeta.example.org',
		});
		expect(sameUrl).toMatchObject({
			ok: false,
			problems: [
				{
					field: 'url',
					message: 'points at the same page as content/entries/orchestration/zeta-broken.mdx',
				},
			],
		});
	});
});
