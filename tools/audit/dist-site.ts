import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Parser } from 'htmlparser2';

/** An address one element of a page points at. */
export interface Reference {
	tag: string;
	attribute: string;
	value: string;
	/** The element's `rel` tokens, lowercased. */
	rel: string[];
}

export interface ScannedPage {
	references: Reference[];
	/** Every `id`, and every `<a name>`: what a `#fragment` can land on. */
	anchors: Set<string>;
}

/** A built site read once, for the checks that work on its files rather than in a browser. */
export interface DistSite {
	dir: string;
	/** The base path it was built for, e.g. "/" or "/wlm/". */
	base: string;
	/** Every file, relative to `dir`, with forward slashes. */
	files: Set<string>;
	/** Every HTML file, parsed. */
	pages: Map<string, ScannedPage>;
	/** The site's own origin, read from the home page's canonical link; links to it are internal. */
	origin: string;
}

/** Attributes that hold an address, by element. */
const ADDRESS_ATTRIBUTES: Record<string, string[]> = {
	a: ['href', 'xlink:href'],
	area: ['href'],
	link: ['href'],
	script: ['src'],
	img: ['src'],
	source: ['src'],
	iframe: ['src'],
	form: ['action'],
	use: ['href', 'xlink:href'],
	image: ['href', 'xlink:href'],
};

/** Stands in when the home page names no canonical address: then only relative links are internal. */
const UNKNOWN_ORIGIN = 'https://site.invalid';

/** Reads the build output in `dir`, built for the base path `base`. */
export function readDistSite(dir: string, base = '/'): DistSite {
	const files = new Set(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) =>
				join(entry.parentPath, entry.name).slice(dir.length).split(sep).filter(Boolean).join('/'),
			),
	);
	const pages = new Map(
		[...files]
			.filter((file) => file.endsWith('.html'))
			.sort()
			.map((file) => [file, scanHtml(readFileSync(join(dir, file), 'utf8'))] as const),
	);
	const canonical = pages
		.get('index.html')
		?.references.find((reference) => reference.rel.includes('canonical'));
	return {
		dir,
		base,
		files,
		pages,
		origin: canonical ? new URL(canonical.value).origin : UNKNOWN_ORIGIN,
	};
}

/** The address a page file is served at, e.g. `entries/kubernetes/index.html` → `/entries/kubernetes/`. */
export function pageAddress(site: DistSite, file: string): URL {
	return new URL(site.base + file.replace(/(^|\/)index\.html$/, '$1'), site.origin);
}

/** Lists the addresses and anchors of one HTML document. */
export function scanHtml(html: string): ScannedPage {
	const references: Reference[] = [];
	const anchors = new Set<string>();
	const parser = new Parser({
		onopentag(tag, attributes) {
			if (attributes.id) anchors.add(attributes.id);
			if (tag === 'a' && attributes.name) anchors.add(attributes.name);
			const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
			for (const attribute of ADDRESS_ATTRIBUTES[tag] ?? []) {
				const value = attributes[attribute];
				if (value !== undefined) references.push({ tag, attribute, value, rel });
			}
			if (tag === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') {
				const target = /url=(.+)$/i.exec(attributes.content ?? '')?.[1];
				if (target) references.push({ tag, attribute: 'content', value: target.trim(), rel });
			}
		},
	});
	parser.end(html);
	return { references, anchors };
}
