/**
 * Size limits for contributed content, written in CONTRIBUTING.md. Each is several times what a
 * real entry needs, and small enough that no file can slow the build or bloat a page.
 */
export const LIMITS = {
	/** Bytes in one content file; larger files are refused without being read. */
	fileBytes: 64_000,
	/** Characters of frontmatter. */
	frontmatterBytes: 8_000,
	/** Characters of an entry body (the word count aims at 80–250 words, about 2,000). */
	bodyCharacters: 12_000,
	aliases: 12,
	aliasLength: 80,
	authors: 100,
	authorLength: 120,
	statusNoteLength: 400,
	tags: 12,
	/** Ids across all relation types of one entry. */
	relations: 40,
	formerIds: 10,
} as const;
