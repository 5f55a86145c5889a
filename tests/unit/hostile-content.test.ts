import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAnnotation, formatProblem } from '../../src/check/problems.ts';
import { ALPHA, BETA, fixtureProject } from '../support/fixture-project.ts';

/** Every class of hostile input from issue 11, each pinned to the exact line the check prints. */

type Project = ReturnType<typeof fixtureProject>;
const ORCHESTRATION = 'content/entries/orchestration';
const BETA_TITLE = "title: 'Beta: A Fictional Paper on Cluster Management'";
const LF_ONLY = 'save it with LF line endings only (git config core.autocrlf input)';
const PLAIN = 'write plain values: quote text that starts with "!" or "&"';
const LINK = 'replace it with the file itself; links under content/ are never followed';

const CASES: [string, (project: Project) => void, string[]][] = [
	[
		'a key hidden behind a lone carriage return in a comment',
		(p) => p.edit(ALPHA, 'year: 2014', 'year: 2014\n# note\rformerIds: [beta-paper]'),
		[`${ALPHA}:9: file: contains a stray carriage return — ${LF_ONLY}`],
	],
	[
		'CRLF line endings',
		(p) => p.edit(ALPHA, 'year: 2014\n', 'year: 2014\r\n'),
		[`${ALPHA}:8: file: has Windows (CRLF) line endings — ${LF_ONLY}`],
	],
	[
		'a byte-order mark',
		(p) => p.edit(ALPHA, '---\ntitle', '\ufeff---\ntitle'),
		[`${ALPHA}:1: file: starts with a byte-order mark — save it as UTF-8 without a BOM`],
	],
	[
		'an unknown YAML tag',
		(p) => p.edit(ALPHA, 'year: 2014', 'year: !custom 2014'),
		[`${ALPHA}:8: frontmatter: uses a YAML tag (!custom) — ${PLAIN}`],
	],
	[
		'an anchor and alias',
		(p) => p.edit(ALPHA, 'year: 2014', 'year: &y 2014\nvenue: *y'),
		[`${ALPHA}:8: frontmatter: uses a YAML anchor (&y) — ${PLAIN}`],
	],
	[
		'an alias bomb',
		(p) =>
			p.edit(
				ALPHA,
				'year: 2014',
				`a: &a ["x","x"]\n${Array.from({ length: 20 }, (_, i) => `b${i}: &b${i} [${`*${i ? `b${i - 1}` : 'a'},`.repeat(9)}*a]`).join('\n')}`,
			),
		[`${ALPHA}:8: frontmatter: uses a YAML anchor (&a) — ${PLAIN}`],
	],
	[
		'a self-referencing alias',
		(p) => p.edit(ALPHA, 'year: 2014', 'a: &a [*a]'),
		[`${ALPHA}:8: frontmatter: uses a YAML anchor (&a) — ${PLAIN}`],
	],
	[
		'an alias with no anchor',
		(p) => p.edit(ALPHA, 'year: 2014', 'venue: *nowhere'),
		[
			`${ALPHA}:8: frontmatter: uses a YAML alias (*nowhere) — write the value out in full: quote text that starts with "*"`,
		],
	],
	[
		'a merge key',
		(p) => p.edit(ALPHA, 'year: 2014', 'year: 2014\n<<: {venue: x}'),
		[`${ALPHA}:9: frontmatter: uses a YAML merge key (<<) — write the fields out in full`],
	],
	[
		'a duplicate key',
		(p) => p.edit(ALPHA, 'year: 2014', 'year: 2014\nyear: 2015'),
		[
			`${ALPHA}:9: frontmatter: is not valid YAML: Map keys must be unique — fix the YAML syntax (quote text that contains ": " or starts with a special character)`,
		],
	],
	[
		'a value the two YAML readings disagree on',
		(p) => p.edit(ALPHA, 'year: 2014', 'year: 2014\nvenue: -.5'),
		[
			`${ALPHA}:9: venue: holds a value YAML parsers read differently — write it as a plain quoted string, number, true/false or YYYY-MM-DD date`,
		],
	],
	[
		'a terminal escape code',
		(p) => p.edit(ALPHA, 'title: Alpha Scheduler', 'title: Alpha \u001b[2KScheduler'),
		[`${ALPHA}:2: file: contains the control character U+001B — delete it`],
	],
	[
		'a bidi override',
		(p) => p.edit(ALPHA, 'title: Alpha Scheduler', 'title: Alpha \u202eScheduler'),
		[
			`${ALPHA}:2: file: contains the invisible or bidi control character U+202E — delete it: it makes text read differently from what it is`,
		],
	],
	[
		'a zero-width space dodging the duplicate check',
		(p) => p.edit(BETA, BETA_TITLE, 'title: Alpha\u200b Scheduler'),
		[
			`${BETA}:2: file: contains the invisible or bidi control character U+200B — delete it: it makes text read differently from what it is`,
		],
	],
	[
		'TOML frontmatter',
		(p) => p.write(`${ORCHESTRATION}/toml-entry.mdx`, '+++\ntitle = "x"\n+++\n\nBody\n'),
		[
			`${ORCHESTRATION}/toml-entry.mdx:1: frontmatter: is TOML (+++) — write the fields as YAML between two "---" lines`,
		],
	],
	[
		'a day that does not exist',
		(p) => p.edit(ALPHA, 'reviewed: 2026-11-01', 'reviewed: 2026-02-31'),
		[
			`${ALPHA}:12: reviewed: is "2026-02-31", which is not a calendar date — write a real date as YYYY-MM-DD`,
		],
	],
	[
		'a review date in the future',
		(p) => p.edit(ALPHA, 'reviewed: 2026-11-01', 'reviewed: 2027-01-01'),
		[
			`${ALPHA}:12: reviewed: is 2027-01-01, in the future — write the day it happened, at the latest 2026-11-30`,
		],
	],
	[
		'a URL with user info',
		(p) =>
			p.edit(ALPHA, 'url: https://alpha.example.org/', 'url: https://kubernetes.io@evil.example/'),
		[
			`${ALPHA}:3: url: has user info before "@" and really points at evil.example — write the address without "kubernetes.io@"`,
		],
	],
	[
		'a confusable title (Cyrillic А)',
		(p) => p.edit(BETA, BETA_TITLE, 'title: Аlpha Scheduler'),
		[
			`${ALPHA}:2: title: "Alpha Scheduler" is already the title of ${BETA} — names are unique across the list: pick a more specific one, or edit the existing entry instead`,
		],
	],
	[
		'a symlink to a system file',
		(p) => symlinkSync('/etc/passwd', join(p.root, ORCHESTRATION, 'passwd.mdx')),
		[`${ORCHESTRATION}/passwd.mdx:1: file: is a symbolic link — ${LINK}`],
	],
	[
		"an editor's dangling lock file",
		(p) => symlinkSync('user@host.1234:1', join(p.root, ORCHESTRATION, '.#alpha-scheduler.mdx')),
		[],
	],
	[
		'a symlink loop',
		(p) => {
			symlinkSync('loop-b.mdx', join(p.root, ORCHESTRATION, 'loop-a.mdx'));
			symlinkSync('loop-a.mdx', join(p.root, ORCHESTRATION, 'loop-b.mdx'));
		},
		[
			`${ORCHESTRATION}/loop-a.mdx:1: file: is a symbolic link — ${LINK}`,
			`${ORCHESTRATION}/loop-b.mdx:1: file: is a symbolic link — ${LINK}`,
		],
	],
	[
		'a file over the size limit',
		(p) => p.write(`${ORCHESTRATION}/big.mdx`, `---\ntitle: x\n---\n${'word '.repeat(20_000)}`),
		[
			`${ORCHESTRATION}/big.mdx:1: file: is 100017 bytes — an entry file must stay under 64000 bytes`,
		],
	],
	[
		'too many aliases',
		(p) =>
			p.edit(
				ALPHA,
				'aliases: [alpha]',
				`aliases: [${Array.from({ length: 30 }, (_, i) => `a${i}`).join(', ')}]`,
			),
		[`${ALPHA}:7: aliases: has 30 aliases — keep at most 12`],
	],
	[
		'a huge statusNote',
		(p) => p.edit(ALPHA, 'year: 2014', `year: 2014\nstatusNote: ${'x'.repeat(500)}`),
		[`${ALPHA}:9: statusNote: is 500 characters long — keep it to 400 characters`],
	],
	[
		'a key that would start a GitHub workflow command',
		(p) => p.edit(ALPHA, 'year: 2014', 'year: 2014\n"x\\n::error file=a::pwned": 1'),
		[
			`${ALPHA}:9: x\\u{000a}::error file=a::pwned: is not a known field — remove it; the fields are listed in CONTRIBUTING.md`,
		],
	],
	[
		'the GFM table exploit in a body',
		(p) =>
			p.edit(
				ALPHA,
				'It was inspired',
				'| a | b |\n|---|---|\n| `x | <abbr title={globalThis.marker()}>K</abbr> | y` | z |\n\nIt was inspired',
			),
		[
			`${ALPHA}:26: body: contains HTML, which entries cannot use — write Markdown instead (*emphasis*, **strong**, \`code\`, [links](https://…)); a literal "<" must be escaped as "&lt;"`,
		],
	],
	[
		'a meta refresh in a body',
		(p) =>
			p.edit(
				ALPHA,
				'It was inspired',
				'<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n\nIt was inspired',
			),
		[
			`${ALPHA}:24: body: contains HTML, which entries cannot use — write Markdown instead (*emphasis*, **strong**, \`code\`, [links](https://…)); a literal "<" must be escaped as "&lt;"`,
		],
	],
	[
		'raw HTML in a topic body',
		(p) =>
			p.write(
				'content/topics/paas.md',
				'---\ntitle: Platforms (PaaS)\ndescription: Platforms that sit on top of a cluster and ship applications.\norder: 2\n---\n\n<script>alert(1)</script>\n',
			),
		[
			'content/topics/paas.md:7: body: contains HTML, which entries cannot use — write Markdown instead (*emphasis*, **strong**, `code`, [links](https://…)); a literal "<" must be escaped as "&lt;"',
		],
	],
];

describe('hostile content: each class gets one exact line', () => {
	it.each(CASES)('%s', async (_name, apply, expected) => {
		const project = fixtureProject();
		apply(project);
		expect(await project.problems()).toEqual(expected);
	});

	it('names a file outside a topic folder and a file whose name is not an id', async () => {
		const project = fixtureProject();
		project.write('content/entries/stray.mdx', '---\ntitle: x\n---\n');
		project.write(`${ORCHESTRATION}/Not An Id.mdx`, '---\ntitle: y\n---\n');
		const problems = await project.problems();
		expect(problems).toContain(
			'content/entries/stray.mdx:1: file: is not inside a topic folder — move it to content/entries/<topic>/stray.mdx',
		);
		expect(problems).toContain(
			`${ORCHESTRATION}/Not An Id.mdx:1: file: name "Not An Id" is not lowercase kebab-case — rename it to not-an-id.mdx`,
		);
	});

	it('warns about stock phrases, a repeated statusNote and an old address', async () => {
		const project = fixtureProject();
		project.edit(
			'content/entries/paas/gamma-platform.mdx',
			'Gamma Platform is',
			'In a nutshell, see http://old.example.org/ (archived in March 2020). Gamma Platform is',
		);
		expect((await project.problems()).filter((line) => line.includes('warning: body'))).toEqual([
			'content/entries/paas/gamma-platform.mdx:16: warning: body: uses the stock phrase "in a nutshell" — say the specific thing instead',
			"content/entries/paas/gamma-platform.mdx:16: warning: body: repeats the statusNote's dated facts (March 2020) — keep dated status facts in statusNote only; the body may say what they mean",
			'content/entries/paas/gamma-platform.mdx:16: warning: body: quotes the old address http://old.example.org/ — leave the 2015 history to the seedList field; link the current https:// address',
		]);
	});

	it('prints nothing from an entry that can start a line or a workflow command', () => {
		const problem = {
			severity: 'error' as const,
			file: 'content/entries/a\n::error::x.mdx',
			line: 1,
			field: 'k\r\n::warning file=x::y',
			message: 'is \u001b[2K\u001b[1A✓ no errors %',
			fix: 'x, y: z',
		};
		for (const line of [formatProblem(problem), formatAnnotation(problem)]) {
			expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		}
		expect(formatAnnotation(problem)).toBe(
			'::error file=content/entries/a\\u{000a}%3A%3Aerror%3A%3Ax.mdx,line=1,title=k\\u{000d}\\u{000a}%3A%3Awarning file=x%3A%3Ay::is \\u{001b}[2K\\u{001b}[1A✓ no errors %25 — x, y: z',
		);
	});
});

describe('the build reads the files the check reads', () => {
	it('skips dot-files, lock files and helpers: entries by the same listing, topics by the glob loader and the dev watcher', async () => {
		const { glob } = await import('tinyglobby');
		// Astro's dev watcher matches with picomatch, which ships no types.
		const picomatch = (await import('picomatch' as string)).default as {
			isMatch(file: string, pattern: string): boolean;
		};
		const { contentPattern } = await import('../../src/check/ids.ts');
		const { listContentFiles } = await import('../../src/check/source-files.ts');
		const project = fixtureProject();
		for (const name of ['.#alpha-scheduler.mdx', '_draft.mdx', '.hidden.mdx'])
			project.write(`${ORCHESTRATION}/${name}`, '---\ntitle: x\n---\n');
		for (const name of ['.#paas.md', '_draft.md'])
			project.write(`content/topics/${name}`, '---\ntitle: x\n---\n');
		expect(listContentFiles(project.root, 'content/entries', '.mdx', true).files).toEqual([
			'content/entries/datacenter-as-computer/beta-paper.mdx',
			'content/entries/networking/delta-mesh.mdx',
			'content/entries/orchestration/alpha-scheduler.mdx',
			'content/entries/orchestration/eta-queue.mdx',
			'content/entries/orchestration/iota-handbook.mdx',
			'content/entries/orchestration/kappa-notes.mdx',
			'content/entries/orchestration/mu-runner.mdx',
			'content/entries/orchestration/theta-cli.mdx',
			'content/entries/orchestration/zeta-guide.mdx',
			'content/entries/paas/gamma-platform.mdx',
		]);
		const pattern = contentPattern('.md', false);
		const topics = await glob(pattern, {
			cwd: join(project.root, 'content/topics'),
			expandDirectories: false,
		});
		expect(topics.sort()).toEqual(
			listContentFiles(project.root, 'content/topics', '.md', false).files.map((file) =>
				file.replace('content/topics/', ''),
			),
		);
		expect(['.#a.md', '_a.md', 'a.md'].map((file) => picomatch.isMatch(file, pattern))).toEqual([
			false,
			false,
			true,
		]);
		expect(await project.problems()).toEqual([]);
	});
});
