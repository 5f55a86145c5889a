import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../src/check/source-files.ts';

/**
 * The check and the build read one frontmatter: for any text, either the check refuses it with a
 * line, or the build's own parser reads exactly the data the check validated, and never crashes.
 */
describe('differential: frontmatter the check accepts is what the build reads', () => {
	const pieces = [
		...['title: Alpha', 'year: 2014', 'year: 0o3736', 'year: 0b101', 'venue: -.5', 'ok: yes'],
		...['added: 2026-02-31', 'a: &x 1', 'b: *x', 'c: !custom 1', '<<: {d: 1}', 'title: Beta'],
		...['# comment\rkey: hidden', 'e: "tab\there"', "f: 'quoted: yes'", 'g: [1, 2, 3]', '{h: 1}'],
		...['i:\n  - x\n  - y', 'j: |\n  block', 'k: \u0007bell', 'l: \u202eltr', '? m\n: n', 'o: ~'],
		...['p: 1_000', 'q: .inf', 'r: 2026-01-31T10:00:00Z', 's: "\\x41"', 't: @at', 'u: `tick`'],
	];
	const frontmatter = fc
		.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 })
		.map((lines) => `---\n${lines.join('\n')}\n---\n\nBody.\n`);

	it('holds for generated frontmatter', () => {
		let accepted = 0;
		fc.assert(
			fc.property(frontmatter, (text) => {
				const file = parseSourceFile('content/entries/a/b.mdx', text);
				if (file.readProblems.length) {
					for (const problem of file.readProblems) expect(problem.line).toBeGreaterThan(0);
					return;
				}
				const build = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
				expect(build.frontmatter).toEqual(file.data);
				expect(() => JSON.stringify(build.frontmatter)).not.toThrow();
				expect(build.content).toBe(file.compiledSource);
				accepted++;
			}),
			{ numRuns: 500 },
		);
		// Both sides of the property are exercised, not only refusals.
		expect(accepted).toBeGreaterThan(25);
	});

	it('maps each field back to its line', () => {
		const file = parseSourceFile(
			'x.mdx',
			'---\ntitle: A\nrelations:\n  inspiredBy: [a, b]\nreviewed: 2026-01-01\n---\n',
		);
		expect(file.lineOf(['title'])).toBe(2);
		expect(file.lineOf(['relations', 'inspiredBy', 1])).toBe(4);
		expect(file.lineOf(['reviewed'])).toBe(5);
		expect(file.textOf(['reviewed'])).toBe('2026-01-01');
	});
});
