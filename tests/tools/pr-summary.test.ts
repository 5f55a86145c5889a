import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../tools/cli/pr-summary.ts';
import { ALPHA, fixtureProject, GAMMA } from '../support/fixture-project.ts';

/** A throwaway git repository holding the fixture, with one commit that a pull request changes. */
function repository() {
	const project = fixtureProject();
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: project.root, stdio: 'pipe', encoding: 'utf8' });
	git('init', '-q', '-b', 'main');
	const commit = (message: string) => {
		git('add', '.');
		git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', message);
	};
	commit('base');
	git('branch', 'base');
	return { ...project, commit };
}

it('renders a changed entry as readers will see it, relations from both sides, as plain text', async () => {
	const project = repository();
	project.edit(ALPHA, 'title: Alpha Scheduler', 'title: Alpha <b>Scheduler</b>');
	project.edit(GAMMA, 'kind: tool', 'kind: pamphlet');
	project.commit("a contributor's change");
	const summaryFile = join(project.root, 'summary.md');
	expect(await main(['--base', 'base'], project.root, { GITHUB_STEP_SUMMARY: summaryFile })).toBe(
		0,
	);
	const summary = readFileSync(summaryFile, 'utf8');
	expect(summary).toContain('### Alpha &#60;b&#62;Scheduler&#60;/b&#62; (changed)');
	expect(summary).toContain('Tool · orchestration · Active · 2014');
	expect(summary).toContain(
		'> A fictional cluster scheduler used as a test fixture for the reading list.',
	);
	expect(summary).toMatch(/\| Inspired by \| Beta: [^|]+ \|/);
	expect(summary).toMatch(/\| Built upon by \| Delta Mesh \|/);
	expect(summary).toContain(`### Refused: \`${GAMMA}\``);
	expect(summary).toMatch(/kind: is "pamphlet" — must be one of/);
	expect(summary).not.toContain('Beta: A Fictional Paper on Cluster Management (');
});

it('says so when a pull request touches no entry, and refuses an unknown base', async () => {
	const project = repository();
	const lines: string[] = [];
	const write = process.stdout.write;
	process.stdout.write = ((chunk: string) =>
		lines.push(chunk)) as unknown as typeof process.stdout.write;
	try {
		expect(await main(['--base', 'base'], project.root, {})).toBe(0);
	} finally {
		process.stdout.write = write;
	}
	expect(lines.join('')).toBe('## Entries in this pull request\n\nNo entry is added or changed.\n');
	expect(await main(['--base', 'nowhere'], project.root, {})).toBe(2);
});
