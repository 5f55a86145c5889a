/**
 * How a file name becomes an id, and which files are content at all. The check, the entries loader
 * and the build's glob loader for topics and paths (src/content.config.ts) share these, so they
 * always see the same set of files.
 */

/** Where entries live, from the project root, and what their files end with. */
export const ENTRIES_DIR = 'content/entries';
export const ENTRY_EXTENSION = '.mdx';

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Files starting with `_` sit beside content as helpers; dot-files (editor lock files such as
 * `.#x.mdx`, `.DS_Store`) are never content. Neither is read nor published.
 */
export const isIgnoredName = (name: string) => name.startsWith('_') || name.startsWith('.');

/** The glob loader pattern for content files with `extension`, skipping ignored names in any folder. */
export const contentPattern = (extension: string, nested: boolean) =>
	`${nested ? '**/' : ''}[^_.]*${extension}`;

/** The id of a content file: its name without the extension. */
export const idOf = (file: string) =>
	file
		.split('/')
		.at(-1)!
		.replace(/\.mdx?$/, '');

/** A kebab-case id a contributor could rename a file to. */
export const suggestId = (name: string) =>
	name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
