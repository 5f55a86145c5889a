import { z } from 'astro/zod';

/** Where `npm run refresh` keeps one JSON file per entry; nothing else writes there. */
export const HEALTH_DIR = 'content/health';

const isoDate = z.iso.date();

/**
 * Health data for one entry, `content/health/<id>.json`. Written only by `npm run refresh` from
 * GitHub's API, never by hand, so a contributor's pull request and the bot's never touch one file.
 */
export const healthSchema = z.strictObject({
	/** The repository asked about, owner/name. */
	repository: z.string(),
	/** When GitHub was asked. */
	checked: isoDate,
	/** GitHub knows no such repository (deleted, private or mistyped). */
	missing: z.literal(true).optional(),
	/** The repository answers under another name: it was renamed or transferred. */
	movedTo: z.string().optional(),
	archived: z.boolean().optional(),
	/** SPDX identifier GitHub detected, if any. */
	license: z.string().optional(),
	latestRelease: z.strictObject({ tag: z.string(), date: isoDate }).optional(),
	/** Date of the newest commit on the default branch. */
	lastCommit: isoDate.optional(),
});

export type HealthData = z.output<typeof healthSchema>;
