import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEALTH_DIR, healthSchema, type HealthData } from '../schema/health.ts';

/** A health file's data, or undefined if it is not what `npm run refresh` writes. */
export function readHealthFile(path: string): HealthData | undefined {
	try {
		const parsed = healthSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

/** Every health file of the project at `root` that parses, by entry id. */
export function readHealthFiles(root: string): Map<string, HealthData> {
	const dir = join(root, HEALTH_DIR);
	const files = new Map<string, HealthData>();
	if (!existsSync(dir)) return files;
	for (const name of readdirSync(dir).sort()) {
		if (!name.endsWith('.json')) continue;
		const data = readHealthFile(join(dir, name));
		if (data) files.set(name.slice(0, -'.json'.length), data);
	}
	return files;
}
