import type { EntryData } from '../schema/entry.ts';

/** Journals and magazines publish articles; everything else a paper appeared in is proceedings. */
const JOURNAL_VENUE =
	/review|journal|transactions|proceedings of the ieee|communications of the acm|queue|magazine/i;

const escape = (text: string) =>
	text.replace(/([\\{}&%$#_^~])/g, (char) =>
		char === '\\'
			? '\\textbackslash{}'
			: char === '~'
				? '\\textasciitilde{}'
				: char === '^'
					? '\\textasciicircum{}'
					: `\\${char}`,
	);

/**
 * `doi` and `url` are verbatim fields: parsers keep their text as written, so nothing may be
 * backslash-escaped, and only balanced braces survive. Anything else that could end the field
 * early is percent-encoded, which names the same address.
 */
function verbatim(text: string): string {
	let depth = 0;
	for (const char of text) {
		depth += char === '{' ? 1 : char === '}' ? -1 : 0;
		if (depth < 0) break;
	}
	const safe = depth === 0 && !text.includes('\\');
	return safe
		? text
		: text.replace(/[{}\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "et al." in an author list means more authors exist; BibTeX says that with "others". */
function authorList(authors: string[]): string {
	return authors
		.map((author) => (/^et al\.?$/i.test(author.trim()) ? 'others' : escape(author)))
		.filter((author, index, all) => author !== 'others' || all.indexOf('others') === index)
		.join(' and ');
}

/** A BibTeX record for a paper, built from its frontmatter. */
export function bibtexFor(id: string, data: EntryData): string {
	const journal = data.venue && JOURNAL_VENUE.test(data.venue);
	const fields: [string, string | number | undefined][] = [
		// Double braces keep the title's capitalisation (B4, OpenFlow) in every citation style.
		['title', `{${escape(data.title)}}`],
		['author', data.authors && authorList(data.authors)],
		[journal ? 'journal' : 'booktitle', data.venue && escape(data.venue)],
		['year', data.year],
		['doi', data.doi && verbatim(data.doi)],
		['url', verbatim(data.url)],
	];
	const body = fields
		.filter(([, value]) => value !== undefined && value !== '')
		.map(([name, value]) => `  ${name} = {${value}}`)
		.join(',\n');
	return `@${journal ? 'article' : 'inproceedings'}{${id},\n${body}\n}\n`;
}
