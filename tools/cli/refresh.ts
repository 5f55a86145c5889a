import { parseArgs } from 'node:util';
import { checkContent } from '../../src/check/index.ts';
import { repositoryOf } from '../../src/lib/repository.ts';
import type { HealthData } from '../../src/schema/health.ts';
import { fetchHealth, RefreshError, type GitHubOptions } from '../health/github.ts';
import { readHealthFiles } from '../../src/lib/health.ts';
import { writeHealthFiles } from '../health/health-files.ts';
import { positiveInteger } from './arguments.ts';

/**
 * `npm run refresh`: asks GitHub about the repository of every entry that has one and writes what
 * it says to `content/health/<id>.json`. On any failure of the run as a whole it changes nothing.
 */

const USAGE = 'usage: npm run refresh -- [--batch-size n] [--max-wait seconds]';
const DEFAULT_ENDPOINT = 'https://api.github.com/graphql';

export async function main(
	args: string[],
	root = process.cwd(),
	env: NodeJS.ProcessEnv = process.env,
	today = new Date().toISOString().slice(0, 10),
): Promise<number> {
	const limits: Pick<GitHubOptions, 'batchSize' | 'maxWaitMs'> = {};
	try {
		const { values } = parseArgs({
			args,
			options: { 'batch-size': { type: 'string' }, 'max-wait': { type: 'string' } },
		});
		if (values['batch-size'] !== undefined) {
			limits.batchSize = Math.min(100, positiveInteger(values['batch-size'], '--batch-size'));
		}
		if (values['max-wait'] !== undefined) {
			limits.maxWaitMs = positiveInteger(values['max-wait'], '--max-wait') * 1000;
		}
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	const token = env.GITHUB_TOKEN;
	if (!token) {
		console.error(
			'refresh: set GITHUB_TOKEN (any token may read public repositories); nothing was changed.',
		);
		return 1;
	}

	const tracked = (await checkContent(root)).entries.flatMap(({ id, data }) => {
		const repository = repositoryOf(data);
		return repository ? [{ id, repository }] : [];
	});
	const repositories = [...new Set(tracked.map(({ repository }) => repository))];
	let answers;
	try {
		answers = await fetchHealth(repositories, {
			endpoint: env.GITHUB_GRAPHQL_URL ?? DEFAULT_ENDPOINT,
			token,
			today,
			...limits,
		});
	} catch (error) {
		if (!(error instanceof RefreshError)) throw error;
		console.error(`refresh: ${error.message}; nothing was changed.`);
		return 1;
	}

	const previous = readHealthFiles(root);
	const wanted = new Map<string, HealthData>();
	let failed = 0;
	for (const { id, repository } of tracked) {
		const answer = answers.get(repository)!;
		if (answer.outcome === 'checked') {
			wanted.set(id, answer.health);
			continue;
		}
		failed++;
		console.warn(`refresh: ${id} (${repository}): ${answer.reason}; its file is kept as it was.`);
		const kept = previous.get(id);
		if (kept) wanted.set(id, kept);
	}
	const changed = writeHealthFiles(root, wanted);
	const count = (test: (health: HealthData) => boolean) => [...wanted.values()].filter(test).length;
	console.log(
		`refresh: ${repositories.length} repositories asked: ${count((h) => h.archived === true)} archived, ${count((h) => Boolean(h.movedTo))} moved, ${count((h) => h.missing === true)} missing, ${failed} not answered; ${changed} file(s) changed.`,
	);
	return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
