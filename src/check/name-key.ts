import { normalizeName } from '../lib/names.ts';

/**
 * The key two names collide on: NFKC, lowercase, then a confusable skeleton in the spirit of
 * Unicode TS #39, so "Кubernetes" (Cyrillic К) or "kubernete5"-style tricks cannot dodge the
 * uniqueness rule. The table is the Latin look-alikes from Unicode's confusables.txt for the
 * scripts a contributor can type by accident or on purpose (Cyrillic, Greek, Armenian,
 * fullwidth forms fold already under NFKC), after lowercasing.
 */
const LOOK_ALIKES: Record<string, string> = {
	// Cyrillic
	а: 'a',
	в: 'b',
	г: 'r',
	ԁ: 'd',
	е: 'e',
	ё: 'e',
	һ: 'h',
	і: 'i',
	ї: 'i',
	ј: 'j',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	п: 'n',
	р: 'p',
	ԛ: 'q',
	с: 'c',
	т: 't',
	у: 'y',
	ѕ: 's',
	х: 'x',
	ԝ: 'w',
	ь: 'b',
	ӏ: 'l',
	ɡ: 'g',
	// Greek
	α: 'a',
	β: 'b',
	γ: 'y',
	ε: 'e',
	η: 'n',
	ι: 'i',
	κ: 'k',
	ν: 'v',
	ο: 'o',
	ρ: 'p',
	τ: 't',
	υ: 'u',
	χ: 'x',
	ω: 'w',
	ϲ: 'c',
	ϳ: 'j',
	// Armenian
	օ: 'o',
	ս: 'u',
	հ: 'h',
	ո: 'n',
	ց: 'g',
	զ: 'q',
	// Latin and digits that read as other Latin letters
	ı: 'i',
	ȷ: 'j',
	ɩ: 'i',
	ʟ: 'l',
	'0': 'o',
	'1': 'l',
	'|': 'l',
};
const LOOK_ALIKE = new RegExp(
	`[${Object.keys(LOOK_ALIKES)
		.join('')
		.replace(/[|\\\]^-]/g, '\\$&')}]`,
	'gu',
);
const INVISIBLE =
	/[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff]/gu;

export function nameKey(name: string): string {
	const skeleton = name
		.normalize('NFKC')
		.replace(INVISIBLE, '')
		.toLowerCase()
		.replace(LOOK_ALIKE, (character) => LOOK_ALIKES[character]!);
	return normalizeName(skeleton).replace(/rn/g, 'm');
}
