import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { formatAnnotation } from '../../src/check/problems.ts';
import { ALPHA, BETA, fixtureProject, GAMMA } from '../support/fixture-project.ts';

describe('npm run check rules', () => {
	it('passes the valid fixture with no problem at all', async () => {
		expect(await fixtureProject().problems()).toEqual([]);
	});

	describe('frontmatter, field by field', () => {
		it('names a missing required field and says what to write', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'title: Alpha Scheduler\n', '');
			expect(await project.problems()).toEqual([
				`${ALPHA}:2: title: is missing — add it: The name people search by, e.g. "Kubernetes" or the full title of a paper.`,
			]);
		});

		it('suggests the field meant by a misspelt key', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'summary:', 'sumary:');
			expect(await project.problems()).toEqual(
				expect.arrayContaining([
					`${ALPHA}:6: sumary: is not a known field — did you mean "summary"?`,
					`${ALPHA}:2: summary: is missing — add it: One sentence, at most 200 characters, shown in lists and search results.`,
				]),
			);
		});

		it('lists the allowed values for an unknown kind, on the line of the field', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'kind: tool', 'kind: framework');
			expect(await project.problems()).toEqual([
				`${ALPHA}:5: kind: is "framework" — must be one of: tool, paper, article, book, talk, spec`,
			]);
		});

		it('refuses a summary over 200 characters', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'summary: A fictional', `summary: ${'Very '.repeat(40)}fictional`);
			expect((await project.problems())[0]).toMatch(
				/alpha-scheduler\.mdx:6: summary: is "Very Very .*… — must be one sentence of at most 200 characters$/,
			);
		});

		it('refuses an address that is not a web URL, and only warns for http', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'url: https://alpha.example.org/', 'url: ftp://alpha.example.org/');
			expect(await project.problems()).toEqual([
				`${ALPHA}:3: url: is "ftp://alpha.example.org/" — must be an absolute web address starting with https://`,
			]);
			project.edit(ALPHA, 'url: ftp://', 'url: http://');
			const { problems } = await checkContent(project.root, new Date('2026-11-30'));
			expect(problems).toMatchObject([{ severity: 'warning', field: 'url', line: 3 }]);
		});

		it('refuses a bare-URL DOI and a malformed date', async () => {
			const project = fixtureProject();
			project.edit(BETA, 'doi: 10.9999/beta.2012', 'doi: https://doi.org/10.9999/beta.2012');
			project.edit(BETA, 'added: 2026-11-02', 'added: 2 November 2026');
			expect(await project.problems()).toEqual([
				`${BETA}:11: doi: is "https://doi.org/10.9999/beta.2012" — must be a bare DOI such as 10.1145/2741948.2741964 (no https://doi.org/)`,
				`${BETA}:12: added: is "2 November 2026" — must be a date written YYYY-MM-DD`,
			]);
		});

		it('asks retired entries to say why', async () => {
			const project = fixtureProject();
			project.edit(GAMMA, 'statusNote: Archived by its fictional maintainers in March 2020.\n', '');
			expect(await project.problems()).toEqual([
				`${GAMMA}:2: statusNote: is missing — is required when status is "archived": say when and why, e.g. "Archived on GitHub in February 2021."`,
			]);
		});

		it('reports broken YAML with its line', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'year: 2014', 'year: [2014');
			expect((await project.problems())[0]).toMatch(
				/^content\/entries\/orchestration\/alpha-scheduler\.mdx:\d+: frontmatter: is not valid YAML/,
			);
		});
	});

	describe('files and folders', () => {
		it('requires topic to equal the folder', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'topic: orchestration', 'topic: paas');
			expect(await project.problems()).toEqual([
				`${ALPHA}:4: topic: is "paas" but the file is in content/entries/orchestration/ — write topic: orchestration, or move the file to content/entries/paas/`,
			]);
		});

		it('requires a lowercase kebab-case file name inside a topic folder', async () => {
			const project = fixtureProject();
			project.write('content/entries/misc/Omega_Thing.mdx', '---\ntitle: x\n---\n');
			const problems = await project.problems();
			expect(problems).toContain(
				'content/entries/misc/Omega_Thing.mdx:1: file: is in the folder "misc", which is not a topic — move it to one of: content/entries/orchestration/, content/entries/paas/, content/entries/datacenter-as-computer/, content/entries/networking/',
			);
			expect(problems).toContain(
				'content/entries/misc/Omega_Thing.mdx:1: file: name "Omega_Thing" is not lowercase kebab-case — rename it to omega-thing.mdx',
			);
		});

		it('keeps ids unique across topics', async () => {
			const project = fixtureProject();
			const { readFileSync } = await import('node:fs');
			const copy = readFileSync(`${project.root}/${ALPHA}`, 'utf8')
				.replace('topic: orchestration', 'topic: networking')
				.replace('title: Alpha Scheduler', 'title: Another Alpha')
				.replace('aliases: [alpha]', '')
				.replace('alpha.example.org', 'other.example.org')
				.replace('formerIds: [alpha-old]', '');
			project.write('content/entries/networking/alpha-scheduler.mdx', copy);
			expect(await project.problems()).toContain(
				`content/entries/orchestration/alpha-scheduler.mdx:1: file: has the id "alpha-scheduler", already used by content/entries/networking/alpha-scheduler.mdx — ids are unique across topics: rename the new file`,
			);
		});
	});

	describe('rules across entries', () => {
		it('keeps titles and aliases unique, ignoring case and punctuation', async () => {
			const project = fixtureProject();
			project.edit(GAMMA, 'title: Gamma Platform', 'title: ALPHA');
			expect(await project.problems()).toEqual([
				`${GAMMA}:2: title: "ALPHA" is already the alias of ${ALPHA} — names are unique across the list: pick a more specific one, or edit the existing entry instead`,
			]);
		});

		it('finds the same page behind a different spelling of its URL', async () => {
			const project = fixtureProject();
			project.edit(
				GAMMA,
				'url: https://github.com/example/gamma',
				'url: https://WWW.Alpha.example.org:443/?utm_source=list',
			);
			expect(await project.problems()).toEqual([
				`${GAMMA}:3: url: points at the same page as ${ALPHA} — each page gets one entry: edit the existing entry instead`,
			]);
		});

		it('resolves every relation and suggests the id that was meant', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'inspiredBy: [beta-paper]', 'inspiredBy: [beta-papr]');
			project.edit(GAMMA, 'supersededBy: [alpha-scheduler]', 'supersededBy: [nowhere]');
			expect(await project.problems()).toEqual([
				`${ALPHA}:10: relations.inspiredBy.0: "beta-papr" is not an entry id — did you mean "beta-paper"?`,
				`${GAMMA}:11: relations.supersededBy.0: "nowhere" is not an entry id — use the file name (without .mdx) of an existing entry`,
			]);
		});

		it('refuses a former id that is a live id, or that two entries claim', async () => {
			const project = fixtureProject();
			project.edit(ALPHA, 'formerIds: [alpha-old]', 'formerIds: [alpha-old, gamma-platform]');
			project.edit(GAMMA, 'reviewed: 2026-11-03', 'reviewed: 2026-11-03\nformerIds: [alpha-old]');
			const problems = await project.problems();
			expect(problems).toContain(
				`${ALPHA}:13: formerIds.1: "gamma-platform" is the id of ${GAMMA}, so its address cannot redirect here — remove the former id, or rename the other entry`,
			);
			expect(problems).toContain(
				`${GAMMA}:14: formerIds.0: "alpha-old" is already a former id of ${ALPHA} — an old address can redirect to one entry only: remove it from this one`,
			);
		});

		it('resolves the entries of reading paths', async () => {
			const project = fixtureProject();
			project.edit('content/paths/fixture-route.md', 'entry: alpha-scheduler', 'entry: alpha');
			expect(await project.problems()).toEqual([
				'content/paths/fixture-route.md:7: steps.1.entry: "alpha" is not an entry id — use the file name (without .mdx) of an existing entry',
			]);
		});

		it('requires the four topic files', async () => {
			const project = fixtureProject();
			project.remove('content/topics/paas.md');
			expect(await project.problems()).toEqual([
				'content/topics/paas.md:1: file: is missing — add a topic file with title, description and order',
			]);
		});

		it('warns about facts not reviewed in twelve months', async () => {
			const project = fixtureProject();
			expect(await project.problems(new Date('2028-01-01'))).toContain(
				`${ALPHA}:12: warning: reviewed: was 2026-11-01, more than 12 months ago — check the entry's facts, then write reviewed: 2028-01-01`,
			);
		});
	});

	it('reports every problem in one run, sorted by file and line', async () => {
		const project = fixtureProject();
		project.edit(ALPHA, 'kind: tool', 'kind: gadget');
		project.edit(BETA, 'year: 2012', 'year: twenty');
		project.edit(GAMMA, 'Gamma Platform is', 'Gamma Platform <script>alert(1)</script> is');
		expect(await project.problems()).toMatchSnapshot();
	});

	it('formats GitHub annotations with escaped properties', async () => {
		const line = formatAnnotation({
			severity: 'error',
			file: 'content/a,b.mdx',
			line: 3,
			field: 'url',
			message: 'is "x"',
			fix: 'use https: 100%',
		});
		expect(line).toBe(
			'::error file=content/a%2Cb.mdx,line=3,title=url::is "x" — use https: 100%25',
		);
	});
});
