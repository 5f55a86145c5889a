import { describe, expect, it } from 'vitest';
import { findUnsafeMdx, isSafeLinkTarget } from '../../src/check/mdx-safety.ts';

const messages = (body: string) =>
	findUnsafeMdx(body).map((problem) => `${problem.line}: ${problem.message}`);

describe('MDX safety', () => {
	it('accepts plain Markdown, site links, web links and the inert elements', () => {
		const body = [
			'A *plain* paragraph with **strong** text, `code` and a [web link](https://example.org/).',
			'',
			'- a list item linking to [Kubernetes](/entries/kubernetes/)',
			'',
			'An <abbr title="Software-defined networking">SDN</abbr> note, with H<sub>2</sub>O and <kbd>/</kbd>.',
		].join('\n');
		expect(findUnsafeMdx(body)).toEqual([]);
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
	])('refuses %s', (_name, body, message) => {
		expect(messages(`Intro paragraph.\n\n${body}\n`)).toContainEqual(`3: ${message}`);
	});

	it('reports MDX that does not parse, with its line', () => {
		expect(findUnsafeMdx('Fine.\n\nBroken { brace\n')).toMatchObject([
			{ line: 3, message: expect.stringMatching(/^is not valid MDX/) },
		]);
	});

	it('finds problems nested inside allowed elements and lists', () => {
		expect(messages('- item <strong>bold <script>x</script></strong>\n')).toEqual([
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
			].some(isSafeLinkTarget),
		).toBe(false);
	});
});
