import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
	checkContent,
	formatProblem,
	type CheckedEntry,
	type Problem,
} from '../../src/check/index.ts';
import { relationsOf } from '../../src/lib/relations.ts';
import { KIND_NAMES, RELATIONS, STATUS_LABELS } from '../../src/schema/vocabulary.ts';

/**
 * `npm run pr-summary -- --base <ref>`: renders each entry a pull request adds or changes as
 * readers will see it (title, kind, topic, status, summary, relations from both sides, warnings),
 * as Markdown for the job summary. It reads only the checkout, so it works for pull requests from
 * forks, whose workflows get no write token.
 */

const USAGE = 'usage: npm run pr-summary -- [--base <git ref>]';

export async function main(
	args: string[],
	root = process.cwd(),
	env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
	let base: string;
	try {
		const { values } = parseArgs({ args, options: { base: { type: 'string' } } });
		base = values.base ?? 'origin/main';
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	let changed: { status: string; file: string }[];
	try {
		changed = changedEntryFiles(root, base);
	} catch {
		console.error(`pr-summary: git cannot compare with "${base}"; fetch it first.\n${USAGE}`);
		return 2;
	}
	const summary = renderSummary(await checkContent(root), changed);
	if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary);
	else process.stdout.write(summary);
	return 0;
}

function changedEntryFiles(root: string, base: string) {
	const output = execFileSync(
		'git',
		['diff', '--name-status', '--no-renames', `${base}...HEAD`, '--', 'content/entries'],
		{ cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
	);
	return output
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [status, file] = line.split('\t');
			return { status: status!, file: file! };
		})
		.filter(({ file }) => file.endsWith('.mdx'));
}

export function renderSummary(
	report: Awaited<ReturnType<typeof checkContent>>,
	changed: { status: string; file: string }[],
): string {
	if (!changed.length) return '## Entries in this pull request\n\nNo entry is added or changed.\n';
	const sections = changed.map(({ status, file }) => {
		const problems = report.problems.filter((problem) => problem.file === file);
		if (status === 'D') return `### Removed: \`${code(file)}\`\n`;
		const entry = report.entries.find((candidate) => candidate.file === file);
		return entry
			? renderEntry(entry, report.entries, status, problems)
			: renderRefused(file, problems);
	});
	return `## Entries in this pull request\n\n${sections.join('\n')}`;
}

function renderEntry(
	entry: CheckedEntry,
	all: CheckedEntry[],
	status: string,
	problems: Problem[],
) {
	const { data } = entry;
	const facts = [
		KIND_NAMES[data.kind],
		data.topic,
		STATUS_LABELS[data.status],
		data.year ? String(data.year) : undefined,
	].filter((fact): fact is string => Boolean(fact));
	const relations = relationsOf(entry, all).map(({ type, direction, entries }) => {
		const label = RELATIONS[type][direction];
		return `| ${label} | ${entries.map((other) => text(other.data.title)).join(', ')} |`;
	});
	const lines = [
		`### ${text(data.title)} (${status === 'A' ? 'new' : 'changed'})`,
		'',
		facts.map(text).join(' · '),
		'',
		`> ${text(data.summary)}`,
		'',
		`Links to <${encodeURI(data.url)}>${data.statusNote ? `; status: ${text(data.statusNote)}` : ''}`,
		'',
	];
	if (relations.length) lines.push('| Relation | Entries |', '| --- | --- |', ...relations, '');
	if (problems.length) lines.push(...problemList(problems));
	return `${lines.join('\n')}\n`;
}

function renderRefused(file: string, problems: Problem[]) {
	return [`### Refused: \`${code(file)}\``, '', ...problemList(problems), ''].join('\n');
}

function problemList(problems: Problem[]) {
	return [
		`${problems.length} problem(s) from \`npm run check\`:`,
		'',
		'```text',
		...problems.map((problem) => code(formatProblem(problem))),
		'```',
		'',
	];
}

/** Entry text is a stranger's: shown as plain text, never as Markdown or HTML. */
function text(value: string): string {
	return value.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function code(value: string): string {
	return value.replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
