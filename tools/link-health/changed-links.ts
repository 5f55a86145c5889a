import { execFileSync } from 'node:child_process';
import { parseSourceFile } from '../../src/check/source-files.ts';

const LINK_FIELDS = ['url', 'archiveUrl'] as const;

/**
 * The entry links a change adds or edits since `base`: for each entry file changed since then,
 * its url and archiveUrl unless they are what they were at `base`. A pull request checks only
 * these, so it never waits on (or fails for) links it did not touch.
 */
export function changedLinks(root: string, base: string): Set<string> {
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	const files = git(
		'diff',
		'--name-only',
		'--diff-filter=AMR',
		`${base}...HEAD`,
		'--',
		'content/entries',
	)
		.split('\n')
		.filter((file) => file.endsWith('.mdx'));
	const changed = new Set<string>();
	for (const file of files) {
		const now = linksIn(file, git('show', `HEAD:${file}`));
		let before = new Set<string>();
		try {
			before = new Set(linksIn(file, git('show', `${base}:${file}`)));
		} catch {
			// A new file: every link in it is new.
		}
		for (const url of now) if (!before.has(url)) changed.add(url);
	}
	return changed;
}

function linksIn(file: string, source: string): string[] {
	const data = parseSourceFile(file, source).data as Record<string, unknown> | undefined;
	return LINK_FIELDS.flatMap((field) =>
		typeof data?.[field] === 'string' ? [data[field] as string] : [],
	);
}
