import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineHastPlugin, mdxToJs } from 'satteri';
import { findUnsafeMdx, isSafeLinkTarget } from '../../src/check/mdx-safety.ts';

const FILE = '/project/content/entries/networking/hostile.mdx';
const problemsOf = (body: string) => findUnsafeMdx(FILE, body);
const messages = async (body: string) =>
	(await problemsOf(body)).map((problem) => `${problem.line}: ${problem.message}`);

describe('MDX safety', () => {
	it('accepts plain Markdown, site links, web links and the inert elements', async () => {
		const body = [
			'A *plain* paragraph with **strong** text, `code` and a [web link](https://example.org/).',
			'',
			'- a list item linking to [Kubernetes](/entries/kubernetes/)',
			'',
			'An <abbr title="Software-defined networking">SDN</abbr> note, with H<sub>2</sub>O and <kbd>/</kbd>.',
		].join('\n');
		expect(await problemsOf(body)).toEqual([]);
	});

	it.each([
		['import', "import Danger from './danger.js'", 'contains import/export, which would run code'],
		[
			'export',
			'export const x = globalThis.process.exit()',
			'contains import/export, which would run code',
		],
		[
			'a flow expression',
			'{globalThis.fetch("https://evil.example")}',
			'contains a {…} JavaScript expression',
		],
		[
			'an inline expression',
			'Some text {1 + 1} more text.',
			'contains a {…} JavaScript expression',
		],
		[
			'<script>',
			'<script>alert(1)</script>',
			'contains the element <script>, which is not allowed',
		],
		[
			'<iframe>',
			'<iframe src="https://evil.example"></iframe>',
			'contains the element <iframe>, which is not allowed',
		],
		['<style>', '<style>body</style>', 'contains the element <style>, which is not allowed'],
		[
			'<object>',
			'<object data="x.swf"></object>',
			'contains the element <object>, which is not allowed',
		],
		['<embed>', '<embed src="x.swf" />', 'contains the element <embed>, which is not allowed'],
		[
			'<form>',
			'<form action="https://evil.example"><button>Go</button></form>',
			'contains the element <form>, which is not allowed',
		],
		[
			'a component',
			'<Counter start={1} />',
			'contains the element <Counter>, which is not allowed',
		],
		[
			'an event handler',
			'Text <abbr onclick="alert(1)">x</abbr>.',
			'gives <abbr> the attribute "onclick", which is not allowed',
		],
		[
			'a style attribute',
			'Text <mark style="color:red">x</mark>.',
			'gives <mark> the attribute "style", which is not allowed',
		],
		[
			'a spread attribute',
			'Text <abbr {...props}>x</abbr>.',
			'gives <abbr> a {…} spread attribute',
		],
		[
			'an expression attribute',
			'Text <abbr title={secret}>x</abbr>.',
			'gives <abbr> a {…} attribute value',
		],
		['a javascript: link', '[click](javascript:alert(1))', 'links to "javascript:alert(1)"'],
		[
			'a data: link',
			'[click](data:text/html;base64,PHNjcmlwdD4=)',
			'links to "data:text/html;base64,PHNjcmlwdD4="',
		],
		['a protocol-relative link', '[click](//evil.example/x)', 'links to "//evil.example/x"'],
		[
			'a reference definition',
			'[x]: javascript:alert(1)\n\nSee [x].',
			'links to "javascript:alert(1)"',
		],
		['an image', '![tracker](https://evil.example/pixel.gif)', 'contains an image'],
		[
			'JSX hidden from a GFM-blind reading by a table cell',
			'| a | b |\n|---|---|\n| `x | <abbr title={globalThis.marker()}>K</abbr> | y` | z |',
			'gives <abbr> a {…} attribute value',
		],
		[
			'a meta refresh',
			'<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
			'contains the element <meta>, which is not allowed',
		],
		[
			'a link with user info',
			'[k8s](https://kubernetes.io@evil.example/)',
			'links to "https://kubernetes.io@evil.example/"',
		],
		['a task list checkbox', '- [ ] task', 'compiles to <input>, which is not allowed'],
	])('refuses %s', async (_name, body, message) => {
		expect(await messages(`Intro paragraph.\n\n${body}\n`)).toContainEqual(
			expect.stringMatching(
				new RegExp(`^\\d+: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
			),
		);
	});

	it('reports MDX that does not parse, with its line', async () => {
		expect(await problemsOf('Fine.\n\nBroken { brace\n')).toMatchObject([
			{ line: 3, message: expect.stringMatching(/^is not valid MDX/) },
		]);
	});

	it('finds problems nested inside allowed elements and lists', async () => {
		expect(await messages('- item <strong>bold <script>x</script></strong>\n')).toEqual([
			'1: contains the element <script>, which is not allowed',
		]);
	});

	it('allows only web addresses and site paths as link targets', () => {
		expect(
			['https://a.example', 'http://a.example', '/entries/x/', '#notes'].every(isSafeLinkTarget),
		).toBe(true);
		expect(
			[
				'javascript:alert(1)',
				'JAVASCRIPT:alert(1)',
				'data:x',
				'vbscript:x',
				'//evil.example',
				'/\\evil.example',
				'mailto:x@y',
				'https://kubernetes.io@evil.example/',
				'https://user:pass@example.org/',
			].some(isSafeLinkTarget),
		).toBe(false);
	});
});

const INERT = [
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
];
/** The test's own statement of safe JSX: an inert element, with string title/lang/dir at most. */
function unsafeJsx(node: {
	name: string | null;
	attributes: readonly { type: string; name?: string | undefined; value?: unknown }[];
}): string[] {
	const safe =
		[...INERT, 'sub', 'sup'].includes(node.name ?? '') &&
		node.attributes.every(
			(attribute) =>
				attribute.type === 'mdxJsxAttribute' &&
				['title', 'lang', 'dir'].includes(attribute.name ?? '') &&
				(attribute.value === null || typeof attribute.value === 'string'),
		);
	return safe ? [] : [`<${node.name} …>`];
}

/** Everything the real MDX pipeline puts in its output, read from the final hast. */
function compiledOutput(body: string) {
	const elements: { tag: string; properties: string[]; href?: string }[] = [];
	const code: string[] = [];
	const recorder = defineHastPlugin({
		name: 'test:recorder',
		element: {
			filter: [],
			visit(node) {
				const href = node.properties?.href;
				elements.push({
					tag: node.tagName,
					properties: Object.keys(node.properties ?? {}),
					...(href === undefined ? {} : { href: String(href) }),
				});
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node) => void code.push(...unsafeJsx(node)) },
		mdxJsxTextElement: { filter: [], visit: (node) => void code.push(...unsafeJsx(node)) },
		mdxFlowExpression: (node) => void code.push(`{${node.value}}`),
		mdxTextExpression: (node) => void code.push(`{${node.value}}`),
		mdxjsEsm: (node) => void code.push(node.value),
		raw: (node) => void code.push(node.value),
	});
	mdxToJs(body, {
		hastPlugins: [recorder],
		features: { gfm: true, smartPunctuation: true },
		jsxImportSource: 'astro',
		elementAttributeNameCase: 'html',
	});
	return { elements, code };
}

const SAFE_OUTPUT = new Set([
	...['p', 'a', 'em', 'strong', 'code', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead'],
	...['tbody', 'tr', 'th', 'td', 'del', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre'],
	...['sup', 'section'],
]);

describe('differential: what the check accepts compiles to nothing outside the allow-list', () => {
	const fragments = [
		...['plain words', '*em*', '**strong**', '`code`', '| a | b |\n|---|---|\n| c | d |'],
		...[
			'| `x | y` |',
			'<abbr title="t">K</abbr>',
			'<abbr title={x}>K</abbr>',
			'<script>x</script>',
		],
		...[
			'<meta http-equiv="refresh" />',
			'{globalThis.x}',
			'import x from "y"',
			'export const a = 1',
		],
		...[
			'[a](javascript:x)',
			'[a](https://e.example/)',
			'[a](https://u@e.example/)',
			'[r]',
			'[r]: data:x',
		],
		...[
			'<https://e.example/>',
			'www.example.org',
			'~~gone~~',
			'- [x] done',
			'![i](https://e/i.png)',
		],
		...[
			'\\{escaped\\}',
			'&lt;tag&gt;',
			'<kbd onclick="x">k</kbd>',
			'<Component />',
			'`',
			'|',
			'\n\n',
		],
		...['<!-- c -->', '[^1]\n\n[^1]: note', '> quote', '# heading', '<em {...p}>x</em>', '\\<b>'],
	];
	const body = fc
		.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 6 })
		.chain((parts) =>
			fc
				.array(fc.constantFrom(' ', '\n', '\n\n', ' | ', '`'), {
					minLength: parts.length,
					maxLength: parts.length,
				})
				.map((glue) => parts.map((part, index) => part + glue[index]).join('')),
		);

	it('holds for generated bodies', async () => {
		await fc.assert(
			fc.asyncProperty(body, async (text) => {
				const problems = await problemsOf(text);
				let output: ReturnType<typeof compiledOutput>;
				try {
					output = compiledOutput(text);
				} catch {
					// The compiler refuses it too: it is then refused by the check (not valid MDX).
					expect(problems.length).toBeGreaterThan(0);
					return;
				}
				const unsafe = [
					...output.code,
					...output.elements
						.filter((element) => !SAFE_OUTPUT.has(element.tag) && !INERT.includes(element.tag))
						.map((element) => `<${element.tag}>`),
					...output.elements
						.filter((element) => element.href !== undefined && !isSafeLinkTarget(element.href))
						.map((element) => `href=${element.href}`),
				];
				if (unsafe.length) expect(problems, `${JSON.stringify(text)} → ${unsafe}`).not.toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});
});
