import { createProcessor } from '@mdx-js/mdx';
import type { Root, Nodes } from 'mdast';

/**
 * Contributed MDX is untrusted. MDX compiles `import`, `export`, `{expressions}` and JSX into
 * JavaScript that runs at build time and can ship to readers, so an entry body may hold only
 * Markdown plus a few inert HTML elements. The body is parsed with the MDX parser itself and the
 * tree is walked, so nothing that MDX would treat as code can hide from the check.
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

export interface BodyProblem {
	/** 1-based line within the body. */
	line: number;
	message: string;
	fix: string;
}

/** Where body links may point: the web, or a path on this site. */
export function isSafeLinkTarget(url: string): boolean {
	if (url.startsWith('#')) return true;
	if (url.startsWith('/')) return !url.startsWith('//') && !url.startsWith('/\\');
	try {
		return ['https:', 'http:'].includes(new URL(url).protocol);
	} catch {
		return false;
	}
}

/** Parses an entry body as MDX and lists everything in it that is not plain, safe Markdown. */
export function findUnsafeMdx(body: string): BodyProblem[] {
	let tree: Root;
	try {
		tree = createProcessor({ format: 'mdx' }).parse(body) as Root;
	} catch (error) {
		const place = (error as { line?: number }).line ?? 1;
		const reason = (error as { reason?: string }).reason ?? String(error);
		return [
			{
				line: place,
				message: `is not valid MDX (${reason})`,
				fix: 'write plain Markdown; a literal "{", "}" or "<" must be escaped as "\\{", "\\}" or "&lt;"',
			},
		];
	}
	const problems: BodyProblem[] = [];
	const visit = (node: Nodes) => {
		const line = node.position?.start.line ?? 1;
		const problem = describeUnsafeNode(node);
		if (problem) problems.push({ line, ...problem });
		if ('children' in node) for (const child of node.children) visit(child as Nodes);
	};
	visit(tree);
	return problems;
}

function describeUnsafeNode(node: Nodes): Omit<BodyProblem, 'line'> | undefined {
	switch (node.type) {
		case 'mdxjsEsm':
			return {
				message: 'contains import/export, which would run code',
				fix: 'remove the import/export line',
			};
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
			return {
				message: 'contains a {…} JavaScript expression',
				fix: 'remove it, or escape literal braces as "\\{" and "\\}"',
			};
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return describeUnsafeElement(node);
		case 'link':
		case 'definition':
			return isSafeLinkTarget(node.url)
				? undefined
				: {
						message: `links to "${node.url}"`,
						fix: 'link only to https:// addresses or to site paths such as /entries/kubernetes/',
					};
		case 'image':
		case 'imageReference':
			return {
				message: 'contains an image',
				fix: 'remove the image; entries are text only, so pages stay light and make no third-party requests',
			};
		default:
			return undefined;
	}
}

function describeUnsafeElement(
	node: Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>,
) {
	const name = node.name ?? '<>';
	if (!(ALLOWED_ELEMENTS as readonly string[]).includes(name)) {
		return {
			message: `contains the element <${name}>, which is not allowed`,
			fix: `use Markdown instead; only ${ALLOWED_ELEMENTS.map((element) => `<${element}>`).join(' ')} are allowed`,
		};
	}
	for (const attribute of node.attributes) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			return { message: `gives <${name}> a {…} spread attribute`, fix: 'remove the attribute' };
		}
		if (!ALLOWED_ATTRIBUTES.has(attribute.name)) {
			return {
				message: `gives <${name}> the attribute "${attribute.name}", which is not allowed`,
				fix: `remove it; allowed attributes are ${[...ALLOWED_ATTRIBUTES].join(', ')}`,
			};
		}
		if (attribute.value !== null && typeof attribute.value !== 'string') {
			return {
				message: `gives <${name}> a {…} attribute value`,
				fix: 'write the value as a quoted string',
			};
		}
	}
	return undefined;
}
