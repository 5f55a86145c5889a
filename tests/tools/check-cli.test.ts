import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../tools/harness/project-copy.ts';
import { main } from '../../tools/cli/check.ts';
import { ALPHA, fixtureProject } from '../support/fixture-project.ts';

/** `npm run check` as a contributor runs it: its lines, its annotations, its exit code. */
function captureLog() {
	const lines: string[] = [];
	vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
	return lines;
}
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe('npm run check', () => {
	it('passes the valid fixture with exit code 0', async () => {
		const lines = captureLog();
		expect(await main([], fixtureProject().root)).toBe(0);
		expect(lines).toEqual(['✓ 10 entries checked: no errors, 0 warning(s).']);
	});

	it('prints one inert line and one GitHub annotation per problem, and fails', async () => {
		vi.stubEnv('GITHUB_ACTIONS', 'true');
		const project = fixtureProject();
		project.edit(ALPHA, 'year: 2014', 'year: 2014\n"x\\n::error file=a::pwned": 1');
		const lines = captureLog();
		expect(await main([], project.root)).toBe(1);
		expect(lines).toEqual([
			`${ALPHA}:9: x\\u{000a}::error file=a::pwned: is not a known field — remove it; the fields are listed in CONTRIBUTING.md`,
			`::error file=${ALPHA},line=9,title=x\\u{000a}%3A%3Aerror file=a%3A%3Apwned::is not a known field — remove it; the fields are listed in CONTRIBUTING.md`,
			'✗ 1 error(s), 0 warning(s) in 9 valid entries.',
		]);
	});

	it('runs as `npm run check` does: plain Node, types stripped, no bundler', () => {
		const output = execFileSync(process.execPath, [join(PROJECT_ROOT, 'tools/cli/check.ts')], {
			cwd: fixtureProject().root,
			encoding: 'utf8',
		});
		expect(output).toBe('✓ 10 entries checked: no errors, 0 warning(s).\n');
	});
});
