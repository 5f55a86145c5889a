import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { HEALTH_DIR, type HealthData } from '../../src/schema/health.ts';

const serialize = (data: HealthData) => `${JSON.stringify(data, null, '\t')}\n`;

/**
 * Makes `content/health/` hold exactly `wanted`: each file written whole through a rename, so a
 * crash leaves the old file or the new one, and files of entries no longer tracked removed.
 * Returns how many files changed.
 */
export function writeHealthFiles(root: string, wanted: Map<string, HealthData>): number {
	const dir = join(root, HEALTH_DIR);
	mkdirSync(dir, { recursive: true });
	let changed = 0;
	for (const [id, data] of wanted) {
		const file = join(dir, `${id}.json`);
		const text = serialize(data);
		if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
		writeFileSync(`${file}.tmp`, text);
		renameSync(`${file}.tmp`, file);
		changed++;
	}
	for (const name of readdirSync(dir)) {
		if (name.endsWith('.json') && !wanted.has(name.replace(/\.json$/, ''))) {
			rmSync(join(dir, name));
			changed++;
		}
	}
	return changed;
}
