import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { changedLinks } from '../../tools/link-health/changed-links.ts';
import { linkReport } from '../../tools/link-health/report.ts';
import { ALPHA, BETA, fixtureProject, GAMMA } from '../support/fixture-project.ts';

it('reports dead, moved and unchecked links with where to edit and what to write', () => {
	const report = linkReport(
		[
			{
				file: ALPHA,
				url: 'https://alpha.example.org/',
				line: 3,
				outcome: 'ok',
				attempts: 1,
				detail: '200',
			},
			{
				file: BETA,
				url: 'https://beta.example.org/|x',
				line: 3,
				outcome: 'dead',
				attempts: 1,
				detail: '404 <Not Found>',
				suggestion: 'add archiveUrl: https://web.archive.org/web/2024/https://beta.example.org/',
			},
			{
				file: GAMMA,
				url: 'https://gamma.example.org/',
				outcome: 'moved',
				attempts: 1,
				detail: '301',
				suggestion: 'update url to https://g.example.org/',
			},
		],
		'2026-12-01',
	);
	expect(report.split('\n')).toEqual([
		'Link health on 2026-12-01: 3 links checked, 1 ok, 1 moved, 1 dead, 0 could not be checked.',
		'',
		'### Dead (1)',
		'',
		'| where | link | what happened | what to do |',
		'| --- | --- | --- | --- |',
		`| \`${BETA}:3\` | https://beta.example.org/&#124;x | 404 &#60;Not Found&#62; | add archiveUrl: https://web.archive.org/web/2024/https://beta.example.org/ |`,
		'',
		'### Moved (1)',
		'',
		'| where | link | what happened | what to do |',
		'| --- | --- | --- | --- |',
		`| \`${GAMMA}\` | https://gamma.example.org/ | 301 | update url to https://g.example.org/ |`,
		'',
		'This issue is rewritten by each weekly run of `npm run check:links`; close it once the list is empty.',
		'',
	]);
});

it('finds only the links a change adds or edits', () => {
	const project = fixtureProject();
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: project.root, stdio: 'pipe' });
	const commit = () => {
		git('add', '.');
		git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'change');
	};
	git('init', '-q', '-b', 'main');
	commit();
	git('branch', 'base');
	project.edit(ALPHA, 'url: https://alpha.example.org/', 'url: https://alpha.example.org/v2/');
	project.edit(
		BETA,
		'reviewed:',
		'archiveUrl: https://web.archive.org/web/2020/https://beta.example.org/\nreviewed:',
	);
	project.edit(GAMMA, 'own page', 'own web page');
	const delta = 'content/entries/networking/delta-mesh.mdx';
	project.write(
		'content/entries/networking/epsilon-mesh.mdx',
		readFileSync(join(project.root, delta), 'utf8').replace(
			'https://delta.example.net/',
			'https://epsilon.example.net/',
		),
	);
	commit();
	expect([...changedLinks(project.root, 'base')].sort()).toEqual([
		'https://alpha.example.org/v2/',
		'https://epsilon.example.net/',
		'https://web.archive.org/web/2020/https://beta.example.org/',
	]);
});
