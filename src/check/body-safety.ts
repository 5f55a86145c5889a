import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import {
	defineHastPlugin,
	defineMdastPlugin,
	type MdastNode,
	type MdastPluginEntry,
	type PluginFactoryContext,
} from 'satteri';
import { formatProblem } from './problems.ts';

/**
 * Contributed entries are untrusted. They are `.mdx` files, but the build renders every body as
 * Markdown (src/lib/entries-loader.ts), so `import`, `export`, `{expressions}` and
 * components are never compiled into code: they are raw HTML (refused) or plain text. The
 * allow-list below runs INSIDE the build's own Markdown processor (astro.config.mjs registers
 * `contentProcessor()`), and the check runs the very same processor on the very same text, so
 * nothing the build renders can differ from what the check saw.
 */

/** What Markdown itself may produce in the compiled output, with the properties each may carry. */
const OUTPUT_ELEMENTS = new Set([
	...['p', 'a', 'em', 'strong', 'code', 'del', 'br', 'sup', 'blockquote', 'ul', 'ol', 'li', 'hr'],
	...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre'],
	...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'section'],
]);
const OUTPUT_PROPERTIES = new Set([
	...['title', 'href', 'id', 'className', 'align', 'start'],
	...['dataFootnotes', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel'],
]);

/**
 * Bump when what a body renders to changes (the plugins below), so that bodies kept rendered in
 * the content data store between builds are rendered again.
 */
export const BODY_RENDERING_VERSION = 2;

/** The Markdown options of the build (astro.config.mjs), which the check compiles with too. */
export const MARKDOWN_OPTIONS = { syntaxHighlight: false } as const;

export interface BodyProblem {
	/** 1-based line in the file. */
	line: number;
	message: string;
	fix: string;
}

/** Thrown by the allow-list from inside the compiler, so the build stops on the first unsafe file. */
export class UnsafeContentError extends Error {
	readonly file: string;
	readonly problems: BodyProblem[];
	constructor(file: string, problems: BodyProblem[]) {
		super(
			problems
				.map((problem) => formatProblem({ severity: 'error', file, field: 'body', ...problem }))
				.join('\n'),
		);
		this.name = 'UnsafeContentError';
		this.file = file;
		this.problems = problems;
	}
}

/** Where body links may point: the web (without user info), or a path on this site. */
export function isSafeLinkTarget(url: string): boolean {
	if (url.startsWith('#')) return !/[\s\\]/.test(url);
	if (url.startsWith('/')) return !url.startsWith('//') && !/[\s\\]/.test(url);
	try {
		const parsed = new URL(url);
		return ['https:', 'http:'].includes(parsed.protocol) && !parsed.username && !parsed.password;
	} catch {
		return false;
	}
}

const linkProblem = (url: string) => ({
	message: `links to ${JSON.stringify(url.slice(0, 80))}`,
	fix: 'link only to https:// addresses (with no "user@") or to site paths such as /entries/kubernetes/',
});

const CODE_PROBLEMS = {
	html: {
		message: 'contains HTML, which entries cannot use',
		fix: 'write Markdown instead (*emphasis*, **strong**, `code`, [links](https://…)); a literal "<" must be escaped as "&lt;"',
	},
	image: {
		message: 'contains an image',
		fix: 'remove the image; entries are text only, so pages stay light and make no third-party requests',
	},
};

/**
 * The allow-list as a Sätteri plugin pair: the mdast pass explains each problem in Markdown terms;
 * the hast pass is the last word on what reaches the output, element by element.
 */
function allowList(context: PluginFactoryContext) {
	const problems: BodyProblem[] = [];
	const file = context.fileURL
		? relative(process.cwd(), fileURLToPath(context.fileURL)).split('\\').join('/')
		: '<body>';
	type Positioned = { position?: { start: { line: number } } | null | undefined };
	// Nodes Markdown adds (a task list's checkbox) have no place: they take the line of the node
	// visited before them, their parent.
	let lastLine = 1;
	const at = (node: Positioned) => (lastLine = node.position?.start.line ?? lastLine);
	// An opening and a closing tag are one problem: each line names each problem once.
	const add = (node: Positioned, problem: Omit<BodyProblem, 'line'>) => {
		const line = at(node);
		if (!problems.some((seen) => seen.line === line && seen.message === problem.message))
			problems.push({ line, ...problem });
	};
	const throwIfUnsafe = () => {
		if (problems.length) throw new UnsafeContentError(file, problems.splice(0));
	};
	const mdast = defineMdastPlugin({
		name: 'wlm:body-allow-list',
		options: { position: true },
		html: (node) => void add(node, CODE_PROBLEMS.html),
		image: (node) => void add(node, CODE_PROBLEMS.image),
		imageReference: (node) => void add(node, CODE_PROBLEMS.image),
		link: (node) => void (isSafeLinkTarget(node.url) || add(node, linkProblem(node.url))),
		definition: (node) => void (isSafeLinkTarget(node.url) || add(node, linkProblem(node.url))),
		custom: (node) => void add(node as MdastNode, unknownNode(node.type)),
		after: throwIfUnsafe,
	});
	const refuseOutput = (node: Positioned, what: string) =>
		add(node, {
			message: `compiles to ${what}, which is not allowed`,
			fix: 'write plain Markdown',
		});
	const hast = defineHastPlugin({
		name: 'wlm:output-allow-list',
		options: { position: true },
		element: {
			filter: [],
			visit(node) {
				at(node);
				if (!OUTPUT_ELEMENTS.has(node.tagName)) return void refuseOutput(node, `<${node.tagName}>`);
				for (const [name, value] of Object.entries(node.properties ?? {})) {
					if (!OUTPUT_PROPERTIES.has(name)) refuseOutput(node, `<${node.tagName} ${name}>`);
					else if (name === 'href' && !isSafeLinkTarget(String(value)))
						add(node, linkProblem(String(value)));
				}
			},
		},
		raw: (node) => void add(node, CODE_PROBLEMS.html),
		after: throwIfUnsafe,
	});
	return { mdast, hast };
}

const unknownNode = (type: string) => ({
	message: `contains a ${type} node`,
	fix: 'write plain Markdown',
});

/** One allow-list per compiled document, shared by its mdast and hast passes. */
const perDocument = new WeakMap<object, ReturnType<typeof allowList>>();
const forDocument = (context: PluginFactoryContext) => {
	let pair = perDocument.get(context.data);
	if (!pair) perDocument.set(context.data, (pair = allowList(context)));
	return pair;
};
const mdastAllowList: MdastPluginEntry = (context) => forDocument(context).mdast;
const hastAllowList = (context: PluginFactoryContext) => forDocument(context).hast;

/**
 * After the allow-list has passed a body: site paths ("/entries/kubernetes/") get the base path
 * the site is served under, and links leaving the site the same rel as every other outbound link.
 */
const siteLinks = (base: string) =>
	defineHastPlugin({
		name: 'wlm:site-links',
		element: {
			filter: [],
			visit(node, context) {
				if (node.tagName !== 'a') return;
				const href = String(node.properties?.href ?? '');
				if (href.startsWith('/') && !href.startsWith('//'))
					context.setProperty(node, 'href', base + href.replace(/^\/+/, ''));
				else if (/^https?:\/\//.test(href)) context.setProperty(node, 'rel', 'noopener noreferrer');
			},
		},
	});

/**
 * The build's Markdown processor: Astro's default (Sätteri) with the allow-list inside, for a
 * site served under `base`.
 */
export function contentProcessor({ base = '/' }: { base?: string } = {}) {
	return satteri({
		mdastPlugins: [mdastAllowList],
		hastPlugins: [hastAllowList, siteLinks(base.replace(/\/?$/, '/'))],
		features: { gfm: true, smartPunctuation: true },
	});
}

const renderers = new Map<
	string,
	ReturnType<ReturnType<typeof contentProcessor>['createRenderer']>
>();

/**
 * Renders a body as the build does and the check must: the build's processor with the allow-list
 * inside, on the file with its frontmatter blanked (`compiledSource`), so lines are file lines.
 * The entries loader stores its HTML (with the site's `base` in site links); the check keeps only
 * what the allow-list refused. Throws `UnsafeContentError` for a refused body.
 */
export async function renderBody(
	absolutePath: string,
	compiledSource: string,
	frontmatter: Record<string, unknown> = {},
	base = '/',
) {
	let renderer = renderers.get(base);
	if (!renderer)
		renderers.set(base, (renderer = contentProcessor({ base }).createRenderer(MARKDOWN_OPTIONS)));
	return (await renderer).render(compiledSource, {
		fileURL: pathToFileURL(absolutePath),
		frontmatter,
	});
}

/** What the allow-list refuses in a body, rendered exactly as the build renders it. */
export async function findUnsafeBody(
	absolutePath: string,
	compiledSource: string,
	frontmatter: Record<string, unknown> = {},
): Promise<BodyProblem[]> {
	try {
		await renderBody(absolutePath, compiledSource, frontmatter);
		return [];
	} catch (error) {
		if (error instanceof UnsafeContentError) return error.problems;
		const text = error instanceof Error ? error.message : String(error);
		return [
			{
				line: 1,
				message: `could not be rendered (${text.split('\n')[0]})`,
				fix: 'write plain Markdown',
			},
		];
	}
}
