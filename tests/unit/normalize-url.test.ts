import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/check/normalize-url.ts';

describe('normalizeUrl', () => {
	it('ignores scheme, host case, www, default ports, trailing slashes, fragments and tracking', () => {
		const same = [
			'https://kubernetes.io/',
			'http://Kubernetes.IO',
			'https://www.kubernetes.io:443/',
			'https://kubernetes.io/?utm_source=list&utm_medium=x',
			'https://kubernetes.io/#top',
		];
		expect(new Set(same.map(normalizeUrl))).toEqual(new Set(['kubernetes.io']));
	});

	it('keeps what makes pages different: path case, other ports, real parameters in any order', () => {
		expect(normalizeUrl('https://example.org/Docs')).not.toBe(
			normalizeUrl('https://example.org/docs'),
		);
		expect(normalizeUrl('https://example.org:8443/')).toBe('example.org:8443');
		expect(normalizeUrl('https://queue.acm.org/detail.cfm?id=2898444')).toBe(
			'queue.acm.org/detail.cfm?id=2898444',
		);
		expect(normalizeUrl('https://x.org/?b=2&a=1')).toBe(normalizeUrl('https://x.org/?a=1&b=2'));
	});
});
