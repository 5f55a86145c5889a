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
 * Contributed MDX is untrusted: MDX compiles `import`, `export`, `{expressions}` and JSX into
 * JavaScript that runs at build time and ships to readers. The allow-list below runs INSIDE the
 * build's own Markdown processor (astro.config.mjs registers `contentProcessor()`), and the check
 * runs the very same processor on the very same text, so nothing the build compiles can differ
 * from what the check saw.
 */

/** Inline HTML elements that carry no behaviour and may appear in an entry body. */
export const ALLOWED_ELEMENTS = [
	'abbr',
	'br',
	'cite',
	'code',
	'del',
	'em',
	'kbd',
	'mark',
	'q',
	's',
	'small',
	'strong',
	'sub',
	'sup',
] as const;

/** Attributes the allowed elements may carry; everything else (`on*`, `style`, `href`…) is refused. */
const ALLOWED_ATTRIBUTES = new Set(['title', 'lang', 'dir']);

/** What Markdown itself may produce in the compiled output, with the properties each may carry. */
const OUTPUT_ELEMENTS = new Set([
	...ALLOWED_ELEMENTS,
	...['p', 'a', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'pre'],
	...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'section'],
]);
const OUTPUT_PROPERTIES = new Set([
	...ALLOWED_ATTRIBUTES,
	...['href', 'id', 'className', 'align', 'start'],
	...['dataFootnotes', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel'],
]);

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

function describeUnsafeElement(node: {
	name: string | null;
	attributes: readonly { type: string; name?: string | undefined; value?: unknown }[];
}) {
	const name = node.name ?? '<>';
	if (!(ALLOWED_ELEMENTS as readonly string[]).includes(name)) {
		return {
			message: `contains the element <${name}>, which is not allowed`,
			fix: `use Markdown instead; only ${ALLOWED_ELEMENTS.map((element) => `<${element}>`).join(' ')} are allowed`,
		};
	}
	for (const attribute of node.attributes) {
		if (attribute.type !== 'mdxJsxAttribute')
			return { message: `gives <${name}> a {…} spread attribute`, fix: 'remove the attribute' };
		if (!ALLOWED_ATTRIBUTES.has(attribute.name!))
			return {
				message: `gives <${name}> the attribute ${JSON.stringify(attribute.name)}, which is not allowed`,
				fix: `remove it; allowed attributes are ${[...ALLOWED_ATTRIBUTES].join(', ')}`,
			};
		if (attribute.value !== null && typeof attribute.value !== 'string')
			return {
				message: `gives <${name}> a {…} attribute value`,
				fix: 'write the value as a quoted string',
			};
	}
	return undefined;
}

const CODE_PROBLEMS = {
	esm: {
		message: 'contains import/export, which would run code',
		fix: 'remove the import/export line',
	},
	expression: {
		message: 'contains a {…} JavaScript expression',
		fix: 'remove it, or escape literal braces as "\\{" and "\\}"',
	},
	html: {
		message: 'contains raw HTML',
		fix: 'write Markdown; a literal "<" must be escaped as "&lt;"',
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
	const at = (node: Positioned) => node.position?.start.line ?? 1;
	const add = (node: Positioned, problem: Omit<BodyProblem, 'line'>) =>
		problems.push({ line: at(node), ...problem });
	const throwIfUnsafe = () => {
		if (problems.length) throw new UnsafeContentError(file, problems.splice(0));
	};
	const element = (node: Parameters<typeof describeUnsafeElement>[0] & Positioned) => {
		const problem = describeUnsafeElement(node);
		if (problem) add(node, problem);
	};
	const mdast = defineMdastPlugin({
		name: 'wlm:mdx-allow-list',
		options: { position: true },
		mdxjsEsm: (node) => void add(node, CODE_PROBLEMS.esm),
		mdxFlowExpression: (node) => void add(node, CODE_PROBLEMS.expression),
		mdxTextExpression: (node) => void add(node, CODE_PROBLEMS.expression),
		mdxJsxFlowElement: (node) => void element(node),
		mdxJsxTextElement: (node) => void element(node),
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
				if (!OUTPUT_ELEMENTS.has(node.tagName)) return void refuseOutput(node, `<${node.tagName}>`);
				for (const [name, value] of Object.entries(node.properties ?? {})) {
					if (!OUTPUT_PROPERTIES.has(name)) refuseOutput(node, `<${node.tagName} ${name}>`);
					else if (name === 'href' && !isSafeLinkTarget(String(value)))
						add(node, linkProblem(String(value)));
				}
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node) => void element(node) },
		mdxJsxTextElement: { filter: [], visit: (node) => void element(node) },
		mdxFlowExpression: (node) => void add(node, CODE_PROBLEMS.expression),
		mdxTextExpression: (node) => void add(node, CODE_PROBLEMS.expression),
		mdxjsEsm: (node) => void add(node, CODE_PROBLEMS.esm),
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

/** The build's Markdown/MDX processor: Astro's default (Sätteri) with the allow-list inside. */
export function contentProcessor() {
	return satteri({
		mdastPlugins: [mdastAllowList],
		hastPlugins: [hastAllowList],
		features: { gfm: true, smartPunctuation: true },
	});
}

/**
 * Compiles a file exactly as the build does (same processor, plugins and options; MDX for `.mdx`,
 * Markdown for `.md`) and lists what the allow-list refuses. `compiledSource` is the file with its
 * frontmatter blanked, as the build passes it, so lines are file lines.
 */
export async function findUnsafeMdx(
	absolutePath: string,
	compiledSource: string,
	frontmatter: Record<string, unknown> = {},
): Promise<BodyProblem[]> {
	const processor = contentProcessor();
	try {
		if (absolutePath.endsWith('.mdx')) {
			const renderer = await processor.createMdxRenderer!(MARKDOWN_OPTIONS, {
				optimize: false,
				sourcemap: false,
			});
			await renderer.process(compiledSource, absolutePath, frontmatter);
		} else {
			const renderer = await processor.createRenderer(MARKDOWN_OPTIONS);
			await renderer.render(compiledSource, { fileURL: pathToFileURL(absolutePath), frontmatter });
		}
		return [];
	} catch (error) {
		if (error instanceof UnsafeContentError) return error.problems;
		const text = error instanceof Error ? error.message : String(error);
		const place = /^(\d+):\d+: /.exec(text);
		return [
			{
				line: place ? Number(place[1]) : 1,
				message: `is not valid MDX (${text.replace(/^\d+:\d+: /, '').split('\n')[0]})`,
				fix: 'write plain Markdown; a literal "{", "}" or "<" must be escaped as "\\{", "\\}" or "&lt;"',
			},
		];
	}
}
