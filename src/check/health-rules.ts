import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryData } from '../schema/entry.ts';
import { HEALTH_DIR, type HealthData } from '../schema/health.ts';
import { readHealthFile } from '../lib/health.ts';
import { repositoryOf } from '../lib/repository.ts';
import type { Problem } from './problems.ts';

/**
 * What the health data that `npm run refresh` fetched says against an entry: an archived
 * repository listed as active, a moved or missing one, another licence, a tool gone quiet. Each
 * is a warning on the entry, so the bot's pull request shows what an editor should look at.
 */

/** An active tool with no commit for this long is probably not active. */
const QUIET_DAYS = 365;

interface EntryToCheck {
	id: string;
	file: string;
	data: EntryData;
	lineOf(path: readonly (string | number)[]): number;
}

export function checkHealth(
	root: string,
	entries: EntryToCheck[],
	today: Date,
	report: (problem: Problem) => void,
) {
	const dir = join(root, HEALTH_DIR);
	if (!existsSync(dir)) return;
	const byId = new Map(entries.map((entry) => [entry.id, entry]));
	for (const name of readdirSync(dir).sort()) {
		if (!name.endsWith('.json')) continue;
		const file = `${HEALTH_DIR}/${name}`;
		const id = name.replace(/\.json$/, '');
		const health = readHealthFile(join(dir, name));
		const entry = byId.get(id);
		if (!health) {
			report({
				severity: 'error',
				file,
				line: 1,
				field: 'file',
				message: 'is not health data as `npm run refresh` writes it',
				fix: 'delete it; only `npm run refresh` writes content/health/',
			});
		} else if (!entry || repositoryOf(entry.data) !== health.repository) {
			report({
				severity: 'warning',
				file,
				line: 1,
				field: 'file',
				message: entry
					? `is about ${health.repository}, which is no longer ${id}'s repository`
					: `belongs to no entry "${id}"`,
				fix: 'run `npm run refresh`, or delete the file',
			});
		} else {
			for (const warning of contradictions(entry, health, today)) {
				report({ severity: 'warning', file: entry.file, ...warning });
			}
		}
	}
}

function contradictions(entry: EntryToCheck, health: HealthData, today: Date) {
	const { data } = entry;
	const repositoryField = data.repository ? 'repository' : 'url';
	const checked = `(GitHub, ${health.checked})`;
	const found: Omit<Problem, 'severity' | 'file'>[] = [];
	const at = (field: string) => ({ field, line: entry.lineOf([field]) });
	if (health.missing) {
		found.push({
			...at(repositoryField),
			message: `names ${health.repository}, which does not exist ${checked}`,
			fix: 'find where the project lives now and write its repository: owner/name',
		});
		return found;
	}
	if (health.movedTo) {
		found.push({
			...at(repositoryField),
			message: `names ${health.repository}, which now answers as ${health.movedTo} ${checked}`,
			fix: `write repository: ${health.movedTo}`,
		});
	}
	const listedAlive = data.status === 'active' || data.status === 'maintenance';
	if (health.archived && listedAlive) {
		found.push({
			...at('status'),
			message: `is "${data.status}", but ${health.repository} is archived ${checked}`,
			fix: 'write status: archived with a statusNote saying when, or point repository: at the living fork',
		});
	}
	const quietDays = health.lastCommit
		? (today.getTime() - Date.parse(health.lastCommit)) / 86_400_000
		: 0;
	if (
		!health.archived &&
		data.kind === 'tool' &&
		data.status === 'active' &&
		quietDays > QUIET_DAYS
	) {
		found.push({
			...at('status'),
			message: `is "active", but ${health.repository} has had no commit since ${health.lastCommit} ${checked}`,
			fix: 'if it is no longer developed, write status: maintenance (or archived) with a statusNote',
		});
	}
	if (data.license && health.license && !data.license.split(/[\s()]+/).includes(health.license)) {
		found.push({
			...at('license'),
			message: `is "${data.license}", but GitHub detects ${health.license} in ${health.repository} ${checked}`,
			fix: "read the repository's licence file and write what it says",
		});
	}
	return found;
}
