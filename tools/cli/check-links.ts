import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkContent } from '../../src/check/index.ts';
import { formatAnnotation } from '../../src/check/problems.ts';
import {
	checkLinks,
	formatLinkResult,
	OPTION_LIMITS,
	type LinkCheckOptions,
	type LinkResult,
} from '../link-health/link-health.ts';
import { changedLinks } from '../link-health/changed-links.ts';
import { linkReport } from '../link-health/report.ts';
import { wholeNumber } from './arguments.ts';

/**
 * `npm run check:links`: requests every entry's url and archiveUrl and reports the links that no
 * longer answer, or answer from a new address. Dead links and errors fail; moves are warnings.
 */

const USAGE =
	'usage: npm run check:links -- [--json] [--report file.md] [--changed-since <git ref>] [--timeout ms] [--concurrency n] [--deadline ms]';

/** Checks the links of every valid entry under `root`; resolves to the exit code. */
export async function main(args: string[], root = process.cwd()): Promise<number> {
	let json: boolean;
	let report: string | undefined;
	let only: Set<string> | undefined;
	const linkOptions: LinkCheckOptions = {};
	try {
		const { values } = parseArgs({
			args,
			options: {
				json: { type: 'boolean', default: false },
				report: { type: 'string' },
				'changed-since': { type: 'string' },
				timeout: { type: 'string' },
				concurrency: { type: 'string' },
				deadline: { type: 'string' },
			},
		});
		json = values.json;
		report = values.report;
		const base = values['changed-since'];
		if (base !== undefined) {
			try {
				only = changedLinks(root, base);
			} catch {
				throw new Error(`--changed-since: git cannot compare with "${base}"; fetch it first`);
			}
		}
		if (values.timeout !== undefined)
			linkOptions.timeoutMs = wholeNumber(values.timeout, '--timeout', OPTION_LIMITS.timeoutMs);
		if (values.concurrency !== undefined)
			linkOptions.concurrency = wholeNumber(
				values.concurrency,
				'--concurrency',
				OPTION_LIMITS.concurrency,
			);
		if (values.deadline !== undefined)
			linkOptions.deadlineMs = wholeNumber(values.deadline, '--deadline', OPTION_LIMITS.deadlineMs);
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}

	const { entries, entrySources } = await checkContent(root);
	const targets = entries.flatMap(({ file, data }) => {
		const source = entrySources.find((candidate) => candidate.path === file)!;
		return (['url', 'archiveUrl'] as const).flatMap((field) => {
			const url = data[field];
			return url && (!only || only.has(url))
				? [{ file, url, line: source.lineOf([field]), field }]
				: [];
		});
	});
	const results = await checkLinks(targets, linkOptions);

	// A dead url whose archiveUrl works is what archiveUrl is for: report it, but do not fail on it.
	const archived = new Set(
		results
			.filter(
				(result, index) =>
					targets[index]!.field === 'archiveUrl' && ['ok', 'moved'].includes(result.outcome),
			)
			.map((result) => result.file),
	);
	const covered = results.map(
		(result, index) =>
			targets[index]!.field === 'url' && result.outcome === 'dead' && archived.has(result.file),
	);
	const reported = results.map((result, index) =>
		covered[index]
			? { ...result, suggestion: 'none needed: archiveUrl points at a working copy' }
			: result,
	);

	if (report) writeFileSync(report, linkReport(reported, new Date().toISOString().slice(0, 10)));
	if (json) {
		console.log(JSON.stringify(reported, null, '\t'));
	} else {
		for (const [index, result] of reported.entries()) {
			if (result.outcome === 'ok') continue;
			console.log(formatLinkResult(result));
			if (process.env.GITHUB_ACTIONS === 'true') {
				console.log(
					formatAnnotation({
						severity: 'warning',
						file: result.file,
						line: result.line ?? 1,
						field: targets[index]!.field,
						message: `${result.url}: ${result.outcome} (${result.detail})`,
						fix: result.suggestion ?? '',
					}),
				);
			}
		}
		const count = (outcome: LinkResult['outcome']) =>
			results.filter((result) => result.outcome === outcome).length;
		const coveredCount = covered.filter(Boolean).length;
		console.log(
			`${results.length} links checked: ${count('ok')} ok, ${count('moved')} moved, ${count('dead')} dead, ` +
				`${count('error')} errors${coveredCount ? ` (${coveredCount} dead covered by archiveUrl)` : ''}`,
		);
	}
	const failed = results.some(
		(result, index) => result.outcome === 'error' || (result.outcome === 'dead' && !covered[index]),
	);
	return failed ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
